/**
 * Which handler serves which queue. Each handler is a small module of its own; this wires them to
 * pg-boss workers, one job at a time per worker, with a log line when a job fails (pg-boss retries
 * it with back-off).
 */
import type PgBoss from "pg-boss";
import { chinaDay } from "../core/chinaDate.ts";
import { listSites } from "../store/siteRepository.ts";
import { alertInspection, sendDailyDigest, type AlertOptions, type SendCounts } from "./alerts/index.ts";
import type { JobContext } from "./context.ts";
import { runCrawl, type CrawlJobData } from "./crawlJob.ts";
import { runPeriodInspection, type PeriodJobData } from "./periodInspection.ts";
import { probeRound, runProbes, type ProbeJobData } from "./probeJob.ts";
import type { QueueTuning } from "./queue.ts";
import { runRecheck, type RecheckJobData } from "./recheckJob.ts";

export const queues = {
  probeRound: "probe-round",
  probe: "probe",
  dailyCrawl: "crawl-daily",
  crawl: "crawl",
  period: "inspect-period",
  recheck: "recheck",
  notify: "notify",
  digest: "digest",
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

type Work = <T extends object>(name: QueueName, handler: (data: T) => Promise<unknown>) => Promise<string>;

export function workWith(boss: PgBoss, tuning: QueueTuning | undefined, log: (line: string) => void): Work {
  const polling =
    tuning?.pollingIntervalSeconds === undefined
      ? {}
      : { pollingIntervalSeconds: tuning.pollingIntervalSeconds };
  return (name, handler) =>
    boss.work(name, { batchSize: 1, ...polling }, async ([job]) => {
      try {
        return await handler(job!.data as Parameters<typeof handler>[0]);
      } catch (error) {
        log(`任务失败（${name} ${job!.id}，将按退避重试）：${(error as Error).message}`);
        throw error;
      }
    });
}

export interface HandlerSettings {
  send(name: QueueName, data: object, options?: PgBoss.SendOptions): Promise<string | null>;
  /** Queues a crawl of the site under its host's singleton key. */
  sendCrawl(siteId: number): Promise<string | null>;
  probeBatchSize: number;
  probeIntervalMinutes: number;
  crawlConcurrency: number;
}

export async function registerHandlers(
  work: Work,
  ctx: JobContext,
  settings: HandlerSettings,
): Promise<void> {
  const notify = async (inspectionId: number): Promise<void> => {
    // Queued whatever this process's alert settings: the process that has them sends the alerts.
    await settings.send(queues.notify, { inspectionId });
  };
  await work(queues.probeRound, async () => {
    const batches = await probeRound(ctx, settings.probeBatchSize, settings.probeIntervalMinutes);
    for (const batch of batches) {
      await settings.send(queues.probe, batch.data, { startAfter: batch.startAfterSeconds });
    }
  });
  await work<ProbeJobData>(queues.probe, (data) => runProbes(ctx, data));
  await work(queues.dailyCrawl, async () => {
    const running = (await listSites(ctx.db)).filter((site) => site.status === "运行");
    for (const site of running) await settings.sendCrawl(site.id);
    ctx.log(`每日抓取：已排队 ${running.length} 个运行中的网站`);
  });
  for (let i = 0; i < Math.max(1, settings.crawlConcurrency); i++) {
    await work<CrawlJobData>(queues.crawl, async (data) => {
      const recorded = await runCrawl(ctx, data);
      if (recorded) await notify(recorded.inspectionId);
      return recorded;
    });
  }
  await work<PeriodJobData>(queues.period, async (data) => {
    const recorded = await runPeriodInspection(ctx, data);
    await notify(recorded.inspectionId);
    return recorded;
  });
  await work<RecheckJobData>(queues.recheck, async (data) => ({ state: await runRecheck(ctx, data) }));
}

export async function registerAlertHandlers(
  work: Work,
  ctx: JobContext,
  alerts: AlertOptions,
): Promise<void> {
  await work<{ inspectionId: number }>(queues.notify, async (data) =>
    delivered(await alertInspection(ctx.db, data.inspectionId, alerts)),
  );
  await work(queues.digest, async () =>
    delivered(await sendDailyDigest(ctx.db, chinaDay(ctx.clock.now()), alerts)),
  );
}

/** Messages that failed stay unsent and retryable: failing the job lets pg-boss retry with back-off. */
function delivered(counts: SendCounts): SendCounts {
  if (counts.failed > 0) throw new Error(`${counts.failed} 条告警发送失败，已发送 ${counts.sent} 条`);
  return counts;
}
