/**
 * 政务新媒体 accounts of the registry (issue 7, item 2): 平台, 名称, 主办单位, 链接, and the website they
 * belong to. Every change leaves an audit_log row in the same transaction.
 */
import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import type { Db } from "./open.ts";
import { accounts } from "./schema.ts";

export type Account = typeof accounts.$inferSelect;
export type AccountInput = Omit<typeof accounts.$inferInsert, "id" | "createdAt" | "updatedAt">;

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
