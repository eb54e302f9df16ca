/**
 * The inspection of a period (e.g. 2026年第四季度) from stored data only: each site's latest finished
 * crawl in the period, its availability judged again on all the period's probes, re-scored with the
 * rule set, and recorded as a 定期 inspection.
 */
import {
  availabilityFindings,
  national2019Availability,
  summariseAvailability,
  type ProbeSample,
} from "../checks/availability.ts";
import { stampFinding } from "../core/fingerprint.ts";
import { scoreInspectedSite } from "../inspect/siteScore.ts";
import { assembleReport, reportSettings, siteCounts } from "../report/counts.ts";
import { severityOrder, type InspectionReport, type SiteReport } from "../report/schema.ts";
import { ruleSetRef } from "../rules/ruleSet.ts";
import { latestFinishedCrawls } from "../store/crawlRepository.ts";
import { recordInspection, type RecordedInspection } from "../store/inspectionRepository.ts";
import { probeRecords } from "../store/probeRepository.ts";
import { getSite, listSites } from "../store/siteRepository.ts";
import type { JobContext } from "./context.ts";
import { periodWindow } from "./period.ts";
import { withRegistry } from "./siteInspection.ts";

export interface PeriodJobData {
  period: string;
}

const dayMs = 86_400_000;
const availabilityCheck = "site.availability";

export async function runPeriodInspection(ctx: JobContext, data: PeriodJobData): Promise<RecordedInspection> {
  const window = periodWindow(data.period);
  const now = ctx.clock.now();
  if (now < window.from) throw new Error(`检查期间“${data.period}”尚未开始`);
  // A finished period is judged at its end; one still running, at this moment.
  const asOf = now < window.to ? now : new Date(window.to.getTime() - 1);
  const stored = { from: window.from, to: asOf };
  const crawls = await latestFinishedCrawls(ctx.db, stored);
  if (crawls.length === 0) throw new Error(`检查期间“${data.period}”内没有已完成的网站抓取，无法汇总检查`);
  const probes = await probeRecords(
    ctx.db,
    stored,
    crawls.map((crawl) => crawl.siteId),
  );
  const policy = {
    ...national2019Availability,
    windowDays: Math.max(1, Math.ceil((asOf.getTime() - window.from.getTime()) / dayMs)),
  };
  const sites: SiteReport[] = [];
  for (const crawl of crawls) {
    const site = await getSite(ctx.db, crawl.siteId);
    if (site === undefined) continue;
    const parent = site.parentId === null ? undefined : await getSite(ctx.db, site.parentId);
    const series = probes.filter((probe) => probe.siteId === site.id).map(({ record }) => record);
    const report = rejudgeAvailability(crawl.report, series, asOf, policy);
    report.result = scoreInspectedSite(
      report,
      { ruleSet: ctx.ruleSet, manual: [] },
      withRegistry(ctx.siteConfig, site, parent),
      asOf,
    );
    sites.push(report);
  }
  const recorded = await recordInspection(ctx.db, periodReport(ctx, sites, asOf), data.period, {
    kind: "定期",
  });
  const running = (await listSites(ctx.db)).filter((site) => site.status === "运行");
  const uncovered = running.filter((site) => !crawls.some((crawl) => crawl.siteId === site.id));
  if (uncovered.length > 0) {
    ctx.log(
      `${data.period}内没有完成抓取、未纳入检查的网站：${uncovered.map((site) => site.name).join("、")}`,
    );
  }
  ctx.log(
    `${data.period}检查完成：${sites.length} 个网站，${recorded.findings} 条问题，检查记录 ${recorded.inspectionId}`,
  );
  return recorded;
}

/** The crawl's findings with its availability verdict replaced by one over the period's probes. */
function rejudgeAvailability(
  crawled: SiteReport,
  series: ProbeSample[],
  asOf: Date,
  policy: typeof national2019Availability,
): SiteReport {
  const summary = summariseAvailability(series, asOf, policy);
  const findings = [
    ...crawled.findings.filter((finding) => finding.check !== availabilityCheck),
    ...availabilityFindings(crawled.site, crawled.facts.homepage, summary).map((draft) =>
      stampFinding(draft, asOf),
    ),
  ].sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
  return {
    ...crawled,
    findings,
    availability: summary,
    counts: siteCounts(findings),
  };
}

function periodReport(ctx: JobContext, sites: SiteReport[], asOf: Date): InspectionReport {
  return assembleReport({
    generatedAt: new Date(),
    asOf,
    settings: reportSettings(ctx.crawl, ctx.fetch),
    ruleSet: ruleSetRef(ctx.ruleSet),
    sites,
  });
}
