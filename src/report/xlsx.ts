/**
 * The 问题清单 as an Excel workbook: 汇总 (one row per site) and 问题清单 (one row per problem, with
 * the finding's fingerprint so a recheck can be matched to it). Offices filter and assign problems in
 * the sheet, so the header is frozen and filterable; the page setup prints A4 landscape, one page
 * wide, with the header on every page, which is also how LibreOffice converts it to PDF.
 */
import type ExcelJS from "exceljs";
import { loadExcel } from "../core/lazyModules.ts";
import type { SiteResult } from "../rules/result.ts";
import { confidenceLabel, severityLabel } from "./labels.ts";
import { problemList, type ProblemListOptions } from "./problemList.ts";
import type { InspectionReport } from "./schema.ts";

type Column = { header: string; width: number };
type Cell = string | number | null | { text: string; hyperlink: string };

const font = { name: "宋体", size: 10 };
const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const linkFont = { ...font, color: { argb: "FF0563C1" }, underline: true };

export async function problemListXlsx(
  report: InspectionReport,
  results: readonly SiteResult[],
  options: ProblemListOptions = {},
): Promise<Buffer> {
  const list = problemList(report, results, options);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "智检 Zhijian";
  // The report's own time, not the clock's: the same report gives the same workbook.
  workbook.created = workbook.modified = new Date(report.generatedAt);

  const counted = list.groups.map((severity) => ({ header: `${severityLabel[severity]}问题数`, width: 9 }));
  sheet(
    workbook,
    "汇总",
    [
      { header: "序号", width: 6 },
      { header: "网站名称", width: 20 },
      { header: "首页地址", width: 30 },
      { header: "网站标识码", width: 13 },
      { header: "主办单位", width: 20 },
      { header: "结论", width: 8 },
      { header: "得分", width: 7 },
      { header: "否决项", width: 30 },
      { header: "扣分", width: 7 },
      ...counted,
      { header: "问题总数", width: 9 },
    ],
    list.sites.map((site, index) => [
      index + 1,
      site.name,
      link(site.homepage),
      site.siteIdCode,
      site.organizer,
      site.verdict,
      site.score,
      site.vetoes.map((item) => item.title).join("；"),
      site.deducted,
      ...list.groups.map((severity) => site.counts[severity]),
      site.problems.length,
    ]),
  );
  sheet(
    workbook,
    "问题清单",
    [
      { header: "网站", width: 16 },
      { header: "序号", width: 6 },
      { header: "问题类型", width: 16 },
      { header: "指标", width: 24 },
      { header: "问题描述", width: 40 },
      { header: "页面", width: 36 },
      { header: "证据", width: 40 },
      { header: "整改要求", width: 32 },
      { header: "严重程度", width: 9 },
      { header: "置信度", width: 8 },
      { header: "指纹", width: 26 },
    ],
    list.sites.flatMap((site) =>
      site.problems.map((problem) => [
        site.name,
        problem.no,
        problem.title,
        problem.indicator,
        problem.description,
        link(problem.url),
        problem.evidence,
        problem.remedy,
        severityLabel[problem.severity],
        confidenceLabel[problem.confidence],
        problem.fingerprint,
      ]),
    ),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]): void {
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    },
    headerFooter: { oddFooter: "&C第 &P 页 共 &N 页" },
  });
  worksheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  worksheet.addRows(rows);
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  worksheet.eachRow((row, number) => {
    row.height = rowHeight(row, columns);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { wrapText: true, vertical: "top" };
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      cell.font = number === 1 ? { ...font, bold: true } : cell.hyperlink ? linkFont : font;
      if (number === 1) cell.fill = headerFill;
    });
  });
}

/**
 * Neither Excel nor LibreOffice fits a row to wrapped text when it opens a file, so long cells would
 * print cut off: the height is estimated from the text, a CJK character taking two width units.
 */
function rowHeight(row: ExcelJS.Row, columns: Column[]): number {
  let lines = 1;
  row.eachCell((cell, index) => {
    const units = [...cell.text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    lines = Math.max(lines, Math.ceil(units / Math.max(columns[index - 1]!.width - 1, 1)));
  });
  return lines * lineHeight;
}

const lineHeight = 13.5;
const thin: ExcelJS.Border = { style: "thin", color: { argb: "FF999999" } };

function link(url: string): Cell {
  return { text: url, hyperlink: url };
}
