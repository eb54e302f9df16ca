import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { startPlatformJobs, type RunningPlatformJobs } from "../../src/jobs/platformJobs.ts";
import { listProblems, transitionProblem, type Problem } from "../../src/store/problemRepository.ts";
import { probeRecords } from "../../src/store/probeRepository.ts";
import { auditLog, findings, inspections, siteCrawls, siteResults } from "../../src/store/schema.ts";
import { createSite, type Site } from "../../src/store/siteRepository.ts";
import { engines, openTestStore, type TestStore } from "../store/engines.ts";
import { homepage, startJobsTestSite, testJobOptions, waitFor, type JobsTestSite } from "./fixtures.ts";

/** The quarter we are in, as offices name it, so the period's window holds what the test records. */
function currentQuarter(): string {
  const china = new Date(Date.now() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}年第${"一二三四"[Math.floor(china.getUTCMonth() / 3)]}季度`;
}

for (const engine of engines) {
  describe(`jobs on ${engine}`, () => {
    let testStore: TestStore;
    let site: JobsTestSite;
    let jobs: RunningPlatformJobs;
    let registered: Site;
    const db = () => testStore.store.db;
    const deadLink = async (path: string): Promise<Problem> =>
      (await listProblems(db(), { siteId: registered.id })).find((problem) => problem.url.endsWith(path))!;

    before(async () => {
      testStore = await openTestStore(engine);
      site = await startJobsTestSite();
      registered = await createSite(db(), {
        name: "测试县人民政府",
        homepage,
        organizer: "测试县人民政府办公室",
        kind: "portal",
      });
      jobs = await startPlatformJobs(testStore.store, testJobOptions(site));
    });
    after(async () => {
      await jobs?.stop();
      await site?.close();
      await testStore?.dispose();
    });

    test("a crawl job records the site's report and its findings as a 监测 inspection", async () => {
      const jobId = await jobs.crawlSite(registered.id);
      assert.equal(await jobs.crawlSite(registered.id), jobId, "one pending crawl per host");
      const crawl = await waitFor("抓取完成", async () => {
        const [row] = await db().select().from(siteCrawls).where(eq(siteCrawls.status, "已完成"));
        return row;
      });
      assert.equal(crawl.siteId, registered.id);
      assert.equal((crawl.report as { site: string }).site, "http://www.jobs-test.gov.cn");
      const [inspection] = await db()
        .select()
        .from(inspections)
        .where(eq(inspections.id, crawl.inspectionId!));
      assert.equal(inspection!.kind, "监测");
      const recorded = await db().select().from(findings).where(eq(findings.inspectionId, inspection!.id));
      assert.ok(recorded.length > 0);
      for (const path of ["/dead-a.html", "/dead-b.html"]) {
        const problem = await deadLink(path);
        assert.equal(problem.check, "link.dead", path);
        assert.equal(problem.state, "待确认");
      }
      // The crawl fetched the pages through the host mapping, politely, within its budget.
      assert.ok(site.requests.includes("GET /news/1.html"));
    });

    test("a probe round stores one probe per running homepage", async () => {
      await jobs.probeAll();
      const probes = await waitFor("探测入库", async () => {
        const rows = await probeRecords(db(), { from: new Date(0), to: new Date(Date.now() + 60_000) });
        return rows.length > 0 ? rows : undefined;
      });
      assert.equal(probes.length, 1);
      assert.equal(probes[0]!.siteId, registered.id);
      assert.equal(probes[0]!.record.ok, true);
      assert.equal(probes[0]!.record.status, 200);
    });

    test("the re-check of a fixed problem closes exactly that problem", async () => {
      for (const path of ["/dead-a.html", "/dead-b.html"]) {
        const problem = await deadLink(path);
        await transitionProblem(db(), problem.id, "待整改", "inspector");
        await transitionProblem(db(), problem.id, "已整改待复查", "owner");
      }
      site.fix("/dead-a.html");
      const fixed = await deadLink("/dead-a.html");
      const notFixed = await deadLink("/dead-b.html");
      await jobs.recheckProblem(fixed.id);
      await waitFor("复查关闭问题", async () =>
        (await deadLink("/dead-a.html")).state === "已关闭" ? true : undefined,
      );
      assert.equal(
        (await deadLink("/dead-b.html")).state,
        "已整改待复查",
        "only the re-checked problem moves",
      );
      const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, fixed.id));
      const closing = audit.find((entry) => (entry.after as { state: string }).state === "已关闭")!;
      assert.equal(closing.actor, "system");

      await jobs.recheckProblem(notFixed.id);
      const failed = await waitFor("复查未通过", async () => {
        const problem = await deadLink("/dead-b.html");
        return problem.state === "复查未通过" ? problem : undefined;
      });
      assert.ok(failed.dueDate !== null, "a failed re-check sets a new deadline");
      // A re-check records no inspection: the only inspection is still the crawl's.
      assert.equal((await db().select().from(inspections)).length, 1);
    });

    test("a period inspection re-scores the latest crawl with the period's probes", async () => {
      const period = currentQuarter();
      await assert.rejects(() => jobs.inspectPeriod("第五季度"), /无法识别的检查期间/);
      await jobs.inspectPeriod(period);
      const inspection = await waitFor("期间检查完成", async () => {
        const [row] = await db().select().from(inspections).where(eq(inspections.kind, "定期"));
        return row;
      });
      assert.equal(inspection.period, period);
      const [result] = await db()
        .select()
        .from(siteResults)
        .where(eq(siteResults.inspectionId, inspection.id));
      assert.equal(result!.siteId, registered.id);
      assert.ok(result!.verdict === "pass" || result!.verdict === "fail");
      const availability = (
        await db().select().from(findings).where(eq(findings.inspectionId, inspection.id))
      ).find((finding) => finding.check === "site.availability");
      // One probe over the quarter so far: judged on it, and flagged as far too little monitoring.
      assert.equal(availability?.evidence.probes, 1);
      assert.equal(availability?.evidence.failures, 0);
      assert.equal(availability?.severity, "info");
    });
  });
}
