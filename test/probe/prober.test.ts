import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { ProbeRecord } from "../../src/fetch/probe.ts";
import { createProber, Prober, WorkerProber, type TimerSource } from "../../src/jobs/prober.ts";
import { html, serveSite } from "../helpers/httpSite.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** A record as a real probe would return it; the prober only stamps the slot and the delay. */
function fakeRecord(url: string, startedAt = new Date()): ProbeRecord {
  return {
    v: 1,
    site: new URL(url).origin,
    url,
    finalUrl: url,
    scheduledAt: startedAt.toISOString(),
    startedAt: startedAt.toISOString(),
    startDelayMs: 0,
    deadlineMs: 15_000,
    ok: true,
    status: 200,
    error: null,
    redirects: [],
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 2, totalMs: 3 },
    bytes: 10,
    tls: null,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const targets = ["http://www.a.gov.cn/", "http://www.b.gov.cn/", "http://www.c.gov.cn/"];

/** Timers on a virtual clock; each due timer fires `lateByMs` after its time. */
class VirtualTimers implements TimerSource {
  time = 1_000_000;
  lateByMs = 0;
  private timers: Array<{ at: number; callback: () => void; id: number }> = [];
  private nextId = 0;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }
  /** Runs every timer due up to `until`, in time order, letting promises settle in between. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at + this.lateByMs);
      due.callback();
    }
    this.time = Math.max(this.time, until);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("Prober", { concurrency: true }, () => {
  it("follows the timetable start + k·interval, targets spread evenly inside the interval (virtual clock)", async () => {
    const timers = new VirtualTimers();
    const records: ProbeRecord[] = [];
    const start = timers.time;
    const prober = new Prober({
      targets,
      intervalMs: 3_600_000,
      count: 3,
      timers,
      probe: async (url) => fakeRecord(url, new Date(timers.now())),
      onResult: (record) => void records.push(record),
    });
    prober.start();
    timers.lateByMs = 7;
    await timers.runUntil(start + 3 * 3_600_000);
    await prober.finished;
    assert.equal(records.length, 9);
    const slots = records.map((record) => [record.url, Date.parse(record.scheduledAt) - start]);
    assert.deepEqual(slots, [
      [targets[0], 0],
      [targets[1], 1_200_000],
      [targets[2], 2_400_000],
      [targets[0], 3_600_000],
      [targets[1], 4_800_000],
      [targets[2], 6_000_000],
      [targets[0], 7_200_000],
      [targets[1], 8_400_000],
      [targets[2], 9_600_000],
    ]);
    // Slot 0 of the first target is due at once; every later one fired 7 ms late and says so.
    assert.deepEqual(
      records.map((record) => record.startDelayMs),
      [0, 7, 7, 7, 7, 7, 7, 7, 7],
    );
    assert.deepEqual(prober.stats(), { probes: 9, skipped: 0 });
  });

  it("runs for real on short intervals, recording each start's delay against its slot", async () => {
    const records: ProbeRecord[] = [];
    const prober = new Prober({
      targets,
      intervalMs: 150,
      count: 3,
      probe: async (url) => fakeRecord(url),
      onResult: (record) => void records.push(record),
    });
    const started = Date.now();
    prober.start();
    await prober.finished;
    const elapsed = Date.now() - started;
    // Every slot is either probed or, when a busy machine made a probe overrun two slots, skipped
    // (the overlap rule, tested exactly on the virtual clock above); none is lost or doubled.
    const { probes, skipped } = prober.stats();
    assert.equal(records.length, probes);
    assert.equal(probes + skipped, 9);
    assert.ok(probes >= targets.length, `only ${probes} probes`);
    // The last slot is due 400 ms in; how late it fires on a busy machine is the benchmark's business.
    assert.ok(elapsed >= 390, `elapsed ${elapsed}`);
    const first = Date.parse(records[0]!.scheduledAt);
    for (const record of records) {
      const index = targets.indexOf(record.url);
      const offset = Date.parse(record.scheduledAt) - first;
      assert.ok(
        [0, 150, 300].some((k) => Math.abs(offset - (k + index * 50)) <= 1),
        `${record.url} at +${offset} ms`,
      );
      const measured = Date.parse(record.startedAt) - Date.parse(record.scheduledAt);
      assert.ok(record.startDelayMs >= 0, `delay ${record.startDelayMs}`);
      // startedAt is wall-clock time (Date), the prober's delay is monotonic time: under load the two
      // clocks drift apart by some milliseconds, so they agree only roughly.
      assert.ok(
        Math.abs(record.startDelayMs - measured) <= 50,
        `delay ${record.startDelayMs} vs ${measured}`,
      );
    }
  });

  it("never overlaps two probes of one target: an overrunning probe delays one slot, skips the rest", async () => {
    const running = new Map<string, number>();
    let maxRunning = 0;
    const records: ProbeRecord[] = [];
    const prober = new Prober({
      targets: targets.slice(0, 2),
      intervalMs: 60,
      count: 6,
      probe: async (url) => {
        running.set(url, (running.get(url) ?? 0) + 1);
        maxRunning = Math.max(maxRunning, running.get(url)!);
        await sleep(130);
        running.set(url, running.get(url)! - 1);
        return fakeRecord(url);
      },
      onResult: (record) => void records.push(record),
    });
    prober.start();
    await prober.finished;
    assert.equal(maxRunning, 1);
    const stats = prober.stats();
    assert.ok(stats.skipped > 0, JSON.stringify(stats));
    assert.equal(stats.probes + stats.skipped, 12, JSON.stringify(stats));
    const late = records.filter((record) => record.startDelayMs >= 40);
    assert.ok(late.length > 0, "late probes record how late they started");
  });

  it("stop() waits for the probe in flight and its onResult, then schedules nothing more", async () => {
    const events: string[] = [];
    const prober = new Prober({
      targets: targets.slice(0, 1),
      intervalMs: 50,
      probe: async (url) => {
        events.push("probe");
        await sleep(150);
        return fakeRecord(url);
      },
      onResult: async () => {
        await sleep(20);
        events.push("written");
      },
    });
    prober.start();
    await sleep(30);
    await prober.stop();
    assert.deepEqual(events, ["probe", "written"]);
    await sleep(120);
    assert.deepEqual(events, ["probe", "written"]);
  });

  it("reports a throwing probe or onResult and keeps going", async () => {
    const errors: string[] = [];
    let calls = 0;
    const prober = new Prober({
      targets: targets.slice(0, 1),
      intervalMs: 40,
      count: 3,
      probe: async (url) => {
        calls++;
        if (calls === 1) throw new Error("probe broke");
        return fakeRecord(url);
      },
      onResult: () => {
        throw new Error("disk full");
      },
      onError: (error) => errors.push((error as Error).message),
    });
    prober.start();
    await prober.finished;
    // Under a loaded test machine a slot may be skipped; every probe that ran is reported.
    assert.equal(errors[0], "probe broke");
    assert.deepEqual(errors.slice(1), Array(prober.stats().probes).fill("disk full"));
    assert.ok(prober.stats().probes >= 1);
  });

  it("a stopped prober with an hour to wait does not keep the process alive", async () => {
    const script = `
      import { Prober } from ${JSON.stringify(new URL("../../src/jobs/prober.ts", import.meta.url).href)};
      const prober = new Prober({ targets: ["http://www.a.gov.cn/"], probe: async () => { throw new Error("x"); }, onResult() {}, onError() {} });
      prober.start();
      setTimeout(() => void prober.stop(), 50);
    `;
    const started = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: root,
      stdio: "inherit",
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    assert.equal(code, 0);
    assert.ok(Date.now() - started < 8000);
  });

  it("in a worker thread: same timetable, records handed back to this thread", async () => {
    const site = await serveSite({ "/": html("<p>首页</p>") });
    try {
      const records: ProbeRecord[] = [];
      const prober = createProber({
        targets: ["http://www.worker.gov.cn/"],
        intervalMs: 100,
        count: 2,
        probeOptions: {
          mappings: [
            { host: "www.worker.gov.cn", port: 80, address: "127.0.0.1", toPort: site.port, spec: "" },
          ],
          mappedOnly: true,
        },
        onResult: (record) => void records.push(record),
      });
      assert.ok(prober instanceof WorkerProber);
      prober.start();
      await prober.finished;
      assert.equal(records.length, 2);
      assert.ok(records.every((record) => record.ok && record.status === 200));
      assert.equal(Date.parse(records[1]!.scheduledAt) - Date.parse(records[0]!.scheduledAt), 100);
      assert.ok(records.every((record) => record.startDelayMs >= 0));
      assert.equal(prober.stats().probes, 2);
    } finally {
      await site.close();
    }
  });

  it("a worker prober stops on request", async () => {
    const records: ProbeRecord[] = [];
    const prober = createProber({
      thread: "worker",
      targets: ["http://www.stop.invalid/"],
      intervalMs: 50,
      onResult: (record) => void records.push(record),
    });
    prober.start();
    // The worker needs a moment to load; wait for its first probes, not for a fixed time.
    for (let waited = 0; records.length < 2 && waited < 10_000; waited += 20) await sleep(20);
    await prober.stop();
    const count = records.length;
    assert.ok(count >= 2, "probes ran before stop");
    assert.ok(records.every((record) => record.error?.code === "ENOTFOUND"));
    await sleep(150);
    assert.equal(records.length, count);
  });
});
