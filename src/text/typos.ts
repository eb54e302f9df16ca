/**
 * General typo detection (错别字) in Chinese text: jieba segmentation, sound and shape confusion sets,
 * and a small learned score over word and character statistics (typoFeatures.ts). Tuned for few false
 * alarms: inspectors act on every report, so a missed typo costs less than a wrong one.
 */
import type { TextIssue } from "./issue.ts";
import { typoCandidates, type Replacement, type TypoCandidate, type TypoStats } from "./typoFeatures.ts";
import { pairKey, typoLexicon } from "./typoLexicon.ts";
import { ConfusionKind, defaultTypoModel, type TypoModel } from "./typoModel.ts";

export interface TypoCheckerOptions {
  /**
   * Words never reported (proper nouns, local terms): the global list plus the site's own; create
   * one checker per site, which is cheap since the model and dictionary are shared.
   */
  allow?: readonly string[];
}

export interface TypoChecker {
  check(text: string): TextIssue[];
}

export interface ScoredTypo {
  candidate: TypoCandidate;
  score: number;
}

export function createTypoChecker(
  model: TypoModel = defaultTypoModel(),
  options: TypoCheckerOptions = {},
): TypoChecker {
  const lexicon = typoLexicon();
  const stats = typoStats(model);
  const allowed = allowIndex(options.allow ?? []);
  const score = (c: TypoCandidate): number => typoScore(model, c);
  return {
    check(text: string): TextIssue[] {
      const picked = pickTypos(typoCandidates(text, lexicon, stats), score, model.threshold);
      return picked
        .filter(({ candidate }) => !allowed(text, candidate.at))
        .map(({ candidate, score }) => ({
          kind: "typo",
          start: candidate.start,
          end: candidate.end,
          found: candidate.found,
          suggestion: candidate.suggestion,
          category: category(candidate),
          severity: severity(candidate, score, model),
          confidence: "suspected",
          message: `疑似错别字：“${candidate.found}”应为“${candidate.suggestion}”`,
        }));
    },
  };
}

/** The learned score; set-phrase candidates, judged by a rule, always pass. */
export function typoScore(model: TypoModel, candidate: TypoCandidate): number {
  const x = candidate.features;
  if (x === undefined) return Infinity;
  let sum = model.bias;
  for (let j = 0; j < x.length; j++) sum += x[j]! * model.weights[j]!;
  return sum;
}

/**
 * The best replacement per character, those scoring at least the threshold, and of overlapping words
 * only the higher scoring (two suspects in one word are one report); in text order.
 */
export function pickTypos(
  candidates: readonly TypoCandidate[],
  score: (candidate: TypoCandidate) => number,
  threshold: number,
): ScoredTypo[] {
  const best = new Map<number, ScoredTypo>();
  for (const candidate of candidates) {
    const s = score(candidate);
    if (s < threshold) continue;
    const held = best.get(candidate.at);
    if (held === undefined || s > held.score) best.set(candidate.at, { candidate, score: s });
  }
  const kept: ScoredTypo[] = [];
  for (const typo of [...best.values()].sort((a, b) => b.score - a.score)) {
    const { start, end } = typo.candidate;
    if (kept.some(({ candidate: o }) => o.start < end && start < o.end)) continue;
    kept.push(typo);
  }
  return kept.sort((a, b) => a.candidate.start - b.candidate.start);
}

const statsOf = new WeakMap<TypoModel, TypoStats>();

/** The model's tables as the lookups the features need; built once per model (some 0.1 s). */
export function typoStats(model: TypoModel): TypoStats {
  let stats = statsOf.get(model);
  if (stats === undefined) {
    stats = buildStats(model);
    statsOf.set(model, stats);
  }
  return stats;
}

function buildStats(model: TypoModel): TypoStats {
  const replacements = new Map<string, Replacement[]>();
  for (const [char, [chars, kinds]] of Object.entries(model.confusions)) {
    replacements.set(
      char,
      [...chars].map((c, k) => ({ char: c, code: c.charCodeAt(0), kinds: parseInt(kinds[k]!, 16) })),
    );
  }
  const bigrams = new Map<number, number>();
  for (const [pair, count] of Object.entries(model.bigrams))
    bigrams.set(pairKey(pair.charCodeAt(0), pair.charCodeAt(1)), count);
  return {
    replacements: (char) => replacements.get(char),
    bigram: (a, b) => (a < 0 || b < 0 ? 0 : (bigrams.get(pairKey(a, b)) ?? 0)),
    single: (char) => model.singles[char] ?? 0,
    seen: (wrong, right) => model.seen[wrong + right] ?? 0,
  };
}

/**
 * Deducting points needs the score at which no cross-validated report was wrong; a misspelt set phrase
 * deducts when it sounds like the right one (再接再励), while one that only looks like it may be an
 * accepted variant (闭门自守) and is a warning.
 */
function severity(candidate: TypoCandidate, score: number, model: TypoModel): "deduct" | "warn" {
  if (candidate.features === undefined)
    return candidate.kinds & (ConfusionKind.sound | ConfusionKind.homophone) ? "deduct" : "warn";
  return score >= model.strongThreshold ? "deduct" : "warn";
}

function category(candidate: TypoCandidate): string {
  if (candidate.features === undefined) return "idiom";
  if (candidate.kinds & (ConfusionKind.sound | ConfusionKind.homophone)) return "sound";
  if (candidate.kinds & ConfusionKind.shape) return "shape";
  return "other";
}

/** Whether an allowed word covers position `at` of text; indexed by character for speed. */
function allowIndex(words: readonly string[]): (text: string, at: number) => boolean {
  const byChar = new Map<string, { word: string; offset: number }[]>();
  for (const word of words) {
    for (let offset = 0; offset < word.length; offset++) {
      const list = byChar.get(word[offset]!) ?? [];
      list.push({ word, offset });
      byChar.set(word[offset]!, list);
    }
  }
  return (text, at) =>
    (byChar.get(text[at]!) ?? []).some(
      ({ word, offset }) => at >= offset && text.startsWith(word, at - offset),
    );
}
