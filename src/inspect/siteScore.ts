/**
 * Scores one inspected site against the rule set (issue 6): the kind comes from the site
 * configuration, else from the host (www.x.gov.cn is a portal, anything else a department site).
 */
import type { ManualFinding } from "../rules/manual.ts";
import { manualFindingsFor } from "../rules/manual.ts";
import { scoreSite } from "../rules/engine.ts";
import type { SiteKind, SiteResult } from "../rules/result.ts";
import type { RuleSet } from "../rules/types.ts";
import type { SiteReport } from "../report/schema.ts";
import { settingsFor, type SiteConfig } from "./siteConfig.ts";

export interface Scoring {
  ruleSet: RuleSet;
  /** The inspector's manual findings for any of the sites (`--manual FILE`). */
  manual: readonly ManualFinding[];
}

export function scoreInspectedSite(
  report: SiteReport,
  scoring: Scoring,
  siteConfig: SiteConfig,
  asOf: Date,
): SiteResult {
  const settings = settingsFor(siteConfig, report.site);
  return scoreSite({
    report,
    kind: settings.kind ?? kindFromHost(report.site),
    asOf,
    ruleSet: scoring.ruleSet,
    manual: manualFindingsFor(report.site, scoring.manual),
    ...(settings.noExternalServices ? { noExternalServices: true } : {}),
  });
}

function kindFromHost(site: string): SiteKind {
  return new URL(site).hostname.startsWith("www.") ? "portal" : "department";
}
