import type { ProblemState, Role } from "./types.ts";

/**
 * What each role may do, as docs/api.md grants it. The server enforces all of it; the UI only hides
 * what would be refused.
 */
export function canEditRegistry(role: Role): boolean {
  return role === "admin" || role === "inspector";
}

export const canStartInspection = canEditRegistry;

export function canReplyErrorReports(role: Role): boolean {
  return role !== "readonly";
}

export interface ProblemAction {
  to: ProblemState;
  label: string;
  /** A dismissal must say why. */
  needsReason: boolean;
  testId: string;
}

const confirm: ProblemAction = { to: "待整改", label: "确认", needsReason: false, testId: "confirm" };
const dismiss: ProblemAction = { to: "已忽略", label: "忽略", needsReason: true, testId: "dismiss" };
const restore: ProblemAction = { to: "待确认", label: "恢复", needsReason: false, testId: "restore" };
const start: ProblemAction = { to: "整改中", label: "开始整改", needsReason: false, testId: "start" };
const fixed: ProblemAction = { to: "已整改待复查", label: "标记已整改", needsReason: false, testId: "fixed" };

/** The transitions `role` may make from `state` ("Who may move a problem" in docs/api.md). */
export function problemActions(role: Role, state: ProblemState): ProblemAction[] {
  const actions: ProblemAction[] = [];
  const reviews = role === "admin" || role === "inspector";
  const rectifies = role === "admin" || role === "owner";
  if (reviews && state === "待确认") actions.push(confirm);
  if (rectifies && state === "待整改") actions.push(start);
  if (rectifies && (state === "待整改" || state === "整改中" || state === "复查未通过")) actions.push(fixed);
  if (reviews && (state === "待确认" || state === "待整改")) actions.push(dismiss);
  if (reviews && state === "已忽略") actions.push(restore);
  return actions;
}

/** The bulk actions offered to `role` on the problem list. */
export function bulkActions(role: Role): ProblemAction[] {
  const reviews = role === "admin" || role === "inspector";
  const rectifies = role === "admin" || role === "owner";
  return [...(reviews ? [confirm, dismiss] : []), ...(rectifies ? [fixed] : [])];
}
