/** The shapes of docs/api.md as the UI reads them; fields the UI does not use are left out. */

export type Role = "admin" | "inspector" | "owner" | "readonly";

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  disabled?: boolean;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export type Severity = "veto" | "deduct" | "warn" | "info";
export type ProblemState =
  "待确认" | "待整改" | "整改中" | "已整改待复查" | "复查未通过" | "已关闭" | "已忽略";

export interface Dashboard {
  sites: { total: number; running: number; portal: number; department: number };
  latestInspection: {
    id: number;
    period: string;
    kind: string;
    finishedAt: string | null;
    passed: number;
    failed: number;
    passRate: number;
  } | null;
  problems: {
    open: number;
    overdue: number;
    byState: Partial<Record<string, number>>;
    byIndicator: { indicator: string; label: string; count: number }[];
    bySeverity: Partial<Record<string, number>>;
  };
  trend: {
    inspectionId: number;
    period: string;
    finishedAt: string | null;
    passRate: number;
    problems: number;
  }[];
  availability: {
    siteId: number;
    name: string;
    probes: number;
    ok: number;
    rate: number;
    avgMs: number | null;
  }[];
  errorReports: { total: number; done: number; overdue: number; doneRate: number; onTimeRate: number };
}

export interface Site {
  id: number;
  name: string;
  homepage: string;
  siteIdCode: string | null;
  organizer: string | null;
  supervisor: string | null;
  level: string | null;
  kind: "portal" | "department";
  division: string | null;
  status: "运行" | "关停" | "上移";
  parentId: number | null;
}

export interface LatestResult {
  inspectionId: number;
  verdict: "pass" | "fail";
  score: number | null;
  reachable: boolean;
}

export interface SiteRow extends Site {
  latest: LatestResult | null;
  openProblems: number;
}

export interface Probe {
  at: string;
  ok: boolean;
  status: number | null;
  totalMs: number | null;
  errorCode: string | null;
}

export interface ColumnItem {
  title: string;
  url: string;
  date: string | null;
}

/** ColumnReport of src/report/schema.ts. */
export interface ColumnReport {
  name: string;
  url: string;
  level: 1 | 2;
  parentName: string | null;
  type: string;
  state: "read" | "broken" | "not-read";
  status?: number;
  error?: string;
  items: number;
  datedItems: number;
  newest: ColumnItem | null;
  futureItems: number;
  placeholder: string | null;
  layout: "list" | "page" | "hub";
  ignored?: boolean;
  verdict: "fresh" | "stale" | "blank" | "unknown" | "exempt";
  reason: string;
  key: boolean;
  since: string | null;
}

export interface Finding {
  /** Stored findings (a problem's history) have an id; a crawl report's do not. */
  id?: number;
  fingerprint: string;
  check: string;
  indicator: string | null;
  severity: Severity;
  confidence: "confirmed" | "suspected" | "inconclusive";
  url: string;
  locator: string;
  message: string;
  evidence: Record<string, unknown>;
  lastSeen?: string;
}

export interface Problem {
  id: number;
  siteId: number;
  fingerprint: string;
  check: string;
  severity: Severity;
  url: string;
  message: string;
  state: ProblemState;
  ignoreReason: string | null;
  dueDate: string | null;
  ownerUnit: string | null;
  assignee: string | null;
  firstSeen: string;
  lastSeen: string;
  siteName?: string;
}

export interface SiteDetail {
  site: Site;
  latest: LatestResult | null;
  probes: Probe[];
  columns: ColumnReport[];
  findings: Finding[];
  problems: Problem[];
}

export interface AuditEntry {
  actor: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

export interface ProblemDetail {
  problem: Problem;
  siteName: string;
  findings: Finding[];
  audit: AuditEntry[];
}

export interface BulkResult {
  updated: number[];
  failed: { id: number; error: string }[];
}

export interface Inspection {
  id: number;
  kind: string;
  period: string;
  asOf: string;
  status: string;
  finishedAt: string | null;
  sites: number;
  passed: number;
  failed: number;
}

export interface InspectionDetail {
  inspection: Inspection;
  results: {
    siteId: number;
    siteName: string;
    reachable: boolean;
    verdict: "pass" | "fail" | null;
    score: number | null;
    result: { reasons?: string[] } | null;
  }[];
}

export interface Account {
  id: number;
  platform: string;
  name: string;
  organizer: string | null;
  url: string | null;
  siteId: number | null;
}

export interface ImportReport {
  created: number;
  updated: number;
  errors: { row: number; field: string; message: string }[];
  /** Columns of the file that were not read (unknown or repeated headers). */
  warnings?: string[];
}

export type ErrorReportState = "待处理" | "处理中" | "已办结" | "不予受理";

export interface ErrorReport {
  id: number;
  siteId: number | null;
  siteName?: string | null;
  pageUrl: string | null;
  category: string;
  description: string;
  contactName: string | null;
  contact: string | null;
  state: ErrorReportState;
  reply: string | null;
  dueDate: string | null;
  receivedAt: string;
  repliedAt: string | null;
}

export interface ErrorReportStats {
  total: number;
  byState: Partial<Record<string, number>>;
  done: number;
  doneRate: number;
  onTime: number;
  onTimeRate: number;
  overdue: number;
}

export interface PublicSite {
  id: number;
  name: string;
  homepage: string;
}

export type AlertEvent = "veto" | "severe" | "digest";

export interface AlertChannel {
  id: number;
  name: string;
  kind: "email" | "wecom" | "dingtalk";
  target: string;
  secret?: string | null;
  events: AlertEvent[];
  enabled?: boolean;
}
