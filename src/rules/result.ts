/**
 * What scoring a site against a rule set produces (issue 6): the verdict, the score and every reason
 * behind them, each traceable to the findings (by fingerprint) that caused it. The engine
 * (src/rules/engine.ts) writes it; the report, the terminal summary and the Word/Excel exports read it.
 */
import type { Confidence, Severity } from "../core/finding.ts";

export type SiteKind = "portal" | "department" | "new-media";

export interface RuleSetRef {
  /** e.g. "national-2019". */
  id: string;
  /** The data file's own version, e.g. "2019.1". */
  version: string;
  /** e.g. "政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）". */
  title: string;
  /** Some points or thresholds are not from an official text (INDICATORS.md [unverified]). */
  provisional: boolean;
}

/** A finding as a rule item cites it: enough to follow it back to the report and the page. */
export interface FindingRef {
  fingerprint: string;
  check: string;
  url: string;
  message: string;
  severity: Severity;
  confidence: Confidence;
  /** Entered by an inspector (manual findings), not found by a check. */
  manual: boolean;
}

export interface ItemResult {
  /** Stable rule item id within the rule set, e.g. "veto.site-unreachable", "deduct.link-availability". */
  item: string;
  /** Chinese title of the indicator, e.g. "站点无法访问". */
  title: string;
  /** Where it comes from, e.g. "19号·单项否决 V2". */
  indicator: string;
  /** Chinese one-line reason, e.g. "监测 1 周首页打不开占比 6.2%（≥5%）". */
  reason: string;
  findings: FindingRef[];
  /** The item's points are not from an official text. */
  provisional: boolean;
}

export interface PointsResult extends ItemResult {
  /** Points deducted (deductions) or awarded (bonus) by this item, after its cap. */
  points: number;
  maxPoints: number;
  /** Area of the deduction table (信息发布, 办事服务…), for the 4/3 rule and the report's grouping. */
  area: string;
}

export interface SiteResult {
  site: string;
  siteName: string | null;
  kind: SiteKind;
  ruleSet: RuleSetRef;
  /** The inspection's time point (ISO). */
  asOf: string;
  verdict: "pass" | "fail";
  /** "合格" or "不合格". */
  verdictName: string;
  /** null when a veto failed: scoring stops (19号). Deduction score plus bonus otherwise. */
  score: number | null;
  /** 100 minus deductions (4/3 rule applied where it applies); null after a veto or for sites scored by vetoes only. */
  deductionScore: number | null;
  bonusScore: number;
  vetoes: ItemResult[];
  deductions: PointsResult[];
  bonus: PointsResult[];
  /** Early warnings: close to a veto line (3 % availability, 10 days, 3 stale columns…). */
  warnings: ItemResult[];
  /** Chinese sentences, most decisive first: why the verdict is what it is. */
  reasons: string[];
  /**
   * The site passed, but suspected veto findings wait for a person (listed in warnings as 需人工确认):
   * the pass holds only if they are dismissed.
   */
  reviewRequired?: boolean;
  /** The no-external-services rule (19号 4/3) was applied: the services area was not checked. */
  noExternalServices?: boolean;
}
