/**
 * Role isolation through the API (issue 7, "Done when"): an owner sees and changes only its own
 * unit's sites, problems, findings, results, exports and error reports; readonly cannot write; each
 * role makes only its own moves of the problem workflow. On PGlite and on PostgreSQL.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import * as schema from "../../src/store/schema.ts";
import type { Site } from "../../src/store/siteRepository.ts";
import { engines } from "../store/engines.ts";
import { addUser, Client, emptyStore, seed, useServer } from "./helpers.ts";

for (const engine of engines) {
  describe(engine, () => {
    const server = useServer(engine);
    let city: Site;
    let county: Site;
    let inspectionId: number;
    let clients: Record<"admin" | "inspector" | "reader" | "city" | "county", Client>;

    before(async () => {
      await emptyStore(server.db);
      ({ city, county, inspectionId } = await seed(server.db));
      clients = {
        admin: await Client.signedIn(server.url, "admin"),
        inspector: await Client.signedIn(server.url, "inspector"),
        reader: await Client.signedIn(server.url, "reader"),
        city: await Client.signedIn(server.url, "city"),
        county: await Client.signedIn(server.url, "county"),
      };
    });

    const problemsOf = async (site: Site) =>
      server.db.select().from(schema.problems).where(eq(schema.problems.siteId, site.id));

    test("an owner sees only its unit's sites; another unit's site, problems and findings are 404", async () => {
      const sites = await clients.county.get("/api/sites");
      assert.deepEqual(
        sites.body.map((site: { name: string }) => site.name),
        ["演示县人民政府"],
      );
      assert.equal(sites.body[0].latest.verdict, "fail");
      assert.ok(sites.body[0].openProblems > 0);
      assert.equal((await clients.inspector.get("/api/sites")).body.length, 2);
      assert.equal((await clients.reader.get("/api/sites")).body.length, 2);

      const other = await clients.county.get(`/api/sites/${city.id}`);
      assert.equal(other.status, 404);
      assert.equal(other.body.code, "not_found");
      assert.equal(other.body.site, undefined);
      const own = await clients.county.get(`/api/sites/${county.id}`);
      assert.equal(own.status, 200);
      assert.ok(own.body.findings.length > 0);
      assert.ok(own.body.problems.every((p: { siteId: number }) => p.siteId === county.id));

      const cityProblem = (await problemsOf(city))[0]!;
      assert.equal((await clients.county.get(`/api/problems/${cityProblem.id}`)).status, 404);
      const listed = await clients.county.get(`/api/problems?siteId=${city.id}&siteId=${county.id}`);
      assert.ok(listed.body.length > 0);
      assert.ok(listed.body.every((p: { siteId: number }) => p.siteId === county.id));
      assert.equal((await clients.county.get(`/api/problems?siteId=${city.id}`)).body.length, 0);
    });

    test("an owner's inspection results, dashboard and exports cover only its sites", async () => {
      const results = await clients.county.get(`/api/inspections/${inspectionId}`);
      assert.deepEqual(
        results.body.results.map((r: { siteName: string }) => r.siteName),
        ["演示县人民政府"],
      );
      const [listed] = (await clients.county.get("/api/inspections")).body;
      assert.deepEqual([listed.sites, listed.passed, listed.failed], [1, 0, 1]);
      const dashboard = (await clients.county.get("/api/dashboard")).body;
      assert.equal(dashboard.sites.total, 1);
      assert.equal(dashboard.latestInspection.passRate, 0);

      const xlsx = await clients.county.get(`/api/inspections/${inspectionId}/export?format=xlsx`);
      assert.equal(xlsx.status, 200);
      const { default: ExcelJS } = await import("exceljs");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const names = workbook.getWorksheet("汇总")!.getColumn(2).values.filter(Boolean);
      assert.deepEqual(names.slice(1), ["演示县人民政府"]);
    });

    test("an owner cannot change another unit's problem; it can work on its own", async () => {
      const cityProblem = (await problemsOf(city))[0]!;
      const countyProblem = (await problemsOf(county))[0]!;
      // Confirmed first, by the inspector: only then is there work for the owner.
      for (const id of [cityProblem.id, countyProblem.id])
        assert.equal(
          (await clients.inspector.post(`/api/problems/${id}/transition`, { to: "待整改" })).status,
          200,
        );

      const foreign = await clients.county.post(`/api/problems/${cityProblem.id}/transition`, {
        to: "整改中",
      });
      assert.equal(foreign.status, 404);
      const bulk = await clients.county.post("/api/problems/bulk", {
        ids: [cityProblem.id, countyProblem.id],
        to: "整改中",
      });
      assert.deepEqual(bulk.body.updated, [countyProblem.id]);
      assert.deepEqual(
        bulk.body.failed.map((f: { id: number; code: string }) => [f.id, f.code]),
        [[cityProblem.id, "not_found"]],
      );
      const [after] = await server.db
        .select()
        .from(schema.problems)
        .where(eq(schema.problems.id, cityProblem.id));
      assert.equal(after!.state, "待整改", "untouched");
    });

    test("readonly may read everything and write nothing", async () => {
      const problem = (await problemsOf(county))[1]!;
      for (const [method, path, body] of [
        ["POST", "/api/sites", { name: "x", homepage: "http://x.gov.cn/" }],
        ["PUT", `/api/sites/${county.id}`, { name: "改名" }],
        ["DELETE", `/api/sites/${county.id}`, undefined],
        ["POST", `/api/problems/${problem.id}/transition`, { to: "待整改" }],
        ["POST", "/api/inspections", { period: "2026年第四季度" }],
        ["POST", "/api/accounts", { platform: "微信", name: "x" }],
      ] as const) {
        const answer = await clients.reader.request(method, path, body);
        assert.equal(answer.status, 403, `${method} ${path}`);
        assert.equal(answer.body.code, "forbidden");
      }
      assert.equal((await clients.reader.get(`/api/problems/${problem.id}`)).status, 200);
      const [unchanged] = await server.db.select().from(schema.sites).where(eq(schema.sites.id, county.id));
      assert.equal(unchanged!.name, "演示县人民政府");
    });

    test("each role makes only its own moves; the machine's forbidden moves are 409", async () => {
      const [a, b] = await problemsOf(county).then((list) => list.filter((p) => p.state === "待确认"));
      const move = (who: keyof typeof clients, id: number, to: string, reason?: string) =>
        clients[who].post(`/api/problems/${id}/transition`, { to, ...(reason ? { reason } : {}) });

      assert.equal((await move("county", a!.id, "待整改")).status, 403, "an owner does not confirm");
      assert.equal((await move("inspector", a!.id, "整改中")).status, 403, "an inspector does not fix");
      assert.equal((await move("inspector", a!.id, "已关闭")).status, 403, "only the re-check closes");
      const noReason = await move("inspector", a!.id, "已忽略");
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.field, "reason");
      const early = await move("county", a!.id, "已整改待复查");
      assert.equal(early.status, 409, "not confirmed yet");
      assert.equal(early.body.code, "state_conflict");

      const confirmed = await move("inspector", a!.id, "待整改");
      assert.equal(confirmed.body.state, "待整改");
      assert.match(confirmed.body.dueDate, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal((await move("county", a!.id, "整改中")).body.state, "整改中");
      const fixed = await move("county", a!.id, "已整改待复查");
      assert.equal(fixed.body.state, "已整改待复查");
      assert.deepEqual(
        (await server.queued("recheck")).slice(-1),
        [{ problemId: a!.id }],
        "the re-check of exactly this problem is queued",
      );

      const dismissed = await move("inspector", b!.id, "已忽略", "误报：页面为历史归档");
      assert.equal(dismissed.body.state, "已忽略");
      assert.equal(dismissed.body.ignoreReason, "误报：页面为历史归档");
      assert.equal((await move("admin", b!.id, "待确认")).body.state, "待确认");

      const detail = await clients.county.get(`/api/problems/${a!.id}`);
      assert.deepEqual(
        detail.body.audit.map((row: { actor: string; after: { state: string } }) => [
          row.actor,
          row.after.state,
        ]),
        [
          ["inspector", "待整改"],
          ["county", "整改中"],
          ["county", "已整改待复查"],
        ],
      );
      assert.ok(detail.body.findings.length >= 1);
    });

    test("error reports: an owner sees and answers only its own sites' reports", async () => {
      const [countyReport, cityReport] = await server.db
        .insert(schema.errorReports)
        .values([
          {
            siteId: county.id,
            category: "错别字",
            description: "首页通知有错别字",
            senderHash: "s1",
            dueDate: "2026-11-26",
          },
          {
            siteId: city.id,
            category: "链接错误",
            description: "办事指南链接打不开",
            senderHash: "s2",
            dueDate: "2026-11-26",
          },
        ])
        .returning();
      const inbox = await clients.county.get("/api/error-reports");
      assert.deepEqual(
        inbox.body.map((r: { id: number }) => r.id),
        [countyReport!.id],
      );
      assert.equal((await clients.inspector.get("/api/error-reports")).body.length, 2);
      assert.equal((await clients.county.get("/api/error-reports/stats")).body.total, 1);

      const foreign = await clients.county.post(`/api/error-reports/${cityReport!.id}/reply`, {
        state: "已办结",
        reply: "已修改",
      });
      assert.equal(foreign.status, 404);
      const own = await clients.county.post(`/api/error-reports/${countyReport!.id}/reply`, {
        state: "已办结",
        reply: "已更正，感谢指正",
      });
      assert.equal(own.status, 200);
      assert.equal(own.body.state, "已办结");
      assert.equal(
        (
          await clients.reader.post(`/api/error-reports/${cityReport!.id}/reply`, {
            state: "处理中",
            reply: "",
          })
        ).status,
        403,
      );
      const [audit] = await server.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, "error_report.reply"));
      assert.equal(audit!.actor, "county");
    });

    test("an owner without sites of its unit sees nothing at all", async () => {
      await addUser(server.db, "lonely", "owner", "不存在的单位");
      const lonely = await Client.signedIn(server.url, "lonely");
      assert.deepEqual((await lonely.get("/api/sites")).body, []);
      assert.deepEqual((await lonely.get("/api/problems")).body, []);
      assert.deepEqual((await lonely.get("/api/error-reports")).body, []);
      assert.equal((await lonely.get("/api/dashboard")).body.sites.total, 0);
      assert.equal((await lonely.get(`/api/inspections/${inspectionId}/export?format=docx`)).status, 404);
    });
  });
}
