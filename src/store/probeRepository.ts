/**
 * Homepage probes of registered sites (INDICATORS.md V2): the probe jobs add rows, the crawl and
 * period inspections read a site's series back to judge availability.
 */
import { and, asc, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { ProbeRecord } from "../fetch/probe.ts";
import type { Db } from "./open.ts";
import { probes } from "./schema.ts";

export interface ProbedSite {
  siteId: number;
  record: ProbeRecord;
}

export async function insertProbes(db: Db, rows: readonly ProbedSite[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(probes).values(
    rows.map(({ siteId, record }) => ({
      siteId,
      at: new Date(record.startedAt),
      ok: record.ok,
      status: record.status === 0 ? null : record.status,
      totalMs: record.timings.totalMs,
      errorCode: record.error?.code ?? null,
      record: record as unknown as Record<string, unknown>,
    })),
  );
}

/** The probe records started in [from, to], oldest first, of the given sites (default: all). */
export async function probeRecords(
  db: Db,
  window: { from: Date; to: Date },
  siteIds?: readonly number[],
): Promise<ProbedSite[]> {
  const conditions: SQL[] = [gte(probes.at, window.from), lte(probes.at, window.to)];
  if (siteIds !== undefined) conditions.push(inArray(probes.siteId, [...siteIds]));
  const rows = await db
    .select({ siteId: probes.siteId, record: probes.record })
    .from(probes)
    .where(and(...conditions))
    .orderBy(asc(probes.at), asc(probes.id));
  return rows.map((row) => ({ siteId: row.siteId, record: row.record as unknown as ProbeRecord }));
}
