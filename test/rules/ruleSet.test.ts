/** Loading rule sets: the shipped files, extends, and errors that name the file and the place in Chinese. */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { checkCatalogue } from "../../src/checks/catalogue.ts";
import { parseManualFindings } from "../../src/rules/manual.ts";
import { loadRuleSet, parseRuleSet, ruleSetRef, RuleSetError } from "../../src/rules/ruleSet.ts";
import type { RuleSet } from "../../src/rules/types.ts";
import { national2019 } from "./helpers.ts";

const shipped = ["national-2019", "national-2015", "example-local"].map((name) =>
  loadRuleSet(`data/rules/${name}.json`),
);

test("the shipped rule sets load, and mark their unverified points provisional", () => {
  assert.deepEqual(
    shipped.map((ruleSet) => ruleSet.id),
    ["national-2019", "national-2015", "example-local"],
  );
  for (const ruleSet of shipped) {
    assert.ok(ruleSetRef(ruleSet).provisional, ruleSet.id);
    for (const item of [...ruleSet.deductions, ...ruleSet.bonus])
      assert.ok(item.provisional || item.basis === "official", `${ruleSet.id} ${item.id}`);
    for (const veto of ruleSet.vetoes) assert.ok(veto.wording && veto.source, `${ruleSet.id} ${veto.id}`);
  }
});

test("national-2019: every check that can veto is mapped to a veto item, every veto item of V1–V6 quotes 19号", () => {
  const mapped = new Set(national2019.vetoes.flatMap((item) => item.match.flatMap((m) => m.checks)));
  const vetoing = checkCatalogue
    .filter((check) => check.severities.includes("veto"))
    .map((check) => check.id);
  assert.deepEqual(
    vetoing.filter((id) => !mapped.has(id)),
    [],
  );
  const website = national2019.vetoes.filter((item) => item.appliesTo.includes("portal"));
  assert.equal(website.length, 6);
  assert.ok(website.every((item) => item.basis === "official" && item.wording.startsWith("「")));
  assert.equal(national2019.scoring.passLine, 60);
  assert.equal(national2019.scoring.bonusAbove, 80);
});

test("example-local extends national-2019: bonus 25, services spread out, new-media vetoes score 59", () => {
  const local = shipped[2]!;
  assert.equal(local.example, true);
  assert.equal(local.scoring.bonusMax, 25);
  assert.equal(local.scoring.noExternalServices, undefined);
  assert.ok(!local.deductions.some((item) => item.area === "办事服务"));
  assert.deepEqual(
    local.vetoes.filter((item) => item.score !== undefined).map((item) => item.appliesTo),
    [["new-media"], ["new-media"], ["new-media"]],
  );
  assert.equal(local.vetoes.length, national2019.vetoes.length);
});

function broken(edit: (copy: Record<string, unknown> & RuleSet) => void): string {
  const copy = structuredClone(national2019) as Record<string, unknown> & RuleSet;
  edit(copy);
  try {
    parseRuleSet(copy, "data/rules/本地.json");
  } catch (error) {
    assert.ok(error instanceof RuleSetError);
    return error.message;
  }
  assert.fail("the broken rule set was accepted");
}

test("schema errors name the file, the place (with the item id) and the problem in Chinese", () => {
  const missing = broken((copy) => {
    delete (copy.vetoes[1] as Partial<(typeof copy.vetoes)[number]>).wording;
  });
  assert.match(missing, /^规则集 data\/rules\/本地\.json 无效：/);
  assert.match(missing, /vetoes\[1\]（veto\.site-unreachable）：缺少必填字段 wording/);

  const kind = broken((copy) => {
    (copy.deductions[0]!.appliesTo as string[]) = ["county"];
  });
  assert.match(
    kind,
    /deductions\[0\]（deduct\.service-guide）\.appliesTo\[0\]：取值应为 "portal"、"department"、"new-media" 之一/,
  );

  assert.match(
    broken((copy) => {
      copy.colour = "red";
    }),
    /顶层：不认识的字段 colour/,
  );
});

test("meaning errors: unknown checks, severities a check never gives, ids, areas and point sums", () => {
  assert.match(
    broken((copy) => {
      copy.vetoes[1]!.match[0]!.checks = ["site.availabilty"];
    }),
    /vetoes\[1\]（veto\.site-unreachable）\.match\[0\]：检查项 site\.availabilty 不在检查项目录中/,
  );
  assert.match(
    broken((copy) => {
      copy.vetoes[1]!.match[0]!.checks = ["column.stale"];
    }),
    /检查项 column\.stale 不会产生 veto 级别的问题（只有 deduct）/,
  );
  assert.match(
    broken((copy) => {
      copy.deductions[1]!.id = copy.deductions[0]!.id;
    }),
    /指标项 id deduct\.service-guide 重复/,
  );
  assert.match(
    broken((copy) => {
      copy.deductions[0]!.maxPoints += 1;
    }),
    /areas（办事服务）：扣分指标项上限合计 26，应等于领域分值 25/,
  );
  assert.match(
    broken((copy) => {
      copy.deductions[0]!.area = "办事";
    }),
    /领域“办事”未在 areas 中列出/,
  );
});

test("extends: a cycle and a bad file are reported with the file name", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zhijian-rules-"));
  writeFileSync(path.join(dir, "a.json"), JSON.stringify({ extends: "b.json" }));
  writeFileSync(path.join(dir, "b.json"), JSON.stringify({ extends: "a.json" }));
  assert.throws(() => loadRuleSet(path.join(dir, "a.json")), /extends 形成循环/);
  writeFileSync(path.join(dir, "c.json"), "{ 不是 JSON");
  assert.throws(() => loadRuleSet(path.join(dir, "c.json")), /规则集 .*c\.json 不是有效的 JSON/);
});

test("manual findings are validated: item or check, a known check, the site as a URL", () => {
  const good = [
    { site: "http://www.x.gov.cn", item: "veto.serious", url: "http://www.x.gov.cn/1.html", message: "泄密" },
  ];
  assert.equal(parseManualFindings(good, "人工.json").length, 1);
  assert.throws(
    () => parseManualFindings([{ site: "http://www.x.gov.cn", url: "u", message: "m" }], "人工.json"),
    /人工认定文件 人工\.json 无效：[\s\S]*\[0\]：缺少必填字段 item/,
  );
  assert.throws(
    () => parseManualFindings([{ ...good[0], item: undefined, check: "content.nothing" }], "人工.json"),
    /检查项 content\.nothing 不在检查项目录中/,
  );
});
