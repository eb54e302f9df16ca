import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fixedClock } from "../../src/core/clock.ts";
import { defaultCrawlConfig } from "../../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import { inspect } from "../../src/inspect/inspect.ts";
import type { InspectionReport } from "../../src/report/schema.ts";
import { html, serveSite, type TestSite } from "../helpers/httpSite.ts";

/** GB 11643 check digit (ISO 7064 MOD 11-2). */
function withCheckDigit(base: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return base + "10X98765432"[sum % 11]!;
}

const leaked = withCheckDigit("11010519800101002");
const host = "www.attach.gov.cn";
let site: TestSite;
let report: InspectionReport;

before(async () => {
  site = await serveSite({
    "/": html(
      `<h1>测试县人民政府</h1><a href="/files/dibao.csv">2026年低保名单.csv</a><a href="/files/masked.csv">已脱敏名单.csv</a>`,
    ),
    "/files/dibao.csv": (_request, response) => {
      response.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
      response.end(`姓名,身份证号码,保障人数\n张某某,${leaked},3\n`);
    },
    "/files/masked.csv": (_request, response) => {
      response.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
      response.end(`姓名,身份证号码\n李某某,110105********0012\n`);
    },
  });
  report = await inspect({
    urls: [`http://${host}/`],
    clock: fixedClock(new Date("2026-11-20T00:00:00+08:00")),
    fetch: defaultFetchOptions({
      mappings: [parseConnectTo(`${host}:80:127.0.0.1:${site.port}`)],
      mappedOnly: true,
      minIntervalMs: 0,
    }),
    crawl: { ...defaultCrawlConfig, maxPages: 20 },
    siteConcurrency: 1,
  });
});

after(() => site.close());

test("an ID number inside a linked attachment is reported from the attachment, masked", () => {
  const [siteReport] = report.sites;
  const leaks = siteReport!.findings.filter((f) => f.check === "content.privacy");
  assert.deepEqual(
    leaks.map((f) => [f.url, f.evidence.source, f.evidence.found]),
    [[`http://${host}/files/dibao.csv`, "attachment", `${leaked.slice(0, 6)}********${leaked.slice(-4)}`]],
  );
  assert.doesNotMatch(JSON.stringify(report), new RegExp(leaked));
  assert.equal(siteReport!.attachments?.read, 2);
});
