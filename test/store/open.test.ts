import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { openStore } from "../../src/store/open.ts";
import * as schema from "../../src/store/schema.ts";
import { createSite, listSites } from "../../src/store/siteRepository.ts";
import { engines, openTestStore, type TestStore } from "./engines.ts";

const tables = [
  schema.sites,
  schema.accounts,
  schema.inspections,
  schema.siteResults,
  schema.findings,
  schema.problems,
  schema.auditLog,
];

for (const engine of engines) {
  test(`${engine}: migrations apply from empty, and reopening keeps the data`, async () => {
    const testStore = await openTestStore(engine);
    try {
      const { store } = testStore;
      assert.equal(store.kind, engine);
      for (const table of tables) assert.deepEqual(await store.db.select().from(table), []);
      await createSite(store.db, { name: "示范市人民政府", homepage: "http://www.demo-city.gov.cn" });
      await store.close();
      // Migrating again finds nothing to do and must leave the data alone.
      testStore.store = await openStore(testStore.location);
      assert.deepEqual(
        (await listSites(testStore.store.db)).map((site) => site.homepage),
        ["http://www.demo-city.gov.cn/"],
      );
    } finally {
      await testStore.dispose();
    }
  });
}

describe("PGlite data directory lock", () => {
  let testStore: TestStore;
  before(async () => {
    testStore = await openTestStore("pglite");
  });
  after(() => testStore.dispose());

  test("a second open of an open directory is refused in Chinese, and allowed after close", async () => {
    await assert.rejects(openStore(testStore.location), (error: Error) => {
      assert.match(error.message, new RegExp(`正被进程 ${process.pid} 使用`));
      assert.match(error.message, /PostgreSQL/);
      return true;
    });
    await testStore.store.close();
    testStore.store = await openStore(testStore.location);
  });

  test("the lock of a process that died is taken over", async () => {
    await testStore.store.close();
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    await writeFile(`${testStore.location}.lock`, String(dead));
    testStore.store = await openStore(testStore.location);
  });
});

test("a PostgreSQL that cannot be reached gives a Chinese error without the password", async () => {
  await assert.rejects(openStore("postgres://postgres:secret@127.0.0.1:1/none"), (error: Error) => {
    assert.match(
      error.message,
      /^无法打开 PostgreSQL 数据库 postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    assert.doesNotMatch(error.message, /secret/);
    return true;
  });
});
