/** Importing and exporting 政务新媒体 accounts over HTTP: who may, the report with file rows, scoped export. */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { createAccount } from "../../src/store/accountRepository.ts";
import * as schema from "../../src/store/schema.ts";
import { type Answer, Client, cityUnit, countyUnit, emptyStore, seed, useServer } from "./helpers.ts";

describe("accounts import and export", () => {
  const server = useServer("pglite");
  // The seeded users this file acts as: an inspector, and the owner of the city's unit.
  const clients = new Map<"inspector" | "city", Client>();
  let city = "";
  let county = "";
  before(async () => {
    await emptyStore(server.db);
    const seeded = await seed(server.db);
    [city, county] = [seeded.city.homepage, seeded.county.homepage];
    for (const user of ["inspector", "city"] as const)
      clients.set(user, await Client.signedIn(server.url, user));
  });
  const inspector = () => clients.get("inspector")!;
  const owner = () => clients.get("city")!;

  test("a dry run reports and keeps nothing; the import keeps the valid rows; owners may not import", async () => {
    const csv = [
      "平台,名称,主办单位,链接,所属网站",
      `微信,示范市政府,${cityUnit},https://mp.weixin.qq.com/demo,${city}`,
      "",
      `抖音,演示县发布,${countyUnit},,${county}`,
      "微博,坏链接,,not a url,",
      "公众号,示范市政府,,,",
    ].join("\n");
    const body = { fileName: "账号.csv", contentBase64: Buffer.from(csv).toString("base64") };

    assert.equal((await owner().post("/api/accounts/import", body)).status, 403);
    const summary = ({ status, body: report }: Answer) => ({
      status,
      dryRun: report.dryRun,
      counts: [report.created, report.updated],
      errors: report.errors.map((e: { row: number; field: string; message: string }) =>
        [e.row, e.field, e.message].join(" "),
      ),
    });
    const expected = {
      status: 200,
      counts: [2, 0],
      // The duplicate names the file's row, not the row's index.
      errors: ["5 url 链接须以 http:// 或 https:// 开头：not a url", "6 name 平台和名称与第 2 行重复"],
    };
    const preview = await inspector().post("/api/accounts/import", { ...body, dryRun: true });
    assert.deepEqual(summary(preview), { ...expected, dryRun: true });
    assert.deepEqual((await inspector().get("/api/accounts")).body, [], "a dry run keeps nothing");

    assert.deepEqual(summary(await inspector().post("/api/accounts/import", body)), {
      ...expected,
      dryRun: false,
    });
    const names = (await inspector().get("/api/accounts")).body.map(
      (a: { platform: string; name: string }) => [a.platform, a.name],
    );
    assert.deepEqual(names, [
      ["微信公众号", "示范市政府"],
      ["抖音", "演示县发布"],
    ]);
    const audit = await server.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "account.import"));
    assert.deepEqual(
      audit.map((entry) => [entry.actor, entry.after]),
      [["inspector", { fileName: "账号.csv", created: 2, updated: 0, errors: 2 }]],
    );

    const broken = await inspector().post("/api/accounts/import", {
      fileName: "账号.csv",
      contentBase64: Buffer.from("名称\n示范\n").toString("base64"),
    });
    assert.deepEqual([broken.status, broken.body.field], [400, "contentBase64"]);
    assert.match(broken.body.error, /账号\.csv：.*缺少必需的列：平台/);
  });

  test("export: the caller's visible accounts, with the site's homepage, as CSV and XLSX", async () => {
    await createAccount(server.db, { platform: "其他", name: "示范办事", organizer: cityUnit }, "tester");
    const all = await inspector().get("/api/accounts/export?format=csv");
    assert.equal(all.status, 200);
    assert.match(all.headers.get("content-type")!, /text\/csv/);
    const text = all.bytes.toString("utf8");
    assert.match(text, /^\uFEFF平台,名称,主办单位,链接,所属网站\r\n/);
    assert.match(text, new RegExp(`微信公众号,示范市政府,${cityUnit},https://mp.weixin.qq.com/demo,${city}`));
    assert.match(text, /演示县发布/);

    const own = (await owner().get("/api/accounts/export?format=csv")).bytes.toString("utf8");
    assert.match(own, /示范市政府/);
    assert.match(own, /示范办事/, "an account of the owner's unit without a site is the owner's");
    assert.doesNotMatch(own, /演示县/, "an owner exports only what it sees");

    const xlsx = await inspector().get("/api/accounts/export?format=xlsx");
    assert.equal(xlsx.bytes.subarray(0, 2).toString(), "PK");
    assert.match(xlsx.headers.get("content-disposition")!, /filename\*=UTF-8''/);
  });
});
