import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { connectTo, startServer, startSilentServer, testOptions, type TestServer } from "./servers.ts";

/**
 * undici checks header/body/connect timeouts on a coarse (about 1 s) clock, so those tests take
 * about a second whatever the setting; they run concurrently to keep the suite fast.
 */
const SHORT = 300;

describe("timeouts", { concurrency: true }, () => {
  let server: TestServer;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  const open = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  before(async () => {
    server = await startServer((req, res) => {
      open.add(res);
      res.on("close", () => open.delete(res));
      if (req.url === "/no-headers") return; // never answers
      if (req.url === "/stall-body") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("first part…");
        return; // and nothing more
      }
      if (req.url?.startsWith("/trickle")) {
        // A byte every 100 ms: never idle long enough for the body timeout, never finished.
        res.writeHead(200, { "content-type": "text/plain" });
        const timer = setInterval(() => res.write("."), 100);
        timers.add(timer);
        res.on("close", () => clearInterval(timer));
        return;
      }
      res.writeHead(404).end();
    });
    silent = await startSilentServer();
  });
  after(async () => {
    for (const timer of timers) clearInterval(timer);
    await server.close();
    await silent.close();
  });

  const fetcherWith = (overrides: Parameters<typeof testOptions>[0]): Fetcher =>
    new Fetcher(
      testOptions({
        mappings: [
          connectTo("www.test-a.gov.cn", server.port),
          connectTo("www.test-a.gov.cn", silent.port, 443),
        ],
        ...overrides,
      }),
    );

  it("times out a connection whose TLS handshake never completes", async () => {
    const fetcher = fetcherWith({ connectTimeoutMs: SHORT });
    try {
      const started = performance.now();
      const result = await fetcher.fetch("https://www.test-a.gov.cn/");
      const elapsed = performance.now() - started;
      assert.equal(result.error?.code, "TIMEOUT");
      assert.match(result.error?.message ?? "", /CONNECT_TIMEOUT/);
      assert.equal(result.status, 0);
      assert.ok(elapsed >= SHORT - 10 && elapsed < 2000, `took ${elapsed} ms`);
    } finally {
      await fetcher.close();
    }
  });

  it("times out waiting for response headers", async () => {
    const fetcher = fetcherWith({ headersTimeoutMs: SHORT });
    try {
      const started = performance.now();
      const result = await fetcher.fetch("http://www.test-a.gov.cn/no-headers");
      const elapsed = performance.now() - started;
      assert.equal(result.error?.code, "TIMEOUT");
      assert.match(result.error?.message ?? "", /HEADERS_TIMEOUT/);
      assert.ok(elapsed < 2000, `took ${elapsed} ms`);
    } finally {
      await fetcher.close();
    }
  });

  it("times out a stalled body, keeping the status and what arrived", async () => {
    const fetcher = fetcherWith({ bodyTimeoutMs: SHORT });
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/stall-body");
      assert.equal(result.status, 200);
      assert.equal(result.error?.code, "TIMEOUT");
      assert.match(result.error?.message ?? "", /BODY_TIMEOUT/);
      assert.equal(result.bodyTruncated, true);
      assert.equal(result.body?.toString(), "first part…");
    } finally {
      await fetcher.close();
    }
  });

  it("enforces the total deadline on a body that never stops trickling", async () => {
    const fetcher = fetcherWith({ bodyTimeoutMs: SHORT, totalTimeoutMs: 2 * SHORT });
    try {
      const started = performance.now();
      const result = await fetcher.fetch("http://www.test-a.gov.cn/trickle");
      const elapsed = performance.now() - started;
      assert.equal(result.error?.code, "TIMEOUT");
      assert.match(result.error?.message ?? "", /总时限/);
      // The body never ends, so without the total deadline this would wait until the test's own
      // timeout: a bound of seconds tells the two apart also on a busy machine.
      assert.ok(elapsed >= 2 * SHORT - 10 && elapsed < 2 * SHORT + 3000, `took ${elapsed} ms`);
      // The answer had begun (its first byte arrived before the deadline): it was the total deadline,
      // not a wait for headers, that ended it.
      assert.ok(result.timings.firstByteMs !== undefined && result.timings.firstByteMs < elapsed);
    } finally {
      await fetcher.close();
    }
  });

  it("retries a timeout with back-off when retries are allowed", async () => {
    const fetcher = fetcherWith({ totalTimeoutMs: 150, retries: 1, retryBaseDelayMs: 20 });
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/trickle?retry");
      assert.equal(result.error?.code, "TIMEOUT");
      assert.equal(result.attempts, 2);
      assert.equal(server.requests.filter((r) => r.url === "/trickle?retry").length, 2);
    } finally {
      await fetcher.close();
    }
  });
});
