import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import type { Finding } from "../../src/core/finding.ts";
import {
  alertInspection,
  sendDailyDigest,
  sendTestAlert,
  type AlertOptions,
} from "../../src/jobs/alerts/index.ts";
import type { InspectionReport } from "../../src/report/schema.ts";
import {
  AlertChannelInputError,
  alertsSentTo,
  claimAlerts,
  finishAlerts,
  staleClaimMs,
  createAlertChannel,
  deleteAlertChannel,
  listAlertChannels,
  type AlertChannel,
} from "../../src/store/alertRepository.ts";
import { submitErrorReport } from "../../src/store/errorReportRepository.ts";
import { recordInspection } from "../../src/store/inspectionRepository.ts";
import type { Db } from "../../src/store/open.ts";
import { listProblems, transitionProblem } from "../../src/store/problemRepository.ts";
import { alertChannels, alertsSent, errorReports } from "../../src/store/schema.ts";
import { city, county, demoReport } from "../report/fixtures.ts";
import { engines, useStore } from "../store/engines.ts";
import { startRobots, startSmtp } from "./fakeServers.ts";

const dingtalkSecret = "SECdemo0123456789abcdef";
const injected =
  '泄露[点此领奖](http://evil.example/)<font color="warning">x</font> @all ![](http://evil.example/i.png)\n## 标题';

/**
 * The demo inspection cut to a few findings: on the county, a veto of a check outside the severe list,
 * a hidden link (veto), a privacy warning (severe by its check, with a hostile message), a blank
 * column (neither); on the city, a typo (neither).
 */
function smallReport(): InspectionReport {
  const report = demoReport();
  const pick = (site: string, ...wanted: [string, string][]) => {
    const siteReport = report.sites.find((s) => s.site === site)!;
    siteReport.findings = wanted.map(([check, severity]) =>
      structuredClone(siteReport.findings.find((f) => f.check === check && f.severity === severity)!),
    );
    return siteReport.findings;
  };
  const countyFindings = pick(
    county,
    ["content.future-date", "veto"],
    ["content.hidden-link", "veto"],
    ["content.privacy", "warn"],
    ["column.blank", "deduct"],
  );
  countyFindings[2]!.message = injected;
  pick(city, ["content.typo", "deduct"]);
  return report;
}

function nextQuarter(report: InspectionReport, extra: Finding[] = []): InspectionReport {
  const later = structuredClone(report);
  later.asOf = later.generatedAt = "2027-02-19T16:00:00.000Z";
  for (const site of later.sites) for (const finding of site.findings) finding.lastSeen = later.asOf;
  later.sites.find((s) => s.site === county)!.findings.push(...extra);
  return later;
}

for (const engine of engines) {
  describe(engine, () => {
    const store = useStore(engine);
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let robots: Awaited<ReturnType<typeof startRobots>>;
    let options: AlertOptions;
    before(async () => {
      smtp = await startSmtp();
      robots = await startRobots(dingtalkSecret);
      options = {
        smtp: { host: "127.0.0.1", port: smtp.port, secure: false, from: "智检平台 <zhijian@demo.gov.cn>" },
        dashboardUrl: "http://zhijian.demo.gov.cn:8080",
        timeoutMs: 5_000,
      };
    });
    after(async () => {
      await smtp.close();
      await robots.close();
    });
    beforeEach(async () => {
      await store.db.delete(alertChannels);
      await store.db.delete(errorReports);
      smtp.mails.length = 0;
      robots.calls.length = 0;
      robots.broken.clear();
    });

    async function channels(db: Db) {
      return {
        mail: await createAlertChannel(db, {
          name: "监管处邮箱",
          kind: "email",
          target: "inspector@demo.gov.cn",
          events: ["veto", "severe"],
        }),
        wecom: await createAlertChannel(db, {
          name: "监管群",
          kind: "wecom",
          target: `${robots.base}/wecom/ok?key=k1`,
          events: ["severe"],
        }),
        dingtalk: await createAlertChannel(db, {
          name: "领导群",
          kind: "dingtalk",
          target: `${robots.base}/dingtalk/lead?access_token=t1`,
          secret: dingtalkSecret,
          events: ["veto"],
        }),
        broken: await createAlertChannel(db, {
          name: "坏掉的群",
          kind: "wecom",
          target: `${robots.base}/wecom/broken?key=k2`,
          events: ["severe"],
        }),
        digest: await createAlertChannel(db, {
          name: "日报邮箱",
          kind: "email",
          target: "daily@demo.gov.cn",
          events: ["digest"],
        }),
      };
    }

    const callsTo = (path: string) => robots.calls.filter((call) => call.path === path);

    test("an inspection's vetoes and severe problems go once to each subscribed channel; a failure is retried, nothing is sent twice", async () => {
      const { db } = store;
      const { broken } = await channels(db);
      robots.broken.add("broken");
      const { inspectionId } = await recordInspection(db, smallReport(), "2026年第四季度");
      const problems = await listProblems(db);
      const idOf = (check: string) => problems.find((p) => p.check === check)!.id;

      assert.deepEqual(await alertInspection(db, inspectionId, options), { sent: 3, failed: 1 });

      assert.equal(smtp.mails.length, 1);
      const [mail] = smtp.mails;
      assert.deepEqual(mail!.to, ["inspector@demo.gov.cn"]);
      assert.equal(mail!.subject, "【智检】发现 3 项严重问题（其中单项否决 2 项）");
      assert.match(mail!.text, /演示县人民政府/);
      assert.match(mail!.text, /疑似暗链/);
      assert.match(mail!.text, /隐私信息泄露/);
      assert.match(
        mail!.text,
        new RegExp(`http://zhijian\\.demo\\.gov\\.cn:8080/problems/${idOf("content.hidden-link")}`),
      );
      assert.doesNotMatch(mail!.text, /错别字|栏目|column\.blank/);

      const [wecom] = callsTo("/wecom/ok");
      assert.equal(callsTo("/wecom/ok").length, 1);
      assert.equal(wecom!.body.msgtype, "markdown");
      const content = wecom!.body.markdown.content!;
      assert.equal(content.match(/【单项否决】/g)?.length, 2);
      assert.equal(content.match(/【严重】/g)?.length, 1);
      assert.ok(Buffer.byteLength(content) <= 4096);
      // The hostile message cannot add a link, an image, a tag, a heading or an @-mention.
      assert.match(content, /泄露［点此领奖］（http:\/\/evil\.example\/）＜font/);
      assert.doesNotMatch(content, /\]\(http:\/\/evil|<font|@all|!\[|\n## /);
      assert.match(content, /\[在平台查看\]\(http:\/\/zhijian\.demo\.gov\.cn:8080\/problems\/\d+\)/);

      const [ding] = callsTo("/dingtalk/lead");
      assert.equal(callsTo("/dingtalk/lead").length, 1);
      assert.equal(ding!.query.get("access_token"), "t1");
      assert.equal(ding!.body.msgtype, "markdown");
      assert.equal(ding!.body.markdown.title, "【智检】发现 2 项严重问题（其中单项否决 2 项）");
      assert.doesNotMatch(ding!.body.markdown.text!, /【严重】|隐私/);

      const failures = await alertsSentTo(db, broken.id);
      assert.equal(failures.length, 3);
      assert.ok(failures.every((row) => !row.ok && /93000/.test(row.error!)));

      // The job retried while the robot is still broken: only the failure is tried again.
      assert.deepEqual(await alertInspection(db, inspectionId, options), { sent: 0, failed: 1 });
      assert.equal(smtp.mails.length, 1);
      assert.equal(callsTo("/wecom/ok").length, 1);
      assert.equal(callsTo("/dingtalk/lead").length, 1);
      assert.equal(callsTo("/wecom/broken").length, 2);

      robots.broken.clear();
      assert.deepEqual(await alertInspection(db, inspectionId, options), { sent: 1, failed: 0 });
      assert.equal(
        callsTo("/wecom/broken")
          .at(-1)!
          .body.markdown.content!.match(/【(单项否决|严重)】/g)?.length,
        3,
      );
      assert.ok((await alertsSentTo(db, broken.id)).every((row) => row.ok && row.error === null));
      assert.deepEqual(await alertInspection(db, inspectionId, options), { sent: 0, failed: 0 });
      assert.equal(robots.calls.length, 5);
      assert.equal(smtp.mails.length, 1);
    });

    test("a later inspection alerts only what is new or came back after being closed", async () => {
      const { db } = store;
      await createAlertChannel(db, {
        name: "监管群",
        kind: "wecom",
        target: `${robots.base}/wecom/ok`,
        events: ["severe"],
      });
      const first = smallReport();
      const { inspectionId } = await recordInspection(db, first, "2026年第四季度");
      assert.deepEqual(await alertInspection(db, inspectionId, options), { sent: 1, failed: 0 });

      const hidden = (await listProblems(db)).find((p) => p.check === "content.hidden-link")!;
      for (const to of ["待整改", "已整改待复查", "已关闭"] as const)
        await transitionProblem(db, hidden.id, to, "owner");
      const anotherHiddenLink = demoReport()
        .sites.find((s) => s.site === county)!
        .findings.filter((f) => f.check === "content.hidden-link")[1]!;
      const later = await recordInspection(db, nextQuarter(first, [anotherHiddenLink]), "2027年第一季度");
      assert.equal(later.reopened, 1);
      assert.deepEqual(await alertInspection(db, later.inspectionId, options), { sent: 1, failed: 0 });
      const content = callsTo("/wecom/ok")[1]!.body.markdown.content!;
      assert.equal(content.match(/【单项否决】/g)?.length, 2);
      assert.equal(content.match(/整改后再次出现/g)?.length, 1);
      assert.doesNotMatch(content, /隐私|发布日期/);

      // Seen again without news: nothing.
      const third = await recordInspection(
        db,
        nextQuarter(nextQuarter(first, [anotherHiddenLink])),
        "2027年第二季度",
      );
      assert.deepEqual(await alertInspection(db, third.inspectionId, options), { sent: 0, failed: 0 });
    });

    test("the daily digest goes once a day to digest channels: open problems, overdue, new that day, overdue 找错", async () => {
      const { db } = store;
      const { digest } = await channels(db);
      await recordInspection(db, smallReport(), "2026年第四季度");
      const [typo] = await listProblems(db, { states: ["待确认"] });
      await transitionProblem(db, typo!.id, "待整改", "inspector", undefined, {
        at: new Date("2026-11-20T02:00:00Z"),
      });
      const site = (await listProblems(db)).find((p) => p.check === "content.privacy")!.siteId;
      await submitErrorReport(
        db,
        { siteId: site, category: "错别字", description: "领导简介中职务写错了", senderHash: "h" },
        new Date("2026-11-20T02:00:00Z"),
      );

      // The findings were first seen on 2026-11-20, Beijing time.
      assert.deepEqual(await sendDailyDigest(db, "2026-11-20", options), { sent: 1, failed: 0 });
      assert.deepEqual(await sendDailyDigest(db, "2026-11-20", options), { sent: 0, failed: 0 });
      assert.equal(smtp.mails.length, 1);
      const [today] = smtp.mails;
      assert.deepEqual(today!.to, ["daily@demo.gov.cn"]);
      assert.equal(today!.subject, "【智检】每日简报 2026-11-20");
      assert.match(today!.text, /未关闭问题 5 项/);
      assert.match(today!.text, /待确认：4 项/);
      assert.match(today!.text, /待整改：1 项/);
      assert.match(today!.text, /当日新发现问题 5 项（单项否决 2、扣分 2、提示 1）/);
      assert.match(today!.text, /逾期未整改问题 0 项/);
      assert.match(today!.text, /逾期未答复的网民找错 0 件/);

      assert.deepEqual(await sendDailyDigest(db, "2026-12-20", options), { sent: 1, failed: 0 });
      const later = smtp.mails[1]!;
      assert.match(later.text, /当日新发现问题 0 项/);
      const lines = later.text.split("\n");
      const overdueAt = lines.indexOf("逾期未整改问题 1 项");
      assert.ok(lines[overdueAt + 1]!.startsWith("  · 示范市人民政府："));
      assert.ok(lines[overdueAt + 1]!.includes(typo!.message.slice(0, 10)));
      const reportsAt = lines.indexOf("逾期未答复的网民找错 1 件");
      assert.equal(lines[reportsAt + 1], "  · 演示县人民政府：错别字（截止 2026-11-25）");
      assert.equal((await alertsSentTo(db, digest.id)).length, 2);
      assert.equal(robots.calls.length, 0);
    });

    test("test messages, failures and timeouts throw with a Chinese reason", async () => {
      const { db } = store;
      const { dingtalk, broken, mail } = await channels(db);
      await sendTestAlert(dingtalk, options);
      assert.match(callsTo("/dingtalk/lead")[0]!.body.markdown.text!, /告警通道“领导群”配置正确/);
      const wrongSecret: AlertChannel = { ...dingtalk, secret: "SECwrong" };
      await assert.rejects(sendTestAlert(wrongSecret, options), /钉钉机器人拒绝了消息：errcode 310000/);
      robots.broken.add("broken");
      await assert.rejects(sendTestAlert(broken, options), /企业微信机器人拒绝了消息：errcode 93000/);
      await assert.rejects(
        sendTestAlert({ ...broken, target: `${robots.base}/hang` }, { timeoutMs: 300 }),
        /300 毫秒内无响应/,
      );
      await sendTestAlert(mail, options);
      assert.match(smtp.mails[0]!.text, /监管处邮箱/);
      await assert.rejects(
        sendTestAlert({ ...mail, target: "nobody@demo.gov.cn" }, options),
        /邮件发送失败.*550/s,
      );
      await assert.rejects(sendTestAlert(mail, {}), /未配置 SMTP/);

      // An e-mail channel without SMTP settings fails without stopping the others.
      const { inspectionId } = await recordInspection(db, smallReport(), "2026年第四季度");
      robots.broken.clear();
      assert.deepEqual(await alertInspection(db, inspectionId, { dashboardUrl: options.dashboardUrl }), {
        sent: 3,
        failed: 1,
      });
      assert.ok((await alertsSentTo(db, mail.id)).every((row) => !row.ok && /未配置 SMTP/.test(row.error!)));
    });

    test("a claim blocks other senders until it ends or goes stale; a delivered alert is never claimed again", async () => {
      const { db } = store;
      const { wecom } = await channels(db);
      const t0 = new Date("2026-11-23T02:00:00Z");
      const later = (ms: number) => new Date(t0.getTime() + ms);
      assert.deepEqual(await claimAlerts(db, wecom.id, ["a", "b", "c"], t0), ["a", "b", "c"]);
      // Another worker running the same job meanwhile gets nothing.
      assert.deepEqual(await claimAlerts(db, wecom.id, ["a", "b", "c", "d"], later(1000)), ["d"]);
      await finishAlerts(db, wecom.id, ["a"], { ok: true }, later(2000));
      await finishAlerts(db, wecom.id, ["b"], { ok: false, error: "超时" }, later(2000));
      // A failure may be retried at once; "c" was left unfinished by a sender that died, reclaimable once stale.
      assert.deepEqual(await claimAlerts(db, wecom.id, ["a", "b", "c"], later(3000)), ["b"]);
      assert.deepEqual(
        (await claimAlerts(db, wecom.id, ["a", "b", "c"], later(staleClaimMs + 1000))).sort(),
        ["c"],
      );
      assert.deepEqual(await claimAlerts(db, wecom.id, ["a"], later(100 * staleClaimMs)), []);
    });

    test("channels are validated, listed and deleted with their record", async () => {
      const { db } = store;
      const bad = async (input: Parameters<typeof createAlertChannel>[1], field: string) =>
        assert.rejects(createAlertChannel(db, input), (error: AlertChannelInputError) => {
          assert.ok(error instanceof AlertChannelInputError);
          assert.equal(error.field, field);
          assert.match(error.message, /[\u4e00-\u9fff]/);
          return true;
        });
      await bad({ name: "x", kind: "email", target: "not-an-address", events: ["veto"] }, "target");
      await bad({ name: "x", kind: "wecom", target: "ftp://robot.example/", events: ["veto"] }, "target");
      await bad({ name: "x", kind: "dingtalk", target: "inspector@demo.gov.cn", events: ["veto"] }, "target");
      await bad({ name: "x", kind: "email", target: "a@b.cn", events: ["veto", "weekly"] }, "events");
      await bad({ name: "x", kind: "email", target: "a@b.cn", events: [] }, "events");
      await bad({ name: " ", kind: "email", target: "a@b.cn", events: ["digest"] }, "name");
      await bad({ name: "x", kind: "sms" as "email", target: "a@b.cn", events: ["digest"] }, "kind");
      const made = await createAlertChannel(db, {
        name: " 日报 ",
        kind: "email",
        target: "a@b.cn",
        secret: "",
        events: ["digest", "digest", "veto"],
      });
      assert.deepEqual(
        [made.name, made.secret, made.events, made.enabled],
        ["日报", null, ["digest", "veto"], true],
      );
      assert.deepEqual(
        (await listAlertChannels(db)).map((c) => c.id),
        [made.id],
      );
      await sendDailyDigest(db, "2026-11-20", { smtp: options.smtp! });
      assert.equal((await db.select().from(alertsSent)).length, 1);
      assert.equal(await deleteAlertChannel(db, made.id), true);
      assert.equal(await deleteAlertChannel(db, made.id), false);
      assert.deepEqual(await db.select().from(alertsSent), []);
    });
  });
}
