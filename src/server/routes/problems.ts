/** Problems over HTTP (docs/api.md, Problems): the list, one problem's history, transitions. */
import type { FastifyInstance } from "fastify";
import { chinaDay } from "../../core/chinaDate.ts";
import { getProblem, problemAudit, problemFindings, queryProblems } from "../../store/problemRepository.ts";
import type { Severity } from "../../core/finding.ts";
import { problemState, severity, type ProblemState } from "../../store/schema.ts";
import { getSite } from "../../store/siteRepository.ts";
import { assertSiteVisible, narrowedSiteIds } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, idParam, notFound } from "../httpError.ts";
import { moveProblem, type TransitionRequest } from "../problemWorkflow.ts";

/** A repeatable query parameter: fastify's Ajv (coerceTypes "array") turns a single value into a list. */
const many = (items: object) => ({ type: "array", items });

const transitionBody = {
  type: "object",
  required: ["to"],
  properties: {
    to: { type: "string", enum: problemState.enumValues },
    reason: { type: "string", maxLength: 2000 },
  },
};

interface ProblemQueryString {
  state?: ProblemState[];
  severity?: Severity[];
  siteId?: number[];
  check?: string[];
  overdue?: string;
}

export function problemRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    "/api/problems",
    {
      schema: {
        tags: ["problems"],
        summary: "问题列表",
        querystring: {
          type: "object",
          properties: {
            state: many({ type: "string", enum: problemState.enumValues }),
            severity: many({ type: "string", enum: severity.enumValues }),
            siteId: many({ type: "integer", minimum: 1 }),
            check: many({ type: "string", maxLength: 100 }),
            overdue: { type: "string", enum: ["1", "0", "true", "false"] },
          },
        },
      },
    },
    async (request) => {
      const query = request.query as ProblemQueryString;
      const overdue = query.overdue === "1" || query.overdue === "true";
      return queryProblems(ctx.db, {
        siteIds: await narrowedSiteIds(ctx, request, query.siteId),
        states: query.state,
        severities: query.severity,
        checks: query.check,
        ...(overdue ? { overdueBefore: chinaDay(ctx.clock()) } : {}),
      });
    },
  );

  app.get(
    "/api/problems/:id",
    {
      schema: {
        tags: ["problems"],
        summary: "问题详情与经过",
        params: { type: "object", properties: { id: { type: "string" } } },
      },
    },
    async (request) => {
      const id = idParam((request.params as { id: string }).id, "问题");
      const problem = await getProblem(ctx.db, id);
      if (problem === undefined) throw notFound("问题");
      await assertSiteVisible(ctx, request, problem.siteId, "问题");
      const [site, findings, audit] = await Promise.all([
        getSite(ctx.db, problem.siteId),
        problemFindings(ctx.db, id),
        problemAudit(ctx.db, id),
      ]);
      return { problem, siteName: site?.name ?? null, findings, audit };
    },
  );

  app.post(
    "/api/problems/:id/transition",
    {
      schema: {
        tags: ["problems"],
        summary: "改变问题状态",
        params: { type: "object", properties: { id: { type: "string" } } },
        body: transitionBody,
      },
    },
    async (request) =>
      moveProblem(
        ctx,
        request,
        idParam((request.params as { id: string }).id, "问题"),
        request.body as TransitionRequest,
      ),
  );

  app.post(
    "/api/problems/bulk",
    {
      schema: {
        tags: ["problems"],
        summary: "批量改变问题状态",
        body: {
          ...transitionBody,
          required: ["ids", "to"],
          properties: {
            ...transitionBody.properties,
            ids: { type: "array", minItems: 1, maxItems: 1000, items: { type: "integer", minimum: 1 } },
          },
        },
      },
    },
    async (request) => {
      const { ids, ...change } = request.body as TransitionRequest & { ids: number[] };
      const updated: number[] = [];
      const failed: { id: number; error: string; code: string }[] = [];
      for (const id of new Set(ids)) {
        try {
          await moveProblem(ctx, request, id, change);
          updated.push(id);
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          failed.push({ id, error: error.message, code: error.code });
        }
      }
      return { updated, failed };
    },
  );
}
