/**
 * The site registry (issue 7, item 2): create, edit, delete, list, find by homepage, and import rows
 * read from a CSV or XLSX file with a validation report. 网站标识码 are checked with the same rule as
 * the footer check (src/checks/identity.ts), against the office's identity reference.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { siteIdCodeProblem } from "../checks/identity.ts";
import { loadIdentityReference, type IdentityReference } from "../checks/identityReference.ts";
import type { Db, Tx } from "./open.ts";
import { transact } from "./transaction.ts";
import { sites, siteKind, siteStatus } from "./schema.ts";

export type Site = typeof sites.$inferSelect;
export type SiteInput = Omit<typeof sites.$inferInsert, "id" | "createdAt" | "updatedAt">;

/** One row of an import file, as read: every cell a string, the parent named by its homepage. */
export interface SiteRow {
  name?: string;
  homepage?: string;
  siteIdCode?: string;
  organizer?: string;
  supervisor?: string;
  level?: string;
  /** portal/department, or 门户/部门. */
  kind?: string;
  division?: string;
  status?: string;
  parentHomepage?: string;
}

export interface RowError {
  /** Row number in the file (the header is row 1 unless told otherwise). */
  row: number;
  field: keyof SiteRow;
  message: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  /** Rows with errors are not imported; the others are. */
  errors: RowError[];
}

interface AcceptedRow {
  row: number;
  input: SiteInput;
  /** The parent's normalised homepage. */
  parent: string | undefined;
}

const kindNames: Record<string, Site["kind"]> = { 门户: "portal", 部门: "department" };

/** The form homepages are stored and matched in. Throws (in Chinese) for anything but http(s). */
export function normalizeHomepage(homepage: string): string {
  let url: URL;
  try {
    url = new URL(homepage.trim());
  } catch {
    throw new Error(`首页地址无效：${homepage}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`首页地址须以 http:// 或 https:// 开头：${homepage}`);
  return url.href;
}

/** Chinese reasons why a site's fields are not acceptable, by field; empty when they are. */
export function siteFieldErrors(
  input: Partial<SiteInput>,
  reference: IdentityReference,
): { field: keyof SiteRow; message: string }[] {
  const errors: { field: keyof SiteRow; message: string }[] = [];
  if (input.name !== undefined && input.name.trim() === "")
    errors.push({ field: "name", message: "名称不能为空" });
  if (input.homepage !== undefined) {
    try {
      normalizeHomepage(input.homepage);
    } catch (error) {
      errors.push({ field: "homepage", message: (error as Error).message });
    }
  }
  if (input.siteIdCode) {
    const problem = siteIdCodeProblem(input.siteIdCode, reference);
    if (problem !== null)
      errors.push({
        field: "siteIdCode",
        message: `网站标识码“${input.siteIdCode}”不正确：${problem.reason}`,
      });
  }
  if (input.division && !/^\d{6}$/.test(input.division))
    errors.push({ field: "division", message: `行政区划代码应为 6 位数字：${input.division}` });
  return errors;
}

export async function createSite(
  db: Db,
  input: SiteInput,
  reference: IdentityReference = loadIdentityReference(),
): Promise<Site> {
  assertValid(input, reference);
  const homepage = normalizeHomepage(input.homepage);
  if ((await getSiteByHomepage(db, homepage)) !== undefined) throw new Error(`首页地址已登记：${homepage}`);
  const [site] = await db
    .insert(sites)
    .values({ ...input, homepage })
    .returning();
  return site!;
}

export async function updateSite(
  db: Db,
  id: number,
  changes: Partial<SiteInput>,
  reference: IdentityReference = loadIdentityReference(),
): Promise<Site> {
  assertValid(changes, reference);
  const homepage = changes.homepage === undefined ? {} : { homepage: normalizeHomepage(changes.homepage) };
  const holder = homepage.homepage === undefined ? undefined : await getSiteByHomepage(db, homepage.homepage);
  if (holder !== undefined && holder.id !== id) throw new Error(`首页地址已登记：${homepage.homepage}`);
  const [site] = await db
    .update(sites)
    .set({ ...changes, ...homepage, updatedAt: new Date() })
    .where(eq(sites.id, id))
    .returning();
  if (site === undefined) throw new Error(`网站不存在：编号 ${id}`);
  return site;
}

/** Deleting a site deletes its results, findings and problems with it (the schema cascades). */
export async function deleteSite(db: Db, id: number): Promise<void> {
  const deleted = await db.delete(sites).where(eq(sites.id, id)).returning({ id: sites.id });
  if (deleted.length === 0) throw new Error(`网站不存在：编号 ${id}`);
}

export async function listSites(db: Db): Promise<Site[]> {
  return db.select().from(sites).orderBy(asc(sites.id));
}

export async function getSiteByHomepage(db: Db | Tx, homepage: string): Promise<Site | undefined> {
  const [site] = await db
    .select()
    .from(sites)
    .where(eq(sites.homepage, normalizeHomepage(homepage)));
  return site;
}

/**
 * Imports rows (upsert by homepage) in one transaction. Invalid rows, duplicates within the file and
 * parents that are neither in the file nor registered are reported with their row numbers and left
 * out; the valid rows are imported.
 */
export async function importSites(
  db: Db,
  rows: SiteRow[],
  options: { reference?: IdentityReference; firstRow?: number } = {},
): Promise<ImportReport> {
  const reference = options.reference ?? loadIdentityReference();
  const firstRow = options.firstRow ?? 2;
  const errors: RowError[] = [];
  const accepted: AcceptedRow[] = [];
  const homepageRows = new Map<string, number>();
  const codeRows = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = firstRow + index;
    const rowErrors = rowProblems(raw, reference);
    const input = rowErrors.length === 0 ? toInput(raw) : undefined;
    if (input !== undefined) {
      const sameHomepage = homepageRows.get(input.homepage);
      if (sameHomepage !== undefined)
        rowErrors.push({ field: "homepage", message: `首页地址与第 ${sameHomepage} 行重复` });
      const sameCode = input.siteIdCode ? codeRows.get(input.siteIdCode) : undefined;
      if (sameCode !== undefined)
        rowErrors.push({ field: "siteIdCode", message: `网站标识码与第 ${sameCode} 行重复` });
    }
    errors.push(...rowErrors.map((error) => ({ row, ...error })));
    if (input === undefined || rowErrors.length > 0) return;
    homepageRows.set(input.homepage, row);
    if (input.siteIdCode) codeRows.set(input.siteIdCode, row);
    const parent = raw.parentHomepage?.trim();
    accepted.push({ row, input, parent: parent ? normalizeHomepage(parent) : undefined });
  });
  return db.transaction(async (tx) => {
    const parents = accepted.flatMap(({ parent }) => (parent === undefined ? [] : [parent]));
    const registered = new Set(
      (
        await tx
          .select({ homepage: sites.homepage })
          .from(sites)
          .where(inArray(sites.homepage, [...homepageRows.keys(), ...parents]))
      ).map((site) => site.homepage),
    );
    rejectOrphans(accepted, registered, errors);
    const ids = new Map<string, number>();
    for (const { input } of accepted) {
      const [site] = await tx
        .insert(sites)
        .values(input)
        .onConflictDoUpdate({ target: sites.homepage, set: { ...input, updatedAt: new Date() } })
        .returning({ id: sites.id });
      ids.set(input.homepage, site!.id);
    }
    for (const { input, parent } of accepted) {
      if (parent === undefined) continue;
      const parentId = ids.get(parent) ?? (await getSiteByHomepage(tx, parent))!.id;
      await tx
        .update(sites)
        .set({ parentId })
        .where(eq(sites.id, ids.get(input.homepage)!));
    }
    errors.sort((a, b) => a.row - b.row);
    const updated = accepted.filter(({ input }) => registered.has(input.homepage)).length;
    return { created: accepted.length - updated, updated, errors };
  });
}

/**
 * Drops (with an error) rows whose parent is neither registered nor imported, repeating because a
 * dropped row may be another row's parent.
 */
function rejectOrphans(accepted: AcceptedRow[], registered: Set<string>, errors: RowError[]): void {
  for (let dropped = true; dropped;) {
    dropped = false;
    const importing = new Set(accepted.map(({ input }) => input.homepage));
    for (const [index, { row, parent }] of [...accepted.entries()].reverse()) {
      if (parent === undefined || importing.has(parent) || registered.has(parent)) continue;
      errors.push({ row, field: "parentHomepage", message: `上级网站未登记，也不在导入的行中：${parent}` });
      accepted.splice(index, 1);
      dropped = true;
    }
  }
}

function assertValid(input: Partial<SiteInput>, reference: IdentityReference): void {
  const errors = siteFieldErrors(input, reference);
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join("；"));
}

function rowProblems(
  raw: SiteRow,
  reference: IdentityReference,
): { field: keyof SiteRow; message: string }[] {
  const errors: { field: keyof SiteRow; message: string }[] = [];
  if (!raw.name?.trim()) errors.push({ field: "name", message: "缺少名称" });
  if (!raw.homepage?.trim()) errors.push({ field: "homepage", message: "缺少首页地址" });
  const kind = raw.kind?.trim();
  if (kind && kindNames[kind] === undefined && !siteKind.enumValues.includes(kind as Site["kind"]))
    errors.push({ field: "kind", message: `类型应为“门户”或“部门”：${kind}` });
  const status = raw.status?.trim();
  if (status && !siteStatus.enumValues.includes(status as Site["status"]))
    errors.push({ field: "status", message: `状态应为 ${siteStatus.enumValues.join("/")}：${status}` });
  const parent = raw.parentHomepage?.trim();
  if (parent) {
    try {
      normalizeHomepage(parent);
    } catch (error) {
      errors.push({ field: "parentHomepage", message: `上级网站${(error as Error).message}` });
    }
  }
  const fields = {
    homepage: raw.homepage?.trim() || undefined,
    siteIdCode: raw.siteIdCode?.trim(),
    division: raw.division?.trim(),
  };
  return [...errors, ...siteFieldErrors(fields, reference)];
}

/** A row rowProblems accepted, as the registry stores it. */
function toInput(raw: SiteRow): SiteInput {
  const kind = raw.kind?.trim();
  const optional = (value: string | undefined) => value?.trim() || null;
  return {
    name: raw.name!.trim(),
    homepage: normalizeHomepage(raw.homepage!),
    siteIdCode: optional(raw.siteIdCode),
    organizer: optional(raw.organizer),
    supervisor: optional(raw.supervisor),
    level: optional(raw.level),
    kind: kind ? (kindNames[kind] ?? (kind as Site["kind"])) : "portal",
    division: optional(raw.division),
    status: (raw.status?.trim() || "运行") as Site["status"],
  };
}

export async function getSite(db: Db, id: number): Promise<Site | undefined> {
  const [site] = await db.select().from(sites).where(eq(sites.id, id));
  return site;
}

/** Ids of the sites whose 主办单位 is `unit`: all an owner of that unit may see (docs/api.md, Roles). */
export async function siteIdsOfOrganizer(db: Db, unit: string): Promise<number[]> {
  const rows = await db.select({ id: sites.id }).from(sites).where(eq(sites.organizer, unit));
  return rows.map((row) => row.id);
}

/** The registry, or only the sites with these ids (a caller's visible sites). */
export async function listSitesIn(db: Db, siteIds: number[] | undefined): Promise<Site[]> {
  return db
    .select()
    .from(sites)
    .where(siteIds === undefined ? undefined : inArray(sites.id, siteIds))
    .orderBy(asc(sites.id));
}

/**
 * What importSites would do, without keeping anything: the same import in a transaction that is
 * rolled back, so the counts and row errors are exact.
 */
export async function previewImportSites(
  db: Db,
  rows: SiteRow[],
  options: { reference?: IdentityReference; firstRow?: number } = {},
): Promise<ImportReport> {
  // A transaction offers the same queries as the database; importSites takes Db.
  return transact(db, (tx) => importSites(tx as unknown as Db, rows, options), { dryRun: true });
}
