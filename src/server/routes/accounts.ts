/**
 * 政务新媒体 accounts over HTTP (docs/api.md, Registry: /api/accounts), scoped like sites, with import
 * and export of account lists like the site registry's.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  createAccount,
  deleteAccount,
  findAccount,
  getAccount,
  importAccounts,
  listAccounts,
  updateAccount,
  type AccountInput,
  type AccountScope,
} from "../../store/accountRepository.ts";
import {
  exportAccountsCsv,
  exportAccountsXlsx,
  readAccountsFile,
  RegistryFileError,
  withFileRowNumbers,
} from "../../store/registryFile.ts";
import { getSite, listSites } from "../../store/siteRepository.ts";
import { requireRole, userOf, visibleSiteIds } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { sendDownload } from "../download.ts";
import { badRequest, conflict, idParam, notFound } from "../httpError.ts";

const accountBody = {
  type: "object",
  properties: {
    platform: { type: "string", minLength: 1, maxLength: 50 },
    name: { type: "string", minLength: 1, maxLength: 200 },
    organizer: { type: ["string", "null"], maxLength: 200 },
    url: { type: ["string", "null"], maxLength: 2000 },
    siteId: { type: ["integer", "null"], minimum: 1 },
  },
};
/** An account list file as sent by the browser (the same body as POST /api/sites/import). */
const fileProperties = {
  fileName: { type: "string", minLength: 1, maxLength: 300 },
  contentBase64: { type: "string", minLength: 1 },
  dryRun: { type: "boolean" },
};
const importBody = { type: "object", required: ["fileName", "contentBase64"], properties: fileProperties };
const exportQuery = { type: "object", properties: { format: { type: "string", enum: ["csv", "xlsx"] } } };
const idParams = { type: "object", properties: { id: { type: "string" } } };

export function accountRoutes(app: FastifyInstance, ctx: ServerContext): void {
  async function scopeOf(request: FastifyRequest): Promise<AccountScope | undefined> {
    const siteIds = await visibleSiteIds(ctx, request);
    return siteIds === undefined ? undefined : { organizer: userOf(request).unit, siteIds };
  }

  async function checked(body: Partial<AccountInput>): Promise<Partial<AccountInput>> {
    const input: Partial<AccountInput> = { ...body };
    for (const field of ["platform", "name"] as const) {
      if (input[field] === undefined) continue;
      input[field] = input[field].trim();
      if (input[field] === "") throw badRequest(field === "name" ? "名称不能为空" : "平台不能为空", field);
    }
    for (const field of ["organizer", "url"] as const)
      if (input[field] !== undefined) input[field] = input[field]?.trim() || null;
    if (input.url && !/^https?:\/\/[^\s]+$/i.test(input.url))
      throw badRequest(`链接须以 http:// 或 https:// 开头：${input.url}`, "url");
    if (
      input.siteId !== undefined &&
      input.siteId !== null &&
      (await getSite(ctx.db, input.siteId)) === undefined
    )
      throw badRequest(`所属网站不存在：编号 ${input.siteId}`, "siteId");
    return input;
  }

  async function assertUnique(platform: string, name: string, id?: number): Promise<void> {
    const holder = await findAccount(ctx.db, platform, name);
    if (holder !== undefined && holder.id !== id)
      throw conflict(`${platform}上已登记同名账号：${name}`, "duplicate");
  }

  app.get(
    "/api/accounts",
    { schema: { tags: ["registry"], summary: "政务新媒体账号列表" } },
    async (request) => listAccounts(ctx.db, await scopeOf(request)),
  );

  app.get(
    "/api/accounts/export",
    { schema: { tags: ["registry"], summary: "导出政务新媒体账号", querystring: exportQuery } },
    async (request, reply) => {
      const { format = "xlsx" } = request.query as { format?: "csv" | "xlsx" };
      const [accounts, sites] = await Promise.all([
        listAccounts(ctx.db, await scopeOf(request)),
        listSites(ctx.db),
      ]);
      const homepages = new Map(sites.map((site) => [site.id, site.homepage]));
      const bytes =
        format === "xlsx"
          ? await exportAccountsXlsx(accounts, homepages)
          : exportAccountsCsv(accounts, homepages);
      return sendDownload(reply, bytes, `政务新媒体账号.${format}`, format);
    },
  );

  app.post(
    "/api/accounts/import",
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ["registry"],
        summary: "导入政务新媒体账号（CSV 或 XLSX）",
        body: importBody,
      },
    },
    async (request) => {
      const user = requireRole(request, "admin", "inspector");
      const body = request.body as { fileName: string; contentBase64: string; dryRun?: boolean };
      const file = await readAccountsFile(Buffer.from(body.contentBase64, "base64"), body.fileName).catch(
        (error: unknown) => {
          throw error instanceof RegistryFileError
            ? badRequest(`${body.fileName}：${error.message}`, "contentBase64")
            : error;
        },
      );
      const dryRun = body.dryRun === true;
      const options = { actor: user.username, fileName: body.fileName, firstRow: 0, dryRun };
      const report = await importAccounts(ctx.db, file.rows, options);
      return { ...withFileRowNumbers(report, file.rowNumbers), warnings: file.warnings, dryRun };
    },
  );

  app.get(
    "/api/accounts/:id",
    { schema: { tags: ["registry"], summary: "账号详情", params: idParams } },
    async (request) => {
      const id = idParam((request.params as { id: string }).id, "账号");
      const account = await getAccount(ctx.db, id, await scopeOf(request));
      if (account === undefined) throw notFound("账号");
      return account;
    },
  );

  app.post(
    "/api/accounts",
    {
      schema: {
        tags: ["registry"],
        summary: "登记账号",
        body: { ...accountBody, required: ["platform", "name"] },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, "admin", "inspector");
      const input = (await checked(request.body as AccountInput)) as AccountInput;
      await assertUnique(input.platform, input.name);
      return reply.code(201).send(await createAccount(ctx.db, input, user.username));
    },
  );

  app.put(
    "/api/accounts/:id",
    { schema: { tags: ["registry"], summary: "修改账号", params: idParams, body: accountBody } },
    async (request) => {
      const user = requireRole(request, "admin", "inspector");
      const id = idParam((request.params as { id: string }).id, "账号");
      const before = await getAccount(ctx.db, id);
      if (before === undefined) throw notFound("账号");
      const changes = await checked(request.body as Partial<AccountInput>);
      await assertUnique(changes.platform ?? before.platform, changes.name ?? before.name, id);
      const account = await updateAccount(ctx.db, id, changes, user.username);
      if (account === undefined) throw notFound("账号");
      return account;
    },
  );

  app.delete(
    "/api/accounts/:id",
    { schema: { tags: ["registry"], summary: "删除账号", params: idParams } },
    async (request) => {
      const user = requireRole(request, "admin", "inspector");
      const id = idParam((request.params as { id: string }).id, "账号");
      if (!(await deleteAccount(ctx.db, id, user.username))) throw notFound("账号");
      return { ok: true };
    },
  );
}
