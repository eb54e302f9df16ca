/**
 * The dashboard, inspections and exports against seeded data (the demo inspection recorded twice,
 * probes and error reports inserted), and the public 找错 form end to end.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Finding } from "../../src/core/finding.ts";
import { startServer } from "../../src/server/app.ts";
import { recordInspection } from "../../src/store/inspectionRepository.ts";
import * as schema from "../../src/store/schema.ts";
import type { Site } from "../../src/store/siteRepository.ts";
import { zipEntry } from "../report/fixtures.ts";
import { Client, emptyStore, scoredReport, seed, startTime, useServer } from "./helpers.ts";

const day = 86_400_000;

describe("platform", () => {
  const server = useServer("pglite");
  let city: Site;
  let county: Site;
  let firstId: number;
  let latestId: number;
  let inspector: Client;
  const findings: Finding[] = scoredReport().sites.flatMap((site) => site.findings);

  before(async () => {
    await emptyStore(server.db);
    ({ city, county, inspectionId: firstId } = await seed(server.db));
    // The next quarter's inspection sees the same findings again.
    const later = scoredReport();
    later.asOf = later.generatedAt = "2027-02-19T16:00:00.000Z";
    latestId = (await recordInspection(server.db, later, "2027年第一季度")).inspectionId;
    const probe = (siteId: number, ago: number, ok: boolean, totalMs: number) => ({
      siteId,
      at: new Date(startTime.getTime() - ago),
      ok,
      status: ok ? 200 : null,
      totalMs,
      errorCode: ok ? null : "ETIMEDOUT",
      record: {},
    });
    await server.db.insert(schema.probes).values([
      probe(city.id, 3600_000, true, 100),
      probe(city.id, 2 * day, true, 300),
      probe(city.id, 3 * day, false, 15_000),
      probe(city.id, 8 * day, true, 100), // outside the 7 days
      probe(county.id, 3600_000, true, 50),
    ]);
    await server.db.insert(schema.errorReports).values([
      {
        siteId: city.id,
        category: "错别字",
        description: "通知里有错别字",
        senderHash: "a",
        state: "已办结",
        reply: "已改正",
        dueDate: "2026-11-20",
        receivedAt: new Date("2026-11-17T02:00:00Z"),
        repliedAt: new Date("2026-11-18T02:00:00Z"),
      },
      {
        siteId: county.id,
        category: "链接错误",
        description: "链接打不开了",
        senderHash: "b",
        dueDate: "2026-11-20",
      },
    ]);
    inspector = await Client.signedIn(server.url, "inspector");
  });

  test("the dashboard's numbers match the seeded data", async () => {
    const dashboard = (await inspector.get("/api/dashboard")).body;
    assert.deepEqual(dashboard.sites, { total: 2, running: 2, portal: 2, department: 0 });
    assert.equal(dashboard.latestInspection.id, latestId);
    assert.equal(dashboard.latestInspection.period, "2027年第一季度");
    assert.deepEqual(
      [
        dashboard.latestInspection.passed,
        dashboard.latestInspection.failed,
        dashboard.latestInspection.passRate,
      ],
      [1, 1, 0.5],
    );
    assert.deepEqual(
      dashboard.trend.map((point: { inspectionId: number; passRate: number; problems: number }) => [
        point.inspectionId,
        point.passRate,
        point.problems,
      ]),
      [
        [firstId, 0.5, findings.length],
        [latestId, 0.5, findings.length],
      ],
    );
    assert.equal(dashboard.problems.open, findings.length);
    assert.deepEqual(dashboard.problems.byState, { 待确认: findings.length });
    assert.equal(dashboard.problems.overdue, 0);
    const bySeverity: Record<string, number> = {};
    for (const finding of findings) bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
    assert.deepEqual(dashboard.problems.bySeverity, bySeverity);
    const indicatorTotal = dashboard.problems.byIndicator.reduce(
      (sum: number, row: { count: number }) => sum + row.count,
      0,
    );
    assert.equal(indicatorTotal, findings.length);
    const counts = dashboard.problems.byIndicator.map((row: { count: number }) => row.count);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
      "largest first",
    );
    assert.ok(
      dashboard.problems.byIndicator.every(
        (row: { label: string }) => row.label !== "" && !row.label.includes("·"),
      ),
    );

    assert.deepEqual(dashboard.availability, [
      { siteId: city.id, name: "示范市人民政府", probes: 3, ok: 2, rate: 2 / 3, avgMs: 200 },
      { siteId: county.id, name: "演示县人民政府", probes: 1, ok: 1, rate: 1, avgMs: 50 },
    ]);
    assert.deepEqual(dashboard.errorReports, { total: 2, done: 1, overdue: 1, doneRate: 0.5, onTimeRate: 1 });
  });

  test("overdue problems are counted and listed once their due date has passed", async () => {
    const [problem] = await server.db
      .select()
      .from(schema.problems)
      .where(eq(schema.problems.siteId, county.id));
    const confirmed = await inspector.post(`/api/problems/${problem!.id}/transition`, { to: "待整改" });
    assert.equal(confirmed.body.dueDate, "2026-12-07", "10 working days from 2026-11-23");
    assert.deepEqual((await inspector.get("/api/problems?overdue=1")).body, []);
    server.now = new Date("2026-12-08T02:00:00Z");
    try {
      // Two weeks on: the morning's session has long expired (and signing in clears expired ones).
      const later = await Client.signedIn(server.url, "inspector");
      const overdue = (await later.get("/api/problems?overdue=1")).body;
      assert.deepEqual(
        overdue.map((p: { id: number; siteName: string }) => [p.id, p.siteName]),
        [[problem!.id, "演示县人民政府"]],
      );
      assert.equal((await later.get("/api/dashboard")).body.problems.overdue, 1);
      const filtered = (
        await later.get(`/api/problems?state=待整改&state=整改中&severity=${problem!.severity}`)
      ).body;
      assert.deepEqual(
        filtered.map((p: { id: number }) => p.id),
        [problem!.id],
      );
    } finally {
      server.now = startTime;
      inspector = await Client.signedIn(server.url, "inspector");
    }
  });

  test("a site's detail: latest result, 7 days of probes, the latest inspection's findings, its problems", async () => {
    const detail = (await inspector.get(`/api/sites/${city.id}`)).body;
    assert.equal(detail.site.name, "示范市人民政府");
    assert.deepEqual(
      [detail.latest.inspectionId, detail.latest.verdict, detail.latest.score, detail.latest.reachable],
      [latestId, "pass", 92, true],
    );
    assert.equal(detail.probes.length, 3);
    assert.deepEqual(detail.columns, []);
    const cityFindings = scoredReport().sites.find(
      (site) => site.site === "http://www.demo-city.gov.cn",
    )!.findings;
    assert.equal(detail.findings.length, cityFindings.length);
    assert.deepEqual(Object.keys(detail.findings[0]).sort(), [
      "check",
      "confidence",
      "evidence",
      "fingerprint",
      "indicator",
      "locator",
      "message",
      "severity",
      "url",
    ]);
    assert.equal(detail.problems.length, cityFindings.length);
  });

  test("inspections: list newest first, results, and Word/Excel problem lists", async () => {
    const list = (await inspector.get("/api/inspections")).body;
    assert.deepEqual(
      list.map((i: { id: number; sites: number; passed: number; failed: number; status: string }) => [
        i.id,
        i.sites,
        i.passed,
        i.failed,
        i.status,
      ]),
      [
        [latestId, 2, 1, 1, "已完成"],
        [firstId, 2, 1, 1, "已完成"],
      ],
    );
    const detail = (await inspector.get(`/api/inspections/${firstId}`)).body;
    assert.equal(detail.inspection.period, "2026年第四季度");
    assert.deepEqual(
      detail.results.map((r: { siteName: string; verdict: string; score: number | null }) => [
        r.siteName,
        r.verdict,
        r.score,
      ]),
      [
        ["示范市人民政府", "pass", 92],
        ["演示县人民政府", "fail", null],
      ],
    );
    assert.equal(detail.results[0].result.verdictName, "合格");
    assert.equal((await inspector.get("/api/inspections/99999")).status, 404);

    const docx = await inspector.get(`/api/inspections/${firstId}/export?format=docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get("content-type")!, /wordprocessingml/);
    const document = zipEntry(docx.bytes, "word/document.xml")!;
    for (const text of [
      "政府网站检查问题清单",
      "示范市人民政府",
      "演示县人民政府",
      "不合格",
      findings[0]!.message.slice(0, 8),
    ])
      assert.ok(document.includes(text), text);

    const xlsx = await inspector.get(`/api/inspections/${firstId}/export?format=xlsx`);
    assert.match(xlsx.headers.get("content-disposition")!, /attachment; filename=".*\.xlsx"/);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["汇总", "问题清单"],
    );
    const fingerprints = new Set(workbook.getWorksheet("问题清单")!.getSheetValues().flat().map(String));
    assert.ok(findings.filter((f) => f.severity !== "info").every((f) => fingerprints.has(f.fingerprint)));
  });

  test("starting a period's inspection enqueues it; a bad period is 400; without jobs 503", async () => {
    const started = await inspector.post("/api/inspections", { period: "2026年 第四季度" });
    assert.equal(started.status, 202);
    assert.equal(typeof started.body.jobId, "string");
    assert.deepEqual(await server.queued("inspect-period"), [{ period: "2026年第四季度" }]);
    const bad = await inspector.post("/api/inspections", { period: "下个季度" });
    assert.deepEqual([bad.status, bad.body.field], [400, "period"]);

    const withoutJobs = await startServer({ store: server.store, port: 0, clock: () => server.now });
    try {
      const client = await Client.signedIn(withoutJobs.url, "inspector");
      const refused = await client.post("/api/inspections", { period: "2026年第四季度" });
      assert.equal(refused.status, 503);
      assert.match(refused.body.error, /后台任务未启动/);
    } finally {
      await withoutJobs.close();
    }
  });

  test("the public 找错 form: token, honeypot, internal URLs, duplicates, 5 per hour, then the inbox", async () => {
    const visitor = new Client(server.url);
    const sites = (await visitor.get("/api/public/sites")).body;
    assert.deepEqual(
      sites.map((s: { name: string }) => s.name),
      ["示范市人民政府", "演示县人民政府"],
    );
    assert.deepEqual(Object.keys(sites[0]).sort(), ["homepage", "id", "name"]);
    const { token } = (await visitor.get("/api/public/form-token")).body;
    const report = (description: string, extra: object = {}) => ({
      token,
      siteId: city.id,
      category: "错别字",
      description,
      website: "",
      ...extra,
    });

    const tooFast = await visitor.post("/api/public/error-reports", report("首页要闻标题有错别字"));
    assert.deepEqual([tooFast.status, tooFast.body.field], [400, "token"]);
    server.now = new Date(startTime.getTime() + 5000);
    try {
      const forged = await visitor.post(
        "/api/public/error-reports",
        report("首页要闻标题有错别字", { token: `${token}x` }),
      );
      assert.deepEqual([forged.status, forged.body.field], [400, "token"]);
      const bot = await visitor.post(
        "/api/public/error-reports",
        report("买药请点击这里的链接", { website: "http://spam" }),
      );
      assert.deepEqual([bot.status, bot.body.field], [400, "website"]);
      for (const internal of [
        "http://127.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
      ]) {
        const refused = await visitor.post(
          "/api/public/error-reports",
          report("这个页面打不开了", { pageUrl: internal }),
        );
        assert.deepEqual([refused.status, refused.body.field], [400, "pageUrl"], internal);
      }
      const accepted = await visitor.post(
        "/api/public/error-reports",
        report("首页要闻标题有错别字", { pageUrl: "http://1.2.3.4/news/1.html", contactName: "王先生" }),
      );
      assert.equal(accepted.status, 201);
      assert.equal(accepted.body.dueDate, "2026-11-26", "3 working days");
      const again = await visitor.post("/api/public/error-reports", report("首页要闻标题有错别字"));
      assert.deepEqual([again.status, again.body.code], [409, "duplicate"]);
      const tooLarge = await visitor.post("/api/public/error-reports", report("很长".repeat(10_000)));
      assert.equal(tooLarge.status, 413);

      // The bot and the accepted report count; three more fill the hour.
      for (const n of [1, 2, 3])
        assert.equal(
          (await visitor.post("/api/public/error-reports", report(`第 ${n} 处错误的描述`))).status,
          201,
        );
      const limited = await visitor.post("/api/public/error-reports", report("第 4 处错误的描述"));
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get("retry-after")) > 0);
      server.now = new Date(startTime.getTime() + 3600_000 + 10_000);
      assert.equal(
        (await visitor.post("/api/public/error-reports", report("第 4 处错误的描述"))).status,
        201,
      );
    } finally {
      server.now = startTime;
    }
    const owner = await Client.signedIn(server.url, "city");
    const inbox = (await owner.get("/api/error-reports?state=待处理")).body;
    assert.equal(inbox.length, 5);
    const [received] = inbox.filter((r: { pageUrl: string | null }) => r.pageUrl !== null);
    assert.equal(received.contactName, "王先生");
    assert.equal(received.senderHash.includes("127.0.0.1"), false);
    const replied = await owner.post(`/api/error-reports/${received.id}/reply`, {
      state: "已办结",
      reply: "已更正",
    });
    assert.equal(replied.body.state, "已办结");
    const final = await owner.post(`/api/error-reports/${received.id}/reply`, { state: "处理中", reply: "" });
    assert.equal(final.status, 409);
    const stats = (await owner.get("/api/error-reports/stats")).body;
    assert.deepEqual([stats.total, stats.done, stats.byState["待处理"]], [6, 2, 4]);
  });
});
