/**
 * Opens the store (DESIGN.md, "One machine, and many"): PGlite in a data directory by default, or
 * PostgreSQL for a postgres:// URL. Migrations are applied before the store is handed out.
 *
 * Where: the `location` argument, else the environment variable ZHIJIAN_DB, else ./data-store.
 */
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleLite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./dataDirLock.ts";
import { migratePglite, migratePostgres } from "./migrate.ts";
import * as schema from "./schema.ts";

/** The one database type repositories see, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction of Db: repositories that must write atomically take this. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Store {
  db: Db;
  kind: "pglite" | "postgres";
  /** The PostgreSQL connection URL (postgres only): the job queue opens its own pool on it. */
  url?: string;
  /** The PGlite instance (pglite only): the job queue shares its one connection. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const defaultDataDir = "./data-store";

export async function openStore(location = process.env.ZHIJIAN_DB ?? defaultDataDir): Promise<Store> {
  return /^postgres(ql)?:\/\//.test(location) ? openPostgres(location) : openPglite(location);
}

async function openPglite(dataDir: string): Promise<Store> {
  const lock = lockDataDir(dataDir);
  try {
    const client = await PGlite.create(dataDir);
    const db = drizzleLite(client, { schema });
    try {
      await migratePglite(db);
    } catch (error) {
      await client.close();
      throw error;
    }
    return {
      db,
      kind: "pglite",
      pglite: client,
      close: async () => {
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw new Error(`无法打开 PostgreSQL 数据库 ${withoutPassword(url)}：${(error as Error).message}`, {
      cause: error,
    });
  }
  return { db: drizzlePg(pool, { schema }), kind: "postgres", url, close: () => pool.end() };
}

/** Messages and logs must not carry the password of the connection URL. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.href;
  } catch {
    return "postgres://…";
  }
}
