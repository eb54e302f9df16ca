/** Shared by the throughput benchmarks: command-line numbers, timed passes, medians and inputs. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePage } from "../src/parse/parsePage.ts";

const args = process.argv.slice(2);

/** `--name N` from the command line, or the fallback. */
export function option(name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

/** MB/s (10^6 bytes of input per second) of whole passes over `items`, repeated for about `ms`. */
export function measure<T>(
  run: (item: T) => unknown,
  items: readonly T[],
  bytes: number,
  ms: number,
): number {
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of items) run(item);
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (bytes * passes) / (elapsed / 1000) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const realPagesDir = "/work/shared/data/real-pages";

/** The visible text of each saved real government page, as the crawler would check it, by file name. */
export function realPageTexts(): string[] {
  return readdirSync(realPagesDir)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => parsePage(readFileSync(join(realPagesDir, f), "utf8"), `http://${f.split("__")[0]}/`).text)
    .filter((text) => text.length > 0);
}
