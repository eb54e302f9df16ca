import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fixedClock } from "../../src/core/clock.ts";
import type { Finding } from "../../src/core/finding.ts";
import { defaultCrawlConfig } from "../../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import { inspect } from "../../src/inspect/inspect.ts";
import type { InspectionReport } from "../../src/report/schema.ts";
import { closedPort, html, serveSite, status, type TestSite } from "../helpers/httpSite.ts";

const host = "www.test-site.gov.cn";
const home = `http://${host}/`;
let site: TestSite;
let report: InspectionReport;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

before(async () => {
  site = await serveSite({
    "/": html(`
      <ul class="nav"><li><a href="/ok.html">要闻动态</a></li><li><a href="/missing.html">通知公告</a></li></ul>
      <a href="/gone.html">已撤销文件</a> <a href="/error.html">数据发布</a> <a href="/bot.html">在线办事</a>
      <a href="/slow.html">慢页面</a> <a href="/loop/a">循环</a> <a href="/chain/1">旧地址</a>
      <a href="http://old.test-site.invalid/">旧系统</a> <a href="http://www.refused.gov.cn/">已关停系统</a>
      <img src="/img/missing.png" alt="横幅"> <a href="/files/missing.pdf">申请表.pdf</a> <a href="/files/ok.pdf">办事指南.pdf</a>
      <a href="/calendar?date=2026-11-01">活动日历</a>
      <div style="display:none"><a href="http://www.spam-casino.invalid/">一分快3-开户</a><a href="/menu.html">内部菜单</a></div>
      <div style="position:absolute;left:-9999px"><a href="http://bet.spam.invalid/x">棋牌</a></div>`),
    "/ok.html": html(
      `<a href="/">首页</a> <a href="/missing.html">通知公告</a> <a href="/chain/1">旧地址</a>`,
    ),
    "/menu.html": html(`<a href="/">首页</a>`),
    "/gone.html": status(410),
    "/error.html": status(500),
    "/bot.html": (request, response) => {
      const browserLike = /Mozilla/.test(request.headers["user-agent"] ?? "");
      response.writeHead(browserLike ? 200 : 403, { "content-type": "text/html" }).end("<p>办事</p>");
    },
    "/slow.html": (_request, response) => {
      const timer = setTimeout(
        () => response.writeHead(200, { "content-type": "text/html" }).end("late"),
        3000,
      );
      response.on("close", () => clearTimeout(timer));
    },
    "/loop/a": status(302, { location: "/loop/b" }),
    "/loop/b": status(302, { location: "/loop/a" }),
    "/chain/1": status(301, { location: "/chain/2" }),
    "/chain/2": status(302, { location: "/ok.html" }),
    "/files/ok.pdf": (_request, response) =>
      void response.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4"),
    "/calendar": (_request, response, url) => {
      const date = url.searchParams.get("date") ?? "2026-11-01";
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(
        `<html><body><p>${date} 活动</p><a href="/calendar?date=${nextDay(date)}">下一天</a></body></html>`,
      );
    },
  });
  const refused = await closedPort();
  report = await inspect({
    urls: [home],
    clock: fixedClock(new Date("2026-11-20T02:00:00Z")),
    fetch: defaultFetchOptions({
      mappings: [
        parseConnectTo(`${host}:80:127.0.0.1:${site.port}`),
        parseConnectTo(`www.refused.gov.cn:80:127.0.0.1:${refused}`),
      ],
      mappedOnly: true,
      minIntervalMs: 0,
      totalTimeoutMs: 800,
      headersTimeoutMs: 800,
      bodyTimeoutMs: 800,
      retries: 1,
      retryBaseDelayMs: 10,
    }),
    crawl: { ...defaultCrawlConfig, trapLimits: { ...defaultCrawlConfig.trapLimits, maxQueryVariants: 5 } },
    siteConcurrency: 1,
  });
});

after(() => site.close());

function findingFor(url: string): Finding | undefined {
  return report.sites[0]!.findings.find(
    (finding) => finding.url === url && finding.check.startsWith("link."),
  );
}

test("each link verdict is reached through real HTTP on loopback", () => {
  const expectations: Array<[string, string, string]> = [
    [`${home}missing.html`, "link.dead", "confirmed"],
    [`${home}gone.html`, "link.dead", "confirmed"],
    ["http://old.test-site.invalid/", "link.dead", "confirmed"],
    ["http://www.refused.gov.cn/", "link.dead", "confirmed"],
    [`${home}loop/a`, "link.dead", "confirmed"],
    [`${home}error.html`, "link.dead", "suspected"],
    [`${home}slow.html`, "link.dead", "suspected"],
    [`${home}img/missing.png`, "link.image-dead", "confirmed"],
    [`${home}files/missing.pdf`, "link.attachment-dead", "confirmed"],
  ];
  for (const [url, check, confidence] of expectations) {
    const finding = findingFor(url);
    assert.ok(finding, `no finding for ${url}`);
    assert.equal(finding.check, check, url);
    assert.equal(finding.confidence, confidence, url);
  }
  assert.equal(findingFor(`${home}files/ok.pdf`), undefined);
  assert.equal(findingFor(`${home}ok.html`), undefined);
  assert.equal(findingFor(`${home}chain/1`), undefined, "a redirect chain that ends in 200 is not broken");
  assert.equal(findingFor(`${home}bot.html`), undefined, "a browser-like retry got through");
});

test("a broken link names every page it stands on, the element, the anchor text and the homepage", () => {
  const finding = findingFor(`${home}missing.html`)!;
  const evidence = finding.evidence as {
    onHomepage: boolean;
    internal: boolean;
    occurrenceCount: number;
    occurrences: Array<{ page: string; element: string; text: string; onHomepage: boolean }>;
  };
  assert.equal(evidence.onHomepage, true);
  assert.equal(evidence.internal, true);
  assert.equal(evidence.occurrenceCount, 2);
  assert.deepEqual(evidence.occurrences.map((o) => o.page).sort(), [home, `${home}ok.html`]);
  assert.ok(evidence.occurrences.every((o) => o.element === "a" && o.text === "通知公告"));
  assert.equal(finding.severity, "deduct");
  assert.match(finding.indicator!, /首页链接/);
  const external = findingFor("http://old.test-site.invalid/")!;
  assert.equal((external.evidence as { internal: boolean }).internal, false);
  assert.equal(external.severity, "warn", "external links weigh less than internal ones");
});

test("the redirect loop is recorded hop by hop", () => {
  const evidence = findingFor(`${home}loop/a`)!.evidence as {
    redirects: Array<{ url: string }>;
    error: string;
  };
  assert.equal(evidence.error, "REDIRECT_LOOP");
  assert.ok(evidence.redirects.length >= 2);
});

test("hidden links to non-government hosts are flagged, hidden internal menus are not", () => {
  const hidden = report.sites[0]!.findings.filter((finding) => finding.check === "content.hidden-link");
  assert.deepEqual(hidden.map((finding) => finding.url).sort(), [
    "http://bet.spam.invalid/x",
    "http://www.spam-casino.invalid/",
  ]);
  const casino = hidden.find((finding) => finding.url.includes("casino"))!;
  assert.equal(casino.evidence.text, "一分快3-开户");
  assert.equal(casino.evidence.hiddenReason, "display:none");
  assert.equal(casino.severity, "veto");
  assert.equal(casino.confidence, "suspected");
});

test("the calendar trap is bounded and reported", () => {
  const trap = report.sites[0]!.findings.find((finding) => finding.check === "crawl.trap");
  assert.ok(trap);
  assert.equal(trap.evidence.kind, "query-variations");
  const calendarFetches = site.requests.filter((line) => line.startsWith("GET /calendar")).length;
  assert.ok(calendarFetches <= 6, `calendar fetched ${calendarFetches} times`);
});

test("findings carry stable fingerprints and the report its facts", () => {
  const siteReport = report.sites[0]!;
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.asOf, "2026-11-20T02:00:00.000Z");
  assert.equal(siteReport.reachable, true);
  assert.equal(siteReport.facts.status, 200);
  assert.equal(siteReport.facts.charset?.name, "utf-8");
  const fingerprints = siteReport.findings.map((finding) => finding.fingerprint);
  assert.equal(new Set(fingerprints).size, fingerprints.length);
  assert.ok(fingerprints.every((fingerprint) => /^[0-9a-f]{24}$/.test(fingerprint)));
  assert.ok(siteReport.stats.pagesParsed >= 3);
});
