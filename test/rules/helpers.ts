/** Findings and rule sets for the rules tests, built the way the checks and the loader build them. */
import type { FindingDraft, Finding, Severity, Confidence } from "../../src/core/finding.ts";
import { stampFinding } from "../../src/core/fingerprint.ts";
import { checkDefinition } from "../../src/checks/catalogue.ts";
import { defaultRuleSetFile, loadRuleSet, parseRuleSet } from "../../src/rules/ruleSet.ts";
import { scoreSite, type ScoreInput } from "../../src/rules/engine.ts";
import type { RuleSet } from "../../src/rules/types.ts";
import type { SiteResult } from "../../src/rules/result.ts";

export const site = "http://www.x.gov.cn";
export const asOf = new Date("2026-11-20T10:00:00+08:00");
export const national2019 = loadRuleSet(defaultRuleSetFile);

let serial = 0;

/** A finding of a catalogue check; each call is a distinct problem (its own URL). */
export function finding(
  check: string,
  severity: Severity,
  confidence: Confidence = "confirmed",
  extra: Partial<FindingDraft> = {},
): Finding {
  serial += 1;
  return stampFinding(
    {
      check,
      indicator: checkDefinition(check).indicator,
      site,
      url: `${site}/page-${serial}.html`,
      locator: "test",
      message: `${checkDefinition(check).title}（测试 ${serial}）`,
      evidence: {},
      severity,
      confidence,
      ...extra,
    },
    asOf,
  );
}

export function stamp(drafts: FindingDraft[]): Finding[] {
  return drafts.map((draft) => stampFinding(draft, asOf));
}

export function score(findings: Finding[], options: Partial<ScoreInput> = {}): SiteResult {
  return scoreSite({
    report: { site, findings },
    kind: "portal",
    asOf,
    ruleSet: national2019,
    ...options,
  });
}

/** national-2019 changed by `edit`, validated as a file would be. */
export function variant(edit: (copy: RuleSet) => void): RuleSet {
  const copy = structuredClone(national2019);
  edit(copy);
  return parseRuleSet(copy, "测试变体.json");
}
