/**
 * What jieba's dictionary knows, as the severe-typo check needs it: which candidate strings are real
 * words (so not typos), and whether a suspected span cuts through a real word in its sentence
 * (能力强 is not a misspelt 李强).
 */
import { dict } from "@node-rs/jieba/dict.js";
import { sharedSegmenter } from "./segmenter.ts";

/** The members of `candidates` that are words of jieba's default dictionary, with their frequencies. */
export function dictionaryWords(candidates: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  const text = new TextDecoder().decode(dict);
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const space = text.indexOf(" ", at);
    const wordEnd = space === -1 || space > end ? end : space;
    const word = text.slice(at, wordEnd);
    if (candidates.has(word)) found.set(word, Number.parseInt(text.slice(wordEnd + 1, end), 10) || 0);
    at = end + 1;
  }
  return found;
}

/** Characters on each side of a span that jieba sees; enough for any dictionary word around it. */
const windowChars = 8;

export interface WordBoundaries {
  /**
   * True when a word of the sentence holds a character of [from, to) and reaches outside
   * [start, end): the suspect characters then belong to an ordinary word (能力 in 能力强), while a
   * misspelt character stands alone or inside the span. Words glued to the term's own characters
   * (全会精神) say nothing.
   */
  cutsWord(text: string, start: number, end: number, from: number, to: number): boolean;
}

/** Segments a small window around the span; the shared segmenter is built on first use. */
export function createWordBoundaries(): WordBoundaries {
  return {
    cutsWord(text, start, end, from, to) {
      const jieba = sharedSegmenter();
      const windowStart = Math.max(0, start - windowChars);
      // Without HMM: unknown strings stay single characters instead of being glued into new words.
      const tokens = jieba.cut(text.slice(windowStart, Math.min(text.length, end + windowChars)), false);
      let tokenStart = windowStart;
      for (const token of tokens) {
        const tokenEnd = tokenStart + token.length;
        if (tokenStart >= to) break;
        if (tokenEnd > from && (tokenStart < start || tokenEnd > end)) return true;
        tokenStart = tokenEnd;
      }
      return false;
    },
  };
}
