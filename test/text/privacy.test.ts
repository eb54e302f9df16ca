import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePage } from "../../src/parse/parsePage.ts";
import type { TextIssue } from "../../src/text/issue.ts";
import { findPrivacyLeaks, maskValue, scanPrivacy } from "../../src/text/privacy.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";
import { readRealPage, realPageFiles, realPagesSkip } from "../helpers/realPages.ts";

const asOf = new Date("2026-11-20T10:00:00+08:00");

/** GB 11643-1999, written out here from the standard so the test does not trust the module. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return first17 + "10X98765432"[sum % 11];
}

/** The same 17 digits with a check character that is wrong. */
function withWrongCheckDigit(first17: string): string {
  const right = withCheckDigit(first17).slice(-1);
  return first17 + (right === "1" ? "2" : "1");
}

/** Appends the Luhn digit that makes the whole number pass. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const digits = body + d;
    let sum = 0;
    for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
      let v = Number(digits[i]);
      if (double) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error("unreachable");
}

function withoutLuhn(body: string): string {
  const valid = withLuhn(body);
  return body + ((Number(valid.slice(-1)) + 1) % 10);
}

const scan = (text: string, options = {}): TextIssue[] => findPrivacyLeaks(text, { asOf, ...options });
const founds = (text: string, options = {}): string[] => scan(text, options).map((i) => i.found);

const ID = withCheckDigit("11010519491231002"); // 北京东城, 1949-12-31
const ID_X = (() => {
  for (let seq = 0; seq < 1000; seq++) {
    const id = withCheckDigit(`61090219850615${String(seq).padStart(3, "0")}`);
    if (id.endsWith("X")) return id;
  }
  throw new Error("no X check digit found");
})();

test("a valid 18-digit ID is a confirmed veto, located and shown masked", () => {
  const text = `户主张某某，身份证号码：${ID}，住青河镇。`;
  const issues = scan(text);
  assert.equal(issues.length, 1);
  const [issue] = issues;
  assert.ok(issue);
  assert.equal(text.slice(issue.start, issue.end), ID);
  assert.equal(issue.kind, "privacy");
  assert.equal(issue.category, "id-number");
  assert.equal(issue.severity, "veto");
  assert.equal(issue.confidence, "confirmed");
  assert.equal(issue.found, `110105********${ID.slice(-4)}`);
  assert.match(issue.message, /^泄露完整的居民身份证号码 110105\*{8}\d{3}[\dX]（/);
  assert.ok(!issue.message.includes(ID));
});

test("an X check digit, upper or lower case, is part of the ID", () => {
  assert.equal(ID_X.length, 18);
  for (const id of [ID_X, ID_X.toLowerCase()]) {
    const issues = scan(`身份证${id}。`);
    assert.equal(issues.length, 1, id);
    assert.equal(issues[0]?.end, 3 + 18);
    assert.equal(issues[0]?.found, `610902********${ID_X.slice(-4)}`);
  }
});

test("a wrong check digit, a region starting with 0 or an impossible date is not an ID", () => {
  assert.deepEqual(founds(`身份证号 ${withWrongCheckDigit("11010519491231002")}`), []);
  assert.deepEqual(founds(`身份证号 ${withCheckDigit("01010519491231002")}`), []);
  assert.deepEqual(founds(`身份证号 ${withCheckDigit("11010519490230002")}`), [], "30 February");
  assert.deepEqual(founds(`身份证号 ${withCheckDigit("11010519491301002")}`), [], "month 13");
  assert.deepEqual(founds(`身份证号 ${withCheckDigit("11010519000229002")}`), [], "1900 was not a leap year");
  assert.deepEqual(founds(`身份证号 ${withCheckDigit("11010518991231002")}`), [], "before 1900");
  assert.equal(founds(`身份证号 ${withCheckDigit("11010520000229002")}`).length, 1, "2000 was a leap year");
});

test("a birth date after the time point is impossible, on the day itself it is not", () => {
  const born = withCheckDigit("11010520261121002");
  assert.deepEqual(founds(born), []);
  assert.equal(founds(born, { asOf: new Date("2026-11-21T00:30:00+08:00") }).length, 1);
  // 2026-11-20T20:00Z is already the 21st in China.
  assert.equal(founds(born, { asOf: new Date("2026-11-20T20:00:00Z") }).length, 1);
});

test("an unknown province code with a valid date and check digit is a suspected ID", () => {
  const id = withCheckDigit("99012119680512341");
  const [issue] = scan(`身份证 ${id}`);
  assert.equal(issue?.confidence, "suspected");
  assert.equal(issue?.severity, "veto");
  assert.match(issue?.message ?? "", /^疑似泄露居民身份证号码 990121\*{8}/);
});

test("masked forms are compliant: counted, not reported", () => {
  const text = [
    "身份证号 610902********1234",
    "手机 138****1234",
    "卡号 6222********1234",
    "身份证号 610902********123X",
    "手机 138xxxx1234",
    "身份证 ＊＊＊＊＊＊＊＊＊＊＊＊＊＊1234",
    "电话 139××××5678",
  ].join("\n");
  const { issues, stats } = scanPrivacy(text, { asOf });
  assert.deepEqual(issues, []);
  assert.equal(stats.masked["id-number"], 3);
  assert.equal(stats.masked.mobile, 3);
  assert.equal(stats.masked["bank-card"], 1);
});

test("a number inside a longer run of digits, a code, a decimal or a URL is not a leak", () => {
  assert.deepEqual(founds(`1${ID}`), []);
  assert.deepEqual(founds(`${ID}0`), []);
  assert.deepEqual(founds(`${ID}${ID}`), []);
  assert.deepEqual(founds(`NO${ID}`), []);
  assert.deepEqual(founds("SN13812345678"), []);
  assert.deepEqual(founds("3.13812345678"), []);
  assert.deepEqual(founds("13812345678.25"), []);
  assert.deepEqual(founds("2026-13812345678"), []);
  assert.deepEqual(founds("详见 http://www.example.gov.cn/art/13812345678.html"), []);
  assert.deepEqual(founds("详见 www.example.gov.cn/list?id=13812345678"), []);
});

test("full-width digits are read, offsets stay those of the input", () => {
  const wide = [...ID].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join("");
  const text = `身份证：${wide}；手机：１３８１２３４５６７８`;
  const issues = scan(text);
  assert.deepEqual(
    issues.map((i) => [i.category, i.found]),
    [
      ["id-number", `110105********${ID.slice(-4)}`],
      ["mobile", "138****5678"],
    ],
  );
  assert.equal(text.slice(issues[0]?.start, issues[0]?.end), wide);
  assert.equal(text.slice(issues[1]?.start, issues[1]?.end), "１３８１２３４５６７８");
});

test("mobiles: plain, spaced, hyphenated and with +86", () => {
  for (const [text, value] of [
    ["联系人手机13812345678。", "13812345678"],
    ["手机：138 1234 5678", "138 1234 5678"],
    ["手机：138-1234-5678", "138-1234-5678"],
    ["Tel: +86 138 1234 5678", "138 1234 5678"],
    ["Tel: +86-13812345678", "13812345678"],
    ["Tel: +8613812345678", "13812345678"],
    ["Tel: 0086 13812345678", "13812345678"],
    ["13812345678/13987654321", "13812345678"],
  ] as const) {
    const issues = scan(text);
    assert.ok(issues.length >= 1, text);
    const [issue] = issues;
    assert.equal(issue?.category, "mobile", text);
    assert.equal(issue?.found, "138****5678", text);
    assert.equal(issue?.severity, "warn");
    assert.equal(issue?.confidence, "suspected");
    assert.ok(text.slice(issue?.start, issue?.end).endsWith(value.slice(-4)), text);
  }
  assert.deepEqual(founds("13812345678/13987654321"), ["138****5678", "139****4321"]);
});

test("landlines, hotlines and office lines are not mobiles", () => {
  const text = [
    "联系电话：0999-81234567",
    "政务服务便民热线12345",
    "客服电话 400-123-4567，4001234567",
    "银行客服95588",
    "办公室：010-12345678，传真（0999）8123456",
    "咨询电话：13812345678",
    "监督电话：138-1234-5678",
    "服务热线 139 8765 4321",
  ].join("\n");
  assert.deepEqual(founds(text), []);
  assert.equal(scanPrivacy(text, { asOf }).stats.suppressed, 3);
});

test("amounts and placeholders that look like mobiles are left out", () => {
  assert.deepEqual(founds("总投资15000000000元"), []);
  assert.deepEqual(founds("共计13500000000万"), []);
  assert.deepEqual(founds("示例：13800000000"), []);
  assert.deepEqual(founds("￥13812345678"), []);
});

test("bank cards: UnionPay numbers passing Luhn, grouped or not", () => {
  const card16 = withLuhn("622202123456789");
  const card19 = withLuhn("621700123456789012");
  assert.deepEqual(founds(`工资卡 ${card16}`), [`622202******${card16.slice(-4)}`]);
  assert.deepEqual(founds(`卡号：${card19}`), [`621700*********${card19.slice(-4)}`]);
  const grouped = `${card19.slice(0, 4)} ${card19.slice(4, 8)} ${card19.slice(8, 12)} ${card19.slice(12, 16)} ${card19.slice(16)}`;
  const [issue] = scan(`收款账号 ${grouped}`);
  assert.equal(issue?.category, "bank-card");
  assert.equal(issue?.severity, "deduct");
  assert.equal(issue?.confidence, "suspected");
  assert.equal(issue?.found, `621700*********${card19.slice(-4)}`);
  const hyphened = card16.replace(/(\d{4})(?=\d)/g, "$1-");
  assert.deepEqual(founds(`卡号 ${hyphened}`), [`622202******${card16.slice(-4)}`]);
});

test("bank cards: failing Luhn, odd prefixes and other ranges without a card word are not reported", () => {
  assert.deepEqual(founds(`卡号 ${withoutLuhn("622202123456789")}`), []);
  assert.deepEqual(founds(`卡号 ${withLuhn("702202123456789")}`), []);
  const visa = withLuhn("436742001234567");
  assert.deepEqual(founds(`编码表 ${visa} 项`), []);
  assert.deepEqual(founds(`借记卡号 ${visa}`), [`436742******${visa.slice(-4)}`]);
  // An ID-shaped number with a wrong check digit is not taken for a card.
  const idLike = withWrongCheckDigit("62010219900101123");
  assert.deepEqual(founds(`卡号 ${idLike}`), []);
});

test("context words suppress: 订单号, 文号, 编号, 流水号, institution accounts", () => {
  const card = withLuhn("622202123456789");
  assert.deepEqual(founds(`订单号：${card}`), []);
  assert.deepEqual(founds(`交易流水号 ${card}`), []);
  assert.deepEqual(founds(`对公账户：${card}`), []);
  assert.deepEqual(founds(`受理编号：${ID}`), []);
  assert.deepEqual(founds(`文号 ${ID}`), []);
  assert.deepEqual(founds(`订单号：13812345678`), []);
});

test("the nearest label wins: a personal label after an impersonal one keeps the number", () => {
  assert.equal(founds(`身份证编号：${ID}`).length, 1);
  assert.equal(founds(`编号 姓名 身份证号码\n1 张三 ${ID}`).length, 1);
  assert.equal(founds(`订单联系人手机：13812345678`).length, 1);
  // A label in an earlier sentence, or on an earlier line when the number's line has its own text,
  // does not reach the number.
  assert.equal(founds(`文号见上。请联系13812345678`).length, 1);
  assert.equal(founds(`文号：演政发〔2026〕1号\n请致电13812345678`).length, 1);
});

test("a number alone on its line takes the label of the line before (a table cell)", () => {
  const card = withLuhn("622202123456789");
  assert.deepEqual(founds(`订单号\n${card}\n`), []);
  assert.deepEqual(founds(`姓名\n张三\n卡号\n${card}\n`), [`622202******${card.slice(-4)}`]);
});

test("15-digit old IDs need a valid region, date and an ID word; they are suspected deductions", () => {
  const old = "110105491231002";
  const [issue] = scan(`原身份证号码：${old}`);
  assert.equal(issue?.category, "id-number");
  assert.equal(issue?.found, "110105*****1002");
  assert.equal(issue?.severity, "deduct");
  assert.equal(issue?.confidence, "suspected");
  assert.deepEqual(founds(`注册资本 ${old}`), []);
  assert.deepEqual(founds(`身份证 110105491331002`), [], "month 13");
  assert.deepEqual(founds(`身份证 ${old}`, { oldIds: false }), []);
});

test("categories and maxIssues bound what is returned; stats keep counting", () => {
  const text = `${ID} 13812345678 ${ID} 13987654321`;
  assert.deepEqual(
    scan(text, { categories: ["mobile"] }).map((i) => i.category),
    ["mobile", "mobile"],
  );
  const { issues, stats } = scanPrivacy(text, { asOf, maxIssues: 1 });
  assert.equal(issues.length, 1);
  assert.deepEqual(stats.leaks, { "id-number": 2, mobile: 2, "bank-card": 0 });
});

test("maskValue keeps 6+4 of IDs and cards, 3+4 of mobiles, without separators or +86", () => {
  assert.equal(maskValue("id-number", ID), `110105********${ID.slice(-4)}`);
  assert.equal(maskValue("id-number", "61090219850615123x"), "610902********123X");
  assert.equal(maskValue("mobile", "+86 138-1234-5678"), "138****5678");
  assert.equal(maskValue("mobile", "008613812345678"), "138****5678");
  assert.equal(maskValue("bank-card", "6222 0212 3456 7890 123"), "622202*********0123");
  assert.equal(maskValue("mobile", "１３８１２３４５６７８"), "138****5678");
});

test("found and message never carry a full number", () => {
  const card = withLuhn("622202123456789");
  const text = `张三 ${ID} 13812345678 卡号 ${card}`;
  const issues = scan(text);
  assert.equal(issues.length, 3);
  const shown = JSON.stringify(issues);
  for (const value of [ID, "13812345678", card]) assert.ok(!shown.includes(value), value);
});

test("ordinary government text raises nothing", () => {
  const text = [
    "演示县人民政府办公室关于印发《2026年重点工作任务分工》的通知 演政办发〔2026〕12号",
    "统一社会信用代码：11990121MB0123456X，邮编：999012，网站标识码：9901210001",
    "演ICP备26000321号 演公网安备99012102000001号",
    "2026年全县完成固定资产投资1380000万元，同比增长13.8%，项目编号ZB2026111612345678",
    "招标编号：2026111612345678901，发布时间：2026-11-16 10:00:00，浏览次数：13812",
    "开户行：中国工商银行演示县支行 户名：演示县财政局 对公账号：1202020209000012345",
    "政务服务热线：12345 举报电话：0999-12388 邮箱：zfb@demo-county.gov.cn",
  ].join("\n");
  assert.deepEqual(scan(text), []);
});

test("the demo county's 低保 notice leaks two IDs and two mobiles; the masked third row is compliant", () => {
  const url = "http://www.demo-county.gov.cn/tzgg/2026-11/16/content_5702.shtml";
  const html = readDemoPage(url);
  assert.ok(html);
  const { text } = parsePage(html, url);
  const { issues, stats } = scanPrivacy(text, { asOf });
  assert.deepEqual(
    issues.map((i) => [i.category, i.found, text.slice(i.start, i.end)]),
    [
      ["id-number", "990121********3416", "990121196805123416"],
      ["mobile", "139****5678", "13912345678"],
      ["id-number", "990121********1628", "990121197509231628"],
      ["mobile", "158****4321", "15887654321"],
    ],
  );
  assert.ok(issues.filter((i) => i.category === "id-number").every((i) => i.severity === "veto"));
  assert.deepEqual(stats.masked, { "id-number": 1, mobile: 1, "bank-card": 0 });
});

test("the saved real government pages raise no privacy issue", { skip: realPagesSkip }, () => {
  for (const file of realPageFiles()) {
    const model = parsePage(readRealPage(file), "http://example.gov.cn/");
    assert.deepEqual(scan(model.text), [], file);
  }
});
