import type { Confidence, Severity } from "../core/finding.ts";

/** What a text check can find; each maps to one check id in the catalogue (content.<kind>). */
export type TextIssueKind = "severe-typo" | "typo" | "english-spelling" | "sensitive" | "privacy";

/**
 * One problem found in a piece of text, located by UTF-16 offsets into the text that was checked.
 * The same shape serves crawled pages (checks turn it into findings) and drafts (`check-text`).
 */
export interface TextIssue {
  kind: TextIssueKind;
  start: number;
  end: number;
  /** The text as written; for privacy issues the value masked (610902********1234). */
  found: string;
  /** The likely correct form, when there is one. */
  suggestion?: string;
  /** A finer class: gambling, porn…; id-number, mobile, bank-card; leader-name, leader-title… */
  category?: string;
  severity: Severity;
  confidence: Confidence;
  /** Chinese one-line statement for people. */
  message: string;
}
