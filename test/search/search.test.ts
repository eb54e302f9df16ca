import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { after, before, describe, test } from "node:test";
import { startDemoServer, type DemoServer } from "../../demo/server.ts";
import { planSearch, searchFindings, type SearchPlan } from "../../src/checks/search.ts";
import type { FindingDraft } from "../../src/core/finding.ts";
import { decodeBody } from "../../src/fetch/charset.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import { encodeForm, probeSearch, searchFetcherOf, type SearchFetcher } from "../../src/fetch/searchProbe.ts";
import type { PageModel } from "../../src/parse/model.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { html, serveSite, type Route, type TestSite } from "../helpers/httpSite.ts";

const articles = `<ul class="news">
<li><a href="/art/1.html">示范县召开秋冬季森林防火工作部署会</a></li>
<li><a href="/art/2.html">县领导检查森林防火和安全生产工作</a></li>
<li><a href="/art/3.html">关于印发2026年农村人居环境整治方案的通知</a></li>
</ul>`;

const fetcher = new Fetcher(defaultFetchOptions({ minIntervalMs: 0, retries: 0, totalTimeoutMs: 5000 }));
after(() => fetcher.close());

async function homepage(url: string, with_: SearchFetcher = searchFetcherOf(fetcher)): Promise<PageModel> {
  const result = await with_.fetchPage(url);
  assert.equal(result.status, 200, `homepage ${url}`);
  return parsePage(decodeBody(result.body!, result.headers["content-type"]).text, result.finalUrl);
}

/** Plans, probes and judges the search of the homepage at url, as the inspection does. */
async function inspectSearch(
  url: string,
  with_: SearchFetcher = searchFetcherOf(fetcher),
): Promise<{ plan: SearchPlan; findings: FindingDraft[] }> {
  const home = await homepage(url, with_);
  const plan = planSearch(home);
  const response = plan.kind === "submit" ? await probeSearch(with_, plan.request) : undefined;
  return { plan, findings: searchFindings(home, plan, response, { site: new URL(url).origin }) };
}

/** A result page that lists the articles whose titles hold the query, like a real engine. */
function results(param: string, read: (req: IncomingMessage, url: URL) => Promise<URLSearchParams>): Route {
  return (req, res, url) => {
    void read(req, url).then((params) => {
      const q = params.get(param) ?? "";
      const hits = [...articles.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].filter(
        (m) => q !== "" && m[2]!.includes(q),
      );
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<html lang="zh-CN"><head><title>搜索结果</title></head><body><form action="/s"><input name="q" value="${q}"></form>` +
          `<p>检索“${q}”，共找到 ${hits.length} 条</p><ul>${hits.map((m) => `<li><a href="${m[1]}">${m[2]}</a></li>`).join("")}</ul></body></html>`,
      );
    });
  };
}

const fromQuery = (_req: IncomingMessage, url: URL): Promise<URLSearchParams> =>
  Promise.resolve(url.searchParams);
const fromBody = async (req: IncomingMessage): Promise<URLSearchParams> => {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
};

describe("search on loopback sites", () => {
  let site: TestSite;
  let base: string;
  before(async () => {
    const search = `<form action="/s" method="get"><input type="hidden" name="siteid" value="7"><input name="q" placeholder="请输入关键词"><input type="submit" value="搜索"></form>`;
    site = await serveSite({
      "/": html(search + articles),
      "/s": results("q", fromQuery),
      "/empty/": html(
        `<form action="/empty/s"><input name="keyword"><button>搜索</button></form>${articles}`,
      ),
      "/empty/s": html(`<p>很抱歉，没有找到与您搜索相关的结果。</p>`),
      "/error/": html(
        `<form action="/error/s"><input name="keyword"><button>搜索</button></form>${articles}`,
      ),
      "/error/s": html(`<h1>500 Internal Server Error</h1>`, 500),
      "/post/": html(
        `<form action="/post/s" method="post"><input name="searchword"><input type="submit" name="go" value="检索"></form>${articles}`,
      ),
      "/post/s": results("searchword", fromBody),
      "/js/": html(
        `<div class="search"><input id="kw" placeholder="搜索"><a href="javascript:doSearch()">搜索</a></div>${articles}`,
      ),
      "/none/": html(`<p>欢迎</p>${articles}`),
    });
    base = `http://127.0.0.1:${site.port}`;
  });
  after(() => site.close());

  test("a working GET search: the term comes from a homepage title and result items hold it", async () => {
    const { plan, findings } = await inspectSearch(`${base}/`);
    assert.equal(plan.kind, "submit");
    if (plan.kind !== "submit") return;
    // 森林 is in two titles, so it wins over longer words found in one (人居环境).
    assert.equal(plan.term, "森林");
    assert.match(plan.termSource, /森林防火/);
    assert.deepEqual(findings, []);
    const sent = site.requests.find((r) => r.startsWith("GET /s?"));
    assert.equal(sent, `GET /s?siteid=7&q=${encodeURIComponent("森林")}`);
  });

  test("an engine that finds nothing for a word on the site is broken (confirmed)", async () => {
    const { findings } = await inspectSearch(`${base}/empty/`);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding!.check, "standards.search-broken");
    assert.equal(finding!.severity, "deduct");
    assert.equal(finding!.confidence, "confirmed");
    assert.equal(finding!.evidence["emptyMarker"], "没有找到");
    assert.equal(finding!.url, `${base}/empty/s`);
  });

  test("an error page is broken, with its status", async () => {
    const { findings } = await inspectSearch(`${base}/error/`);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.check, "standards.search-broken");
    assert.equal(findings[0]!.evidence["status"], 500);
    assert.equal(findings[0]!.confidence, "confirmed");
  });

  test("a POST form is posted as a urlencoded body, submit button included", async () => {
    const { plan, findings } = await inspectSearch(`${base}/post/`);
    assert.equal(plan.kind === "submit" && plan.request.method, "post");
    assert.deepEqual(findings, []);
  });

  test("a script-only search box is inconclusive and no search is sent", async () => {
    const before = site.requests.length;
    const { plan, findings } = await inspectSearch(`${base}/js/`);
    assert.equal(plan.kind, "scripted");
    assert.equal(findings[0]?.check, "standards.search-broken");
    assert.equal(findings[0]?.confidence, "inconclusive");
    assert.deepEqual(site.requests.slice(before), ["GET /js/"]);
  });

  test("a homepage without any search is search-missing", async () => {
    const { findings } = await inspectSearch(`${base}/none/`);
    assert.deepEqual(
      findings.map((f) => [f.check, f.severity]),
      [["standards.search-missing", "deduct"]],
    );
  });

  test("a search that lands back on the homepage is broken", () => {
    const home = parsePage(`<form action="/s"><input name="q"></form>${articles}`, `${base}/`);
    const plan = planSearch(home);
    assert.equal(plan.kind, "submit");
    const findings = searchFindings(
      home,
      plan,
      { url: `${base}/s?q=x`, method: "get", status: 200, finalUrl: `${base}/`, html: "<p>首页</p>" },
      { site: base },
    );
    assert.match(findings[0]!.message, /回到了首页/);
  });

  test("with the probe off only the presence of a search box is judged", () => {
    const home = parsePage(`<form action="/s"><input name="q"></form>${articles}`, `${base}/`);
    assert.deepEqual(searchFindings(home, planSearch(home), undefined, { site: base }), []);
  });
});

test("form data is encoded in the page's charset, as browsers do", () => {
  assert.equal(encodeForm([["q", "森林 防火"]], "utf-8"), "q=%E6%A3%AE%E6%9E%97+%E9%98%B2%E7%81%AB");
  assert.equal(encodeForm([["q", "防火"]], "gbk"), "q=%B7%C0%BB%F0");
});

describe("search on the demo sites", () => {
  let demo: DemoServer;
  let demoFetcher: Fetcher;
  before(async () => {
    demo = await startDemoServer();
    demoFetcher = new Fetcher(
      defaultFetchOptions({
        mappings: demo.connectTo.map(parseConnectTo),
        mappedOnly: true,
        minIntervalMs: 0,
      }),
    );
  });
  after(async () => {
    await demoFetcher.close();
    await demo.close();
  });

  test("the city's search works", async () => {
    const { plan, findings } = await inspectSearch(
      "http://www.demo-city.gov.cn/",
      searchFetcherOf(demoFetcher),
    );
    assert.equal(plan.kind, "submit");
    assert.deepEqual(findings, []);
  });

  test("the county's search finds nothing (planted defect)", async () => {
    const { plan, findings } = await inspectSearch(
      "http://www.demo-county.gov.cn/",
      searchFetcherOf(demoFetcher),
    );
    assert.equal(plan.kind === "submit" && new URL(plan.request.action).pathname, "/search.shtml");
    assert.deepEqual(
      findings.map((f) => [f.check, f.severity, f.confidence, f.evidence["emptyMarker"]]),
      [["standards.search-broken", "deduct", "confirmed", "未找到相关结果"]],
    );
  });
});
