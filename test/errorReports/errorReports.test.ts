import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import type { Db } from "../../src/store/open.ts";
import {
  errorReportStats,
  getErrorReport,
  listErrorReports,
  replyToErrorReport,
  submitErrorReport,
  type ErrorReportSubmission,
} from "../../src/store/errorReportRepository.ts";
import { auditLog, errorReports } from "../../src/store/schema.ts";
import { createSite } from "../../src/store/siteRepository.ts";
import { engines, useStore } from "../store/engines.ts";

/** 2026-11-20 (Friday) 10:00 in Beijing. */
const friday = new Date("2026-11-20T02:00:00Z");
const hours = (n: number) => n * 3600_000;

async function twoSites(db: Db) {
  const city = await createSite(db, { name: "示范市人民政府", homepage: "http://www.demo-city.gov.cn" });
  const county = await createSite(db, { name: "演示县人民政府", homepage: "http://www.demo-county.gov.cn" });
  return { city, county };
}

const submission = (
  siteId: number,
  overrides: Partial<ErrorReportSubmission> = {},
): ErrorReportSubmission => ({
  siteId,
  category: "链接错误",
  description: "首页“政务公开”栏目链接打不开",
  senderHash: "sender-a",
  ...overrides,
});

async function rejects(promise: Promise<unknown>, field: string, code: string) {
  await assert.rejects(promise, (error: Error & { field?: string; code?: string }) => {
    assert.equal(error.name, "ErrorReportInputError");
    assert.deepEqual([error.field, error.code], [field, code]);
    assert.match(error.message, /[\u4e00-\u9fff]/);
    return true;
  });
}

for (const engine of engines) {
  describe(engine, () => {
    const store = useStore(engine);
    beforeEach(() => store.db.delete(errorReports));

    test("a report is stored as given, minus control characters, due 3 working days after the China day of receipt", async () => {
      const { db } = store;
      const { city } = await twoSites(db);
      const report = await submitErrorReport(
        db,
        submission(city.id, {
          description: "  第三段<b>“营商环境”</b>写成了“营商坏境”\r\n请更正\u0000\u202e  ",
          pageUrl: " https://www.demo-city.gov.cn/zwgk/1.html\n",
          contactName: "张\u0007三",
          contact: "",
        }),
        friday,
      );
      assert.equal(report.description, "第三段<b>“营商环境”</b>写成了“营商坏境”\n请更正");
      assert.equal(report.pageUrl, "https://www.demo-city.gov.cn/zwgk/1.html");
      assert.equal(report.contactName, "张三");
      assert.equal(report.contact, null);
      assert.equal(report.state, "待处理");
      assert.equal(report.receivedAt.toISOString(), friday.toISOString());
      // Friday: Monday, Tuesday, Wednesday.
      assert.equal(report.dueDate, "2026-11-25");
      assert.deepEqual(await getErrorReport(db, report.id), report);

      // 01:00 UTC on Saturday is still Saturday in Beijing; 17:00 UTC on Friday is Saturday there too.
      const saturday = await submitErrorReport(
        db,
        submission(city.id, { senderHash: "b" }),
        new Date("2026-11-20T17:00:00Z"),
      );
      assert.equal(saturday.dueDate, "2026-11-25");
      // Around 国庆: Oct 1–7 off, Saturday Oct 10 worked.
      const beforeHoliday = await submitErrorReport(
        db,
        submission(city.id, { senderHash: "c" }),
        new Date("2026-09-30T04:00:00Z"),
      );
      assert.equal(beforeHoliday.dueDate, "2026-10-10");
      // The count runs into 2027, for which the calendar has no data: no guessed deadline.
      const lateDecember = await submitErrorReport(
        db,
        submission(city.id, { senderHash: "d" }),
        new Date("2026-12-30T04:00:00Z"),
      );
      assert.equal(lateDecember.dueDate, null);
    });

    test("bad input is refused with the field and a code", async () => {
      const { db } = store;
      const { city } = await twoSites(db);
      const closed = await createSite(db, {
        name: "已关停网站",
        homepage: "http://old.demo.gov.cn",
        status: "关停",
      });
      await rejects(submitErrorReport(db, submission(999_999)), "siteId", "not_found");
      await rejects(submitErrorReport(db, submission(closed.id)), "siteId", "not_running");
      await rejects(submitErrorReport(db, submission(city.id, { category: "投诉" })), "category", "unknown");
      await rejects(
        submitErrorReport(db, submission(city.id, { description: " 错 字\u0001\u0002 " })),
        "description",
        "too_short",
      );
      await rejects(
        submitErrorReport(db, submission(city.id, { description: "错".repeat(2001) })),
        "description",
        "too_long",
      );
      await rejects(
        submitErrorReport(db, submission(city.id, { contact: "1".repeat(101) })),
        "contact",
        "too_long",
      );
      for (const pageUrl of ["javascript:alert(1)", "www.demo-city.gov.cn/a", "file:///etc/passwd"])
        await rejects(submitErrorReport(db, submission(city.id, { pageUrl })), "pageUrl", "invalid");
      await rejects(
        submitErrorReport(
          db,
          submission(city.id, { pageUrl: `https://www.demo-city.gov.cn/${"a".repeat(2000)}` }),
        ),
        "pageUrl",
        "too_long",
      );
      // Exactly at the limits is fine.
      await submitErrorReport(
        db,
        submission(city.id, { description: "错".repeat(2000), contact: "1".repeat(100) }),
      );
      await submitErrorReport(db, submission(city.id, { description: "五个字就行" }));
      assert.equal((await listErrorReports(db)).length, 2);
    });

    test("the same text from the same sender within 24 hours is a duplicate", async () => {
      const { db } = store;
      const { city, county } = await twoSites(db);
      await submitErrorReport(db, submission(city.id), friday);
      await rejects(
        submitErrorReport(db, submission(county.id), new Date(friday.getTime() + hours(23))),
        "description",
        "duplicate",
      );
      // Submitted twice at once: one gets through.
      const both = await Promise.allSettled([
        submitErrorReport(db, submission(city.id, { senderHash: "x" }), friday),
        submitErrorReport(db, submission(city.id, { senderHash: "x" }), friday),
      ]);
      assert.deepEqual(both.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
      await submitErrorReport(db, submission(city.id, { senderHash: "other" }), friday);
      await submitErrorReport(db, submission(city.id, { description: "另一个问题：附件无法下载" }), friday);
      await submitErrorReport(db, submission(city.id), new Date(friday.getTime() + hours(25)));
      assert.equal((await listErrorReports(db)).length, 5);
    });

    test("the inbox lists newest first with the site's name, filtered by sites and states", async () => {
      const { db } = store;
      const { city, county } = await twoSites(db);
      const first = await submitErrorReport(db, submission(city.id), friday);
      const second = await submitErrorReport(
        db,
        submission(county.id, { senderHash: "b" }),
        new Date(friday.getTime() + hours(1)),
      );
      const third = await submitErrorReport(
        db,
        submission(city.id, { senderHash: "c" }),
        new Date(friday.getTime() + hours(2)),
      );
      await replyToErrorReport(db, third.id, { state: "处理中", reply: "" }, "owner");
      const all = await listErrorReports(db);
      assert.deepEqual(
        all.map((r) => [r.id, r.siteName]),
        [
          [third.id, "示范市人民政府"],
          [second.id, "演示县人民政府"],
          [first.id, "示范市人民政府"],
        ],
      );
      assert.deepEqual(
        (await listErrorReports(db, { siteIds: [county.id] })).map((r) => r.id),
        [second.id],
      );
      assert.deepEqual(
        (await listErrorReports(db, { states: ["处理中"] })).map((r) => r.id),
        [third.id],
      );
      assert.deepEqual(
        (await listErrorReports(db, { siteIds: [city.id], states: ["待处理"] })).map((r) => r.id),
        [first.id],
      );
      assert.deepEqual(await listErrorReports(db, { siteIds: [] }), []);
    });

    test("a reply moves the state, a finished report needs a reply text, gets repliedAt and is audited", async () => {
      const { db } = store;
      const { city } = await twoSites(db);
      const report = await submitErrorReport(db, submission(city.id), friday);
      await rejects(
        replyToErrorReport(db, report.id, { state: "已办结", reply: "  " }, "owner"),
        "reply",
        "required",
      );
      await rejects(
        replyToErrorReport(db, 999_999, { state: "处理中", reply: "" }, "owner"),
        "id",
        "not_found",
      );
      const working = await replyToErrorReport(
        db,
        report.id,
        { state: "处理中", reply: "已转技术部门" },
        "owner",
      );
      assert.equal(working.state, "处理中");
      assert.equal(working.reply, "已转技术部门");
      assert.equal(working.repliedAt, null);
      await rejects(
        replyToErrorReport(db, report.id, { state: "待处理", reply: "" }, "owner"),
        "state",
        "conflict",
      );
      const at = new Date(friday.getTime() + hours(48));
      const done = await replyToErrorReport(
        db,
        report.id,
        { state: "已办结", reply: "链接已修复，感谢您的反馈" },
        "owner",
        at,
      );
      assert.equal(done.state, "已办结");
      assert.equal(done.reply, "链接已修复，感谢您的反馈");
      assert.equal(done.repliedAt!.toISOString(), at.toISOString());
      await rejects(
        replyToErrorReport(db, report.id, { state: "不予受理", reply: "改主意" }, "owner"),
        "state",
        "conflict",
      );
      const audit = await db.select().from(auditLog);
      assert.deepEqual(
        audit.map((row) => [row.actor, row.action, row.entity, row.entityId, row.before, row.after]),
        [
          [
            "owner",
            "error_report.reply",
            "error_report",
            report.id,
            { state: "待处理", reply: null },
            { state: "处理中", reply: "已转技术部门" },
          ],
          [
            "owner",
            "error_report.reply",
            "error_report",
            report.id,
            { state: "处理中", reply: "已转技术部门" },
            { state: "已办结", reply: "链接已修复，感谢您的反馈" },
          ],
        ],
      );
    });

    test("statistics: 办结率, on-time rate by China calendar day, overdue at a time point", async () => {
      const { db } = store;
      const { city, county } = await twoSites(db);
      assert.deepEqual(await errorReportStats(db, {}, friday), {
        total: 0,
        byState: {},
        done: 0,
        doneRate: null,
        onTime: 0,
        onTimeRate: null,
        overdue: 0,
      });
      const submit = (siteId: number, sender: string) =>
        submitErrorReport(db, submission(siteId, { senderHash: sender }), friday);
      // All due 2026-11-25 (Wednesday).
      const onTime = await submit(city.id, "a");
      const lastMinute = await submit(city.id, "b");
      const late = await submit(county.id, "c");
      const refused = await submit(county.id, "d");
      await submit(city.id, "e");
      const working = await submit(county.id, "f");
      await replyToErrorReport(
        db,
        onTime.id,
        { state: "已办结", reply: "已更正" },
        "owner",
        new Date("2026-11-23T02:00:00Z"),
      );
      // 23:30 on the 25th in Beijing is 15:30 UTC: still on time.
      await replyToErrorReport(
        db,
        lastMinute.id,
        { state: "已办结", reply: "已更正" },
        "owner",
        new Date("2026-11-25T15:30:00Z"),
      );
      // 00:30 on the 26th in Beijing is 16:30 UTC on the 25th: late.
      await replyToErrorReport(
        db,
        late.id,
        { state: "已办结", reply: "已更正" },
        "owner",
        new Date("2026-11-25T16:30:00Z"),
      );
      await replyToErrorReport(
        db,
        refused.id,
        { state: "不予受理", reply: "不属于本网站内容" },
        "owner",
        new Date("2026-11-24T02:00:00Z"),
      );
      await replyToErrorReport(db, working.id, { state: "处理中", reply: "" }, "owner");

      const onTheDueDate = await errorReportStats(db, {}, new Date("2026-11-25T15:00:00Z"));
      assert.deepEqual(onTheDueDate, {
        total: 6,
        byState: { 待处理: 1, 处理中: 1, 已办结: 3, 不予受理: 1 },
        done: 4,
        doneRate: 4 / 6,
        onTime: 3,
        onTimeRate: 3 / 4,
        overdue: 0,
      });
      const dayAfter = await errorReportStats(db, {}, new Date("2026-11-25T16:30:00Z"));
      assert.equal(dayAfter.overdue, 2);
      const countyOnly = await errorReportStats(
        db,
        { siteIds: [county.id] },
        new Date("2026-11-26T04:00:00Z"),
      );
      assert.deepEqual(
        { ...countyOnly },
        {
          total: 3,
          byState: { 已办结: 1, 不予受理: 1, 处理中: 1 },
          done: 2,
          doneRate: 2 / 3,
          onTime: 1,
          onTimeRate: 1 / 2,
          overdue: 1,
        },
      );
      assert.equal((await errorReportStats(db, { siteIds: [] }, friday)).total, 0);
    });
  });
}
