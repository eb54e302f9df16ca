/**
 * Throughput of findPrivacyLeaks on a few MB of government-like text: the visible text of the saved
 * real pages (parsePage), repeated, with a roster line (IDs, mobiles, masked values, landlines, a
 * document number) mixed in every few pages so the validation path runs too. The peer, measured in
 * the same process on the same text, is the naive scan most tools do: one regex for 18-digit,
 * mobile and 16–19-digit runs, counting matches with no validation or context. Rounds alternate so
 * machine load affects both alike; medians are reported.
 *
 *   npx tsx bench/privacy-throughput.ts [--rounds 7] [--ms 1000] [--mb 4]
 */
import { findPrivacyLeaks } from "../src/text/privacy.ts";
import { measure, median, option, realPageTexts } from "./throughput.ts";

const rounds = option("--rounds", 7);
const roundMs = option("--ms", 1000);
const targetMb = option("--mb", 4);
const asOf = new Date("2026-11-20T10:00:00+08:00");

const pageTexts = realPageTexts();

/** One 低保-style roster row: two leaks, masked values, a landline, a hotline and a 文号. */
const rosterLine =
  "1 青河镇 王某某 11010519491231002X 13812345678 3 | 2 白石乡 李某某 110105********0039 139****4321 2 | " +
  "联系电话：0999-81234567 热线12345 演政办发〔2026〕12号 订单号：2026111612345678901\n";

const parts: string[] = [];
let size = 0;
for (let i = 0; size < targetMb * 1e6; i++) {
  const text = pageTexts[i % pageTexts.length] ?? "";
  parts.push(text, "\n");
  size += Buffer.byteLength(text) + 1;
  if (i % 5 === 0) {
    parts.push(rosterLine);
    size += Buffer.byteLength(rosterLine);
  }
}
const corpus = parts.join("");
const bytes = Buffer.byteLength(corpus);

const NAIVE = /(?<!\d)(?:\d{17}[\dXx]|1[3-9]\d{9}|\d{16,19})(?!\d)/g;
const naive = (text: string): number => {
  let count = 0;
  for (const _ of text.matchAll(NAIVE)) count++;
  return count;
};
const ours = (text: string): number => findPrivacyLeaks(text, { asOf, maxIssues: Infinity }).length;

for (let i = 0; i < 3; i++) {
  ours(corpus);
  naive(corpus);
}
const a: number[] = [];
const b: number[] = [];
for (let r = 0; r < rounds; r++) {
  if (r % 2 === 0) {
    a.push(measure(ours, [corpus], bytes, roundMs));
    b.push(measure(naive, [corpus], bytes, roundMs));
  } else {
    b.push(measure(naive, [corpus], bytes, roundMs));
    a.push(measure(ours, [corpus], bytes, roundMs));
  }
}
const mine = median(a);
const peer = median(b);
const format = (n: number): string => n.toFixed(1).padStart(7);
console.log(
  `privacy throughput — ${(bytes / 1e6).toFixed(2)} MB of text (${pageTexts.length} real pages' text repeated, a roster line every 5 pages)`,
);
console.log(`node ${process.version}, ${rounds} alternating rounds of ${roundMs} ms each, medians\n`);
console.log(`${"scan".padEnd(36)}    MB/s   hits`);
console.log(`${"findPrivacyLeaks (validated)".padEnd(36)}${format(mine)}  ${ours(corpus)}`);
console.log(`${"naive regex (unvalidated)".padEnd(36)}${format(peer)}  ${naive(corpus)}`);
console.log(`\nratio findPrivacyLeaks / naive regex: ${(mine / peer).toFixed(2)}`);
console.log(
  "hits: the naive scan also counts the order number and other unvalidated runs; findPrivacyLeaks reports the ID and the mobile of each roster line only.",
);
