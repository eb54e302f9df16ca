/**
 * Every store test runs on both engines: PGlite in a temporary directory, and PostgreSQL (default
 * postgres://postgres@127.0.0.1:5432/test, or ZHIJIAN_TEST_PG) in a database created for the test
 * and dropped after it, so test files can run concurrently and leave nothing behind. PostgreSQL
 * must be running: a store test that cannot reach it fails rather than skips.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { after, before, beforeEach } from "node:test";
import { openStore, type Db, type Store } from "../../src/store/open.ts";
import {
  accounts,
  auditLog,
  findings,
  inspections,
  problems,
  siteResults,
  sites,
} from "../../src/store/schema.ts";

export const engines = ["pglite", "postgres"] as const;
export type Engine = (typeof engines)[number];

const adminUrl = process.env.ZHIJIAN_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestStore {
  store: Store;
  /** What openStore was given: the data directory or the database URL. */
  location: string;
  dispose(): Promise<void>;
}

/**
 * A new, migrated store. A test that closes the store and reopens it puts the reopened one in
 * `store`, which dispose closes.
 */
export async function openTestStore(engine: Engine): Promise<TestStore> {
  if (engine === "pglite") {
    const dir = await mkdtemp(path.join(tmpdir(), "zhijian-store-"));
    const location = await migratedDataDir(path.join(dir, "data"));
    const testStore: TestStore = {
      store: await openStore(location),
      location,
      dispose: async () => {
        await testStore.store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return testStore;
  }
  const name = `zhijian_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const testStore: TestStore = {
    store: await openStore(url.href),
    location: url.href,
    dispose: async () => {
      await testStore.store.close();
      await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    },
  };
  return testStore;
}

const migrationsDir = path.resolve(import.meta.dirname, "../../src/store/migrations");

/**
 * A PGlite data directory at `location` holding an empty store with every migration applied, copied
 * from a template made once per set of migrations: initdb and the migrations cost seconds per store,
 * a copy a fraction of one. Migrating from empty is tested on its own (test/store/open.test.ts).
 */
export async function migratedDataDir(location: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsDir, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(migrationsDir, file);
    if (file.endsWith(".sql") || file.endsWith(".json")) hash.update(file).update(readFileSync(full));
  }
  const template = path.join(tmpdir(), `zhijian-pglite-template-${hash.digest("hex").slice(0, 16)}`);
  if (!existsSync(template)) {
    // Made beside its final name and renamed into place, so concurrent test files never see half of one.
    const building = `${template}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await (await openStore(building)).close();
    try {
      await rename(building, template);
    } catch {
      await rm(building, { recursive: true, force: true }); // another test file won the race
    }
  }
  await cp(template, location, { recursive: true });
  return location;
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * One store of the engine for the tests of a describe block, emptied before each test: a new PGlite
 * store costs seconds (initdb), emptying its tables milliseconds.
 */
export function useStore(engine: Engine): { readonly db: Db } {
  let testStore: TestStore | undefined;
  before(async () => {
    testStore = await openTestStore(engine);
  });
  after(() => testStore?.dispose());
  beforeEach(async () => {
    const { db } = testStore!.store;
    // Children first; sites last, their parent links are set null by the schema.
    for (const table of [auditLog, findings, problems, siteResults, inspections, accounts, sites])
      await db.delete(table);
  });
  return {
    get db() {
      return testStore!.store.db;
    },
  };
}
