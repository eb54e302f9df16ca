import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  crawlSite,
  defaultCrawlConfig,
  type CrawlConfig,
  type CrawledPage,
} from "../../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import { RobotsCache } from "../../src/fetch/robots.ts";
import { html, serveSite, type Route, type TestSite } from "../helpers/httpSite.ts";

const host = "www.crawl-test.gov.cn";
const home = `http://${host}/`;

async function crawlWith(site: TestSite, config: Partial<CrawlConfig>, extraMappings: string[] = []) {
  const fetcher = new Fetcher(
    defaultFetchOptions({
      mappings: [`${host}:80:127.0.0.1:${site.port}`, ...extraMappings].map(parseConnectTo),
      mappedOnly: true,
      minIntervalMs: 0,
      totalTimeoutMs: 2000,
      retries: 0,
    }),
  );
  const pages: CrawledPage[] = [];
  try {
    const outcome = await crawlSite(
      fetcher,
      new RobotsCache(fetcher),
      { ...defaultCrawlConfig, homepage: home, ...config },
      { onPage: (page) => pages.push(page) },
    );
    return { outcome, pages };
  } finally {
    await fetcher.close();
  }
}

/** A chain of pages /p1 → /p2 → … → /pN, each also linking home. */
function chain(length: number): Record<string, Route> {
  const routes: Record<string, Route> = { "/": html(`<a href="/p1.html">第1页</a>`) };
  for (let i = 1; i <= length; i++)
    routes[`/p${i}.html`] = html(`<a href="/p${i + 1}.html">下一页</a><a href="/">首页</a>`);
  return routes;
}

describe("budgets", () => {
  let site: TestSite;
  before(async () => (site = await serveSite(chain(30))));
  after(() => site.close());

  test("the page budget stops the crawl and is reported", async () => {
    const { outcome, pages } = await crawlWith(site, { maxPages: 5 });
    assert.equal(pages.length, 5);
    assert.equal(outcome.stats.budgetReached, true);
  });

  test("the depth limit stops the crawl; the next link is still checked", async () => {
    const { outcome, pages } = await crawlWith(site, { maxDepth: 3 });
    assert.deepEqual(pages.map((page) => page.depth).sort(), [0, 1, 2, 3]);
    assert.equal(outcome.links.get(`${home}p4.html`)?.probe?.status, 200, "p4 is checked, not crawled");
    assert.equal(outcome.links.get(`${home}p5.html`), undefined);
  });
});

describe("frontier and scope", () => {
  let site: TestSite;
  let other: TestSite;
  before(async () => {
    site = await serveSite({
      "/": html(`
        <a href="/a.html">A</a><a href="/a.html#top">A again</a><a href="HTTP://WWW.CRAWL-TEST.GOV.CN/a.html">A upper</a>
        <a href="/./b/../a.html">A dotted</a><a href="http://www.other.gov.cn/">其他网站</a><a href="http://news.crawl-test.gov.cn/">新闻子站</a>`),
      "/a.html": html(`<a href="/">首页</a>`),
    });
    other = await serveSite({ "/": html(`<a href="/deep.html">深层</a>`), "/deep.html": html("deep") });
  });
  after(async () => {
    await site.close();
    await other.close();
  });

  test("spellings of one URL are fetched once; other hosts are checked, not crawled", async () => {
    const { outcome } = await crawlWith(site, {}, [
      `www.other.gov.cn:80:127.0.0.1:${other.port}`,
      `news.crawl-test.gov.cn:80:127.0.0.1:${other.port}`,
    ]);
    assert.equal(site.requests.filter((line) => line === "GET /a.html").length, 1);
    assert.equal(outcome.links.get(`${home}a.html`)?.occurrenceCount, 4);
    assert.ok(!other.requests.includes("GET /deep.html"), "an external site is not crawled");
    assert.equal(outcome.links.get("http://www.other.gov.cn/")?.internal, false);
  });

  test("configured extra hosts are crawled as part of the site", async () => {
    other.requests.length = 0;
    await crawlWith(site, { extraHosts: ["news.crawl-test.gov.cn"] }, [
      `www.other.gov.cn:80:127.0.0.1:${other.port}`,
      `news.crawl-test.gov.cn:80:127.0.0.1:${other.port}`,
    ]);
    assert.ok(other.requests.includes("GET /deep.html"));
  });
});

describe("robots.txt and sitemaps", () => {
  let site: TestSite;
  const fetchTimes: number[] = [];
  before(async () => {
    site = await serveSite({
      "/robots.txt": (_request, response) =>
        void response
          .writeHead(200, { "content-type": "text/plain" })
          .end(`User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\nSitemap: ${home}map-index.xml\n`),
      "/map-index.xml": (_request, response) =>
        void response
          .writeHead(200)
          .end(`<sitemapindex><sitemap><loc>${home}map.xml</loc></sitemap></sitemapindex>`),
      "/map.xml": (_request, response) =>
        void response
          .writeHead(200)
          .end(`<urlset><url><loc>${home}only-in-sitemap.html</loc></url></urlset>`),
      "/": html(`<a href="/private/x.html">内部</a><a href="/open.html">公开</a>`),
      "/open.html": (request, response) => {
        fetchTimes.push(Date.now());
        html("open")(request, response, new URL(home));
      },
      "/only-in-sitemap.html": (request, response) => {
        fetchTimes.push(Date.now());
        html("sitemap")(request, response, new URL(home));
      },
      "/private/x.html": html("secret"),
    });
  });
  after(() => site.close());

  test("disallowed pages are not fetched, sitemap pages are, and Crawl-delay spaces requests", async () => {
    const { outcome } = await crawlWith(site, {});
    assert.ok(!site.requests.some((line) => line.startsWith("GET /private/")));
    assert.equal(outcome.stats.robotsDisallowed, 1);
    assert.equal(outcome.links.get(`${home}private/x.html`)?.skipped, "robots");
    assert.ok(site.requests.includes("GET /only-in-sitemap.html"));
    assert.equal(outcome.stats.sitemapUrls, 1);
    assert.equal(fetchTimes.length, 2);
    assert.ok(fetchTimes[1]! - fetchTimes[0]! >= 250, `requests ${fetchTimes[1]! - fetchTimes[0]!} ms apart`);
  });

  test("robots.txt can be ignored", async () => {
    site.requests.length = 0;
    await crawlWith(site, { respectRobots: false, useSitemap: false });
    assert.ok(site.requests.includes("GET /private/x.html"));
    assert.ok(!site.requests.includes("GET /only-in-sitemap.html"));
  });
});

describe("hostile pages", () => {
  let site: TestSite;
  before(async () => {
    site = await serveSite({
      "/": html(
        `<a href="/garbage.html">乱码</a><a href="/huge.html">超大</a><a href="/moved">搬家</a><a href="http://[bad">坏链接</a>`,
      ),
      "/garbage.html": (_request, response) => {
        const bytes = Buffer.alloc(200_000);
        for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
        response.writeHead(200, { "content-type": "text/html" }).end(bytes);
      },
      "/huge.html": (_request, response) => {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(`<div>${"<div><a href='/a.html'>链接</a>".repeat(50_000)}`);
      },
      "/moved": (_request, response) => void response.writeHead(301, { location: "/a.html" }).end(),
      "/a.html": html(`<a href="/">首页</a>`),
    });
  });
  after(() => site.close());

  test("garbage bytes, deeply nested huge pages and bad URLs do not stop the crawl", async () => {
    const { outcome, pages } = await crawlWith(site, {});
    assert.equal(outcome.reachable, true);
    assert.ok(pages.some((page) => page.url === `${home}garbage.html` && page.page !== undefined));
    assert.ok(pages.some((page) => page.url === `${home}huge.html` && page.page !== undefined));
    const parsedA = pages.filter((page) => page.finalUrl === `${home}a.html` && page.page !== undefined);
    assert.equal(parsedA.length, 1, "a redirect to a page crawled anyway is not parsed twice");
  });
});
