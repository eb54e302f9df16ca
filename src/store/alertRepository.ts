/**
 * Alert channels and the record of alerts sent (issue 7, item 8), plus the queries the alert jobs
 * read: which problems an inspection newly opened or reopened, and the facts of the daily digest.
 *
 * Sending at most once: before sending, a job claims (channel, key) in alerts_sent. A claim succeeds
 * when the key was never claimed, when its last attempt failed (error set), or when an attempt was
 * left unfinished long enough ago that its sender must have died. A delivered alert (ok) is never
 * claimed again, so a retried job skips what already went out and retries only what failed.
 */
import { and, arrayOverlaps, asc, eq, gte, inArray, lt, notInArray, or, sql } from "drizzle-orm";
import { addDays } from "../core/chinaDate.ts";
import type { Db } from "./open.ts";
import { overdueProblems } from "./problemRepository.ts";
import { alertChannels, alertsSent, problems, sites, type ProblemState } from "./schema.ts";

export type AlertChannel = typeof alertChannels.$inferSelect;
export type AlertChannelKind = AlertChannel["kind"];

export const alertEvents = ["veto", "severe", "digest"] as const;
export type AlertEvent = (typeof alertEvents)[number];
const alertChannelKinds: readonly AlertChannelKind[] = ["email", "wecom", "dingtalk"];

/** An attempt older than this that never finished is taken to have died with its process. */
export const staleClaimMs = 10 * 60_000;

export class AlertChannelInputError extends Error {
  override name = "AlertChannelInputError";
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface AlertChannelInput {
  name: string;
  kind: AlertChannelKind;
  target: string;
  secret?: string | null;
  events: string[];
}

export async function listAlertChannels(db: Db): Promise<AlertChannel[]> {
  return db.select().from(alertChannels).orderBy(asc(alertChannels.id));
}

export async function getAlertChannel(db: Db, id: number): Promise<AlertChannel | undefined> {
  const [channel] = await db.select().from(alertChannels).where(eq(alertChannels.id, id));
  return channel;
}

export async function createAlertChannel(db: Db, input: AlertChannelInput): Promise<AlertChannel> {
  const name = input.name?.trim() ?? "";
  if (name === "" || name.length > 100)
    throw new AlertChannelInputError("name", "invalid", "名称须为 1–100 个字");
  if (!alertChannelKinds.includes(input.kind))
    throw new AlertChannelInputError("kind", "invalid", "类型须为 email、wecom 或 dingtalk");
  const target = input.target?.trim() ?? "";
  if (input.kind === "email" ? !isEmailAddress(target) : !isWebhookUrl(target))
    throw new AlertChannelInputError(
      "target",
      "invalid",
      input.kind === "email" ? "请填写有效的电子邮件地址" : "请填写机器人的 http(s) Webhook 地址",
    );
  const secret = input.secret?.trim() || null;
  if (secret !== null && secret.length > 200)
    throw new AlertChannelInputError("secret", "invalid", "密钥过长");
  const events = [...new Set(input.events ?? [])];
  if (events.length === 0 || !events.every((event) => (alertEvents as readonly string[]).includes(event)))
    throw new AlertChannelInputError("events", "invalid", "订阅事件须为 veto、severe、digest 中的一个或多个");
  const [channel] = await db
    .insert(alertChannels)
    .values({ name, kind: input.kind, target, secret, events })
    .returning();
  return channel!;
}

export async function deleteAlertChannel(db: Db, id: number): Promise<boolean> {
  const deleted = await db
    .delete(alertChannels)
    .where(eq(alertChannels.id, id))
    .returning({ id: alertChannels.id });
  return deleted.length > 0;
}

/** Enabled channels subscribed to any of `events`. */
export async function channelsFor(db: Db, events: AlertEvent[]): Promise<AlertChannel[]> {
  return db
    .select()
    .from(alertChannels)
    .where(and(eq(alertChannels.enabled, true), arrayOverlaps(alertChannels.events, events)))
    .orderBy(asc(alertChannels.id));
}

/** Claims the keys not yet sent to the channel (see the module comment); returns the claimed ones. */
export async function claimAlerts(
  db: Db,
  channelId: number,
  keys: string[],
  at = new Date(),
): Promise<string[]> {
  if (keys.length === 0) return [];
  const claimed = await db
    .insert(alertsSent)
    .values(keys.map((key) => ({ channelId, key, sentAt: at, ok: false, error: null })))
    .onConflictDoUpdate({
      target: [alertsSent.channelId, alertsSent.key],
      set: { sentAt: at, error: null },
      setWhere: and(
        eq(alertsSent.ok, false),
        or(
          sql`${alertsSent.error} is not null`,
          lt(alertsSent.sentAt, new Date(at.getTime() - staleClaimMs)),
        ),
      ),
    })
    .returning({ key: alertsSent.key });
  return claimed.map((row) => row.key);
}

/** Records how the attempt on claimed keys ended: delivered, or failed with a reason (retryable). */
export async function finishAlerts(
  db: Db,
  channelId: number,
  keys: string[],
  outcome: { ok: true } | { ok: false; error: string },
  at = new Date(),
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(alertsSent)
    .set({ ok: outcome.ok, error: outcome.ok ? null : outcome.error, sentAt: at })
    .where(and(eq(alertsSent.channelId, channelId), inArray(alertsSent.key, keys)));
}

export async function alertsSentTo(db: Db, channelId: number) {
  return db.select().from(alertsSent).where(eq(alertsSent.channelId, channelId)).orderBy(asc(alertsSent.id));
}

export interface AlertProblem {
  id: number;
  siteId: number;
  siteName: string | null;
  check: string;
  severity: string;
  state: ProblemState;
  url: string;
  message: string;
  /** True when the inspection saw a closed or fixed problem again, false when it is new. */
  reopened: boolean;
}

/**
 * Problems the inspection opened (no finding of theirs in any other inspection) or reopened (the
 * inspection's own audit row, written by recordInspection), that are vetoes or of one of `checks`.
 */
export async function problemsOpenedBy(
  db: Db,
  inspectionId: number,
  checks: readonly string[],
): Promise<AlertProblem[]> {
  const reopenedBy = sql`exists (select 1 from audit_log a
      where a.entity = 'problem' and a.entity_id = ${problems.id} and a.action = 'problem.transition'
        and a.actor = 'system' and a.after->>'state' = '复查未通过'
        and a.after->>'reason' = ${`检查 ${inspectionId} 再次发现`})`;
  const seenBefore = sql`exists (select 1 from findings f
      where f.problem_id = ${problems.id} and f.inspection_id <> ${inspectionId})`;
  const rows = await db
    .select({
      id: problems.id,
      siteId: problems.siteId,
      siteName: sites.name,
      check: problems.check,
      severity: problems.severity,
      state: problems.state,
      url: problems.url,
      message: problems.message,
      reopened: sql<boolean>`${reopenedBy}`,
    })
    .from(problems)
    .leftJoin(sites, eq(sites.id, problems.siteId))
    .where(
      and(
        eq(problems.lastInspectionId, inspectionId),
        notInArray(problems.state, ["已忽略"]),
        checks.length === 0
          ? eq(problems.severity, "veto")
          : or(eq(problems.severity, "veto"), inArray(problems.check, [...checks])),
        or(sql`not ${seenBefore}`, reopenedBy),
      ),
    )
    .orderBy(asc(problems.siteId), asc(problems.id));
  return rows;
}

/** Problems still open (not closed, not dismissed). */
const unresolvedStates: readonly ProblemState[] = [
  "待确认",
  "待整改",
  "整改中",
  "已整改待复查",
  "复查未通过",
];

export interface DigestFacts {
  openByState: Partial<Record<ProblemState, number>>;
  overdue: { id: number; siteName: string | null; message: string; dueDate: string | null }[];
  /** Problems first seen on the day. */
  newProblems: { total: number; bySeverity: Record<string, number> };
}

/** The problem side of the daily digest of China calendar day `day` ("YYYY-MM-DD"). */
export async function digestFacts(db: Db, day: string): Promise<DigestFacts> {
  const byState = await db
    .select({ state: problems.state, count: sql<number>`count(*)::int` })
    .from(problems)
    .where(inArray(problems.state, [...unresolvedStates]))
    .groupBy(problems.state)
    .orderBy(problems.state);
  const start = chinaMidnight(day);
  const bySeverity = await db
    .select({ severity: problems.severity, count: sql<number>`count(*)::int` })
    .from(problems)
    .where(and(gte(problems.firstSeen, start), lt(problems.firstSeen, chinaMidnight(addDays(day, 1)))))
    .groupBy(problems.severity)
    .orderBy(problems.severity);
  const names = new Map(
    (await db.select({ id: sites.id, name: sites.name }).from(sites)).map((site) => [site.id, site.name]),
  );
  // As overdueProblems counts: due dates before the day.
  const overdue = await overdueProblems(db, start);
  return {
    openByState: Object.fromEntries(byState.map((row) => [row.state, row.count])),
    overdue: overdue.map((p) => ({
      id: p.id,
      siteName: names.get(p.siteId) ?? null,
      message: p.message,
      dueDate: p.dueDate,
    })),
    newProblems: {
      total: bySeverity.reduce((sum, row) => sum + row.count, 0),
      bySeverity: Object.fromEntries(bySeverity.map((row) => [row.severity, row.count])),
    },
  };
}

/** 00:00 of a China calendar day. */
export function chinaMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(text);
}

function isWebhookUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && text.length <= 2000;
  } catch {
    return false;
  }
}
