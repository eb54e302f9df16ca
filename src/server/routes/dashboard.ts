/** GET /api/dashboard (docs/api.md, Dashboard): everything scoped to the caller's visible sites. */
import type { FastifyInstance } from "fastify";
import { dashboardNumbers } from "../../store/dashboardRepository.ts";
import { errorReportStats } from "../../store/errorReportRepository.ts";
import { visibleSiteIds } from "../auth.ts";
import type { ServerContext } from "../context.ts";

export function dashboardRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get("/api/dashboard", { schema: { tags: ["dashboard"], summary: "总览" } }, async (request) => {
    const siteIds = await visibleSiteIds(ctx, request);
    const asOf = ctx.clock();
    const [numbers, reports] = await Promise.all([
      dashboardNumbers(ctx.db, siteIds, asOf),
      errorReportStats(ctx.db, siteIds === undefined ? {} : { siteIds }, asOf),
    ]);
    const { total, done, overdue, doneRate, onTimeRate } = reports;
    return { ...numbers, errorReports: { total, done, overdue, doneRate, onTimeRate } };
  });
}
