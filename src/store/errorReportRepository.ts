/**
 * 我为政府网站找错 (issue 7, item 7): error reports the public submits about a site, routed to the
 * site's 主办单位, answered within 3 working days, and counted for 办结率 and the on-time rate.
 *
 * The text is stored as the citizen wrote it, minus control characters; it is untrusted and always
 * shown escaped.
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { chinaDay } from "../core/chinaDate.ts";
import { addWorkingDays, CalendarYearMissingError } from "../core/workingDays.ts";
import { writeAudit } from "./audit.ts";
import type { Db } from "./open.ts";
import { errorReports, errorReportState, sites } from "./schema.ts";

export type ErrorReport = typeof errorReports.$inferSelect;
export type ErrorReportState = (typeof errorReportState.enumValues)[number];

/** The kinds of error the national 找错 platform and the 19号 indicators distinguish. */
export const errorReportCategories: readonly string[] = [
  "页面无法访问",
  "链接错误",
  "内容过期或不准确",
  "错别字",
  "互动回应差",
  "服务不实用",
  "信息泄露",
  "其他",
];

/** A reply is due within this many working days of receipt. */
export const replyWorkingDays = 3;

/** States that end a report: it counts as 办结 and needs a reply. */
export const finishedErrorReportStates: readonly ErrorReportState[] = ["已办结", "不予受理"];
const unfinishedStates: readonly ErrorReportState[] = ["待处理", "处理中"];

const limits = {
  descriptionMin: 5,
  description: 2000,
  contact: 100,
  contactName: 100,
  pageUrl: 2000,
  reply: 2000,
};
const duplicateWindowMs = 24 * 3600_000;

/** Bad input: `field` names the field, `code` is machine-readable, the message is for people. */
export class ErrorReportInputError extends Error {
  override name = "ErrorReportInputError";
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ErrorReportSubmission {
  siteId: number;
  pageUrl?: string | null;
  category: string;
  description: string;
  contactName?: string | null;
  contact?: string | null;
  senderHash: string;
}

export async function submitErrorReport(
  db: Db,
  input: ErrorReportSubmission,
  at = new Date(),
): Promise<ErrorReport> {
  const description = cleanText(input.description, true);
  const length = [...description].length;
  if (length < limits.descriptionMin)
    throw new ErrorReportInputError("description", "too_short", `问题描述至少 ${limits.descriptionMin} 个字`);
  if (length > limits.description)
    throw new ErrorReportInputError("description", "too_long", `问题描述不能超过 ${limits.description} 个字`);
  if (!errorReportCategories.includes(input.category))
    throw new ErrorReportInputError(
      "category",
      "unknown",
      `问题类型不正确，可选：${errorReportCategories.join("、")}`,
    );
  const contactName = optionalLine(input.contactName, "contactName", "联系人", limits.contactName);
  const contact = optionalLine(input.contact, "contact", "联系方式", limits.contact);
  const pageUrl = optionalLine(input.pageUrl, "pageUrl", "页面地址", limits.pageUrl);
  if (pageUrl !== null && !isHttpUrl(pageUrl))
    throw new ErrorReportInputError("pageUrl", "invalid", "页面地址须为 http:// 或 https:// 开头的网址");

  return db.transaction(async (tx) => {
    const [site] = await tx.select({ status: sites.status }).from(sites).where(eq(sites.id, input.siteId));
    if (site === undefined) throw new ErrorReportInputError("siteId", "not_found", "所选网站不存在");
    if (site.status !== "运行")
      throw new ErrorReportInputError("siteId", "not_running", `所选网站已${site.status}，不再受理找错`);
    // Serialises one sender's submissions, so a double click cannot slip two copies past the check.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`error_report:${input.senderHash}`}))`);
    const [repeat] = await tx
      .select({ id: errorReports.id })
      .from(errorReports)
      .where(
        and(
          eq(errorReports.senderHash, input.senderHash),
          eq(errorReports.description, description),
          gte(errorReports.receivedAt, new Date(at.getTime() - duplicateWindowMs)),
        ),
      )
      .limit(1);
    if (repeat !== undefined)
      throw new ErrorReportInputError(
        "description",
        "duplicate",
        "相同内容已于 24 小时内提交过，请勿重复提交",
      );
    const [report] = await tx
      .insert(errorReports)
      .values({
        siteId: input.siteId,
        pageUrl,
        category: input.category,
        description,
        contactName,
        contact,
        senderHash: input.senderHash,
        dueDate: replyDueDate(at),
        receivedAt: at,
      })
      .returning();
    return report!;
  });
}

/**
 * 3 working days from the China calendar day of receipt; null when the calendar lacks a year the
 * count runs into (see problemRepository.dueDateFor): a missing deadline is visible, a guessed one not.
 */
function replyDueDate(at: Date): string | null {
  try {
    return addWorkingDays(chinaDay(at), replyWorkingDays);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}

export interface ErrorReportFilter {
  /** The sites the caller may see; an empty list sees nothing. */
  siteIds?: number[];
  states?: ErrorReportState[];
}

export async function listErrorReports(
  db: Db,
  filter: ErrorReportFilter = {},
): Promise<(ErrorReport & { siteName: string | null })[]> {
  if (filter.siteIds?.length === 0 || filter.states?.length === 0) return [];
  const conditions: SQL[] = [];
  if (filter.siteIds !== undefined) conditions.push(inArray(errorReports.siteId, filter.siteIds));
  if (filter.states !== undefined) conditions.push(inArray(errorReports.state, filter.states));
  const rows = await db
    .select({ report: errorReports, siteName: sites.name })
    .from(errorReports)
    .leftJoin(sites, eq(sites.id, errorReports.siteId))
    .where(and(...conditions))
    .orderBy(desc(errorReports.receivedAt), desc(errorReports.id));
  return rows.map((row) => ({ ...row.report, siteName: row.siteName }));
}

export async function getErrorReport(db: Db, id: number): Promise<ErrorReport | undefined> {
  const [report] = await db.select().from(errorReports).where(eq(errorReports.id, id));
  return report;
}

/**
 * Records the handling of a report. A finished report (已办结, 不予受理) needs a reply, gets its
 * repliedAt and is final; 处理中 may carry an interim reply. Audited in the same transaction.
 */
export async function replyToErrorReport(
  db: Db,
  id: number,
  change: { state: ErrorReportState; reply: string },
  actor: string,
  at = new Date(),
): Promise<ErrorReport> {
  if (!errorReportState.enumValues.includes(change.state))
    throw new ErrorReportInputError(
      "state",
      "invalid",
      `状态不正确，可选：${errorReportState.enumValues.join("、")}`,
    );
  const reply = cleanText(change.reply ?? "", true);
  const finishing = finishedErrorReportStates.includes(change.state);
  if (finishing && reply === "")
    throw new ErrorReportInputError("reply", "required", `办结或不予受理须填写答复内容`);
  if ([...reply].length > limits.reply)
    throw new ErrorReportInputError("reply", "too_long", `答复内容不能超过 ${limits.reply} 个字`);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(errorReports).where(eq(errorReports.id, id)).for("update");
    if (current === undefined)
      throw new ErrorReportInputError("id", "not_found", `找错留言不存在：编号 ${id}`);
    if (finishedErrorReportStates.includes(current.state))
      throw new ErrorReportInputError("state", "conflict", `该留言已“${current.state}”，不能再更改`);
    if (change.state === "待处理")
      throw new ErrorReportInputError("state", "conflict", "已受理的留言不能改回“待处理”");
    const [updated] = await tx
      .update(errorReports)
      .set({
        state: change.state,
        reply: reply === "" ? current.reply : reply,
        ...(finishing ? { repliedAt: at } : {}),
      })
      .where(eq(errorReports.id, id))
      .returning();
    await writeAudit(tx, [
      {
        actor,
        action: "error_report.reply",
        entity: "error_report",
        entityId: id,
        before: { state: current.state, reply: current.reply },
        after: { state: updated!.state, reply: updated!.reply },
        at,
      },
    ]);
    return updated!;
  });
}

export interface ErrorReportStats {
  total: number;
  byState: Record<string, number>;
  /** 已办结 and 不予受理: the report was dealt with and answered. */
  done: number;
  /** 办结率: done / total; null without reports. */
  doneRate: number | null;
  /** Done with the reply on or before the due date (China calendar days). */
  onTime: number;
  onTimeRate: number | null;
  /** Not done and past the due date at asOf. */
  overdue: number;
}

export async function errorReportStats(
  db: Db,
  filter: { siteIds?: number[] },
  asOf: Date,
): Promise<ErrorReportStats> {
  const stats: ErrorReportStats = {
    total: 0,
    byState: {},
    done: 0,
    doneRate: null,
    onTime: 0,
    onTimeRate: null,
    overdue: 0,
  };
  if (filter.siteIds?.length === 0) return stats;
  // The China day of an instant, in SQL without relying on the server's time zone database.
  const repliedDay = sql`((${errorReports.repliedAt} at time zone 'UTC') + interval '8 hours')::date`;
  const rows = await db
    .select({
      state: errorReports.state,
      count: sql<number>`count(*)::int`,
      onTime: sql<number>`(count(*) filter (where ${repliedDay} <= ${errorReports.dueDate}))::int`,
      overdue: sql<number>`(count(*) filter (where ${errorReports.dueDate} < ${chinaDay(asOf)}))::int`,
    })
    .from(errorReports)
    .where(filter.siteIds === undefined ? undefined : inArray(errorReports.siteId, filter.siteIds))
    .groupBy(errorReports.state);
  for (const row of rows) {
    stats.total += row.count;
    stats.byState[row.state] = row.count;
    if (finishedErrorReportStates.includes(row.state)) {
      stats.done += row.count;
      stats.onTime += row.onTime;
    } else stats.overdue += row.overdue;
  }
  stats.doneRate = stats.total === 0 ? null : stats.done / stats.total;
  stats.onTimeRate = stats.done === 0 ? null : stats.onTime / stats.done;
  return stats;
}

/** Unfinished reports past their due date at `asOf`, oldest deadline first, with the site's name. */
export async function overdueErrorReports(
  db: Db,
  asOf: Date,
): Promise<(ErrorReport & { siteName: string | null })[]> {
  const rows = await db
    .select({ report: errorReports, siteName: sites.name })
    .from(errorReports)
    .leftJoin(sites, eq(sites.id, errorReports.siteId))
    .where(and(inArray(errorReports.state, [...unfinishedStates]), lt(errorReports.dueDate, chinaDay(asOf))))
    .orderBy(errorReports.dueDate, errorReports.id);
  return rows.map((row) => ({ ...row.report, siteName: row.siteName }));
}

/**
 * Control characters (C0 but tab and line feeds, DEL, C1) and bidirectional overrides, which can make
 * displayed text read differently from what is stored, are removed; line ends become "\n".
 */
function cleanText(text: string, multiline: boolean): string {
  const normalised = text.replace(/\r\n?/g, "\n");
  const stripped = multiline
    ? normalised.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
    : normalised.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
  return stripped.trim();
}

function optionalLine(
  value: string | null | undefined,
  field: string,
  label: string,
  max: number,
): string | null {
  const cleaned = cleanText(value ?? "", false);
  if ([...cleaned].length > max)
    throw new ErrorReportInputError(field, "too_long", `${label}不能超过 ${max} 个字`);
  return cleaned === "" ? null : cleaned;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
