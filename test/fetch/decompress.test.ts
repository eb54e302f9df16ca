import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as zlib from "node:zlib";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { connectTo, startServer, testOptions, type TestServer } from "./servers.ts";

const PAGE = Buffer.from(`<html><body>${"政府信息公开目录。".repeat(2000)}</body></html>`);
const BOMB = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024));

const routes: Record<string, { encoding?: string; body: Buffer }> = {
  "/gzip": { encoding: "gzip", body: zlib.gzipSync(PAGE) },
  "/deflate": { encoding: "deflate", body: zlib.deflateSync(PAGE) },
  "/raw-deflate": { encoding: "deflate", body: zlib.deflateRawSync(PAGE) },
  "/br": { encoding: "br", body: zlib.brotliCompressSync(PAGE) },
  "/identity": { body: PAGE },
  "/bomb": { encoding: "gzip", body: BOMB },
  "/corrupt": {
    encoding: "gzip",
    body: Buffer.concat([zlib.gzipSync(PAGE).subarray(0, 20), Buffer.alloc(200, 0x5a)]),
  },
  "/big": { body: Buffer.alloc(3 * 1024 * 1024, 0x41) },
};

describe("content decoding and body limits", () => {
  let server: TestServer;
  let fetcher: Fetcher;
  before(async () => {
    server = await startServer((req, res) => {
      const route = routes[req.url ?? ""];
      if (!route) return void res.writeHead(404).end();
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        ...(route.encoding ? { "content-encoding": route.encoding } : {}),
      });
      res.end(route.body);
    });
    fetcher = new Fetcher(testOptions({ mappings: [connectTo("www.test-a.gov.cn", server.port)] }));
  });
  after(async () => {
    await fetcher.close();
    await server.close();
  });

  it("asks for gzip, deflate and br", async () => {
    await fetcher.fetch("http://www.test-a.gov.cn/identity");
    assert.equal(server.requests.at(-1)?.headers["accept-encoding"], "gzip, deflate, br");
  });

  for (const path of ["/gzip", "/deflate", "/raw-deflate", "/br", "/identity"]) {
    it(`decodes ${path.slice(1)}`, async () => {
      const result = await fetcher.fetch(`http://www.test-a.gov.cn${path}`);
      assert.equal(result.error, undefined);
      assert.equal(result.bodyTruncated, false);
      assert.ok(result.body?.equals(PAGE));
    });
  }

  it("stops a decompression bomb early and keeps what was read", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/bomb");
    assert.equal(result.status, 200);
    assert.equal(result.error?.code, "DECOMPRESSION_BOMB");
    assert.equal(result.bodyTruncated, true);
    assert.ok(result.body && result.body.length >= 1024 * 1024, "ratio is only judged after 1 MiB");
    assert.ok(result.body.length < 10 * 1024 * 1024, "stopped well before inflating 50 MB");
  });

  it("cuts a body at maxBodyBytes and says so", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/big", { maxBodyBytes: 1024 * 1024 });
    assert.equal(result.error?.code, "BODY_TOO_LARGE");
    assert.equal(result.bodyTruncated, true);
    assert.equal(result.body?.length, 1024 * 1024);
  });

  it("applies the size limit to decompressed bytes too", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/gzip", { maxBodyBytes: 1000 });
    assert.equal(result.error?.code, "BODY_TOO_LARGE");
    assert.ok(result.body?.equals(PAGE.subarray(0, 1000)));
  });

  it("reports a corrupt gzip stream as BAD_ENCODING", async () => {
    const result = await fetcher.fetch("http://www.test-a.gov.cn/corrupt");
    assert.equal(result.status, 200);
    assert.equal(result.error?.code, "BAD_ENCODING");
    assert.equal(result.bodyTruncated, true);
  });
});
