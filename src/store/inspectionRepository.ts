/**
 * Records an inspection report in the store: the sites it covered (registered if new), the
 * inspection, each site's result, every finding, and the problems the findings aggregate into. All
 * in one transaction, so a crash or an error leaves either the whole inspection or nothing.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Finding } from "../core/finding.ts";
import type { InspectionReport, SiteReport } from "../report/schema.ts";
import { systemActor, writeAudit } from "./audit.ts";
import type { Db, Tx } from "./open.ts";
import { dueDateFor, stateChange } from "./problemRepository.ts";
import {
  findings,
  inspections,
  problems,
  siteResults,
  sites,
  type InspectionKind,
  type ProblemState,
} from "./schema.ts";
import { getSiteByHomepage, normalizeHomepage, type Site } from "./siteRepository.ts";

export interface RecordedInspection {
  inspectionId: number;
  sites: number;
  findings: number;
  /** Problems seen for the first time (待确认). */
  opened: number;
  /** Closed or fixed problems seen again (复查未通过). */
  reopened: number;
}

/** A problem in these states that an inspection sees again was not fixed after all. */
const reopenedFrom: readonly ProblemState[] = ["已关闭", "已整改待复查"];

/** Rows per multi-row insert: findings have 15 columns, PostgreSQL allows 65535 parameters. */
const insertChunk = 1000;

export interface RecordOptions {
  /** 定期 (default): a period's inspection; 监测: a monitoring crawl; 复查: a re-check. */
  kind?: InspectionKind;
}

export async function recordInspection(
  db: Db,
  report: InspectionReport,
  period: string,
  options: RecordOptions = {},
): Promise<RecordedInspection> {
  return db.transaction((tx) => recordInspectionIn(tx, report, period, options));
}

/** recordInspection inside the caller's transaction, for writes that must land with the inspection. */
export async function recordInspectionIn(
  tx: Tx,
  report: InspectionReport,
  period: string,
  options: RecordOptions = {},
): Promise<RecordedInspection> {
  // The report only says when it was generated, so the inspection starts and ends then.
  const generated = new Date(report.generatedAt);
  const [inspection] = await tx
    .insert(inspections)
    .values({
      kind: options.kind ?? "定期",
      period,
      asOf: new Date(report.asOf),
      ruleSetId: report.ruleSet?.id ?? null,
      ruleSetVersion: report.ruleSet?.version ?? null,
      startedAt: generated,
      finishedAt: generated,
      status: "已完成",
    })
    .returning({ id: inspections.id });
  const recorded: RecordedInspection = {
    inspectionId: inspection!.id,
    sites: report.sites.length,
    findings: 0,
    opened: 0,
    reopened: 0,
  };
  for (const siteReport of report.sites) {
    const site = await ensureSite(tx, siteReport);
    await tx.insert(siteResults).values({
      inspectionId: recorded.inspectionId,
      siteId: site.id,
      reachable: siteReport.reachable,
      verdict: siteReport.result?.verdict ?? null,
      score: siteReport.result?.score ?? null,
      result: siteReport.result ?? null,
    });
    const counts = await recordFindings(tx, recorded.inspectionId, site, siteReport.findings);
    recorded.findings += siteReport.findings.length;
    recorded.opened += counts.opened;
    recorded.reopened += counts.reopened;
  }
  return recorded;
}

/** The registered site of a report, registered now (with what the report knows) if it is new. */
async function ensureSite(tx: Tx, siteReport: SiteReport): Promise<Site> {
  const { facts, result } = siteReport;
  const registered = await getSiteByHomepage(tx, facts.homepage);
  if (registered !== undefined) return registered;
  const [site] = await tx
    .insert(sites)
    .values({
      name: result?.siteName ?? facts.meta.SiteName ?? facts.title ?? siteReport.site,
      homepage: normalizeHomepage(facts.homepage),
      kind: result?.kind === "department" ? "department" : "portal",
    })
    .returning();
  return site!;
}

/**
 * Inserts a site's findings and aggregates them into problems by fingerprint: a new fingerprint opens
 * a problem (待确认); a known one gets its lastSeen moved on, and fails its re-check when it had been
 * closed or fixed; a dismissed one stays dismissed, since a dismissal covers the fingerprint for good.
 */
async function recordFindings(
  tx: Tx,
  inspectionId: number,
  site: Site,
  siteFindings: Finding[],
): Promise<{ opened: number; reopened: number }> {
  const known = new Map(
    (await tx.select().from(problems).where(eq(problems.siteId, site.id))).map((p) => [p.fingerprint, p]),
  );
  const fresh = new Map<string, Finding>();
  const seenAgain = new Map<string, { ids: number[]; lastSeen: Date; state?: ProblemState }>();
  for (const finding of siteFindings) {
    const problem = known.get(finding.fingerprint);
    if (problem === undefined) {
      fresh.set(finding.fingerprint, finding);
      continue;
    }
    const reopen = reopenedFrom.includes(problem.state);
    const lastSeen = new Date(Math.max(problem.lastSeen.getTime(), Date.parse(finding.lastSeen)));
    // Grouped so that an inspection of thousands of findings makes a few updates, not thousands.
    const key = `${lastSeen.toISOString()}|${reopen}`;
    const group = seenAgain.get(key) ?? {
      ids: [],
      lastSeen,
      ...(reopen ? { state: "复查未通过" as const } : {}),
    };
    group.ids.push(problem.id);
    seenAgain.set(key, group);
  }
  const reopened = [...seenAgain.values()].flatMap((group) => (group.state === undefined ? [] : group.ids));
  for (const group of seenAgain.values()) {
    await tx
      .update(problems)
      .set({
        lastSeen: group.lastSeen,
        lastInspectionId: inspectionId,
        updatedAt: new Date(),
        ...(group.state === undefined
          ? {}
          : { state: group.state, dueDate: dueDateFor(group.state, { at: group.lastSeen }) }),
      })
      .where(inArray(problems.id, group.ids));
  }
  const byId = new Map([...known.values()].map((p) => [p.id, p]));
  await writeAudit(
    tx,
    reopened.map((id) =>
      stateChange(systemActor, id, byId.get(id)!.state, "复查未通过", `检查 ${inspectionId} 再次发现`),
    ),
  );
  const problemIds = new Map([...known.values()].map((p) => [p.fingerprint, p.id]));
  for (const chunk of chunks([...fresh.values()])) {
    const inserted = await tx
      .insert(problems)
      .values(
        chunk.map((finding) => ({
          siteId: site.id,
          fingerprint: finding.fingerprint,
          check: finding.check,
          severity: finding.severity,
          url: finding.url,
          message: finding.message,
          ownerUnit: site.organizer,
          firstSeen: new Date(finding.firstSeen),
          lastSeen: new Date(finding.lastSeen),
          lastInspectionId: inspectionId,
        })),
      )
      .returning({ id: problems.id, fingerprint: problems.fingerprint });
    for (const { id, fingerprint } of inserted) problemIds.set(fingerprint, id);
  }
  for (const chunk of chunks(siteFindings)) {
    await tx.insert(findings).values(
      chunk.map((finding) => ({
        inspectionId,
        siteId: site.id,
        problemId: problemIds.get(finding.fingerprint)!,
        fingerprint: finding.fingerprint,
        check: finding.check,
        indicator: finding.indicator ?? null,
        severity: finding.severity,
        confidence: finding.confidence,
        url: finding.url,
        locator: finding.locator,
        message: finding.message,
        evidence: finding.evidence,
        firstSeen: new Date(finding.firstSeen),
        lastSeen: new Date(finding.lastSeen),
      })),
    );
  }
  return { opened: fresh.size, reopened: reopened.length };
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += insertChunk) out.push(items.slice(i, i + insertChunk));
  return out;
}

/** Whether an inspection of this period and kind has been recorded (e.g. so a demo records it once). */
export async function hasInspection(db: Db, period: string, kind: InspectionKind): Promise<boolean> {
  const [row] = await db
    .select({ id: inspections.id })
    .from(inspections)
    .where(and(eq(inspections.period, period), eq(inspections.kind, kind)))
    .limit(1);
  return row !== undefined;
}
