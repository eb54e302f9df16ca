import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { decideRetry, parseRetryAfter } from "../../src/fetch/retryPolicy.ts";
import type { FetchResult } from "../../src/fetch/types.ts";
import { connectTo, startServer, testOptions, type TestServer } from "./servers.ts";

describe("retries", { concurrency: true }, () => {
  let server: TestServer;
  /** Requests seen per path, to fail the first N of them. */
  const seen = new Map<string, number>();

  before(async () => {
    server = await startServer((req, res) => {
      const path = req.url ?? "/";
      const count = (seen.get(path) ?? 0) + 1;
      seen.set(path, count);
      if (path === "/busy-once") {
        if (count === 1) return void res.writeHead(429, { "retry-after": "1" }).end("slow down");
        return void res.writeHead(200).end("ok");
      }
      if (path === "/busy-http-date") {
        if (count === 1) {
          const at = new Date(Date.now() + 1500).toUTCString();
          return void res.writeHead(503, { "retry-after": at }).end();
        }
        return void res.writeHead(200).end("ok");
      }
      if (path === "/busy-for-an-hour") return void res.writeHead(429, { "retry-after": "3600" }).end();
      if (path === "/unavailable") return void res.writeHead(503).end();
      if (path === "/flaky") {
        if (count <= 2) return void res.writeHead(502).end();
        return void res.writeHead(200).end("recovered");
      }
      if (path === "/not-implemented") return void res.writeHead(501).end();
      if (path === "/reset-once") {
        if (count === 1) return void req.socket.destroy();
        return void res.writeHead(200).end("ok");
      }
      res.writeHead(404).end();
    });
  });
  after(() => server.close());

  const fetcherWith = (overrides: Parameters<typeof testOptions>[0] = {}): Fetcher =>
    new Fetcher(
      testOptions({
        mappings: [connectTo("www.test-a.gov.cn", server.port)],
        retries: 2,
        retryBaseDelayMs: 50,
        ...overrides,
      }),
    );
  const times = (path: string): number[] => server.requests.filter((r) => r.url === path).map((r) => r.at);

  it("waits as long as Retry-After (seconds) says before trying again", async () => {
    const fetcher = fetcherWith();
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/busy-once");
      assert.equal(result.status, 200);
      assert.equal(result.attempts, 2);
      const [first, second] = times("/busy-once") as [number, number];
      assert.ok(second - first >= 990, `waited only ${second - first} ms`);
    } finally {
      await fetcher.close();
    }
  });

  it("understands Retry-After as an HTTP date", async () => {
    const fetcher = fetcherWith();
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/busy-http-date");
      assert.equal(result.status, 200);
      assert.equal(result.attempts, 2);
      const [first, second] = times("/busy-http-date") as [number, number];
      // HTTP dates have one-second precision, so the wait is between 0.5 and 1.5 s.
      assert.ok(second - first >= 450, `waited only ${second - first} ms`);
    } finally {
      await fetcher.close();
    }
  });

  it("gives up at once when Retry-After exceeds maxRetryAfterMs, returning the 429", async () => {
    const fetcher = fetcherWith({ maxRetryAfterMs: 2000 });
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/busy-for-an-hour");
      assert.equal(result.status, 429);
      assert.equal(result.attempts, 1);
      assert.equal(result.headers["retry-after"], "3600");
      assert.equal(result.error, undefined);
    } finally {
      await fetcher.close();
    }
  });

  it("retries 503 with exponential back-off, then returns the last answer", async () => {
    const fetcher = fetcherWith();
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/unavailable");
      assert.equal(result.status, 503);
      assert.equal(result.attempts, 3);
      const [t1, t2, t3] = times("/unavailable") as [number, number, number];
      assert.ok(t2 - t1 >= 45, `first back-off ${t2 - t1} ms`);
      assert.ok(t3 - t2 >= 95, `second back-off ${t3 - t2} ms (doubled)`);
    } finally {
      await fetcher.close();
    }
  });

  it("retries other 5xx until one succeeds, but not 501", async () => {
    const fetcher = fetcherWith();
    try {
      const flaky = await fetcher.fetch("http://www.test-a.gov.cn/flaky");
      assert.equal(flaky.status, 200);
      assert.equal(flaky.attempts, 3);
      const notImplemented = await fetcher.fetch("http://www.test-a.gov.cn/not-implemented");
      assert.equal(notImplemented.attempts, 1);
    } finally {
      await fetcher.close();
    }
  });

  it("retries a connection reset", async () => {
    const fetcher = fetcherWith();
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/reset-once");
      assert.equal(result.status, 200);
      assert.equal(result.attempts, 2);
    } finally {
      await fetcher.close();
    }
  });

  it("does not retry when asked not to", async () => {
    const fetcher = fetcherWith();
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/unavailable?once", { noRetry: true });
      assert.equal(result.attempts, 1);
    } finally {
      await fetcher.close();
    }
  });
});

describe("retry policy", () => {
  const options = { retryBaseDelayMs: 100, maxRetryAfterMs: 5000 };
  const answer = (status: number, headers: Record<string, string> = {}): FetchResult => ({
    url: "http://a/",
    finalUrl: "http://a/",
    method: "GET",
    status,
    headers,
    redirects: [],
    bodyTruncated: false,
    attempts: 1,
    timings: { totalMs: 1 },
  });

  it("parses Retry-After forms", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    assert.equal(parseRetryAfter("120", now), 120_000);
    assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now), 30_000);
    assert.equal(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), undefined);
  });

  it("decides", () => {
    assert.deepEqual(decideRetry(answer(429, { "retry-after": "2" }), 1, options), {
      retry: true,
      delayMs: 2000,
      fromRetryAfter: true,
    });
    assert.deepEqual(decideRetry(answer(429, { "retry-after": "6" }), 1, options), { retry: false });
    assert.deepEqual(decideRetry(answer(500), 3, options), {
      retry: true,
      delayMs: 400,
      fromRetryAfter: false,
    });
    assert.deepEqual(decideRetry(answer(404), 1, options), { retry: false });
    assert.deepEqual(decideRetry({ ...answer(0), error: { code: "ENOTFOUND", message: "" } }, 1, options), {
      retry: false,
    });
  });
});
