/**
 * The index behind the severe-typo check: every protected form and every near miss of it that is
 * not a real word, found in one left-to-right pass over a text.
 */
import type { SevereCategory, SevereTypoData, TermCategory } from "./severeData.ts";
import { termFiles } from "./severeData.ts";
import type { Leader, LeaderIndex } from "./severeTitles.ts";
import { nearMisses, type Confusions, type VariantKind, type VariantRules } from "./severeVariants.ts";
import { dictionaryWords } from "./severeWords.ts";

/** A correctly written form, or a near miss of one. */
export interface Target {
  correct: string;
  category: SevereCategory;
  kind: VariantKind | "correct";
  at: number;
  /** Set when the term is a leader's name, or the edit falls inside a leader's name in a longer term. */
  leader?: Leader;
  /** Offset of that name in the correct term. */
  nameAt?: number;
}

/** Categories of the term files, in order of precedence when a string belongs to two. */
const termCategories = Object.keys(termFiles) as TermCategory[];

export interface TermIndex {
  entries: Map<string, Target[]>;
  /** First code unit → second code unit → lengths of the indexed strings, longest first. */
  lengths: Map<number, Map<number, number[]>>;
  /**
   * A bitmap over hashed pairs of first code units: most positions of a text start no indexed
   * string, and two array reads reject them without touching the maps.
   */
  pairs: Uint32Array;
  /** Length of the longest indexed string. */
  longest: number;
}

export function buildIndex(
  data: SevereTypoData,
  leaderIndex: LeaderIndex,
  confusions: Confusions,
): TermIndex {
  const correct = new Map<string, Target>();
  const addCorrect = (form: string, category: SevereCategory, leader?: Leader): void => {
    if (!correct.has(form)) correct.set(form, { correct: form, category, kind: "correct", at: 0, leader });
  };
  for (const leader of leaderIndex.leaders.values()) addCorrect(leader.name, "leader-name", leader);
  for (const form of leaderIndex.titleForms()) addCorrect(form, "leader-title");
  for (const category of termCategories) {
    for (const term of fileOf(data, category).terms) {
      for (const form of [term.name, ...(term.aliases ?? [])]) addCorrect(form, category);
    }
  }

  // The edges of three-character terms: 教育部 must not yield 教育不 or 教育都, since 教育 is a word.
  const edgeQueries = new Set<string>();
  for (const form of correct.keys()) {
    if (form.length === 3) edgeQueries.add(form.slice(0, 2)).add(form.slice(1));
  }

  const variants = new Map<string, Target[]>();
  const names = [...leaderIndex.leaders.values()];
  for (const target of correct.values()) {
    const rules = rulesFor(target);
    if (rules === null) continue;
    const { correct: term, category } = target;
    const inside = target.leader ? [] : names.filter((leader) => term.includes(leader.name));
    for (const variant of nearMisses(term, rules, confusions)) {
      if (correct.has(variant.text)) continue;
      const entry: Target = { correct: term, category, kind: variant.kind, at: variant.at };
      if (target.leader) {
        entry.leader = target.leader;
        entry.nameAt = 0;
      } else if (inside.length > 0) Object.assign(entry, nameWithin(term, variant.at, inside));
      const list = variants.get(variant.text);
      if (list) list.push(entry);
      else variants.set(variant.text, [entry]);
    }
  }
  for (const [text, targets] of variants) {
    for (const t of targets) if (t.correct.length === 3 && t.at !== 1) edgeQueries.add(text[t.at]!);
  }
  const words = dictionaryWords(new Set([...variants.keys(), ...edgeQueries]));
  for (const word of words.keys()) variants.delete(word);
  // Edge rule applied after the dictionary is known.
  for (const [text, targets] of variants) {
    const kept = targets.filter((t) => !edgeBlocked(t, text, words));
    if (kept.length === 0) variants.delete(text);
    else variants.set(text, kept);
  }

  const entries = new Map<string, Target[]>(variants);
  for (const [form, target] of correct) entries.set(form, [target]);
  const lengths = new Map<number, Map<number, number[]>>();
  for (const text of entries.keys()) {
    const first = text.charCodeAt(0);
    const second = text.charCodeAt(1);
    let inner = lengths.get(first);
    if (!inner) lengths.set(first, (inner = new Map()));
    const list = inner.get(second);
    if (!list) inner.set(second, [text.length]);
    else if (!list.includes(text.length)) list.push(text.length);
  }
  for (const inner of lengths.values()) for (const list of inner.values()) list.sort((a, b) => b - a);
  const pairs = new Uint32Array(pairSlots >>> 5);
  for (const text of entries.keys()) {
    const slot = pairSlot(text.charCodeAt(0), text.charCodeAt(1));
    pairs[slot >>> 5]! |= 1 << (slot & 31);
  }
  let longest = 0;
  for (const text of entries.keys()) longest = Math.max(longest, text.length);
  return { entries, lengths, pairs, longest };
}

/** Size of the pair bitmap: about ten slots per indexed pair keeps false passes rare. */
const pairSlots = 1 << 21;

function pairSlot(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> 11;
}

function fileOf(data: SevereTypoData, category: TermCategory): SevereTypoData["laws"] {
  switch (category) {
    case "organisation":
      return data.organisations;
    case "meeting":
      return data.meetings;
    case "expression":
      return data.expressions;
    case "law":
      return data.laws;
  }
}

/** Which edits a term admits, or null when it is too short to have near misses worth reporting. */
function rulesFor(target: Target): VariantRules | null {
  const length = [...target.correct].length;
  if (target.category === "leader-name") {
    return { omit: false, swap: true, isName: true };
  }
  // Two-character terms (宪法, 总理) and short title forms (委员长 → 委员张) match too much ordinary text.
  if (length < 3 || (length === 3 && target.category === "leader-title")) return null;
  return { omit: length >= 5, swap: false, isName: false };
}

/** Characters this common on their own make 教育 + 都 read as ordinary text. */
const commonCharFrequency = 3000;

/**
 * A substitution at the edge of a three-character term whose other two characters form a word,
 * by a character common on its own: 教育都 is ordinary text, 教育簿 is a typo.
 */
function edgeBlocked(target: Target, variant: string, words: ReadonlyMap<string, number>): boolean {
  const term = target.correct;
  if (term.length !== 3 || target.category === "leader-name" || target.kind === "omission") return false;
  const rest = target.at === 2 ? term.slice(0, 2) : target.at === 0 ? term.slice(1) : null;
  if (rest === null || !words.has(rest)) return false;
  return (words.get(variant[target.at]!) ?? 0) >= commonCharFrequency;
}

/** The leader's name inside a longer term (习近平总书记) that contains the edited position. */
function nameWithin(
  term: string,
  at: number,
  leaders: readonly Leader[],
): { leader?: Leader; nameAt?: number } {
  for (const leader of leaders) {
    const nameAt = term.indexOf(leader.name);
    if (nameAt !== -1 && at >= nameAt && at < nameAt + leader.name.length) return { leader, nameAt };
  }
  return {};
}

export interface Span {
  start: number;
  end: number;
}

/** Correctly written forms and near misses found in the text, each in order of start. */
export function scanTerms(
  text: string,
  index: TermIndex,
): { correctSpans: (Span & { target: Target })[]; candidates: (Span & { targets: Target[] })[] } {
  const correctSpans: { start: number; end: number; target: Target }[] = [];
  const candidates: { start: number; end: number; targets: Target[] }[] = [];
  const last = text.length - 1;
  const { pairs } = index;
  for (let i = 0; i < last; i++) {
    const slot = pairSlot(text.charCodeAt(i), text.charCodeAt(i + 1));
    if ((pairs[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
    const inner = index.lengths.get(text.charCodeAt(i));
    if (inner === undefined) continue;
    const lengths = inner.get(text.charCodeAt(i + 1));
    if (lengths === undefined) continue;
    for (const length of lengths) {
      if (i + length > text.length) continue;
      const targets = index.entries.get(text.slice(i, i + length));
      if (targets === undefined) continue;
      if (targets[0]!.kind === "correct")
        correctSpans.push({ start: i, end: i + length, target: targets[0]! });
      else candidates.push({ start: i, end: i + length, targets });
    }
  }
  return { correctSpans, candidates };
}
