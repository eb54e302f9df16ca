/** Chinese names of the finding enums, shared by the terminal summary and the Word and Excel problem lists. */
import type { Confidence, Severity } from "../core/finding.ts";

export const severityLabel: Record<Severity, string> = {
  veto: "否决",
  deduct: "扣分",
  warn: "警告",
  info: "提示",
};

export const confidenceLabel: Record<Confidence, string> = {
  confirmed: "确定",
  suspected: "疑似",
  inconclusive: "待定",
};

/** Headings of the problem groups, in the order the lists show them. */
export const groupTitle: Record<Severity, string> = {
  veto: "单项否决问题",
  deduct: "扣分问题",
  warn: "预警与提醒",
  info: "提示信息",
};
