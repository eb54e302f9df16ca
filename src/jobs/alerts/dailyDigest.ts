/** 每日简报: once a day per "digest" channel, the state of the problems and of the 找错 inbox. */
import { channelsFor, chinaMidnight, digestFacts, type DigestFacts } from "../../store/alertRepository.ts";
import { overdueErrorReports, type ErrorReport } from "../../store/errorReportRepository.ts";
import type { Db } from "../../store/open.ts";
import { line, link, untrusted, type AlertMessage, type Line } from "./compose.ts";
import { sendOnce, type SendCounts } from "./dispatch.ts";
import type { AlertOptions } from "./options.ts";

const maxListed = 10;
const severityLabels: Record<string, string> = {
  veto: "单项否决",
  deduct: "扣分",
  warn: "提示",
  info: "信息",
};

/** Sends the digest of China calendar day `day` ("YYYY-MM-DD"); a channel that has it already is skipped. */
export async function sendDailyDigest(db: Db, day: string, options: AlertOptions): Promise<SendCounts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(chinaMidnight(day).getTime()))
    throw new RangeError(`简报日期须为 YYYY-MM-DD：${day}`);
  const counts: SendCounts = { sent: 0, failed: 0 };
  const channels = await channelsFor(db, ["digest"]);
  if (channels.length === 0) return counts;
  const facts = await digestFacts(db, day);
  const reports = await overdueErrorReports(db, chinaMidnight(day));
  const message = digestMessage(day, facts, reports, options);
  for (const channel of channels)
    await sendOnce(db, channel, [`digest:${day}`], () => message, options, counts);
  return counts;
}

export function digestMessage(
  day: string,
  facts: DigestFacts,
  overdueReports: (ErrorReport & { siteName: string | null })[],
  options: AlertOptions,
): AlertMessage {
  const title = `【智检】每日简报 ${day}`;
  const open = Object.entries(facts.openByState);
  const openTotal = open.reduce((sum, [, count]) => sum + (count ?? 0), 0);
  const lines: Line[] = [line("heading", title), line("text", `未关闭问题 ${openTotal} 项`)];
  for (const [state, count] of open) lines.push(line("item", `${state}：${count} 项`));
  const severities = Object.entries(facts.newProblems.bySeverity)
    .map(([severity, count]) => `${severityLabels[severity] ?? severity} ${count}`)
    .join("、");
  lines.push(
    line(
      "text",
      `当日新发现问题 ${facts.newProblems.total} 项${severities === "" ? "" : `（${severities}）`}`,
    ),
  );
  lines.push(line("text", `逾期未整改问题 ${facts.overdue.length} 项`));
  for (const problem of facts.overdue.slice(0, maxListed))
    lines.push(
      line(
        "item",
        untrusted(problem.siteName ?? "", 40),
        "：",
        untrusted(problem.message, 80),
        `（截止 ${problem.dueDate}）`,
      ),
    );
  if (facts.overdue.length > maxListed)
    lines.push(line("text", `另有 ${facts.overdue.length - maxListed} 项逾期问题`));
  lines.push(line("text", `逾期未答复的网民找错 ${overdueReports.length} 件`));
  for (const report of overdueReports.slice(0, maxListed))
    lines.push(
      line(
        "item",
        untrusted(report.siteName ?? "", 40),
        "：",
        untrusted(report.category, 20),
        `（截止 ${report.dueDate}）`,
      ),
    );
  if (overdueReports.length > maxListed)
    lines.push(line("text", `另有 ${overdueReports.length - maxListed} 件逾期找错`));
  if (options.dashboardUrl !== undefined)
    lines.push(line("text", link(options.dashboardUrl, "打开智检平台")));
  return { title, lines };
}
