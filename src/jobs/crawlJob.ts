/**
 * The daily monitoring crawl of one site: the whole pipeline in memory, then the site's report and
 * its findings recorded in one transaction (a 监测 inspection), so problems follow the site day by day.
 *
 * The crawl is incremental: every page is fetched and parsed, but pages whose text is unchanged since
 * the previous crawl keep that crawl's text findings, and link targets found healthy within the link
 * cycle are not requested again. What this crawl learned replaces the cache in the same transaction.
 */
import { chinaDay } from "../core/chinaDate.ts";
import type { LinkProbe } from "../crawl/linkTable.ts";
import type { SiteMemory } from "../inspect/inspectSite.ts";
import type { TextMemory } from "../inspect/pageContent.ts";
import { failCrawl, finishCrawl, startCrawl } from "../store/crawlRepository.ts";
import type { RecordedInspection } from "../store/inspectionRepository.ts";
import { loadPageCache, type PageCacheEntry } from "../store/pageCacheRepository.ts";
import { getSite } from "../store/siteRepository.ts";
import type { JobContext } from "./context.ts";
import { inspectRegisteredSite } from "./siteInspection.ts";

export interface CrawlJobData {
  siteId: number;
}

/** Returns the recorded inspection, or undefined when the site is gone from the registry. */
export async function runCrawl(ctx: JobContext, data: CrawlJobData): Promise<RecordedInspection | undefined> {
  const site = await getSite(ctx.db, data.siteId);
  if (site === undefined) {
    ctx.log(`抓取跳过：网站 ${data.siteId} 已从名录删除`);
    return undefined;
  }
  const asOf = ctx.clock.now();
  const previous = memoryOf(await loadPageCache(ctx.db, site.id));
  const crawlId = await startCrawl(ctx.db, site.id, asOf);
  ctx.log(`开始抓取 ${site.name}（${site.homepage}）`);
  try {
    let learned: SiteMemory | undefined;
    const report = await inspectRegisteredSite(ctx, site, asOf, {
      recall: () => previous,
      remember: (_homepage, memory) => (learned = memory),
    });
    const recorded = await finishCrawl(
      ctx.db,
      crawlId,
      report,
      `${chinaDay(asOf)} 监测`,
      learned && { siteId: site.id, entries: entriesOf(learned) },
    );
    const siteReport = report.sites[0]!;
    ctx.log(
      `抓取完成 ${site.name}：${siteReport.stats.pagesFetched} 个页面，` +
        `${siteReport.stats.linksChecked} 个链接重新检查，${recorded.findings} 条问题` +
        `（新增 ${recorded.opened}，复现 ${recorded.reopened}），检查记录 ${recorded.inspectionId}`,
    );
    return recorded;
  } catch (error) {
    await failCrawl(ctx.db, crawlId, (error as Error).message ?? String(error));
    throw error;
  }
}

/** The stored cache as the pipeline's memory; undefined for a site never crawled (a full crawl). */
function memoryOf(entries: PageCacheEntry[]): SiteMemory | undefined {
  if (entries.length === 0) return undefined;
  const memory: SiteMemory = { texts: new Map(), links: new Map() };
  for (const entry of entries) {
    if (entry.text) {
      const { scanner, blocks } = entry.text.findings as unknown as Omit<TextMemory, "hash">;
      memory.texts.set(entry.url, { hash: entry.text.hash, scanner, blocks });
    }
    if (entry.link) {
      memory.links.set(entry.url, {
        probe: entry.link.check as unknown as LinkProbe,
        checkedAt: entry.link.checkedAt.toISOString(),
      });
    }
  }
  return memory;
}

function entriesOf(memory: SiteMemory): PageCacheEntry[] {
  const entries = new Map<string, PageCacheEntry>();
  for (const [url, { hash, ...findings }] of memory.texts) {
    entries.set(url, { url, text: { hash, findings: findings as unknown as Record<string, unknown> } });
  }
  for (const [url, { probe, checkedAt }] of memory.links) {
    const link = { check: probe as unknown as Record<string, unknown>, checkedAt: new Date(checkedAt) };
    entries.set(url, { ...(entries.get(url) ?? { url }), link });
  }
  return [...entries.values()];
}
