import { mkdir, open, stat, truncate } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { UsageError } from "../core/errors.ts";
import { probeRecordVersion, type ProbeRecord } from "../fetch/probe.ts";

/**
 * Probe series files: JSON Lines, one probe record per line, appended as each probe finishes
 * (docs/probe-series.md). A week of probes is only worth something if a crash loses nothing, so
 * every record is written by itself and synced to disk before the next probe is reported done.
 */

/** A series file that cannot be read as one: exit code 2, naming the file and the line. */
export class ProbeSeriesError extends UsageError {
  override name = "ProbeSeriesError";
}

export interface ProbeSeries {
  records: ProbeRecord[];
  /** Things tolerated but worth telling, e.g. a last line cut off by a crash. */
  warnings: string[];
}

/** Paths whose tail was checked in this process; the check runs once per path. */
const checkedTails = new Map<string, Promise<string | undefined>>();

/**
 * Appends one record as a line and syncs it. The first append to a file in this process removes a
 * partial last line left by a crash, which would otherwise be glued to this record; the returned
 * warning says so.
 */
export async function appendProbe(path: string, record: ProbeRecord): Promise<{ warning?: string }> {
  let check = checkedTails.get(path);
  if (!check) {
    check = repairTail(path);
    checkedTails.set(path, check);
  }
  const warning = await check;
  const file = await open(path, "a");
  try {
    await file.write(`${JSON.stringify(record)}\n`);
    await file.datasync();
  } finally {
    await file.close();
  }
  return warning ? { warning } : {};
}

/**
 * Reads and validates a series. A malformed line is an error naming file and line, except a last
 * line without its newline that does not parse: that is a write cut off by a crash, skipped with a
 * warning.
 */
export async function readProbeSeries(path: string): Promise<ProbeSeries> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new ProbeSeriesError(
      `无法读取探测序列文件 ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)}` +
        `（cannot read probe series ${path}）`,
    );
  }
  const endsWithNewline = size === 0 || (await lastByte(path, size)) === 0x0a;
  const records: ProbeRecord[] = [];
  const warnings: string[] = [];
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let number = 0;
  let pending: { text: string; number: number } | undefined;
  const take = (text: string, at: number, last: boolean): void => {
    if (text.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (last && !endsWithNewline) {
        warnings.push(
          `探测序列文件 ${path} 第 ${at} 行不完整（可能是写入时中断），已忽略` +
            `（probe series ${path}, line ${at}: incomplete last line, probably cut off by a crash; skipped）`,
        );
        return;
      }
      fail(path, at, `不是有效的 JSON：${(error as Error).message}`, "invalid JSON");
    }
    records.push(validateRecord(value, path, at));
  };
  for await (const line of lines) {
    number++;
    // One line behind, so the last line is known to be the last when it is judged.
    if (pending) take(pending.text, pending.number, false);
    pending = { text: line, number };
  }
  if (pending) take(pending.text, pending.number, true);
  return { records, warnings };
}

/**
 * Checks one parsed line. Required: v, site, url, startedAt, ok, status, deadlineMs, timings.totalMs;
 * the rest is filled in when missing so records from simpler writers still load.
 */
export function validateRecord(value: unknown, path: string, line: number): ProbeRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(path, line, "应为 JSON 对象", "expected a JSON object");
  }
  const record = value as Record<string, unknown>;
  const need = (ok: boolean, field: string, zh: string, en: string): void => {
    if (!ok) fail(path, line, `字段 ${field} ${zh}`, `field ${field} ${en}`);
  };
  need(
    record.v === probeRecordVersion,
    "v",
    `应为 ${probeRecordVersion}（实际为 ${JSON.stringify(record.v)}）`,
    `must be ${probeRecordVersion}`,
  );
  need(
    typeof record.site === "string" && record.site !== "",
    "site",
    "应为非空字符串",
    "must be a non-empty string",
  );
  need(
    typeof record.url === "string" && record.url !== "",
    "url",
    "应为非空字符串",
    "must be a non-empty string",
  );
  need(isIsoTime(record.startedAt), "startedAt", "应为 ISO 时间", "must be an ISO time");
  need(typeof record.ok === "boolean", "ok", "应为 true 或 false", "must be a boolean");
  need(isCount(record.status), "status", "应为非负整数", "must be a non-negative integer");
  need(isFiniteNumber(record.deadlineMs), "deadlineMs", "应为数字", "must be a number");
  const timings = record.timings as Record<string, unknown> | undefined;
  need(
    typeof timings === "object" && timings !== null && isFiniteNumber(timings.totalMs),
    "timings.totalMs",
    "应为数字",
    "must be a number",
  );
  need(
    record.scheduledAt === undefined || isIsoTime(record.scheduledAt),
    "scheduledAt",
    "应为 ISO 时间",
    "must be an ISO time",
  );
  const error = record.error as Record<string, unknown> | null | undefined;
  need(
    error === undefined ||
      error === null ||
      (typeof error === "object" && typeof error.code === "string" && typeof error.message === "string"),
    "error",
    "应为 null 或含 code、message 的对象",
    "must be null or an object with code and message",
  );
  const startedAt = record.startedAt as string;
  const timing = (name: string): number | null => (isFiniteNumber(timings?.[name]) ? timings[name] : null);
  return {
    ...(record as unknown as ProbeRecord),
    finalUrl: typeof record.finalUrl === "string" ? record.finalUrl : (record.url as string),
    scheduledAt: (record.scheduledAt as string | undefined) ?? startedAt,
    startDelayMs: isFiniteNumber(record.startDelayMs) ? record.startDelayMs : 0,
    error: (error as ProbeRecord["error"] | undefined) ?? null,
    redirects: Array.isArray(record.redirects) ? (record.redirects as ProbeRecord["redirects"]) : [],
    timings: {
      dnsMs: timing("dnsMs"),
      connectMs: timing("connectMs"),
      tlsMs: timing("tlsMs"),
      ttfbMs: timing("ttfbMs"),
      totalMs: timings!.totalMs as number,
    },
    bytes: isCount(record.bytes) ? record.bytes : 0,
    tls: (record.tls as ProbeRecord["tls"] | undefined) ?? null,
  };
}

function fail(path: string, line: number, zh: string, en: string): never {
  throw new ProbeSeriesError(
    `探测序列文件 ${path} 第 ${line} 行：${zh}（probe series ${path}, line ${line}: ${en}）`,
  );
}

/** Cuts a partial last line off, so the next record starts on a line of its own. */
async function repairTail(path: string): Promise<string | undefined> {
  await mkdir(dirname(path), { recursive: true });
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return undefined;
  }
  if (size === 0 || (await lastByte(path, size)) === 0x0a) return undefined;
  const keep = await endOfLastCompleteLine(path, size);
  await truncate(path, keep);
  return (
    `探测序列文件 ${path} 末尾有一行不完整（可能是上次写入时中断），已删除该行 ${size - keep} 字节` +
    `（probe series ${path}: removed an incomplete last line of ${size - keep} bytes）`
  );
}

async function lastByte(path: string, size: number): Promise<number> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(1);
    await file.read(buffer, 0, 1, size - 1);
    return buffer[0]!;
  } finally {
    await file.close();
  }
}

/** Offset just past the last newline, reading backwards in chunks; 0 when there is none. */
async function endOfLastCompleteLine(path: string, size: number): Promise<number> {
  const file = await open(path, "r");
  try {
    const chunk = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0;) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await file.read(chunk, 0, end - start, start);
      const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (at >= 0) return start + at + 1;
      end = start;
    }
    return 0;
  } finally {
    await file.close();
  }
}

function isIsoTime(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
