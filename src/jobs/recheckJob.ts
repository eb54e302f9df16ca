/**
 * The automatic re-check of one problem the owner marked fixed (已整改待复查): a fresh crawl of its
 * site (no cache: everything requested again), seeded with the pages the problem was last seen on so
 * that a page budget spent elsewhere cannot hide it, decides whether the problem's fingerprint still
 * appears. Only that problem changes state — the crawl is not recorded as an inspection, which would
 * also move the site's other problems.
 */
import { systemActor } from "../store/audit.ts";
import type { Finding } from "../core/finding.ts";
import { getProblem, problemFindings, transitionProblem } from "../store/problemRepository.ts";
import { getSite } from "../store/siteRepository.ts";
import type { ProblemState } from "../store/schema.ts";
import type { JobContext } from "./context.ts";
import { inspectRegisteredSite } from "./siteInspection.ts";

export interface RecheckJobData {
  problemId: number;
}

const awaiting: ProblemState = "已整改待复查";

/** The state the problem ended in, or undefined when there was nothing (left) to re-check. */
export async function runRecheck(ctx: JobContext, data: RecheckJobData): Promise<ProblemState | undefined> {
  const problem = await getProblem(ctx.db, data.problemId);
  if (problem?.state !== awaiting) {
    ctx.log(`复查跳过：问题 ${data.problemId} ${problem ? `当前为“${problem.state}”` : "不存在"}`);
    return undefined;
  }
  const site = await getSite(ctx.db, problem.siteId);
  if (site === undefined) throw new Error(`问题 ${problem.id} 所属网站 ${problem.siteId} 不存在`);
  const asOf = ctx.clock.now();
  ctx.log(`开始复查问题 ${problem.id}（${problem.message}），重新抓取 ${site.name}`);
  const [latest] = await problemFindings(ctx.db, problem.id);
  const seeds = latest ? problemPages(latest.url, latest.evidence) : [problem.url];
  const report = (await inspectRegisteredSite(ctx, site, asOf, undefined, seeds)).sites[0]!;
  const seen = report.findings.find((finding) => finding.fingerprint === problem.fingerprint);
  // An unreachable site proves nothing about a page problem: the job fails and is retried later.
  if (seen === undefined && !report.reachable) {
    throw new Error(`复查问题 ${problem.id} 时网站 ${site.homepage} 无法访问，稍后重试`);
  }
  const to: ProblemState = seen ? "复查未通过" : "已关闭";
  const reason = seen ? `复查仍发现：${seen.message}` : "复查未再发现该问题";
  try {
    await transitionProblem(ctx.db, problem.id, to, systemActor, reason, { at: asOf });
  } catch (error) {
    // Someone (or the daily crawl) moved the problem on while the site was being crawled.
    const now = await getProblem(ctx.db, problem.id);
    if (now?.state !== awaiting) {
      ctx.log(`复查结果未写入：问题 ${problem.id} 期间已改为“${now?.state ?? "已删除"}”`);
      return undefined;
    }
    throw error;
  }
  ctx.log(`复查完成：问题 ${problem.id} → ${to}`);
  return to;
}

/**
 * The pages a finding was seen on: its own URL (the page, or the dead link's target) and the pages
 * its evidence names — where a dead link or a hidden link occurs, the column, the page with the form.
 */
export function problemPages(url: string, evidence: Finding["evidence"]): string[] {
  const pages = new Set<string>([url]);
  const add = (value: unknown) => {
    if (typeof value === "string" && /^https?:\/\//.test(value)) pages.add(value);
  };
  add(evidence.page);
  add(evidence.columnUrl);
  if (Array.isArray(evidence.pages)) evidence.pages.forEach(add);
  if (Array.isArray(evidence.occurrences))
    for (const occurrence of evidence.occurrences) add((occurrence as { page?: unknown }).page);
  return [...pages];
}
