import assert from "node:assert/strict";
import { test } from "node:test";
import { checkCatalogue } from "../../src/checks/catalogue.ts";
import { evidenceLine } from "../../src/report/evidence.ts";
import { problemList } from "../../src/report/problemList.ts";
import { checksWithRemedy } from "../../src/report/remedies.ts";
import { city, county, demoReport, demoResults, manualVeto } from "./fixtures.ts";

const report = demoReport();
const results = demoResults(report);
const list = problemList(report, results);
const siteList = (site: string) => list.sites.find((s) => s.site === site)!;

test("site facts, verdict and score come from the report and the result", () => {
  const countyList = siteList(county);
  assert.equal(countyList.name, "演示县人民政府");
  assert.equal(countyList.homepage, "http://www.demo-county.gov.cn/");
  assert.equal(countyList.siteIdCode, "9901210001");
  assert.equal(countyList.organizer, "演示县人民政府办公室");
  assert.equal(countyList.asOf, "2026年11月20日 00:00");
  assert.match(countyList.ruleSet, /19号.*national-2019，版本 2019\.1，部分分值暂定/);
  assert.deepEqual([countyList.passed, countyList.verdict, countyList.score], [false, "不合格", null]);
  const cityList = siteList(city);
  assert.deepEqual(
    [cityList.passed, cityList.verdict, cityList.score, cityList.deducted],
    [true, "合格", 92, 8],
  );
});

test("problems are numbered from 1 per site, vetoes first, then deductions and warnings; info only on request", () => {
  const rank = { veto: 0, deduct: 1, warn: 2, info: 3 };
  for (const site of list.sites) {
    assert.deepEqual(
      site.problems.map((p) => p.no),
      site.problems.map((_, i) => i + 1),
    );
    const ranks = site.problems.map((p) => rank[p.severity]);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
    );
    assert.ok(!site.problems.some((p) => p.severity === "info"));
  }
  assert.deepEqual(list.groups, ["veto", "deduct", "warn"]);
  const withInfo = problemList(report, results, { includeInfo: true });
  const countyWithInfo = withInfo.sites.find((s) => s.site === county)!;
  assert.equal(countyWithInfo.problems.at(-1)!.severity, "info");
  assert.equal(countyWithInfo.counts.info, 4);
  assert.equal(countyWithInfo.problems.length, siteList(county).problems.length + 4);
});

test("findings a rule item cites carry its title, come first in their group, and the item lists their numbers", () => {
  const countyList = siteList(county);
  const hidden = countyList.problems.filter((p) => p.check === "content.hidden-link");
  assert.deepEqual(
    hidden.map((p) => p.no),
    [1, 2, 3, 4],
  );
  assert.ok(
    hidden.every((p) => p.title === "安全（网站被篡改植入暗链）" && p.indicator === "19号·单项否决·安全"),
  );
  assert.deepEqual(
    countyList.vetoes.map((v) => v.problems),
    [[1, 2, 3, 4], [5], [6, 7]],
  );
  // Not cited: the check's own title and indicator.
  const futureDate = countyList.problems.find((p) => p.check === "content.future-date")!;
  assert.equal(futureDate.title, "时间穿越");
  assert.match(futureDate.indicator, /伪造发稿日期/);
});

test("a finding a warning item cites is raised from info to the warnings", () => {
  const headers = siteList(city).problems.find((p) => p.check === "standards.security-headers")!;
  assert.equal(headers.severity, "warn");
  assert.equal(headers.title, "安全防护");
  assert.deepEqual(siteList(city).warnings[0]!.problems, [headers.no]);
});

test("a manual finding the result cites but the report lacks is listed", () => {
  const manual = siteList(county).problems.find((p) => p.fingerprint === manualVeto.fingerprint)!;
  assert.equal(manual.severity, "veto");
  assert.equal(manual.description, manualVeto.message);
  assert.equal(manual.evidence, "检查人员录入");
  assert.equal(manual.remedy, "立即更正表述错误，严格执行信息发布审核校对制度。");
});

test("evidence is a short Chinese line: where a link sits, masked numbers kept masked", () => {
  const deadLink = siteList(city).problems.find((p) => p.url.endsWith("t20261111_1108.html"))!;
  assert.equal(deadLink.evidence, "所在页面：http://www.demo-city.gov.cn/ 等 3 处");
  const idNumber = siteList(county).problems.find((p) => p.check === "content.privacy")!;
  assert.match(idNumber.evidence, /^原文：.*【990121\*{8}3416】 139\*{4}5678/);
  for (const site of list.sites) for (const p of site.problems) assert.ok(p.evidence.length <= 240);
  // Fields the message already shows are left out.
  assert.equal(
    evidenceLine({
      message: "状态 HTTP 404",
      url: "http://a.gov.cn/x",
      evidence: { status: 404, method: "GET" },
    }),
    "",
  );
});

test("every check of the catalogue has its own 整改要求, and the table names no unknown check", () => {
  const catalogued = checkCatalogue.map((check) => check.id).sort();
  assert.deepEqual([...checksWithRemedy].sort(), catalogued);
});

test("a site without a result is refused rather than listed without a verdict", () => {
  assert.throws(
    () => problemList(report, results.slice(0, 1)),
    /没有网站 http:\/\/www\.demo-county\.gov\.cn 的评分结果/,
  );
});
