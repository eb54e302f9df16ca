import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { siteModules } from "../../demo/content/index.ts";
import { demoSites } from "../../demo/sites.ts";
import { classifyColumn, columnTypeNames, type ColumnType } from "../../src/checks/columnTypes.ts";

describe("classifyColumn on the demo sites", () => {
  const columns = demoSites.flatMap((site) => site.columns.map((c) => ({ ...c, host: site.host })));

  it("gives every column its kind from the name, ColumnType meta and parent", () => {
    for (const c of columns) {
      const result = classifyColumn({ name: c.name, metaType: c.typeLabel, parentName: c.parent });
      assert.equal(result.type, c.kind, `${c.host} ${c.name} (${c.typeLabel}): ${JSON.stringify(result)}`);
    }
  });

  it("gives every column its kind with everything a crawl passes: URL and item titles too", () => {
    for (const m of siteModules) {
      for (const c of m.columns) {
        const url = `http://${m.host}${m.listUrl(c, 0)}`;
        const itemTitles = c.articles.map((a) => a.title);
        assert.equal(
          classifyColumn({ name: c.name, parentName: c.parent, url, itemTitles }).type,
          c.kind,
          c.name,
        );
      }
    }
  });

  it("gives every column its kind from the name alone, without the meta", () => {
    for (const c of columns) {
      const result = classifyColumn({ name: c.name, parentName: c.parent });
      assert.equal(result.type, c.kind, `${c.host} ${c.name}: ${JSON.stringify(result)}`);
      // 价格管理 and 招生考试 are OTHER because no keyword names them, not by a rule.
      assert.equal(result.source, c.kind === "OTHER" ? "default" : "name", c.name);
    }
  });

  it("takes a recognised ColumnType meta over the name", () => {
    const today = classifyColumn({ name: "今日示范", metaType: "要闻动态", parentName: "政务动态" });
    assert.deepEqual(today, { type: "NEWS", source: "meta", matched: "要闻动态" });
    const mailbox = classifyColumn({ name: "主任信箱", metaType: "互动交流" });
    assert.equal(mailbox.source, "meta");
    assert.equal(mailbox.type, "INTERACTION");
  });
});

describe("classifyColumn orderings", () => {
  const byName = (name: string): ColumnType => classifyColumn({ name }).type;

  it("settles names that carry two signals", () => {
    const cases: [string, ColumnType][] = [
      ["政策解读", "INTERPRETATION"],
      ["文件解读", "INTERPRETATION"],
      ["一图读懂", "INTERPRETATION"],
      ["政策法规及解读", "POLICY"],
      ["领导信箱", "INTERACTION"],
      ["书记信箱", "INTERACTION"],
      ["办事咨询", "INTERACTION"],
      ["意见征集", "INTERACTION"],
      ["领导信息", "ANNUAL"],
      ["领导简介", "OVERVIEW"],
      ["机构职能", "OVERVIEW"],
      ["机构信息", "ANNUAL"],
      ["机构概况", "OVERVIEW"],
      ["信息公开目录", "ANNUAL"],
      ["信息公开年报", "ANNUAL"],
      ["人事任免公示", "ANNUAL"],
      ["规划计划", "ANNUAL"],
      ["发展规划", "ANNUAL"],
      ["财政预决算", "ANNUAL"],
      ["统计信息", "ANNUAL"],
      ["重大项目", "ANNUAL"],
      ["建议提案办理", "ANNUAL"],
      ["统计数据", "DATA"],
      ["数据发布", "DATA"],
      ["财政动态", "NEWS"],
      ["领导活动", "NEWS"],
      ["图片新闻", "NEWS"],
      ["部门动态", "NEWS"],
      ["乡镇动态", "NEWS"],
      ["要闻", "NEWS"],
      ["通知公告", "NOTICE"],
      ["公示公告", "NOTICE"],
      ["招聘公告", "NOTICE"],
      ["政策文件", "POLICY"],
      ["规范性文件", "POLICY"],
      ["政府文件", "POLICY"],
      ["政府公报", "POLICY"],
      ["办事指南", "SERVICE_GUIDE"],
      ["办事服务", "SERVICE_GUIDE"],
      ["在线访谈", "INTERACTION"],
      ["专题专栏", "SPECIAL"],
      ["疫情防控专题", "SPECIAL"],
      ["走进演示", "OVERVIEW"],
      ["政务服务动态", "NEWS"],
      ["机构改革动态", "NEWS"],
      ["任前公示", "ANNUAL"],
      ["统计公报", "ANNUAL"],
      ["政策解读专栏", "INTERPRETATION"],
      ["政府采购专栏", "SPECIAL"],
      ["价格管理", "OTHER"],
      ["招生考试", "OTHER"],
    ];
    for (const [name, type] of cases) assert.equal(byName(name), type, name);
  });

  it("ignores spacing and decoration in names", () => {
    assert.equal(byName("通 知 公 告"), "NOTICE");
    assert.equal(byName("·政策解读·"), "INTERPRETATION");
    assert.equal(byName("【专题】"), "SPECIAL");
  });

  it("falls through unrecognised ColumnType values: numbers (nfra), 首页, 政务公开", () => {
    const nfra = classifyColumn({ name: "总局机关", metaType: "5" });
    assert.notEqual(nfra.source, "meta");
    assert.deepEqual(classifyColumn({ name: "通知公告", metaType: "5" }), {
      type: "NOTICE",
      source: "name",
      matched: "通知公告",
    });
    assert.equal(classifyColumn({ name: "首页", metaType: "首页" }).source, "default");
    assert.equal(classifyColumn({ name: "规划计划", metaType: "政务公开" }).source, "name");
    assert.equal(classifyColumn({ name: "价格管理", metaType: "价格管理" }).type, "OTHER");
  });

  it("uses the parent's name when the column's own name says nothing", () => {
    assert.deepEqual(classifyColumn({ name: "今日示范", parentName: "政务动态" }).type, "NEWS");
    const child = classifyColumn({ name: "县长之窗", parentName: "互动交流" });
    assert.deepEqual(child, { type: "INTERACTION", source: "parent", matched: "互动交流" });
  });

  it("uses the URL's column initials after names", () => {
    assert.deepEqual(classifyColumn({ name: "综合", url: "http://www.x.gov.cn/tzgg/" }), {
      type: "NOTICE",
      source: "url",
      matched: "tzgg",
    });
    assert.equal(
      classifyColumn({ name: "综合", url: "http://www.x.gov.cn/zwdt/jrsf/index_2.html" }).type,
      "NEWS",
    );
    assert.equal(
      classifyColumn({ name: "综合", url: "http://www.x.gov.cn/col/col12/index.html" }).source,
      "default",
    );
  });

  it("reads item titles only as weak evidence, when names say nothing", () => {
    const readings = ["《示范市若干措施》政策解读", "一图读懂老旧小区改造方案", "《实施意见》解读", "问答"];
    assert.deepEqual(classifyColumn({ name: "综合信息", itemTitles: readings }).type, "INTERPRETATION");
    assert.equal(classifyColumn({ name: "综合信息", itemTitles: readings }).source, "content");
    const policies = [
      "示范市人民政府关于印发示范市进一步优化营商环境若干措施的通知",
      "示范市人民政府办公室关于印发老旧小区改造三年行动方案的通知",
      "示范市人民政府关于促进民营经济高质量发展的实施意见",
    ];
    assert.equal(classifyColumn({ name: "综合信息", itemTitles: policies }).type, "POLICY");
    const notices = ["关于冬季供暖的通告", "关于道路命名的公告", "拟聘用人员公示", "关于召开听证会的通知"];
    assert.equal(classifyColumn({ name: "综合信息", itemTitles: notices }).type, "NOTICE");
    // The name wins over any number of titles.
    assert.equal(classifyColumn({ name: "工作动态", itemTitles: notices }).type, "NEWS");
    // Too few titles, or no majority: no evidence.
    assert.equal(classifyColumn({ name: "综合信息", itemTitles: notices.slice(0, 2) }).type, "OTHER");
    const mixed = ["关于道路命名的公告", "市长调研工作", "某项目简介", "年度总结"];
    assert.deepEqual(classifyColumn({ name: "综合信息", itemTitles: mixed }), {
      type: "OTHER",
      source: "default",
    });
  });

  it("has a Chinese display name for every type", () => {
    assert.equal(Object.keys(columnTypeNames).length, 11);
    assert.equal(columnTypeNames.NEWS, "动态要闻");
    assert.equal(columnTypeNames.OTHER, "其他");
  });
});
