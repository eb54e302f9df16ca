import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Finding } from "../../src/core/finding.ts";
import type { InspectionReport } from "../../src/report/schema.ts";
import { recordInspection } from "../../src/store/inspectionRepository.ts";
import type { Db } from "../../src/store/open.ts";
import {
  getProblem,
  listProblems,
  overdueProblems,
  transitionProblem,
  type Problem,
} from "../../src/store/problemRepository.ts";
import * as schema from "../../src/store/schema.ts";
import { engines, useStore } from "./engines.ts";

const site = "http://www.example.gov.cn";
const seen = "2026-11-19T16:00:00.000Z";

function finding(fingerprint: string, severity: Finding["severity"]): Finding {
  return {
    check: "link.broken",
    site,
    url: `${site}/${fingerprint}.html`,
    locator: "a[href]",
    message: "链接无法访问",
    evidence: { status: 404 },
    severity,
    confidence: "confirmed",
    fingerprint,
    firstSeen: seen,
    lastSeen: seen,
  };
}

/** A small constructed report: one site, three findings of different severities. */
function smallReport(): InspectionReport {
  const findings = [finding("f-veto", "veto"), finding("f-deduct", "deduct"), finding("f-warn", "warn")];
  return {
    schemaVersion: 1,
    tool: { name: "zhijian", version: "test" },
    generatedAt: seen,
    asOf: seen,
    settings: {
      maxPages: 10,
      maxDepth: 2,
      respectRobots: true,
      checkExternal: false,
      userAgent: "zhijian-test",
      maxConcurrencyPerHost: 1,
      minIntervalMs: 0,
      timeoutMs: 1000,
    },
    sites: [
      {
        site,
        reachable: true,
        facts: {
          homepage: `${site}/`,
          finalUrl: `${site}/`,
          status: 200,
          error: null,
          redirects: [],
          responseMs: 10,
          contentType: "text/html",
          server: null,
          charset: null,
          title: "示例市人民政府",
          lang: "zh-CN",
          meta: {},
          tls: null,
          scopeHosts: ["www.example.gov.cn"],
          sitemaps: [],
        },
        stats: {} as InspectionReport["sites"][number]["stats"],
        findings,
        counts: { bySeverity: {}, byCheck: {}, byConfidence: {} },
      },
    ],
    totals: { sites: 1, reachable: 1, findings: findings.length, bySeverity: {} },
  };
}

async function problemsOf(db: Db): Promise<Map<string, Problem>> {
  await recordInspection(db, smallReport(), "2026年第四季度");
  return new Map((await listProblems(db)).map((problem) => [problem.fingerprint, problem]));
}

for (const engine of engines) {
  describe(engine, () => {
    const store = useStore(engine);
    test("the whole life cycle, each step audited", async () => {
      const { db } = store;
      const problem = (await problemsOf(db)).get("f-veto")!;
      const path = ["待整改", "整改中", "已整改待复查", "复查未通过", "已整改待复查", "已关闭"] as const;
      for (const to of path) {
        const moved = await transitionProblem(db, problem.id, to, "张三");
        assert.equal(moved.state, to);
      }
      const audit = await db.select().from(schema.auditLog);
      assert.deepEqual(
        audit.map((row) => [
          row.actor,
          row.action,
          row.entity,
          row.entityId,
          row.before!.state,
          row.after!.state,
        ]),
        path.map((to, i) => [
          "张三",
          "problem.transition",
          "problem",
          problem.id,
          i === 0 ? "待确认" : path[i - 1],
          to,
        ]),
      );
      assert.ok(audit.every((row) => row.at instanceof Date));
    });

    test("refused transitions throw in Chinese and change nothing", async () => {
      const { db } = store;
      const problem = (await problemsOf(db)).get("f-deduct")!;
      await assert.rejects(
        transitionProblem(db, problem.id, "已关闭", "李四"),
        new RegExp(`问题 ${problem.id} 当前为“待确认”，不能改为“已关闭”（只能改为：待整改、已忽略）`),
      );
      await assert.rejects(transitionProblem(db, problem.id, "已忽略", "李四"), /忽略问题须填写理由/);
      await assert.rejects(transitionProblem(db, problem.id, "已忽略", "李四", "  "), /忽略问题须填写理由/);
      await assert.rejects(transitionProblem(db, 99999, "待整改", "李四"), /问题不存在：编号 99999/);
      assert.equal((await getProblem(db, problem.id))!.state, "待确认");
      assert.deepEqual(await db.select().from(schema.auditLog), []);
    });

    test("a dismissal keeps its reason until it is taken back", async () => {
      const { db } = store;
      const problem = (await problemsOf(db)).get("f-warn")!;
      const ignored = await transitionProblem(db, problem.id, "已忽略", "王五", "外部链接，非本站责任");
      assert.equal(ignored.ignoreReason, "外部链接，非本站责任");
      const back = await transitionProblem(db, problem.id, "待确认", "王五");
      assert.equal(back.ignoreReason, null);
      const [dismissal] = await db.select().from(schema.auditLog);
      assert.deepEqual(dismissal!.after, { state: "已忽略", reason: "外部链接，非本站责任" });
    });

    test("confirming sets a due date in working days, across 国庆; overdue lists what passed it", async () => {
      const { db } = store;
      const problem = (await problemsOf(db)).get("f-veto")!;
      // Confirmed on Tuesday 2026-09-29 (China time): 10 working days are 09-30, 10-08, 10-09, the
      // make-up Saturday 10-10, then 10-12 to 10-16 and 10-19; the 国庆 holiday (10-01 to 10-07) is skipped.
      const at = new Date("2026-09-29T09:00:00+08:00");
      const confirmed = await transitionProblem(db, problem.id, "待整改", "张三", undefined, { at });
      assert.equal(confirmed.dueDate, "2026-10-19");
      const working = await transitionProblem(db, problem.id, "整改中", "owner");
      assert.equal(working.dueDate, "2026-10-19", "work in progress keeps its deadline");
      const ids = async (day: string) =>
        (await overdueProblems(db, new Date(`${day}T12:00:00+08:00`))).map((p) => p.id);
      assert.deepEqual(await ids("2026-10-19"), [], "due today is not overdue");
      assert.deepEqual(await ids("2026-10-20"), [problem.id]);
      const fixed = await transitionProblem(db, problem.id, "已整改待复查", "owner");
      assert.equal(fixed.dueDate, null, "a fixed problem waits for its re-check, not for the owner");
      assert.deepEqual(await ids("2026-10-20"), []);
      // A year the calendar lacks gives no deadline rather than a guessed one or a failed change.
      const late = await transitionProblem(db, problem.id, "复查未通过", "system", undefined, {
        at: new Date("2099-12-30T09:00:00+08:00"),
      });
      assert.equal(late.state, "复查未通过");
      assert.equal(late.dueDate, null);
    });

    test("problems are listed by site, state and severity", async () => {
      const { db } = store;
      const problems = await problemsOf(db);
      await transitionProblem(db, problems.get("f-veto")!.id, "待整改", "张三");
      const fingerprints = async (filter: Parameters<typeof listProblems>[1]) =>
        (await listProblems(db, filter)).map((problem) => problem.fingerprint);
      assert.deepEqual(await fingerprints({ states: ["待确认"] }), ["f-deduct", "f-warn"]);
      assert.deepEqual(await fingerprints({ severities: ["veto", "warn"] }), ["f-veto", "f-warn"]);
      assert.deepEqual(await fingerprints({ states: ["待确认"], severities: ["deduct"] }), ["f-deduct"]);
      const siteId = problems.get("f-veto")!.siteId;
      assert.deepEqual(await fingerprints({ siteId }), ["f-veto", "f-deduct", "f-warn"]);
      assert.deepEqual(await fingerprints({ siteId: siteId + 1 }), []);
    });
  });
}
