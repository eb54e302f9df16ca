/**
 * 我为政府网站找错 over HTTP (docs/api.md): the public form's routes (no sign-in; a signed form token,
 * a honeypot field, 5 submissions per hour per sender, a small body) and the signed-in inbox.
 */
import type { FastifyInstance } from "fastify";
import {
  errorReportCategories,
  ErrorReportInputError,
  errorReportStats,
  getErrorReport,
  listErrorReports,
  replyToErrorReport,
  submitErrorReport,
  type ErrorReportState,
  type ErrorReportSubmission,
} from "../../store/errorReportRepository.ts";
import { errorReportState } from "../../store/schema.ts";
import { listSitesIn } from "../../store/siteRepository.ts";
import { assertSiteVisible, requireRole, visibleSiteIds } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { checkFormToken, issueFormToken, senderHash } from "../formToken.ts";
import { badRequest, HttpError, idParam, notFound, rateLimited } from "../httpError.ts";
import { refusePublicUrl } from "../publicUrl.ts";

const nullableText = (maxLength: number) => ({ type: ["string", "null"], maxLength });

/** What the public form sends: the report without the sender (the server knows it), plus the form's guards. */
type Submission = Omit<ErrorReportSubmission, "senderHash"> & { token: string; website?: string };

/** Store input errors as API errors: a repeat is a conflict, the rest bad input. */
function inputError(error: ErrorReportInputError): HttpError {
  if (error.code === "duplicate" || error.code === "conflict")
    return new HttpError(409, error.code, error.message, error.field);
  if (error.code === "not_found" && error.field === "id") return notFound("找错留言");
  return new HttpError(400, error.code, error.message, error.field);
}

export function errorReportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get("/api/public/sites", { schema: { tags: ["public"], summary: "可找错的网站" } }, async () =>
    (await listSitesIn(ctx.db, undefined))
      .filter((site) => site.status === "运行")
      .map(({ id, name, homepage }) => ({ id, name, homepage })),
  );

  app.get(
    "/api/public/categories",
    { schema: { tags: ["public"], summary: "找错问题类型" } },
    async () => errorReportCategories,
  );

  app.get(
    "/api/public/form-token",
    { schema: { tags: ["public"], summary: "找错表单令牌" } },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return { token: issueFormToken(ctx.secret, ctx.clock()) };
    },
  );

  app.post(
    "/api/public/error-reports",
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ["public"],
        summary: "提交找错",
        body: {
          type: "object",
          required: ["token", "siteId", "category", "description"],
          properties: {
            token: { type: "string", maxLength: 200 },
            siteId: { type: "integer", minimum: 1 },
            pageUrl: nullableText(2000),
            category: { type: "string", maxLength: 50 },
            description: { type: "string", maxLength: 4000 },
            contactName: nullableText(100),
            contact: nullableText(100),
            website: { type: "string", maxLength: 500 },
          },
        },
      },
    },
    async (request, reply) => {
      const body = request.body as Submission;
      const sender = senderHash(ctx.secret, request.ip);
      const now = ctx.clock();
      const wait = ctx.publicLimiter.retryAfter(sender, now.getTime());
      if (wait > 0) throw rateLimited(`提交过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试`, wait);
      if (body.website) {
        // Only a bot fills the hidden field; it counts against the sender like a submission.
        ctx.publicLimiter.record(sender, now.getTime());
        throw new HttpError(400, "rejected", "提交未被受理", "website");
      }
      const tokenProblem = checkFormToken(ctx.secret, body.token, now);
      if (tokenProblem !== null) throw new HttpError(400, "form_token", tokenProblem, "token");
      const pageUrl = body.pageUrl?.trim() || null;
      if (pageUrl !== null) {
        const refusal = await refusePublicUrl(pageUrl);
        if (refusal !== null && refusal.kind !== "unresolved")
          throw badRequest(`页面地址不予受理：${refusal.reason}`, "pageUrl");
      }
      try {
        const report = await submitErrorReport(
          ctx.db,
          {
            siteId: body.siteId,
            pageUrl,
            category: body.category,
            description: body.description,
            contactName: body.contactName ?? null,
            contact: body.contact ?? null,
            senderHash: sender,
          },
          now,
        );
        ctx.publicLimiter.record(sender, now.getTime());
        return reply.code(201).send({ id: report.id, dueDate: report.dueDate });
      } catch (error) {
        if (error instanceof ErrorReportInputError) throw inputError(error);
        throw error;
      }
    },
  );

  app.get(
    "/api/error-reports",
    {
      schema: {
        tags: ["error-reports"],
        summary: "找错留言",
        querystring: {
          type: "object",
          properties: {
            state: { type: "array", items: { type: "string", enum: errorReportState.enumValues } },
          },
        },
      },
    },
    async (request) => {
      const { state } = request.query as { state?: ErrorReportState[] };
      const siteIds = await visibleSiteIds(ctx, request);
      return listErrorReports(ctx.db, {
        ...(siteIds === undefined ? {} : { siteIds }),
        ...(state ? { states: state } : {}),
      });
    },
  );

  app.get(
    "/api/error-reports/stats",
    { schema: { tags: ["error-reports"], summary: "找错统计" } },
    async (request) => {
      const siteIds = await visibleSiteIds(ctx, request);
      return errorReportStats(ctx.db, siteIds === undefined ? {} : { siteIds }, ctx.clock());
    },
  );

  app.post(
    "/api/error-reports/:id/reply",
    {
      schema: {
        tags: ["error-reports"],
        summary: "答复找错留言",
        params: { type: "object", properties: { id: { type: "string" } } },
        body: {
          type: "object",
          required: ["state", "reply"],
          properties: {
            state: { type: "string", enum: errorReportState.enumValues },
            reply: { type: "string", maxLength: 4000 },
          },
        },
      },
    },
    async (request) => {
      const user = requireRole(request, "admin", "inspector", "owner");
      const id = idParam((request.params as { id: string }).id, "找错留言");
      const report = await getErrorReport(ctx.db, id);
      if (report === undefined) throw notFound("找错留言");
      const visible = await visibleSiteIds(ctx, request);
      if (visible !== undefined && report.siteId === null) throw notFound("找错留言");
      if (report.siteId !== null) await assertSiteVisible(ctx, request, report.siteId, "找错留言");
      try {
        return await replyToErrorReport(
          ctx.db,
          id,
          request.body as { state: ErrorReportState; reply: string },
          user.username,
          ctx.clock(),
        );
      } catch (error) {
        if (error instanceof ErrorReportInputError) throw inputError(error);
        throw error;
      }
    },
  );
}
