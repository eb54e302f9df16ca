import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { HostPoliteness } from "../../src/fetch/politeness.ts";
import { connectTo, startServer, testOptions, type TestServer } from "./servers.ts";

const INTERVAL = 200;
/**
 * Client and server share one event loop (and the machine runs other suites), so arrival times
 * at the server lag the client's start times by a varying few tens of ms under load. Without any
 * spacing the gaps would be about 1 ms, so this tolerance still catches a missing interval.
 */
const JITTER = 60;

describe("politeness on the wire", () => {
  let server: TestServer;
  let inFlight = 0;
  let maxInFlight = 0;
  before(async () => {
    server = await startServer((req, res) => {
      if (!req.url?.startsWith("/slow")) return void res.writeHead(200).end("ok");
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end("ok");
      }, 80);
    });
  });
  after(() => server.close());

  it("never has more than maxConcurrencyPerHost requests in flight to one host", async () => {
    const fetcher = new Fetcher(
      testOptions({ maxConcurrencyPerHost: 2, mappings: [connectTo("www.test-a.gov.cn", server.port)] }),
    );
    try {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => fetcher.fetch(`http://www.test-a.gov.cn/slow/${i}`)),
      );
      assert.ok(results.every((r) => r.status === 200));
      assert.equal(maxInFlight, 2, "the limit is reached and never exceeded");
    } finally {
      await fetcher.close();
    }
  });

  it("spaces request starts to one host by minIntervalMs, but not across hosts", async () => {
    const fetcher = new Fetcher(
      testOptions({
        minIntervalMs: INTERVAL,
        // One kept-alive connection, so connection set-up does not blur the server-side timing.
        maxConcurrencyPerHost: 1,
        mappings: [connectTo("www.test-b.gov.cn", server.port), connectTo("www.test-c.gov.cn", server.port)],
      }),
    );
    try {
      await fetcher.fetch("http://www.test-b.gov.cn/warm-up");
      const started = performance.now();
      await Promise.all([
        ...Array.from({ length: 4 }, (_, i) => fetcher.fetch(`http://www.test-b.gov.cn/interval/${i}`)),
        fetcher.fetch("http://www.test-c.gov.cn/other-host"),
      ]);
      const starts = server.requests
        .filter((r) => r.host === "www.test-b.gov.cn" && r.url.startsWith("/interval/"))
        .map((r) => r.at);
      assert.equal(starts.length, 4);
      for (let i = 1; i < starts.length; i++) {
        const gap = (starts[i] as number) - (starts[i - 1] as number);
        assert.ok(gap >= INTERVAL - JITTER, `gap ${i} was ${gap} ms`);
      }
      const span = (starts[3] as number) - (starts[0] as number);
      assert.ok(span >= 3 * INTERVAL - JITTER, `three intervals took only ${span} ms`);
      const other = server.requests.find((r) => r.host === "www.test-c.gov.cn");
      assert.ok(other && other.at - started < INTERVAL, "another host is not held up");
    } finally {
      await fetcher.close();
    }
  });
});

describe("HostPoliteness", () => {
  it("widens the spacing after 429/503 and narrows it again after successes", async () => {
    const gate = new HostPoliteness({ maxConcurrencyPerHost: 1, minIntervalMs: 0, backoffBaseMs: 100 });
    try {
      const timeStart = async (): Promise<number> => {
        const before = performance.now();
        const release = await gate.acquire("h");
        release();
        return performance.now() - before;
      };
      assert.ok((await timeStart()) < 30);
      gate.noteStatus("h", 503);
      assert.ok((await timeStart()) >= 95, "the next start waits the back-off");
      gate.noteStatus("h", 429);
      assert.equal(gate.penaltyMs("h"), 200, "doubles");
      assert.ok((await timeStart()) >= 195);
      gate.noteStatus("h", 200);
      assert.equal(gate.penaltyMs("h"), 100, "halves");
      gate.noteStatus("h", 404);
      assert.equal(gate.penaltyMs("h"), 100, "a client error says nothing about load");
      gate.noteStatus("h", 200);
      assert.equal(gate.penaltyMs("h"), 0, "gone once below the base");
      assert.equal(gate.penaltyMs("other"), 0, "other hosts are unaffected");
    } finally {
      gate.close();
    }
  });

  it("lets a waiting request give up through its signal, and rejects waiters on close", async () => {
    const gate = new HostPoliteness({ maxConcurrencyPerHost: 1, minIntervalMs: 0 });
    const release = await gate.acquire("h");
    const controller = new AbortController();
    const waiting = gate.acquire("h", controller.signal);
    controller.abort(new Error("gave up"));
    await assert.rejects(waiting, /gave up/);
    const stranded = gate.acquire("h");
    gate.close();
    await assert.rejects(stranded, /closed/);
    release();
  });
});
