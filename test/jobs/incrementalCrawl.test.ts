/**
 * The daily crawl is incremental: the second crawl of a site fetches every page again but requests
 * healthy link targets only once per link cycle, re-checks broken ones, reads unchanged attachments
 * from memory, and records the same findings a full crawl finds. The cache is replaced only by a
 * finished crawl; the re-check path (no cache) requests everything again.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { defaultCrawlConfig } from "../../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import { emptySiteConfig } from "../../src/inspect/siteConfig.ts";
import { runCrawl } from "../../src/jobs/crawlJob.ts";
import type { JobContext } from "../../src/jobs/context.ts";
import { inspectRegisteredSite } from "../../src/jobs/siteInspection.ts";
import { loadRuleSet } from "../../src/rules/ruleSet.ts";
import { crawlsOfSite } from "../../src/store/crawlRepository.ts";
import { loadPageCache } from "../../src/store/pageCacheRepository.ts";
import { createSite, type Site } from "../../src/store/siteRepository.ts";
import { html, serveSite, type Route, type TestSite } from "../helpers/httpSite.ts";
import { engines, openTestStore, type TestStore } from "../store/engines.ts";

const homepage = "http://www.incremental-test.gov.cn/";
const dayMs = 86_400_000;

const articles = [1, 2, 3, 4].map((n) => `/news/${n}.html`);
const text: Record<string, string> = Object.fromEntries(
  articles.map((path, i) => [path, `<h1>要闻${i + 1}</h1><p>2026年11月${i + 1}日 全县干部要再接再励。</p>`]),
);

function startSite(): Promise<TestSite> {
  const routes: Record<string, Route> = {
    "/": html(
      `<h1>测试县人民政府</h1><img src="/img/logo.png" alt="县徽">` +
        articles.map((href, i) => `<a href="${href}">要闻${i + 1}</a>`).join("") +
        `<a href="/dead.html">办事指南</a><a href="/files/list.txt">低保名单</a>`,
    ),
    "/img/logo.png": (_request, response) =>
      void response.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(64)),
    "/files/list.txt": (_request, response) =>
      void response
        .writeHead(200, { "content-type": "text/plain; charset=utf-8" })
        .end("低保名单：张三 身份证号 110101199003074514"),
  };
  for (const path of articles)
    routes[path] = (request, response, url) => html(text[path]!)(request, response, url);
  return serveSite(routes);
}

for (const engine of engines) {
  describe(`incremental daily crawls (${engine})`, () => {
    let testStore: TestStore;
    let site: TestSite;
    let registered: Site;
    let now = new Date("2026-11-20T02:00:00Z");
    let ctx: JobContext;
    const requested = (line: string): number => site.requests.filter((request) => request === line).length;
    const requestsOf = async (run: () => Promise<unknown>): Promise<string[]> => {
      const from = site.requests.length;
      await run();
      return site.requests.slice(from);
    };
    const lastFingerprints = async (): Promise<string[]> => {
      const crawls = await crawlsOfSite(ctx.db, registered.id);
      const report = crawls.at(-1)!.report as unknown as { findings: { fingerprint: string }[] };
      return report.findings.map((finding) => finding.fingerprint).sort();
    };

    before(async () => {
      testStore = await openTestStore(engine);
      site = await startSite();
      registered = await createSite(testStore.store.db, {
        name: "测试县人民政府",
        homepage,
        organizer: "测试县人民政府办公室",
        kind: "portal",
      });
      ctx = {
        db: testStore.store.db,
        clock: { now: () => now },
        fetch: defaultFetchOptions({
          mappings: [parseConnectTo(`www.incremental-test.gov.cn:80:127.0.0.1:${site.port}`)],
          mappedOnly: true,
          minIntervalMs: 0,
        }),
        crawl: { ...defaultCrawlConfig, maxPages: 20, checkExternal: false, useSitemap: false },
        siteConfig: emptySiteConfig,
        content: {},
        standards: { searchProbe: false },
        ruleSet: loadRuleSet(),
        log: () => {},
      };
    });
    after(async () => {
      await site?.close();
      await testStore?.dispose();
    });

    test("the first crawl is full and fills the cache", async () => {
      await runCrawl(ctx, { siteId: registered.id });
      const cache = await loadPageCache(ctx.db, registered.id);
      const urls = (kind: "text" | "link"): string[] =>
        cache.filter((entry) => entry[kind] !== undefined).map((entry) => new URL(entry.url).pathname);
      assert.deepEqual(urls("text").sort(), ["/", ...articles, "/files/list.txt"].sort());
      assert.deepEqual(urls("link").sort(), ["/files/list.txt", "/img/logo.png"], "healthy link checks only");
      const findings = await lastFingerprints();
      assert.ok(findings.length > 0);
    });

    test("the next day: pages fetched, healthy links and unchanged text not requested, findings as a full crawl", async () => {
      now = new Date(now.getTime() + dayMs);
      text["/news/2.html"] = `<h1>要闻2</h1><p>2026年11月2日 各项工作按步就班推进。</p>`;
      const requests = await requestsOf(() => runCrawl(ctx, { siteId: registered.id }));
      for (const path of ["/", ...articles]) assert.ok(requests.includes(`GET ${path}`), `${path} fetched`);
      assert.ok(
        requests.some((line) => line.endsWith(" /dead.html")),
        "the broken link is checked again",
      );
      assert.ok(!requests.some((line) => line.includes("/img/logo.png")), requests.join("\n"));
      assert.ok(
        !requests.some((line) => line.includes("/files/list.txt")),
        "the attachment is not downloaded",
      );

      const incremental = await lastFingerprints();
      const full = (await inspectRegisteredSite(ctx, registered, now)).sites[0]!;
      assert.deepEqual(incremental, full.findings.map((finding) => finding.fingerprint).sort());
      const typos = full.findings.filter((finding) => finding.check === "content.typo");
      assert.ok(
        typos.some((finding) => finding.evidence.found === "按步就班"),
        "the edited page is checked",
      );
      assert.ok(
        full.findings.some((finding) => finding.check === "content.privacy"),
        "the attachment's leak",
      );
    });

    test("the re-check path (no cache) requests every link again", async () => {
      const before = requested("HEAD /img/logo.png") + requested("GET /img/logo.png");
      await inspectRegisteredSite(ctx, registered, now);
      assert.ok(requested("HEAD /img/logo.png") + requested("GET /img/logo.png") > before);
    });

    test("a failed crawl leaves the previous cache as it was", async () => {
      const cached = await loadPageCache(ctx.db, registered.id);
      const failing = { ...ctx, content: { lexiconFiles: ["/nonexistent/lexicon.txt"] } };
      await assert.rejects(runCrawl(failing, { siteId: registered.id }));
      assert.deepEqual(await loadPageCache(ctx.db, registered.id), cached);
    });

    test("past the link cycle, healthy links are requested again", async () => {
      now = new Date(now.getTime() + 8 * dayMs);
      const requests = await requestsOf(() => runCrawl(ctx, { siteId: registered.id }));
      assert.ok(requests.some((line) => line.endsWith(" /img/logo.png")));
      assert.ok(requests.some((line) => line.endsWith(" /files/list.txt")));
    });
  });
}
