/**
 * The platform's job system (issue 7, item 3) on pg-boss: queues, their handlers, retries with
 * back-off and the cron schedules in China time. The server only enqueues; the handlers run in the
 * server's own process (embedded) or in `zhijian worker` processes (scale-out).
 */
import type PgBoss from "pg-boss";
import { systemClock, type Clock } from "../core/clock.ts";
import { defaultCrawlConfig, type CrawlConfig } from "../crawl/crawler.ts";
import { defaultFetchOptions } from "../fetch/defaults.ts";
import type { FetchOptions } from "../fetch/types.ts";
import type { ContentOptions } from "../inspect/inspect.ts";
import { emptySiteConfig, type SiteConfig } from "../inspect/siteConfig.ts";
import type { StandardsOptions } from "../inspect/siteStandards.ts";
import { loadRuleSet } from "../rules/ruleSet.ts";
import type { RuleSet } from "../rules/types.ts";
import type { Store } from "../store/open.ts";
import { getSite } from "../store/siteRepository.ts";
import type { AlertOptions } from "./alerts/index.ts";
import type { JobContext } from "./context.ts";
import type { CrawlJobData } from "./crawlJob.ts";
import { queues, registerAlertHandlers, registerHandlers, workWith, type QueueName } from "./handlers.ts";
import { periodWindow } from "./period.ts";
import type { PeriodJobData } from "./periodInspection.ts";
import { pendingJob, retryInterruptedJobs, startQueue, type QueueTuning } from "./queue.ts";
import type { RecheckJobData } from "./recheckJob.ts";

/** What the server asks of the job system; each call returns the pg-boss job id. */
export interface PlatformJobs {
  /** Re-checks exactly this problem (it is in 已整改待复查); the handler closes or fails it. */
  recheckProblem(problemId: number): Promise<string>;
  /** Computes the inspection of a period (e.g. "2026年第四季度") from stored crawls and probes. */
  inspectPeriod(period: string): Promise<string>;
  /** Crawls one site now, outside its daily schedule (the pending crawl's job if one is queued or running). */
  crawlSite(siteId: number): Promise<string>;
}

export interface PlatformJobsOptions {
  /**
   * Run the handlers in this process (default true): embedded `serve` and `zhijian worker` do;
   * `serve --db postgres://… --no-workers` only enqueues and leaves the work to workers.
   */
  workers?: boolean;
  /** Install the cron schedules (probe rounds, daily crawls, daily digest); default true. */
  schedules?: boolean;
  /** How sites are reached (host mapping --connect-to/--resolve, timeouts, politeness). */
  fetch?: FetchOptions;
  /** Crawl budgets; default defaultCrawlConfig. */
  crawl?: Omit<CrawlConfig, "homepage">;
  siteConfig?: SiteConfig;
  /** Text checks (default on); false turns them off. */
  content?: ContentOptions | false;
  standards?: Partial<StandardsOptions>;
  /** Default national-2019. */
  ruleSet?: RuleSet;
  /** The time point of crawls, re-checks and period inspections; default the system clock. */
  clock?: Clock;
  /** How alerts are sent; a process given it runs the alert and digest jobs, even with workers off. */
  alerts?: AlertOptions;
  /** Minutes between probe rounds, a divisor of 60 (default 60: 24 probes a day, the rule asks ≥ 20). */
  probeIntervalMinutes?: number;
  /** Sites per probe job (default 20). */
  probeBatchSize?: number;
  /** Cron (Asia/Shanghai) of the daily crawl of every running site; default 02:00. */
  dailyCrawlCron?: string;
  /** Cron (Asia/Shanghai) of the daily alert digest; default 08:30. */
  digestCron?: string;
  /** Crawls this process runs at once (default 1); each host is crawled by one worker at a time. */
  crawlConcurrency?: number;
  /** A crawl job not finished after this long counts as lost and is retried; default 4 hours. */
  crawlExpireSeconds?: number;
  /** Retries of a failed job (default 3), the first after retryDelaySeconds (default 60), then doubling. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  queue?: QueueTuning;
  /** One Chinese line per job event; default stderr. */
  log?(line: string): void;
}

export interface RunningPlatformJobs extends PlatformJobs {
  /** Probes every running site now, outside the timetable (e.g. when the demo starts). */
  probeAll(): Promise<string>;
  /** Stops taking jobs and waits (up to 30 s) for those in progress; unfinished ones are retried later. */
  stop(): Promise<void>;
}

const timeZone = "Asia/Shanghai";

export async function startPlatformJobs(
  store: Store,
  options: PlatformJobsOptions = {},
): Promise<RunningPlatformJobs> {
  const probeIntervalMinutes = options.probeIntervalMinutes ?? 60;
  if (
    !Number.isInteger(probeIntervalMinutes) ||
    probeIntervalMinutes < 1 ||
    60 % probeIntervalMinutes !== 0
  ) {
    throw new RangeError(`探测间隔须为 60 的约数（分钟），收到 ${probeIntervalMinutes}`);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ctx: JobContext = {
    db: store.db,
    clock: options.clock ?? systemClock,
    fetch: options.fetch ?? defaultFetchOptions(),
    crawl: options.crawl ?? defaultCrawlConfig,
    siteConfig: options.siteConfig ?? emptySiteConfig,
    content: options.content ?? {},
    standards: options.standards ?? {},
    ruleSet: options.ruleSet ?? loadRuleSet(),
    log,
  };
  const retry = {
    retryLimit: options.retryLimit ?? 3,
    retryDelay: options.retryDelaySeconds ?? 60,
    retryBackoff: true,
  };
  const boss = await startQueue(store, options.queue, log);
  try {
    // One active crawl per singleton key (the host) across all workers; the rest wait their turn.
    await boss.createQueue(queues.crawl, {
      name: queues.crawl,
      policy: "singleton",
      ...retry,
      expireInSeconds: options.crawlExpireSeconds ?? 4 * 3600,
    });
    for (const name of Object.values(queues)) {
      if (name !== queues.crawl) await boss.createQueue(name, { name, ...retry });
    }

    const send = (name: QueueName, data: object, sendOptions: PgBoss.SendOptions = {}) =>
      boss.send(name, data, sendOptions);
    const sendCrawl = async (siteId: number): Promise<string | null> => {
      const site = await getSite(store.db, siteId);
      if (site === undefined) throw new Error(`网站不存在：编号 ${siteId}`);
      const host = new URL(site.homepage).host;
      return (
        (await pendingJob(boss, queues.crawl, host)) ??
        send(queues.crawl, { siteId } satisfies CrawlJobData, { singletonKey: host })
      );
    };
    const work = workWith(boss, options.queue, log);
    if (options.workers ?? true) {
      const interrupted = await retryInterruptedJobs(boss, store);
      if (interrupted > 0) log(`发现 ${interrupted} 个被中断的任务，已安排重新执行`);
      await registerHandlers(work, ctx, {
        send,
        sendCrawl,
        probeBatchSize: options.probeBatchSize ?? 20,
        probeIntervalMinutes,
        crawlConcurrency: options.crawlConcurrency ?? 1,
      });
    }
    // Alerts are light work: whichever process knows how to send them does, workers or not.
    if (options.alerts) await registerAlertHandlers(work, ctx, options.alerts);

    if (options.schedules ?? true) {
      const cron = (name: string, expression: string) =>
        boss.schedule(name, expression, {}, { tz: timeZone });
      await cron(
        queues.probeRound,
        probeIntervalMinutes === 60 ? "0 * * * *" : `*/${probeIntervalMinutes} * * * *`,
      );
      await cron(queues.dailyCrawl, options.dailyCrawlCron ?? "0 2 * * *");
      if (options.alerts) await cron(queues.digest, options.digestCron ?? "30 8 * * *");
    }

    const enqueued = (what: string, id: string | null): string => {
      if (id === null) throw new Error(`${what}未能排队`);
      return id;
    };
    return {
      recheckProblem: async (problemId) =>
        enqueued("复查任务", await send(queues.recheck, { problemId } satisfies RecheckJobData)),
      inspectPeriod: async (period) => {
        periodWindow(period); // an unknown period is the caller's error, reported now
        return enqueued("期间检查任务", await send(queues.period, { period } satisfies PeriodJobData));
      },
      crawlSite: async (siteId) => enqueued("抓取任务", await sendCrawl(siteId)),
      probeAll: async () => enqueued("探测任务", await send(queues.probeRound, {})),
      stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
    };
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
}
