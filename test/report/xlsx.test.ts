import assert from "node:assert/strict";
import { before, test } from "node:test";
import ExcelJS from "exceljs";
import { convertToPdf } from "../../src/report/pdf.ts";
import { problemList } from "../../src/report/problemList.ts";
import { problemListXlsx } from "../../src/report/xlsx.ts";
import { demoReport, demoResults, pdfText, sofficeMissing } from "./fixtures.ts";

const report = demoReport();
const results = demoResults(report);
const problems = problemList(report, results).sites.flatMap((site) => site.problems);
let xlsx: Buffer;
const workbook = new ExcelJS.Workbook();

before(async () => {
  xlsx = await problemListXlsx(report, results);
  await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
});

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

test("the 汇总 sheet has one row per site with verdict, score, vetoes and counts", () => {
  const summary = workbook.getWorksheet("汇总")!;
  assert.deepEqual(headers(summary), [
    "序号",
    "网站名称",
    "首页地址",
    "网站标识码",
    "主办单位",
    "结论",
    "得分",
    "否决项",
    "扣分",
    "否决问题数",
    "扣分问题数",
    "警告问题数",
    "问题总数",
  ]);
  assert.equal(summary.actualRowCount, 1 + report.sites.length);
  const countyRow = summary.getRow(3);
  assert.equal(countyRow.getCell(2).text, "演示县人民政府");
  assert.equal(countyRow.getCell(6).text, "不合格");
  assert.equal(countyRow.getCell(8).text, "安全（网站被篡改植入暗链）；严重表述错误；泄露个人隐私");
  assert.equal(countyRow.getCell(10).value, 14);
  assert.equal(summary.getRow(2).getCell(7).value, 92);
});

test("the 问题清单 sheet has one row per problem, a hyperlinked page, a frozen and filterable header", () => {
  const sheet = workbook.getWorksheet("问题清单")!;
  assert.deepEqual(headers(sheet), [
    "网站",
    "序号",
    "问题类型",
    "指标",
    "问题描述",
    "页面",
    "证据",
    "整改要求",
    "严重程度",
    "置信度",
    "指纹",
  ]);
  assert.equal(sheet.actualRowCount, 1 + problems.length);
  assert.equal(sheet.views[0]?.state, "frozen");
  assert.ok(sheet.autoFilter);
  const privacy = problems.find((p) => p.description.includes("990121********3416"))!;
  const row = sheet.getRows(2, problems.length)!.find((r) => r.getCell(11).text === privacy.fingerprint)!;
  assert.equal(row.getCell(1).text, "演示县人民政府");
  assert.equal(row.getCell(2).value, privacy.no);
  assert.equal(row.getCell(6).hyperlink, privacy.url);
  assert.equal(row.getCell(9).text, "否决");
  assert.equal(row.getCell(10).text, "疑似");
  assert.equal(row.getCell(5).font.name, "宋体");
  assert.ok(row.getCell(5).alignment.wrapText);
});

test(
  "LibreOffice converts the workbook to a PDF with its Chinese text",
  { skip: sofficeMissing() },
  async () => {
    const content = (await pdfText(await convertToPdf(xlsx, "xlsx"))).replace(/\s+/g, "");
    for (const expected of ["网站名称", "不合格", "演示县人民政府", "疑似暗链", "第1页共"]) {
      assert.ok(content.includes(expected), `PDF text lacks ${expected}`);
    }
  },
);
