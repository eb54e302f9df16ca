/**
 * Applies the SQL migrations drizzle-kit generated (src/store/migrations/, `npm run db:generate`)
 * when a store opens, with drizzle's migrator of each driver: both read the same files and record
 * them in drizzle.__drizzle_migrations.
 */
import { fileURLToPath } from "node:url";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migrateLite } from "drizzle-orm/pglite/migrator";
import type { Pool } from "pg";
import type * as schema from "./schema.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Any constant shared by every zhijian process: the key of the migration advisory lock. */
const migrationLockKey = 7_202_611;

export async function migratePglite(db: PgliteDatabase<typeof schema>): Promise<void> {
  await migrateLite(db, { migrationsFolder });
}

/**
 * Many servers and workers may start at once against one PostgreSQL: a session advisory lock makes
 * them migrate one after the other, so the later ones find the work done instead of colliding.
 */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}
