import assert from "node:assert/strict";
import { test } from "node:test";
import {
  MessageCollector,
  national2019Interaction,
  type InteractionPolicy,
} from "../../src/checks/interaction.ts";
import { addDays } from "../../src/core/chinaDate.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { demoPages } from "./demoPages.ts";

const asOf = new Date("2026-11-20T10:00:00+08:00");
const site = "http://www.x.gov.cn";
const nav = `<div class="nav"><a href="/hdjl/szxx/">市长信箱</a><a href="/hdjl/zxft/">在线访谈</a></div>`;

/** A letter page of the th/td template; no reply date and no status means "not answered yet". */
function letter(
  id: string,
  asked: string,
  reply?: { date?: string; status?: string },
  folder = "szxx",
): [string, string] {
  const rows = [
    `<tr><th>留言时间</th><td>${asked}</td></tr>`,
    `<tr><th>留言内容</th><td>问题${id}</td></tr>`,
  ];
  if (reply?.date !== undefined) rows.push(`<tr><th>答复时间</th><td>${reply.date}</td></tr>`);
  if (reply?.status !== undefined) rows.push(`<tr><th>办理状态</th><td>${reply.status}</td></tr>`);
  if (reply?.date !== undefined) rows.push(`<tr><th>答复内容</th><td>已收悉。</td></tr>`);
  const html = `<title>来信${id}_示范市</title>${nav}<table>${rows.join("")}</table>`;
  return [`${site}/hdjl/${folder}/${id}.html`, html];
}

function collect(pages: Array<[string, string]>, policy?: InteractionPolicy): MessageCollector {
  const collector = new MessageCollector(site, policy);
  for (const [url, html] of pages) collector.add(parsePage(html, url), html);
  return collector;
}

function overdueUrls(collector: MessageCollector): string[] {
  return collector
    .findings(asOf)
    .filter((f) => f.check === "interaction.unanswered")
    .map((f) => f.url.replace(`${site}/hdjl/szxx/`, ""));
}

test("unanswered: exactly 3 calendar months is in time, 3 months + 1 day is not", () => {
  const collector = collect([
    letter("exact", "2026-08-20 09:00", { status: "待回复" }),
    letter("late", "2026-08-19 23:00", { status: "待回复" }),
    letter("replied-exact", "2026-05-10", { date: "2026-08-10" }),
    letter("replied-late", "2026-05-10", { date: "2026-08-11" }),
    // A reply dated after the time point had not been given at the time point.
    letter("replied-after", "2026-06-01", { date: "2026-11-25" }),
  ]);
  assert.deepEqual(overdueUrls(collector).sort(), ["late.html", "replied-after.html", "replied-late.html"]);
  const late = collector.findings(asOf).find((f) => f.url.endsWith("/late.html"))!;
  assert.equal(late.severity, "veto");
  assert.equal(late.confidence, "confirmed");
  assert.deepEqual(
    { ...late.evidence },
    {
      title: "来信late",
      asked: "2026-08-19T23:00",
      replied: null,
      status: "待回复",
      deadline: "2026-11-19",
      daysWaited: 93,
      overdueTotal: 3,
    },
  );
  assert.match(
    late.message,
    /^留言超过 3 个月未回应：“来信late”，留言时间 2026-08-19，至检查时间点仍为“待回复”，历时 93 天$/,
  );
});

test("unanswered: the year before the time point counts 365 days back, not 366", () => {
  const day = (back: number): string => addDays("2026-11-20", -back);
  const collector = collect([
    letter("d364", day(364), { status: "未答复" }),
    letter("d365", day(365), { status: "未答复" }),
    letter("d366", day(366), { status: "未答复" }),
  ]);
  assert.deepEqual(overdueUrls(collector).sort(), ["d364.html", "d365.html"]);
  assert.equal(collector.summary(asOf).inWindow, 2);
  assert.equal(collector.summary(asOf).messages, 3);
});

test("unanswered: a letter without any written status is suspected; a longer window is configurable", () => {
  const silent = collect([letter("silent", "2026-06-01")]);
  const [finding] = silent.findings(asOf).filter((f) => f.check === "interaction.unanswered");
  assert.equal(finding?.confidence, "suspected");
  assert.match(finding!.message, /至检查时间点未见答复/);
  const sixMonths = collect([letter("silent", "2026-06-01")], { ...national2019Interaction, replyMonths: 6 });
  assert.deepEqual(overdueUrls(sixMonths), []);
});

test("reply statistics: 1 and 5 working days across a weekend and a holiday", () => {
  const collector = collect([
    letter("fri-mon", "2026-11-13 17:00", { date: "2026-11-16 09:00" }), // Friday → Monday: 1
    letter("fri-sun", "2026-11-13 17:00", { date: "2026-11-15 09:00" }), // Friday → Sunday: 0
    letter("holiday", "2026-09-30", { date: "2026-10-08" }), // 国庆 off 10-01…07: 1
    letter("worked-saturday", "2026-10-09", { date: "2026-10-10" }), // 调休 Saturday counts: 1
    letter("holiday-5", "2026-09-30", { date: "2026-10-13" }), // 10-08, 09, 10 (Sat), 12, 13: 5
    letter("holiday-6", "2026-09-30", { date: "2026-10-14" }), // 6
  ]);
  const summary = collector.summary(asOf);
  assert.equal(summary.timed, 6);
  assert.deepEqual(summary.replyWithin, [
    { workingDays: 1, share: 4 / 6 },
    { workingDays: 5, share: 5 / 6 },
  ]);
  assert.equal(summary.medianWorkingDays, 1);
  const stats = collector.findings(asOf).find((f) => f.check === "interaction.reply-stats")!;
  assert.equal(stats.severity, "info");
  assert.match(
    stats.message,
    /留言 6 封，已答复 6 封；1 个工作日内答复 66.7%，5 个工作日内答复 83.3%；答复用时中位数 1 个工作日/,
  );
});

test("letters without dates are warned about; letters under an excluded channel are not counted", () => {
  const undated = `<title>来信_示范市</title>${nav}<p>来信时间：2026-10-09</p><p>来信内容：问。</p><p>回复内容：答。</p>`;
  const interview = letter("ft", "2026-01-05", { status: "未答复" }, "zxft");
  const collector = collect([[`${site}/hdjl/szxx/undated.html`, undated], interview]);
  const findings = collector.findings(asOf);
  assert.deepEqual(
    findings.map((f) => [f.check, f.severity]),
    [
      ["interaction.dates-missing", "warn"],
      ["interaction.reply-stats", "info"],
    ],
  );
  assert.deepEqual(findings[0]!.evidence.examples, [`${site}/hdjl/szxx/undated.html`]);
  assert.equal(collector.summary(asOf).messages, 1);
});

test("no effective channel: none at all, or a mailto mailbox only; a channel link or a letter is enough", () => {
  const none = collect([[`${site}/`, `<title>首页</title><a href="/xf/">网上信访</a><p>欢迎</p>`]]);
  const [veto] = none.findings(asOf);
  assert.deepEqual(
    [veto?.check, veto?.severity, veto?.confidence],
    ["interaction.no-channel", "veto", "suspected"],
  );
  assert.match(veto!.message, /“网上信访”属除外的专门渠道/);
  const mail = collect([[`${site}/`, `<title>首页</title><a href="mailto:jz@x.gov.cn">局长信箱</a>`]]);
  assert.match(mail.findings(asOf)[0]!.message, /“局长信箱”仅为电子邮箱/);
  assert.deepEqual(collect([[`${site}/`, `<title>首页</title>${nav}`]]).findings(asOf), []);
  const letterOnly = collect([
    [`${site}/ly/1.html`, `<title>来信</title><p>留言时间：2026-11-01</p><p>回复时间：2026-11-02</p>`],
  ]);
  assert.ok(letterOnly.findings(asOf).every((f) => f.check !== "interaction.no-channel"));
});

test("list row and letter page merge into one letter; memory and evidence are bounded", () => {
  const list = `<title>市长信箱</title>${nav}<ul>
<li><a href="/hdjl/szxx/a.html">来信a</a><span>2026-06-01</span><em>办理中</em></li>
<li><a href="/hdjl/szxx/b.html">来信b</a><span>2026-06-02</span><em>办理中</em></li></ul>`;
  const collector = collect([
    [`${site}/hdjl/szxx/`, list],
    letter("a", "2026-06-01 08:00", { date: "2026-06-03" }),
  ]);
  assert.equal(collector.summary(asOf).messages, 2);
  assert.deepEqual(overdueUrls(collector), ["b.html"]);
  assert.equal(collector.findings(asOf).find((f) => f.url.endsWith("b.html"))?.confidence, "suspected");

  const small = { ...national2019Interaction, maxMessages: 2, maxOverdueFindings: 1 };
  const bounded = collect(
    [letter("1", "2026-01-01"), letter("2", "2026-02-01"), letter("3", "2026-03-01")],
    small,
  );
  assert.deepEqual(overdueUrls(bounded), ["1.html"]);
  assert.equal(bounded.findings(asOf)[0]!.evidence.overdueTotal, 2);
  assert.equal(bounded.summary(asOf).notJudged, 1);
});

test("demo sites: the planted jyj letter unanswered for more than 3 months, and nothing else", () => {
  const found: string[] = [];
  for (const host of [
    "www.demo-city.gov.cn",
    "fgw.demo-city.gov.cn",
    "jyj.demo-city.gov.cn",
    "www.demo-county.gov.cn",
  ]) {
    const collector = new MessageCollector(`http://${host}`);
    for (const { url, html } of demoPages(host)) collector.add(parsePage(html, url), html);
    const findings = collector.findings(asOf);
    for (const f of findings) if (f.severity !== "info") found.push(`${f.check} ${f.url} ${f.message}`);
    assert.ok(collector.summary(asOf).inWindow >= 3, host);
  }
  assert.deepEqual(found, [
    "interaction.unanswered http://jyj.demo-city.gov.cn/jzxx/20260715/c4604.htm 留言超过 3 个月未回应：“关于幼儿园收费问题的咨询”，留言时间 2026-07-15，至检查时间点仍为“待回复”，历时 128 天",
  ]);
});

test("a year the working-day calendar lacks leaves its letters untimed and says so; the inspection goes on", () => {
  const later = new Date("2099-03-01T10:00:00+08:00");
  const collector = collect([
    letter("known", "2026-11-13 17:00", { date: "2026-11-16 09:00" }),
    letter("unknown-year", "2099-01-05", { date: "2099-01-06" }),
  ]);
  const summary = collector.summary(later);
  assert.deepEqual(summary.calendarMissing, [2099]);
  assert.equal(summary.timed, 0, "the 2026 letter is outside the window; the 2099 one cannot be timed");
  assert.equal(summary.answered, 1);
  const stats = collector.findings(later).find((f) => f.check === "interaction.reply-stats")!;
  assert.match(stats.message, /工作日日历缺少 2099 年数据/);
});
