import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { closedPort, connectTo, startServer, testOptions, type TestServer } from "./servers.ts";

describe("checkLink", () => {
  let server: TestServer;
  let fetcher: Fetcher;
  let refusedPort: number;
  before(async () => {
    server = await startServer((req, res) => {
      const isBrowser =
        /Chrome\//.test(req.headers["user-agent"] ?? "") &&
        /zh-CN/.test(req.headers["accept-language"] ?? "");
      switch (req.url) {
        case "/ok":
          return void res.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>");
        case "/no-head":
          if (req.method === "HEAD") return void res.writeHead(405, { allow: "GET" }).end();
          // A big body: the link check must not download it.
          res.writeHead(200, { "content-type": "application/octet-stream" });
          return void res.end(Buffer.alloc(4 * 1024 * 1024));
        case "/waf":
          return void res.writeHead(isBrowser ? 200 : 403).end(isBrowser ? "welcome" : "forbidden");
        case "/gone":
          return void res.writeHead(404).end("not found");
        default:
          return void res.writeHead(404).end();
      }
    });
    refusedPort = await closedPort();
    fetcher = new Fetcher(
      testOptions({
        mappings: [connectTo("www.test-a.gov.cn", server.port), connectTo("www.down.gov.cn", refusedPort)],
      }),
    );
  });
  after(async () => {
    await fetcher.close();
    await server.close();
  });

  const requestsFor = (path: string) => server.requests.filter((r) => r.url === path);

  it("answers from HEAD alone when HEAD works", async () => {
    const result = await fetcher.checkLink("http://www.test-a.gov.cn/ok");
    assert.equal(result.status, 200);
    assert.equal(result.method, "HEAD");
    assert.equal(result.usedGetFallback, false);
    assert.equal(result.usedBrowserHeaders, false);
    assert.deepEqual(
      requestsFor("/ok").map((r) => r.method),
      ["HEAD"],
    );
  });

  it("falls back to GET when HEAD is refused with 405, without reading the body", async () => {
    const result = await fetcher.checkLink("http://www.test-a.gov.cn/no-head");
    assert.equal(result.status, 200);
    assert.equal(result.method, "GET");
    assert.equal(result.usedGetFallback, true);
    assert.equal(result.body, undefined);
    assert.deepEqual(
      requestsFor("/no-head").map((r) => r.method),
      ["HEAD", "GET"],
    );
  });

  it("retries with browser-like headers after a 403 and marks it", async () => {
    const result = await fetcher.checkLink("http://www.test-a.gov.cn/waf");
    assert.equal(result.status, 200);
    assert.equal(result.usedBrowserHeaders, true);
    const last = requestsFor("/waf").at(-1);
    assert.match(last?.headers["user-agent"] ?? "", /Mozilla\/5\.0 .*Chrome\/\d+/);
    assert.match(last?.headers.accept ?? "", /^text\/html/);
    assert.equal(last?.headers["accept-language"], "zh-CN,zh;q=0.9");
    assert.match(
      requestsFor("/waf")[0]?.headers["user-agent"] ?? "",
      /^Zhijian\//,
      "the honest UA comes first",
    );
  });

  it("reports a real 404 after confirming it with GET, without browser headers", async () => {
    const result = await fetcher.checkLink("http://www.test-a.gov.cn/gone");
    assert.equal(result.status, 404);
    assert.equal(result.usedGetFallback, true);
    assert.equal(result.usedBrowserHeaders, false);
  });

  it("does not repeat a refused connection or an unknown host with GET", async () => {
    const refused = await fetcher.checkLink("http://www.down.gov.cn/");
    assert.equal(refused.error?.code, "ECONNREFUSED");
    assert.equal(refused.usedGetFallback, false);
    const unknown = await fetcher.checkLink("http://www.nowhere.invalid/");
    assert.equal(unknown.error?.code, "ENOTFOUND");
    assert.equal(unknown.usedGetFallback, false);
  });
});
