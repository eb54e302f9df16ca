/**
 * 栏目不更新 and 空白栏目 (19号 单项否决 V4): judges each column against its update window and
 * counts the results against the veto thresholds and the early-warning lines.
 */
import { chinaDay, describeWindow, windowStart, type UpdateWindow } from "../core/chinaDate.ts";
import type { FindingDraft } from "../core/finding.ts";
import { checkDefinition } from "./catalogue.ts";
import type { SiteColumn } from "./columnModel.ts";
import { columnTypeNames, type ColumnType } from "./columnTypes.ts";

export interface ColumnFreshnessPolicy {
  /** 应更新 period per column type; a type without one has no update duty (专题, 办事指南…). */
  windows: Partial<Record<ColumnType, UpdateWindow>>;
  /** Types whose first-level columns carry their own window and count in V4-1 (通知公告, 政策文件). */
  firstLevelOnlyKey: ColumnType[];
  /** Types counted in V4-1 at any level (动态、要闻). */
  keyTypes: ColumnType[];
  /** Window of second-level columns of the firstLevelOnlyKey types (their duty is V4-2's). */
  secondLevelWindow: UpdateWindow;
  /** A column whose items carry no date is not updated (15号 note; default for 19号 as well). */
  undatedCountsAsStale: boolean;
  veto: { keyStale: number; stale: number; blank: number };
  warn: { keyStale: number; stale: number; blank: number };
}

/** 19号 V4 with the practice windows of INDICATORS.md §6 and the early-warning lines of §9.1. */
export const national2019ColumnFreshness: ColumnFreshnessPolicy = {
  windows: { NEWS: { days: 14 }, NOTICE: { months: 6 }, POLICY: { months: 6 }, ANNUAL: { months: 12 } },
  firstLevelOnlyKey: ["NOTICE", "POLICY"],
  keyTypes: ["NEWS"],
  secondLevelWindow: { months: 12 },
  undatedCountsAsStale: true,
  veto: { keyStale: 5, stale: 10, blank: 5 },
  warn: { keyStale: 3, stale: 7, blank: 3 },
};

export type ColumnVerdict = "fresh" | "stale" | "blank" | "unknown" | "exempt";

export interface ColumnAssessment {
  verdict: ColumnVerdict;
  /** Counts in V4-1 (动态要闻 within 14 days, first-level 通知公告/政策文件 within 6 months). */
  key: boolean;
  window: UpdateWindow | null;
  /** First day inside the window, "YYYY-MM-DD". */
  since: string | null;
  reason: string;
}

export interface ColumnTotals {
  columns: number;
  read: number;
  keyStale: number;
  stale: number;
  blank: number;
  veto: ColumnFreshnessPolicy["veto"];
  warn: ColumnFreshnessPolicy["warn"];
}

export function assessColumn(
  column: SiteColumn,
  asOf: Date,
  policy: ColumnFreshnessPolicy,
): ColumnAssessment {
  const window = windowOf(column, policy);
  const key =
    policy.keyTypes.includes(column.type) ||
    (column.level === 1 && policy.firstLevelOnlyKey.includes(column.type));
  const since = window === null ? null : windowStart(chinaDay(asOf), window);
  const base = { key, window, since };
  if (column.ignored) return { ...base, verdict: "exempt", reason: "按站点配置排除" };
  if (column.state === "broken") {
    return {
      ...base,
      verdict: "blank",
      reason: `栏目链接无法打开（${column.error ?? `HTTP ${column.status ?? 0}`}）`,
    };
  }
  if (column.state === "not-read") return { ...base, verdict: "unknown", reason: "栏目页不在本次抓取范围内" };
  if (column.placeholder !== null)
    return { ...base, verdict: "blank", reason: `栏目页显示“${column.placeholder}”` };
  if (column.layout === "page")
    return { ...base, verdict: "unknown", reason: "单页栏目（正文页或业务系统，非信息列表），不判断更新" };
  if (column.layout === "hub")
    return { ...base, verdict: "unknown", reason: "栏目首页为下级栏目入口，按下级栏目判断" };
  if (column.items === 0) return { ...base, verdict: "blank", reason: "栏目页没有任何信息条目" };
  if (window === null || since === null)
    return { ...base, verdict: "exempt", reason: "该类栏目无更新周期要求" };
  if (column.newest === null) {
    return policy.undatedCountsAsStale
      ? { ...base, verdict: "stale", reason: "栏目信息均未注明发布时间，视为未更新" }
      : { ...base, verdict: "unknown", reason: "栏目信息均未注明发布时间" };
  }
  if (column.newest.date! < since) {
    return {
      ...base,
      verdict: "stale",
      reason: `最新信息 ${column.newest.date}，${describeWindow(window)}内未更新`,
    };
  }
  return { ...base, verdict: "fresh", reason: `最新信息 ${column.newest.date}` };
}

function windowOf(column: SiteColumn, policy: ColumnFreshnessPolicy): UpdateWindow | null {
  if (column.windowOverride !== undefined) return column.windowOverride;
  if (column.level === 2 && policy.firstLevelOnlyKey.includes(column.type)) return policy.secondLevelWindow;
  return policy.windows[column.type] ?? null;
}

export function columnTotals(
  columns: readonly SiteColumn[],
  assessments: readonly ColumnAssessment[],
  policy: ColumnFreshnessPolicy,
): ColumnTotals {
  let keyStale = 0;
  let stale = 0;
  let blank = 0;
  assessments.forEach((assessment) => {
    if (assessment.verdict === "stale") {
      stale += 1;
      if (assessment.key) keyStale += 1;
    } else if (assessment.verdict === "blank") blank += 1;
  });
  return {
    columns: columns.length,
    read: columns.filter((column) => column.state === "read").length,
    keyStale,
    stale,
    blank,
    veto: policy.veto,
    warn: policy.warn,
  };
}

/** One finding per stale or blank column, plus one per V4 clause whose count reaches a line. */
export function columnFreshnessFindings(
  site: string,
  columns: readonly SiteColumn[],
  assessments: readonly ColumnAssessment[],
  totals: ColumnTotals,
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const [index, column] of columns.entries()) {
    const assessment = assessments[index]!;
    if (assessment.verdict !== "stale" && assessment.verdict !== "blank") continue;
    const check = assessment.verdict === "stale" ? "column.stale" : "column.blank";
    findings.push({
      check,
      indicator: checkDefinition(check).indicator,
      site,
      url: column.url,
      locator: "column",
      message: `${assessment.verdict === "stale" ? "栏目不更新" : "空白栏目"}：${columnLabel(column)}，${assessment.reason}`,
      evidence: columnEvidence(column, assessment),
      severity: "deduct",
      confidence: confidenceOf(column, assessment.verdict),
    });
  }
  const clauses: Array<{ check: string; count: number; veto: number; warn: number; text: string }> = [
    {
      check: "column.key-stale-count",
      count: totals.keyStale,
      veto: totals.veto.keyStale,
      warn: totals.warn.keyStale,
      text: "动态要闻类（2 周）及一级通知公告、政策文件类（6 个月）栏目未更新",
    },
    {
      check: "column.stale-count",
      count: totals.stale,
      veto: totals.veto.stale,
      warn: totals.warn.stale,
      text: "应更新但长期未更新的栏目",
    },
    {
      check: "column.blank-count",
      count: totals.blank,
      veto: totals.veto.blank,
      warn: totals.warn.blank,
      text: "空白栏目",
    },
  ];
  for (const clause of clauses) {
    const severity = clause.count >= clause.veto ? "veto" : clause.count >= clause.warn ? "warn" : null;
    if (severity === null) continue;
    const line =
      severity === "veto"
        ? `达到单项否决线 ${clause.veto} 个`
        : `达到预警线 ${clause.warn} 个（否决线 ${clause.veto} 个）`;
    findings.push({
      check: clause.check,
      indicator: checkDefinition(clause.check).indicator,
      site,
      url: site,
      locator: "site",
      message: `${clause.text}共 ${clause.count} 个，${line}`,
      evidence: { count: clause.count, vetoAt: clause.veto, warnAt: clause.warn },
      severity,
      confidence: "suspected",
    });
  }
  return findings;
}

/**
 * Undated items read as "not updated" and a broken column link read as "blank" are practice, not
 * the national text: those are suspected, the rest confirmed.
 */
function confidenceOf(column: SiteColumn, verdict: "stale" | "blank"): "confirmed" | "suspected" {
  if (verdict === "blank") return column.state === "broken" ? "suspected" : "confirmed";
  return column.newest !== null ? "confirmed" : "suspected";
}

function columnLabel(column: SiteColumn): string {
  const path = column.parentName ? `${column.parentName} > ${column.name}` : column.name;
  return `“${path}”（${columnTypeNames[column.type]}，${column.level === 1 ? "一级" : "二级"}栏目）`;
}

/** What an inspector needs to confirm the finding without opening the site. */
export function columnEvidence(column: SiteColumn, assessment: ColumnAssessment): Record<string, unknown> {
  return {
    column: column.name,
    parent: column.parentName,
    level: column.level,
    type: column.type,
    typeName: columnTypeNames[column.type],
    typeSource: column.typeSource,
    window: assessment.window === null ? null : describeWindow(assessment.window),
    since: assessment.since,
    newest: column.newest,
    items: column.items,
    datedItems: column.datedItems,
    pagesRead: column.pagesRead,
    placeholder: column.placeholder,
    status: column.status ?? null,
    reason: assessment.reason,
  };
}
