/** The site registry over HTTP (docs/api.md, Registry): list, detail, create, edit, delete, import, export. */
import type { FastifyInstance } from "fastify";
import { loadIdentityReference } from "../../checks/identityReference.ts";
import {
  inspectionSiteFindings,
  latestColumns,
  latestResults,
  openProblemCounts,
  siteProbes,
} from "../../store/dashboardRepository.ts";
import { queryProblems } from "../../store/problemRepository.ts";
import {
  exportSitesCsv,
  exportSitesXlsx,
  readRegistryFile,
  RegistryFileError,
  withFileRowNumbers,
} from "../../store/registryFile.ts";
import { siteKind, siteStatus } from "../../store/schema.ts";
import {
  createSite,
  deleteSite,
  getSite,
  getSiteByHomepage,
  importSites,
  listSitesIn,
  normalizeHomepage,
  previewImportSites,
  siteFieldErrors,
  updateSite,
  type SiteInput,
} from "../../store/siteRepository.ts";
import { withAudit } from "../../store/audit.ts";
import { assertSiteVisible, requireRole, visibleSiteIds } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { sendDownload } from "../download.ts";
import { badRequest, conflict, idParam, notFound } from "../httpError.ts";

const text = (maxLength: number) => ({ type: ["string", "null"], maxLength });

const siteBody = {
  type: "object",
  properties: {
    name: { type: "string", maxLength: 200 },
    homepage: { type: "string", maxLength: 2000 },
    siteIdCode: text(50),
    organizer: text(200),
    supervisor: text(200),
    level: text(50),
    kind: { type: "string", enum: siteKind.enumValues },
    division: text(20),
    status: { type: "string", enum: siteStatus.enumValues },
    parentId: { type: ["integer", "null"], minimum: 1 },
  },
};

const idParams = { type: "object", properties: { id: { type: "string" } } };
const probeDays = 7;

/** Optional text fields: blank means none. */
const optionalFields = ["siteIdCode", "organizer", "supervisor", "level", "division"] as const;

function cleaned(body: Partial<SiteInput>): Partial<SiteInput> {
  const input: Partial<SiteInput> = { ...body };
  for (const field of optionalFields)
    if (input[field] !== undefined) input[field] = input[field]?.trim() || null;
  if (input.name !== undefined) input.name = input.name.trim();
  return input;
}

export function siteRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const reference = loadIdentityReference();

  /** 400 with the first bad field, 409 for a homepage another site has: before the store is asked. */
  async function checkSiteInput(input: Partial<SiteInput>, id?: number): Promise<void> {
    const [error] = siteFieldErrors(input, reference);
    if (error !== undefined) throw badRequest(error.message, error.field);
    if (input.homepage !== undefined) {
      const holder = await getSiteByHomepage(ctx.db, normalizeHomepage(input.homepage));
      if (holder !== undefined && holder.id !== id)
        throw conflict(`首页地址已登记：${holder.homepage}（${holder.name}）`, "duplicate");
    }
    if (input.parentId !== undefined && input.parentId !== null) {
      if (input.parentId === id) throw badRequest("上级网站不能是网站自己", "parentId");
      if ((await getSite(ctx.db, input.parentId)) === undefined)
        throw badRequest(`上级网站不存在：编号 ${input.parentId}`, "parentId");
    }
  }

  app.get("/api/sites", { schema: { tags: ["registry"], summary: "网站列表" } }, async (request) => {
    const visible = await visibleSiteIds(ctx, request);
    const [sites, latest, open] = await Promise.all([
      listSitesIn(ctx.db, visible),
      latestResults(ctx.db, visible),
      openProblemCounts(ctx.db, visible),
    ]);
    return sites.map((site) => ({
      ...site,
      latest: latest.get(site.id) ?? null,
      openProblems: open.get(site.id) ?? 0,
    }));
  });

  app.get(
    "/api/sites/export",
    {
      schema: {
        tags: ["registry"],
        summary: "导出网站登记表",
        querystring: { type: "object", properties: { format: { type: "string", enum: ["csv", "xlsx"] } } },
      },
    },
    async (request, reply) => {
      const format = (request.query as { format?: "csv" | "xlsx" }).format ?? "xlsx";
      const sites = await listSitesIn(ctx.db, await visibleSiteIds(ctx, request));
      const bytes = format === "xlsx" ? await exportSitesXlsx(sites) : exportSitesCsv(sites);
      return sendDownload(reply, bytes, `网站登记表.${format}`, format);
    },
  );

  app.get(
    "/api/sites/:id",
    { schema: { tags: ["registry"], summary: "网站详情", params: idParams } },
    async (request) => {
      const id = idParam((request.params as { id: string }).id, "网站");
      await assertSiteVisible(ctx, request, id);
      const site = await getSite(ctx.db, id);
      if (site === undefined) throw notFound("网站");
      const latest = (await latestResults(ctx.db, [id])).get(id) ?? null;
      const since = new Date(ctx.clock().getTime() - probeDays * 86_400_000);
      const [probes, columns, findings, problems] = await Promise.all([
        siteProbes(ctx.db, id, since),
        latestColumns(ctx.db, id),
        latest === null ? [] : inspectionSiteFindings(ctx.db, latest.inspectionId, id),
        queryProblems(ctx.db, { siteIds: [id] }),
      ]);
      return { site, latest, probes, columns, findings, problems };
    },
  );

  app.post(
    "/api/sites",
    {
      schema: {
        tags: ["registry"],
        summary: "登记网站",
        body: { ...siteBody, required: ["name", "homepage"] },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, "admin", "inspector");
      const input = cleaned(request.body as SiteInput) as SiteInput;
      await checkSiteInput(input);
      const site = await withAudit(
        ctx.db,
        (tx) => createSite(tx, input, reference),
        (created) => [
          {
            actor: user.username,
            action: "site.create",
            entity: "site",
            entityId: created.id,
            after: { ...created },
          },
        ],
      );
      return reply.code(201).send(site);
    },
  );

  app.put(
    "/api/sites/:id",
    { schema: { tags: ["registry"], summary: "修改网站", params: idParams, body: siteBody } },
    async (request) => {
      const user = requireRole(request, "admin", "inspector");
      const id = idParam((request.params as { id: string }).id, "网站");
      const before = await getSite(ctx.db, id);
      if (before === undefined) throw notFound("网站");
      const changes = cleaned(request.body as Partial<SiteInput>);
      await checkSiteInput(changes, id);
      return withAudit(
        ctx.db,
        (tx) => updateSite(tx, id, changes, reference),
        (site) => [
          {
            actor: user.username,
            action: "site.update",
            entity: "site",
            entityId: id,
            before: { ...before },
            after: { ...site },
          },
        ],
      );
    },
  );

  app.delete(
    "/api/sites/:id",
    { schema: { tags: ["registry"], summary: "删除网站", params: idParams } },
    async (request) => {
      const user = requireRole(request, "admin", "inspector");
      const id = idParam((request.params as { id: string }).id, "网站");
      const before = await getSite(ctx.db, id);
      if (before === undefined) throw notFound("网站");
      await withAudit(
        ctx.db,
        (tx) => deleteSite(tx, id),
        () => [
          {
            actor: user.username,
            action: "site.delete",
            entity: "site",
            entityId: id,
            before: { ...before },
          },
        ],
      );
      return { ok: true };
    },
  );

  app.post(
    "/api/sites/import",
    {
      // A registry workbook of a few thousand sites, base64: well under this.
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ["registry"],
        summary: "导入网站登记表（CSV 或 XLSX）",
        body: {
          type: "object",
          required: ["fileName", "contentBase64"],
          properties: {
            fileName: { type: "string", minLength: 1, maxLength: 300 },
            contentBase64: { type: "string", minLength: 1 },
            dryRun: { type: "boolean" },
          },
        },
      },
    },
    async (request) => {
      const user = requireRole(request, "admin", "inspector");
      const { fileName, contentBase64, dryRun } = request.body as {
        fileName: string;
        contentBase64: string;
        dryRun?: boolean;
      };
      let registry;
      try {
        registry = await readRegistryFile(Buffer.from(contentBase64, "base64"), fileName);
      } catch (error) {
        if (error instanceof RegistryFileError)
          throw badRequest(`${fileName}：${error.message}`, "contentBase64");
        throw error;
      }
      const importOptions = { reference, firstRow: 0 };
      const report = withFileRowNumbers(
        dryRun
          ? await previewImportSites(ctx.db, registry.rows, importOptions)
          : await withAudit(
              ctx.db,
              (tx) => importSites(tx, registry.rows, importOptions),
              (imported) => [
                {
                  actor: user.username,
                  action: "site.import",
                  entity: "registry",
                  entityId: 0,
                  after: {
                    fileName,
                    created: imported.created,
                    updated: imported.updated,
                    errors: imported.errors.length,
                  },
                },
              ],
            ),
        registry.rowNumbers,
      );
      return { ...report, warnings: registry.warnings, dryRun: dryRun === true };
    },
  );
}
