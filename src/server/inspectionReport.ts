/**
 * An InspectionReport rebuilt from what the store keeps of an inspection, so the Word and Excel
 * problem lists (src/report/docx.ts, xlsx.ts) lay out a stored inspection exactly as they lay out
 * `zhijian inspect`'s report. The facts come from the crawl the inspection used when the jobs kept
 * it, else from the registry (name, homepage, 标识码); crawl settings and statistics are not stored
 * and are left empty. Sites without a scoring result cannot be listed and are left out.
 */
import type { Finding } from "../core/finding.ts";
import { emptyCrawlStats } from "../crawl/crawler.ts";
import { assembleReport, siteCounts } from "../report/counts.ts";
import { type InspectionReport, type SiteFacts, type SiteReport } from "../report/schema.ts";
import type { SiteResult } from "../rules/result.ts";
import type { Site } from "../store/siteRepository.ts";

export interface StoredSiteResult {
  site: Site;
  reachable: boolean;
  result: SiteResult;
  findings: Finding[];
  /** The crawl's own report, when kept. */
  crawl: SiteReport | undefined;
}

function registryFacts(site: Site): SiteFacts {
  return {
    homepage: site.homepage,
    finalUrl: site.homepage,
    status: 0,
    error: null,
    redirects: [],
    responseMs: null,
    contentType: null,
    server: null,
    charset: null,
    title: site.name,
    lang: null,
    meta: { SiteName: site.name, ...(site.siteIdCode ? { SiteIDCode: site.siteIdCode } : {}) },
    tls: null,
    scopeHosts: [],
    sitemaps: [],
  };
}

export function reportOfInspection(
  inspection: { asOf: Date; startedAt: Date; finishedAt: Date | null },
  stored: readonly StoredSiteResult[],
): InspectionReport {
  const sites: SiteReport[] = stored.map(({ site, reachable, result, findings, crawl }) => ({
    site: result.site,
    reachable,
    facts: crawl?.facts ?? registryFacts(site),
    stats: crawl?.stats ?? { ...emptyCrawlStats(), durationMs: 0 },
    findings: findings.map((finding) => ({ ...finding, site: result.site })),
    result,
    counts: siteCounts(findings),
  }));
  // The settings the sites were crawled with are not stored with the inspection: stated as zeros.
  return assembleReport({
    generatedAt: inspection.finishedAt ?? inspection.startedAt,
    asOf: inspection.asOf,
    settings: {
      maxPages: 0,
      maxDepth: 0,
      respectRobots: true,
      checkExternal: false,
      userAgent: "",
      maxConcurrencyPerHost: 0,
      minIntervalMs: 0,
      timeoutMs: 0,
    },
    ...(stored[0] === undefined ? {} : { ruleSet: stored[0].result.ruleSet }),
    sites,
  });
}
