import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { readRegistryFile } from "../../src/store/registryFile.ts";
import { migratedDataDir } from "../store/engines.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

function zhijian(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.ZHIJIAN_DB;
  const child = spawn(process.execPath, ["bin/zhijian.js", ...args], { cwd: root, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhijian-import-"));
});
after(() => rm(dir, { recursive: true, force: true }));

/** What the store holds, read through `zhijian export` to CSV. */
async function exported(db: string): Promise<Awaited<ReturnType<typeof readRegistryFile>>["rows"]> {
  const out = join(dir, `export-${Math.random().toString(36).slice(2)}.csv`);
  const run = await zhijian(["export", out, "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  return (await readRegistryFile(await readFile(out), out)).rows;
}

test("import reports row errors and duplicates, imports the valid rows, exit 1; dry run writes nothing", async () => {
  const db = await migratedDataDir(join(dir, "store-a"));
  const csv = iconv.encode(
    [
      "网站名称,网址,标识码,开办主体,类型,上级网站,备注",
      "北京市人民政府,https://www.beijing.gov.cn,1100000088,北京市人民政府办公厅,门户,,",
      "北京市水务局,https://swj.beijing.gov.cn,,,部门,https://www.beijing.gov.cn,",
      '标识码错误,https://a.beijing.gov.cn,11000X0001,"办公厅,信息中心",部门,,',
      "重复首页,https://www.beijing.gov.cn/,,,门户,,",
      "",
    ].join("\r\n"),
    "gbk",
  );
  const file = join(dir, "登记表.csv");
  await writeFile(file, csv);

  const dry = await zhijian(["import", file, "--db", db, "--dry-run"]);
  assert.equal(dry.code, 1, dry.stderr);
  assert.match(dry.stdout, /新增 2、更新 0、错误 2（试运行，未写入数据库）/);
  assert.deepEqual(await exported(db), [], "a dry run writes nothing");

  const run = await zhijian(["import", file, "--db", db]);
  assert.equal(run.code, 1, run.stderr);
  const lines = run.stdout.trim().split("\n");
  assert.match(lines[0]!, /：新增 2、更新 0、错误 2$/);
  assert.ok(lines.includes("警告：未识别的列“备注”，已忽略"), run.stdout);
  assert.ok(
    lines.some((line) => /^第 4 行 网站标识码：网站标识码“11000X0001”不正确/.test(line)),
    run.stdout,
  );
  assert.ok(lines.includes("第 5 行 首页地址：首页地址与第 2 行重复"), run.stdout);
  const rows = await exported(db);
  assert.deepEqual(
    rows.map((row) => [row.name, row.parentHomepage]),
    [
      ["北京市人民政府", undefined],
      ["北京市水务局", "https://www.beijing.gov.cn/"],
    ],
  );
});

test("XLSX import without errors exits 0, and export → import round-trips", async () => {
  const db = await migratedDataDir(join(dir, "store-b"));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("网站");
  sheet.addRow([
    "首页地址",
    "名称",
    "网站标识码",
    "主管单位",
    "级别",
    "类型",
    "行政区划",
    "状态",
    "上级网站",
  ]);
  sheet.addRow([
    "https://www.gz.gov.cn",
    "广州市人民政府",
    4401000002,
    "",
    "市级",
    "门户",
    440100,
    "运行",
    "",
  ]);
  sheet.addRow([
    "https://jyj.gz.gov.cn",
    "广州市教育局",
    "",
    "广州市人民政府",
    "市级",
    "部门",
    "",
    "上移",
    "https://www.gz.gov.cn",
  ]);
  const file = join(dir, "sites.xlsx");
  await workbook.xlsx.writeFile(file);
  const run = await zhijian(["import", file, "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /新增 2、更新 0、错误 0/);

  const xlsxOut = join(dir, "out.xlsx");
  const exportRun = await zhijian(["export", xlsxOut, "--db", db]);
  assert.equal(exportRun.code, 0, exportRun.stderr);
  assert.match(exportRun.stdout, /已导出 2 个网站/);
  const before = (await readRegistryFile(await readFile(xlsxOut), xlsxOut)).rows;

  const other = await migratedDataDir(join(dir, "store-c"));
  const reimport = await zhijian(["import", xlsxOut, "--db", other]);
  assert.equal(reimport.code, 0, reimport.stderr);
  assert.match(reimport.stdout, /新增 2、更新 0、错误 0/);
  assert.deepEqual(await exported(other), before);
  assert.deepEqual(before[1], {
    name: "广州市教育局",
    homepage: "https://jyj.gz.gov.cn/",
    supervisor: "广州市人民政府",
    level: "市级",
    kind: "部门",
    status: "上移",
    parentHomepage: "https://www.gz.gov.cn/",
  });
});

test("usage and file errors exit 2 in Chinese", async () => {
  const db = join(dir, "store-d");
  const missing = join(dir, "missing-column.csv");
  await writeFile(missing, "\uFEFF网站名称,主办单位\r\n甲,乙\r\n");
  const run = await zhijian(["import", missing, "--db", db]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /用法错误：.*缺少必需的列：首页地址/);
  const absent = await zhijian(["import", join(dir, "nothing.csv"), "--db", db]);
  assert.equal(absent.code, 2);
  assert.match(absent.stderr, /无法读取/);
  const badFormat = await zhijian(["export", join(dir, "out.json"), "--db", db]);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /不支持的文件类型/);
});
