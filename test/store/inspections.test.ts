import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { InspectionReport } from "../../src/report/schema.ts";
import { recordInspection } from "../../src/store/inspectionRepository.ts";
import { listProblems, transitionProblem } from "../../src/store/problemRepository.ts";
import * as schema from "../../src/store/schema.ts";
import { createSite, listSites } from "../../src/store/siteRepository.ts";
import { city, county, demoReport, demoResults } from "../report/fixtures.ts";
import { engines, useStore } from "./engines.ts";

/** The demo inspection (a real report of the demo sites) with the scoring results attached. */
function scoredReport(): InspectionReport {
  const report = demoReport();
  const results = demoResults(report);
  for (const site of report.sites) site.result = results.find((result) => result.site === site.site)!;
  return report;
}

/** The same findings seen by the next quarter's inspection. */
function nextQuarter(report: InspectionReport): InspectionReport {
  const later = structuredClone(report);
  later.asOf = later.generatedAt = "2027-02-19T16:00:00.000Z";
  for (const site of later.sites) for (const finding of site.findings) finding.lastSeen = later.asOf;
  return later;
}

const findingCount = (report: InspectionReport) =>
  report.sites.reduce((sum, site) => sum + site.findings.length, 0);

for (const engine of engines) {
  describe(engine, () => {
    const store = useStore(engine);
    test("recording an inspection registers its sites and opens a 待确认 problem per fingerprint", async () => {
      const { db } = store;
      const registered = await createSite(db, {
        name: "示范市人民政府",
        homepage: city,
        organizer: "示范市人民政府办公室",
      });
      const report = scoredReport();
      const recorded = await recordInspection(db, report, "2026年第四季度");
      assert.equal(recorded.sites, 2);
      assert.equal(recorded.findings, findingCount(report));
      assert.equal(recorded.opened, findingCount(report));
      assert.equal(recorded.reopened, 0);

      const sites = await listSites(db);
      assert.deepEqual(
        sites.map((site) => [site.name, site.homepage]),
        [
          ["示范市人民政府", `${city}/`],
          ["演示县人民政府", `${county}/`],
        ],
      );
      const [inspection] = await db.select().from(schema.inspections);
      assert.equal(inspection!.period, "2026年第四季度");
      assert.equal(inspection!.asOf.toISOString(), report.asOf);
      assert.equal(inspection!.ruleSetId, null);
      assert.equal(inspection!.status, "已完成");
      const results = await db.select().from(schema.siteResults);
      const countyResult = results.find((result) => result.siteId === sites[1]!.id)!;
      assert.equal(countyResult.verdict, "fail");
      assert.equal(countyResult.score, null);
      assert.equal(countyResult.result?.siteName, "演示县人民政府");
      assert.equal(results.find((result) => result.siteId === registered.id)!.verdict, "pass");

      const problems = await listProblems(db);
      assert.equal(problems.length, findingCount(report));
      assert.ok(problems.every((problem) => problem.state === "待确认"));
      const cityProblems = await listProblems(db, { siteId: registered.id });
      assert.equal(cityProblems.length, report.sites.find((site) => site.site === city)!.findings.length);
      assert.ok(cityProblems.every((problem) => problem.ownerUnit === "示范市人民政府办公室"));
      const stored = await db.select().from(schema.findings);
      const typo = report.sites[0]!.findings[0]!;
      const storedTypo = stored.find((finding) => finding.fingerprint === typo.fingerprint)!;
      assert.deepEqual(storedTypo.evidence, typo.evidence);
      assert.equal(storedTypo.problemId, cityProblems.find((p) => p.fingerprint === typo.fingerprint)!.id);
    });

    test("recording the same findings again adds no problem and moves lastSeen on", async () => {
      const { db } = store;
      const report = scoredReport();
      await recordInspection(db, report, "2026年第四季度");
      const before = await listProblems(db);
      const again = await recordInspection(db, nextQuarter(report), "2027年第一季度");
      assert.equal(again.opened, 0);
      const after = await listProblems(db);
      assert.deepEqual(
        after.map((problem) => problem.id),
        before.map((problem) => problem.id),
      );
      for (const problem of after) {
        assert.equal(problem.firstSeen.toISOString(), report.asOf);
        assert.equal(problem.lastSeen.toISOString(), "2027-02-19T16:00:00.000Z");
        assert.equal(problem.lastInspectionId, again.inspectionId);
      }
      // Each inspection keeps its own findings as evidence.
      assert.equal((await db.select().from(schema.findings)).length, 2 * findingCount(report));
      // An older report recorded late does not move lastSeen back.
      await recordInspection(db, report, "2026年第四季度（补录）");
      assert.ok(
        (await listProblems(db)).every((p) => p.lastSeen.toISOString() === "2027-02-19T16:00:00.000Z"),
      );
    });

    test("a dismissed fingerprint stays dismissed; a closed one seen again fails its re-check", async () => {
      const { db } = store;
      const report = scoredReport();
      await recordInspection(db, report, "2026年第四季度");
      const [dismissed, closed, fixed] = await listProblems(db);
      await transitionProblem(db, dismissed!.id, "已忽略", "inspector", "演示站点的有意设置");
      for (const to of ["待整改", "已整改待复查", "已关闭"] as const)
        await transitionProblem(db, closed!.id, to, "owner");
      for (const to of ["待整改", "已整改待复查"] as const)
        await transitionProblem(db, fixed!.id, to, "owner");

      const again = await recordInspection(db, nextQuarter(report), "2027年第一季度");
      assert.equal(again.opened, 0);
      assert.equal(again.reopened, 2);
      const states = new Map((await listProblems(db)).map((p) => [p.id, p]));
      assert.equal(states.get(dismissed!.id)!.state, "已忽略");
      assert.equal(states.get(dismissed!.id)!.ignoreReason, "演示站点的有意设置");
      assert.equal(states.get(closed!.id)!.state, "复查未通过");
      assert.equal(states.get(fixed!.id)!.state, "复查未通过");
      const systemRows = (await db.select().from(schema.auditLog)).filter((row) => row.actor === "system");
      assert.deepEqual(
        systemRows
          .sort((a, b) => a.entityId - b.entityId)
          .map((row) => [row.entityId, row.before, row.after]),
        [
          [
            closed!.id,
            { state: "已关闭" },
            { state: "复查未通过", reason: `检查 ${again.inspectionId} 再次发现` },
          ],
          [
            fixed!.id,
            { state: "已整改待复查" },
            { state: "复查未通过", reason: `检查 ${again.inspectionId} 再次发现` },
          ],
        ],
      );
    });

    test("an inspection that fails midway leaves nothing behind", async () => {
      const { db } = store;
      const report = scoredReport();
      // The last finding of the last site cannot be stored: the database refuses the severity.
      const last = report.sites.at(-1)!.findings.at(-1)!;
      (last as { severity: string }).severity = "fatal";
      await assert.rejects(recordInspection(db, report, "2026年第四季度"));
      for (const table of [
        schema.sites,
        schema.inspections,
        schema.siteResults,
        schema.findings,
        schema.problems,
        schema.auditLog,
      ])
        assert.deepEqual(await db.select().from(table), []);
    });
  });
}
