/**
 * Zhijian against linkinator on the same generated loopback site, each in its own child process
 * measured by GNU time: pages and links per CPU-second, and peak RSS. Pages are HTML pages served
 * with a body, links the distinct URLs requested, both counted by the site's server so every tool
 * is measured the same way. Figures are ratios against the peer run in the same script.
 *
 *   npm run bench                             # 5,000 pages, both tools, then zhijian at 50,000 pages
 *   npm run bench -- --pages 2000 --no-large
 */
import { spawn } from "node:child_process";
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
/** Both tools get the same number of connections; politeness is off on loopback. */
const concurrency = 16;

async function timed(command: string[]): Promise<{ wall: number; cpu: number; rssKb: number }> {
  const child = spawn("/usr/bin/time", ["-f", "TIME %e %U %S %M", ...command], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise((resolve) => child.on("close", resolve));
  const line = stderr.split("\n").find((text) => text.startsWith("TIME "));
  if (!line) throw new Error(`no timing from ${command.join(" ")}:\n${stderr.slice(-2000)}`);
  const [wall, user, system, rss] = line.slice(5).split(" ").map(Number) as [number, number, number, number];
  return { wall, cpu: user + system, rssKb: rss };
}

async function measure(tool: string, pages: number, command: (url: string) => string[]): Promise<Measured> {
  const site = await startGeneratedSite(pages);
  try {
    const run = await timed(command(site.url));
    return {
      tool,
      pages: site.served.htmlPages,
      links: site.served.distinctUrls,
      wallSeconds: run.wall,
      cpuSeconds: run.cpu,
      peakRssMb: Math.round(run.rssKb / 1024),
    };
  } finally {
    await site.close();
  }
}

const zhijian = (pages: number) => (url: string) => [
  process.execPath,
  "bin/zhijian.js",
  "inspect",
  url,
  ...["--max-pages", String(pages * 2), "--max-depth", "1000", "--interval", "0"],
  ...["--per-host", String(concurrency), "--concurrency", String(concurrency), "--quiet"],
];

const linkinator = (url: string) => [
  process.execPath,
  "node_modules/linkinator/build/src/cli.js",
  url,
  ...["--recurse", "--concurrency", String(concurrency), "--format", "json"],
];

function row(m: Measured): string {
  const perCpu = (n: number) => (n / Math.max(m.cpuSeconds, 0.01)).toFixed(0);
  return (
    `${m.tool.padEnd(11)} pages ${String(m.pages).padStart(6)}  links ${String(m.links).padStart(6)}  ` +
    `wall ${m.wallSeconds.toFixed(1).padStart(6)} s  cpu ${m.cpuSeconds.toFixed(1).padStart(6)} s  ` +
    `pages/s ${(m.pages / m.wallSeconds).toFixed(0).padStart(5)}  links/s ${(m.links / m.wallSeconds).toFixed(0).padStart(6)}  ` +
    `pages/cpu-s ${perCpu(m.pages).padStart(5)}  links/cpu-s ${perCpu(m.links).padStart(6)}  peak RSS ${m.peakRssMb} MB`
  );
}

const pagesPerCpu = (m: Measured) => m.pages / Math.max(m.cpuSeconds, 0.01);

const ours = await measure("zhijian", smallPages, zhijian(smallPages));
console.log(row(ours));
const peer = await measure("linkinator", smallPages, linkinator);
console.log(row(peer));
console.log(
  `ratio zhijian/linkinator at ${smallPages} pages: pages per CPU-second ${(pagesPerCpu(ours) / pagesPerCpu(peer)).toFixed(2)}×, ` +
    `peak RSS ${(ours.peakRssMb / peer.peakRssMb).toFixed(2)}×`,
);
if (runLarge) {
  const large = await measure("zhijian", smallPages * 10, zhijian(smallPages * 10));
  console.log(row(large));
  console.log(
    `zhijian peak RSS ${smallPages} → ${smallPages * 10} pages: ${(large.peakRssMb / ours.peakRssMb).toFixed(2)}× ` +
      `(pages per CPU-second ${(pagesPerCpu(large) / pagesPerCpu(ours)).toFixed(2)}×)`,
  );
}
