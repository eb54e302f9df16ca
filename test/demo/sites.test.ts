/**
 * The demo sites' content against their machine-readable description (demo/sites.ts): committed
 * files are up to date, each site crawled from its homepage has exactly the declared broken links,
 * every defect appears where it says, and the column facts (stale, blank, future) hold.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { buildAllSites, readSitesFromDisk } from "../../demo/build-sites.ts";
import { type DemoServer, startDemoServer } from "../../demo/server.ts";
import {
  type DemoSite,
  demoAsOf,
  demoHosts,
  demoSites,
  demoStubHosts,
  demoUnknownHosts,
} from "../../demo/sites.ts";
import { type FoundLink, decode, extractLinks, follow } from "./helpers.ts";

let server: DemoServer;

before(async () => {
  server = await startDemoServer({ slowMs: 50 });
});

after(async () => {
  await server.close();
});

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

interface CrawlResult {
  pages: Map<string, string>;
  /** Internal URL → final status (0 = redirect loop). */
  status: Map<string, number>;
  /** Page URL → its links. */
  links: Map<string, FoundLink[]>;
  external: Set<string>;
}

function isTrap(url: URL): boolean {
  return url.pathname.startsWith("/calendar/") || url.pathname.startsWith("/trap/");
}

/** A small breadth-first crawl of one site through the demo server (robots rules honoured). */
async function crawl(site: DemoSite): Promise<CrawlResult> {
  const origin = new URL(site.homepage).origin;
  const result: CrawlResult = { pages: new Map(), status: new Map(), links: new Map(), external: new Set() };
  const queue = [site.homepage];
  const queued = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift() as string;
    const parsed = new URL(url);
    const res = await follow(server, url);
    result.status.set(url, res.loop ? 0 : (res.final?.status ?? 0));
    const final = res.final;
    if (!final || final.status !== 200 || isTrap(parsed)) continue;
    if (!/^text\/html/.test(String(final.headers["content-type"]))) continue;
    const finalUrl = res.urls[res.urls.length - 1] ?? url;
    if (new URL(finalUrl).origin !== origin) continue;
    const html = decode(final.body, site.encoding);
    result.pages.set(url, html);
    const links = extractLinks(html, finalUrl);
    result.links.set(url, links);
    for (const link of links) {
      const target = new URL(link.url);
      if (target.origin !== origin) {
        result.external.add(link.url);
        continue;
      }
      if (site.robotsDisallow.some((rule) => target.pathname.startsWith(rule))) continue;
      if (!queued.has(link.url)) {
        queued.add(link.url);
        queue.push(link.url);
      }
    }
  }
  return result;
}

const crawls = new Map<string, CrawlResult>();

async function crawlOf(site: DemoSite): Promise<CrawlResult> {
  let result = crawls.get(site.host);
  if (!result) {
    result = await crawl(site);
    crawls.set(site.host, result);
  }
  return result;
}

describe("demo sites: generated files", () => {
  it("demo/sites/ matches a fresh build (run `npx tsx demo/build-sites.ts` after editing demo/content)", () => {
    const built = buildAllSites();
    const disk = readSitesFromDisk();
    for (const [host, files] of built) {
      const onDisk = disk.get(host);
      assert.ok(onDisk, `demo/sites/${host} exists`);
      assert.deepEqual([...onDisk.keys()].sort(), [...files.keys()].sort(), `${host}: same file list`);
      for (const [path, bytes] of files) {
        assert.ok(onDisk.get(path)?.equals(bytes), `${host}/${path} is up to date`);
      }
    }
  });

  it("DEFECTS.md mentions every declared defect and feature", () => {
    const md = readFileSync(new URL("../../demo/DEFECTS.md", import.meta.url), "utf8");
    for (const site of demoSites) {
      for (const item of [...site.defects, ...site.features]) {
        const url = new URL(item.url);
        const short = url.host === site.host ? `${url.pathname}${url.search}` : item.url;
        assert.ok(md.includes(`\`${short}\``), `${site.host}: ${item.kind} ${item.url} in DEFECTS.md`);
      }
    }
  });

  it("site sizes stay modest", () => {
    for (const [host, files] of buildAllSites()) {
      assert.ok(files.size >= 30 && files.size <= 150, `${host}: ${files.size} files`);
    }
  });
});

describe("demo sites: crawl from the homepage", () => {
  for (const site of demoSites) {
    it(`${site.host}: the only broken internal links are the declared ones`, async () => {
      const result = await crawlOf(site);
      const origin = new URL(site.homepage).origin;
      const broken = [...result.status].filter(([, status]) => status !== 200).map(([url]) => url);
      const declared = site.defects
        .filter((d) => d.status !== undefined && d.status !== 200 && d.url.startsWith(origin))
        .map((d) => d.url);
      assert.deepEqual(broken.sort(), [...new Set(declared)].sort());
      for (const d of site.defects.filter((x) => x.status !== undefined && x.url.startsWith(origin))) {
        assert.equal(result.status.get(d.url), d.status, `${d.kind} ${d.url}`);
      }
      assert.ok(result.pages.size >= 25, `${result.pages.size} pages`);
      assert.ok(result.status.size <= 150, `${result.status.size} URLs`);
    });

    it(`${site.host}: external links go only to demo sites, stubs or the unknown hosts`, async () => {
      const result = await crawlOf(site);
      const allowed = new Set([...demoHosts(), ...demoUnknownHosts]);
      for (const url of result.external) {
        const host = new URL(url).hostname;
        assert.ok(allowed.has(host), `unexpected external host in ${url}`);
        if (demoUnknownHosts.includes(host)) continue;
        const reply = await follow(server, url);
        assert.equal(reply.final?.status, 200, url);
      }
    });

    it(`${site.host}: every defect shows up on the page it names`, async () => {
      const result = await crawlOf(site);
      for (const d of site.defects) {
        if (!d.on) continue;
        const links = result.links.get(d.on);
        assert.ok(links, `${d.on} was crawled`);
        assert.ok(
          links.some((l) => l.url === d.url),
          `${d.on} links to ${d.url}`,
        );
      }
      for (const f of site.features) {
        if (!f.on) continue;
        const links = result.links.get(f.on);
        assert.ok(
          links?.some((l) => l.url === f.url),
          `${f.on} links to ${f.url}`,
        );
      }
    });

    it(`${site.host}: article pages carry PubDate, ArticleTitle and a visible date`, async () => {
      const result = await crawlOf(site);
      let articles = 0;
      for (const [url, html] of result.pages) {
        if (!html.includes('<meta name="ArticleTitle"')) continue;
        articles++;
        const pubDate = /<meta name="PubDate" content="(\d{4}-\d{2}-\d{2} \d{2}:\d{2})">/.exec(html)?.[1];
        assert.ok(pubDate, `${url} PubDate`);
        assert.match(html, /<meta name="ContentSource" content="[^"]+">/);
        assert.match(html, /发布(时间|日期)：/, `${url} shows its date`);
        const [y, m, d] = pubDate.slice(0, 10).split("-");
        const visible = [pubDate, `${y}年${m}月${d}日`, `${y}/${m}/${d}`];
        assert.ok(
          visible.some((v) => html.includes(v)),
          `${url} shows ${pubDate}`,
        );
      }
      assert.ok(articles >= 15, `${articles} article pages`);
    });
  }

  it("sitemap-only pages are not reachable by links", async () => {
    const site = demoSites.find((s) => s.sitemap);
    assert.ok(site);
    const result = await crawlOf(site);
    for (const f of site.features.filter((x) => x.kind === "sitemap-only")) {
      assert.ok(!result.status.has(f.url), `${f.url} is not linked`);
    }
  });

  it("the robots-disallowed admin link is on the city homepage", async () => {
    const site = demoSites.find((s) => s.host === "www.demo-city.gov.cn");
    assert.ok(site);
    const result = await crawlOf(site);
    assert.ok(
      result.links.get(site.homepage)?.some((l) => l.url === "http://www.demo-city.gov.cn/admin/login.html"),
    );
    assert.ok(!result.status.has("http://www.demo-city.gov.cn/admin/login.html"));
  });
});

describe("demo sites: content defects and column facts", () => {
  async function page(url: string, encoding = "utf-8"): Promise<string> {
    const res = await follow(server, url);
    assert.equal(res.final?.status, 200, url);
    return decode(res.final.body, encoding);
  }

  it("columns: stale, blank and fresh as declared", () => {
    for (const site of demoSites) {
      for (const d of site.defects.filter((x) => x.kind === "stale-column" || x.kind === "blank-column")) {
        const column = site.columns.find((c) => c.url === d.url);
        assert.ok(column, `${d.url} is a declared column`);
        if (d.kind === "blank-column") {
          assert.equal(column.items, 0);
          assert.equal(column.newest, undefined);
        } else {
          assert.ok(column.newest, `${d.url} has items`);
          const window = column.kind === "NOTICE" || column.kind === "POLICY" ? 183 : 365;
          assert.ok(column.newest < daysBefore(demoAsOf, window), `${column.name} newest ${column.newest}`);
        }
      }
      // Every NEWS column of every site is fresh (within 14 days), so the stale ones are the planted ones.
      for (const c of site.columns.filter((x) => x.kind === "NEWS")) {
        assert.ok(c.newest && c.newest >= daysBefore(demoAsOf, 14), `${site.host} ${c.name} ${c.newest}`);
      }
    }
  });

  it("blank columns say so", async () => {
    assert.ok((await page("http://www.demo-county.gov.cn/zwgk/rsxx/")).includes("暂无信息"));
    assert.ok((await page("http://jyj.demo-city.gov.cn/zxft/index.htm")).includes("栏目建设中"));
  });

  it("future-dated item is in the list and the article", async () => {
    const d = demoSites.flatMap((s) => s.defects).find((x) => x.kind === "future-date");
    assert.ok(d);
    const html = await page(d.url);
    assert.ok(html.includes('<meta name="PubDate" content="2027-01-05 09:00">'));
    const column = demoSites
      .flatMap((s) => s.columns)
      .find((c) => c.url === "http://www.demo-county.gov.cn/tzgg/");
    assert.ok(column?.newest && column.newest > demoAsOf);
    assert.ok((await page("http://www.demo-county.gov.cn/tzgg/")).includes("2027年01月05日"));
    assert.ok((await page("http://www.demo-county.gov.cn/")).includes("[01-05]"));
  });

  it("hidden links are hidden by display:none and off-screen positioning", async () => {
    const html = await page("http://www.demo-county.gov.cn/");
    assert.match(
      html,
      /<div style="display:none">\s*<a href="http:\/\/www\.xpj888-casino\.invalid\/">一分快3-开户<\/a>/,
    );
    assert.match(
      html,
      /<div style="position:absolute;left:-9999px[^"]*">\s*<a href="http:\/\/www\.hg-sports-bet\.invalid\/">/,
    );
  });

  it("typos, privacy, guides, unanswered letter, footer and meta defects are in the pages", async () => {
    const all = demoSites.flatMap((s) => s.defects);
    const texts: Record<string, (html: string) => boolean> = {
      typo: (h) => h.includes("再接再励") || h.includes("按步就班"),
      privacy: (h) => h.includes("990121196805123416") && h.includes("13912345678"),
      "guide-incomplete": (h) => !h.includes("办理流程"),
      "unanswered-message": (h) => h.includes("待回复"),
    };
    for (const d of all) {
      const check = texts[d.kind];
      if (check) assert.ok(check(await page(d.url)), `${d.kind} ${d.url}`);
    }
    const jyj = await page("http://jyj.demo-city.gov.cn/");
    assert.ok(!jyj.includes("zfwzgl.www.gov.cn"), "no 找错 link");
    assert.ok(!jyj.includes("公网安备"), "no 公网安备");
    assert.ok(jyj.includes('<meta name="SiteIDCode" content="9901000052">'));
    assert.ok(jyj.includes("网站标识码：9901000025"));
  });

  it("stub host list and unknown hosts do not overlap the sites", () => {
    const sites = new Set(demoSites.map((s) => s.host));
    for (const h of [...demoStubHosts, ...demoUnknownHosts]) assert.ok(!sites.has(h));
  });
});
