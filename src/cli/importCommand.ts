/**
 * `zhijian import <file>` and `zhijian export <file>` (issue 7, item 2): the site registry from and
 * to a CSV or XLSX file, with a Chinese validation report.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { exitCodes, UsageError } from "../core/errors.ts";
import { openStore, type Db } from "../store/open.ts";
import {
  exportSitesCsv,
  exportSitesXlsx,
  readRegistryFile,
  RegistryFileError,
  registryFormat,
  registryHeaders,
  withFileRowNumbers,
  type RegistryFile,
} from "../store/registryFile.ts";
import { importSites, listSites, previewImportSites, type ImportReport } from "../store/siteRepository.ts";

export interface ImportCliOptions {
  db?: string;
  dryRun?: boolean;
}

export interface ExportCliOptions {
  db?: string;
}

const dbHelp = "数据库：PGlite 数据目录或 postgres:// 地址（默认环境变量 ZHIJIAN_DB，否则 ./data-store）";

/** Adds `zhijian import` and `zhijian export`. */
export function addImportCommands(program: Command): Command {
  program
    .command("import")
    .description("从 CSV 或 XLSX 文件导入网站登记信息并输出校验报告 (import the site registry)")
    .argument("<file>", "登记文件（xlsx 或 csv；csv 可为 UTF-8 或 GBK 编码）")
    .option("--db <url|dir>", dbHelp)
    .option("--dry-run", "只校验，不写入数据库 (validate only)")
    .action(async (file: string, options: ImportCliOptions) => {
      process.exitCode = await runImport(file, options);
    });
  return program
    .command("export")
    .description("把网站登记信息导出为 XLSX 或 CSV 文件，可再导入 (export the site registry)")
    .argument("<file>", "输出文件（.xlsx 或 .csv）")
    .option("--db <url|dir>", dbHelp)
    .action(async (file: string, options: ExportCliOptions) => {
      await runExport(file, options);
    });
}

/** Imports a registry file; returns the exit code (0 no row errors, 1 some rows rejected). */
export async function runImport(file: string, options: ImportCliOptions): Promise<number> {
  const registry = await readRegistry(file);
  const store = await openStore(options.db);
  let report: ImportReport;
  try {
    report = options.dryRun ? await dryRun(store.db, registry) : await importRows(store.db, registry);
  } finally {
    await store.close();
  }
  process.stdout.write(`${formatReport(file, registry, report, options.dryRun === true)}\n`);
  return report.errors.length === 0 ? exitCodes.ok : exitCodes.failure;
}

export async function runExport(file: string, options: ExportCliOptions): Promise<void> {
  let format: "xlsx" | "csv";
  try {
    format = registryFormat(file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const store = await openStore(options.db);
  let bytes: Buffer;
  let count: number;
  try {
    const sites = await listSites(store.db);
    count = sites.length;
    bytes = format === "xlsx" ? await exportSitesXlsx(sites) : exportSitesCsv(sites);
  } finally {
    await store.close();
  }
  try {
    await writeFile(file, bytes);
  } catch (error) {
    throw new UsageError(`无法写入 ${file}：${(error as Error).message}`);
  }
  process.stdout.write(`已导出 ${count} 个网站到 ${file}\n`);
}

async function readRegistry(file: string): Promise<RegistryFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UsageError(`无法读取 ${file}：${(error as Error).message}`);
  }
  try {
    return await readRegistryFile(bytes, file);
  } catch (error) {
    if (error instanceof RegistryFileError) throw new UsageError(`${file}：${error.message}`);
    throw error;
  }
}

async function importRows(db: Db, registry: RegistryFile): Promise<ImportReport> {
  return withFileRowNumbers(await importSites(db, registry.rows, { firstRow: 0 }), registry.rowNumbers);
}

/** The same import inside a transaction that is rolled back, so the counts are exact and nothing is kept. */
async function dryRun(db: Db, registry: RegistryFile): Promise<ImportReport> {
  return withFileRowNumbers(
    await previewImportSites(db, registry.rows, { firstRow: 0 }),
    registry.rowNumbers,
  );
}

function formatReport(file: string, registry: RegistryFile, report: ImportReport, dryRun: boolean): string {
  const lines = [
    `${file}：新增 ${report.created}、更新 ${report.updated}、错误 ${report.errors.length}${
      dryRun ? "（试运行，未写入数据库）" : ""
    }`,
  ];
  for (const warning of registry.warnings) lines.push(`警告：${warning}`);
  for (const error of report.errors)
    lines.push(`第 ${error.row} 行 ${registryHeaders[error.field]}：${error.message}`);
  if (report.errors.length > 0)
    lines.push(dryRun ? "有错误的行将不会导入，其余的行可以导入。" : "有错误的行未导入，其余的行已导入。");
  return lines.join("\n");
}
