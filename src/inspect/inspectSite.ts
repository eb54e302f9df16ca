import type { Clock } from "../core/clock.ts";
import { readDataList } from "../core/dataFiles.ts";
import type { Finding, FindingDraft } from "../core/finding.ts";
import { stampFinding } from "../core/fingerprint.ts";
import {
  availabilityFindings,
  summariseAvailability,
  type AvailabilityPolicy,
  type ProbeSample,
} from "../checks/availability.ts";
import { externalScriptFindings } from "../checks/externalScripts.ts";
import { hiddenLinkFindings } from "../checks/hiddenLinks.ts";
import { linkFindings } from "../checks/links.ts";
import { homepageFindings } from "../checks/site.ts";
import { trapFindings } from "../checks/traps.ts";
import { crawlSite, defaultLinkCycleDays, type CrawlConfig, type CrawlStats } from "../crawl/crawler.ts";
import { isHealthy, type LinkCheckMemory, type LinkTable } from "../crawl/linkTable.ts";
import { hostOf, originOf } from "../crawl/normalize.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { RobotsCache } from "../fetch/robots.ts";
import { siteCounts } from "../report/counts.ts";
import { severityOrder, type SiteReport } from "../report/schema.ts";
import type { LinkState } from "./columnTree.ts";
import { freshnessOf, type FreshnessPolicies } from "./freshnessReport.ts";
import { key, PageDigests } from "./pageDigests.ts";
import { settingsFor, type SiteConfig } from "./siteConfig.ts";
import { siteFactsOf } from "./siteFacts.ts";
import { scanAttachments, type AttachmentBudget } from "./attachmentContent.ts";
import { cloakingCheck } from "./cloaking.ts";
import { PageContentChecks, type TextMemory } from "./pageContent.ts";
import { SiteSurveys } from "./siteSurveys.ts";
import type { IdentityReference } from "../checks/identityReference.ts";
import { standardsChecks, type StandardsOptions } from "./siteStandards.ts";
import type { ContentScanner } from "../text/contentScanner.ts";
import { freshnessMs } from "./linkCycle.ts";

export interface SiteInspection {
  fetcher: Fetcher;
  robots: RobotsCache;
  clock: Clock;
  crawl: Omit<CrawlConfig, "homepage">;
  siteConfig: SiteConfig;
  freshness: FreshnessPolicies;
  /** This site's homepage probes (`--probes`), judged over the availability window. */
  probes?: readonly ProbeSample[];
  availability: AvailabilityPolicy;
  /** Text checks (typos, lexicons, privacy); absent: no content checks. */
  content?: SiteContentChecks;
  /** Incremental crawls: what the previous crawl remembered and where this one's memory goes. */
  cache?: SiteCache;
  /** The post-crawl probes of the page standards (search, --a11y). */
  standards: StandardsOptions;
  /** Division codes and province abbreviations that 标识码 and filing numbers are read against. */
  identity: IdentityReference;
  onProgress?(site: string, stats: Readonly<CrawlStats>): void;
}

export interface SiteContentChecks {
  scanner: ContentScanner;
  attachments: AttachmentBudget;
  /** The scanner's identity (version, lexicons, allow-list): remembered findings of another differ. */
  scannerTag: string;
}

/** What one crawl of a site remembers for the next: text findings per URL, healthy link checks. */
export interface SiteMemory {
  texts: Map<string, TextMemory>;
  links: Map<string, LinkCheckMemory>;
}

export interface SiteCache {
  /** The previous crawl's memory; absent: everything is checked afresh. */
  previous?: SiteMemory;
  /** Receives this crawl's memory; not called when the site was unreachable (nothing learned). */
  remember(memory: SiteMemory): void;
}

const dayMs = 86_400_000;

let trustedHosts: ReadonlySet<string> | undefined;
function loadTrustedHosts(): ReadonlySet<string> {
  trustedHosts ??= new Set(readDataList("trusted-hosts.txt"));
  return trustedHosts;
}

let scriptHosts: ReadonlySet<string> | undefined;
/** Hosts a page may load scripts and frames from: the trusted ones and common services. */
function loadScriptHosts(): ReadonlySet<string> {
  scriptHosts ??= new Set([...loadTrustedHosts(), ...readDataList("service-hosts.txt")]);
  return scriptHosts;
}

/**
 * The one-shot pipeline for one site, in memory: crawl → checks → findings. Page checks run as each
 * page arrives, so no page model outlives its own checks.
 */
export async function inspectSite(homepageUrl: string, run: SiteInspection): Promise<SiteReport> {
  const site = originOf(homepageUrl);
  const drafts: FindingDraft[] = [];
  const trusted = loadTrustedHosts();
  const asOf = run.clock.now();
  const digests = new PageDigests(asOf);
  let scope: ReadonlySet<string> = new Set();
  const inScope = (url: string): boolean => scope.has(hostOf(url));
  const settings = settingsFor(run.siteConfig, homepageUrl);
  const previous = run.cache?.previous;
  const content =
    run.content &&
    new PageContentChecks(site, run.content.scanner, settings.allow, run.content.scannerTag, previous?.texts);
  const linkCycleMs = (run.crawl.linkCycleDays ?? defaultLinkCycleDays) * dayMs;
  const surveys = new SiteSurveys(site);
  const outcome = await crawlSite(
    run.fetcher,
    run.robots,
    { ...run.crawl, homepage: homepageUrl },
    {
      onPage(crawled, scopeHosts) {
        if (!crawled.page) return;
        scope = scopeHosts;
        drafts.push(...hiddenLinkFindings(crawled.page, { site, scopeHosts, trustedHosts: trusted }));
        drafts.push(
          ...externalScriptFindings(crawled.page, { site, scopeHosts, trustedHosts: loadScriptHosts() }),
        );
        const kind = digests.add(crawled, inScope);
        drafts.push(...surveys.onPage(crawled, kind, inScope));
        if (content) drafts.push(...content.check(crawled.page));
      },
      onProgress: (stats) => run.onProgress?.(site, stats),
      ...(previous
        ? {
            recentCheck: (url: string) => {
              const check = previous.links.get(url);
              return check && asOf.getTime() - Date.parse(check.checkedAt) < freshnessMs(url, linkCycleMs)
                ? check
                : undefined;
            },
          }
        : {}),
    },
  );
  drafts.push(...homepageFindings(site, homepageUrl, outcome.homepage));
  drafts.push(...linkFindings(site, outcome.links.unhealthy()));
  drafts.push(...trapFindings(site, outcome.traps));
  scope = new Set(outcome.scope);
  const homepageUrlFinal = outcome.homepage?.finalUrl ?? homepageUrl;
  const freshness = freshnessOf({
    site,
    homepageUrl: homepageUrlFinal,
    reachable: outcome.reachable,
    digests,
    linkState: (url) => linkStateOf(outcome.links, url),
    inScope,
    settings,
    asOf,
    policies: run.freshness,
  });
  drafts.push(...freshness.findings);
  const surveyed = outcome.reachable
    ? surveys.finish(outcome, homepageUrlFinal, freshness.columns, asOf)
    : undefined;
  if (surveyed) drafts.push(...surveyed.findings);
  const standards =
    outcome.reachable && outcome.homepage?.page
      ? await standardsChecks({
          site,
          homepageUrl,
          outcome,
          fetcher: run.fetcher,
          fetch: run.fetcher.options,
          settings,
          asOf,
          options: run.standards,
          identity: run.identity,
        })
      : undefined;
  if (standards) drafts.push(...standards.findings);
  const attachments =
    run.content &&
    (await scanAttachments(site, outcome.links, run.fetcher, run.content.scanner, run.content.attachments, {
      scanner: run.content.scannerTag,
      previous: previous?.texts,
    }));
  if (run.content && outcome.reachable) {
    const scanner = run.content.scanner;
    drafts.push(
      ...(await cloakingCheck(run.fetcher, outcome.homepage!.finalUrl, {
        site,
        scopeHosts: scope,
        trustedHosts: trusted,
        spam: (text) => scanner.scanHidden(text),
      })),
    );
  }
  if (attachments)
    drafts.push(
      ...attachments.findings.filter((finding) => !settings.allow.includes(String(finding.evidence.found))),
    );
  if (run.cache && outcome.reachable) {
    run.cache.remember({
      texts: new Map([...(content?.memory ?? []), ...(attachments?.memory ?? [])]),
      links: new Map(outcome.links.healthyChecks(asOf.toISOString())),
    });
  }
  const availability = run.probes ? summariseAvailability(run.probes, asOf, run.availability) : undefined;
  if (availability) drafts.push(...availabilityFindings(site, homepageUrl, availability));
  const seenAt = run.clock.now();
  const findings = mergeRepeats(drafts.map((draft) => stampFinding(draft, seenAt))).sort(
    (a, b) =>
      severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) || a.check.localeCompare(b.check),
  );
  return {
    site,
    reachable: outcome.reachable,
    facts: { ...siteFactsOf(homepageUrl, outcome), ...(standards ? { standards: standards.facts } : {}) },
    stats: { ...outcome.stats, durationMs: outcome.durationMs },
    findings,
    ...(availability ? { availability } : {}),
    columns: freshness.columns,
    ...(attachments
      ? { attachments: { read: attachments.read, skipped: attachments.skipped, unread: attachments.unread } }
      : {}),
    freshness: freshness.freshness,
    ...surveyed?.reports,
    counts: siteCounts(findings),
  };
}

function linkStateOf(links: LinkTable, url: string): LinkState {
  const probe = links.get(key(url))?.probe;
  if (probe === undefined) return { state: "unknown" };
  if (isHealthy(probe)) return { state: "ok", finalUrl: probe.finalUrl };
  return { state: "broken", status: probe.status, ...(probe.error ? { error: probe.error.code } : {}) };
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
