/**
 * Monitoring crawls of one site (site_crawls). A crawl row is opened when the job starts and closed
 * with the site's report in the same transaction that records its findings, so a worker that dies
 * mid-crawl leaves only an unfinished row behind, never half of an inspection.
 */
import { and, desc, eq, gte, lte } from "drizzle-orm";
import type { InspectionReport, SiteReport } from "../report/schema.ts";
import { recordInspectionIn, type RecordedInspection } from "./inspectionRepository.ts";
import type { Db } from "./open.ts";
import { replacePageCacheIn, type PageCacheEntry } from "./pageCacheRepository.ts";
import { siteCrawls } from "./schema.ts";

export type SiteCrawl = typeof siteCrawls.$inferSelect;

/**
 * Opens a crawl of the site. Only one crawl of a host runs at a time (the queue's singleton key), so
 * a crawl of the site still 进行中 was cut off by a worker that died: it is marked 失败 here.
 */
export async function startCrawl(db: Db, siteId: number, asOf: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .update(siteCrawls)
      .set({ status: "失败", finishedAt: new Date(), error: "抓取中断（工作进程退出），已重新抓取" })
      .where(and(eq(siteCrawls.siteId, siteId), eq(siteCrawls.status, "进行中")));
    const [crawl] = await tx.insert(siteCrawls).values({ siteId, asOf }).returning({ id: siteCrawls.id });
    return crawl!.id;
  });
}

/**
 * Records the crawl's one-site report as a 监测 inspection and closes the crawl, atomically, with the
 * site's page cache replaced by what this crawl remembered (when given).
 */
export async function finishCrawl(
  db: Db,
  crawlId: number,
  report: InspectionReport,
  period: string,
  cache?: { siteId: number; entries: readonly PageCacheEntry[] },
): Promise<RecordedInspection> {
  return db.transaction(async (tx) => {
    const recorded = await recordInspectionIn(tx, report, period, { kind: "监测" });
    if (cache) await replacePageCacheIn(tx, cache.siteId, cache.entries);
    await tx
      .update(siteCrawls)
      .set({
        status: "已完成",
        finishedAt: new Date(),
        inspectionId: recorded.inspectionId,
        report: report.sites[0] as unknown as Record<string, unknown>,
      })
      .where(eq(siteCrawls.id, crawlId));
    return recorded;
  });
}

export async function failCrawl(db: Db, crawlId: number, error: string): Promise<void> {
  await db
    .update(siteCrawls)
    .set({ status: "失败", finishedAt: new Date(), error })
    .where(eq(siteCrawls.id, crawlId));
}

export interface FinishedCrawl {
  crawlId: number;
  siteId: number;
  asOf: Date;
  report: SiteReport;
}

/** Each site's latest finished crawl whose time point lies in [from, to]. */
export async function latestFinishedCrawls(
  db: Db,
  window: { from: Date; to: Date },
): Promise<FinishedCrawl[]> {
  const rows = await db
    .selectDistinctOn([siteCrawls.siteId], {
      crawlId: siteCrawls.id,
      siteId: siteCrawls.siteId,
      asOf: siteCrawls.asOf,
      report: siteCrawls.report,
    })
    .from(siteCrawls)
    .where(
      and(
        eq(siteCrawls.status, "已完成"),
        gte(siteCrawls.asOf, window.from),
        lte(siteCrawls.asOf, window.to),
      ),
    )
    .orderBy(siteCrawls.siteId, desc(siteCrawls.asOf), desc(siteCrawls.id));
  return rows.map((row) => ({ ...row, report: row.report as unknown as SiteReport }));
}

export async function crawlsOfSite(db: Db, siteId: number): Promise<SiteCrawl[]> {
  return db.select().from(siteCrawls).where(eq(siteCrawls.siteId, siteId)).orderBy(siteCrawls.id);
}
