/**
 * The demo server's HTTP behaviour: virtual hosting, encodings, every declared defect, gzip,
 * traversal and weird requests, and a prompt close() while a slow response is pending.
 * Loopback only.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { type DemoServer, startDemoServer } from "../../demo/server.ts";
import type { HostMapping } from "../../src/fetch/types.ts";
import {
  demoHostMappings,
  demoSite,
  demoSites,
  demoStubHosts,
  isBrowserLikeUserAgent,
} from "../../demo/sites.ts";
import { decode, follow, get } from "./helpers.ts";

const SLOW_MS = 300;
const CHROME_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

let server: DemoServer;

before(async () => {
  server = await startDemoServer({ host: "127.0.0.1", port: 0, slowMs: SLOW_MS });
});

after(async () => {
  await server.close();
});

function site(host: string) {
  const s = demoSite(host);
  assert.ok(s, `demo site ${host}`);
  return s;
}

describe("demo server: homepages and encodings", () => {
  it("listens on loopback and describes itself", () => {
    assert.equal(server.address, "127.0.0.1");
    assert.ok(server.port > 0);
    assert.equal(server.baseUrl, `http://127.0.0.1:${server.port}`);
    assert.ok(server.sites.length >= 4);
    assert.ok(server.connectTo.includes(`www.demo-city.gov.cn:80:127.0.0.1:${server.port}`));
    assert.ok(!server.connectTo.some((c) => c.includes(".invalid")));
    const mappings: HostMapping[] = demoHostMappings(server.address, server.port);
    assert.deepEqual(
      mappings.map((m) => m.spec),
      server.connectTo,
    );
  });

  for (const s of demoSites) {
    it(`${s.host} answers 200 on / in ${s.encoding}`, async () => {
      const reply = await get(server, s.host, "/");
      assert.equal(reply.status, 200);
      const type = String(reply.headers["content-type"]);
      assert.match(type, /^text\/html/);
      if (s.charsetInHeader) assert.match(type, new RegExp(`charset=${s.encoding}`, "i"));
      else assert.doesNotMatch(type, /charset/i);
      assert.equal(reply.headers["content-encoding"], undefined, "no gzip without Accept-Encoding");
      const text = decode(reply.body, s.encoding);
      assert.ok(text.includes(s.name), `${s.name} in the page`);
      assert.ok(text.includes(`<meta name="SiteName" content="${s.name}">`));
      assert.ok(text.includes(`<meta name="SiteIDCode" content="${s.metaSiteIdCode}">`));
      assert.ok(text.includes(`网站标识码：${s.siteIdCode}`));
      assert.ok(text.includes(s.footer.icp));
      assert.equal(text.includes("zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code="), s.footer.jiucuo);
      assert.equal(text.includes("bszs.conac.cn/sitename?method=show"), s.footer.conac);
      if (s.footer.psb) assert.ok(text.includes(s.footer.psb));
    });
  }

  it("the GBK site really is GBK, declared only in <meta http-equiv>", async () => {
    const s = site("fgw.demo-city.gov.cn");
    const reply = await get(server, s.host, "/");
    assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(reply.body), "not valid UTF-8");
    const text = new TextDecoder("gbk").decode(reply.body);
    assert.ok(text.includes("示范市发展和改革委员会"));
    assert.ok(text.includes('<meta http-equiv="Content-Type" content="text/html; charset=gbk">'));
    const list = await get(server, s.host, "/col/col1211/index.html?page=2");
    assert.equal(list.status, 200);
    assert.doesNotMatch(String(list.headers["content-type"]), /charset/i);
    const error = await get(server, s.host, "/no-such-page.html");
    assert.equal(error.status, 404);
    assert.doesNotMatch(String(error.headers["content-type"]), /charset/i);
    assert.ok(new TextDecoder("gbk").decode(error.body).includes("页面不存在"));
  });

  it("header charset wins over a conflicting <meta> on the legacy page", async () => {
    const reply = await get(server, "www.demo-city.gov.cn", "/zwgk/lsda/t20091015_101.html");
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers["content-type"]), /charset=utf-8/);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(reply.body);
    assert.ok(text.includes('<meta charset="gb2312">'));
    assert.ok(text.includes("示范市历史沿革"));
  });

  it("gzip on the county site only when accepted", async () => {
    const plain = await get(server, "www.demo-county.gov.cn", "/");
    const zipped = await get(server, "www.demo-county.gov.cn", "/", {
      headers: { "Accept-Encoding": "gzip, deflate" },
    });
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.match(String(zipped.headers.vary), /Accept-Encoding/);
    assert.ok(zipped.body.length < plain.body.length);
    assert.deepEqual(gunzipSync(zipped.body), plain.body);
    const refused = await get(server, "www.demo-county.gov.cn", "/", {
      headers: { "Accept-Encoding": "gzip;q=0" },
    });
    assert.equal(refused.headers["content-encoding"], undefined);
    const image = await get(server, "www.demo-county.gov.cn", "/static/img/logo.png", {
      headers: { "Accept-Encoding": "gzip" },
    });
    assert.equal(image.headers["content-encoding"], undefined, "images are not gzipped");
    const other = await get(server, "www.demo-city.gov.cn", "/", { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(other.headers["content-encoding"], undefined, "only the county site gzips");
  });

  it("pagination variants exist for every template", async () => {
    assert.equal((await get(server, "www.demo-city.gov.cn", "/zwdt/jrsf/index_1.html")).status, 200);
    assert.equal((await get(server, "www.demo-county.gov.cn", "/xwzx/gzdt/index_2.shtml")).status, 200);
    assert.equal((await get(server, "jyj.demo-city.gov.cn", "/jyxw/page_2.htm")).status, 200);
    const p1 = await get(server, "fgw.demo-city.gov.cn", "/col/col1211/index.html");
    const p2 = await get(server, "fgw.demo-city.gov.cn", "/col/col1211/index.html?page=2");
    const p2b = await get(server, "fgw.demo-city.gov.cn", "/col/col1211/?page=2");
    assert.notDeepEqual(p1.body, p2.body);
    assert.deepEqual(p2.body, p2b.body);
    const unknown = await get(server, "fgw.demo-city.gov.cn", "/col/col1211/index.html?page=99");
    assert.deepEqual(unknown.body, p1.body, "unknown query → the plain file");
  });

  it("directories without a slash redirect, like a real server", async () => {
    const reply = await get(server, "www.demo-city.gov.cn", "/zwdt");
    assert.equal(reply.status, 301);
    assert.equal(reply.headers.location, "/zwdt/");
  });
});

describe("demo server: declared defects behave as declared", () => {
  for (const s of demoSites) {
    for (const d of s.defects) {
      if (d.status === undefined) continue;
      const url = new URL(d.url);
      if (d.kind === "unknown-host" || d.kind === "hidden-link") {
        it(`${d.kind} ${d.url} is not served by the demo`, () => {
          assert.ok(!server.connectTo.some((c) => c.startsWith(`${url.hostname}:`)));
          assert.match(url.hostname, /\.invalid$/);
        });
        continue;
      }
      if (d.kind === "slow") continue; // below, with timing
      it(`${d.kind} ${d.url} → ${d.status}`, async () => {
        const result = await follow(server, d.url);
        if (d.kind === "redirect-loop") {
          assert.equal(result.loop, true);
          assert.deepEqual(result.hops.slice(0, 2), [302, 302]);
          return;
        }
        assert.equal(result.loop, false);
        assert.equal(result.final?.status, d.status);
        if (d.kind === "redirect-chain") assert.deepEqual(result.hops, [301, 302, 200]);
      });
    }
  }

  it("the redirect chain uses a relative then an absolute Location", async () => {
    const result = await follow(server, "http://www.demo-city.gov.cn/old/jgsz.html");
    assert.deepEqual(result.urls, [
      "http://www.demo-city.gov.cn/old/jgsz.html",
      "http://www.demo-city.gov.cn/redirect/jgsz.html",
      "http://www.demo-city.gov.cn/jggk/jgzn/",
    ]);
  });

  it("bot protection: 403 for tools, 200 for a browser-like User-Agent", async () => {
    const host = "jyj.demo-city.gov.cn";
    assert.equal((await get(server, host, "/cjcx/")).status, 403);
    assert.equal(
      (await get(server, host, "/cjcx/", { headers: { "User-Agent": "curl/8.5.0" } })).status,
      403,
    );
    const honest = "Mozilla/5.0 (compatible; Zhijian/0.1; +https://example.invalid/zhijian)";
    assert.equal((await get(server, host, "/cjcx/", { headers: { "User-Agent": honest } })).status, 403);
    const browser = await get(server, host, "/cjcx/", { headers: { "User-Agent": CHROME_UA } });
    assert.equal(browser.status, 200);
    assert.ok(decode(browser.body, "utf-8").includes("中考成绩查询系统"));
    assert.equal(isBrowserLikeUserAgent(CHROME_UA), true);
    assert.equal(isBrowserLikeUserAgent(honest), false);
  });

  it("calendar trap keeps generating new dates", async () => {
    const seen = new Set<string>();
    let url = "http://www.demo-city.gov.cn/calendar/?date=2026-11-20";
    for (let i = 0; i < 25; i++) {
      assert.ok(!seen.has(url), `new URL ${url}`);
      seen.add(url);
      const target = new URL(url);
      const reply = await get(server, target.host, `${target.pathname}${target.search}`);
      assert.equal(reply.status, 200);
      const html = decode(reply.body, "utf-8");
      const next = /<a href="([^"]+)">下一天<\/a>/.exec(html)?.[1];
      assert.ok(next, "下一天 link");
      assert.ok(/<a href="[^"]+">上一月<\/a>/.test(html));
      url = new URL(next, url).href;
    }
    assert.equal(url, "http://www.demo-city.gov.cn/calendar/?date=2026-12-15");
    const bad = await get(server, "www.demo-city.gov.cn", "/calendar/?date=2026-02-30");
    assert.equal(bad.status, 200, "invalid date falls back to the default day");
  });

  it("path trap grows /trap/more/more/… forever", async () => {
    let path = "/trap/";
    for (let i = 0; i < 15; i++) {
      const reply = await get(server, "www.demo-county.gov.cn", path);
      assert.equal(reply.status, 200);
      const html = decode(reply.body, "utf-8");
      assert.ok(html.includes('<a href="more/">'));
      path = `${path}more/`;
    }
    assert.equal(path.split("more/").length - 1, 15);
  });

  it("slow page answers only after slowMs", async () => {
    const started = Date.now();
    const reply = await get(server, "www.demo-city.gov.cn", "/sjfb/tjyb/2026-10.html");
    const elapsed = Date.now() - started;
    assert.equal(reply.status, 200);
    assert.ok(elapsed >= SLOW_MS - 20, `took ${elapsed} ms`);
    assert.ok(decode(reply.body, "utf-8").includes("统计月报"));
  });

  it("HEAD is refused under jyj /uploads/, GET works", async () => {
    const head = await get(server, "jyj.demo-city.gov.cn", "/uploads/2026/10/jszg-rdsqb.docx", {
      method: "HEAD",
    });
    assert.equal(head.status, 405);
    assert.equal(head.headers.allow, "GET");
    const getReply = await get(server, "jyj.demo-city.gov.cn", "/uploads/2026/10/jszg-rdsqb.docx");
    assert.equal(getReply.status, 200);
    assert.equal(getReply.body.subarray(0, 2).toString("latin1"), "PK");
    const headElsewhere = await get(server, "jyj.demo-city.gov.cn", "/", { method: "HEAD" });
    assert.equal(headElsewhere.status, 200);
    assert.equal(headElsewhere.body.length, 0);
    assert.ok(Number(headElsewhere.headers["content-length"]) > 0);
  });

  it("working attachments are real files with the right content types", async () => {
    const cases: Array<[string, string, string, string]> = [
      ["www.demo-city.gov.cn", "/zcwj/attach/2026yshj-cs.pdf", "application/pdf", "%PDF-1.4"],
      [
        "www.demo-city.gov.cn",
        "/zcwj/attach/xzxk-qd-2026.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "PK",
      ],
      [
        "fgw.demo-city.gov.cn",
        "/module/download/2027ysnt-sbb.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "PK",
      ],
    ];
    for (const [host, path, type, magic] of cases) {
      const reply = await get(server, host, path);
      assert.equal(reply.status, 200, path);
      assert.equal(reply.headers["content-type"], type);
      assert.equal(reply.body.subarray(0, magic.length).toString("latin1"), magic);
    }
    const pdf = (await get(server, "www.demo-city.gov.cn", "/zcwj/attach/2026yshj-cs.pdf")).body.toString(
      "latin1",
    );
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    assert.equal(pdf.slice(startxref, startxref + 4), "xref", "PDF xref offset is right");
  });
});

describe("demo server: robots, sitemap, stubs, unknown hosts", () => {
  it("robots.txt and sitemap.xml", async () => {
    const robots = await get(server, "www.demo-city.gov.cn", "/robots.txt");
    assert.equal(robots.status, 200);
    assert.match(String(robots.headers["content-type"]), /^text\/plain/);
    assert.ok(robots.body.toString().includes("Disallow: /admin/"));
    assert.ok(robots.body.toString().includes("Sitemap: http://www.demo-city.gov.cn/sitemap.xml"));
    const sitemap = await get(server, "www.demo-city.gov.cn", "/sitemap.xml");
    assert.equal(sitemap.status, 200);
    for (const f of site("www.demo-city.gov.cn").features.filter((x) => x.kind === "sitemap-only")) {
      assert.ok(sitemap.body.toString().includes(`<loc>${f.url}</loc>`), f.url);
      assert.equal((await follow(server, f.url)).final?.status, 200);
    }
    assert.equal((await get(server, "fgw.demo-city.gov.cn", "/robots.txt")).status, 404);
    assert.equal((await get(server, "www.demo-city.gov.cn", "/admin/login.html")).status, 200);
  });

  it("stub hosts answer 200 for pages and images", async () => {
    for (const host of demoStubHosts) {
      const reply = await get(server, host, "/any/path.html?x=1");
      assert.equal(reply.status, 200, host);
    }
    const badge = await get(server, "dcs.conac.cn", "/image/red.png");
    assert.equal(badge.headers["content-type"], "image/png");
    const jiucuo = await get(server, "zfwzgl.www.gov.cn", "/exposure/jiucuo.html?site_code=9901000001");
    assert.ok(decode(jiucuo.body, "utf-8").includes("9901000001"));
  });

  it("unknown Host → 404 page; Host with port and upper case still matches", async () => {
    const unknown = await get(server, "www.example.invalid", "/");
    assert.equal(unknown.status, 404);
    assert.ok(decode(unknown.body, "utf-8").includes("站点不存在"));
    const withPort = await get(server, `WWW.DEMO-CITY.GOV.CN:${server.port}`, "/");
    assert.equal(withPort.status, 200);
    const withDot = await get(server, "www.demo-city.gov.cn.", "/");
    assert.equal(withDot.status, 200);
  });

  it("absolute-form request targets use their own host", async () => {
    const reply = await get(server, "www.example.invalid", "http://fgw.demo-city.gov.cn/");
    assert.equal(reply.status, 200);
    assert.ok(new TextDecoder("gbk").decode(reply.body).includes("示范市发展和改革委员会"));
  });
});

describe("demo server: hostile and weird requests", () => {
  const traversals = [
    "/../../package.json",
    "/..%2f..%2fpackage.json",
    "/%2e%2e/%2e%2e/package.json",
    "/%2E%2E/%2E%2E/demo/server.ts",
    "/images/..%5c..%5c..%5cpackage.json",
    "/%252e%252e/%252e%252e/package.json",
    "/../fgw.demo-city.gov.cn/index.html",
    "/css/%00.css",
    "/zwdt/../../../etc/passwd",
  ];
  for (const path of traversals) {
    it(`refuses ${path}`, async () => {
      const reply = await get(server, "www.demo-city.gov.cn", path);
      assert.ok(reply.status === 400 || reply.status === 404, `status ${reply.status}`);
      const text = reply.body.toString("latin1");
      assert.ok(!text.includes('"name": "zhijian"'));
      assert.ok(!text.includes("startDemoServer"));
      assert.ok(!text.includes("root:x:0"));
    });
  }

  it("survives malformed and odd requests", async () => {
    assert.equal((await get(server, "www.demo-city.gov.cn", "/%E4%B8")).status, 400);
    assert.equal((await get(server, "www.demo-city.gov.cn", `/${"a".repeat(4000)}`)).status, 404);
    assert.equal((await get(server, "www.demo-city.gov.cn", "/", { method: "POST" })).status, 405);
    assert.equal((await get(server, "www.demo-city.gov.cn", "/", { method: "DELETE" })).status, 405);
    assert.equal(
      (await get(server, "www.demo-city.gov.cn", "/hdjl/dczj/submit", { method: "POST" })).status,
      200,
    );
    assert.equal((await get(server, "www.demo-city.gov.cn", "*")).status, 404);
    const noHost = await get(server, "", "/", { noHost: true });
    assert.ok(noHost.status === 400 || noHost.status === 404, `status ${noHost.status}`);
    assert.equal((await get(server, "www.demo-city.gov.cn", "/")).status, 200, "still serving");
  });

  it("logs requests and per-host concurrency", async () => {
    await Promise.all([1, 2, 3].map(() => get(server, "www.demo-county.gov.cn", "/sjfb/none.html")));
    const logged = server.requests.filter(
      (r) => r.host === "www.demo-county.gov.cn" && r.url === "/sjfb/none.html",
    );
    assert.equal(logged.length, 3);
    assert.ok(logged.every((r) => r.status === 404));
    assert.ok(server.maxInFlight("www.demo-county.gov.cn") >= 1);
  });
});

describe("demo server: close()", () => {
  it("returns promptly while a slow response is pending", async () => {
    const slow = await startDemoServer({ slowMs: 60_000 });
    const pending = get(slow, "www.demo-city.gov.cn", "/sjfb/tjyb/2026-10.html", { timeoutMs: 120_000 }).then(
      () => "answered",
      () => "aborted",
    );
    for (let i = 0; i < 100 && !slow.requests.some((r) => r.url === "/sjfb/tjyb/2026-10.html"); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(slow.maxInFlight("www.demo-city.gov.cn"), 1);
    const started = Date.now();
    await slow.close();
    const elapsed = Date.now() - started;
    // The slow answer is a minute away: closing within seconds means it did not wait for it.
    assert.ok(elapsed < 10_000, `close took ${elapsed} ms`);
    assert.equal(await pending, "aborted");
    await slow.close(); // idempotent
  });
});
