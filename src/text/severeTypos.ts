/**
 * Severe typos (严重表述错误): misspelt names of leaders, their titles, central organisations,
 * major meetings, standard political expressions and laws, and a leader's name written with a
 * title they never held. One such typo fails a government website, so the check aims at recall on
 * these few hundred terms while staying silent on everything else.
 *
 * Every protected term is expanded into its near misses (severeVariants.ts); the variants that are
 * real words are dropped, and one index over terms and variants is scanned in a single pass. A hit
 * is kept only when no correctly written term covers it, it does not cut through a real word of the
 * sentence, and, for a leader's name, the context shows that leader is meant.
 */
import type { TextIssue } from "./issue.ts";
import { loadSevereTypoData, type SevereTypoData } from "./severeData.ts";
import { buildIndex, scanTerms, type Target, type TermIndex } from "./severeIndex.ts";
import { createLeaderIndex, type LeaderIndex } from "./severeTitles.ts";
import { createConfusions, loadLookalikes, loadShapeConfusion, type Confusions } from "./severeVariants.ts";
import { createWordBoundaries, type WordBoundaries } from "./severeWords.ts";

export interface SevereTypoChecker {
  check(text: string): TextIssue[];
}

export interface SevereTypoOptions {
  /** Character confusions; by default pinyin-pro homophones, the ECSpell shape set and the look-alike groups. */
  confusions?: Confusions;
}

interface Hit {
  start: number;
  end: number;
  target: Target;
  /** What shows the term is meant: the rest of a longer term, a leader's title, a list of leaders, or nothing. */
  evidence: "term" | "title" | "list" | "none";
}

export function createSevereTypoChecker(
  data: SevereTypoData = loadSevereTypoData(),
  options: SevereTypoOptions = {},
): SevereTypoChecker {
  const leaderIndex = createLeaderIndex(data.leaders);
  const index = buildIndex(
    data,
    leaderIndex,
    options.confusions ?? createConfusions(loadShapeConfusion(), loadLookalikes()),
  );
  const boundaries = createWordBoundaries();
  return {
    check(text) {
      return findIssues(text, index, leaderIndex, boundaries);
    },
  };
}

function findIssues(
  text: string,
  index: TermIndex,
  leaderIndex: LeaderIndex,
  boundaries: WordBoundaries,
): TextIssue[] {
  const { correctSpans, candidates } = scanTerms(text, index);

  const hits: Hit[] = [];
  // Both lists are in order of start; `trail` follows the candidates by the longest term.
  let trail = 0;
  for (const candidate of candidates) {
    const { start, end } = candidate;
    while (trail < correctSpans.length && correctSpans[trail]!.start + index.longest <= start) trail++;
    // A variant inside or across a correctly written term is part of that term (全国人大常委 in 全国人大常委会).
    let covered = false;
    for (let k = trail; k < correctSpans.length && correctSpans[k]!.start < end; k++) {
      const c = correctSpans[k]!;
      if (c.end > start && !(start <= c.start && c.end <= end)) covered = true;
    }
    if (covered) continue;
    const hit = confirm(text, start, end, candidate.targets, leaderIndex);
    if (hit === null) continue;
    // A bare name must be a whole word of its sentence: 学习近乎 is not 习近平 misspelt.
    const [from, to] = hit.evidence === "none" ? [start, end] : editedSpan(hit);
    if (!boundaries.cutsWord(text, start, end, from, to)) hits.push(hit);
  }

  const issues = keepLongest(hits).map((hit) => typoIssue(text, hit));
  for (const span of correctSpans) {
    const leader = span.target.category === "leader-name" ? span.target.leader : undefined;
    if (leader === undefined) continue;
    for (const wrong of leaderIndex.wrongTitles(text, span.start, span.end, leader)) {
      const found = text.slice(wrong.start, wrong.end);
      issues.push({
        kind: "severe-typo",
        start: wrong.start,
        end: wrong.end,
        found,
        suggestion: leader.mainTitle ? `${leader.mainTitle}${leader.name}` : leader.name,
        category: "leader-title",
        severity: "veto",
        confidence: "confirmed",
        message: `领导人职务错误：“${found}”，${leader.name}未担任过${wrong.title}`,
      });
    }
  }
  return issues.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The target a hit stands for, with its confidence; null when the hit is a leader's name without
 * evidence that the leader is meant (李墙 alone may be a real person).
 */
function confirm(
  text: string,
  start: number,
  end: number,
  targets: Target[],
  leaderIndex: LeaderIndex,
): Hit | null {
  for (const target of targets) {
    if (target.category !== "leader-name" || target.correct !== target.leader?.name) {
      return { start, end, target, evidence: "term" };
    }
  }
  for (const target of targets) {
    const leader = target.leader!;
    const support = leaderIndex.supports(text, start, end, leader);
    if (support !== null) return { start, end, target, evidence: support };
    if (leader.distinctive) return { start, end, target, evidence: "none" };
  }
  return null;
}

/**
 * The characters of the hit that differ from the correct term; for an omission the one before the
 * gap (国 of 全国知识产权局 read as 国家知识产权局 without 家).
 */
function editedSpan(hit: Hit): [number, number] {
  const { at, kind } = hit.target;
  const from = hit.start + (kind === "omission" ? at - 1 : at);
  return [from, from + (kind === "swap" ? 2 : 1)];
}

/** Of overlapping hits the longest wins (习进平总书记 over 习进平), then the earliest. */
function keepLongest(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of sorted) {
    if (!kept.some((k) => k.start < hit.end && hit.start < k.end)) kept.push(hit);
  }
  return kept;
}

function typoIssue(text: string, hit: Hit): TextIssue {
  const { target } = hit;
  let { start, end } = hit;
  let correct = target.correct;
  let category = target.category;
  // A misspelt name inside a longer protected term is reported as the name itself.
  if (target.leader && target.nameAt !== undefined && target.correct !== target.leader.name) {
    const shorter = target.kind === "omission" ? 1 : 0;
    start += target.nameAt;
    end = start + target.leader.name.length - shorter;
    correct = target.leader.name;
    category = "leader-name";
  }
  const found = text.slice(start, end);
  const message =
    target.kind === "omission"
      ? `严重表述错误：“${correct}”漏字，误写为“${found}”`
      : `严重错别字：“${correct}”误写为“${found}”`;
  return {
    kind: "severe-typo",
    start,
    end,
    found,
    suggestion: correct,
    category,
    severity: "veto",
    // A name with a title beside it, or a longer term, leaves no doubt; a list or a bare name does.
    confidence: hit.evidence === "term" || hit.evidence === "title" ? "confirmed" : "suspected",
    message,
  };
}
