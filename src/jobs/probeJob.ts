/**
 * Availability probes (INDICATORS.md V2): a round every interval splits the running sites into
 * batches, spread over the interval; each batch job probes its sites' homepages once and stores the
 * records. Probes have their own queue, so a long crawl never holds them up.
 */
import { probeHomepage, type ProbeOptions } from "../fetch/probe.ts";
import type { FetchOptions } from "../fetch/types.ts";
import { insertProbes, type ProbedSite } from "../store/probeRepository.ts";
import { listSites } from "../store/siteRepository.ts";
import type { JobContext } from "./context.ts";

export interface ProbeJobData {
  siteIds: number[];
}

/** A batch's start, in seconds after the round, so batches spread over the interval. */
export interface ProbeBatch {
  data: ProbeJobData;
  startAfterSeconds: number;
}

/** Probes at once within one batch: a batch is one worker's share, not a burst at every site. */
const batchConcurrency = 4;

export async function probeRound(
  ctx: JobContext,
  batchSize: number,
  intervalMinutes: number,
): Promise<ProbeBatch[]> {
  const running = (await listSites(ctx.db)).filter((site) => site.status === "运行");
  const count = Math.ceil(running.length / batchSize);
  const batches = Array.from({ length: count }, (_, index) => ({
    data: { siteIds: running.slice(index * batchSize, (index + 1) * batchSize).map((site) => site.id) },
    startAfterSeconds: Math.floor((index * intervalMinutes * 60) / count),
  }));
  ctx.log(`探测轮次：${running.length} 个运行中的网站，分 ${batches.length} 批`);
  return batches;
}

export async function runProbes(ctx: JobContext, data: ProbeJobData): Promise<number> {
  const wanted = new Set(data.siteIds);
  const sites = (await listSites(ctx.db)).filter((site) => wanted.has(site.id));
  const options = probeOptionsOf(ctx.fetch);
  const records: ProbedSite[] = [];
  let next = 0;
  const probeNext = async (): Promise<void> => {
    while (next < sites.length) {
      const site = sites[next++]!;
      records.push({ siteId: site.id, record: await probeHomepage(site.homepage, options) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(batchConcurrency, sites.length) }, probeNext));
  await insertProbes(ctx.db, records);
  const failed = records.filter(({ record }) => !record.ok).length;
  ctx.log(`探测完成：${records.length} 个首页，${failed} 个未能打开`);
  return records.length;
}

function probeOptionsOf(fetch: FetchOptions): ProbeOptions {
  return {
    mappings: fetch.mappings,
    mappedOnly: fetch.mappedOnly,
    userAgent: fetch.userAgent,
    ...(fetch.proxy ? { proxy: fetch.proxy } : {}),
    ...(fetch.extraCaCerts ? { extraCaCerts: fetch.extraCaCerts } : {}),
  };
}
