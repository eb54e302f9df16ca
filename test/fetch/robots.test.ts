import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { RobotsCache } from "../../src/fetch/robots.ts";
import { connectTo, startServer, testOptions, type TestServer } from "./servers.ts";

const ROBOTS = `# 政府网站 robots.txt
User-agent: *
Disallow: /admin/

User-agent: Zhijian
Disallow: /search
Disallow: /private/
Allow: /private/open.html
Crawl-delay: 2

Sitemap: http://www.test-a.gov.cn/sitemap.xml
Sitemap: http://www.test-a.gov.cn/sitemap-news.xml
`;

describe("RobotsCache", () => {
  let server: TestServer;
  let fetcher: Fetcher;
  let robots: RobotsCache;
  before(async () => {
    server = await startServer((req, res) => {
      const host = req.headers.host ?? "";
      if (req.url !== "/robots.txt") return void res.writeHead(200).end("page");
      if (host.startsWith("www.test-a."))
        return void res.writeHead(200, { "content-type": "text/plain" }).end(ROBOTS);
      if (host.startsWith("www.locked.")) return void res.writeHead(403).end();
      if (host.startsWith("www.broken.")) return void res.writeHead(500).end();
      res.writeHead(404).end();
    });
    fetcher = new Fetcher(
      testOptions({
        mappings: ["www.test-a.gov.cn", "www.none.gov.cn", "www.locked.gov.cn", "www.broken.gov.cn"].map(
          (h) => connectTo(h, server.port),
        ),
      }),
    );
    robots = new RobotsCache(fetcher);
  });
  after(async () => {
    await fetcher.close();
    await server.close();
  });

  it("honours the rules for the Zhijian user agent", async () => {
    assert.equal(await robots.allowed("http://www.test-a.gov.cn/index.html"), true);
    assert.equal(await robots.allowed("http://www.test-a.gov.cn/search?q=税务"), false);
    assert.equal(await robots.allowed("http://www.test-a.gov.cn/private/report.html"), false);
    assert.equal(await robots.allowed("http://www.test-a.gov.cn/private/open.html"), true);
    // The group for Zhijian replaces the * group, as robots.txt specifies.
    assert.equal(await robots.allowed("http://www.test-a.gov.cn/admin/"), true);
  });

  it("fetches robots.txt once per origin", async () => {
    await robots.allowed("http://www.test-a.gov.cn/a");
    await robots.allowed("http://www.test-a.gov.cn/b");
    const fetches = server.requests.filter((r) => r.url === "/robots.txt" && r.host === "www.test-a.gov.cn");
    assert.equal(fetches.length, 1);
  });

  it("lists sitemaps and the crawl delay", async () => {
    assert.deepEqual(await robots.sitemaps("http://www.test-a.gov.cn"), [
      "http://www.test-a.gov.cn/sitemap.xml",
      "http://www.test-a.gov.cn/sitemap-news.xml",
    ]);
    assert.equal(await robots.crawlDelayMs("http://www.test-a.gov.cn/any/page"), 2000);
  });

  it("allows everything when robots.txt is missing, forbidden, broken or unreachable, noting why", async () => {
    assert.equal(await robots.allowed("http://www.none.gov.cn/search"), true);
    assert.equal((await robots.facts("http://www.none.gov.cn")).note, undefined);
    assert.equal(await robots.allowed("http://www.locked.gov.cn/search"), true);
    assert.match((await robots.facts("http://www.locked.gov.cn")).note ?? "", /401\/403/);
    assert.equal(await robots.allowed("http://www.broken.gov.cn/search"), true);
    assert.match((await robots.facts("http://www.broken.gov.cn")).note ?? "", /5xx/);
    assert.equal(await robots.allowed("http://www.unknown.gov.cn/"), true);
    assert.equal((await robots.facts("http://www.unknown.gov.cn")).errorCode, "ENOTFOUND");
    assert.deepEqual(await robots.sitemaps("http://www.none.gov.cn"), []);
  });
});
