/** Inspections over HTTP (docs/api.md, Inspections): list, start a period's, results, problem-list exports. */
import type { FastifyInstance } from "fastify";
import { PeriodError, periodWindow } from "../../jobs/period.ts";
import { problemListDocx } from "../../report/docx.ts";
import { problemListXlsx } from "../../report/xlsx.ts";
import {
  getInspection,
  inspectionCrawlReports,
  inspectionFindings,
  inspectionResults,
  listInspections,
} from "../../store/dashboardRepository.ts";
import { requireRole, visibleSiteIds } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { sendDownload } from "../download.ts";
import { badRequest, HttpError, idParam, notFound } from "../httpError.ts";
import { reportOfInspection, type StoredSiteResult } from "../inspectionReport.ts";

const idParams = { type: "object", properties: { id: { type: "string" } } };

export function inspectionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get("/api/inspections", { schema: { tags: ["inspections"], summary: "检查列表" } }, async (request) =>
    listInspections(ctx.db, await visibleSiteIds(ctx, request)),
  );

  app.post(
    "/api/inspections",
    {
      schema: {
        tags: ["inspections"],
        summary: "按周期计算一次定期检查",
        body: {
          type: "object",
          required: ["period"],
          properties: { period: { type: "string", minLength: 1, maxLength: 50 } },
        },
      },
    },
    async (request, reply) => {
      requireRole(request, "admin", "inspector");
      if (ctx.jobs === undefined)
        throw new HttpError(
          503,
          "jobs_unavailable",
          "后台任务未启动（服务以 --no-workers 运行或未连接任务队列），无法开始检查",
        );
      const { period } = request.body as { period: string };
      try {
        periodWindow(period);
      } catch (error) {
        if (error instanceof PeriodError) throw badRequest(error.message, "period");
        throw error;
      }
      const jobId = await ctx.jobs.inspectPeriod(period.replace(/\s+/g, ""));
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    "/api/inspections/:id",
    { schema: { tags: ["inspections"], summary: "检查结果", params: idParams } },
    async (request) => {
      const id = idParam((request.params as { id: string }).id, "检查");
      const inspection = await getInspection(ctx.db, id);
      if (inspection === undefined) throw notFound("检查");
      const rows = await inspectionResults(ctx.db, id, await visibleSiteIds(ctx, request));
      return {
        inspection,
        results: rows.map(({ site, ...row }) => ({ siteId: site.id, siteName: site.name, ...row })),
      };
    },
  );

  app.get(
    "/api/inspections/:id/export",
    {
      schema: {
        tags: ["inspections"],
        summary: "导出问题清单（Word 或 Excel）",
        params: idParams,
        querystring: { type: "object", properties: { format: { type: "string", enum: ["docx", "xlsx"] } } },
      },
    },
    async (request, reply) => {
      const id = idParam((request.params as { id: string }).id, "检查");
      const format = (request.query as { format?: "docx" | "xlsx" }).format ?? "docx";
      const inspection = await getInspection(ctx.db, id);
      if (inspection === undefined) throw notFound("检查");
      const rows = (await inspectionResults(ctx.db, id, await visibleSiteIds(ctx, request))).filter(
        (row) => row.result !== null,
      );
      if (rows.length === 0)
        throw new HttpError(404, "no_results", "这次检查没有可导出的评分结果（或没有可查看的网站）");
      const siteIds = rows.map((row) => row.site.id);
      const [findings, crawls] = await Promise.all([
        inspectionFindings(ctx.db, id, siteIds),
        inspectionCrawlReports(ctx.db, id, siteIds),
      ]);
      const stored: StoredSiteResult[] = rows.map((row) => ({
        site: row.site,
        reachable: row.reachable,
        result: row.result!,
        findings: findings.get(row.site.id) ?? [],
        crawl: crawls.get(row.site.id),
      }));
      const report = reportOfInspection(inspection, stored);
      const results = stored.map((site) => site.result);
      const bytes =
        format === "xlsx" ? await problemListXlsx(report, results) : await problemListDocx(report, results);
      return sendDownload(reply, bytes, `问题清单-${inspection.period}.${format}`, format);
    },
  );
}
