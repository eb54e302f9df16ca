import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseDuration } from "../../src/cli/probeCommand.ts";
import { readProbeSeries } from "../../src/cli/probeSeries.ts";
import { html, serveSite, status, type TestSite } from "../helpers/httpSite.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const HOST = "www.probe-cli.gov.cn";

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source; `onStdout` may act on output as it arrives (e.g. send Ctrl-C). */
function zhijian(
  args: string[],
  onStdout?: (text: string, child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: root });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout?.(stdout, child);
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

describe("zhijian probe", { concurrency: true }, () => {
  let site: TestSite;
  let mapping: string[];
  before(async () => {
    site = await serveSite({ "/": html("<h1>测试市人民政府</h1>"), "/down": status(503) });
    mapping = ["--connect-to", `${HOST}:80:127.0.0.1:${site.port}`, "--mapped-only"];
  });
  after(() => site.close());

  it("probes on a timetable, prints a Chinese table and summary, appends JSON Lines", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "zhijian-probe-")), "probes.jsonl");
    const run = await zhijian([
      "probe",
      `http://${HOST}/`,
      `http://${HOST}/down`,
      ...mapping,
      "--count",
      "2",
      "--interval",
      "150ms",
      "--out",
      out,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /时间\s+状态\s+DNS\s+连接\s+TLS\s+首字节\s+总耗时\s+证书到期\s+网址/);
    assert.equal(run.stdout.match(/正常 200/g)?.length, 2);
    assert.equal(run.stdout.match(/失败 HTTP 503/g)?.length, 2);
    assert.match(run.stdout, /可用性汇总/);
    assert.match(
      run.stdout,
      new RegExp(
        `■ http://${HOST.replace(/\./g, "\\.")}\\n  监测 4 次，未打开 2 次，占 50% → 结论：单项否决`,
      ),
    );
    assert.match(run.stdout, /监测不足一周，结论仅供参考/);
    assert.match(run.stdout, /探测记录已追加到/);

    const lines = (await readFile(out, "utf8")).trimEnd().split("\n");
    assert.equal(lines.length, 4);
    const { records, warnings } = await readProbeSeries(out);
    assert.deepEqual(warnings, []);
    assert.deepEqual(records.map((r) => [r.url, r.ok, r.status]).sort(), [
      [`http://${HOST}/`, true, 200],
      [`http://${HOST}/`, true, 200],
      [`http://${HOST}/down`, false, 503],
      [`http://${HOST}/down`, false, 503],
    ]);
    const home = records.filter((r) => r.url === `http://${HOST}/`);
    assert.equal(Date.parse(home[1]!.scheduledAt) - Date.parse(home[0]!.scheduledAt), 150);
    assert.ok(records.every((r) => r.site === `http://${HOST}` && r.timings.dnsMs === null));
  });

  it("--json prints records, summaries and stamped findings", async () => {
    const run = await zhijian(["probe", `http://${HOST}/down`, ...mapping, "--json", "--timeout", "2s"]);
    assert.equal(run.code, 0, run.stderr);
    const output = JSON.parse(run.stdout);
    assert.equal(output.records.length, 1);
    assert.equal(output.records[0].deadlineMs, 2000);
    assert.equal(output.summaries[0].verdict, "veto");
    assert.equal(output.summaries[0].fullyCovered, false);
    assert.deepEqual(
      output.findings.map((f: { check: string; severity: string }) => [f.check, f.severity]),
      [
        ["site.availability", "veto"],
        ["site.availability", "info"],
      ],
    );
    assert.match(output.findings[0].fingerprint, /^[0-9a-f]{24}$/);
  });

  it("Ctrl-C stops cleanly: the probes done are written and summarised, exit 0", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "zhijian-probe-")), "probes.jsonl");
    let sent = false;
    const run = await zhijian(
      ["probe", `http://${HOST}/`, ...mapping, "--duration", "1h", "--interval", "100ms", "--out", out],
      (text, child) => {
        if (!sent && (text.match(/正常 200/g)?.length ?? 0) >= 2) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /正在停止/);
    const rows = run.stdout.match(/正常 200/g)?.length ?? 0;
    const { records } = await readProbeSeries(out);
    assert.equal(records.length, rows);
    assert.match(run.stdout, new RegExp(`监测 ${rows} 次，未打开 0 次，占 0% → 结论：正常`));
  });

  it("usage errors exit 2", async () => {
    const run = await zhijian(["probe", `http://${HOST}/`, "--count", "2", "--duration", "1d"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot be used with/);
  });

  it("reads durations with units; a bare number is seconds", () => {
    assert.equal(parseDuration("60m"), 3_600_000);
    assert.equal(parseDuration("250ms"), 250);
    assert.equal(parseDuration("7d"), 7 * 86_400_000);
    assert.equal(parseDuration("1.5h"), 5_400_000);
    assert.equal(parseDuration("15"), 15_000);
    assert.equal(parseDuration("30秒"), 30_000);
    assert.equal(parseDuration("soon"), null);
    assert.equal(parseDuration("5 weeks"), null);
  });
});
