import assert from "node:assert/strict";
import { test } from "node:test";
import { createEnglishSpeller, latinRuns } from "../../src/text/englishSpelling.ts";
import { isPinyinWord } from "../../src/text/pinyinWords.ts";

const speller = await createEnglishSpeller();

test("a misspelt word in an English name is reported with nspell's suggestion", () => {
  const text = "示范市人民政府 People's Goverment of Demo City 版权所有";
  const issues = speller.check(text);
  assert.equal(issues.length, 1);
  const [issue] = issues;
  assert.equal(issue!.kind, "english-spelling");
  assert.equal(issue!.found, "Goverment");
  assert.equal(issue!.suggestion, "Government");
  assert.equal(text.slice(issue!.start, issue!.end), "Goverment");
  assert.equal(issue!.severity, "warn");
  assert.equal(issue!.confidence, "suspected");
  assert.equal(issue!.message, "疑似英文拼写错误：“Goverment”应为“Government”");
});

test("a lone word in quotes or brackets is reported for information", () => {
  const text = "（Commitee）与“Affiars”";
  assert.deepEqual(
    speller.check(text).map((i) => [text.slice(i.start, i.end), i.suggestion, i.severity]),
    [
      ["Commitee", "Committee", "info"],
      ["Affiars", "Affairs", "info"],
    ],
  );
});

test("hyphenated words are checked part by part", () => {
  const text = "e-Goverment services";
  const [issue] = speller.check(text);
  assert.equal(text.slice(issue!.start, issue!.end), "Goverment");
});

test("correct English, pinyin, acronyms, brand casing and numbers are not reported", () => {
  for (const text of [
    "The People's Government of Demo City, Science and Technology Week",
    "Shifanshi Renmin Zhengfu, Xi'an, Guangdong Sheng Lvyou Ju",
    "ICP备12345678号 PRC CPPCC WIPO APP WeChat iPhone",
    "2026 Goverment1 3rd",
  ]) {
    assert.deepEqual(speller.check(text), [], text);
  }
});

test("URLs, e-mail addresses, domain and file names, and code are skipped", () => {
  for (const text of [
    "网址 http://www.demo-city.gov.cn/Goverment/index.html",
    "www.goverment-demo.gov.cn",
    "邮箱 goverment@demo-city.gov.cn",
    "下载 Goverment_report.pdf 或 goverment.docx",
    "var goverment = getGoverment();",
  ]) {
    assert.deepEqual(speller.check(text), [], text);
  }
});

test("allowed words are never reported, whatever their case", async () => {
  const own = await createEnglishSpeller({ allow: ["goverment"] });
  assert.deepEqual(own.check("People's Goverment of Demo City"), []);
  assert.equal(speller.check("People's Goverment of Demo City").length, 1);
});

test("Latin runs end at Chinese text and line breaks", () => {
  const runs = latinRuns("Demo City 示范市 People's Government\nOffice");
  assert.deepEqual(
    runs.map((r) => r.words.map((w) => w.text)),
    [["Demo", "City"], ["People's", "Government"], ["Office"]],
  );
});

test("pinyin words are recognised, English ones are not", () => {
  for (const w of ["Shifanshi", "zhengfu", "Xi'an", "lvyou", "Zhuangzu", "Nüzi"])
    assert.ok(isPinyinWord(w), w);
  for (const w of ["Goverment", "People", "Committee", "Street", "Bureau"]) assert.ok(!isPinyinWord(w), w);
});
