import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extendIdentityReference, loadIdentityReference } from "../../src/checks/identityReference.ts";
import {
  createSite,
  deleteSite,
  getSiteByHomepage,
  importSites,
  listSites,
  updateSite,
} from "../../src/store/siteRepository.ts";
import { engines, useStore } from "./engines.ts";

/** The demo's fictitious province 演 (code 99), as demo/site-config.json adds it. */
const reference = extendIdentityReference(loadIdentityReference(), {
  provinces: { 演: "99" },
  divisions: { "990100": "演示省示范市" },
});

for (const engine of engines) {
  describe(engine, () => {
    const store = useStore(engine);
    test("create, get by homepage, update, list and delete a site", async () => {
      const { db } = store;
      const portal = await createSite(db, {
        name: "北京市人民政府",
        homepage: " https://www.beijing.gov.cn ",
        siteIdCode: "1100000088",
        organizer: "北京市人民政府办公厅",
        level: "省级",
        division: "110000",
      });
      assert.equal(portal.homepage, "https://www.beijing.gov.cn/");
      assert.equal(portal.kind, "portal");
      assert.equal(portal.status, "运行");
      assert.equal((await getSiteByHomepage(db, "https://www.beijing.gov.cn"))?.id, portal.id);
      await assert.rejects(
        createSite(db, { name: "重复", homepage: "https://www.beijing.gov.cn/" }),
        /首页地址已登记/,
      );
      const department = await createSite(db, {
        name: "北京市水务局",
        homepage: "https://swj.beijing.gov.cn",
        kind: "department",
        parentId: portal.id,
      });
      const updated = await updateSite(db, department.id, { status: "上移", supervisor: "北京市人民政府" });
      assert.equal(updated.status, "上移");
      assert.equal(updated.supervisor, "北京市人民政府");
      assert.ok(updated.updatedAt > department.updatedAt);
      await assert.rejects(updateSite(db, department.id, { siteIdCode: "12345" }), /网站标识码“12345”不正确/);
      await assert.rejects(updateSite(db, 9999, { name: "无" }), /网站不存在：编号 9999/);
      // Deleting the portal detaches its department rather than deleting it.
      await deleteSite(db, portal.id);
      const left = await listSites(db);
      assert.deepEqual(
        left.map((site) => [site.name, site.parentId]),
        [["北京市水务局", null]],
      );
      await assert.rejects(deleteSite(db, portal.id), /网站不存在/);
    });

    test("import reports malformed 标识码, duplicates and missing fields by row and imports the rest", async () => {
      const { db } = store;
      await createSite(db, { name: "旧名称", homepage: "http://www.demo-city.gov.cn/" }, reference);
      const report = await importSites(
        db,
        [
          {
            name: "示范市人民政府",
            homepage: "http://www.demo-city.gov.cn",
            siteIdCode: "9901000001",
            kind: "门户",
          },
          {
            name: "示范市水利局",
            homepage: "http://slj.demo-city.gov.cn",
            kind: "部门",
            parentHomepage: "http://www.demo-city.gov.cn",
          },
          { name: "标识码错", homepage: "http://a.demo.gov.cn", siteIdCode: "99010A0001" },
          { name: "重复首页", homepage: "http://www.demo-city.gov.cn/" },
          { name: "", homepage: "ftp://b.demo.gov.cn", status: "停用" },
          { name: "无上级", homepage: "http://c.demo.gov.cn", parentHomepage: "http://nowhere.gov.cn" },
        ],
        { reference },
      );
      assert.deepEqual(report.errors, [
        {
          row: 4,
          field: "siteIdCode",
          message:
            "网站标识码“99010A0001”不正确：应为 10 位数字（6 位行政区划代码加 4 位顺序号）或 bm 加 8 位数字",
        },
        { row: 5, field: "homepage", message: "首页地址与第 2 行重复" },
        { row: 6, field: "name", message: "缺少名称" },
        { row: 6, field: "status", message: "状态应为 运行/关停/上移：停用" },
        {
          row: 6,
          field: "homepage",
          message: "首页地址须以 http:// 或 https:// 开头：ftp://b.demo.gov.cn",
        },
        {
          row: 7,
          field: "parentHomepage",
          message: "上级网站未登记，也不在导入的行中：http://nowhere.gov.cn/",
        },
      ]);
      assert.equal(report.created, 1);
      assert.equal(report.updated, 1);
      const stored = await listSites(db);
      assert.deepEqual(
        stored.map((site) => [site.name, site.kind, site.siteIdCode]),
        [
          ["示范市人民政府", "portal", "9901000001"],
          ["示范市水利局", "department", null],
        ],
      );
      assert.equal(stored[1]!.parentId, stored[0]!.id);
      // The shipped reference has no province 99: the same code is refused without the extension.
      const strict = await importSites(db, [
        { name: "示范市", homepage: "http://x.gov.cn", siteIdCode: "9901000001" },
      ]);
      assert.equal(strict.errors.length, 1);
      assert.equal(strict.errors[0]!.row, 2);
      assert.equal(strict.created, 0);
    });
  });
}
