import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { connectTo, startServer, testOptions, type TestServer } from "./servers.ts";

describe("POST (form submissions)", () => {
  let site: TestServer;
  let fetcher: Fetcher;
  const bodies: string[] = [];
  before(async () => {
    site = await startServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        bodies.push(`${req.method} ${req.url} ${body}`);
        if (req.url === "/search" && req.method === "POST")
          return void res.writeHead(302, { location: "/results?q=1" }).end();
        if (req.url === "/keep" && req.method === "POST")
          return void res.writeHead(307, { location: "/echo" }).end();
        if (req.url === "/echo") return void res.writeHead(200).end(`${req.method}:${body}`);
        if (req.url === "/results?q=1") return void res.writeHead(200).end(`${req.method}:${body}`);
        if (req.url === "/fails") return void res.writeHead(503).end();
        res.writeHead(404).end();
      });
    });
    fetcher = new Fetcher(testOptions({ retries: 2, mappings: [connectTo("www.test-a.gov.cn", site.port)] }));
  });
  after(async () => {
    await fetcher.close();
    await site.close();
  });

  const post = (path: string) =>
    fetcher.fetch(`http://www.test-a.gov.cn${path}`, {
      method: "POST",
      body: "q=%E5%86%AC%E5%AD%A3",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });

  it("sends the body, and follows a 302 with a GET without it, as browsers do", async () => {
    const result = await post("/search");
    assert.equal(result.status, 200);
    assert.equal(result.body?.toString(), "GET:");
    assert.deepEqual(bodies.slice(-2), ["POST /search q=%E5%86%AC%E5%AD%A3", "GET /results?q=1 "]);
  });

  it("keeps method and body through a 307", async () => {
    const result = await post("/keep");
    assert.equal(result.body?.toString(), "POST:q=%E5%86%AC%E5%AD%A3");
  });

  it("never retries a POST, even on 503", async () => {
    const before = site.requests.length;
    const result = await post("/fails");
    assert.equal(result.status, 503);
    assert.equal(result.attempts, 1);
    assert.equal(site.requests.length - before, 1);
  });
});
