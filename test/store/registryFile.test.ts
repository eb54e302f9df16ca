import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import {
  csvTable,
  exportSitesCsv,
  exportSitesXlsx,
  readRegistryFile,
  RegistryFileError,
  registryFormat,
  withFileRowNumbers,
} from "../../src/store/registryFile.ts";
import type { Site } from "../../src/store/siteRepository.ts";

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("登记表");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const header = "名称,首页地址,网站标识码,主办单位,主管单位,级别,类型,行政区划,状态,上级网站";

describe("readRegistryFile", () => {
  test("XLSX in any column order, numbers as text, blank rows skipped with row numbers kept", async () => {
    const bytes = await xlsx([
      ["首页地址", "名称", "网站标识码", "类型", "行政区划"],
      ["https://www.beijing.gov.cn", "北京市人民政府", 1100000088, "门户", 110000],
      [],
      ["https://swj.beijing.gov.cn", "北京市水务局", "", "部门", ""],
    ]);
    const file = await readRegistryFile(bytes, "登记.xlsx");
    assert.deepEqual(file.rows, [
      {
        homepage: "https://www.beijing.gov.cn",
        name: "北京市人民政府",
        siteIdCode: "1100000088",
        kind: "门户",
        division: "110000",
      },
      { homepage: "https://swj.beijing.gov.cn", name: "北京市水务局", kind: "部门" },
    ]);
    assert.deepEqual(file.rowNumbers, [2, 4]);
    assert.deepEqual(file.warnings, []);
  });

  test("UTF-8 CSV with a BOM, quoted commas, quotes and line breaks", async () => {
    const csv =
      `\uFEFF${header}\r\n` +
      `"北京市人民政府","https://www.beijing.gov.cn",1100000088,"北京市人民政府办公厅，信息中心",,省级,门户,110000,运行,\r\n` +
      `"说""明""站",https://a.beijing.gov.cn,,"第一行\n第二行",,,部门,,关停,https://www.beijing.gov.cn\r\n` +
      `北京市水务局,https://swj.beijing.gov.cn,,,,,,,,\r\n`;
    const file = await readRegistryFile(Buffer.from(csv, "utf8"), "sites.csv");
    assert.equal(file.rows.length, 3);
    assert.equal(file.rows[0]!.name, "北京市人民政府");
    assert.equal(file.rows[0]!.organizer, "北京市人民政府办公厅，信息中心");
    assert.equal(file.rows[1]!.name, '说"明"站');
    assert.equal(file.rows[1]!.organizer, "第一行\n第二行");
    assert.equal(file.rows[1]!.parentHomepage, "https://www.beijing.gov.cn");
    assert.equal(file.rows[1]!.status, "关停");
    assert.deepEqual(file.rowNumbers, [2, 3, 4], "a quoted line break does not start a row");
  });

  test("GBK CSV as Excel on Chinese Windows writes it, with variant headers and an unknown column", async () => {
    const csv =
      "网站名称,网址,标识码,开办主体,备注\r\n广州市人民政府,https://www.gz.gov.cn,4401000002,广州市政府办公厅,无\r\n";
    const bytes = iconv.encode(csv, "gbk");
    assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), "the sample is not UTF-8");
    const file = await readRegistryFile(bytes, "广州.CSV");
    assert.deepEqual(file.rows, [
      {
        name: "广州市人民政府",
        homepage: "https://www.gz.gov.cn",
        siteIdCode: "4401000002",
        organizer: "广州市政府办公厅",
      },
    ]);
    assert.deepEqual(file.warnings, ["未识别的列“备注”，已忽略"]);
  });

  test("header decorations and duplicate columns", async () => {
    const csv = "* 名称（必填）, 首页地址 (必填),网址\n甲,http://a.gov.cn,http://b.gov.cn\n";
    const file = await readRegistryFile(Buffer.from(csv), "a.csv");
    assert.deepEqual(file.rows, [{ name: "甲", homepage: "http://a.gov.cn" }]);
    assert.deepEqual(file.warnings, ["列“网址”与“首页地址 (必填)”重复，已忽略"]);
  });

  test("a missing required column is an error naming it", async () => {
    await assert.rejects(
      readRegistryFile(Buffer.from("网站名称,主办单位\n甲,乙\n"), "a.csv"),
      (error: unknown) =>
        error instanceof RegistryFileError && /第 1 行表头缺少必需的列：首页地址/.test(error.message),
    );
    await assert.rejects(
      readRegistryFile(await xlsx([["主办单位"], ["乙"]]), "a.xlsx"),
      /缺少必需的列：名称、首页地址/,
    );
    await assert.rejects(readRegistryFile(Buffer.alloc(0), "a.csv"), /文件为空/);
  });

  test("formats: by extension, old Excel refused, a broken xlsx is a file error", async () => {
    assert.equal(registryFormat("a.XLSX"), "xlsx");
    assert.equal(registryFormat("a.csv"), "csv");
    assert.throws(() => registryFormat("a.xls"), /另存为 xlsx 或 csv/);
    assert.throws(() => registryFormat("a.json"), /不支持的文件类型/);
    await assert.rejects(readRegistryFile(Buffer.from("PK not really"), "a.xlsx"), RegistryFileError);
  });

  test("csvTable: CR, LF and CRLF line ends, tabs, a last line without an end", () => {
    assert.deepEqual(csvTable("a,b\rc,d\ne,f\r\ng,h"), [
      { number: 1, cells: ["a", "b"] },
      { number: 2, cells: ["c", "d"] },
      { number: 3, cells: ["e", "f"] },
      { number: 4, cells: ["g", "h"] },
    ]);
    assert.deepEqual(csvTable("名称\t首页地址\n甲\thttp://a.gov.cn\n\n"), [
      { number: 1, cells: ["名称", "首页地址"] },
      { number: 2, cells: ["甲", "http://a.gov.cn"] },
    ]);
  });

  test("withFileRowNumbers maps rows and the rows named in messages", () => {
    const report = withFileRowNumbers(
      {
        created: 1,
        updated: 0,
        errors: [{ row: 1, field: "homepage", message: "首页地址与第 0 行重复" }],
      },
      [2, 5],
    );
    assert.deepEqual(report.errors, [{ row: 5, field: "homepage", message: "首页地址与第 2 行重复" }]);
  });
});

describe("export", () => {
  const now = new Date("2026-11-20T00:00:00Z");
  const sites: Site[] = [
    {
      id: 1,
      name: "北京市人民政府",
      homepage: "https://www.beijing.gov.cn/",
      siteIdCode: "1100000088",
      organizer: "北京市人民政府办公厅，信息中心",
      supervisor: null,
      level: "省级",
      kind: "portal",
      division: "110000",
      status: "运行",
      parentId: null,
      createdAt: now,
      updatedAt: now,
    },
    {
      id: 2,
      name: '北京市"水务"局',
      homepage: "https://swj.beijing.gov.cn/",
      siteIdCode: null,
      organizer: null,
      supervisor: "北京市人民政府",
      level: null,
      kind: "department",
      division: null,
      status: "上移",
      parentId: 1,
      createdAt: now,
      updatedAt: now,
    },
  ];
  const expected = [
    {
      name: "北京市人民政府",
      homepage: "https://www.beijing.gov.cn/",
      siteIdCode: "1100000088",
      organizer: "北京市人民政府办公厅，信息中心",
      level: "省级",
      kind: "门户",
      division: "110000",
      status: "运行",
    },
    {
      name: '北京市"水务"局',
      homepage: "https://swj.beijing.gov.cn/",
      supervisor: "北京市人民政府",
      kind: "部门",
      status: "上移",
      parentHomepage: "https://www.beijing.gov.cn/",
    },
  ];

  test("XLSX export reads back to the same rows", async () => {
    const file = await readRegistryFile(await exportSitesXlsx(sites), "out.xlsx");
    assert.deepEqual(file.rows, expected);
    assert.deepEqual(file.warnings, []);
  });

  test("CSV export has a BOM and the Chinese headers, and reads back to the same rows", async () => {
    const bytes = exportSitesCsv(sites);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.toString("utf8", 3).startsWith(`${header}\r\n`));
    const file = await readRegistryFile(bytes, "out.csv");
    assert.deepEqual(file.rows, expected);
  });
});
