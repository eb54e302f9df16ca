/** Points, caps, the 60 and 80 lines, the 4/3 rule, no double counting, kinds and manual findings. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Finding } from "../../src/core/finding.ts";
import type { ManualFinding } from "../../src/rules/manual.ts";
import { loadRuleSet } from "../../src/rules/ruleSet.ts";
import { finding, national2019, score, site, variant } from "./helpers.ts";

const times = (n: number, make: () => Finding): Finding[] => Array.from({ length: n }, make);
const pointsOf = (check: string): number => {
  const item = national2019.deductions.find((entry) => entry.match.some((m) => m.checks.includes(check)))!;
  return item.match.find((m) => m.checks.includes(check))!.points ?? item.points;
};
const capOf = (id: string): number => national2019.deductions.find((item) => item.id === id)!.maxPoints;

/** Confirmed findings losing exactly `lost` points under national-2019's own per-finding points. */
function losing(lost: number): Finding[] {
  const found: Finding[] = [];
  let left = Math.round(lost * 10);
  for (const [check, id] of [
    ["services.guide-elements", "deduct.service-guide"],
    ["services.guide-attachment", "deduct.service-attachments"],
    ["column.stale", "deduct.column-stale"],
  ] as const) {
    const each = Math.round(pointsOf(check) * 10);
    const n = Math.min(Math.floor(left / each), Math.floor((capOf(id) * 10) / each));
    found.push(...times(n, () => finding(check, "deduct")));
    left -= n * each;
  }
  // The rest in tenths: links on inner pages.
  found.push(
    ...times(left, () =>
      finding("link.dead", "deduct", "confirmed", { evidence: { internal: true, onHomepage: false } }),
    ),
  );
  return found;
}

test("the pass line: 59.9 fails with its score, 60 passes", () => {
  const fails = score(losing(40.1));
  assert.equal(fails.deductionScore, 59.9);
  assert.equal(fails.verdict, "fail");
  assert.equal(fails.score, 59.9);
  assert.match(fails.reasons[0]!, /^扣分指标得分 59\.9 分，低于 60 分，判定为不合格$/);
  const passes = score(losing(40));
  assert.equal(passes.deductionScore, 60);
  assert.equal(passes.verdict, "pass");
  assert.equal(passes.verdictName, "合格");
});

const bonus = (item: string, points?: number): ManualFinding => ({
  site,
  item,
  url: `${site}/sjkf/`,
  message: `检查人员认定：${item}`,
  ...(points === undefined ? {} : { points }),
});

test("the bonus line: 80 gets no bonus, 80.1 does", () => {
  const manual = [bonus("bonus.data-open")];
  const at80 = score(losing(20), { manual });
  assert.equal(at80.deductionScore, 80);
  assert.equal(at80.bonusScore, 0);
  assert.equal(at80.score, 80);
  assert.deepEqual(at80.bonus, []);
  const above = score(losing(19.9), { manual });
  assert.equal(above.deductionScore, 80.1);
  assert.equal(above.bonusScore, 5);
  assert.equal(above.score, 85.1);
  assert.equal(above.bonus[0]!.findings[0]!.manual, true);
});

test("caps: an item never takes more than its maxPoints, the bonus never more than 30, the total ≤ 130", () => {
  const guides = score(times(20, () => finding("services.guide-elements", "deduct")));
  const item = guides.deductions[0]!;
  assert.equal(item.points, item.maxPoints);
  assert.equal(guides.deductionScore, 100 - item.maxPoints);
  assert.match(item.reason, /达到本项上限/);

  const all = national2019.bonus.flatMap((entry) => [bonus(entry.id, 10), bonus(entry.id, 10)]);
  const full = score([], { manual: all });
  assert.ok(full.bonus.every((entry) => entry.points <= entry.maxPoints));
  assert.equal(full.bonusScore, national2019.scoring.bonusMax);
  assert.equal(full.score, 130);
});

test("no double counting: one finding under one item, one broken attachment once", () => {
  const typo = finding("content.typo", "deduct");
  const twice = variant((copy) => {
    copy.deductions.find((item) => item.id === "deduct.search")!.match.push({ checks: ["content.typo"] });
  });
  const result = score([typo], { ruleSet: twice });
  assert.deepEqual(
    result.deductions.map((item) => item.item),
    ["deduct.content-accuracy"],
    "the first matching item in table order takes it",
  );

  const url = `${site}/uploads/form.pdf`;
  const attachment = finding("services.guide-attachment", "deduct", "confirmed", { url });
  const link = finding("link.attachment-dead", "deduct", "confirmed", {
    url,
    evidence: { internal: true, onHomepage: false },
  });
  const once = score([attachment, link]);
  assert.deepEqual(
    once.deductions.map((item) => [item.item, item.points]),
    [["deduct.service-attachments", 1]],
  );
  assert.equal(once.deductionScore, 99);
});

test("4/3 rule: without public services the services area is skipped and 75 points scale to 100", () => {
  const findings = [
    ...times(5, () => finding("column.stale", "deduct")), // 10
    ...times(5, () => finding("content.typo", "deduct")), // 5
    finding("services.none", "veto"),
    finding("services.guide-elements", "deduct"),
  ];
  const plain = score(findings);
  assert.equal(plain.verdict, "fail", "services.none vetoes a site with public services");
  const exempt = score(findings, { noExternalServices: true });
  assert.equal(exempt.noExternalServices, true);
  assert.equal(exempt.deductionScore, 80, "(75 − 15) × 4/3");
  assert.ok(exempt.deductions.every((item) => item.area !== "办事服务"));
  assert.ok(exempt.reasons.some((reason) => reason.includes("按 75 分计算后折算为 100 分")));
});

test("kinds: departments and new media are judged by vetoes alone", () => {
  const findings = times(12, () =>
    finding("link.dead", "deduct", "confirmed", { evidence: { internal: true, onHomepage: true } }),
  );
  const portal = score(findings);
  assert.equal(portal.deductionScore, 100 - capOf("deduct.link-availability"));
  const department = score(findings, { kind: "department" });
  assert.equal(department.verdict, "pass");
  assert.equal(department.score, null);
  assert.deepEqual(department.deductions, []);
  assert.match(department.reasons[0]!, /^部门网站只评单项否决指标/);

  // Website vetoes do not apply to an account; its own (manual) ones do.
  const account = score([finding("site.homepage-stale", "veto")], { kind: "new-media" });
  assert.equal(account.verdict, "pass");
  const manual: ManualFinding[] = [
    {
      site,
      item: "veto.new-media-stale",
      url: "weixin:示范市发布",
      message: "公众号最近一次发布为 2026-10-01，两周内未更新",
    },
  ];
  const stale = score([], { kind: "new-media", manual });
  assert.equal(stale.verdict, "fail");
  assert.equal(stale.score, null);
  const local = score([], {
    kind: "new-media",
    manual,
    ruleSet: loadRuleSet("data/rules/example-local.json"),
  });
  assert.equal(local.score, 59, "the example local variant scores an account veto 59");
});

test("manual findings: an inspector's veto fails the site and is marked manual", () => {
  const manual: ManualFinding[] = [
    {
      site,
      item: "veto.serious",
      url: `${site}/zwgk/1.html`,
      message: "泄露国家秘密：附件含涉密文件",
      inspector: "张三",
      date: "2026-11-19",
    },
  ];
  const result = score([], { manual });
  assert.equal(result.verdict, "fail");
  const ref = result.vetoes[0]!.findings[0]!;
  assert.equal(ref.manual, true);
  assert.equal(ref.confidence, "confirmed");
  assert.equal(result.reasons[0], "单项否决：安全、泄密事故等严重问题——泄露国家秘密：附件含涉密文件");
  assert.throws(
    () => score([], { manual: [{ ...manual[0]!, item: "veto.nothing" }] }),
    /人工认定 \[0\] 指向的指标项 veto\.nothing 不在规则集 national-2019 中/,
  );
});

test("suspected vetoes wait for a person; a confirmation by check id decides; inconclusive never counts", () => {
  const hidden = finding("content.hidden-link", "veto", "suspected");
  const waiting = score([hidden]);
  assert.equal(waiting.verdict, "pass");
  assert.equal(waiting.reviewRequired, true);
  assert.equal(waiting.warnings[0]!.item, "veto.serious");
  assert.match(waiting.warnings[0]!.reason, /需人工确认，确认即单项否决/);
  assert.match(waiting.reasons[1]!, /^单项否决待人工确认：安全、泄密事故等严重问题——/);

  const confirmed: ManualFinding = {
    site,
    check: "content.hidden-link",
    url: hidden.url,
    message: "已核实：首页被植入博彩暗链",
  };
  const decided = score([hidden], { manual: [confirmed] });
  assert.equal(decided.verdict, "fail");
  assert.deepEqual(
    decided.vetoes[0]!.findings.map((ref) => ref.manual),
    [true],
  );

  const lenient = variant((copy) => {
    copy.countedConfidence = ["confirmed", "suspected"];
  });
  assert.equal(
    score([hidden], { ruleSet: lenient }).verdict,
    "fail",
    "a rule set may count suspected vetoes",
  );

  const blocked = finding("link.dead", "deduct", "inconclusive", {
    evidence: { internal: true, onHomepage: true },
  });
  const ignored = score([blocked]);
  assert.equal(ignored.deductionScore, 100);
  assert.deepEqual(ignored.warnings, []);
});

test("countBy: a matcher may count an evidence field (occurrences) instead of findings", () => {
  const perOccurrence = variant((copy) => {
    const links = copy.deductions.find((item) => item.id === "deduct.link-availability")!;
    links.match = [
      {
        checks: ["link.dead"],
        evidence: { internal: { eq: true } },
        points: 0.5,
        countBy: "occurrenceCount",
      },
    ];
  });
  const link = finding("link.dead", "deduct", "confirmed", {
    evidence: { internal: true, occurrenceCount: 3 },
  });
  assert.equal(score([link], { ruleSet: perOccurrence }).deductionScore, 98.5);
});
