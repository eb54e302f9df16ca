import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { connectTo, startServer, testOptions, type TestServer } from "./servers.ts";

describe("redirects", () => {
  let a: TestServer;
  let b: TestServer;
  let fetcher: Fetcher;
  before(async () => {
    a = await startServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const hop = Number(url.searchParams.get("n") ?? 0);
      switch (decodeURIComponent(url.pathname)) {
        case "/start":
          return void res.writeHead(301, { location: "http://www.test-b.gov.cn/moved" }).end();
        case "/relative-target":
          return void res.writeHead(200).end("arrived");
        case "/loop-a":
          return void res.writeHead(302, { location: "/loop-b" }).end();
        case "/loop-b":
          return void res.writeHead(307, { location: "/loop-a" }).end();
        case "/endless":
          return void res.writeHead(302, { location: `/endless?n=${hop + 1}` }).end();
        case "/to-ftp":
          return void res.writeHead(302, { location: "ftp://www.test-a.gov.cn/file" }).end();
        case "/to-unmapped":
          return void res.writeHead(302, { location: "http://www.elsewhere.gov.cn/" }).end();
        case "/no-location":
          return void res.writeHead(302).end("no location");
        case "/中文":
          return void res.writeHead(200).end("utf-8 path");
        case "/raw-utf8-location":
          // Raw UTF-8 bytes in the header, as some Chinese servers send.
          res.setHeader("location", Buffer.from("/中文", "utf8").toString("latin1"));
          return void res.writeHead(302).end();
        default:
          return void res.writeHead(404).end();
      }
    });
    b = await startServer((req, res) => {
      if (req.url === "/moved") return void res.writeHead(303, { location: "../sub/./page?q=1" }).end();
      if (req.url === "/sub/page?q=1")
        return void res.writeHead(308, { location: "http://www.test-a.gov.cn/relative-target" }).end();
      res.writeHead(404).end();
    });
    fetcher = new Fetcher(
      testOptions({
        maxRedirects: 5,
        mappings: [connectTo("www.test-a.gov.cn", a.port), connectTo("www.test-b.gov.cn", b.port)],
      }),
    );
  });
  after(async () => {
    await fetcher.close();
    await a.close();
    await b.close();
  });

  it("follows a chain across hosts, resolving relative Locations, and records every hop", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/start");
    assert.equal(result.error, undefined);
    assert.equal(result.status, 200);
    assert.equal(result.body?.toString(), "arrived");
    assert.equal(result.url, "http://www.test-a.gov.cn/start");
    assert.equal(result.finalUrl, "http://www.test-a.gov.cn/relative-target");
    assert.deepEqual(result.redirects, [
      { url: "http://www.test-a.gov.cn/start", status: 301, location: "http://www.test-b.gov.cn/moved" },
      { url: "http://www.test-b.gov.cn/moved", status: 303, location: "../sub/./page?q=1" },
      {
        url: "http://www.test-b.gov.cn/sub/page?q=1",
        status: 308,
        location: "http://www.test-a.gov.cn/relative-target",
      },
    ]);
    assert.equal(b.requests.find((r) => r.url === "/moved")?.host, "www.test-b.gov.cn");
  });

  it("keeps HEAD as HEAD across redirects", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/start", { method: "HEAD" });
    assert.equal(result.status, 200);
    assert.equal(result.body, undefined);
    assert.equal(a.requests.at(-1)?.method, "HEAD");
  });

  it("detects a redirect loop", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/loop-a");
    assert.equal(result.error?.code, "REDIRECT_LOOP");
    assert.equal(result.redirects.length, 2);
    assert.equal(result.finalUrl, "http://www.test-a.gov.cn/loop-a");
  });

  it("gives up after maxRedirects", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/endless");
    assert.equal(result.error?.code, "TOO_MANY_REDIRECTS");
    assert.equal(result.redirects.length, 6);
    assert.equal(
      a.requests.filter((r) => r.url.startsWith("/endless")).length,
      6,
      "the 7th URL is never requested",
    );
  });

  it("reports redirects to other schemes and to unknown hosts as errors with the chain", async () => {
    const ftp = await fetcher.fetch("http://www.test-a.gov.cn/to-ftp");
    assert.equal(ftp.error?.code, "UNSUPPORTED_SCHEME");
    assert.equal(ftp.redirects.length, 1);
    const unmapped = await fetcher.fetch("http://www.test-a.gov.cn/to-unmapped");
    assert.equal(unmapped.error?.code, "ENOTFOUND");
    assert.equal(unmapped.finalUrl, "http://www.elsewhere.gov.cn/");
  });

  it("returns a 3xx without Location as the final response", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/no-location");
    assert.equal(result.status, 302);
    assert.equal(result.error, undefined);
    assert.equal(result.body?.toString(), "no location");
  });

  it("reads a raw UTF-8 Location as UTF-8", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/raw-utf8-location");
    assert.equal(result.status, 200);
    assert.equal(result.finalUrl, "http://www.test-a.gov.cn/%E4%B8%AD%E6%96%87");
  });
});
