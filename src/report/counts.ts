import type { Finding } from "../core/finding.ts";
import { toolVersion } from "../core/version.ts";
import type { CrawlConfig } from "../crawl/crawler.ts";
import type { FetchOptions } from "../fetch/types.ts";
import type { RuleSetRef } from "../rules/result.ts";
import { reportSchemaVersion, type Counts, type InspectionReport, type SiteReport } from "./schema.ts";

export function countBy(findings: readonly Finding[], key: (finding: Finding) => string): Counts {
  const counts: Counts = {};
  for (const finding of findings) {
    const name = key(finding);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** A site's findings counted the three ways a SiteReport states them. */
export function siteCounts(findings: readonly Finding[]): SiteReport["counts"] {
  return {
    bySeverity: countBy(findings, (finding) => finding.severity),
    byCheck: countBy(findings, (finding) => finding.check),
    byConfidence: countBy(findings, (finding) => finding.confidence),
  };
}

/**
 * An inspection report around its sites' reports, however they were made (a one-shot crawl, a
 * period's stored crawls, an export from the store), so the totals are computed in one way only.
 */
export function assembleReport(parts: {
  generatedAt: Date;
  asOf: Date;
  settings: InspectionReport["settings"];
  ruleSet?: RuleSetRef;
  sites: SiteReport[];
}): InspectionReport {
  const findings = parts.sites.flatMap((site) => site.findings);
  return {
    schemaVersion: reportSchemaVersion,
    tool: { name: "zhijian", version: toolVersion },
    generatedAt: parts.generatedAt.toISOString(),
    asOf: parts.asOf.toISOString(),
    settings: parts.settings,
    ...(parts.ruleSet === undefined ? {} : { ruleSet: parts.ruleSet }),
    sites: parts.sites,
    totals: {
      sites: parts.sites.length,
      reachable: parts.sites.filter((site) => site.reachable).length,
      findings: findings.length,
      bySeverity: countBy(findings, (finding) => finding.severity),
    },
  };
}

/** The crawl and fetch settings a report states, from the options the sites were crawled with. */
export function reportSettings(
  crawl: Pick<CrawlConfig, "maxPages" | "maxDepth" | "respectRobots" | "checkExternal">,
  fetch: Pick<FetchOptions, "userAgent" | "maxConcurrencyPerHost" | "minIntervalMs" | "totalTimeoutMs">,
): InspectionReport["settings"] {
  return {
    maxPages: crawl.maxPages,
    maxDepth: crawl.maxDepth,
    respectRobots: crawl.respectRobots,
    checkExternal: crawl.checkExternal,
    userAgent: fetch.userAgent,
    maxConcurrencyPerHost: fetch.maxConcurrencyPerHost,
    minIntervalMs: fetch.minIntervalMs,
    timeoutMs: fetch.totalTimeoutMs,
  };
}
