/**
 * A rule set as data (data/rules/*.json, described by data/rules/rule-set.schema.json): which
 * findings count under which indicator item, with points, caps and the scoring lines. The engine
 * (engine.ts) reads only these types; ruleSet.ts loads and validates them.
 */
import type { Confidence, Severity } from "../core/finding.ts";
import type { SiteKind } from "./result.ts";

export interface EvidenceCondition {
  eq?: string | number | boolean | null;
  in?: unknown[];
  gte?: number;
  gt?: number;
  lte?: number;
  lt?: number;
}

export interface Matcher {
  checks: string[];
  /** Default per section: vetoes ["veto"], deductions ["deduct"], bonus any, warnings ["warn"]. */
  severities?: Severity[];
  evidence?: Record<string, EvidenceCondition>;
  /** Points per count, overriding the item's. */
  points?: number;
  /** Evidence field to count by (array length or number); one per finding by default. */
  countBy?: string;
}

export type Basis = "official" | "practice" | "unverified";

export interface RuleItem {
  id: string;
  title: string;
  indicator: string;
  appliesTo: SiteKind[];
  basis: Basis;
  wording?: string;
  source?: string;
  /** For points items the table area; for a veto the field the no-external-services rule skips. */
  area?: string;
  match: Matcher[];
  /** What an inspector judges and enters as a manual finding. */
  manual?: string;
  /** Which confidences count for this item, overriding the rule set's countedConfidence. */
  confidence?: Confidence[];
  provisional?: boolean;
}

export interface VetoItem extends RuleItem {
  wording: string;
  source: string;
  /** Fixed score on failure (local variants, e.g. 59); no score by default. */
  score?: number;
}

export interface PointsItem extends RuleItem {
  area: string;
  points: number;
  maxPoints: number;
  provisional: boolean;
  exceptUrlsCountedIn?: string[];
}

export interface WarningItem extends RuleItem {
  threshold: string;
}

export interface Area {
  id: string;
  points: number;
  provisional: boolean;
}

export interface Scoring {
  kinds: SiteKind[];
  total: number;
  passLine: number;
  bonusAbove: number;
  bonusMax: number;
  maxScore: number;
  provisional: boolean;
  note?: string;
  noExternalServices?: { area: string; provisional: boolean; note?: string };
}

export interface RuleSet {
  id: string;
  version: string;
  title: string;
  basis: string;
  example?: boolean;
  sources: { title: string; url?: string; note?: string }[];
  notes?: string[];
  countedConfidence: Confidence[];
  scoring: Scoring;
  areas: Area[];
  vetoes: VetoItem[];
  deductions: PointsItem[];
  bonus: PointsItem[];
  warnings: WarningItem[];
}

export type Section = "vetoes" | "deductions" | "bonus" | "warnings";
export const sections: readonly Section[] = ["vetoes", "deductions", "bonus", "warnings"];
