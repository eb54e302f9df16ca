import type { InteractionSummary } from "../checks/interaction.ts";
import type { RuleSetRef, SiteResult } from "../rules/result.ts";
import type { StandardsFacts } from "../inspect/siteStandards.ts";
import type { InterpretationSummary } from "../checks/policyInterpretation.ts";
import type { ServiceSummary } from "../checks/serviceGuide.ts";
import type { Finding, Severity } from "../core/finding.ts";
import type { UpdateWindow } from "../core/chinaDate.ts";
import type { AvailabilitySummary } from "../checks/availability.ts";
import type { SiteColumn } from "../checks/columnModel.ts";
import type { ColumnTotals, ColumnVerdict } from "../checks/freshness.ts";
import type { HomepageFreshness } from "../checks/homepageFreshness.ts";
import type { CrawlStats } from "../crawl/crawler.ts";
import type { RedirectHop, TlsFacts } from "../fetch/types.ts";

/**
 * The JSON report of `zhijian inspect` (docs/report-schema.md). Other tools read it: change it only
 * compatibly (add optional fields) or bump schemaVersion.
 */
export const reportSchemaVersion = 1;

export interface SiteFacts {
  /** The URL given to inspect. */
  homepage: string;
  /** Where the homepage ended after redirects. */
  finalUrl: string;
  status: number;
  error: { code: string; message: string } | null;
  redirects: RedirectHop[];
  responseMs: number | null;
  contentType: string | null;
  server: string | null;
  charset: { name: string; source: string } | null;
  title: string | null;
  lang: string | null;
  /** Every meta tag of the homepage by name (SiteName, SiteDomain, SiteIDCode, keywords…). */
  meta: Record<string, string>;
  tls: TlsFacts | null;
  /** Hosts crawled as part of the site. */
  scopeHosts: string[];
  sitemaps: string[];
  /** What the page-standard checks learnt: transport, domain, search (issue 5; absent if unreachable). */
  standards?: StandardsFacts;
}

export interface SiteStats extends CrawlStats {
  durationMs: number;
}

export type Counts = Partial<Record<string, number>>;

/** One column (栏目) as the inspection saw and judged it. */
export interface ColumnReport extends Omit<SiteColumn, "future" | "windowOverride"> {
  futureItems: number;
  verdict: ColumnVerdict;
  reason: string;
  /** Counts in V4-1 (动态要闻, first-level 通知公告/政策文件). */
  key: boolean;
  window: UpdateWindow | null;
  since: string | null;
}

export interface FreshnessReport {
  /** null when the homepage could not be read. */
  homepage: (HomepageFreshness & { navigationOnly: boolean }) | null;
  columns: ColumnTotals;
  /** Article pages whose publish date was read. */
  articlesDated: number;
  /** Pages past the list-page budget (2000) that no menu or pager named, so not analysed as lists. */
  listPagesSkipped: number;
  /** Pages whose column or date analysis failed (a bug or a page beyond repair); the crawl went on. */
  pagesNotAnalysed: { url: string; error: string }[];
}

export interface SiteReport {
  site: string;
  reachable: boolean;
  facts: SiteFacts;
  stats: SiteStats;
  findings: Finding[];
  /** The homepage probe series judged over the window (only with `inspect --probes`). */
  availability?: AvailabilitySummary;
  /** Attachments whose text was read for privacy leaks and spam (only with content checks). */
  attachments?: { read: number; skipped: number; unread: { url: string; reason: string }[] };
  /** The site's columns with their verdicts (added in issue 3; absent in older reports). */
  columns?: ColumnReport[];
  freshness?: FreshnessReport;
  /** Consultation channels and letters with their reply times (added in issue 5). */
  interaction?: InteractionSummary;
  /** Service guides read and the site's service-platform entries (issue 5). */
  services?: ServiceSummary;
  /** Policy documents, their interpretations and how they link (issue 5). */
  interpretation?: InterpretationSummary;
  /** The verdict and score under the inspection's rule set, with the reasons (issue 6). */
  result?: SiteResult;
  counts: { bySeverity: Counts; byCheck: Counts; byConfidence: Counts };
}

export interface InspectionReport {
  schemaVersion: typeof reportSchemaVersion;
  tool: { name: "zhijian"; version: string };
  generatedAt: string;
  /** The inspection's time point; every time rule is judged against it. */
  asOf: string;
  settings: {
    maxPages: number;
    maxDepth: number;
    respectRobots: boolean;
    checkExternal: boolean;
    userAgent: string;
    maxConcurrencyPerHost: number;
    minIntervalMs: number;
    timeoutMs: number;
  };
  /** The rule set the sites were scored with (issue 6). */
  ruleSet?: RuleSetRef;
  sites: SiteReport[];
  totals: { sites: number; reachable: number; findings: number; bySeverity: Counts };
}

export const severityOrder: readonly Severity[] = ["veto", "deduct", "warn", "info"];
