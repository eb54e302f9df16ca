/** 政务新媒体 account lists: reading CSV/XLSX with header variants, the import report, export round trip. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { asc } from "drizzle-orm";
import {
  createAccount,
  importAccounts,
  listAccounts,
  normalizePlatform,
} from "../../src/store/accountRepository.ts";
import {
  exportAccountsCsv,
  exportAccountsXlsx,
  readAccountsFile,
  RegistryFileError,
  withFileRowNumbers,
} from "../../src/store/registryFile.ts";
import { accounts, auditLog } from "../../src/store/schema.ts";
import { createSite } from "../../src/store/siteRepository.ts";
import { engines, useStore } from "./engines.ts";

describe("readAccountsFile", () => {
  test("GBK CSV with header variants, unknown columns warned, blank rows skipped with row numbers kept", async () => {
    const csv = [
      "账号名称,平台类型,运营主体,账号链接,所属网站首页,备注",
      "示范发布,新浪微博,示范市人民政府办公室,https://weibo.com/demo,http://www.demo-city.gov.cn/,x",
      ",,,,,",
      "示范市政府,微信,,,,",
    ].join("\r\n");
    const file = await readAccountsFile(iconv.encode(csv, "gbk"), "账号.csv");
    assert.deepEqual(file.rows, [
      {
        name: "示范发布",
        platform: "新浪微博",
        organizer: "示范市人民政府办公室",
        url: "https://weibo.com/demo",
        siteHomepage: "http://www.demo-city.gov.cn/",
      },
      { name: "示范市政府", platform: "微信" },
    ]);
    assert.deepEqual(file.rowNumbers, [2, 4]);
    assert.deepEqual(file.warnings, ["未识别的列“备注”，已忽略"]);
  });

  test("a file without 平台 or 名称 columns is refused as a whole", async () => {
    await assert.rejects(
      readAccountsFile(Buffer.from("名称,链接\n示范发布,https://weibo.com/demo\n"), "a.csv"),
      (error: unknown) => error instanceof RegistryFileError && /缺少必需的列：平台/.test(error.message),
    );
  });

  test("platform names written the usual ways map to the registered ones; others are unknown", () => {
    assert.equal(normalizePlatform(" 微信 "), "微信公众号");
    assert.equal(normalizePlatform("新浪微博"), "微博");
    assert.equal(normalizePlatform("头条号"), "今日头条");
    assert.equal(normalizePlatform("APP"), "政务App");
    assert.equal(normalizePlatform("其它"), "其他");
    assert.equal(normalizePlatform("小红书"), undefined);
  });
});

const city = "http://www.demo-city.gov.cn/";

for (const engine of engines) {
  describe(`importAccounts (${engine})`, () => {
    const store = useStore(engine);

    test("valid rows upsert by 平台+名称, bad rows and duplicates are reported with file rows", async () => {
      const { db } = store;
      const site = await createSite(db, { name: "示范市人民政府", homepage: city });
      await createAccount(db, { platform: "微博", name: "示范发布", organizer: "旧单位" }, "tester");
      const csv = [
        "平台,名称,主办单位,链接,所属网站",
        `新浪微博,示范发布,示范市人民政府办公室,https://weibo.com/demo,${city}`,
        "微信,示范市政府,,,",
        "小红书,示范笔记,,,",
        ",无平台,,,",
        "抖音,示范抖音,,ftp://x,",
        "微信公众号,示范市政府,,,",
        "快手,示范快手,,,http://unknown.gov.cn/",
      ].join("\n");
      const file = await readAccountsFile(Buffer.from(csv), "账号.csv");
      const options = { actor: "tester", fileName: "账号.csv", firstRow: 0 };

      const preview = await importAccounts(db, file.rows, { ...options, dryRun: true });
      assert.deepEqual([preview.created, preview.updated], [1, 1]);
      assert.equal((await listAccounts(db)).length, 1, "a dry run keeps nothing");

      const report = withFileRowNumbers(await importAccounts(db, file.rows, options), file.rowNumbers);
      assert.deepEqual(report, {
        created: 1,
        updated: 1,
        errors: [
          {
            row: 4,
            field: "platform",
            message: "平台应为 微信公众号/微博/抖音/今日头条/快手/政务App/其他 之一：小红书",
          },
          { row: 5, field: "platform", message: "缺少平台" },
          { row: 6, field: "url", message: "链接须以 http:// 或 https:// 开头：ftp://x" },
          { row: 7, field: "name", message: "平台和名称与第 3 行重复" },
          { row: 8, field: "siteHomepage", message: "所属网站未登记：http://unknown.gov.cn/" },
        ],
      });
      const rows = await db.select().from(accounts).orderBy(asc(accounts.id));
      assert.deepEqual(
        rows.map(({ platform, name, organizer, url, siteId }) => ({
          platform,
          name,
          organizer,
          url,
          siteId,
        })),
        [
          {
            platform: "微博",
            name: "示范发布",
            organizer: "示范市人民政府办公室",
            url: "https://weibo.com/demo",
            siteId: site.id,
          },
          { platform: "微信公众号", name: "示范市政府", organizer: null, url: null, siteId: null },
        ],
      );
      const audit = (await db.select().from(auditLog)).filter((entry) => entry.action === "account.import");
      assert.deepEqual(
        audit.map((entry) => entry.after),
        [{ fileName: "账号.csv", created: 1, updated: 1, errors: 5 }],
        "only the real import is audited",
      );
    });

    test("an export reads back to the same accounts, as CSV and as XLSX", async () => {
      const { db } = store;
      const site = await createSite(db, { name: "示范市人民政府", homepage: city });
      await createAccount(
        db,
        { platform: "微博", name: '示范, "发布"', organizer: "示范市", url: null, siteId: site.id },
        "tester",
      );
      await createAccount(db, { platform: "抖音", name: "示范抖音" }, "tester");
      const list = await listAccounts(db);
      const homepages = new Map([[site.id, site.homepage]]);
      for (const [bytes, fileName] of [
        [exportAccountsCsv(list, homepages), "out.csv"],
        [await exportAccountsXlsx(list, homepages), "out.xlsx"],
      ] as const) {
        const file = await readAccountsFile(bytes, fileName);
        assert.deepEqual(file.warnings, []);
        assert.deepEqual(file.rows, [
          { platform: "微博", name: '示范, "发布"', organizer: "示范市", siteHomepage: city },
          { platform: "抖音", name: "示范抖音" },
        ]);
        const again = await importAccounts(db, file.rows, { actor: "tester" });
        assert.deepEqual([again.created, again.updated, again.errors], [0, 2, []]);
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(await exportAccountsXlsx(list, homepages)).buffer);
      const header = workbook.worksheets[0]!.getRow(1).values as unknown[];
      assert.deepEqual(header.slice(1), ["平台", "名称", "主办单位", "链接", "所属网站"]);
    });
  });
}
