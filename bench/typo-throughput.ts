/**
 * Throughput of the typo checker (createTypoChecker().check) on real government text, next to its
 * peer measured in the same process on the same input: jieba segmentation alone (the first step of
 * the checker). One core; rounds alternate between the two so that load on the machine affects both
 * alike; medians are reported. MB = 10^6 bytes of UTF-8 text.
 *
 * Inputs: the visible text of the saved real government pages (page by page, as the crawler would
 * check them) and the ECSpell official-document sentences (as written, errors included).
 *
 *   npx tsx bench/typo-throughput.ts [--rounds 7] [--ms 1000]
 */
import { typoLexicon } from "../src/text/typoLexicon.ts";
import { createTypoChecker } from "../src/text/typos.ts";
import { readOdw } from "./odw.ts";
import { measure, median, option, realPageTexts } from "./throughput.ts";

const rounds = option("--rounds", 7);
const roundMs = option("--ms", 1000);

const started = performance.now();
const checker = createTypoChecker();
checker.check("预热");
const startup = performance.now() - started;
const lexicon = typoLexicon();

const inputs: { name: string; texts: string[] }[] = [
  {
    name: "real pages' visible text",
    texts: realPageTexts(),
  },
  { name: "official-document sentences", texts: readOdw().map((row) => row.written) },
];

type Run = (text: string) => unknown;
const ours: Run = (text) => checker.check(text);
const peer: Run = (text) => lexicon.cut(text);

console.log(`start-up (dictionary, segmenter, model): ${startup.toFixed(0)} ms, once per process`);
for (const { name, texts } of inputs) {
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const checkRates: number[] = [];
  const cutRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    checkRates.push(measure(ours, texts, bytes, roundMs));
    cutRates.push(measure(peer, texts, bytes, roundMs));
  }
  const check = median(checkRates);
  const cut = median(cutRates);
  console.log(
    `${name} (${texts.length} texts, ${(bytes / 1e6).toFixed(2)} MB): typo checker ${check.toFixed(2)} MB/s, ` +
      `jieba alone ${cut.toFixed(2)} MB/s, ratio ${(check / cut).toFixed(2)}`,
  );
}
