/**
 * The Finding contract (DESIGN.md, "Contracts that must stay stable"). Every check emits these;
 * reports, scoring and the problem workflow consume them.
 */
export type Severity = "veto" | "deduct" | "warn" | "info";
export type Confidence = "confirmed" | "suspected" | "inconclusive";

export interface Finding {
  /** Stable check id from the catalogue, e.g. "link.broken". */
  check: string;
  /** Indicator the check belongs to, e.g. "15号/网站可用性/链接可用性". */
  indicator?: string;
  /** Site key: the inspected site's origin, e.g. "http://www.example.gov.cn". */
  site: string;
  /** The URL the problem is about (for links: the broken target). */
  url: string;
  /** Where it is: an element path, an attribute, or a text offset. */
  locator: string;
  /** Chinese one-line statement of the problem, for people. */
  message: string;
  evidence: Record<string, unknown>;
  severity: Severity;
  confidence: Confidence;
  fingerprint: string;
  firstSeen: string;
  lastSeen: string;
}

/** What a check produces before the pipeline stamps fingerprint and times on it. */
export type FindingDraft = Omit<Finding, "fingerprint" | "firstSeen" | "lastSeen"> & {
  /** Evidence fields that identify the problem (default: none, i.e. check + url + locator). */
  identity?: string[];
};
