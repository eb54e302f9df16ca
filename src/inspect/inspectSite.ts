import type { Clock } from "../core/clock.ts";
import { readDataList } from "../core/dataFiles.ts";
import type { Finding, FindingDraft } from "../core/finding.ts";
import { stampFinding } from "../core/fingerprint.ts";
import { hiddenLinkFindings } from "../checks/hiddenLinks.ts";
import { linkFindings } from "../checks/links.ts";
import { homepageFindings } from "../checks/site.ts";
import { trapFindings } from "../checks/traps.ts";
import { crawlSite, type CrawlConfig, type CrawlStats } from "../crawl/crawler.ts";
import { originOf } from "../crawl/normalize.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { RobotsCache } from "../fetch/robots.ts";
import { countBy } from "../report/counts.ts";
import { severityOrder, type SiteReport } from "../report/schema.ts";
import { siteFactsOf } from "./siteFacts.ts";

export interface SiteInspection {
  fetcher: Fetcher;
  robots: RobotsCache;
  clock: Clock;
  crawl: Omit<CrawlConfig, "homepage">;
  onProgress?(site: string, stats: Readonly<CrawlStats>): void;
}

let trustedHosts: ReadonlySet<string> | undefined;
function loadTrustedHosts(): ReadonlySet<string> {
  trustedHosts ??= new Set(readDataList("trusted-hosts.txt"));
  return trustedHosts;
}

/**
 * The one-shot pipeline for one site, in memory: crawl → checks → findings. Page checks run as each
 * page arrives, so no page model outlives its own checks.
 */
export async function inspectSite(homepageUrl: string, run: SiteInspection): Promise<SiteReport> {
  const site = originOf(homepageUrl);
  const drafts: FindingDraft[] = [];
  const trusted = loadTrustedHosts();
  const outcome = await crawlSite(
    run.fetcher,
    run.robots,
    { ...run.crawl, homepage: homepageUrl },
    {
      onPage(crawled, scopeHosts) {
        if (!crawled.page) return;
        drafts.push(...hiddenLinkFindings(crawled.page, { site, scopeHosts, trustedHosts: trusted }));
      },
      onProgress: (stats) => run.onProgress?.(site, stats),
    },
  );
  drafts.push(...homepageFindings(site, homepageUrl, outcome.homepage));
  drafts.push(...linkFindings(site, outcome.links.unhealthy()));
  drafts.push(...trapFindings(site, outcome.traps));
  const seenAt = run.clock.now();
  const findings = mergeRepeats(drafts.map((draft) => stampFinding(draft, seenAt))).sort(
    (a, b) =>
      severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) || a.check.localeCompare(b.check),
  );
  return {
    site,
    reachable: outcome.reachable,
    facts: siteFactsOf(homepageUrl, outcome),
    stats: { ...outcome.stats, durationMs: outcome.durationMs },
    findings,
    counts: {
      bySeverity: countBy(findings, (finding) => finding.severity),
      byCheck: countBy(findings, (finding) => finding.check),
      byConfidence: countBy(findings, (finding) => finding.confidence),
    },
  };
}

const maxPagesListed = 20;

/**
 * A page check fires once per page, but a link injected into a template is on every page: one
 * problem, listing the pages (evidence.pages) and how many there were (evidence.pageCount).
 */
function mergeRepeats(findings: Finding[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const finding of findings) {
    const page = finding.evidence.page;
    const existing = merged.get(finding.fingerprint);
    if (!existing) {
      if (typeof page === "string") finding.evidence = { ...finding.evidence, pages: [page], pageCount: 1 };
      merged.set(finding.fingerprint, finding);
      continue;
    }
    if (typeof page !== "string") continue;
    const pages = existing.evidence.pages as string[];
    if (pages.length < maxPagesListed && !pages.includes(page)) pages.push(page);
    existing.evidence.pageCount = (existing.evidence.pageCount as number) + 1;
  }
  return [...merged.values()];
}
