/**
 * Throughput of the whole content stack (createContentScanner().scan: severe wording errors, spam
 * lexicon, privacy, typos, English spelling) with the default lexicons, in MB/s on one core, with
 * each component measured alone on the same input. The peer, measured in the same process on the
 * same input, is jieba segmentation alone: the first step any Chinese typo checker must take.
 * Rounds alternate between runs so that load on the machine affects all alike; medians are
 * reported. MB = 10^6 bytes of UTF-8 text.
 *
 * Input: the visible text of the saved real government pages, repeated to about --mb MB, page by
 * page as the crawler checks it.
 *
 *   npx tsx bench/content-throughput.ts [--mb 1] [--rounds 5] [--ms 1000]
 */
import { createContentScanner } from "../src/text/contentScanner.ts";
import { createEnglishSpeller } from "../src/text/englishSpelling.ts";
import { findPrivacyLeaks } from "../src/text/privacy.ts";
import { defaultLexicon, findSensitive } from "../src/text/sensitive.ts";
import { createSevereTypoChecker } from "../src/text/severeTypos.ts";
import { typoLexicon } from "../src/text/typoLexicon.ts";
import { createTypoChecker } from "../src/text/typos.ts";
import { measure, median, option, realPageTexts } from "./throughput.ts";

const targetMb = option("--mb", 1);
const rounds = option("--rounds", 5);
const roundMs = option("--ms", 1000);
const asOf = new Date("2026-11-20T10:00:00+08:00");

const pageTexts = realPageTexts();
const onePassBytes = pageTexts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const copies = Math.max(1, Math.round((targetMb * 1e6) / onePassBytes));
const corpus = Array.from({ length: copies }, () => pageTexts).flat();
const bytes = onePassBytes * copies;

const started = performance.now();
const scanner = await createContentScanner({ asOf });
scanner.scan("预热");
const startupMs = performance.now() - started;
const severe = createSevereTypoChecker();
const typos = createTypoChecker();
const english = await createEnglishSpeller();
const lexicon = defaultLexicon();
const segmenter = typoLexicon();

const runs: [string, (text: string) => unknown][] = [
  ["whole stack (scan)", (text) => scanner.scan(text)],
  ["jieba alone (peer)", (text) => segmenter.cut(text)],
  ["severe wording errors", (text) => severe.check(text)],
  ["spam lexicon (default)", (text) => findSensitive(text, lexicon)],
  ["privacy", (text) => findPrivacyLeaks(text, { asOf })],
  ["typos", (text) => typos.check(text)],
  ["English spelling", (text) => english.check(text)],
];

const rates = new Map<string, number[]>(runs.map(([name]) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of runs) rates.get(name)!.push(measure(run, corpus, bytes, roundMs));
}

console.log(`start-up (dictionaries, segmenter, models): ${startupMs.toFixed(0)} ms, once per process`);
console.log(
  `input: ${pageTexts.length} real pages' visible text × ${copies} = ${(bytes / 1e6).toFixed(2)} MB`,
);
const whole = median(rates.get("whole stack (scan)")!);
const peer = median(rates.get("jieba alone (peer)")!);
for (const [name] of runs) {
  const rate = median(rates.get(name)!);
  // Share of the whole stack's time: rate_whole / rate_component (times add, rates do not).
  const share =
    name.startsWith("whole") || name.includes("peer")
      ? ""
      : `, ${((whole / rate) * 100).toFixed(0)} % of the stack's time`;
  console.log(`${name.padEnd(24)} ${rate.toFixed(2).padStart(8)} MB/s per core${share}`);
}
console.log(`whole stack / jieba alone: ${(whole / peer).toFixed(2)}`);
