/**
 * Alerts for an inspection (or a monitoring crawl recorded as one): the vetoes and severe problems it
 * newly found or found again after they were closed, one message per subscribed channel.
 */
import { checkCatalogue } from "../../checks/catalogue.ts";
import { channelsFor, problemsOpenedBy, type AlertProblem } from "../../store/alertRepository.ts";
import type { Db } from "../../store/open.ts";
import { line, link, untrusted, type AlertMessage, type Line } from "./compose.ts";
import { sendOnce, type SendCounts } from "./dispatch.ts";
import type { AlertOptions } from "./options.ts";

/**
 * Severe whatever their severity: 严重表述错误, 敏感或垃圾信息, 暗链 and 隐私信息泄露 are what the
 * 19号 indicators veto once confirmed, so a channel hears of them while they still await confirmation.
 */
export const severeChecks: readonly string[] = [
  "content.severe-typo",
  "content.sensitive",
  "content.hidden-link",
  "content.privacy",
];

/** Problems listed in one message; the rest are counted. */
const maxListed = 30;

export async function alertInspection(
  db: Db,
  inspectionId: number,
  options: AlertOptions,
): Promise<SendCounts> {
  const counts: SendCounts = { sent: 0, failed: 0 };
  const found = await problemsOpenedBy(db, inspectionId, severeChecks);
  if (found.length === 0) return counts;
  for (const channel of await channelsFor(db, ["veto", "severe"])) {
    // "severe" takes vetoes too: they are the most severe problems there are.
    const wanted = channel.events.includes("severe") ? found : found.filter((p) => p.severity === "veto");
    const byKey = new Map(wanted.map((problem) => [alertKey(problem, inspectionId), problem]));
    await sendOnce(
      db,
      channel,
      [...byKey.keys()],
      (claimed) =>
        inspectionMessage(
          inspectionId,
          [...claimed].map((key) => byKey.get(key)!),
          options,
        ),
      options,
      counts,
    );
  }
  return counts;
}

/**
 * A new problem is alerted once for good; a problem that comes back after being closed is news again,
 * once per inspection that finds it back.
 */
function alertKey(problem: AlertProblem, inspectionId: number): string {
  return problem.reopened ? `problem:${problem.id}:reopened:${inspectionId}` : `problem:${problem.id}`;
}

const checkTitles = new Map(checkCatalogue.map((check) => [check.id, check.title]));

export function inspectionMessage(
  inspectionId: number,
  problems: AlertProblem[],
  options: AlertOptions,
): AlertMessage {
  const vetoes = problems.filter((p) => p.severity === "veto").length;
  const title = `【智检】发现 ${problems.length} 项严重问题${vetoes > 0 ? `（其中单项否决 ${vetoes} 项）` : ""}`;
  const lines: Line[] = [
    line("heading", title),
    line("text", `检查编号 ${inspectionId} 新发现或再次出现以下问题，请尽快核实处理：`),
  ];
  for (const problem of problems.slice(0, maxListed)) {
    const parts = [
      problem.severity === "veto" ? "【单项否决】" : "【严重】",
      untrusted(problem.siteName ?? `网站 ${problem.siteId}`, 40),
      `：${checkTitles.get(problem.check) ?? problem.check}${problem.reopened ? "（整改后再次出现）" : ""}——`,
      untrusted(problem.message, 120),
      "；页面 ",
      link(problem.url, untrusted(problem.url, 100)),
    ];
    if (options.dashboardUrl !== undefined)
      parts.push(
        "；",
        link(new URL(`problems/${problem.id}`, withSlash(options.dashboardUrl)).href, "在平台查看"),
      );
    lines.push(line("item", ...parts));
  }
  if (problems.length > maxListed)
    lines.push(line("text", `另有 ${problems.length - maxListed} 项，请在平台查看。`));
  if (options.dashboardUrl !== undefined)
    lines.push(line("text", link(options.dashboardUrl, "打开智检平台")));
  return { title, lines };
}

export function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
