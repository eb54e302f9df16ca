/**
 * Candidate corrections and their features, shared by the checker and by the script that trains its
 * weights, so that both see exactly the same numbers.
 *
 * A typo in Chinese is a real character in the wrong place, so it usually breaks a word: the
 * segmenter leaves it standing alone. For such characters we try each confusable replacement and
 * keep those that join a neighbour into a dictionary word; the features then say how much more
 * likely the text becomes (general word statistics) and whether clean government text backs the
 * original or the replacement (domain statistics, which know 放管服, 自贸区 and 复工复产).
 */
import { hanRun, type TypoLexicon } from "./typoLexicon.ts";
import { ConfusionKind } from "./typoModel.ts";

export interface Replacement {
  char: string;
  code: number;
  /** ConfusionKind bits. */
  kinds: number;
}

/** The statistics a model carries (the training script supplies its own, leaving a sentence out). */
export interface TypoStats {
  replacements(char: string): readonly Replacement[] | undefined;
  /** Count of the character pair a, b in clean government text; 0 when a side is missing (-1). */
  bigram(a: number, b: number): number;
  /** How often the character stood alone as a word in that text. */
  single(char: string): number;
  seen(wrong: string, right: string): number;
}

/** In the order of the model's weights. */
export const typoFeatureNames = [
  "delta",
  "origLeft",
  "origRight",
  "candLeft",
  "candRight",
  "sound",
  "shape",
  "homophone",
  "wordFreq",
  "wordLength",
  "singleRun",
  "charFreq",
  "freqRatio",
  "origAttested",
  "candAttested",
  "crossesWord",
  "standsAlone",
  "seenPair",
  "origLeftInWords",
  "origRightInWords",
  "candLeftInWords",
  "candRightInWords",
] as const;

export interface TypoCandidate {
  /** Offset of the suspicious character. */
  at: number;
  /** The word around it, as written (found) and corrected (suggestion); offsets into the text. */
  start: number;
  end: number;
  found: string;
  suggestion: string;
  kinds: number;
  /** Inputs of the learned score; absent for set phrases, which a rule judges (see idiomFix). */
  features?: number[];
}

/** Numbers are swapped on purpose far more often than by mistake, and no statistic tells which. */
const numerals = new Set("〇一二三四五六七八九十百千万亿零两几壹贰叁肆伍陆柒捌玖拾佰仟");
/** Characters either side of the suspect that the local segmentation looks at. */
const reach = 4;
const longestWord = 6;
/**
 * Characters this common as words on their own (的, 和, 在, 对, 为: over 100,000 of jieba's 60
 * million counts) are a third of those standing alone in page text; in the training sentences they
 * were 5 % of the typos but a quarter of the wrong candidates. They are not examined.
 */
const functionWord = 100_000;
/** A set phrase must be this rare to be taken for a misspelling of a frequent one. */
const rarePhrase = 5;
const phraseRatio = 20;

/** Every candidate correction in text, in text order. */
export function typoCandidates(text: string, lexicon: TypoLexicon, stats: TypoStats): TypoCandidate[] {
  const out: TypoCandidate[] = [];
  const tokens = lexicon.cut(text);
  // Token of each position, as start and end offsets; only Han runs read them.
  const tokenStart = new Int32Array(text.length);
  const tokenEnd = new Int32Array(text.length);
  let offset = 0;
  for (const token of tokens) {
    const end = offset + token.length;
    tokenStart.fill(offset, offset, end);
    tokenEnd.fill(end, offset, end);
    offset = end;
  }
  if (offset !== text.length) return out;
  const context: Context = { text, lexicon, stats, tokenStart, tokenEnd, out };
  const skipped = documentNumberPrefixes(text);
  for (const run of text.matchAll(hanRun)) {
    const runStart = run.index;
    const runEnd = runStart + run[0].length;
    if (runEnd - runStart < 2 || skipped.has(runEnd)) continue;
    for (let i = runStart; i < runEnd; i++) {
      const length = tokenEnd[i]! - tokenStart[i]!;
      if (length === 1) standingAlone(context, i, runStart, runEnd);
      else if (i === tokenStart[i] && length >= 4) idiomFix(context, i, tokenEnd[i]!);
    }
  }
  return out;
}

/**
 * 发文字号 such as 冀政呈〔2019〕6号 begin with an issuing office's abbreviation (冀政呈, 示政发), which
 * is no word and often looks one character away from one: the Han runs ending right before the
 * bracketed year, as offsets where they end.
 */
function documentNumberPrefixes(text: string): Set<number> {
  const ends = new Set<number>();
  for (const m of text.matchAll(/[〔［[【(（]\s*(?:19|20)\d\d\s*[〕］\]】)）]/g)) ends.add(m.index);
  return ends;
}

interface Context {
  text: string;
  lexicon: TypoLexicon;
  stats: TypoStats;
  tokenStart: Int32Array;
  tokenEnd: Int32Array;
  out: TypoCandidate[];
}

interface Usable {
  list: Replacement[];
  codes: Uint16Array;
}
const usableOf = new WeakMap<readonly Replacement[], Usable>();

/** The replacements worth trying (no numerals), with their codes for the pair filter; cached. */
function usable(replacements: readonly Replacement[]): Usable {
  let found = usableOf.get(replacements);
  if (found === undefined) {
    const list = replacements.filter((r) => !numerals.has(r.char));
    found = { list, codes: Uint16Array.from(list, (r) => r.code) };
    usableOf.set(replacements, found);
  }
  return found;
}

function standingAlone(cx: Context, i: number, runStart: number, runEnd: number): void {
  const { text, lexicon, stats } = cx;
  const char = text[i]!;
  const code = char.charCodeAt(0);
  if (numerals.has(char) || lexicon.frequency(char) >= functionWord) return;
  const replacements = stats.replacements(char);
  if (replacements === undefined) return;
  const prev = i > runStart ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < runEnd ? text.charCodeAt(i + 1) : -1;
  const from = Math.max(runStart, i - reach);
  const to = Math.min(runEnd, i + reach + 1);
  const window = text.slice(from, to);
  const mark = i - from;
  let split: Split | undefined;
  let origScore = 0;
  let alone = 1;
  for (let k = i - 1; k >= runStart && cx.tokenEnd[k]! - cx.tokenStart[k]! === 1; k--) alone++;
  for (let k = i + 1; k < runEnd && cx.tokenEnd[k]! - cx.tokenStart[k]! === 1; k++) alone++;
  const origLeft = stats.bigram(prev, code);
  const origRight = stats.bigram(code, next);
  const charFreq = Math.log1p(lexicon.frequency(char));
  // Whether the character as written fits its neighbours inside words of the general language.
  const origLeftInWords = prev >= 0 ? Math.log1p(lexicon.pairWeight(prev, code)) : 0;
  const origRightInWords = next >= 0 ? Math.log1p(lexicon.pairWeight(code, next)) : 0;
  // A replacement that pairs with neither neighbour inside any word cannot form one: skip the DP.
  const { list, codes } = usable(replacements);
  const joinable = new Uint8Array(codes.length);
  lexicon.pairsAround(prev, codes, next, joinable);
  for (let k = 0; k < codes.length; k++) {
    if (!joinable[k]) continue;
    const r = list[k]!;
    if (split === undefined) {
      split = splitAround(window, mark, lexicon);
      origScore = coveringWord(split, char).score;
    }
    const best = coveringWord(split, r.char);
    if (best.wordEnd - best.wordStart < 2) continue;
    const start = from + best.wordStart;
    const end = from + best.wordEnd;
    const word = text.slice(start, i) + r.char + text.slice(i + 1, end);
    let crossesWord = 0;
    for (let k = start; k < end; k++) {
      const a = cx.tokenStart[k]!;
      const b = cx.tokenEnd[k]!;
      if (b - a > 1 && (a < start || b > end)) crossesWord = 1;
    }
    const candLeft = stats.bigram(prev, r.code);
    const candRight = stats.bigram(r.code, next);
    cx.out.push({
      at: i,
      start,
      end,
      found: text.slice(start, end),
      suggestion: word,
      kinds: r.kinds,
      features: [
        best.score - origScore,
        Math.log1p(origLeft),
        Math.log1p(origRight),
        Math.log1p(candLeft),
        Math.log1p(candRight),
        r.kinds & ConfusionKind.sound ? 1 : 0,
        r.kinds & ConfusionKind.shape ? 1 : 0,
        r.kinds & ConfusionKind.homophone ? 1 : 0,
        Math.log(lexicon.frequency(word)),
        word.length,
        Math.min(alone, 6),
        charFreq,
        Math.log1p(lexicon.frequency(r.char)) - charFreq,
        origLeft + origRight > 0 ? 1 : 0,
        candLeft + candRight > 0 ? 1 : 0,
        crossesWord,
        Math.log1p(stats.single(char)),
        Math.log1p(stats.seen(char, r.char)),
        origLeftInWords,
        origRightInWords,
        prev >= 0 ? Math.log1p(lexicon.pairWeight(prev, r.code)) : 0,
        next >= 0 ? Math.log1p(lexicon.pairWeight(r.code, next)) : 0,
      ],
    });
  }
}

/**
 * jieba's dictionary, counted from real text, holds misspelt set phrases too (再接再励, 按步就班),
 * each a few times; a token that rare, one confusable character away from a common 成语, is that
 * 成语 misspelt.
 */
function idiomFix(cx: Context, start: number, end: number): void {
  const { text, lexicon, stats } = cx;
  const token = text.slice(start, end);
  const count = lexicon.frequency(token);
  if (count === 0 || count > rarePhrase) return;
  let best: TypoCandidate | undefined;
  let bestCount = count * phraseRatio - 1;
  for (const idiom of lexicon.idiomsNear(token)) {
    const idiomCount = lexicon.frequency(idiom);
    if (idiomCount <= bestCount) continue;
    let k = 0;
    while (token[k] === idiom[k]) k++;
    if (numerals.has(token[k]!) || numerals.has(idiom[k]!)) continue;
    const replacement = stats.replacements(token[k]!)?.find((r) => r.char === idiom[k]);
    if (replacement === undefined) continue;
    bestCount = idiomCount;
    best = { at: start + k, start, end, found: token, suggestion: idiom, kinds: replacement.kinds };
  }
  if (best !== undefined) cx.out.push(best);
}

/**
 * Best splits of a window into dictionary words (a unigram model, as jieba's own) on either side of
 * the marked character, so that each replacement costs only the words that cover it.
 */
interface Split {
  window: string;
  mark: number;
  lexicon: TypoLexicon;
  /** before[k]: best log-probability of window[0, k), for k ≤ mark. */
  before: Float64Array;
  /** after[k]: best log-probability of window[k, n), for k > mark. */
  after: Float64Array;
  /**
   * joins[k]: whether window[k] and window[k + 1] occur side by side inside some word. A word holds
   * only such pairs, which spares most dictionary look-ups.
   */
  joins: Uint8Array;
}

interface Covering {
  /** Log-probability of the best split of the whole window with the replacement in place. */
  score: number;
  /** The word of that split that covers the mark. */
  wordStart: number;
  wordEnd: number;
}

function splitAround(window: string, mark: number, lexicon: TypoLexicon): Split {
  const n = window.length;
  const joins = new Uint8Array(n);
  for (let k = 0; k + 1 < n; k++)
    joins[k] = lexicon.pairInWord(window.charCodeAt(k), window.charCodeAt(k + 1)) ? 1 : 0;
  const before = new Float64Array(n + 1).fill(-Infinity);
  before[0] = 0;
  for (let j = 0; j < mark; j++) {
    const base = before[j]!;
    before[j + 1] = Math.max(before[j + 1]!, base + lexicon.charLogP(window.charCodeAt(j)));
    for (let end = j + 2; end <= mark && end - j <= longestWord && joins[end - 2]; end++)
      before[end] = Math.max(before[end]!, base + wordLogP(lexicon, window, j, end));
  }
  const after = new Float64Array(n + 1).fill(-Infinity);
  after[n] = 0;
  for (let j = n - 1; j > mark; j--) {
    let best = after[j + 1]! + lexicon.charLogP(window.charCodeAt(j));
    for (let end = j + 2; end <= n && end - j <= longestWord && joins[end - 2]; end++)
      best = Math.max(best, after[end]! + wordLogP(lexicon, window, j, end));
    after[j] = best;
  }
  return { window, mark, lexicon, before, after, joins };
}

function wordLogP(lexicon: TypoLexicon, window: string, from: number, to: number): number {
  const count = lexicon.spanFrequency(window, from, to, -1, 0);
  return count > 0 ? Math.log(count) - lexicon.logTotal : -Infinity;
}

function coveringWord(split: Split, char: string): Covering {
  const { window, mark, lexicon, before, after, joins } = split;
  const n = window.length;
  const code = char.charCodeAt(0);
  let best: Covering = {
    score: before[mark]! + lexicon.charLogP(code) + after[mark + 1]!,
    wordStart: mark,
    wordEnd: mark + 1,
  };
  let first = mark;
  if (mark > 0 && lexicon.pairInWord(window.charCodeAt(mark - 1), code)) {
    first = mark - 1;
    while (first > 0 && mark + 1 - first < longestWord && joins[first - 1]) first--;
  }
  let last = mark + 1;
  if (mark + 1 < n && lexicon.pairInWord(code, window.charCodeAt(mark + 1))) {
    last = mark + 2;
    while (last < n && last - mark < longestWord && joins[last - 1]) last++;
  }
  for (let start = first; start <= mark; start++) {
    for (let end = start === mark ? mark + 2 : mark + 1; end <= last && end - start <= longestWord; end++) {
      const count = lexicon.spanFrequency(window, start, end, mark, code);
      if (count === 0) continue;
      const score = before[start]! + Math.log(count) - lexicon.logTotal + after[end]!;
      if (score > best.score) best = { score, wordStart: start, wordEnd: end };
    }
  }
  return best;
}
