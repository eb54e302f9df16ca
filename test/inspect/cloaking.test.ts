import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { parseResolve } from "../../src/fetch/hostMapping.ts";
import { cloakingCheck } from "../../src/inspect/cloaking.ts";
import { createContentScanner, type ContentScanner } from "../../src/text/contentScanner.ts";
import { serveSite, type TestSite } from "../helpers/httpSite.ts";

let site: TestSite;
let fetcher: Fetcher;
let scanner: ContentScanner;
const host = "www.cloak.gov.cn";

before(async () => {
  const page = (extra: string) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>示范县人民政府</title></head><body><a href="/tzgg/">通知公告</a>${extra}</body></html>`;
  site = await serveSite({
    "/": (request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const crawler = /spider|bot/i.test(request.headers["user-agent"] ?? "");
      response.end(page(crawler ? `<a href="https://www.xpj-casino.com/">一分快3-开户</a>` : ""));
    },
    "/same/": (_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(page(`<a href="https://www.people.com.cn/">人民网</a>`));
    },
  });
  fetcher = new Fetcher(
    defaultFetchOptions({
      mappings: [parseResolve(`${host}:${site.port}:127.0.0.1`)],
      mappedOnly: true,
      minIntervalMs: 0,
    }),
  );
  scanner = await createContentScanner({ asOf: new Date("2026-11-20T00:00:00+08:00") });
});

after(async () => {
  await fetcher.close();
  await site.close();
});

const context = () => ({
  site: `http://${host}:${site.port}`,
  scopeHosts: new Set([host]),
  trustedHosts: new Set(["people.com.cn"]),
  spam: (text: string) => scanner.scanHidden(text),
});

test("a homepage that shows crawlers a spam link visitors do not see is a tampering suspect", async () => {
  const findings = await cloakingCheck(fetcher, `http://${host}:${site.port}/`, context());
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.check, "content.cloaking");
  assert.deepEqual(findings[0]?.evidence.crawlerOnlyHosts, ["www.xpj-casino.com"]);
  assert.ok((findings[0]?.evidence.crawlerOnlyTerms as string[]).length > 0);
});

test("the same page for crawler and browser raises nothing", async () => {
  assert.deepEqual(await cloakingCheck(fetcher, `http://${host}:${site.port}/same/`, context()), []);
});
