/** The audit log: one row per state change, written in the same transaction as the change. */
import type { Db, Tx } from "./open.ts";
import { auditLog } from "./schema.ts";

export type AuditEntry = typeof auditLog.$inferInsert;

/** The actor of changes no person made (an inspection reopening a closed problem). */
export const systemActor = "system";

export async function writeAudit(db: Db | Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await db.insert(auditLog).values(entries);
}
