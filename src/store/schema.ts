/**
 * The database schema (DESIGN.md, src/store/): one Drizzle pg-core schema for PGlite and PostgreSQL.
 * Kept to PostgreSQL 15 features (PGlite runs a newer server). Every timestamp carries its time zone;
 * enum labels are the Chinese words people see, so reports and filters need no translation table.
 *
 * Findings are kept per inspection (history: what each inspection saw, as evidence for its verdict);
 * problems hold the latest state per (site, fingerprint), which is what people work on.
 */
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import type { Finding } from "../core/finding.ts";
import type { SiteResult } from "../rules/result.ts";

export const siteKind = pgEnum("site_kind", ["portal", "department"]);
export const siteStatus = pgEnum("site_status", ["运行", "关停", "上移"]);
export const inspectionStatus = pgEnum("inspection_status", ["进行中", "已完成", "失败"]);
/** 监测: a scheduled crawl of one site; 定期: a period's inspection from stored data; 复查: a re-check. */
export const inspectionKind = pgEnum("inspection_kind", ["定期", "监测", "复查"]);
export type InspectionKind = (typeof inspectionKind.enumValues)[number];
export const userRole = pgEnum("user_role", ["admin", "inspector", "owner", "readonly"]);
export const errorReportState = pgEnum("error_report_state", ["待处理", "处理中", "已办结", "不予受理"]);
export const alertChannelKind = pgEnum("alert_channel_kind", ["email", "wecom", "dingtalk"]);
export const verdict = pgEnum("verdict", ["pass", "fail"]);
export const severity = pgEnum("severity", ["veto", "deduct", "warn", "info"]);
export const confidence = pgEnum("confidence", ["confirmed", "suspected", "inconclusive"]);
export const problemState = pgEnum("problem_state", [
  "待确认",
  "待整改",
  "整改中",
  "已整改待复查",
  "已关闭",
  "复查未通过",
  "已忽略",
]);

export type ProblemState = (typeof problemState.enumValues)[number];

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** The registry of supervised websites (issue 7, item 2). */
export const sites = pgTable(
  "sites",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** 名称 */
    name: text("name").notNull(),
    /** 首页地址, normalised (URL.href), the natural key an inspection report is matched by. */
    homepage: text("homepage").notNull(),
    /** 网站标识码 */
    siteIdCode: text("site_id_code"),
    /** 主办单位 */
    organizer: text("organizer"),
    /** 主管单位 */
    supervisor: text("supervisor"),
    /** 级别: 省级, 市级, 县级… as the office writes it. */
    level: text("level"),
    kind: siteKind("kind").notNull().default("portal"),
    /** 行政区划 code (GB/T 2260, six digits). */
    division: text("division"),
    status: siteStatus("status").notNull().default("运行"),
    parentId: integer("parent_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sites_homepage_key").on(t.homepage),
    // A parent's deletion detaches its departments instead of deleting them or failing.
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete("set null"),
  ],
);

/** 政务新媒体 accounts (微博, 微信公众号, 抖音…). */
export const accounts = pgTable(
  "accounts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** 平台 */
    platform: text("platform").notNull(),
    /** 名称 */
    name: text("name").notNull(),
    /** 主办单位 */
    organizer: text("organizer"),
    /** 链接 */
    url: text("url"),
    /** The website the account belongs to, if any (its 主办单位 sees it). */
    siteId: integer("site_id").references((): AnyPgColumn => sites.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("accounts_platform_name_key").on(t.platform, t.name)],
);

export const inspections = pgTable("inspections", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  kind: inspectionKind("kind").notNull().default("定期"),
  /** e.g. "2026年第四季度" */
  period: text("period").notNull(),
  asOf: timestamp("as_of", { withTimezone: true }).notNull(),
  ruleSetId: text("rule_set_id"),
  ruleSetVersion: text("rule_set_version"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  status: inspectionStatus("status").notNull().default("进行中"),
});

export const siteResults = pgTable(
  "site_results",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    inspectionId: integer("inspection_id")
      .notNull()
      .references(() => inspections.id, { onDelete: "cascade" }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    reachable: boolean("reachable").notNull(),
    /** null when the report carries no scoring (inspected without a rule set). */
    verdict: verdict("verdict"),
    score: doublePrecision("score"),
    result: jsonb("result").$type<SiteResult>(),
  },
  (t) => [uniqueIndex("site_results_inspection_site_key").on(t.inspectionId, t.siteId)],
);

/** What aggregates findings: one row per (site, fingerprint), with the workflow state. */
export const problems = pgTable(
  "problems",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    /** The latest finding's facts, so lists need no join to findings. */
    check: text("check").notNull(),
    severity: severity("severity").notNull(),
    url: text("url").notNull(),
    message: text("message").notNull(),
    state: problemState("state").notNull().default("待确认"),
    ignoreReason: text("ignore_reason"),
    dueDate: date("due_date", { mode: "string" }),
    /** 责任单位: by default the site's 主办单位. */
    ownerUnit: text("owner_unit"),
    assignee: text("assignee"),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull(),
    lastInspectionId: integer("last_inspection_id").references((): AnyPgColumn => inspections.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("problems_site_fingerprint_key").on(t.siteId, t.fingerprint),
    index("problems_state_idx").on(t.state),
  ],
);

/** Every finding of every inspection, as the report stated it. */
export const findings = pgTable(
  "findings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    inspectionId: integer("inspection_id")
      .notNull()
      .references(() => inspections.id, { onDelete: "cascade" }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    check: text("check").notNull(),
    indicator: text("indicator"),
    severity: severity("severity").notNull(),
    confidence: confidence("confidence").notNull(),
    url: text("url").notNull(),
    locator: text("locator").notNull(),
    message: text("message").notNull(),
    evidence: jsonb("evidence").$type<Finding["evidence"]>().notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("findings_inspection_site_fingerprint_key").on(t.inspectionId, t.siteId, t.fingerprint),
    index("findings_problem_idx").on(t.problemId),
  ],
);

/** Who changed what and when; rows are only ever added. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** A user name, or "system" for changes an inspection made. */
    actor: text("actor").notNull(),
    /** e.g. "problem.transition" */
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: integer("entity_id").notNull(),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId)],
);

/** People who sign in (issue 7, item 5). An owner acts for one 主办单位: the sites whose organizer it is. */
export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    /** scrypt, in the self-describing form src/server/password.ts writes. */
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    /** 主办单位 of an owner; null for the other roles. */
    unit: text("unit"),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_username_key").on(t.username)],
);

/** Signed-in sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Homepage probes of monitored sites (INDICATORS.md V2), one row per probe. */
export const probes = pgTable(
  "probes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    ok: boolean("ok").notNull(),
    status: integer("status"),
    totalMs: doublePrecision("total_ms"),
    errorCode: text("error_code"),
    /** The whole ProbeRecord (src/fetch/probe.ts). */
    record: jsonb("record").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("probes_site_at_idx").on(t.siteId, t.at)],
);

/** Crawls of one site by the monitoring jobs, with the site's report once finished. */
export const siteCrawls = pgTable(
  "site_crawls",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    inspectionId: integer("inspection_id").references((): AnyPgColumn => inspections.id, {
      onDelete: "set null",
    }),
    status: inspectionStatus("status").notNull().default("进行中"),
    /** The crawl's time point. */
    asOf: timestamp("as_of", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** The SiteReport (src/report/schema.ts) of a finished crawl. */
    report: jsonb("report").$type<Record<string, unknown>>(),
    error: text("error"),
  },
  (t) => [index("site_crawls_site_finished_idx").on(t.siteId, t.finishedAt)],
);

/** 我为政府网站找错: citizens' error reports (issue 7, item 7). */
export const errorReports = pgTable(
  "error_reports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer("site_id").references((): AnyPgColumn => sites.id, { onDelete: "set null" }),
    /** The page the citizen reports; stored as given, never fetched from internal address ranges. */
    pageUrl: text("page_url"),
    /** 错别字, 链接错误, 内容过期… */
    category: text("category").notNull(),
    description: text("description").notNull(),
    contactName: text("contact_name"),
    contact: text("contact"),
    /** A keyed hash of the sender's address: enough to rate-limit and spot abuse, not to identify. */
    senderHash: text("sender_hash").notNull(),
    state: errorReportState("state").notNull().default("待处理"),
    reply: text("reply"),
    /** Reply deadline: 3 working days from receipt. */
    dueDate: date("due_date", { mode: "string" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
  },
  (t) => [index("error_reports_site_idx").on(t.siteId), index("error_reports_state_idx").on(t.state)],
);

/** Where alerts go (issue 7, item 8). */
export const alertChannels = pgTable("alert_channels", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull(),
  kind: alertChannelKind("kind").notNull(),
  /** An e-mail address, or the webhook URL of 企业微信 or 钉钉. */
  target: text("target").notNull(),
  /** 钉钉's signing secret (加签), when the robot uses one. */
  secret: text("secret"),
  /** Which alerts: "veto", "severe", "digest". */
  events: text("events").array().notNull(),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: createdAt(),
});

/** Alerts sent, so a retried job never sends one twice. */
export const alertsSent = pgTable(
  "alerts_sent",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    channelId: integer("channel_id")
      .notNull()
      .references(() => alertChannels.id, { onDelete: "cascade" }),
    /** What the alert was about, e.g. "veto:12:fp…" or "digest:2026-11-23". */
    key: text("key").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    ok: boolean("ok").notNull(),
    error: text("error"),
  },
  (t) => [uniqueIndex("alerts_sent_channel_key").on(t.channelId, t.key)],
);

/**
 * What each site's latest monitoring crawl remembers for the next (incremental crawls): per page or
 * attachment its text hash and text findings, per link target its last healthy check and when.
 * Replaced whole with each finished crawl, in the transaction that records it.
 */
export const pageCache = pgTable(
  "page_cache",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** Hash of the text the checks read; null for a URL only link-checked. */
    contentHash: text("content_hash"),
    /** The text checks' results (src/inspect/pageContent.ts TextMemory, without the hash). */
    textFindings: jsonb("text_findings").$type<Record<string, unknown>>(),
    /** The link check (src/crawl/linkTable.ts LinkProbe) of a healthy target. */
    linkCheck: jsonb("link_check").$type<Record<string, unknown>>(),
    linkCheckedAt: timestamp("link_checked_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.url] })],
);
