import assert from "node:assert/strict";
import { test } from "node:test";
import { addMonths, chinaDay, windowStart } from "../../src/core/chinaDate.ts";
import type { SiteColumn } from "../../src/checks/columnModel.ts";
import {
  assessColumn,
  columnFreshnessFindings,
  columnTotals,
  national2019ColumnFreshness as policy,
} from "../../src/checks/freshness.ts";
import {
  assessHomepage,
  homepageFreshnessFindings,
  national2019HomepageFreshness,
  type HomepageDates,
} from "../../src/checks/homepageFreshness.ts";

const asOf = new Date("2026-11-20T00:00:00+08:00");

function column(overrides: Partial<SiteColumn>): SiteColumn {
  return {
    name: "工作动态",
    url: "http://www.x.gov.cn/gzdt/",
    level: 1,
    parentName: null,
    parentUrl: null,
    type: "NEWS",
    typeSource: "name",
    sources: ["nav"],
    state: "read",
    items: 10,
    datedItems: 10,
    pagesRead: 1,
    newest: dated("2026-11-18"),
    future: [],
    placeholder: null,
    layout: "list",
    ...overrides,
  };
}

const dated = (date: string) => ({
  title: "标题",
  url: `http://www.x.gov.cn/a/${date}.html`,
  date,
  dateText: date,
  yearInferred: false,
});

test("China-time calendar: days near midnight UTC, month ends clamp", () => {
  assert.equal(chinaDay(new Date("2026-11-19T16:30:00Z")), "2026-11-20");
  assert.equal(addMonths("2026-08-31", -6), "2026-02-28");
  assert.equal(addMonths("2024-08-31", -6), "2024-02-29");
  assert.equal(windowStart("2026-11-20", { days: 14 }), "2026-11-06");
  assert.equal(windowStart("2026-11-20", { months: 6 }), "2026-05-20");
});

test("a news column is stale from the 15th day; the 14th day still counts", () => {
  assert.equal(assessColumn(column({ newest: dated("2026-11-06") }), asOf, policy).verdict, "fresh");
  const stale = assessColumn(column({ newest: dated("2026-11-05") }), asOf, policy);
  assert.equal(stale.verdict, "stale");
  assert.equal(stale.key, true);
  assert.deepEqual(stale.window, { days: 14 });
});

test("6 months binds first-level notices; second-level ones get the longer period and are not key", () => {
  const notice = column({ type: "NOTICE", newest: dated("2026-05-19") });
  const first = assessColumn(notice, asOf, policy);
  assert.equal(first.verdict, "stale");
  assert.equal(first.key, true);
  const second = assessColumn({ ...notice, level: 2, parentName: "政务公开" }, asOf, policy);
  assert.equal(second.verdict, "fresh");
  assert.equal(second.key, false);
  assert.deepEqual(second.window, { months: 12 });
});

test("blank: placeholder, no items, broken link; single pages and exempt types are not judged", () => {
  assert.equal(
    assessColumn(column({ items: 0, newest: null, placeholder: "暂无信息" }), asOf, policy).verdict,
    "blank",
  );
  assert.equal(assessColumn(column({ items: 0, newest: null }), asOf, policy).verdict, "blank");
  const broken = assessColumn(column({ state: "broken", status: 404, items: 0, newest: null }), asOf, policy);
  assert.equal(broken.verdict, "blank");
  assert.match(broken.reason, /404/);
  assert.equal(
    assessColumn(column({ items: 0, newest: null, layout: "page" }), asOf, policy).verdict,
    "unknown",
  );
  assert.equal(
    assessColumn(column({ items: 0, newest: null, layout: "hub" }), asOf, policy).verdict,
    "unknown",
  );
  assert.equal(
    assessColumn(column({ type: "SPECIAL", newest: dated("2020-01-01") }), asOf, policy).verdict,
    "exempt",
  );
  assert.equal(
    assessColumn(column({ state: "not-read", items: 0, newest: null }), asOf, policy).verdict,
    "unknown",
  );
});

test("undated items count as not updated unless the policy says otherwise", () => {
  const undated = column({ newest: null, datedItems: 0 });
  assert.equal(assessColumn(undated, asOf, policy).verdict, "stale");
  assert.equal(assessColumn(undated, asOf, { ...policy, undatedCountsAsStale: false }).verdict, "unknown");
});

test("a site override replaces the window, or removes the duty", () => {
  const other = column({ type: "OTHER", newest: dated("2026-07-01") });
  assert.equal(assessColumn(other, asOf, policy).verdict, "exempt");
  assert.equal(assessColumn({ ...other, windowOverride: { months: 3 } }, asOf, policy).verdict, "stale");
  assert.equal(
    assessColumn({ ...column({ newest: dated("2026-01-01") }), windowOverride: null }, asOf, policy).verdict,
    "exempt",
  );
  assert.equal(assessColumn({ ...other, ignored: true }, asOf, policy).verdict, "exempt");
});

test("counts reach the early-warning line at 3 and the veto at 5 stale key columns", () => {
  const site = "http://www.x.gov.cn";
  const make = (n: number) =>
    Array.from({ length: n }, (_, i) => column({ url: `${site}/c${i}/`, newest: dated("2026-10-01") }));
  for (const [n, expected] of [
    [2, undefined],
    [3, "warn"],
    [4, "warn"],
    [5, "veto"],
  ] as const) {
    const columns = make(n);
    const assessments = columns.map((c) => assessColumn(c, asOf, policy));
    const totals = columnTotals(columns, assessments, policy);
    assert.equal(totals.keyStale, n);
    const findings = columnFreshnessFindings(site, columns, assessments, totals);
    assert.equal(findings.filter((f) => f.check === "column.stale").length, n);
    assert.equal(findings.find((f) => f.check === "column.key-stale-count")?.severity, expected, `n=${n}`);
  }
});

test("column findings carry the column, the newest item and the window", () => {
  const stale = column({ name: "通知公告", type: "NOTICE", newest: dated("2026-04-28") });
  const assessments = [assessColumn(stale, asOf, policy)];
  const [finding] = columnFreshnessFindings(
    "http://www.x.gov.cn",
    [stale],
    assessments,
    columnTotals([stale], assessments, policy),
  );
  assert.equal(finding?.check, "column.stale");
  assert.equal(finding?.url, stale.url);
  assert.match(finding!.message, /通知公告.*2026-04-28/);
  assert.equal(finding?.evidence.window, "6 个月");
  assert.equal(finding?.evidence.since, "2026-05-20");
  assert.deepEqual(finding?.evidence.newest, stale.newest);
});

function homepage(overrides: Partial<HomepageDates>): HomepageDates {
  return {
    url: "http://www.x.gov.cn/",
    newest: dated("2026-11-19"),
    itemRows: 30,
    datedRows: 30,
    navigationOnly: false,
    ...overrides,
  };
}

test("homepage: fresh within 10 days, warning after 10, veto after 14; undated counts as not updated", () => {
  const judge = (dates: HomepageDates) => assessHomepage(dates, [], asOf, national2019HomepageFreshness);
  assert.equal(judge(homepage({})).verdict, "fresh");
  assert.equal(judge(homepage({ newest: dated("2026-11-09") })).verdict, "warn");
  assert.equal(judge(homepage({ newest: dated("2026-11-06") })).verdict, "warn");
  assert.equal(judge(homepage({ newest: dated("2026-11-05") })).verdict, "stale");
  const undated = homepage({ newest: null, datedRows: 0 });
  const result = judge(undated);
  assert.equal(result.verdict, "stale");
  const [finding] = homepageFreshnessFindings(
    "http://www.x.gov.cn",
    undated,
    result,
    national2019HomepageFreshness,
  );
  assert.equal(finding?.severity, "veto");
  assert.match(finding!.message, /未注明发布时间/);
});

test("a navigation-only homepage is judged by its second-level pages", () => {
  const nav = homepage({ newest: null, itemRows: 0, datedRows: 0, navigationOnly: true });
  const fresh = column({ name: "工作动态", newest: dated("2026-11-12") });
  const old = column({ name: "通知公告", url: "http://www.x.gov.cn/tzgg/", newest: dated("2026-09-01") });
  const result = assessHomepage(nav, [old, fresh], asOf, national2019HomepageFreshness);
  assert.equal(result.verdict, "fresh");
  assert.deepEqual(result.via, { column: "工作动态", url: fresh.url });
  assert.equal(assessHomepage(nav, [old], asOf, national2019HomepageFreshness).verdict, "stale");
});
