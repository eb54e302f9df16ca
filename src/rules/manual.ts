/**
 * Manual findings: an inspector's judgement on what no check can see (泄露国家秘密, 严重负面舆情,
 * new-media accounts, bonus items) or a confirmation of what a check only suspected. They enter the
 * engine like findings and are marked manual in every FindingRef. The file shape is
 * data/rules/manual-findings.schema.json.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { checkDefinition } from "../checks/catalogue.ts";
import type { Confidence, Finding, Severity } from "../core/finding.ts";
import { fingerprintOf } from "../core/fingerprint.ts";
import { RuleSetError, rulesDir } from "./ruleSet.ts";
import { describeSchemaError } from "./schemaErrors.ts";
import { defaultSeverities } from "./match.ts";
import { sections, type RuleItem, type RuleSet, type Section } from "./types.ts";

export interface ManualFinding {
  /** The site's origin, as in the report ("http://www.example.gov.cn"). */
  site: string;
  /** Rule item id: the finding counts under this item directly. */
  item?: string;
  /** Or a check id: the finding is matched like a check's own. */
  check?: string;
  url: string;
  message: string;
  evidence?: Record<string, unknown>;
  /** Default: the check's most severe level, or veto/deduct by the item's section. */
  severity?: Severity;
  /** Default confirmed: a person has judged it. */
  confidence?: Exclude<Confidence, "inconclusive">;
  /** Points for a deduction or bonus item, overriding the item's per-finding points (still capped). */
  points?: number;
  inspector?: string;
  /** When the inspector judged it (YYYY-MM-DD). */
  date?: string;
}

/** A manual finding in the engine: a Finding plus what only a person can say. */
export interface ManualEntry {
  finding: Finding;
  item: string | null;
  points: number | null;
}

const schema = JSON.parse(readFileSync(path.join(rulesDir, "manual-findings.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Reads a manual-findings file (an array); `file` names it in errors. */
export function loadManualFindings(file: string): ManualFinding[] {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new RuleSetError(`无法读取人工认定文件 ${file}：${(error as Error).message}`);
  }
  return parseManualFindings(document, file);
}

export function parseManualFindings(document: unknown, file: string): ManualFinding[] {
  if (!validate(document)) {
    const problems = (validate.errors ?? []).map((error) => describeSchemaError(error, document));
    throw new RuleSetError(`人工认定文件 ${file} 无效：\n  ${[...new Set(problems)].join("\n  ")}`);
  }
  const entries = document as ManualFinding[];
  entries.forEach((entry, index) => {
    if (entry.check !== undefined && entry.item === undefined) {
      try {
        checkDefinition(entry.check);
      } catch {
        throw new RuleSetError(
          `人工认定文件 ${file} 无效：\n  [${index}]：检查项 ${entry.check} 不在检查项目录中`,
        );
      }
    }
  });
  return entries;
}

/** The entries about one site (the file may cover a whole inspection). */
export function manualFindingsFor(site: string, entries: readonly ManualFinding[]): ManualFinding[] {
  return entries.filter((entry) => new URL(entry.site).origin === new URL(site).origin);
}

export function manualEntries(
  entries: readonly ManualFinding[],
  ruleSet: RuleSet,
  asOf: Date,
): ManualEntry[] {
  return entries.map((entry, index) => {
    const section = entry.item === undefined ? null : sectionOf(entry.item, ruleSet);
    if (entry.item !== undefined && section === null)
      throw new RuleSetError(`人工认定 [${index}] 指向的指标项 ${entry.item} 不在规则集 ${ruleSet.id} 中`);
    const check = entry.check ?? `manual.${entry.item}`;
    const severity =
      entry.severity ??
      (section !== null ? defaultSeverities[section][0]! : checkDefinition(entry.check!).severities[0]!);
    const draft = {
      check,
      site: entry.site,
      url: entry.url,
      locator: "manual",
      message: entry.message,
      evidence: {
        ...entry.evidence,
        inspector: entry.inspector ?? null,
        date: entry.date ?? null,
        note: entry.message,
      },
      severity,
      confidence: entry.confidence ?? "confirmed",
      // The note tells two judgements about one page apart; who judged and when do not.
      identity: ["note"],
    };
    const at = asOf.toISOString();
    const { identity: _identity, ...rest } = draft;
    return {
      finding: { ...rest, fingerprint: fingerprintOf(draft), firstSeen: at, lastSeen: at },
      item: entry.item ?? null,
      points: entry.points ?? null,
    };
  });
}

function sectionOf(id: string, ruleSet: RuleSet): Section | null {
  return sections.find((section) => (ruleSet[section] as RuleItem[]).some((item) => item.id === id)) ?? null;
}
