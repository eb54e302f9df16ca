/**
 * What keeps the jobs going without anyone watching: alerts after a crawl (retried with back-off when
 * the robot fails), the cron schedules in China time, the daily fan-out of crawls to running sites,
 * and, on PGlite, jobs cut off by a killed server resumed at the next start.
 */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import pg from "pg";
import PgBoss from "pg-boss";
import { startPlatformJobs, type RunningPlatformJobs } from "../../src/jobs/platformJobs.ts";
import { startQueue } from "../../src/jobs/queue.ts";
import { crawlsOfSite } from "../../src/store/crawlRepository.ts";
import { openStore } from "../../src/store/open.ts";
import { alertChannels, siteCrawls } from "../../src/store/schema.ts";
import { createSite, listSites } from "../../src/store/siteRepository.ts";
import { engines, openTestStore, type TestStore } from "../store/engines.ts";
import { homepage, startJobsTestSite, testJobOptions, waitFor, type JobsTestSite } from "./fixtures.ts";

/** A 企业微信 robot on loopback that refuses its first message. */
async function startRobot(): Promise<{ url: string; messages: string[]; close(): Promise<void> }> {
  const messages: string[] = [];
  let calls = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (calls++ === 0) return void response.writeHead(503).end("busy");
      messages.push(body);
      response.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function schedules(testStore: TestStore): Promise<{ name: string; cron: string; tz: string }[]> {
  const sql = "SELECT name, cron, options->>'tz' AS tz FROM pgboss.schedule ORDER BY name";
  if (testStore.store.pglite) {
    return (await testStore.store.pglite.query<{ name: string; cron: string; tz: string }>(sql)).rows;
  }
  const client = new pg.Client({ connectionString: testStore.location });
  await client.connect();
  try {
    return (await client.query<{ name: string; cron: string; tz: string }>(sql)).rows;
  } finally {
    await client.end();
  }
}

for (const engine of engines) {
  describe(`supervision on ${engine}`, () => {
    let testStore: TestStore;
    let site: JobsTestSite;
    let jobs: RunningPlatformJobs;
    let robot: Awaited<ReturnType<typeof startRobot>>;

    before(async () => {
      testStore = await openTestStore(engine);
      site = await startJobsTestSite({ hiddenLink: true });
      robot = await startRobot();
      await testStore.store.db
        .insert(alertChannels)
        .values({ name: "值班群", kind: "wecom", target: robot.url, events: ["veto"] });
      jobs = await startPlatformJobs(testStore.store, {
        ...testJobOptions(site),
        schedules: true,
        alerts: { timeoutMs: 5000 },
      });
    });
    after(async () => {
      await jobs?.stop();
      await robot?.close();
      await site?.close();
      await testStore?.dispose();
    });

    test("the schedules run in China time: hourly probes, a daily crawl and a daily digest", async () => {
      assert.deepEqual(await schedules(testStore), [
        { name: "crawl-daily", cron: "0 2 * * *", tz: "Asia/Shanghai" },
        { name: "digest", cron: "30 8 * * *", tz: "Asia/Shanghai" },
        { name: "probe-round", cron: "0 * * * *", tz: "Asia/Shanghai" },
      ]);
    });

    test("a crawl that finds a veto alerts the channel, retrying after the robot refused once", async () => {
      const registered = await createSite(testStore.store.db, { name: "暗链县人民政府", homepage });
      await jobs.crawlSite(registered.id);
      await waitFor("告警送达", async () => (robot.messages.length > 0 ? true : undefined));
      assert.equal(robot.messages.length, 1);
      assert.match(robot.messages[0]!, /暗链县人民政府/);
      const [crawl] = await testStore.store.db
        .select()
        .from(siteCrawls)
        .where(eq(siteCrawls.siteId, registered.id));
      assert.equal(crawl!.status, "已完成");
    });

    // Only one process opens a PGlite directory, so whatever it left active was cut off by its death.
    if (engine === "pglite") {
      test("a restarted PGlite server resumes a cut-off crawl instead of waiting for its expiry", async () => {
        await jobs.stop();
        const [registered] = await listSites(testStore.store.db);
        const enqueuer = await startPlatformJobs(testStore.store, {
          ...testJobOptions(site),
          workers: false,
        });
        await enqueuer.crawlSite(registered!.id);
        await enqueuer.stop();
        // A worker takes the job and the process dies before finishing it: the job stays active.
        const boss = await startQueue(testStore.store);
        assert.equal((await boss.fetch("crawl")).length, 1);
        await boss.stop({ graceful: false });
        await testStore.store.close();

        testStore.store = await openStore(testStore.location);
        const lines: string[] = [];
        jobs = await startPlatformJobs(testStore.store, {
          ...testJobOptions(site),
          log: (l) => lines.push(l),
        });
        await waitFor("重启后完成抓取", async () => {
          const crawls = await crawlsOfSite(testStore.store.db, registered!.id);
          return crawls.filter((crawl) => crawl.status === "已完成").length === 2 ? true : undefined;
        });
        assert.ok(
          lines.some((line) => /被中断的任务/.test(line)),
          lines.join("\n"),
        );
      });
    }
  });
}

describe("daily crawls on postgres", () => {
  let testStore: TestStore;
  let site: JobsTestSite;
  let jobs: RunningPlatformJobs;
  before(async () => {
    testStore = await openTestStore("postgres");
    site = await startJobsTestSite();
    jobs = await startPlatformJobs(testStore.store, testJobOptions(site));
  });
  after(async () => {
    await jobs?.stop();
    await site?.close();
    await testStore?.dispose();
  });

  test("the daily crawl queues every running site and no closed one", async () => {
    const db = testStore.store.db;
    const running = await createSite(db, { name: "运行中的网站", homepage });
    const closed = await createSite(db, {
      name: "已关停的网站",
      homepage: "http://www.closed-test.gov.cn/",
      status: "关停",
    });
    // What the 02:00 cron does: one job on the fan-out queue, sent here by another pg-boss client.
    const boss = new PgBoss(testStore.location);
    await boss.start();
    try {
      await boss.send("crawl-daily", {});
    } finally {
      await boss.stop({ graceful: false });
    }
    await waitFor("每日抓取完成", async () => {
      const crawls = await crawlsOfSite(db, running.id);
      return crawls.some((crawl) => crawl.status === "已完成") ? true : undefined;
    });
    assert.deepEqual(await crawlsOfSite(db, closed.id), []);
  });
});
