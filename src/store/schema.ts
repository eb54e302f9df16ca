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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("accounts_platform_name_key").on(t.platform, t.name)],
);

export const inspections = pgTable("inspections", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
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
