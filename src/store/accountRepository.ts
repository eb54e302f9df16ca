/**
 * 政务新媒体 accounts of the registry (issue 7, item 2): 平台, 名称, 主办单位, 链接, and the website they
 * belong to. Every change leaves an audit_log row in the same transaction.
 */
import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import type { Db } from "./open.ts";
import { transact } from "./transaction.ts";
import { accounts, sites } from "./schema.ts";
import { normalizeHomepage } from "./siteRepository.ts";

export type Account = typeof accounts.$inferSelect;
export type AccountInput = Omit<typeof accounts.$inferInsert, "id" | "createdAt" | "updatedAt">;

/** One row of an import file, as read: every cell a string, the site named by its homepage. */
export interface AccountRow {
  platform?: string;
  name?: string;
  organizer?: string;
  url?: string;
  siteHomepage?: string;
}

export interface AccountRowError {
  /** Row number in the file (the header is row 1 unless told otherwise). */
  row: number;
  field: keyof AccountRow;
  message: string;
}

export interface AccountImportReport {
  created: number;
  updated: number;
  /** Rows with errors are not imported; the others are. */
  errors: AccountRowError[];
}

/** The platforms accounts are registered under. */
export const accountPlatforms = [
  "微信公众号",
  "微博",
  "抖音",
  "今日头条",
  "快手",
  "政务App",
  "其他",
] as const;

/** Names registries use for each platform, compared after platformKey. */
const platformVariants: Record<(typeof accountPlatforms)[number], string[]> = {
  微信公众号: ["微信", "公众号", "微信公众平台", "微信服务号", "微信订阅号", "wechat", "weixin"],
  微博: ["新浪微博", "官方微博", "政务微博", "weibo"],
  抖音: ["抖音号", "政务抖音", "douyin"],
  今日头条: ["头条", "头条号", "toutiao"],
  快手: ["快手号", "kuaishou"],
  政务App: ["app", "客户端", "移动客户端", "政务客户端", "移动应用", "应用程序"],
  其他: ["其它"],
};

const platformOfKey = new Map<string, string>(
  accountPlatforms.flatMap((platform) =>
    [platform, ...platformVariants[platform]].map((name) => [platformKey(name), platform] as const),
  ),
);

function platformKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}

/** The registered name of a platform written any usual way (微信 → 微信公众号), undefined if unknown. */
export function normalizePlatform(platform: string): string | undefined {
  return platformOfKey.get(platformKey(platform));
}

/**
 * Which accounts a caller sees: all without a scope; with one, those of its unit (organizer) or of
 * its visible sites.
 */
export interface AccountScope {
  organizer: string | null;
  siteIds: number[];
}

function scoped(scope: AccountScope | undefined): SQL | undefined {
  if (scope === undefined) return undefined;
  const conditions: SQL[] = [];
  if (scope.organizer !== null) conditions.push(eq(accounts.organizer, scope.organizer));
  if (scope.siteIds.length > 0) conditions.push(inArray(accounts.siteId, scope.siteIds));
  // No unit and no site: nothing is visible (an always-false condition, not an empty OR).
  return conditions.length === 0 ? inArray(accounts.id, []) : or(...conditions);
}

export async function listAccounts(db: Db, scope?: AccountScope): Promise<Account[]> {
  return db.select().from(accounts).where(scoped(scope)).orderBy(asc(accounts.id));
}

export async function getAccount(db: Db, id: number, scope?: AccountScope): Promise<Account | undefined> {
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), scoped(scope)));
  return account;
}

/** The account registered under this platform and name, if any (the pair is unique). */
export async function findAccount(db: Db, platform: string, name: string): Promise<Account | undefined> {
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.platform, platform), eq(accounts.name, name)));
  return account;
}

export async function createAccount(db: Db, input: AccountInput, actor: string): Promise<Account> {
  return db.transaction(async (tx) => {
    const [account] = await tx.insert(accounts).values(input).returning();
    await writeAudit(tx, [
      { actor, action: "account.create", entity: "account", entityId: account!.id, after: { ...account! } },
    ]);
    return account!;
  });
}

export async function updateAccount(
  db: Db,
  id: number,
  changes: Partial<AccountInput>,
  actor: string,
): Promise<Account | undefined> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(accounts).where(eq(accounts.id, id)).for("update");
    if (before === undefined) return undefined;
    const [after] = await tx
      .update(accounts)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(accounts.id, id))
      .returning();
    await writeAudit(tx, [
      {
        actor,
        action: "account.update",
        entity: "account",
        entityId: id,
        before: { ...before },
        after: { ...after! },
      },
    ]);
    return after!;
  });
}

/** Deletes an account; false when there is none with this id. */
export async function deleteAccount(db: Db, id: number, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx.delete(accounts).where(eq(accounts.id, id)).returning();
    if (deleted === undefined) return false;
    await writeAudit(tx, [
      { actor, action: "account.delete", entity: "account", entityId: id, before: { ...deleted } },
    ]);
    return true;
  });
}

interface AcceptedAccount {
  row: number;
  input: AccountInput;
  /** The normalised homepage of the site it belongs to. */
  site: string | undefined;
}

/**
 * Imports rows (upsert by 平台 and 名称) in one transaction with one audit row. Invalid rows,
 * duplicates within the file and sites that are not registered are reported with their row numbers
 * and left out; the valid rows are imported. A 所属网站 left blank leaves an existing account's site as
 * it was. A dry run does all of it in a transaction that is rolled back, so its report is exact.
 */
export async function importAccounts(
  db: Db,
  rows: AccountRow[],
  options: { actor: string; fileName?: string; firstRow?: number; dryRun?: boolean },
): Promise<AccountImportReport> {
  const firstRow = options.firstRow ?? 2;
  const errors: AccountRowError[] = [];
  const accepted: AcceptedAccount[] = [];
  const keyRows = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = firstRow + index;
    const rowErrors = accountRowProblems(raw);
    const accountRow = rowErrors.length === 0 ? toAccepted(raw, row) : undefined;
    const key = accountRow && JSON.stringify([accountRow.input.platform, accountRow.input.name]);
    const same = key === undefined ? undefined : keyRows.get(key);
    if (same !== undefined) rowErrors.push({ field: "name", message: `平台和名称与第 ${same} 行重复` });
    errors.push(...rowErrors.map((error) => ({ row, ...error })));
    if (accountRow === undefined || key === undefined || rowErrors.length > 0) return;
    keyRows.set(key, row);
    accepted.push(accountRow);
  });
  return transact(
    db,
    async (tx) => {
      const homepages = [...new Set(accepted.flatMap(({ site }) => (site === undefined ? [] : [site])))];
      const siteIds = new Map(
        (
          await tx
            .select({ id: sites.id, homepage: sites.homepage })
            .from(sites)
            .where(inArray(sites.homepage, homepages))
        ).map((site) => [site.homepage, site.id]),
      );
      const importing = accepted.filter(({ row, site }) => {
        if (site === undefined || siteIds.has(site)) return true;
        errors.push({ row, field: "siteHomepage", message: `所属网站未登记：${site}` });
        return false;
      });
      let updated = 0;
      for (const { input, site } of importing) {
        const values = site === undefined ? input : { ...input, siteId: siteIds.get(site)! };
        const [existing] = await tx
          .select({ id: accounts.id })
          .from(accounts)
          .where(and(eq(accounts.platform, input.platform), eq(accounts.name, input.name)));
        if (existing !== undefined) updated++;
        await tx
          .insert(accounts)
          .values(values)
          .onConflictDoUpdate({
            target: [accounts.platform, accounts.name],
            set: { ...values, updatedAt: new Date() },
          });
      }
      errors.sort((a, b) => a.row - b.row);
      const created = importing.length - updated;
      await writeAudit(tx, [
        {
          actor: options.actor,
          action: "account.import",
          entity: "account",
          entityId: 0,
          after: { fileName: options.fileName ?? null, created, updated, errors: errors.length },
        },
      ]);
      return { created, updated, errors };
    },
    { dryRun: options.dryRun },
  );
}

function accountRowProblems(raw: AccountRow): { field: keyof AccountRow; message: string }[] {
  const errors: { field: keyof AccountRow; message: string }[] = [];
  const platform = raw.platform?.trim();
  if (!platform) errors.push({ field: "platform", message: "缺少平台" });
  else if (normalizePlatform(platform) === undefined)
    errors.push({ field: "platform", message: `平台应为 ${accountPlatforms.join("/")} 之一：${platform}` });
  if (!raw.name?.trim()) errors.push({ field: "name", message: "缺少名称" });
  const url = raw.url?.trim();
  if (url && !/^https?:\/\/[^\s]+$/iu.test(url))
    errors.push({ field: "url", message: `链接须以 http:// 或 https:// 开头：${url}` });
  const site = raw.siteHomepage?.trim();
  const siteProblem = site ? homepageProblem(site) : undefined;
  if (siteProblem !== undefined) errors.push({ field: "siteHomepage", message: `所属网站${siteProblem}` });
  return errors;
}

function homepageProblem(homepage: string): string | undefined {
  try {
    normalizeHomepage(homepage);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A row accountRowProblems accepted, as the registry stores it. */
function toAccepted(raw: AccountRow, row: number): AcceptedAccount {
  const site = raw.siteHomepage?.trim();
  return {
    row,
    input: {
      platform: normalizePlatform(raw.platform!)!,
      name: raw.name!.trim(),
      organizer: raw.organizer?.trim() || null,
      url: raw.url?.trim() || null,
    },
    site: site ? normalizeHomepage(site) : undefined,
  };
}
