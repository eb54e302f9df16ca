import assert from "node:assert/strict";
import { appendFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { appendProbe, ProbeSeriesError, readProbeSeries } from "../../src/cli/probeSeries.ts";
import { UsageError } from "../../src/core/errors.ts";
import type { ProbeRecord } from "../../src/fetch/probe.ts";

function record(minute: number, ok = true): ProbeRecord {
  const at = new Date(Date.UTC(2026, 10, 19, 0, minute)).toISOString();
  return {
    v: 1,
    site: "http://www.example.gov.cn",
    url: "http://www.example.gov.cn/",
    finalUrl: "http://www.example.gov.cn/index.html",
    scheduledAt: at,
    startedAt: at,
    startDelayMs: 0.4,
    deadlineMs: 15_000,
    ok,
    status: ok ? 200 : 0,
    error: ok
      ? null
      : { code: "ECONNREFUSED", message: "连接被拒绝（建立连接阶段）", detail: "ECONNREFUSED: x" },
    redirects: [{ url: "http://www.example.gov.cn/", status: 302, location: "/index.html" }],
    timings: { dnsMs: 3.2, connectMs: 1.1, tlsMs: null, ttfbMs: 20.5, totalMs: 22 },
    bytes: 1234,
    tls: null,
  };
}

const tempFile = async (name = "series.jsonl") =>
  join(await mkdtemp(join(tmpdir(), "zhijian-series-")), name);

describe("probe series files", { concurrency: true }, () => {
  it("round-trips records appended one per line, creating the folder", async () => {
    const path = join(await tempFile(), "..", "sub", "probes.jsonl");
    const records = [record(0), record(60, false), record(120)];
    for (const r of records) assert.deepEqual(await appendProbe(path, r), {});
    const text = await readFile(path, "utf8");
    assert.equal(text.split("\n").length, 4, "three lines, each newline-terminated");
    const series = await readProbeSeries(path);
    assert.deepEqual(series.records, records);
    assert.deepEqual(series.warnings, []);
  });

  it("concurrent appends never interleave", async () => {
    const path = await tempFile();
    await Promise.all(Array.from({ length: 30 }, (_, i) => appendProbe(path, record(i))));
    const series = await readProbeSeries(path);
    assert.equal(series.records.length, 30);
  });

  it("tolerates a truncated last line with a warning, and the next append removes it", async () => {
    const path = await tempFile();
    const full = `${JSON.stringify(record(0))}\n${JSON.stringify(record(60))}\n`;
    await writeFile(path, full + JSON.stringify(record(120)).slice(0, 57));
    const series = await readProbeSeries(path);
    assert.equal(series.records.length, 2);
    assert.equal(series.warnings.length, 1);
    assert.match(series.warnings[0]!, /第 3 行不完整/);
    assert.match(series.warnings[0]!, /line 3/);
    assert.ok(series.warnings[0]!.includes(path));

    const appended = await appendProbe(path, record(180));
    assert.match(appended.warning ?? "", /已删除该行 57 字节/);
    const repaired = await readProbeSeries(path);
    assert.deepEqual(
      repaired.records.map((r) => r.startedAt),
      [record(0), record(60), record(180)].map((r) => r.startedAt),
    );
    assert.deepEqual(repaired.warnings, []);
  });

  it("a complete last line without its newline is fine", async () => {
    const path = await tempFile();
    await writeFile(path, `${JSON.stringify(record(0))}\n${JSON.stringify(record(1))}`);
    const series = await readProbeSeries(path);
    assert.equal(series.records.length, 2);
    assert.deepEqual(series.warnings, []);
  });

  it("a malformed line in the middle is an error naming file and line, in Chinese and English", async () => {
    const path = await tempFile();
    await writeFile(path, `${JSON.stringify(record(0))}\n{"v":1,"site":\n${JSON.stringify(record(2))}\n`);
    await assert.rejects(readProbeSeries(path), (error: Error) => {
      assert.ok(error instanceof ProbeSeriesError);
      assert.ok(error instanceof UsageError, "exit code 2 in the CLI");
      assert.ok(error.message.includes(path));
      assert.match(error.message, /第 2 行：不是有效的 JSON/);
      assert.match(error.message, /line 2: invalid JSON/);
      return true;
    });
  });

  it("a malformed last line that ends with a newline is an error too: it was written whole", async () => {
    const path = await tempFile();
    await writeFile(path, `${JSON.stringify(record(0))}\nnot json\n`);
    await assert.rejects(readProbeSeries(path), /第 2 行/);
  });

  it("validates the fields the judgement needs", async () => {
    const path = await tempFile();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...record(0), ok: "yes" }, /字段 ok 应为 true 或 false.*field ok must be a boolean/],
      [{ ...record(0), site: "" }, /字段 site/],
      [{ ...record(0), startedAt: "yesterday" }, /字段 startedAt 应为 ISO 时间/],
      [{ ...record(0), v: 2 }, /字段 v 应为 1/],
      [{ ...record(0), timings: {} }, /timings\.totalMs/],
      [{ ...record(0), error: "boom" }, /字段 error/],
    ];
    for (const [value, message] of cases) {
      await writeFile(path, `${JSON.stringify(record(0))}\n${JSON.stringify(value)}\n`);
      await assert.rejects(readProbeSeries(path), message);
    }
    await writeFile(path, "[1,2]\n");
    await assert.rejects(readProbeSeries(path), /第 1 行：应为 JSON 对象/);
  });

  it("fills optional fields of records from simpler writers", async () => {
    const path = await tempFile();
    const minimal = {
      v: 1,
      site: "http://www.example.gov.cn",
      url: "http://www.example.gov.cn/",
      startedAt: "2026-11-19T00:00:00.000Z",
      ok: false,
      status: 503,
      deadlineMs: 15000,
      timings: { totalMs: 40 },
    };
    await appendFile(path, `${JSON.stringify(minimal)}\n\n`);
    const [loaded] = (await readProbeSeries(path)).records;
    assert.equal(loaded?.finalUrl, minimal.url);
    assert.equal(loaded?.scheduledAt, minimal.startedAt);
    assert.equal(loaded?.error, null);
    assert.deepEqual(loaded?.timings, {
      dnsMs: null,
      connectMs: null,
      tlsMs: null,
      ttfbMs: null,
      totalMs: 40,
    });
    assert.deepEqual(loaded?.redirects, []);
    assert.equal(loaded?.tls, null);
  });

  it("a missing file is a clear error", async () => {
    const path = await tempFile("missing.jsonl");
    await assert.rejects(readProbeSeries(path), /无法读取探测序列文件 .*missing\.jsonl：ENOENT/);
  });
});
