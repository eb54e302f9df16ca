import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { docx, pdf, xlsx, zip } from "../../demo/content/binary.ts";
import { attachmentText, type AttachmentText } from "../../src/text/attachmentText.ts";
import { findPrivacyLeaks } from "../../src/text/privacy.ts";

const asOf = new Date("2026-11-20T10:00:00+08:00");
const ID = "11010519491231002X"; // check digit X by GB 11643 (see privacy.test.ts)

function textOf(result: AttachmentText): string {
  if ("error" in result) assert.fail(`expected text, got error: ${result.error}`);
  return result.text;
}

function errorOf(result: AttachmentText): string {
  if (!("error" in result))
    assert.fail(`expected an error, got ${result.format}: ${result.text.slice(0, 80)}`);
  return result.error;
}

test("docx: paragraphs as lines, and the privacy detector reads them", async () => {
  const result = await attachmentText(
    docx(["低保对象名单", `王某某 身份证号码 ${ID} 手机 13812345678`]),
    "名单.docx",
  );
  assert.ok(!("error" in result));
  assert.equal(result.format, "docx");
  assert.equal(result.truncated, false);
  assert.match(result.text, /低保对象名单\n+王某某 身份证号码 11010519491231002X/);
  assert.deepEqual(
    findPrivacyLeaks(result.text, { asOf }).map((i) => i.found),
    ["110105********002X", "138****5678"],
  );
});

test("xlsx: cells joined by tabs, rows by newlines", async () => {
  const result = await attachmentText(
    xlsx([
      ["姓名", "身份证号码", "联系电话"],
      ["王某某", ID, "13812345678"],
    ]),
    "http://www.demo-county.gov.cn/attach/名单.xlsx?v=2",
  );
  assert.ok(!("error" in result));
  assert.equal(result.format, "xlsx");
  assert.equal(result.text, `姓名\t身份证号码\t联系电话\n王某某\t${ID}\t13812345678\n\n`);
});

test("xlsx: every sheet, numbers and formulas as shown", async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("第一批").addRows([
    ["姓名", "手机"],
    ["王某某", 13812345678],
  ]);
  const second = workbook.addWorksheet("第二批");
  second.addRow(["李某某", ID]);
  second.addRow(["合计", { formula: "1+1", result: 2 }]);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const text = textOf(
    await attachmentText(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  );
  assert.match(text, /王某某\t13812345678/);
  assert.match(text, /李某某\t11010519491231002X/);
  assert.match(text, /合计\t2/);
});

test("csv: GBK, UTF-8 with a BOM and plain UTF-8 all decode", async () => {
  const csv = `序号,姓名,身份证号码,联系电话\n1,王某某,${ID},13812345678\n2,李某某,110105********0039,139****4321\n`;
  for (const [bytes, label] of [
    [iconv.encode(csv, "gbk"), "gbk"],
    [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), "utf-8 bom"],
    [Buffer.from(csv), "utf-8"],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, "utf16le")]), "utf-16 bom"],
  ] as const) {
    const result = await attachmentText(bytes, "名单.csv");
    assert.ok(!("error" in result), label);
    assert.equal(result.format, "csv", label);
    assert.equal(result.text, csv, label);
  }
  const short = iconv.encode("姓名,手机\n张三,13812345678\n", "gbk");
  assert.equal(textOf(await attachmentText(short, "a.csv")), "姓名,手机\n张三,13812345678\n");
});

test("pdf: text per page, offline, from a minimal hand-made PDF", async () => {
  const result = await attachmentText(pdf(["Roster 2026", `ID ${ID} mobile 13812345678`]), "公示.pdf");
  assert.ok(!("error" in result));
  assert.equal(result.format, "pdf");
  assert.match(result.text, /Roster 2026\nID 11010519491231002X mobile 13812345678/);
  assert.equal(findPrivacyLeaks(result.text, { asOf }).length, 2);
});

test("plain text and HTML tables saved as .xls are read by their bytes", async () => {
  assert.equal(textOf(await attachmentText(Buffer.from("手机 13812345678"), "说明.txt")), "手机 13812345678");
  const html = `<html><body><table><tr><td>王某某</td><td>${ID}</td></tr><tr><td>a&amp;b</td><td>&#26446;</td></tr></table></body></html>`;
  const result = await attachmentText(iconv.encode(html, "gbk"), "导出.xls");
  assert.ok(!("error" in result));
  assert.equal(result.format, "html");
  assert.match(result.text, /王某某\t11010519491231002X\t/);
  assert.match(result.text, /a&b\t李\t/);
});

test("a docx named .doc is read as docx; a real binary .doc is refused as an old format", async () => {
  const renamed = await attachmentText(docx(["正文"]), "通知.doc");
  assert.ok(!("error" in renamed) && renamed.format === "docx");
  const ole = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]);
  for (const name of ["通知.doc", "名单.xls", "报告.wps", "表.et"]) {
    assert.match(errorOf(await attachmentText(ole, name)), /^不支持的旧格式/);
  }
});

test("corrupt files give an error, never an exception", async () => {
  const whole = docx(["正文"]);
  assert.match(errorOf(await attachmentText(whole.subarray(0, whole.length - 30), "a.docx")), /损坏/);
  const badXml = zip([{ name: "word/document.xml", data: Buffer.from("<w:document><w:body><w:p>") }]);
  assert.match(errorOf(await attachmentText(badXml, "a.docx")), /损坏/);
  const badSheet = zip([{ name: "xl/workbook.xml", data: Buffer.from("not xml at all <<<") }]);
  assert.match(errorOf(await attachmentText(badSheet, "a.xlsx")), /损坏/);
  assert.match(errorOf(await attachmentText(Buffer.from("%PDF-1.4\nthis is not a pdf"), "a.pdf")), /损坏/);
  assert.match(errorOf(await attachmentText(Buffer.from("<html>404 Not Found</html>"), "a.pdf")), /不是 PDF/);
  assert.match(errorOf(await attachmentText(Buffer.from([0, 1, 2, 3, 0, 0]), "data.bin")), /不支持/);
  assert.match(errorOf(await attachmentText(Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), "a.png")), /不支持/);
  for (const name of ["a.docx", "a.xlsx", "a.pdf"])
    assert.ok("error" in (await attachmentText(Buffer.alloc(0), name)));
  assert.equal(textOf(await attachmentText(Buffer.alloc(0), "a.csv")), "");
});

test("inputs over the size limit are refused unread", async () => {
  const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x31);
  assert.match(errorOf(await attachmentText(big, "a.csv")), /^附件过大（20971521 字节），超过 20 MB 上限/);
  assert.match(errorOf(await attachmentText(Buffer.from("12345"), "a.txt", { maxBytes: 4 })), /附件过大/);
});

test("archives declaring more unpacked bytes than allowed are refused before unpacking", async () => {
  const bytes = docx(["正文".repeat(1000)]);
  assert.match(errorOf(await attachmentText(bytes, "a.docx", { maxUnpackedBytes: 1000 })), /解压后过大/);
});

test("extraction stops at the text limit and says so", async () => {
  const result = await attachmentText(Buffer.from("一二三四五".repeat(100)), "a.txt", { maxChars: 12 });
  assert.ok(!("error" in result));
  assert.equal(result.text, "一二三四五一二三四五一二");
  assert.equal(result.truncated, true);
  const sheet = await attachmentText(
    xlsx(Array.from({ length: 50 }, (_, i) => [`第${i}行`, "13812345678"])),
    "a.xlsx",
    { maxChars: 40 },
  );
  assert.ok(!("error" in sheet));
  assert.equal(sheet.text.length, 40);
  assert.equal(sheet.truncated, true);
});
