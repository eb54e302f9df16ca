/**
 * The general-language side of typo detection: jieba's segmenter and the word frequencies of its
 * dictionary (about 350,000 words counted in a large general corpus). Both ship with @node-rs/jieba,
 * so the repository need not carry a second copy; they are loaded once per process because building
 * them takes about half a second and some 50 MB, which every checker can share.
 */
import { dict } from "@node-rs/jieba/dict.js";
import { sharedSegmenter } from "./segmenter.ts";
import { WordCounts } from "./wordCounts.ts";

export interface TypoLexicon {
  /** Splits text into words; the pieces concatenate back to the input. */
  cut(text: string): string[];
  /** Corpus count of a dictionary word (only words of Chinese characters are kept), else 0. */
  frequency(word: string): number;
  /** frequency(text[from, to)) with the character at `at` read as `code`; builds no string. */
  spanFrequency(text: string, from: number, to: number, at: number, code: number): number;
  /** Natural log of the sum of all counts: turns counts into log-probabilities. */
  logTotal: number;
  /**
   * Log-probability of a character as a one-character word; characters the dictionary lacks get that
   * of half an occurrence, as a segmenter must still place them.
   */
  charLogP(code: number): number;
  /** Whether two characters occur next to each other inside some dictionary word. */
  pairInWord(a: number, b: number): boolean;
  /**
   * For each of codes, whether it occurs inside some word after `left` or before `right` (-1: no such
   * neighbour), written to into: the checker's filter on about fifty replacements per character,
   * done in one call.
   */
  pairsAround(left: number, codes: Uint16Array, right: number, into: Uint8Array): void;
  /** Summed counts of the dictionary words in which a is followed by b. */
  pairWeight(a: number, b: number): number;
  /**
   * Common set phrases (成语, frequency ≥ 50) of the same length that differ from word in exactly one
   * character; none for most words.
   */
  idiomsNear(word: string): readonly string[];
}

/** Characters handled: the BMP Han blocks, so one character is one UTF-16 unit and offsets stay exact. */
export const hanRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

let shared: TypoLexicon | undefined;

/** The process-wide lexicon, built on first use. */
export function typoLexicon(): TypoLexicon {
  shared ??= buildLexicon();
  return shared;
}

/**
 * A key for an ordered pair of handled characters: a small integer, which Sets and Maps look up far
 * faster than a two-character string or a larger number. -1 when either is not a handled character.
 */
export function pairKey(a: number, b: number): number {
  const x = hanIndex(a);
  const y = hanIndex(b);
  return x < 0 || y < 0 ? -1 : x * hanCount + y;
}

/** The character of a hanIndex. */
function hanCode(index: number): number {
  if (index < 20992) return index + 0x4e00;
  if (index < 27584) return index - 20992 + 0x3400;
  return index - 27584 + 0xf900;
}

/** How many characters hanIndex numbers. */
const hanCount = 28096;

/** Dense index of a handled character (0…28095), or -1: keeps pair keys small integers. */
function hanIndex(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code - 0x4e00;
  if (code >= 0x3400 && code <= 0x4dbf) return code - 0x3400 + 20992;
  if (code >= 0xf900 && code <= 0xfaff) return code - 0xf900 + 27584;
  return -1;
}

const commonIdiom = 50;
/**
 * Pairs of the 8,192 most common characters (99.6 % of the confusion candidates, nearly all running
 * text) are kept in a bit matrix (8 MB), as the checker asks about some fifty pairs per character it
 * examines; the rest in a Map.
 */
const commonChars = 8192;

function buildLexicon(): TypoLexicon {
  const jieba = sharedSegmenter();
  const counts = new WordCounts();
  const idioms = new Map<string, string[]>();
  /** Pair → summed counts of the words it occurs in. */
  const pairs = new Map<number, number>();
  const charTotals = new Float64Array(65536);
  let total = 0;
  const text = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength).toString("utf8");
  // Lines are "word count tag", parsed by hand: no split() of 350,000 lines, to keep start-up short.
  for (let at = 0; at < text.length;) {
    let eol = text.indexOf("\n", at);
    if (eol < 0) eol = text.length;
    const space = text.indexOf(" ", at);
    if (space > at && space < eol) {
      let countEnd = text.indexOf(" ", space + 1);
      if (countEnd < 0 || countEnd > eol) countEnd = eol;
      const count = Number(text.slice(space + 1, countEnd));
      if (count > 0) {
        total += count;
        let han = true;
        for (let i = at; i < space && han; i++) han = hanIndex(text.charCodeAt(i)) >= 0;
        if (han) {
          const word = text.slice(at, space);
          counts.set(word, count);
          for (let i = 0; i < word.length; i++) charTotals[word.charCodeAt(i)]! += count;
          for (let i = 0; i + 1 < word.length; i++) {
            const key = pairKey(word.charCodeAt(i), word.charCodeAt(i + 1));
            pairs.set(key, (pairs.get(key) ?? 0) + count);
          }
          if (
            count >= commonIdiom &&
            text.startsWith("i", countEnd + 1) &&
            text.charCodeAt(countEnd + 2) <= 32
          ) {
            for (let k = 0; k < word.length; k++) {
              const hole = `${word.slice(0, k)}_${word.slice(k + 1)}`;
              idioms.set(hole, [...(idioms.get(hole) ?? []), word]);
            }
          }
        }
      }
    }
    at = eol + 1;
  }
  const rank = new Int16Array(65536).fill(-1);
  const byTotal = [...charTotals.keys()].filter((c) => charTotals[c]! > 0);
  byTotal.sort((a, b) => charTotals[b]! - charTotals[a]!);
  byTotal.slice(0, commonChars).forEach((code, k) => (rank[code] = k));
  const logTotal = Math.log(total);
  const charLog = new Float64Array(65536).fill(Math.log(0.5) - logTotal);
  for (const [word, count] of counts.entries())
    if (word.length === 1) charLog[word.charCodeAt(0)] = Math.log(count) - logTotal;
  const commonPairs = new Uint32Array((commonChars * commonChars) >>> 5);
  for (const key of pairs.keys()) {
    const x = rank[hanCode(Math.floor(key / hanCount))]!;
    const y = rank[hanCode(key % hanCount)]!;
    if (x >= 0 && y >= 0) commonPairs[x * (commonChars >>> 5) + (y >>> 5)]! |= 1 << (y & 31);
  }
  function pairInWord(a: number, b: number): boolean {
    const x = rank[a]!;
    const y = rank[b]!;
    if (x >= 0 && y >= 0) return (commonPairs[x * (commonChars >>> 5) + (y >>> 5)]! & (1 << (y & 31))) !== 0;
    return pairs.has(pairKey(a, b));
  }
  return {
    cut: (input) => jieba.cut(input, false),
    frequency: (word) => counts.get(word),
    spanFrequency: (text, from, to, at, code) => counts.span(text, from, to, at, code),
    logTotal,
    charLogP: (code) => charLog[code]!,
    pairInWord,
    pairsAround(left, codes, right, into) {
      for (let k = 0; k < codes.length; k++) {
        const code = codes[k]!;
        into[k] = (left >= 0 && pairInWord(left, code)) || (right >= 0 && pairInWord(code, right)) ? 1 : 0;
      }
    },
    pairWeight: (a, b) => pairs.get(pairKey(a, b)) ?? 0,
    idiomsNear(word) {
      const near: string[] = [];
      for (let k = 0; k < word.length; k++) {
        for (const idiom of idioms.get(`${word.slice(0, k)}_${word.slice(k + 1)}`) ?? [])
          if (idiom !== word) near.push(idiom);
      }
      return near;
    },
  };
}
