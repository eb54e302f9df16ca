/**
 * Problems (issue 7, item 4): findings aggregated by fingerprint per site, and the workflow they go
 * through. Every state change is checked against the state machine and leaves an audit_log row.
 */
import { and, asc, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { chinaDay } from "../core/chinaDate.ts";
import type { Severity } from "../core/finding.ts";
import { addWorkingDays, CalendarYearMissingError } from "../core/workingDays.ts";
import { writeAudit, type AuditEntry } from "./audit.ts";
import type { Db } from "./open.ts";
import { auditLog, findings, problems, sites, type ProblemState } from "./schema.ts";

export type Problem = typeof problems.$inferSelect;

/**
 * Where a problem may go from each state. An inspector confirms (待整改) or dismisses (已忽略) a new
 * problem and may take a dismissal back; the owner works on it and marks it fixed; the re-check closes
 * it or fails it; an inspection that sees a closed problem again fails it too.
 */
export const allowedTransitions: Readonly<Record<ProblemState, readonly ProblemState[]>> = {
  待确认: ["待整改", "已忽略"],
  待整改: ["整改中", "已整改待复查", "已忽略"],
  整改中: ["已整改待复查"],
  已整改待复查: ["已关闭", "复查未通过"],
  复查未通过: ["整改中", "已整改待复查"],
  已关闭: ["复查未通过"],
  已忽略: ["待确认"],
};

/** States in which the owning unit has a rectification deadline to meet. */
export const openStates: readonly ProblemState[] = ["待整改", "整改中", "复查未通过"];

/**
 * Working days the owner has to rectify, counted from the day a problem is confirmed or fails its
 * re-check. No national deadline is known (INDICATORS.md §7); offices set their own, so it is an option.
 */
export const defaultRectifyWorkingDays = 10;

export interface DeadlineOptions {
  /** When the change happens (default now); the deadline counts from its China calendar day. */
  at?: Date;
  rectifyWorkingDays?: number;
}

/**
 * The due date of a problem entering `state` on `at`; null for states without a deadline, and also
 * when the working-day calendar lacks a year the count runs into (late December, before the State
 * Council's notice for the next year is added): a missing deadline is visible, a guessed one could
 * call a problem overdue that is not, and neither may stop the change or lose an inspection.
 */
export function dueDateFor(state: ProblemState, options: DeadlineOptions = {}): string | null | undefined {
  if (state === "待整改" || state === "复查未通过") {
    const days = options.rectifyWorkingDays ?? defaultRectifyWorkingDays;
    try {
      return addWorkingDays(chinaDay(options.at ?? new Date()), days);
    } catch (error) {
      if (error instanceof CalendarYearMissingError) return null;
      throw error;
    }
  }
  // Work in progress keeps its deadline; leaving the open states clears it.
  return openStates.includes(state) ? undefined : null;
}

/** Problems still open whose due date has passed at `asOf` (China calendar days). */
export async function overdueProblems(db: Db, asOf: Date, siteId?: number): Promise<Problem[]> {
  const conditions: SQL[] = [inArray(problems.state, [...openStates]), lt(problems.dueDate, chinaDay(asOf))];
  if (siteId !== undefined) conditions.push(eq(problems.siteId, siteId));
  return db
    .select()
    .from(problems)
    .where(and(...conditions))
    .orderBy(asc(problems.dueDate), asc(problems.id));
}

export interface ProblemFilter {
  siteId?: number;
  states?: ProblemState[];
  severities?: Severity[];
}

export async function listProblems(db: Db, filter: ProblemFilter = {}): Promise<Problem[]> {
  const conditions: SQL[] = [];
  if (filter.siteId !== undefined) conditions.push(eq(problems.siteId, filter.siteId));
  if (filter.states !== undefined) conditions.push(inArray(problems.state, filter.states));
  if (filter.severities !== undefined) conditions.push(inArray(problems.severity, filter.severities));
  return db
    .select()
    .from(problems)
    .where(and(...conditions))
    .orderBy(asc(problems.id));
}

export async function getProblem(db: Db, id: number): Promise<Problem | undefined> {
  const [problem] = await db.select().from(problems).where(eq(problems.id, id));
  return problem;
}

/**
 * Moves a problem to another state; a dismissal (已忽略) needs a reason. Confirming a problem or
 * failing its re-check sets a due date in working days (dueDateFor).
 */
export async function transitionProblem(
  db: Db,
  id: number,
  to: ProblemState,
  actor: string,
  reason?: string,
  deadline: DeadlineOptions = {},
): Promise<Problem> {
  if (to === "已忽略" && !reason?.trim()) throw new Error("忽略问题须填写理由");
  return db.transaction(async (tx) => {
    // FOR UPDATE: two people acting on one problem at once are serialised, not both applied.
    const [current] = await tx.select().from(problems).where(eq(problems.id, id)).for("update");
    if (current === undefined) throw new Error(`问题不存在：编号 ${id}`);
    if (!allowedTransitions[current.state].includes(to)) {
      const allowed = allowedTransitions[current.state].join("、");
      throw new Error(`问题 ${id} 当前为“${current.state}”，不能改为“${to}”（只能改为：${allowed}）`);
    }
    const dueDate = dueDateFor(to, deadline);
    const [updated] = await tx
      .update(problems)
      .set({
        state: to,
        ignoreReason: to === "已忽略" ? reason!.trim() : null,
        ...(dueDate === undefined ? {} : { dueDate }),
        updatedAt: new Date(),
      })
      .where(eq(problems.id, id))
      .returning();
    await writeAudit(tx, [stateChange(actor, id, current.state, to, reason)]);
    return updated!;
  });
}

/** The audit row of a state change, for people's transitions and an inspection's reopenings alike. */
export function stateChange(
  actor: string,
  problemId: number,
  from: ProblemState,
  to: ProblemState,
  reason?: string,
): AuditEntry {
  return {
    actor,
    action: "problem.transition",
    entity: "problem",
    entityId: problemId,
    before: { state: from },
    after: reason === undefined ? { state: to } : { state: to, reason },
  };
}

/** What the problem list is filtered by (docs/api.md, GET /api/problems); every field narrows it. */
export interface ProblemQuery {
  /** The caller's visible sites, already narrowed to any siteId asked for; undefined: all. */
  siteIds?: number[];
  states?: ProblemState[];
  severities?: Severity[];
  checks?: string[];
  /** Only open problems whose due date is before this China calendar day. */
  overdueBefore?: string;
}

export async function queryProblems(
  db: Db,
  query: ProblemQuery,
): Promise<(Problem & { siteName: string })[]> {
  const conditions: SQL[] = [];
  if (query.siteIds !== undefined) conditions.push(inArray(problems.siteId, query.siteIds));
  if (query.states !== undefined) conditions.push(inArray(problems.state, query.states));
  if (query.severities !== undefined) conditions.push(inArray(problems.severity, query.severities));
  if (query.checks !== undefined) conditions.push(inArray(problems.check, query.checks));
  if (query.overdueBefore !== undefined)
    conditions.push(inArray(problems.state, [...openStates]), lt(problems.dueDate, query.overdueBefore));
  const rows = await db
    .select({ problem: problems, siteName: sites.name })
    .from(problems)
    .innerJoin(sites, eq(sites.id, problems.siteId))
    .where(and(...conditions))
    .orderBy(asc(problems.id));
  return rows.map((row) => ({ ...row.problem, siteName: row.siteName }));
}

/** Every finding behind a problem, newest inspection first: its history as evidence. */
export async function problemFindings(db: Db, problemId: number): Promise<(typeof findings.$inferSelect)[]> {
  return db
    .select()
    .from(findings)
    .where(eq(findings.problemId, problemId))
    .orderBy(desc(findings.inspectionId), desc(findings.id));
}

/** The audit rows of a problem, oldest first. */
export async function problemAudit(
  db: Db,
  problemId: number,
): Promise<{ actor: string; action: string; before: unknown; after: unknown; at: Date }[]> {
  return db
    .select({
      actor: auditLog.actor,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      at: auditLog.at,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "problem"), eq(auditLog.entityId, problemId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}
