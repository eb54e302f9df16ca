/** The registry over HTTP: sites and new-media accounts, import with its report, export, audit rows. */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { before, describe, test } from "node:test";
import { asc, eq } from "drizzle-orm";
import * as schema from "../../src/store/schema.ts";
import { addUser, Client, cityUnit, emptyStore, useServer } from "./helpers.ts";

describe("registry", () => {
  const server = useServer("pglite");
  let inspector: Client;
  let owner: Client;
  before(async () => {
    await emptyStore(server.db);
    await addUser(server.db, "inspector", "inspector");
    await addUser(server.db, "city", "owner", cityUnit);
    inspector = await Client.signedIn(server.url, "inspector");
    owner = await Client.signedIn(server.url, "city");
  });

  const auditOf = (entity: string) =>
    server.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entity, entity))
      .orderBy(asc(schema.auditLog.id));

  test("create, edit and delete a site, each audited; bad fields are 400 with the field, duplicates 409", async () => {
    const created = await inspector.post("/api/sites", {
      name: " 示范市人民政府 ",
      homepage: "http://www.demo-city.gov.cn",
      organizer: cityUnit,
      siteIdCode: "",
      level: "市级",
      division: "110000",
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.name, "示范市人民政府");
    assert.equal(created.body.homepage, "http://www.demo-city.gov.cn/");
    assert.equal(created.body.siteIdCode, null, "blank means none");

    const badHomepage = await inspector.post("/api/sites", { name: "某局", homepage: "ftp://x.gov.cn" });
    assert.deepEqual([badHomepage.status, badHomepage.body.field], [400, "homepage"]);
    assert.match(badHomepage.body.error, /http/);
    const badDivision = await inspector.post("/api/sites", {
      name: "某局",
      homepage: "http://a.gov.cn",
      division: "12",
    });
    assert.deepEqual([badDivision.status, badDivision.body.field], [400, "division"]);
    const badCode = await inspector.post("/api/sites", {
      name: "某局",
      homepage: "http://a.gov.cn",
      siteIdCode: "123",
    });
    assert.deepEqual([badCode.status, badCode.body.field], [400, "siteIdCode"]);
    const duplicate = await inspector.post("/api/sites", {
      name: "重复",
      homepage: "http://www.demo-city.gov.cn/",
    });
    assert.deepEqual([duplicate.status, duplicate.body.code], [409, "duplicate"]);
    const missingParent = await inspector.post("/api/sites", {
      name: "某局",
      homepage: "http://b.gov.cn",
      parentId: 99999,
    });
    assert.deepEqual([missingParent.status, missingParent.body.field], [400, "parentId"]);

    const department = await inspector.post("/api/sites", {
      name: "示范市教育局",
      homepage: "http://jyj.demo-city.gov.cn/",
      kind: "department",
      parentId: created.body.id,
      organizer: cityUnit,
    });
    assert.equal(department.status, 201);
    const edited = await inspector.put(`/api/sites/${department.body.id}`, {
      status: "关停",
      supervisor: "示范市人民政府",
    });
    assert.equal(edited.body.status, "关停");
    assert.equal(edited.body.name, "示范市教育局", "fields not sent are kept");
    assert.equal(
      (await inspector.put(`/api/sites/${department.body.id}`, { homepage: "http://www.demo-city.gov.cn" }))
        .status,
      409,
    );
    assert.equal(
      (await inspector.put(`/api/sites/${department.body.id}`, { parentId: department.body.id })).body.field,
      "parentId",
    );
    assert.equal((await inspector.put("/api/sites/99999", { name: "x" })).status, 404);

    assert.deepEqual((await inspector.delete(`/api/sites/${department.body.id}`)).body, { ok: true });
    assert.equal((await inspector.get(`/api/sites/${department.body.id}`)).status, 404);
    assert.equal((await inspector.delete(`/api/sites/${department.body.id}`)).status, 404);

    const audit = await auditOf("site");
    assert.deepEqual(
      audit.map((row) => [row.actor, row.action, row.entityId]),
      [
        ["inspector", "site.create", created.body.id],
        ["inspector", "site.create", department.body.id],
        ["inspector", "site.update", department.body.id],
        ["inspector", "site.delete", department.body.id],
      ],
    );
    assert.equal((audit[2]!.before as { status: string }).status, "运行");
    assert.equal((audit[2]!.after as { status: string }).status, "关停");
    assert.equal((await owner.post("/api/sites", { name: "x", homepage: "http://x.gov.cn" })).status, 403);
  });

  test("import a CSV: a dry run reports and keeps nothing, the import keeps the valid rows; export reads back", async () => {
    const csv = [
      "名称,首页地址,主办单位,类型,状态,上级网站",
      "演示县人民政府,http://www.demo-county.gov.cn/,演示县人民政府办公室,门户,运行,",
      "演示县教育局,http://jyj.demo-county.gov.cn/,演示县教育局,部门,运行,http://www.demo-county.gov.cn/",
      "坏行,not a url,,,,",
      "重复,http://www.demo-county.gov.cn/,,,,",
    ].join("\n");
    const body = { fileName: "登记表.csv", contentBase64: Buffer.from(csv).toString("base64") };
    const before = (await inspector.get("/api/sites")).body.length;

    const preview = await inspector.post("/api/sites/import", { ...body, dryRun: true });
    assert.equal(preview.status, 200);
    assert.equal(preview.body.dryRun, true);
    assert.deepEqual([preview.body.created, preview.body.updated], [2, 0]);
    assert.deepEqual(
      preview.body.errors.map((e: { row: number; field: string }) => [e.row, e.field]),
      [
        [4, "homepage"],
        [5, "homepage"],
      ],
    );
    assert.match(preview.body.errors[1].message, /第 2 行/, "the duplicate names the file's row");
    assert.equal((await inspector.get("/api/sites")).body.length, before, "a dry run keeps nothing");

    const imported = await inspector.post("/api/sites/import", body);
    assert.deepEqual([imported.body.created, imported.body.updated, imported.body.errors.length], [2, 0, 2]);
    const sites = (await inspector.get("/api/sites")).body as {
      name: string;
      parentId: number | null;
      id: number;
    }[];
    assert.equal(sites.length, before + 2);
    const countySite = sites.find((s) => s.name === "演示县人民政府")!;
    assert.equal(sites.find((s) => s.name === "演示县教育局")!.parentId, countySite.id);
    const [audit] = (await auditOf("registry")).slice(-1);
    assert.deepEqual(audit!.after, { fileName: "登记表.csv", created: 2, updated: 0, errors: 2 });

    const broken = await inspector.post("/api/sites/import", {
      fileName: "x.xlsx",
      contentBase64: Buffer.from("not a zip").toString("base64"),
    });
    assert.deepEqual([broken.status, broken.body.field], [400, "contentBase64"]);

    const exported = await inspector.get("/api/sites/export?format=csv");
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get("content-disposition")!, /filename\*=UTF-8''%E7%BD%91%E7%AB%99/);
    assert.match(exported.bytes.toString("utf8"), /演示县教育局/);
    const xlsx = await inspector.get("/api/sites/export?format=xlsx");
    assert.equal(xlsx.bytes.subarray(0, 2).toString(), "PK");
    const ownExport = await owner.get("/api/sites/export?format=csv");
    assert.doesNotMatch(ownExport.bytes.toString("utf8"), /演示县/, "an owner exports only its own sites");
  });

  test("new-media accounts: CRUD by inspectors, audited; owners see their unit's accounts only", async () => {
    const [citySite] = (await inspector.get("/api/sites")).body.filter(
      (s: { organizer: string }) => s.organizer === cityUnit,
    );
    const weibo = await inspector.post("/api/accounts", {
      platform: "微博",
      name: "示范发布",
      organizer: cityUnit,
      url: "https://weibo.com/demo",
    });
    assert.equal(weibo.status, 201);
    const wechat = await inspector.post("/api/accounts", {
      platform: "微信公众号",
      name: "示范教育",
      siteId: citySite.id,
    });
    const other = await inspector.post("/api/accounts", {
      platform: "抖音",
      name: "演示县发布",
      organizer: "演示县人民政府办公室",
    });
    assert.equal(other.status, 201);
    assert.deepEqual(
      [(await inspector.post("/api/accounts", { platform: "微博", name: "示范发布" })).status],
      [409],
    );
    assert.equal(
      (await inspector.post("/api/accounts", { platform: "微博", name: "x", url: "javascript:alert(1)" }))
        .body.field,
      "url",
    );
    assert.equal(
      (await inspector.post("/api/accounts", { platform: "微博", name: "y", siteId: 99999 })).body.field,
      "siteId",
    );

    const mine = (await owner.get("/api/accounts")).body.map((a: { name: string }) => a.name);
    assert.deepEqual(mine, ["示范发布", "示范教育"]);
    assert.equal((await owner.get(`/api/accounts/${other.body.id}`)).status, 404);
    assert.equal((await owner.put(`/api/accounts/${weibo.body.id}`, { name: "改" })).status, 403);

    const renamed = await inspector.put(`/api/accounts/${wechat.body.id}`, { name: "示范市教育" });
    assert.equal(renamed.body.name, "示范市教育");
    assert.equal(
      (await inspector.put(`/api/accounts/${wechat.body.id}`, { platform: "微博", name: "示范发布" })).status,
      409,
    );
    assert.deepEqual((await inspector.delete(`/api/accounts/${other.body.id}`)).body, { ok: true });
    assert.deepEqual(
      (await auditOf("account")).map((row) => row.action),
      ["account.create", "account.create", "account.create", "account.update", "account.delete"],
    );
  });

  test("users: admin only; passwords of 8+ characters; owners need a unit; a new password ends sessions", async () => {
    await addUser(server.db, "root", "admin");
    const admin = await Client.signedIn(server.url, "root");
    assert.equal((await inspector.get("/api/users")).status, 403);
    const short = await admin.post("/api/users", {
      username: "zhang",
      displayName: "张三",
      password: "1234567",
      role: "inspector",
    });
    assert.deepEqual([short.status, short.body.field], [400, "password"]);
    const noUnit = await admin.post("/api/users", {
      username: "zhang",
      displayName: "张三",
      password: "12345678",
      role: "owner",
    });
    assert.deepEqual([noUnit.status, noUnit.body.field], [400, "unit"]);
    const created = await admin.post("/api/users", {
      username: "zhang",
      displayName: "张三",
      password: "12345678",
      role: "owner",
      unit: cityUnit,
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.passwordHash, undefined);
    assert.equal(
      (
        await admin.post("/api/users", {
          username: "zhang",
          displayName: "x",
          password: "12345678",
          role: "readonly",
        })
      ).status,
      409,
    );
    const zhang = new Client(server.url);
    assert.equal((await zhang.login("zhang", "12345678")).status, 200);
    await admin.put(`/api/users/${created.body.id}`, { password: "another password" });
    assert.equal((await zhang.get("/api/auth/me")).status, 401, "signed out by the password change");
    assert.equal((await zhang.login("zhang", "another password")).status, 200);
    const me = (await admin.get("/api/auth/me")).body.user;
    assert.equal(
      (await admin.put(`/api/users/${me.id}`, { role: "readonly" })).status,
      400,
      "no self-demotion",
    );
    const audit = await auditOf("user");
    assert.ok(
      audit.every((row) => !JSON.stringify(row).includes("scrypt")),
      "no hash in the audit log",
    );
    assert.deepEqual(
      audit
        .filter((row) => row.entityId === created.body.id)
        .map((row) => [
          row.actor,
          row.action,
          (row.after as { passwordChanged?: boolean }).passwordChanged ?? false,
        ]),
      [
        ["root", "user.create", false],
        ["root", "user.update", true],
      ],
    );
  });

  test("alert channels: admin only, the secret never shown, a test message reaches the robot", async () => {
    const received: unknown[] = [];
    const robot = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push(JSON.parse(body));
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({ errcode: received.length === 1 ? 0 : 93000, errmsg: "invalid webhook url" }),
        );
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = robot.address() as AddressInfo;
      const admin = await Client.signedIn(server.url, "root");
      const channel = {
        name: "值班群",
        kind: "wecom",
        target: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=k`,
        secret: "SEC123",
        events: ["veto", "digest"],
      };
      assert.equal((await inspector.post("/api/alert-channels", channel)).status, 403);
      const created = await admin.post("/api/alert-channels", channel);
      assert.equal(created.status, 201);
      assert.equal(created.body.secret, undefined);
      assert.equal(created.body.hasSecret, true);
      const bad = await admin.post("/api/alert-channels", {
        ...channel,
        kind: "email",
        target: "not an address",
      });
      assert.deepEqual([bad.status, bad.body.field], [400, "target"]);
      assert.ok(!JSON.stringify((await admin.get("/api/alert-channels")).body).includes("SEC123"));

      assert.deepEqual((await admin.post(`/api/alert-channels/${created.body.id}/test`)).body, { ok: true });
      assert.equal(received.length, 1);
      assert.match(JSON.stringify(received[0]), /告警通道测试/);
      const refused = await admin.post(`/api/alert-channels/${created.body.id}/test`);
      assert.deepEqual([refused.status, refused.body.code], [502, "alert_failed"]);
      assert.match(refused.body.error, /93000/);

      assert.deepEqual((await admin.delete(`/api/alert-channels/${created.body.id}`)).body, { ok: true });
      assert.equal((await admin.delete(`/api/alert-channels/${created.body.id}`)).status, 404);
      assert.deepEqual(
        (await auditOf("alert_channel")).map((row) => row.action),
        ["alert_channel.create", "alert_channel.delete"],
      );
    } finally {
      robot.close();
    }
  });
});
