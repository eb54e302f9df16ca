/**
 * Heavy libraries loaded on first use: every CLI command would otherwise pay their import at start-up
 * (exceljs alone takes about 0.3 s), though only a few commands and pages need them.
 */
import type ExcelJS from "exceljs";

export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}
