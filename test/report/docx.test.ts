import assert from "node:assert/strict";
import { before, test } from "node:test";
import mammoth from "mammoth";
import { chineseNumber, problemListDocx } from "../../src/report/docx.ts";
import { convertToPdf } from "../../src/report/pdf.ts";
import { demoReport, demoResults, pdfText, sofficeMissing, zipEntry } from "./fixtures.ts";

const report = demoReport();
const results = demoResults(report);
let docx: Buffer;
let text: string;

before(async () => {
  docx = await problemListDocx(report, results, { inspector: "示范市人民政府办公室" });
  text = (await mammoth.extractRawText({ buffer: docx })).value;
});

test("the Word list has the cover, each site with its facts and verdict, and the numbered problems", () => {
  for (const expected of [
    "政府网站检查问题清单",
    "检查单位：示范市人民政府办公室",
    "检查时间：2026年11月20日 00:00（北京时间）",
    "一、示范市人民政府",
    "二、演示县人民政府",
    "9901210001",
    "结论：不合格，存在 3 项单项否决问题，不再计分。",
    "结论：合格，得分 92 分（扣分 8 分，加分 0 分）。",
    "单项否决问题（14 条）",
    "疑似泄露居民身份证号码 990121********3416",
    "http://www.demo-county.gov.cn/tzgg/2026-11/16/content_5702.shtml",
    "立即删除或脱敏处理页面及附件中的个人信息",
  ]) {
    assert.ok(text.includes(expected), `missing: ${expected}`);
  }
  // The problem rows: 序号 cells 1…29 of the county, each a paragraph of its own.
  const numbers = text.split("\n").filter((line) => /^\d+$/.test(line));
  assert.ok(numbers.includes("29") && !numbers.includes("30"), "county rows numbered up to 29");
  assert.ok(text.indexOf("单项否决问题") < text.indexOf("扣分问题（8 条）"));
});

test("runs name East Asian fonts, the header row repeats and the footer counts pages", () => {
  const documentXml = zipEntry(docx, "word/document.xml")!;
  const stylesXml = zipEntry(docx, "word/styles.xml")!;
  const footerXml = zipEntry(docx, "word/footer1.xml")!;
  assert.match(stylesXml, /w:eastAsia="仿宋"/);
  assert.match(documentXml, /w:eastAsia="方正小标宋简体"/);
  assert.match(documentXml, /<w:tblHeader\/>/);
  assert.match(documentXml, /w:w="11906" w:h="16838"/);
  assert.match(footerXml, /NUMPAGES/);
});

test("Chinese numbers for site headings", () => {
  assert.deepEqual([1, 10, 11, 20, 23, 100, 105, 110, 1001].map(chineseNumber), [
    "一",
    "十",
    "十一",
    "二十",
    "二十三",
    "一百",
    "一百零五",
    "一百一十",
    "一千零一",
  ]);
});

test(
  "LibreOffice converts the Word list to a PDF with its Chinese text",
  { skip: sofficeMissing() },
  async () => {
    const pdf = await convertToPdf(docx, "docx");
    const content = (await pdfText(pdf)).replace(/\s+/g, "");
    for (const expected of [
      "政府网站检查问题清单",
      "结论：不合格",
      "演示县人民政府",
      "疑似暗链",
      "第1页共",
    ]) {
      assert.ok(content.includes(expected), `PDF text lacks ${expected}`);
    }
  },
);
