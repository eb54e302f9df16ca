import { Option, type Command } from "commander";
import { fixedClock, systemClock } from "../core/clock.ts";
import { UsageError } from "../core/errors.ts";
import { startPlatformJobs } from "../jobs/platformJobs.ts";
import { defaultRuleSetFile, loadRuleSet } from "../rules/ruleSet.ts";
import { openStore, withoutPassword } from "../store/open.ts";
import { addCrawlOptions } from "./crawlOptions.ts";
import {
  asOfFrom,
  crawlConfigFrom,
  fetchOptionsFrom,
  nonNegativeNumber,
  positiveInteger,
  type CrawlCliOptions,
} from "./options.ts";
import { loadSiteConfig } from "./siteConfigFile.ts";

export interface WorkerCliOptions extends CrawlCliOptions {
  db?: string;
  siteConfig?: string;
  rules?: string;
  crawls: number;
  /** commander's --no-content. */
  content: boolean;
  /** commander's --no-search: false skips the site-search probe. */
  search: boolean;
  pollInterval?: number;
  maintenanceInterval?: number;
}

/**
 * `zhijian worker --db postgres://…`: runs the platform's job handlers (probes, crawls, period
 * inspections, re-checks, alerts) against a shared PostgreSQL until SIGINT or SIGTERM, on as many
 * hosts as needed. PGlite cannot be shared between processes, so a worker needs PostgreSQL.
 */
export function addWorkerCommand(program: Command): void {
  const command = program
    .command("worker")
    .description(
      "作为工作进程执行平台任务：探测、抓取、期间检查、复查、告警 (run job handlers against PostgreSQL)",
    )
    .option("--db <url>", "PostgreSQL 连接地址 postgres://…（默认环境变量 ZHIJIAN_DB）")
    .option("--site-config <file>", "站点配置：栏目类型、更新周期、导航型首页 (per-site overrides, JSON)")
    .option("--rules <file>", "评分规则集（默认 national-2019） (rule set)")
    .option("--crawls <n>", "本进程同时抓取的网站数 (crawls at once)", positiveInteger, 1)
    .option("--no-content", "不做文字内容检查（错别字、敏感词、隐私） (skip text checks)")
    .option("--no-search", "不提交站内搜索测试请求 (skip the one site-search request)")
    .addOption(
      new Option("--poll-interval <seconds>", "空闲时取任务的间隔，秒")
        .argParser(nonNegativeNumber)
        .hideHelp(),
    )
    .addOption(
      new Option("--maintenance-interval <seconds>", "检查超时任务的间隔，秒")
        .argParser(nonNegativeNumber)
        .hideHelp(),
    );
  addCrawlOptions(command, { timeout: 15, maxPages: 2000 }).action(runWorker);
}

export async function runWorker(options: WorkerCliOptions): Promise<void> {
  const location = options.db ?? process.env.ZHIJIAN_DB;
  if (location === undefined || !/^postgres(ql)?:\/\//.test(location)) {
    throw new UsageError(
      "工作进程需要 PostgreSQL：请用 --db postgres://… 指定（PGlite 数据目录只能由一个进程打开）",
    );
  }
  const asOf = asOfFrom(options);
  const siteConfig = options.siteConfig ? await loadSiteConfig(options.siteConfig) : undefined;
  const store = await openStore(location);
  const log = (line: string): void => {
    process.stdout.write(`[${new Date().toISOString()}] ${line}\n`);
  };
  let jobs;
  try {
    jobs = await startPlatformJobs(store, {
      workers: true,
      schedules: false,
      fetch: fetchOptionsFrom(options),
      crawl: crawlConfigFrom(options),
      ...(siteConfig ? { siteConfig } : {}),
      ...(options.content ? {} : { content: false as const }),
      standards: { searchProbe: options.search },
      ruleSet: loadRuleSet(options.rules ?? defaultRuleSetFile),
      clock: asOf ? fixedClock(asOf) : systemClock,
      crawlConcurrency: options.crawls,
      queue: {
        ...(options.pollInterval !== undefined ? { pollingIntervalSeconds: options.pollInterval } : {}),
        ...(options.maintenanceInterval !== undefined
          ? { maintenanceIntervalSeconds: options.maintenanceInterval }
          : {}),
      },
      log,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  log(`工作进程已启动（进程 ${process.pid}），连接 ${withoutPassword(location)}；按 Ctrl+C 停止`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  log(`收到 ${signal}，等待进行中的任务结束后退出……`);
  await jobs.stop();
  await store.close();
  log("工作进程已停止");
}
