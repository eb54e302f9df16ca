/**
 * English spelling in the Latin runs of Chinese pages: site and organisation names such as "People's
 * Goverment of Demo City". Hunspell's en_US dictionary (dictionary-en) through nspell judges words;
 * everything that is not plain English prose is left alone: URLs, e-mail addresses, domain and file
 * names, code, numbers, acronyms, brand casing (WeChat) and pinyin (Shifanshi, zhengfu).
 */
import { createRequire } from "node:module";
import type { TextIssue } from "./issue.ts";
import { isPinyinWord } from "./pinyinWords.ts";

export interface EnglishSpellerOptions {
  /** Words never reported, any case (names the dictionary lacks); global plus the site's own. */
  allow?: readonly string[];
}

export interface EnglishSpeller {
  check(text: string): TextIssue[];
}

interface NSpell {
  correct(word: string): boolean;
  suggest(word: string): string[];
}
type NSpellFactory = (dictionary: { aff: Uint8Array; dic: Uint8Array }) => NSpell;

let shared: Promise<NSpell> | undefined;
/** nspell's suggest() takes up to half a second on a long unknown word; pages repeat their names. */
const suggestions = new Map<string, string | undefined>();

/** Loading the dictionary takes about 0.3 s; it is done once per process and shared. */
function dictionarySpeller(): Promise<NSpell> {
  shared ??= import("dictionary-en").then(({ default: dictionary }) => {
    const nspell = createRequire(import.meta.url)("nspell") as NSpellFactory;
    return nspell(dictionary);
  });
  return shared;
}

export async function createEnglishSpeller(options: EnglishSpellerOptions = {}): Promise<EnglishSpeller> {
  const spell = await dictionarySpeller();
  const allowed = new Set((options.allow ?? []).map((w) => w.toLowerCase()));
  return {
    check(text: string): TextIssue[] {
      const issues: TextIssue[] = [];
      for (const run of latinRuns(text)) {
        for (const word of run.words) {
          const suggestion = misspelt(spell, word.text, allowed);
          if (suggestion === undefined) continue;
          issues.push({
            kind: "english-spelling",
            start: word.start,
            end: word.start + word.text.length,
            found: word.text,
            suggestion,
            // A name of several words is what a visitor reads as the site's English; a lone word may
            // be a name the dictionary does not know.
            severity: run.words.length >= 2 ? "warn" : "info",
            confidence: "suspected",
            message: `疑似英文拼写错误：“${word.text}”应为“${suggestion}”`,
          });
        }
      }
      return issues;
    },
  };
}

/** nspell's first suggestion when the word is misspelt and plainly English, else undefined. */
function misspelt(spell: NSpell, word: string, allowed: ReadonlySet<string>): string | undefined {
  const letters = word.replace(/['’]/g, "");
  if (letters.length < 4) return undefined;
  // Acronyms (PRC, CPPCC) and brand or code casing (WeChat, iPhone) are not dictionary words.
  if (letters === letters.toUpperCase() || /[a-z][A-Z]/.test(letters)) return undefined;
  if (allowed.has(word.toLowerCase()) || isPinyinWord(word)) return undefined;
  const plain = word.replace(/’/g, "'");
  if (spell.correct(plain)) return undefined;
  if (!suggestions.has(plain)) {
    const first = spell.suggest(plain)[0];
    // Only a near miss is a typo; a distant "suggestion" means an unknown name.
    suggestions.set(
      plain,
      first !== undefined && editDistance(plain.toLowerCase(), first.toLowerCase()) <= 2 ? first : undefined,
    );
  }
  return suggestions.get(plain);
}

interface LatinWord {
  text: string;
  start: number;
}

interface LatinRun {
  words: LatinWord[];
}

/** A stretch of ASCII without spaces (plus curly quotes, which Chinese typesetting puts in names). */
const chunkPattern = /[!-~‘’]+/g;
/** What separates the words of one run: spaces of any width, but no line break and no Han text. */
const sameRun = /^[ \t\u00a0\u3000]+$/;
/** Code in a run (an expression, a tag, an identifier) makes the whole run code. */
const codeMarks = /[=;{}<>$_\\`]|\/\/|\(\)/;

/**
 * The runs of English words in text, each word with its offset; runs holding code, and chunks that
 * are URLs, addresses, file or domain names or contain digits, yield no words.
 */
export function latinRuns(text: string): LatinRun[] {
  const runs: LatinRun[] = [];
  let current: LatinRun | undefined;
  let code = false;
  let lastEnd = -1;
  const close = (): void => {
    if (current !== undefined && !code && current.words.length > 0) runs.push(current);
    current = undefined;
    code = false;
  };
  for (const m of text.matchAll(chunkPattern)) {
    const chunk = m[0];
    if (current === undefined || !sameRun.test(text.slice(lastEnd, m.index))) {
      close();
      current = { words: [] };
    }
    lastEnd = m.index + chunk.length;
    if (codeMarks.test(chunk)) code = true;
    current.words.push(...chunkWords(chunk, m.index));
  }
  close();
  return runs;
}

function chunkWords(chunk: string, offset: number): LatinWord[] {
  if (/@|:\/\/|^www\./i.test(chunk)) return [];
  const lead = /^[("'‘“[]*/.exec(chunk)![0].length;
  const body = chunk.slice(lead).replace(/[)"'’”\].,;:!?]+$/, "");
  // Whatever is left besides letters, apostrophes and hyphens (a dot inside, a digit, a slash) marks
  // a domain, a file, a number or a path.
  if (!/^[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+(?:['’][A-Za-z]+)*)*$/.test(body)) return [];
  const words: LatinWord[] = [];
  let at = offset + lead;
  for (const part of body.split("-")) {
    words.push({ text: part, start: at });
    at += part.length + 1;
  }
  return words;
}

/** Damerau–Levenshtein distance (adjacent transpositions count one). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
