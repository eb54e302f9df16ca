/**
 * Hands findings to rule items. One finding counts under one item only (no double counting): items
 * take findings in the order the engine visits them — vetoes, then deductions, then bonus, then early
 * warnings, each in table order — and a finding an item has taken is gone for later items.
 */
import type { Finding } from "../core/finding.ts";
import type { FindingRef } from "./result.ts";
import { countOf, matcherFor } from "./match.ts";
import type { RuleItem, RuleSet, Section } from "./types.ts";

export interface Candidate {
  finding: Finding;
  manual: boolean;
  /** Manual findings addressed to an item by id skip the matchers. */
  item: string | null;
  /** Manual points, overriding the item's. */
  points: number | null;
}

export interface Hit {
  candidate: Candidate;
  /** Points this finding is worth before the item's cap (points items only). */
  points: number;
}

export interface Taken {
  /** Findings whose confidence the rule set counts. */
  counted: Hit[];
  /** Suspected findings the rule set does not count: a person must confirm them. */
  pending: Hit[];
}

export class Claims {
  private readonly claimed = new Set<Candidate>();

  constructor(
    private readonly candidates: readonly Candidate[],
    private readonly ruleSet: RuleSet,
  ) {}

  /** Takes the item's findings; inconclusive ones are left alone, they never score. */
  take(section: Section, item: RuleItem): Taken {
    const counts = item.confidence ?? this.ruleSet.countedConfidence;
    const taken: Taken = { counted: [], pending: [] };
    for (const candidate of this.candidates) {
      if (this.claimed.has(candidate) || candidate.finding.confidence === "inconclusive") continue;
      const points = this.pointsUnder(section, item, candidate);
      if (points === null) continue;
      this.claimed.add(candidate);
      const hit = { candidate, points };
      (counts.includes(candidate.finding.confidence) ? taken.counted : taken.pending).push(hit);
    }
    return taken;
  }

  /** Null when the item does not take the finding. */
  private pointsUnder(section: Section, item: RuleItem, candidate: Candidate): number | null {
    const itemPoints = "points" in item && typeof item.points === "number" ? item.points : 0;
    if (candidate.item !== null) return candidate.item === item.id ? (candidate.points ?? itemPoints) : null;
    const matcher = matcherFor(item, section, candidate.finding);
    if (matcher === null) return null;
    return (matcher.points ?? itemPoints) * countOf(candidate.finding, matcher);
  }
}

export function refOf(hit: Hit): FindingRef {
  const { finding, manual } = hit.candidate;
  return {
    fingerprint: finding.fingerprint,
    check: finding.check,
    url: finding.url,
    message: finding.message,
    severity: finding.severity,
    confidence: finding.confidence,
    manual,
  };
}

/** "…；另有 2 条" after the first finding's own sentence. */
export function firstAndMore(hits: readonly Hit[]): string {
  const first = hits[0]!.candidate.finding.message;
  return hits.length > 1 ? `${first}（另有 ${hits.length - 1} 条）` : first;
}
