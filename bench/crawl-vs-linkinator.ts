/**
 * Zhijian against linkinator on the same generated loopback site, each in its own child process
 * measured by GNU time: pages and links per CPU-second, and peak RSS. Figures are ratios against
 * the peer run in the same script, never absolute targets.
 *
 *   npm run bench                     # 5,000 pages, both tools, plus zhijian at 50,000 pages
 *   npm run bench -- --pages 2000 --no-large
 */
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startGeneratedSite } from "./generatedSite.ts";

interface Measured {
  tool: string;
  pages: number;
  links: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const smallPages = Number(args[args.indexOf("--pages") + 1] ?? 0) || 5000;
const runLarge = !args.includes("--no-large");
const concurrency = 16;

async function timed(
  command: string[],
): Promise<{ wall: number; cpu: number; rssKb: number; stdout: string }> {
  const child = spawn("/usr/bin/time", ["-f", "TIME %e %U %S %M", ...command], { cwd: root });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise((resolve) => child.on("close", resolve));
  const line = stderr.split("\n").find((text) => text.startsWith("TIME "));
  if (!line) throw new Error(`no timing from ${command.join(" ")}:\n${stderr.slice(-2000)}`);
  const [wall, user, system, rss] = line.slice(5).split(" ").map(Number) as [number, number, number, number];
  return { wall, cpu: user + system, rssKb: rss, stdout };
}

async function runZhijian(pages: number): Promise<Measured> {
  const site = await startGeneratedSite(pages);
  const out = join(tmpdir(), `zhijian-bench-${process.pid}-${pages}.json`);
  try {
    const run = await timed([
      process.execPath,
      "bin/zhijian.js",
      "inspect",
      site.url,
      "--max-pages",
      String(pages + 10),
      "--max-depth",
      "1000",
      "--per-host",
      String(concurrency),
      "--concurrency",
      String(concurrency),
      "--interval",
      "0",
      "--quiet",
      "--out",
      out,
    ]);
    const report = JSON.parse(await readFile(out, "utf8")) as {
      sites: Array<{ stats: { pagesFetched: number; uniqueTargets: number } }>;
    };
    const stats = report.sites[0]!.stats;
    return measured("zhijian", stats.pagesFetched, stats.uniqueTargets, run);
  } finally {
    await rm(out, { force: true });
    await site.close();
  }
}

async function runLinkinator(pages: number): Promise<Measured> {
  const site = await startGeneratedSite(pages);
  try {
    const run = await timed([
      process.execPath,
      "node_modules/linkinator/build/src/cli.js",
      site.url,
      "--recurse",
      "--concurrency",
      String(concurrency),
      "--format",
      "json",
    ]);
    const result = JSON.parse(run.stdout) as { links: Array<{ url: string; parent?: string }> };
    const checked = new Set(result.links.map((link) => link.url));
    const crawled = new Set(result.links.flatMap((link) => (link.parent ? [link.parent] : [])));
    return measured("linkinator", crawled.size, checked.size, run);
  } finally {
    await site.close();
  }
}

function measured(
  tool: string,
  pages: number,
  links: number,
  run: { wall: number; cpu: number; rssKb: number },
) {
  return {
    tool,
    pages,
    links,
    wallSeconds: run.wall,
    cpuSeconds: run.cpu,
    peakRssMb: Math.round(run.rssKb / 1024),
  };
}

function row(m: Measured): string {
  const perCpu = (n: number) => (n / Math.max(m.cpuSeconds, 0.01)).toFixed(0);
  return (
    `${m.tool.padEnd(11)} pages ${String(m.pages).padStart(6)}  links ${String(m.links).padStart(6)}  ` +
    `wall ${m.wallSeconds.toFixed(1).padStart(6)} s  cpu ${m.cpuSeconds.toFixed(1).padStart(6)} s  ` +
    `pages/s ${(m.pages / m.wallSeconds).toFixed(0).padStart(5)}  links/s ${(m.links / m.wallSeconds).toFixed(0).padStart(6)}  ` +
    `pages/cpu-s ${perCpu(m.pages).padStart(5)}  links/cpu-s ${perCpu(m.links).padStart(6)}  peak RSS ${m.peakRssMb} MB`
  );
}

const zhijianSmall = await runZhijian(smallPages);
console.log(row(zhijianSmall));
const linkinator = await runLinkinator(smallPages);
console.log(row(linkinator));
const perCpu = (m: Measured) => m.pages / Math.max(m.cpuSeconds, 0.01);
console.log(
  `ratio (zhijian / linkinator) at ${smallPages} pages: pages per CPU-second ${(perCpu(zhijianSmall) / perCpu(linkinator)).toFixed(2)}×, ` +
    `peak RSS ${(zhijianSmall.peakRssMb / linkinator.peakRssMb).toFixed(2)}×`,
);
if (runLarge) {
  const zhijianLarge = await runZhijian(smallPages * 10);
  console.log(row(zhijianLarge));
  console.log(
    `zhijian peak RSS growth ${smallPages} → ${smallPages * 10} pages: ${(zhijianLarge.peakRssMb / zhijianSmall.peakRssMb).toFixed(2)}×`,
  );
}
