import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../../src/core/errors.ts";
import { findOverride, parseSiteConfig, settingsFor } from "../../src/inspect/siteConfig.ts";

test("site settings are found by host or origin, and columns by URL or name", () => {
  const config = parseSiteConfig(
    {
      sites: {
        "http://www.x.gov.cn/": {
          homepage: "navigation",
          columns: [
            { url: "http://www.x.gov.cn/zwgk/ghjh/index.html", type: "ANNUAL", period: "1y" },
            { name: "价格管理", period: "3m", level: 2 },
            { name: "旧专题", period: null, ignore: true },
          ],
        },
      },
    },
    "sites.json",
  );
  const settings = settingsFor(config, "http://www.x.gov.cn");
  assert.equal(settings.homepage, "navigation");
  assert.deepEqual(findOverride(settings, "https://www.x.gov.cn/zwgk/ghjh/", "规划计划"), {
    url: "http://www.x.gov.cn/zwgk/ghjh/index.html",
    type: "ANNUAL",
    window: { months: 12 },
  });
  assert.deepEqual(findOverride(settings, "http://www.x.gov.cn/jg/", "价格管理")?.window, { months: 3 });
  assert.equal(findOverride(settings, "http://www.x.gov.cn/old/", "旧专题")?.window, null);
  assert.equal(findOverride(settings, "http://www.x.gov.cn/tzgg/", "通知公告"), undefined);
  assert.deepEqual(settingsFor(config, "http://other.gov.cn"), { columns: [], allow: [] });
});

test("a broken configuration names the place of the error", () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ site: {} }, /顶层/],
    [{ sites: { "x.gov.cn": { homepage: "nav" } } }, /sites\["x\.gov\.cn"\]\.homepage/],
    [{ sites: { "x.gov.cn": { columns: [{ type: "NEWS" }] } } }, /columns\[0\] 需要 url 或 name/],
    [{ sites: { "x.gov.cn": { columns: [{ name: "a", type: "NEW" }] } } }, /columns\[0\]\.type/],
    [
      { sites: { "x.gov.cn": { columns: [{ name: "a" }, { name: "b", period: "2w" }] } } },
      /columns\[1\]\.period/,
    ],
    [{ sites: { "x.gov.cn": { columns: [{ name: "a", level: 3 }] } } }, /level/],
    [{ sites: { "x.gov.cn": { kind: "county" } } }, /sites\["x\.gov\.cn"\]\.kind/],
    [{ sites: { "x.gov.cn": { siteIdCode: "" } } }, /siteIdCode/],
    [{ sites: {}, identity: { provinces: { 演示: "99" } } }, /identity\.provinces\["演示"\]/],
    [{ sites: {}, identity: { divisions: { "9901": "x" } } }, /identity\.divisions\["9901"\]/],
  ];
  for (const [json, message] of cases) {
    assert.throws(
      () => parseSiteConfig(json, "f.json"),
      (error: unknown) => error instanceof UsageError && message.test(error.message),
    );
  }
});

test("site kind, parent portal, registered 标识码 and extra divisions are read", () => {
  const config = parseSiteConfig(
    {
      identity: { provinces: { 演: "99" }, divisions: { "990100": "演示省示范市" } },
      sites: {
        "slj.bd.gov.cn": { kind: "department", parent: "http://www.bd.gov.cn/", siteIdCode: "1306000001" },
      },
    },
    "sites.json",
  );
  const settings = settingsFor(config, "http://slj.bd.gov.cn/");
  assert.equal(settings.kind, "department");
  assert.equal(settings.parent, "www.bd.gov.cn");
  assert.equal(settings.siteIdCode, "1306000001");
  assert.deepEqual(config.identity, { provinces: { 演: "99" }, divisions: { "990100": "演示省示范市" } });
});
