/**
 * Does the prober keep its timetable while a crawl saturates the machine? A large crawl of a
 * generated loopback site runs at high concurrency in this process while a Prober probes a separate
 * loopback homepage every few hundred milliseconds. Reported: probe start delay (actual start −
 * scheduled slot) p50/p95/p99/max and probe total time, under load against the same prober without
 * load, for the prober in this thread and in a worker thread (WorkerProber).
 *
 * The two servers run in child processes, so their own work is not charged to the prober's thread.
 *
 *   npm run bench:probe
 *   npm run bench:probe -- --pages 4000 --interval 100 --targets 2
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { crawlSite, defaultCrawlConfig } from "../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../src/fetch/defaults.ts";
import { Fetcher } from "../src/fetch/fetcher.ts";
import { parseConnectTo } from "../src/fetch/hostMapping.ts";
import type { ProbeRecord } from "../src/fetch/probe.ts";
import { RobotsCache } from "../src/fetch/robots.ts";
import { createProber } from "../src/jobs/prober.ts";
import { startGeneratedSite } from "./generatedSite.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

if (args[0] === "--serve-site") await serveSite(option("--serve-site", 20_000));
else if (args[0] === "--serve-homepage") await serveHomepage();
else await main();

async function main(): Promise<void> {
  const pages = option("--pages", 8000);
  const intervalMs = option("--interval", 200);
  const targetCount = option("--targets", 4);
  const concurrency = option("--concurrency", 64);
  const baselineMs = option("--baseline-seconds", 8) * 1000;

  const site = await child(["--serve-site", String(pages)]);
  const homepage = await child(["--serve-homepage"]);
  const port = new URL(homepage.url).port;
  const targets = Array.from({ length: targetCount }, (_, i) => `http://www.probe-${i + 1}.gov.cn/`);
  const probeOptions = {
    mappings: [parseConnectTo(`:80:127.0.0.1:${port}`)],
    mappedOnly: true,
    deadlineMs: 15_000,
  };
  console.log(
    `prober: ${targetCount} homepages every ${intervalMs} ms (one probe every ${intervalMs / targetCount} ms); ` +
      `crawl: ${pages} generated pages, concurrency ${concurrency}, same process; machine: ${(await import("node:os")).availableParallelism()} CPUs`,
  );

  const rows: Row[] = [];
  try {
    for (const thread of ["main", "worker"] as const) {
      const prober = { thread, targets, intervalMs, probeOptions };
      const baseline = await measure(`${thread}, idle`, prober, () => sleep(baselineMs));
      const loaded = await measure(`${thread}, crawl load`, prober, async () => {
        const crawled = await crawl(site.url, pages, concurrency);
        return `crawled ${crawled.pages} pages in ${(crawled.ms / 1000).toFixed(1)} s`;
      });
      rows.push(baseline, { ...loaded, baseline });
    }
  } finally {
    site.process.kill();
    homepage.process.kill();
  }
  printTable(rows);
}

interface Row {
  name: string;
  probes: number;
  failures: number;
  delay: Percentiles;
  total: Percentiles;
  loopP99: number;
  note: string;
  baseline?: Row;
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

async function measure(
  name: string,
  prober: {
    thread: "main" | "worker";
    targets: string[];
    intervalMs: number;
    probeOptions: Parameters<typeof createProber>[0]["probeOptions"];
  },
  load: () => Promise<string | void>,
): Promise<Row> {
  const records: ProbeRecord[] = [];
  const handle = createProber({ ...prober, onResult: (record) => void records.push(record) });
  handle.start();
  // Let a worker load and the first slots pass before the load starts.
  await sleep(1000);
  const skipBefore = records.length;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const note = (await load()) ?? "";
  loop.disable();
  const during = records.slice(skipBefore).length;
  await handle.stop();
  const measured = records.slice(skipBefore, skipBefore + during);
  const row: Row = {
    name,
    probes: measured.length,
    failures: measured.filter((record) => !record.ok).length,
    delay: percentiles(measured.map((record) => record.startDelayMs)),
    total: percentiles(measured.map((record) => record.timings.totalMs)),
    loopP99: loop.percentile(99) / 1e6,
    note: `${note}${handle.stats().skipped > 0 ? `; ${handle.stats().skipped} slots skipped` : ""}`,
  };
  console.log(`  ${name}: ${row.probes} probes${row.note ? ` (${row.note})` : ""}`);
  return row;
}

async function crawl(
  url: string,
  pages: number,
  concurrency: number,
): Promise<{ pages: number; ms: number }> {
  const fetcher = new Fetcher(
    defaultFetchOptions({
      mappedOnly: true,
      minIntervalMs: 0,
      maxConcurrencyPerHost: concurrency,
      retries: 0,
    }),
  );
  const robots = new RobotsCache(fetcher);
  const started = performance.now();
  try {
    const outcome = await crawlSite(fetcher, robots, {
      ...defaultCrawlConfig,
      homepage: url,
      maxPages: pages,
      maxDepth: 1000,
      concurrency,
      useSitemap: false,
      checkExternal: false,
    });
    return { pages: outcome.stats.pagesFetched, ms: performance.now() - started };
  } finally {
    await fetcher.close();
  }
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

function printTable(rows: Row[]): void {
  const f = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(7);
  const ratio = (value: number, base: number | undefined): string =>
    base === undefined ? "      " : `${(value / Math.max(base, 0.1)).toFixed(1)}×`.padStart(6);
  console.log(
    "\nprobe start delay and probe total time, ms (ratio: p99 under load / p99 of the same prober idle)\n" +
      `${"prober".padEnd(20)} ${"probes".padStart(6)} ${"fail".padStart(4)} │ ` +
      `${"delay p50".padStart(9)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(7)} ${"ratio".padStart(6)} │ ` +
      `${"total p50".padStart(9)} ${"p99".padStart(7)} ${"ratio".padStart(6)} │ ${"loop p99".padStart(8)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(20)} ${String(row.probes).padStart(6)} ${String(row.failures).padStart(4)} │ ` +
        `  ${f(row.delay.p50)} ${f(row.delay.p95)} ${f(row.delay.p99)} ${f(row.delay.max)} ${ratio(row.delay.p99, row.baseline?.delay.p99)} │ ` +
        `  ${f(row.total.p50)} ${f(row.total.p99)} ${ratio(row.total.p99, row.baseline?.total.p99)} │ ${f(row.loopP99).padStart(8)}`,
    );
  }
  const main = rows.find((row) => row.name === "main, crawl load");
  const worker = rows.find((row) => row.name === "worker, crawl load");
  if (main && worker) {
    const better = worker.delay.p99 < main.delay.p99 ? "worker" : "main";
    console.log(
      `\nunder load the ${better === "worker" ? "worker-thread" : "same-thread"} prober keeps the timetable better: ` +
        `start delay p99 ${worker.delay.p99.toFixed(1)} ms in a worker vs ${main.delay.p99.toFixed(1)} ms in the crawl's thread ` +
        `(${(main.delay.p99 / Math.max(worker.delay.p99, 0.1)).toFixed(1)}×); total time p99 ${worker.total.p99.toFixed(1)} vs ${main.total.p99.toFixed(1)} ms.\n` +
        `src/jobs/prober.ts: createProber({ thread: "worker" }) runs the Prober in a worker thread; ` +
        `use it wherever probes share a process with crawls (loop p99 = this thread's event-loop delay).`,
    );
  }
}

/** A server in a child process, reporting its URL on its first stdout line. */
async function child(childArgs: string[]): Promise<{ url: string; process: ChildProcess }> {
  const script = fileURLToPath(import.meta.url);
  const proc = spawn(process.execPath, ["--import", "tsx", script, ...childArgs], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: proc.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`server ${childArgs.join(" ")} exited with ${code}`)));
  });
  return { url, process: proc };
}

async function serveSite(pages: number): Promise<void> {
  const site = await startGeneratedSite(pages);
  console.log(site.url);
  process.stdin.on("close", () => void site.close().then(() => process.exit(0)));
  process.stdin.resume();
}

/** A homepage of realistic size (~40 KB) that answers at once. */
async function serveHomepage(): Promise<void> {
  const body = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示范市人民政府</title></head><body>${"<p>示范市人民政府门户网站 政务公开 办事服务 互动交流</p>".repeat(500)}</body></html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  process.stdin.on("close", () => process.exit(0));
  process.stdin.resume();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
