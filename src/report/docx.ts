/**
 * The 问题清单 as a Word document, laid out the way government offices exchange them (GB/T 9704 in
 * spirit): A4 with 公文 margins, the title in 小标宋, headings in 黑体 and 楷体, text in 仿宋, page
 * numbers "第 X 页 共 Y 页". A cover page with the summary of all sites, then one section per site
 * starting on a new page: facts, verdict, and the numbered problems table whose header repeats on
 * every page. Pure: the same report and results give the same document.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from "docx";
import type { SiteResult } from "../rules/result.ts";
import { confidenceLabel, groupTitle } from "./labels.ts";
import {
  problemList,
  type ListedItem,
  type Problem,
  type ProblemListOptions,
  type SiteProblemList,
} from "./problemList.ts";
import { severityOrder, type InspectionReport } from "./schema.ts";

export interface DocxOptions extends ProblemListOptions {
  /** 检查单位, shown on the cover when given. */
  inspector?: string;
  /** Default "政府网站检查问题清单". */
  title?: string;
}

/**
 * Fonts by their Windows family names. Latin text and URLs get Times New Roman, as in 公文. Where a
 * font is missing (小标宋 often is), Word and LibreOffice substitute a Chinese font because runs are
 * tagged zh-CN: Word's default 宋体, fontconfig's CJK font under LibreOffice.
 */
const font = (eastAsia: string) => ({ eastAsia, ascii: "Times New Roman", hAnsi: "Times New Roman" });
const fonts = {
  title: font("方正小标宋简体"),
  heading: font("黑体"),
  subheading: font("楷体"),
  body: font("仿宋"),
};

/** Sizes in half-points, by their Chinese names. */
const size = { 二号: 44, 三号: 32, 四号: 28, 五号: 21, 小五: 18 };

/** A4 and the 公文 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
const page = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };
const textWidth = page.width - page.margin.left - page.margin.right;

const problemColumns = [
  { title: "序号", width: 567 },
  { title: "指标", width: 1417 },
  { title: "问题描述", width: 2041 },
  { title: "页面", width: 1701 },
  { title: "证据", width: 1701 },
  { title: "整改要求", width: 1417 },
];
const factsColumns = [1701, textWidth - 1701];
const summaryColumns = [567, 2268, 3231, 964, 907, 907];
const headerShade = { type: ShadingType.CLEAR, color: "auto", fill: "D9D9D9" };

export async function problemListDocx(
  report: InspectionReport,
  results: readonly SiteResult[],
  options: DocxOptions = {},
): Promise<Buffer> {
  const list = problemList(report, results, options);
  const title = options.title ?? "政府网站检查问题清单";
  const passed = list.sites.filter((site) => site.passed).length;
  const cover = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 480, after: 480 },
      children: [text(title, { font: fonts.title, size: size.二号, bold: true })],
    }),
    ...(options.inspector ? [line("检查单位", options.inspector)] : []),
    line("检查时间", `${list.asOf}（北京时间）`),
    line("检查范围", `网站 ${report.totals.sites} 个，可访问 ${report.totals.reachable} 个`),
    line("评定结果", `合格 ${passed} 个，不合格 ${list.sites.length - passed} 个`),
    line("生成时间", `${list.generatedAt}（${report.tool.name} ${report.tool.version}）`),
    new Paragraph({ spacing: { before: 240 } }),
    summaryTable(list.sites),
  ];
  const document = new Document({
    title,
    creator: options.inspector ?? "智检 Zhijian",
    styles: {
      default: {
        document: {
          run: { font: fonts.body, size: size.四号, language: { value: "zh-CN", eastAsia: "zh-CN" } },
          paragraph: { spacing: { line: 400 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: page.width, height: page.height }, margin: page.margin } },
        footers: { default: pageFooter() },
        children: [...cover, ...list.sites.flatMap((site, index) => siteSection(site, index + 1))],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function siteSection(site: SiteProblemList, number: number): (Paragraph | Table)[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      keepNext: true,
      spacing: { after: 120 },
      children: [text(`${chineseNumber(number)}、${site.name}`, { font: fonts.heading, size: size.三号 })],
    }),
    subheading("（一）基本情况"),
    factsTable(site),
    subheading("（二）检查结论"),
    ...verdictParagraphs(site),
    subheading("（三）问题清单"),
    site.problems.length > 0 ? problemsTable(site) : new Paragraph({ children: [text("未发现问题。")] }),
  ];
}

function factsTable(site: SiteProblemList): Table {
  const rows: [string, string][] = [
    ["网站名称", site.name],
    ["首页地址", site.homepage],
    ["网站标识码", site.siteIdCode ?? "未见"],
    ["主办单位", site.organizer ?? "未见"],
    ["检查时间点", `${site.asOf}（北京时间）`],
    ["规则集", site.ruleSet],
  ];
  return table(
    factsColumns,
    rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(factsColumns[0]!, [para(label, { font: fonts.heading, size: size.五号 })], headerShade),
            cell(factsColumns[1]!, [para(value, { size: size.五号 })]),
          ],
        }),
    ),
  );
}

function verdictParagraphs(site: SiteProblemList): Paragraph[] {
  const verdict = site.passed
    ? `，得分 ${site.score ?? "—"} 分（扣分 ${site.deducted} 分，加分 ${site.bonus} 分）。`
    : `，存在 ${site.vetoes.length} 项单项否决问题，不再计分。`;
  const items = (label: string, items: ListedItem[]) =>
    items.map(
      (item) =>
        new Paragraph({
          indent: { firstLine: 560 },
          children: [
            text(`${label}：`, { bold: true }),
            text(
              `${item.title}${item.points === undefined ? "" : ` ${item.points} 分`}（${item.indicator}）。${item.reason}` +
                (item.problems.length > 0 ? `（见问题 ${item.problems.join("、")}）` : ""),
            ),
          ],
        }),
    );
  return [
    new Paragraph({
      indent: { firstLine: 560 },
      children: [text("结论：", { bold: true }), text(site.verdict, { bold: true }), text(verdict)],
    }),
    ...items("单项否决", site.vetoes),
    ...items("扣分", site.deductions),
    ...items("加分", site.bonuses),
    ...items("预警", site.warnings),
  ];
}

function problemsTable(site: SiteProblemList): Table {
  const widths = problemColumns.map((column) => column.width);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: problemColumns.map((column) =>
      cell(
        column.width,
        [para(column.title, { font: fonts.heading, size: size.五号 }, AlignmentType.CENTER)],
        headerShade,
      ),
    ),
  });
  const rows = [header];
  for (const severity of severityOrder) {
    const count = site.counts[severity];
    if (count === 0) continue;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: problemColumns.length,
            width: { size: textWidth, type: WidthType.DXA },
            children: [
              para(`${groupTitle[severity]}（${count} 条）`, {
                font: fonts.subheading,
                size: size.五号,
                bold: true,
              }),
            ],
          }),
        ],
      }),
    );
    for (const problem of site.problems) {
      if (problem.severity === severity) rows.push(problemRow(problem, widths));
    }
  }
  return table(widths, rows);
}

function problemRow(problem: Problem, widths: number[]): TableRow {
  const small = { size: size.小五 };
  const confidence =
    problem.confidence === "confirmed" ? "" : `〔${confidenceLabel[problem.confidence]}，需人工确认〕`;
  const contents = [
    [para(String(problem.no), small, AlignmentType.CENTER)],
    [para(problem.title, { ...small, bold: true }), para(problem.indicator, small)],
    [para([text(problem.description, small), text(confidence, { ...small, bold: true })])],
    [
      para([
        new ExternalHyperlink({
          link: problem.url,
          children: [text(problem.url, { ...small, color: "0563C1" })],
        }),
      ]),
    ],
    [para(problem.evidence, small)],
    [para(problem.remedy, small)],
  ];
  return new TableRow({
    cantSplit: true,
    children: contents.map((children, index) => cell(widths[index]!, children)),
  });
}

function summaryTable(sites: SiteProblemList[]): Table {
  const header = ["序号", "网站名称", "首页地址", "结论", "得分", "问题数"];
  const rows = sites.map((site, index) => [
    String(index + 1),
    site.name,
    site.homepage,
    site.verdict,
    site.score === null ? "—" : String(site.score),
    String(site.problems.length),
  ]);
  const row = (values: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: values.map((value, index) =>
        cell(
          summaryColumns[index]!,
          [
            para(
              value,
              isHeader ? { font: fonts.heading, size: size.五号 } : { size: size.五号 },
              AlignmentType.CENTER,
            ),
          ],
          isHeader ? headerShade : undefined,
        ),
      ),
    });
  return table(summaryColumns, [row(header, true), ...rows.map((values) => row(values, false))]);
}

function pageFooter(): Footer {
  const style = { font: fonts.body, size: size.五号 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            ...style,
            children: ["第 ", PageNumber.CURRENT, " 页 共 ", PageNumber.TOTAL_PAGES, " 页"],
          }),
        ],
      }),
    ],
  });
}

/** Fixed layout with the grid given, so Word and LibreOffice agree on the widths. */
function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows,
  });
}

function cell(width: number, children: Paragraph[], shading?: typeof headerShade): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
    ...(shading ? { shading } : {}),
    children,
  });
}

function text(value: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ ...options, text: value });
}

/** A table cell's paragraph: single-spaced, since the document's 1.4 line spacing wastes table space. */
function para(
  content: string | (TextRun | ExternalHyperlink)[],
  options: IRunOptions = {},
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
): Paragraph {
  const children = typeof content === "string" ? [text(content, options)] : content;
  return new Paragraph({ alignment, spacing: { line: 276 }, children });
}

function subheading(value: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 120, after: 120 },
    children: [text(value, { font: fonts.subheading, size: size.四号, bold: true })],
  });
}

/** A cover line: "检查时间：…" with the label in 黑体. */
function line(label: string, value: string): Paragraph {
  return new Paragraph({
    indent: { left: 1120 },
    children: [
      text(`${label}：`, { font: fonts.heading, size: size.三号 }),
      text(value, { size: size.三号 }),
    ],
  });
}

const digits = "零一二三四五六七八九";
const units = ["", "十", "百", "千"];

/** 1 → 一, 10 → 十, 23 → 二十三, 105 → 一百零五; Arabic digits past 9999. */
export function chineseNumber(n: number): string {
  if (n > 9999) return String(n);
  if (n >= 10 && n < 20) return `十${n % 10 === 0 ? "" : digits[n % 10]}`;
  const parts = [...String(n)]
    .reverse()
    .map((d, place) => (d === "0" ? "零" : `${digits[Number(d)]}${units[place]}`));
  return parts.reverse().join("").replace(/零+/g, "零").replace(/零$/, "");
}
