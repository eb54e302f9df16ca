/**
 * Turns one crawl's page digests into the site's column table, homepage freshness and date findings:
 * the site-level half of 首页不更新, 栏目不更新, 空白栏目 and 时间穿越.
 */
import { chinaDay } from "../core/chinaDate.ts";
import type { FindingDraft } from "../core/finding.ts";
import type { ColumnItem, SiteColumn } from "../checks/columnModel.ts";
import {
  assessColumn,
  columnFreshnessFindings,
  columnTotals,
  national2019ColumnFreshness,
  type ColumnAssessment,
  type ColumnFreshnessPolicy,
} from "../checks/freshness.ts";
import {
  assessHomepage,
  homepageFreshnessFindings,
  national2019HomepageFreshness,
  type HomepageDates,
  type HomepageFreshnessPolicy,
} from "../checks/homepageFreshness.ts";
import { timeTravelFindings } from "../checks/timeTravel.ts";
import type { ColumnReport, FreshnessReport } from "../report/schema.ts";
import { assembleColumns, type LinkState } from "./columnTree.ts";
import type { PageDigests } from "./pageDigests.ts";
import type { SiteSettings } from "./siteConfig.ts";

export interface FreshnessPolicies {
  columns: ColumnFreshnessPolicy;
  homepage: HomepageFreshnessPolicy;
  /** List pages read per column, the first included. */
  maxListPages: number;
}

export const defaultFreshnessPolicies: FreshnessPolicies = {
  columns: national2019ColumnFreshness,
  homepage: national2019HomepageFreshness,
  maxListPages: 3,
};

export interface FreshnessInput {
  site: string;
  homepageUrl: string;
  reachable: boolean;
  digests: PageDigests;
  linkState(url: string): LinkState;
  inScope(url: string): boolean;
  settings: SiteSettings;
  asOf: Date;
  policies: FreshnessPolicies;
}

/** A homepage with fewer item links than this and no dated list is a navigation entry (导航页). */
const navigationOnlyBelow = 5;

export function freshnessOf(input: FreshnessInput): {
  findings: FindingDraft[];
  columns: ColumnReport[];
  freshness: FreshnessReport;
} {
  const { columns, listed } = assembleColumns({ ...input, maxListPages: input.policies.maxListPages });
  const assessments = columns.map((column) => assessColumn(column, input.asOf, input.policies.columns));
  const totals = columnTotals(columns, assessments, input.policies.columns);
  const findings = columnFreshnessFindings(input.site, columns, assessments, totals);

  const homepageDates = homepageDatesOf(input);
  let homepage: FreshnessReport["homepage"] = null;
  if (input.reachable && homepageDates !== null) {
    const firstLevel = columns.filter((column) => column.level === 1 && column.state === "read");
    const result = assessHomepage(homepageDates, firstLevel, input.asOf, input.policies.homepage);
    homepage = { ...result, navigationOnly: homepageDates.navigationOnly };
    findings.push(...homepageFreshnessFindings(input.site, homepageDates, result, input.policies.homepage));
  }
  findings.push(...timeTravelFindings(input.site, listed, input.digests.articles, input.asOf));
  return {
    findings,
    columns: columns.map((column, index) => columnReport(column, assessments[index]!)),
    freshness: {
      homepage,
      columns: totals,
      articlesDated: input.digests.articles.size,
      listPagesSkipped: input.digests.skipped,
      pagesNotAnalysed: input.digests.failures,
    },
  };
}

function homepageDatesOf(input: FreshnessInput): HomepageDates | null {
  const digest = input.digests.homepage;
  if (digest === null) return null;
  const today = chinaDay(input.asOf);
  let newest: ColumnItem | null = null;
  let datedRows = 0;
  for (const item of [...digest.list.items, ...digest.otherDated]) {
    if (item.date === null) continue;
    datedRows += 1;
    if (item.date <= today && (newest === null || item.date > newest.date!)) newest = item;
  }
  const itemRows = Math.max(digest.list.itemCount, digest.itemLinks);
  const navigationOnly =
    input.settings.homepage === "navigation" ||
    (input.settings.homepage === undefined && datedRows === 0 && digest.itemLinks < navigationOnlyBelow);
  return {
    url: digest.url,
    newest: newest && {
      title: newest.title,
      url: newest.url,
      date: newest.date,
      dateText: newest.dateText,
      yearInferred: newest.yearInferred,
    },
    itemRows,
    datedRows,
    navigationOnly,
  };
}

function columnReport(column: SiteColumn, assessment: ColumnAssessment): ColumnReport {
  const { future, windowOverride: _override, ...rest } = column;
  return {
    ...rest,
    futureItems: future.length,
    verdict: assessment.verdict,
    reason: assessment.reason,
    key: assessment.key,
    window: assessment.window,
    since: assessment.since,
  };
}
