/**
 * pg-boss on the store's own database (DESIGN.md: "pg-boss on the same database"). On PostgreSQL it
 * opens its own pool on the store's URL; on PGlite, which is one connection in this process, it
 * shares that connection through a db adapter (PGlite serialises the queries of both).
 */
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Store } from "../store/open.ts";
import { activeJobs, pendingJobId } from "../store/queueTables.ts";

/** Intervals the tests shorten; production keeps pg-boss's defaults unless told otherwise. */
export interface QueueTuning {
  /** How often an idle worker looks for a job (pg-boss default 2 s, minimum 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often expired jobs (of a worker that died) are put back for retry; default 120 s. */
  maintenanceIntervalSeconds?: number;
}

export async function startQueue(
  store: Store,
  tuning: QueueTuning = {},
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<PgBoss> {
  const common: PgBoss.ConstructorOptions = {
    ...(tuning.maintenanceIntervalSeconds !== undefined
      ? { maintenanceIntervalSeconds: tuning.maintenanceIntervalSeconds }
      : {}),
  };
  let boss: PgBoss;
  if (store.kind === "postgres") {
    if (store.url === undefined) throw new Error("PostgreSQL 存储缺少连接地址，无法启动任务队列");
    boss = new PgBoss({ ...common, connectionString: store.url, max: 4 });
  } else {
    if (store.pglite === undefined) throw new Error("PGlite 存储缺少数据库实例，无法启动任务队列");
    boss = new PgBoss({ ...common, db: pgliteAdapter(store.pglite) });
  }
  // pg-boss reports background failures (maintenance, cron) as events; unheard, they would crash.
  boss.on("error", (error) => log(`任务队列出错：${error.message}`));
  await boss.start();
  return boss;
}

/** pg-boss sends its migrations as several statements without parameters: those go through exec. */
function pgliteAdapter(lite: PGlite): PgBoss.Db {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      if (!values || values.length === 0) {
        const results = await lite.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      }
      return lite.query(text, values as unknown[]);
    },
  };
}

/**
 * Only one process opens a PGlite directory, so at its start every job still marked active belongs
 * to a process that was killed: it is failed now (pg-boss then retries it) instead of waiting hours
 * for its expiry. Never for PostgreSQL, where other workers' active jobs are alive.
 */
export async function retryInterruptedJobs(boss: PgBoss, store: Store): Promise<number> {
  if (store.kind !== "pglite") return 0;
  const interrupted = await activeJobs(boss.getDb());
  for (const job of interrupted) {
    await boss.fail(job.name, job.id, { message: "服务重启：任务被中断，重新执行" });
  }
  return interrupted.length;
}

/**
 * The job of `queue` under `singletonKey` still waiting or running, if any. pg-boss lets a queued job
 * of a host whose crawl is running block the whole queue's fetch (its unique index refuses the second
 * active job), so a host never gets a second crawl job while one is pending.
 */
export async function pendingJob(
  boss: PgBoss,
  queue: string,
  singletonKey: string,
): Promise<string | undefined> {
  return pendingJobId(boss.getDb(), queue, singletonKey);
}
