/**
 * The read side of the platform (issue 7, items 4 and 6): what the dashboard, the site pages and the
 * inspection pages show. Every query takes the caller's visible site ids (undefined: all sites), so
 * an owner's scope is applied in SQL, never by filtering a full answer afterwards.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, notInArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { checkCatalogue } from "../checks/catalogue.ts";
import { chinaDay } from "../core/chinaDate.ts";
import type { Finding } from "../core/finding.ts";
import type { ColumnReport, SiteReport } from "../report/schema.ts";
import type { SiteResult } from "../rules/result.ts";
import type { Db } from "./open.ts";
import { openStates } from "./problemRepository.ts";
import {
  findings,
  inspections,
  probes,
  problems,
  siteCrawls,
  siteResults,
  sites,
  type ProblemState,
} from "./schema.ts";
import type { Site } from "./siteRepository.ts";

/** Visible site ids; undefined means every site. */
export type SiteIds = number[] | undefined;

/** States a problem is finished in; every other state counts as open work. */
export const finishedStates: readonly ProblemState[] = ["已关闭", "已忽略"];

const inSites = (column: AnyPgColumn, siteIds: SiteIds): SQL | undefined =>
  siteIds === undefined ? undefined : inArray(column, siteIds);
const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
const countAll = () => sql<number>`count(*)`.mapWith(Number);

export interface LatestResult {
  inspectionId: number;
  verdict: "pass" | "fail" | null;
  score: number | null;
  reachable: boolean;
}

/** Each visible site's result in its most recent finished inspection. */
export async function latestResults(db: Db, siteIds: SiteIds): Promise<Map<number, LatestResult>> {
  const rows = await db
    .selectDistinctOn([siteResults.siteId], {
      siteId: siteResults.siteId,
      inspectionId: siteResults.inspectionId,
      verdict: siteResults.verdict,
      score: siteResults.score,
      reachable: siteResults.reachable,
    })
    .from(siteResults)
    .innerJoin(inspections, eq(inspections.id, siteResults.inspectionId))
    .where(and(eq(inspections.status, "已完成"), inSites(siteResults.siteId, siteIds)))
    .orderBy(siteResults.siteId, desc(inspections.finishedAt), desc(inspections.id));
  return new Map(rows.map(({ siteId, ...latest }) => [siteId, latest]));
}

/** Open problems per visible site. */
export async function openProblemCounts(db: Db, siteIds: SiteIds): Promise<Map<number, number>> {
  const rows = await db
    .select({ siteId: problems.siteId, count: countAll() })
    .from(problems)
    .where(and(notInArray(problems.state, [...finishedStates]), inSites(problems.siteId, siteIds)))
    .groupBy(problems.siteId);
  return new Map(rows.map((row) => [row.siteId, row.count]));
}

export async function siteProbes(db: Db, siteId: number, since: Date) {
  return db
    .select({
      at: probes.at,
      ok: probes.ok,
      status: probes.status,
      totalMs: probes.totalMs,
      errorCode: probes.errorCode,
    })
    .from(probes)
    .where(and(eq(probes.siteId, siteId), gte(probes.at, since)))
    .orderBy(asc(probes.at));
}

/** The columns the site's latest finished crawl reported; empty before any. */
export async function latestColumns(db: Db, siteId: number): Promise<ColumnReport[]> {
  const [crawl] = await db
    .select({ report: siteCrawls.report })
    .from(siteCrawls)
    .where(and(eq(siteCrawls.siteId, siteId), eq(siteCrawls.status, "已完成"), isNotNull(siteCrawls.report)))
    .orderBy(desc(siteCrawls.finishedAt), desc(siteCrawls.id))
    .limit(1);
  return (crawl?.report as Partial<SiteReport> | undefined)?.columns ?? [];
}

/** The findings one inspection recorded for one site, most severe first. */
export async function inspectionSiteFindings(db: Db, inspectionId: number, siteId: number) {
  return db
    .select({
      fingerprint: findings.fingerprint,
      check: findings.check,
      indicator: findings.indicator,
      severity: findings.severity,
      confidence: findings.confidence,
      url: findings.url,
      locator: findings.locator,
      message: findings.message,
      evidence: findings.evidence,
    })
    .from(findings)
    .where(and(eq(findings.inspectionId, inspectionId), eq(findings.siteId, siteId)))
    .orderBy(asc(findings.severity), asc(findings.id));
}

export interface InspectionSummary {
  id: number;
  kind: "定期" | "监测" | "复查";
  period: string;
  asOf: Date;
  status: "进行中" | "已完成" | "失败";
  finishedAt: Date | null;
  /** Counted over the visible sites only. */
  sites: number;
  passed: number;
  failed: number;
}

/** Inspections, newest first, with their results counted over the visible sites. */
export async function listInspections(db: Db, siteIds: SiteIds): Promise<InspectionSummary[]> {
  const joined = and(eq(siteResults.inspectionId, inspections.id), inSites(siteResults.siteId, siteIds));
  return db
    .select({
      id: inspections.id,
      kind: inspections.kind,
      period: inspections.period,
      asOf: inspections.asOf,
      status: inspections.status,
      finishedAt: inspections.finishedAt,
      sites: sql<number>`count(${siteResults.id})`.mapWith(Number),
      passed: countWhere(sql`${siteResults.verdict} = 'pass'`),
      failed: countWhere(sql`${siteResults.verdict} = 'fail'`),
    })
    .from(inspections)
    .leftJoin(siteResults, joined)
    .groupBy(inspections.id)
    .orderBy(desc(inspections.startedAt), desc(inspections.id));
}

export async function getInspection(db: Db, id: number) {
  const [inspection] = await db.select().from(inspections).where(eq(inspections.id, id));
  return inspection;
}

/** An inspection's results for the visible sites, with each site's registry record. */
export async function inspectionResults(
  db: Db,
  inspectionId: number,
  siteIds: SiteIds,
): Promise<
  {
    site: Site;
    reachable: boolean;
    verdict: "pass" | "fail" | null;
    score: number | null;
    result: SiteResult | null;
  }[]
> {
  return db
    .select({
      site: sites,
      reachable: siteResults.reachable,
      verdict: siteResults.verdict,
      score: siteResults.score,
      result: siteResults.result,
    })
    .from(siteResults)
    .innerJoin(sites, eq(sites.id, siteResults.siteId))
    .where(and(eq(siteResults.inspectionId, inspectionId), inSites(siteResults.siteId, siteIds)))
    .orderBy(asc(sites.id));
}

/** The findings of an inspection for the given sites, as the report stated them (site key: homepage origin). */
export async function inspectionFindings(
  db: Db,
  inspectionId: number,
  siteIds: number[],
): Promise<Map<number, Finding[]>> {
  const rows = await db
    .select()
    .from(findings)
    .where(and(eq(findings.inspectionId, inspectionId), inArray(findings.siteId, siteIds)))
    .orderBy(asc(findings.id));
  const bySite = new Map<number, Finding[]>();
  for (const row of rows) {
    const list = bySite.get(row.siteId) ?? [];
    list.push({
      check: row.check,
      ...(row.indicator === null ? {} : { indicator: row.indicator }),
      site: "",
      url: row.url,
      locator: row.locator,
      message: row.message,
      evidence: row.evidence,
      severity: row.severity,
      confidence: row.confidence,
      fingerprint: row.fingerprint,
      firstSeen: row.firstSeen.toISOString(),
      lastSeen: row.lastSeen.toISOString(),
    });
    bySite.set(row.siteId, list);
  }
  return bySite;
}

export interface InspectionPoint {
  inspectionId: number;
  period: string;
  kind: "定期" | "监测" | "复查";
  finishedAt: Date | null;
  passed: number;
  failed: number;
  passRate: number | null;
  problems: number;
}

export interface DashboardNumbers {
  sites: { total: number; running: number; portal: number; department: number };
  latestInspection: (Omit<InspectionPoint, "inspectionId" | "problems"> & { id: number }) | null;
  problems: {
    open: number;
    overdue: number;
    byState: Partial<Record<ProblemState, number>>;
    byIndicator: { indicator: string; label: string; count: number }[];
    bySeverity: Record<string, number>;
  };
  trend: {
    inspectionId: number;
    period: string;
    finishedAt: Date | null;
    passRate: number | null;
    problems: number;
  }[];
  availability: {
    siteId: number;
    name: string;
    probes: number;
    ok: number;
    rate: number;
    avgMs: number | null;
  }[];
}

/** Inspections shown in the trend: the most recent periods. */
const trendLength = 12;
const availabilityDays = 7;

/** The dashboard's numbers over the visible sites at `asOf` (error reports come from their own repository). */
export async function dashboardNumbers(db: Db, siteIds: SiteIds, asOf: Date): Promise<DashboardNumbers> {
  const [siteCounts, points, problemNumbers, availability] = await Promise.all([
    countSites(db, siteIds),
    periodicInspections(db, siteIds),
    problemCounts(db, siteIds, asOf),
    probeAvailability(db, siteIds, new Date(asOf.getTime() - availabilityDays * 86_400_000)),
  ]);
  const latest = points.at(-1);
  return {
    sites: siteCounts,
    latestInspection:
      latest === undefined
        ? null
        : {
            id: latest.inspectionId,
            period: latest.period,
            kind: latest.kind,
            finishedAt: latest.finishedAt,
            passed: latest.passed,
            failed: latest.failed,
            passRate: latest.passRate,
          },
    problems: problemNumbers,
    trend: points.slice(-trendLength).map((point) => ({
      inspectionId: point.inspectionId,
      period: point.period,
      finishedAt: point.finishedAt,
      passRate: point.passRate,
      problems: point.problems,
    })),
    availability,
  };
}

async function countSites(db: Db, siteIds: SiteIds): Promise<DashboardNumbers["sites"]> {
  const [row] = await db
    .select({
      total: countAll(),
      running: countWhere(sql`${sites.status} = '运行'`),
      portal: countWhere(sql`${sites.kind} = 'portal'`),
      department: countWhere(sql`${sites.kind} = 'department'`),
    })
    .from(sites)
    .where(inSites(sites.id, siteIds));
  return row!;
}

/** Finished periodic inspections with visible results, oldest first. */
async function periodicInspections(db: Db, siteIds: SiteIds): Promise<InspectionPoint[]> {
  const rows = await db
    .select({
      inspectionId: inspections.id,
      period: inspections.period,
      kind: inspections.kind,
      finishedAt: inspections.finishedAt,
      passed: countWhere(sql`${siteResults.verdict} = 'pass'`),
      failed: countWhere(sql`${siteResults.verdict} = 'fail'`),
    })
    .from(inspections)
    .innerJoin(siteResults, eq(siteResults.inspectionId, inspections.id))
    .where(
      and(
        eq(inspections.kind, "定期"),
        eq(inspections.status, "已完成"),
        inSites(siteResults.siteId, siteIds),
      ),
    )
    .groupBy(inspections.id)
    .orderBy(asc(inspections.finishedAt), asc(inspections.id));
  const ids = rows.map((row) => row.inspectionId);
  const findingCounts = new Map(
    (
      await db
        .select({ inspectionId: findings.inspectionId, count: countAll() })
        .from(findings)
        .where(and(inArray(findings.inspectionId, ids), inSites(findings.siteId, siteIds)))
        .groupBy(findings.inspectionId)
    ).map((row) => [row.inspectionId, row.count]),
  );
  return rows.map((row) => {
    const judged = row.passed + row.failed;
    return {
      ...row,
      passRate: judged === 0 ? null : row.passed / judged,
      problems: findingCounts.get(row.inspectionId) ?? 0,
    };
  });
}

const catalogueIndicator = new Map(checkCatalogue.map((check) => [check.id, check.indicator]));

async function problemCounts(db: Db, siteIds: SiteIds, asOf: Date): Promise<DashboardNumbers["problems"]> {
  const visible = inSites(problems.siteId, siteIds);
  const rows = await db
    .select({
      state: problems.state,
      severity: problems.severity,
      count: countAll(),
      overdue: countWhere(
        and(inArray(problems.state, [...openStates]), lt(problems.dueDate, chinaDay(asOf)))!,
      ),
    })
    .from(problems)
    .where(visible)
    .groupBy(problems.state, problems.severity);
  const byState: Partial<Record<ProblemState, number>> = {};
  const bySeverity: Record<string, number> = {};
  let open = 0;
  let overdue = 0;
  for (const row of rows) {
    byState[row.state] = (byState[row.state] ?? 0) + row.count;
    overdue += row.overdue;
    if (finishedStates.includes(row.state)) continue;
    open += row.count;
    bySeverity[row.severity] = (bySeverity[row.severity] ?? 0) + row.count;
  }
  // The indicator of an open problem is that of its latest finding (the catalogue's when it names none).
  const latest = await db
    .selectDistinctOn([findings.problemId], { check: findings.check, indicator: findings.indicator })
    .from(findings)
    .innerJoin(problems, eq(problems.id, findings.problemId))
    .where(and(notInArray(problems.state, [...finishedStates]), visible))
    .orderBy(findings.problemId, desc(findings.id));
  // Counted by the indicator's short name: checks citing one indicator in different words (15号 and
  // 19号 both name 链接可用性) are one bar on the dashboard, not several with the same label.
  const byIndicator = new Map<string, { indicator: string; label: string; count: number }>();
  for (const row of latest) {
    const indicator = row.indicator ?? catalogueIndicator.get(row.check) ?? row.check;
    const label = indicatorLabel(indicator);
    const entry = byIndicator.get(label) ?? { indicator, label, count: 0 };
    entry.count += 1;
    byIndicator.set(label, entry);
  }
  return {
    open,
    overdue,
    byState,
    byIndicator: [...byIndicator.values()].sort(
      (a, b) => b.count - a.count || a.label.localeCompare(b.label),
    ),
    bySeverity,
  };
}

/**
 * The short name of an indicator: the last "·" part of its first clause, e.g. "19号·单项否决·站点无法访问；…"
 * → "站点无法访问". Clauses are split on "；" outside brackets only, since names such as
 * "安全（挂马、内容被篡改；链接色情等内容）" contain one.
 */
export function indicatorLabel(indicator: string): string {
  let depth = 0;
  let end = indicator.length;
  for (let i = 0; i < indicator.length; i++) {
    const c = indicator[i];
    if (c === "（" || c === "(") depth++;
    else if ((c === "）" || c === ")") && depth > 0) depth--;
    else if (c === "；" && depth === 0) {
      end = i;
      break;
    }
  }
  const first = indicator.slice(0, end);
  const name = first.slice(first.lastIndexOf("·") + 1);
  // "解读回应（政策解读）": the bracket names the sub-item, the part before it the indicator.
  return name.replace(/（[^）]*）$/, "") || name;
}

async function probeAvailability(
  db: Db,
  siteIds: SiteIds,
  since: Date,
): Promise<DashboardNumbers["availability"]> {
  const rows = await db
    .select({
      siteId: sites.id,
      name: sites.name,
      probes: countAll(),
      ok: countWhere(sql`${probes.ok}`),
      avgMs: sql<number | null>`avg(${probes.totalMs}) filter (where ${probes.ok})`,
    })
    .from(probes)
    .innerJoin(sites, eq(sites.id, probes.siteId))
    .where(and(gte(probes.at, since), inSites(probes.siteId, siteIds)))
    .groupBy(sites.id, sites.name)
    .orderBy(asc(sites.id));
  return rows.map((row) => ({
    ...row,
    rate: row.probes === 0 ? 0 : row.ok / row.probes,
    avgMs: row.avgMs === null ? null : Math.round(Number(row.avgMs)),
  }));
}

/** The SiteReports of the crawls an inspection was computed from, by site (when the jobs kept them). */
export async function inspectionCrawlReports(
  db: Db,
  inspectionId: number,
  siteIds: number[],
): Promise<Map<number, SiteReport>> {
  const rows = await db
    .selectDistinctOn([siteCrawls.siteId], { siteId: siteCrawls.siteId, report: siteCrawls.report })
    .from(siteCrawls)
    .where(
      and(
        eq(siteCrawls.inspectionId, inspectionId),
        inArray(siteCrawls.siteId, siteIds),
        isNotNull(siteCrawls.report),
      ),
    )
    .orderBy(siteCrawls.siteId, desc(siteCrawls.finishedAt));
  return new Map(rows.map((row) => [row.siteId, row.report as unknown as SiteReport]));
}
