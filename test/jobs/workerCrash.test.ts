/**
 * Crash safety on PostgreSQL with real worker processes: a worker killed (SIGKILL) in the middle of a
 * crawl loses nothing recorded before, records nothing half-done, and its job is taken over by another
 * worker once it expires.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { startPlatformJobs, type RunningPlatformJobs } from "../../src/jobs/platformJobs.ts";
import { crawlsOfSite } from "../../src/store/crawlRepository.ts";
import { listProblems } from "../../src/store/problemRepository.ts";
import { findings, inspections } from "../../src/store/schema.ts";
import { createSite, type Site } from "../../src/store/siteRepository.ts";
import { openTestStore, type TestStore } from "../store/engines.ts";
import { homepage, startJobsTestSite, testJobOptions, waitFor, type JobsTestSite } from "./fixtures.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface WorkerProcess {
  child: ChildProcess;
  output(): string;
}

function startWorker(db: string, site: JobsTestSite): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "test/jobs/workerMain.ts",
      "worker",
      ...["--db", db, "--connect-to", site.connectTo, "--mapped-only"],
      ...[
        "--no-content",
        "--no-external",
        "--no-sitemap",
        "--no-search",
        "--max-pages",
        "20",
        "--interval",
        "0",
      ],
      ...["--poll-interval", "0.5", "--maintenance-interval", "1"],
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

let testStore: TestStore;
let site: JobsTestSite;
let jobs: RunningPlatformJobs;
let registered: Site;
const workers: WorkerProcess[] = [];

before(async () => {
  testStore = await openTestStore("postgres");
  site = await startJobsTestSite();
  registered = await createSite(testStore.store.db, { name: "测试县人民政府", homepage, kind: "portal" });
  // This process only enqueues, with a short expiry so a dead worker's crawl is retried quickly.
  jobs = await startPlatformJobs(testStore.store, {
    ...testJobOptions(site),
    workers: false,
    crawlExpireSeconds: 4,
    queue: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 },
  });
});
after(async () => {
  for (const { child } of workers)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await jobs?.stop();
  await site?.close();
  await testStore?.dispose();
});

test("a worker killed mid-crawl loses no recorded finding and another worker finishes the crawl", async () => {
  const db = testStore.store.db;
  const finished = async (count: number) => {
    const done = (await crawlsOfSite(db, registered.id)).filter((crawl) => crawl.status === "已完成");
    return done.length >= count ? done : undefined;
  };

  const first = startWorker(testStore.location, site);
  workers.push(first);
  await jobs.crawlSite(registered.id);
  const [earlier] = await waitFor("第一次抓取完成", () => finished(1));
  const earlierFindings = await db
    .select()
    .from(findings)
    .where(eq(findings.inspectionId, earlier!.inspectionId!));
  const earlierProblems = await listProblems(db, { siteId: registered.id });
  assert.ok(earlierFindings.length > 0);

  // The next crawl is slow: every page but the homepage takes 3 s; the worker dies in the middle.
  site.delayMs = 3000;
  const requestsBefore = site.requests.length;
  await jobs.crawlSite(registered.id);
  await waitFor("第二次抓取开始取文章页", async () =>
    site.requests.slice(requestsBefore).some((request) => request.startsWith("GET /news/"))
      ? true
      : undefined,
  );
  first.child.kill("SIGKILL");
  await once(first.child, "exit");
  site.delayMs = 0;

  const second = startWorker(testStore.location, site);
  workers.push(second);
  const done = await waitFor("另一个工作进程完成抓取", () => finished(2), 90_000);

  const crawls = await crawlsOfSite(db, registered.id);
  const interrupted = crawls.filter((crawl) => crawl.status === "失败");
  assert.equal(interrupted.length, 1, "the killed crawl is marked failed, not left running");
  assert.match(interrupted[0]!.error!, /中断/);
  assert.equal(interrupted[0]!.inspectionId, null, "the killed crawl recorded nothing");
  assert.equal(done.length, 2);
  assert.match(second.output(), /抓取完成 测试县人民政府/);

  // Two monitoring inspections, the first one's findings exactly as they were.
  const recorded = await db.select().from(inspections);
  assert.deepEqual(
    recorded.map((inspection) => inspection.kind),
    ["监测", "监测"],
  );
  const stillThere = await db
    .select()
    .from(findings)
    .where(eq(findings.inspectionId, earlier!.inspectionId!));
  assert.deepEqual(
    stillThere.map((finding) => finding.id).sort(),
    earlierFindings.map((finding) => finding.id).sort(),
  );
  const problems = await listProblems(db, { siteId: registered.id });
  assert.deepEqual(
    problems.map((problem) => problem.fingerprint),
    earlierProblems.map((problem) => problem.fingerprint),
  );

  // SIGTERM stops a worker gracefully.
  second.child.kill("SIGTERM");
  const [code] = (await once(second.child, "exit")) as [number | null];
  assert.equal(code, 0, second.output());
  assert.match(second.output(), /工作进程已停止/);
});
