/** Whether a finding falls under a rule item, and how many times it counts there. */
import type { Finding, Severity } from "../core/finding.ts";
import type { EvidenceCondition, Matcher, RuleItem, Section } from "./types.ts";

/**
 * The severity a check gives says which part of the table it belongs to, so a matcher that names none
 * takes its section's: a veto-level finding decides a veto, a warn-level one an early warning. A
 * positive observation (bonus) can only be info.
 */
export const defaultSeverities: Record<Section, Severity[]> = {
  vetoes: ["veto"],
  deductions: ["deduct"],
  bonus: ["info"],
  warnings: ["warn"],
};

/** The first matcher of the item that takes the finding (its points apply), or null. */
export function matcherFor(item: RuleItem, section: Section, finding: Finding): Matcher | null {
  return (
    item.match.find(
      (matcher) =>
        matcher.checks.includes(finding.check) &&
        (matcher.severities ?? defaultSeverities[section]).includes(finding.severity) &&
        Object.entries(matcher.evidence ?? {}).every(([field, condition]) =>
          holds(condition, finding.evidence[field]),
        ),
    ) ?? null
  );
}

function holds(condition: EvidenceCondition, value: unknown): boolean {
  if ("eq" in condition && value !== condition.eq) return false;
  if (condition.in !== undefined && !condition.in.includes(value)) return false;
  const numeric = condition.gte ?? condition.gt ?? condition.lte ?? condition.lt;
  if (numeric === undefined) return true;
  if (typeof value !== "number") return false;
  return (
    (condition.gte === undefined || value >= condition.gte) &&
    (condition.gt === undefined || value > condition.gt) &&
    (condition.lte === undefined || value <= condition.lte) &&
    (condition.lt === undefined || value < condition.lt)
  );
}

/** How many times a finding counts: an evidence array's length or number, else once. */
export function countOf(finding: Finding, matcher: Matcher): number {
  if (matcher.countBy === undefined) return 1;
  const value = finding.evidence[matcher.countBy];
  if (Array.isArray(value)) return value.length;
  return typeof value === "number" && value > 0 ? value : 1;
}
