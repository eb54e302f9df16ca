/**
 * A transaction that gives back its work's result, and for a dry run is rolled back after the work:
 * the dry run goes through exactly what the real run would (so its report is exact) and keeps nothing.
 */
import type { Db, Tx } from "./open.ts";

/** Thrown to roll a dry run's transaction back once its result is in hand. */
class RollBack extends Error {}

export async function transact<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  options: { dryRun?: boolean } = {},
): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await db.transaction(async (tx) => {
      result = { value: await work(tx) };
      if (options.dryRun) throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return result!.value;
}
