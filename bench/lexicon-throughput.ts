/**
 * Throughput of lexicon scanning (findSensitive) per core, on the visible text of the saved real
 * government pages repeated to a few MB, with the default spam lexicon and with the 17k-line
 * third-party sample list. Peers, measured in the same process on the same text and terms:
 * one big RegExp alternation (longest terms first, case-insensitive), and indexOf per term.
 * A row for the bare automaton shows what the filters after matching cost. The peers do less work: no width folding, no separator skipping, no word boundaries, no
 * leftmost-longest selection, no allow lists or news rule. Rounds alternate between contenders;
 * medians are reported. MB are 10^6 bytes of the text encoded as UTF-8 (3 bytes a Chinese character).
 *
 *   npx tsx bench/lexicon-throughput.ts [--mb 4] [--rounds 5] [--ms 1000]
 */
import { existsSync } from "node:fs";
import { type Lexicon, loadLexiconFile } from "../src/text/lexicon.ts";
import { createMatcher } from "../src/text/matcher.ts";
import { defaultLexicon, findSensitive } from "../src/text/sensitive.ts";
import { measure, median, option, realPageTexts, realPagesDir } from "./throughput.ts";

const PAGES = realPagesDir;
const SAMPLE = "/work/shared/data/lexicons/sample-sensitive.txt";
const targetMb = option("--mb", 4);
const rounds = option("--rounds", 5);
const roundMs = option("--ms", 1000);

if (!existsSync(PAGES)) {
  console.log(`${PAGES} is missing: nothing to measure`);
  process.exit(0);
}

const pageTexts = realPageTexts();
const onePass = pageTexts.join("\n");
const copies = Math.max(1, Math.ceil((targetMb * 1e6) / Buffer.byteLength(onePass)));
// Pages are scanned one at a time, as in a crawl; the corpus is the pages' texts repeated.
const corpus: string[] = Array.from({ length: copies }, () => pageTexts).flat();
const corpusBytes = corpus.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const corpusChars = corpus.reduce((sum, t) => sum + t.length, 0);

type Scan = (text: string) => number;

const ours =
  (lexicon: Lexicon): Scan =>
  (text) =>
    findSensitive(text, lexicon).length;

/** The bare automaton, as findSensitive builds it, without the filters that follow matching. */
function automaton(terms: readonly string[]): Scan {
  const matcher = createMatcher(terms, { skipSeparators: true, asciiWordBoundaries: true });
  return (text) => matcher.find(text).length;
}

/** One alternation of all terms; longer terms first so that the leftmost match is the longest. */
function regexPeer(terms: readonly string[]): Scan {
  const escaped = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(escaped.join("|"), "gi");
  return (text) => {
    let n = 0;
    re.lastIndex = 0;
    while (re.exec(text) !== null) n++;
    return n;
  };
}

/** indexOf per term over lower-cased text: every occurrence, overlapping, no selection. */
function indexOfPeer(terms: readonly string[]): Scan {
  const lower = terms.map((t) => t.toLowerCase());
  return (text) => {
    const t = text.toLowerCase();
    let n = 0;
    for (const term of lower) for (let at = t.indexOf(term); at >= 0; at = t.indexOf(term, at + 1)) n++;
    return n;
  };
}

interface Contender {
  name: string;
  scan: Scan;
  /** Slow peers run on a slice of the corpus; the figure is still MB/s. */
  texts: readonly string[];
}

function race(title: string, contenders: Contender[]): void {
  const sizes = contenders.map((c) => c.texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0));
  const hits = contenders.map((c) => c.texts.reduce((sum, t) => sum + c.scan(t), 0));
  const results: number[][] = contenders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = contenders.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order)
      results[i]!.push(measure(contenders[i]!.scan, contenders[i]!.texts, sizes[i]!, roundMs));
  }
  const mbs = results.map(median);
  console.log(`\n${title}`);
  contenders.forEach((c, i) => {
    const ratio = i < 2 ? "" : `   findSensitive ÷ peer = ${(mbs[0]! / mbs[i]!).toFixed(1)}×`;
    const scope = sizes[i] === corpusBytes ? "" : ` (on ${(sizes[i]! / 1e6).toFixed(2)} MB)`;
    console.log(
      `  ${c.name.padEnd(34)}${mbs[i]!.toFixed(1).padStart(8)} MB/s  ${String(hits[i]).padStart(7)} hits${scope}${ratio}`,
    );
  });
}

/** The first texts of the corpus that add up to about `mb` MB. */
function slice(mb: number): string[] {
  const out: string[] = [];
  let bytes = 0;
  for (const t of corpus) {
    if (bytes >= mb * 1e6) break;
    out.push(t);
    bytes += Buffer.byteLength(t);
  }
  return out;
}

console.log(
  `lexicon throughput — visible text of ${pageTexts.length} real pages × ${copies} = ${(corpusBytes / 1e6).toFixed(2)} MB ` +
    `(${(corpusChars / 1e6).toFixed(2)} M chars), one page text per call`,
);
console.log(`node ${process.version}, one core, ${rounds} alternating rounds of ${roundMs} ms, medians`);

const spam = defaultLexicon();
const spamTerms = spam.entries.map((e) => e.term);
findSensitive("", spam); // build the automaton outside the timings
race(`default spam lexicon (${spamTerms.length} terms)`, [
  { name: "findSensitive (Aho-Corasick)", scan: ours(spam), texts: corpus },
  { name: "Matcher.find alone", scan: automaton(spamTerms), texts: corpus },
  { name: "RegExp alternation", scan: regexPeer(spamTerms), texts: corpus },
  { name: "indexOf per term", scan: indexOfPeer(spamTerms), texts: corpus },
]);

if (existsSync(SAMPLE)) {
  const buildStart = performance.now();
  const sample = loadLexiconFile(SAMPLE);
  findSensitive("", sample);
  const buildMs = performance.now() - buildStart;
  const sampleTerms = sample.entries.map((e) => e.term);
  race(`third-party sample list (${sampleTerms.length} terms; load and build ${buildMs.toFixed(0)} ms)`, [
    { name: "findSensitive (Aho-Corasick)", scan: ours(sample), texts: corpus },
    { name: "Matcher.find alone", scan: automaton(sampleTerms), texts: corpus },
    { name: "RegExp alternation", scan: regexPeer(sampleTerms), texts: corpus },
    { name: "indexOf per term", scan: indexOfPeer(sampleTerms), texts: slice(0.1) },
  ]);
}
console.log(
  "\nHit counts differ by design: the peers count raw occurrences (indexOf overlapping ones); findSensitive" +
    "\nreports leftmost-longest hits through separators and drops those in news sentences.",
);
