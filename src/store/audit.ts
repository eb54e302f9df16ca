/** The audit log: one row per state change, written in the same transaction as the change. */
import type { Db, Tx } from "./open.ts";
import { auditLog } from "./schema.ts";

export type AuditEntry = typeof auditLog.$inferInsert;

/** The actor of changes no person made (an inspection reopening a closed problem). */
export const systemActor = "system";

export async function writeAudit(db: Db | Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await db.insert(auditLog).values(entries);
}

/**
 * Runs a change and writes its audit rows in one transaction, so a change is never kept
 * without its record (nor a record without its change).
 */
export async function withAudit<T>(
  db: Db,
  change: (tx: Db) => Promise<T>,
  audit: (result: T) => AuditEntry[],
): Promise<T> {
  return db.transaction(async (tx) => {
    // A transaction offers the same queries as the database; the repositories take Db.
    const result = await change(tx as unknown as Db);
    await writeAudit(tx, audit(result));
    return result;
  });
}
