/**
 * The page cache of incremental monitoring crawls (page_cache): what a site's latest finished crawl
 * remembered per URL. Read before a crawl; replaced whole inside the transaction that finishes the
 * next one, so a crawl that dies leaves the previous memory as it was.
 */
import { eq } from "drizzle-orm";
import type { Db, Tx } from "./open.ts";
import { pageCache } from "./schema.ts";

/** One URL's memory; the shapes of the JSON parts belong to the inspection pipeline. */
export interface PageCacheEntry {
  url: string;
  /** Text findings with the hash of the text they were found in. */
  text?: { hash: string; findings: Record<string, unknown> };
  /** A healthy link check and when it was requested. */
  link?: { check: Record<string, unknown>; checkedAt: Date };
}

export async function loadPageCache(db: Db, siteId: number): Promise<PageCacheEntry[]> {
  const rows = await db.select().from(pageCache).where(eq(pageCache.siteId, siteId));
  return rows.map((row) => ({
    url: row.url,
    ...(row.contentHash !== null && row.textFindings !== null
      ? { text: { hash: row.contentHash, findings: row.textFindings } }
      : {}),
    ...(row.linkCheck !== null && row.linkCheckedAt !== null
      ? { link: { check: row.linkCheck, checkedAt: row.linkCheckedAt } }
      : {}),
  }));
}

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters at six columns a row. */
const rowsPerInsert = 1000;

/** Replaces the site's whole cache with the entries of its latest crawl (within the caller's transaction). */
export async function replacePageCacheIn(
  tx: Tx,
  siteId: number,
  entries: readonly PageCacheEntry[],
): Promise<void> {
  await tx.delete(pageCache).where(eq(pageCache.siteId, siteId));
  for (let from = 0; from < entries.length; from += rowsPerInsert) {
    await tx.insert(pageCache).values(
      entries.slice(from, from + rowsPerInsert).map((entry) => ({
        siteId,
        url: entry.url,
        contentHash: entry.text?.hash ?? null,
        textFindings: entry.text?.findings ?? null,
        linkCheck: entry.link?.check ?? null,
        linkCheckedAt: entry.link?.checkedAt ?? null,
      })),
    );
  }
}
