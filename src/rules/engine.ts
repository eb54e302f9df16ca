/**
 * Scores one site against a rule set (INDICATORS.md §1.2): any counted veto fails the site and stops
 * scoring; otherwise sites of the rule set's scored kinds get 100 minus capped deductions (the 4/3
 * rule where it applies), fail below the pass line, and get the bonus only above the bonus line.
 * Pure: the time point comes in, nothing is read.
 */
import type { Finding } from "../core/finding.ts";
import { Claims, firstAndMore, refOf, type Candidate, type Hit } from "./collect.ts";
import { manualEntries, type ManualFinding } from "./manual.ts";
import { describeReasons } from "./reasons.ts";
import type { ItemResult, PointsResult, SiteKind, SiteResult } from "./result.ts";
import { ruleSetRef } from "./ruleSet.ts";
import type { PointsItem, RuleItem, RuleSet } from "./types.ts";

export interface ScoreInput {
  /** A site of the inspection report (SiteReport fits). */
  report: {
    site: string;
    findings: readonly Finding[];
    facts?: { title: string | null; meta: Record<string, string> };
  };
  kind: SiteKind;
  asOf: Date;
  ruleSet: RuleSet;
  /** The inspector's findings for this site (see manualFindingsFor). */
  manual?: readonly ManualFinding[];
  /** A department without public services: its services area is not checked (19号 4/3 rule). */
  noExternalServices?: boolean;
}

export function scoreSite(input: ScoreInput): SiteResult {
  const { ruleSet, kind } = input;
  const candidates: Candidate[] = [
    ...input.report.findings.map((finding) => ({ finding, manual: false, item: null, points: null })),
    ...manualEntries(input.manual ?? [], ruleSet, input.asOf).map((entry) => ({ ...entry, manual: true })),
  ];
  const claims = new Claims(candidates, ruleSet);
  const exempt = input.noExternalServices ? ruleSet.scoring.noExternalServices?.area : undefined;
  const applies = (item: RuleItem): boolean =>
    item.appliesTo.includes(kind) && (exempt === undefined || item.area !== exempt);

  const vetoes = ruleSet.vetoes.filter(applies).map((item) => ({ item, ...claims.take("vetoes", item) }));
  const failed = vetoes.filter((veto) => veto.counted.length > 0);
  const pendingVetoes = vetoes
    .filter((veto) => veto.pending.length > 0)
    .map((veto) =>
      itemResult(veto.item, veto.pending, `${firstAndMore(veto.pending)}（需人工确认，确认即单项否决）`),
    );

  const scored = failed.length === 0 && ruleSet.scoring.kinds.includes(kind);
  const deductionTable = scored
    ? pointsTable(ruleSet.deductions.filter(applies), "deductions", claims)
    : null;
  const bonusTable = scored ? pointsTable(ruleSet.bonus.filter(applies), "bonus", claims) : null;
  const earlyWarnings = ruleSet.warnings.filter(applies).flatMap((item) => {
    const { counted, pending } = claims.take("warnings", item);
    const hits = [...counted, ...pending];
    return hits.length === 0
      ? []
      : [itemResult(item, hits, `${firstAndMore(hits)}（预警线：${item.threshold}）`)];
  });

  const lines = scoreLines(ruleSet, exempt, deductionTable, bonusTable);
  const verdict = failed.length > 0 || (lines !== null && !lines.pass) ? "fail" : "pass";
  const vetoScores = failed.flatMap(({ item }) => (item.score === undefined ? [] : [item.score]));
  const result: SiteResult = {
    site: input.report.site,
    siteName: input.report.facts?.meta.SiteName || input.report.facts?.title || null,
    kind,
    ruleSet: ruleSetRef(ruleSet),
    asOf: input.asOf.toISOString(),
    verdict,
    verdictName: verdict === "pass" ? "合格" : "不合格",
    score:
      failed.length > 0 ? (vetoScores.length > 0 ? Math.min(...vetoScores) : null) : (lines?.score ?? null),
    deductionScore: lines?.deductionScore ?? null,
    bonusScore: lines?.bonusScore ?? 0,
    vetoes: failed.map((veto) => itemResult(veto.item, veto.counted, firstAndMore(veto.counted))),
    deductions: deductionTable?.results ?? [],
    bonus: lines?.bonusScore ? bonusTable!.results : [],
    warnings: [
      ...pendingVetoes,
      ...earlyWarnings,
      ...(deductionTable?.pending ?? []),
      ...(bonusTable?.pending ?? []),
    ],
    reasons: [],
    reviewRequired: verdict === "pass" && pendingVetoes.length > 0,
    noExternalServices: exempt !== undefined,
  };
  result.reasons = describeReasons(result, ruleSet, pendingVetoes.length, earlyWarnings.length);
  return result;
}

function itemResult(item: RuleItem, hits: readonly Hit[], reason: string): ItemResult {
  return {
    item: item.id,
    title: item.title,
    indicator: item.indicator,
    reason,
    findings: hits.map(refOf),
    provisional: item.provisional === true,
  };
}

interface PointsTable {
  results: PointsResult[];
  /** Items with suspected findings not counted: 需人工确认. */
  pending: ItemResult[];
  /** Sum of the items' capped points, in thousandths (points such as 0.1 add up exactly). */
  milli: number;
}

function pointsTable(
  items: readonly PointsItem[],
  section: "deductions" | "bonus",
  claims: Claims,
): PointsTable {
  const table: PointsTable = { results: [], pending: [], milli: 0 };
  // Claims go in table order; the addresses each item counted are known before exceptions apply.
  const taken = items.map((item) => ({ item, ...claims.take(section, item) }));
  const urls = new Map(taken.map(({ item, counted }) => [item.id, new Set(counted.map(urlOf))]));
  for (const { item, counted: all, pending } of taken) {
    const elsewhere = (item.exceptUrlsCountedIn ?? []).map((id) => urls.get(id) ?? new Set<string>());
    const counted = all.filter((hit) => !elsewhere.some((set) => set.has(urlOf(hit))));
    if (pending.length > 0) {
      const reason = `${pending.length} 条疑似问题需人工确认，未计分，如：${pending[0]!.candidate.finding.message}`;
      table.pending.push(itemResult(item, pending, reason));
    }
    if (counted.length === 0) continue;
    const raw = counted.reduce((sum, hit) => sum + Math.round(hit.points * 1000), 0);
    const milli = Math.min(raw, Math.round(item.maxPoints * 1000));
    table.milli += milli;
    const capped = milli < raw ? `，达到本项上限 ${item.maxPoints} 分` : "";
    const repeated = all.length - counted.length;
    const skipped = repeated > 0 ? `；另有 ${repeated} 条已在其他指标项下计分，不重复计` : "";
    table.results.push({
      ...itemResult(
        item,
        counted,
        `${counted.length} 条问题计 ${milli / 1000} 分${capped}：${firstAndMore(counted)}${skipped}`,
      ),
      points: milli / 1000,
      maxPoints: item.maxPoints,
      area: item.area,
    });
  }
  table.results.sort((a, b) => b.points - a.points);
  return table;
}

function urlOf(hit: Hit): string {
  return hit.candidate.finding.url;
}

interface ScoreLines {
  deductionScore: number;
  bonusScore: number;
  score: number;
  pass: boolean;
}

/**
 * Scores are rounded to two decimals before they are compared with the lines, so the verdict never
 * contradicts the printed score (59.995 prints 60.00 and passes).
 */
function scoreLines(
  ruleSet: RuleSet,
  exempt: string | undefined,
  deductions: PointsTable | null,
  bonus: PointsTable | null,
): ScoreLines | null {
  if (deductions === null || bonus === null) return null;
  const { scoring } = ruleSet;
  const total = scoring.total * 1000;
  const exemptPoints = (ruleSet.areas.find((area) => area.id === exempt)?.points ?? 0) * 1000;
  // 4/3 rule: score the remaining 75 points and scale them back to 100.
  const base = total - exemptPoints;
  const deductionScore = round2(((base - deductions.milli) * total) / base / 1000);
  const pass = deductionScore >= scoring.passLine;
  const bonusScore =
    pass && deductionScore > scoring.bonusAbove ? round2(Math.min(bonus.milli / 1000, scoring.bonusMax)) : 0;
  return {
    deductionScore,
    bonusScore,
    score: round2(Math.min(deductionScore + bonusScore, scoring.maxScore)),
    pass,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
