import { readFile } from "node:fs/promises";
import type { Clock } from "../core/clock.ts";
import { toolVersion } from "../core/version.ts";
import type { CrawlConfig, CrawlStats } from "../crawl/crawler.ts";
import { Fetcher } from "../fetch/fetcher.ts";
import { RobotsCache } from "../fetch/robots.ts";
import type { FetchOptions } from "../fetch/types.ts";
import { assembleReport, reportSettings } from "../report/counts.ts";
import type { InspectionReport, SiteReport } from "../report/schema.ts";
import {
  national2019Availability,
  seriesBySite,
  type AvailabilityPolicy,
  type ProbeSample,
} from "../checks/availability.ts";
import { originOf } from "../crawl/normalize.ts";
import { defaultFreshnessPolicies, type FreshnessPolicies } from "./freshnessReport.ts";
import { createContentScanner } from "../text/contentScanner.ts";
import { extendIdentityReference, loadIdentityReference } from "../checks/identityReference.ts";
import { loadRuleSet, ruleSetRef } from "../rules/ruleSet.ts";
import { scoreInspectedSite, type Scoring } from "./siteScore.ts";
import { defaultStandardsOptions, type StandardsOptions } from "./siteStandards.ts";
import { defaultAttachmentBudget, type AttachmentBudget } from "./attachmentContent.ts";
import { inspectSite, type SiteMemory } from "./inspectSite.ts";
import { hashOf } from "./pageContent.ts";
import { emptySiteConfig, type SiteConfig } from "./siteConfig.ts";

export interface ContentOptions {
  /** Users' lexicons (txt/csv) added to the default spam lexicon. */
  lexiconFiles?: string[];
  /** Words never reported on any site. */
  allow?: string[];
  attachments?: AttachmentBudget;
}

/**
 * Incremental crawls (the monitoring jobs): what each site's previous crawl remembered, so unchanged
 * pages are not scanned again and recently healthy links not requested again, and this crawl's
 * memory handed back. Without it every site is checked in full (`zhijian inspect`).
 */
export interface InspectCache {
  /** The site's previous memory (by homepage URL as given); undefined: check everything. */
  recall(homepageUrl: string): SiteMemory | undefined;
  /** This crawl's memory of a reachable site. */
  remember(homepageUrl: string, memory: SiteMemory): void;
}

export interface InspectOptions {
  urls: string[];
  clock: Clock;
  fetch: FetchOptions;
  crawl: Omit<CrawlConfig, "homepage">;
  /** Sites inspected at the same time; politeness per host is unaffected. */
  siteConcurrency: number;
  /** Per-site overrides (column types, periods, navigation-only homepage). */
  siteConfig?: SiteConfig;
  freshness?: FreshnessPolicies;
  /** A homepage probe series (`zhijian probe --out`), for any of the sites. */
  probes?: readonly ProbeSample[];
  availability?: AvailabilityPolicy;
  /** Text checks on pages and attachments (on by default); false turns them off. */
  content?: ContentOptions | false;
  /** Post-crawl page-standard probes: the site search (on by default) and the axe audit (off). */
  standards?: Partial<StandardsOptions>;
  onProgress?(site: string, stats: Readonly<CrawlStats>): void;
  /** The rule set and manual findings every site is scored with (default: national-2019, none). */
  scoring?: Scoring;
  onSiteDone?(report: SiteReport): void;
  cache?: InspectCache;
}

/** Inspects each site with one shared fetcher (one pool and politeness state per host) and reports. */
export async function inspect(options: InspectOptions): Promise<InspectionReport> {
  const fetcher = new Fetcher(options.fetch);
  const robots = new RobotsCache(fetcher);
  const startedAt = options.clock.now();
  const content =
    options.content === false
      ? undefined
      : {
          scanner: await createContentScanner({
            asOf: startedAt,
            lexiconFiles: options.content?.lexiconFiles,
            allow: options.content?.allow,
          }),
          attachments: options.content?.attachments ?? defaultAttachmentBudget,
          scannerTag: await scannerTagOf(options.content || {}),
        };
  const reports: SiteReport[] = new Array(options.urls.length);
  const siteConfig = options.siteConfig ?? emptySiteConfig;
  const scoring = options.scoring ?? { ruleSet: loadRuleSet(), manual: [] };
  const identity = extendIdentityReference(loadIdentityReference(), options.siteConfig?.identity ?? {});
  const probesBySite = options.probes ? seriesBySite(options.probes) : undefined;
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < options.urls.length) {
        const index = next++;
        const url = options.urls[index]!;
        const cache = options.cache;
        const report = await inspectSite(url, {
          fetcher,
          robots,
          clock: options.clock,
          crawl: options.crawl,
          siteConfig,
          freshness: options.freshness ?? defaultFreshnessPolicies,
          probes: probesBySite ? (probesBySite.get(originOf(url)) ?? []) : undefined,
          availability: options.availability ?? national2019Availability,
          content,
          standards: { ...defaultStandardsOptions, ...options.standards },
          identity,
          onProgress: options.onProgress,
          ...(cache
            ? { cache: { previous: cache.recall(url), remember: (memory) => cache.remember(url, memory) } }
            : {}),
        });
        report.result = scoreInspectedSite(report, scoring, siteConfig, startedAt);
        reports[index] = report;
        options.onSiteDone?.(report);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.siteConcurrency) }, worker));
  } finally {
    await fetcher.close();
  }
  return assembleReport({
    generatedAt: new Date(),
    asOf: startedAt,
    settings: reportSettings(options.crawl, options.fetch),
    ruleSet: ruleSetRef(scoring.ruleSet),
    sites: reports,
  });
}

/** What the text checks' findings depend on besides the text: the code, the lexicons, the allow-list. */
async function scannerTagOf(content: ContentOptions): Promise<string> {
  const lexicons = await Promise.all((content.lexiconFiles ?? []).map((file) => readFile(file, "utf8")));
  return hashOf(JSON.stringify([toolVersion, lexicons, content.allow ?? []]));
}
