/**
 * Registry files (issue 7, item 2): the bytes of a CSV or XLSX list of sites → rows for importSites
 * (or of 政务新媒体 accounts → rows for importAccounts), and the registry → an XLSX or CSV file with the
 * same headers, so an export imports back unchanged.
 *
 * The header row names the columns in Chinese (名称, 首页地址, 网站标识码, 主办单位, 主管单位, 级别,
 * 类型, 行政区划, 状态, 上级网站), in any order, with the usual variants (网站名称, 网址, 标识码,
 * 开办主体…). CSV is read as UTF-8 (with or without BOM), else as GB18030 (a superset of the GBK
 * that Excel writes on Chinese Windows), with RFC 4180 quoting (commas, quotes and line breaks
 * inside quoted fields).
 */
import type ExcelJS from "exceljs";
import { loadExcel } from "../core/lazyModules.ts";
import iconv from "iconv-lite";
import type { Account, AccountRow } from "./accountRepository.ts";
import type { Site, SiteRow } from "./siteRepository.ts";

/** A file that cannot be read as a registry at all (unlike a row error, nothing is imported). */
export class RegistryFileError extends Error {
  override name = "RegistryFileError";
}

export interface TableFile<Row> {
  /** The data rows, in file order, blank rows left out. */
  rows: Row[];
  /** The spreadsheet row number of each row (the header is row 1 when it is the first row). */
  rowNumbers: number[];
  /** Chinese notes about the header, e.g. columns that were not recognised and are ignored. */
  warnings: string[];
}

export type RegistryFile = TableFile<SiteRow>;
export type AccountsFile = TableFile<AccountRow>;

/** The columns of one kind of registry file. */
interface Columns<Field extends string> {
  /** The headers written on export, and the first name of each field when reading. */
  headers: Record<Field, string>;
  /** Header variants seen in spreadsheets, compared after normalizeHeader. */
  variants: Record<Field, string[]>;
  required: Field[];
}

export type RegistryFormat = "xlsx" | "csv";

type Field = keyof SiteRow;

export const registryHeaders: Record<Field, string> = {
  name: "名称",
  homepage: "首页地址",
  siteIdCode: "网站标识码",
  organizer: "主办单位",
  supervisor: "主管单位",
  level: "级别",
  kind: "类型",
  division: "行政区划",
  status: "状态",
  parentHomepage: "上级网站",
};

const fields = Object.keys(registryHeaders) as Field[];

const headerVariants: Record<Field, string[]> = {
  name: ["名称", "网站名称", "站点名称", "网站名", "name", "sitename"],
  homepage: [
    "首页地址",
    "网址",
    "首页",
    "首页网址",
    "网站地址",
    "网站网址",
    "网站首页",
    "网站首页地址",
    "url",
    "homepage",
  ],
  siteIdCode: ["网站标识码", "标识码", "网站识别码", "网站代码", "sitecode"],
  organizer: ["主办单位", "开办主体", "网站主办单位", "主办者", "主办机关", "organizer"],
  supervisor: ["主管单位", "网站主管单位", "主管部门", "supervisor"],
  level: ["级别", "网站级别", "层级", "行政级别", "level"],
  kind: ["类型", "网站类型", "门户/部门", "门户或部门", "kind"],
  division: ["行政区划", "行政区划代码", "区划代码", "区划", "division"],
  status: ["状态", "运行状态", "网站状态", "status"],
  parentHomepage: ["上级网站", "上级网站首页", "上级网站地址", "上级网站首页地址", "上级首页地址", "parent"],
};

const siteColumns: Columns<Field> = {
  headers: registryHeaders,
  variants: headerVariants,
  required: ["name", "homepage"],
};

type AccountField = keyof AccountRow;

/** Header variants of account lists; the first of each is the header written on export. */
const accountVariants: Record<AccountField, [string, ...string[]]> = {
  platform: ["平台", "所属平台", "平台名称", "平台类型", "platform"],
  name: ["名称", "账号名称", "账号名", "新媒体名称", "新媒体账号名称", "name", "account"],
  organizer: ["主办单位", "开办主体", "运营主体", "运营单位", "主办者", "organizer"],
  url: ["链接", "账号链接", "网址", "地址", "主页", "url", "link"],
  siteHomepage: [
    "所属网站",
    "所属网站首页",
    "所属网站地址",
    "所属网站首页地址",
    "网站首页",
    "site",
    "homepage",
  ],
};

export const accountHeaders = Object.fromEntries(
  Object.entries(accountVariants).map(([field, [header]]) => [field, header]),
) as Record<AccountField, string>;

const accountColumns: Columns<AccountField> = {
  headers: accountHeaders,
  variants: accountVariants,
  required: ["platform", "name"],
};

/** Whitespace, asterisks marking required columns and a trailing （必填）-style note are not part of a name. */
function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/[\s*＊]+/gu, "")
    .replace(/\([^()]*\)$/u, "")
    .toLowerCase();
}

/** Which format a file is: by extension, else by its first bytes (a zip is taken for XLSX). */
export function registryFormat(fileName: string, bytes?: Uint8Array): RegistryFormat {
  const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "xlsx" || extension === "xlsm") return "xlsx";
  if (extension === "csv" || extension === "txt" || extension === "tsv") return "csv";
  if (extension === "xls" || extension === "et" || extension === "wps")
    throw new RegistryFileError(`不支持旧版 Excel/WPS 表格（${extension}），请另存为 xlsx 或 csv 后导入`);
  if (bytes !== undefined && bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  if (bytes !== undefined && extension === undefined) return "csv";
  throw new RegistryFileError(`不支持的文件类型${extension ? `（.${extension}）` : ""}：请使用 xlsx 或 csv`);
}

/** Reads a registry file; throws RegistryFileError (in Chinese) when it cannot be used at all. */
export async function readRegistryFile(bytes: Uint8Array, fileName: string): Promise<RegistryFile> {
  return rowsOfTable(await readTable(bytes, fileName), siteColumns);
}

/** Reads a file of 政务新媒体 accounts; throws RegistryFileError like readRegistryFile. */
export async function readAccountsFile(bytes: Uint8Array, fileName: string): Promise<AccountsFile> {
  return rowsOfTable(await readTable(bytes, fileName), accountColumns);
}

async function readTable(bytes: Uint8Array, fileName: string): Promise<TableRow[]> {
  return registryFormat(fileName, bytes) === "xlsx" ? xlsxTable(bytes) : csvTable(decodeCsv(bytes));
}

/** One non-blank spreadsheet row: its number and its cells as text. */
interface TableRow {
  number: number;
  cells: string[];
}

function rowsOfTable<F extends string>(
  table: TableRow[],
  { headers, variants, required }: Columns<F>,
): TableFile<Partial<Record<F, string>>> {
  const [header, ...data] = table;
  if (header === undefined) throw new RegistryFileError("文件为空：没有表头行");
  const fieldOfHeader = new Map<string, F>(
    (Object.keys(headers) as F[]).flatMap((field) =>
      variants[field].map((name) => [normalizeHeader(name), field] as const),
    ),
  );
  const columns: { index: number; field: F }[] = [];
  const warnings: string[] = [];
  const seen = new Map<F, string>();
  header.cells.forEach((cell, index) => {
    const name = cell.trim();
    if (name === "") return;
    const field = fieldOfHeader.get(normalizeHeader(name));
    if (field === undefined) {
      warnings.push(`未识别的列“${name}”，已忽略`);
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      warnings.push(`列“${name}”与“${earlier}”重复，已忽略`);
      return;
    }
    seen.set(field, name);
    columns.push({ index, field });
  });
  const missing = required.filter((field) => !seen.has(field));
  if (missing.length > 0)
    throw new RegistryFileError(
      `第 ${header.number} 行表头缺少必需的列：${missing.map((field) => headers[field]).join("、")}`,
    );
  const rows: Partial<Record<F, string>>[] = [];
  const rowNumbers: number[] = [];
  for (const { number, cells } of data) {
    const row: Partial<Record<F, string>> = {};
    for (const { index, field } of columns) {
      const value = cells[index]?.trim();
      if (value) row[field] = value;
    }
    if (Object.keys(row).length === 0) continue;
    rows.push(row);
    rowNumbers.push(number);
  }
  return { rows, rowNumbers, warnings };
}

/**
 * Puts file row numbers into a report from importSites (or importAccounts) called with `firstRow: 0`
 * on file.rows (where each row number is the row's index): both the rows and the “第 N 行” in
 * messages about duplicates.
 */
export function withFileRowNumbers<Report extends { errors: { row: number; message: string }[] }>(
  report: Report,
  rowNumbers: readonly number[],
): Report {
  const fileRow = (index: number) => rowNumbers[index] ?? index;
  const errors = report.errors.map((error) => ({
    ...error,
    row: fileRow(error.row),
    message: error.message.replace(/第 (\d+) 行/gu, (_, index: string) => `第 ${fileRow(Number(index))} 行`),
  }));
  return { ...report, errors };
}

// ---------------------------------------------------------------------------------------------
// XLSX

async function xlsxTable(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; JSZip underneath reads either.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw new RegistryFileError(`无法读取 xlsx 文件：${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (sheet === undefined) throw new RegistryFileError("文件为空：工作表中没有数据");
  const table: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell)));
    const filled = Array.from(cells, (cell) => cell ?? "");
    if (filled.some((cell) => cell.trim() !== "")) table.push({ number: row.number, cells: filled });
  });
  return table;
}

/** The cell as shown (a hyperlink's text, a formula's result); unreadable cells are empty. */
function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text;
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/** BOM, then valid UTF-8, else GB18030: a Chinese registry CSV not in UTF-8 is GBK. */
export function decodeCsv(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.toString("utf8", 3);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), "utf16le");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), "utf16be");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, "gb18030");
  }
}

/**
 * RFC 4180 records, numbered as a spreadsheet shows them (a quoted line break stays in its record).
 * The delimiter is a comma, or a tab when the first line has tabs and no commas.
 */
export function csvTable(text: string): TableRow[] {
  const firstLine = text.slice(0, text.search(/\r|\n|$/u));
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const table: TableRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let number = 1;
  let quoted = false;
  let atCellStart = true;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== "")) table.push({ number, cells });
    cells = [];
    cell = "";
    number++;
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (char === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = "";
      atCellStart = true;
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      cell += char;
      atCellStart = false;
    }
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return table;
}

function csvField(value: string): string {
  return /[",\r\n]/u.test(value) || /^\s|\s$/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------
// Export

const kindLabels: Record<Site["kind"], string> = { portal: "门户", department: "部门" };

/** The registry as rows of cells under registryHeaders, parents named by their homepage. */
export function registryTable(sites: readonly Site[]): string[][] {
  const homepages = new Map(sites.map((site) => [site.id, site.homepage]));
  const values = (site: Site): Record<Field, string> => ({
    name: site.name,
    homepage: site.homepage,
    siteIdCode: site.siteIdCode ?? "",
    organizer: site.organizer ?? "",
    supervisor: site.supervisor ?? "",
    level: site.level ?? "",
    kind: kindLabels[site.kind],
    division: site.division ?? "",
    status: site.status,
    parentHomepage: site.parentId === null ? "" : (homepages.get(site.parentId) ?? ""),
  });
  return [
    fields.map((field) => registryHeaders[field]),
    ...sites.map((site) => fields.map((f) => values(site)[f])),
  ];
}

/** An XLSX workbook of the sites; every cell is text, so 标识码 and 行政区划 keep their digits. */
export async function exportSitesXlsx(sites: readonly Site[]): Promise<Buffer> {
  return xlsxOf("网站", registryTable(sites), [1, 9]);
}

export function exportSitesCsv(sites: readonly Site[]): Buffer {
  return csvOf(registryTable(sites));
}

/**
 * The accounts as rows of cells under accountHeaders, each site named by its homepage (`homepages`
 * by site id: the registry, so an account of a site the caller cannot see still names it).
 */
export function accountsTable(
  accounts: readonly Account[],
  homepages: ReadonlyMap<number, string>,
): string[][] {
  const accountFields = Object.keys(accountHeaders) as AccountField[];
  const values = (account: Account): Record<AccountField, string> => ({
    platform: account.platform,
    name: account.name,
    organizer: account.organizer ?? "",
    url: account.url ?? "",
    siteHomepage: account.siteId === null ? "" : (homepages.get(account.siteId) ?? ""),
  });
  return [
    accountFields.map((field) => accountHeaders[field]),
    ...accounts.map((account) => accountFields.map((f) => values(account)[f])),
  ];
}

export async function exportAccountsXlsx(
  accounts: readonly Account[],
  homepages: ReadonlyMap<number, string>,
): Promise<Buffer> {
  return xlsxOf("政务新媒体", accountsTable(accounts, homepages), [1, 3, 4]);
}

export function exportAccountsCsv(
  accounts: readonly Account[],
  homepages: ReadonlyMap<number, string>,
): Buffer {
  return csvOf(accountsTable(accounts, homepages));
}

/** Every cell is text (codes keep their leading zeros); the header is bold and stays in view. */
async function xlsxOf(sheetName: string, table: string[][], wideColumns: number[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const cells of table) sheet.addRow(cells);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = wideColumns.includes(index) ? 36 : 16;
    column.numFmt = "@";
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A UTF-8 CSV with a BOM (so Excel on Chinese Windows opens it correctly) and CRLF line ends. */
function csvOf(table: string[][]): Buffer {
  const lines = table.map((cells) => cells.map(csvField).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}
