import type { ErrorReportState, ProblemState, Role, Severity } from "./types.ts";

export const roleNames: Record<Role, string> = {
  admin: "系统管理员",
  inspector: "监管单位",
  owner: "主办单位",
  readonly: "只读",
};

export const severityNames: Record<Severity, string> = {
  veto: "单项否决",
  deduct: "扣分",
  warn: "预警",
  info: "提示",
};

export const severityColors: Record<Severity, string> = {
  veto: "red",
  deduct: "orange",
  warn: "gold",
  info: "default",
};

export const problemStates: readonly ProblemState[] = [
  "待确认",
  "待整改",
  "整改中",
  "已整改待复查",
  "复查未通过",
  "已关闭",
  "已忽略",
];

export const problemStateColors: Record<ProblemState, string> = {
  待确认: "default",
  待整改: "orange",
  整改中: "processing",
  已整改待复查: "cyan",
  复查未通过: "red",
  已关闭: "green",
  已忽略: "default",
};

export const errorReportStates: readonly ErrorReportState[] = ["待处理", "处理中", "已办结", "不予受理"];

export const errorReportStateColors: Record<ErrorReportState, string> = {
  待处理: "orange",
  处理中: "processing",
  已办结: "green",
  不予受理: "default",
};

export const siteKindNames = { portal: "门户", department: "部门" } as const;

export const confidenceNames = { confirmed: "确认", suspected: "疑似", inconclusive: "待人工判断" } as const;

export const columnVerdictNames = {
  fresh: "更新及时",
  stale: "未及时更新",
  blank: "空白栏目",
  unknown: "无法判断",
  exempt: "不考核",
} as const;

export const columnVerdictColors = {
  fresh: "green",
  stale: "red",
  blank: "volcano",
  unknown: "default",
  exempt: "default",
} as const;

/** 0.756 → "75.6%"; nothing known → "—". */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  return `${(rate * 100).toFixed(1).replace(/\.0$/, "")}%`;
}

/** An ISO instant as Beijing time, "2026-11-23 18:02". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }).replace(/\//g, "-");
}

/** Today's Beijing calendar day, to tell overdue due dates. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
