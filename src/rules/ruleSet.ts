/**
 * Loads a rule set file (data/rules/*.json or a user's --rules file), resolves `extends`, validates it
 * against data/rules/rule-set.schema.json with ajv and then by meaning (check ids, areas, point sums).
 * Every error names the file and the place in Chinese, so an inspector can fix a local rule set alone.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { checkCatalogue } from "../checks/catalogue.ts";
import { UsageError } from "../core/errors.ts";
import type { RuleSetRef } from "./result.ts";
import { describePlace, describeSchemaError } from "./schemaErrors.ts";
import { sections, type PointsItem, type RuleItem, type RuleSet } from "./types.ts";
import { defaultSeverities } from "./match.ts";

/** A rule set that cannot be used: exit code 2 like any other bad input. */
export class RuleSetError extends UsageError {
  override name = "RuleSetError";
}

export const rulesDir = fileURLToPath(new URL("../../data/rules/", import.meta.url));
/** Used when `--rules` is not given. */
export const defaultRuleSetFile = path.join(rulesDir, "national-2019.json");

const schema = JSON.parse(readFileSync(path.join(rulesDir, "rule-set.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

export function loadRuleSet(file: string = defaultRuleSetFile): RuleSet {
  return parseRuleSet(resolveExtends(file, []), file);
}

/** Validates an already parsed rule set; `file` only names it in errors. */
export function parseRuleSet(document: unknown, file: string): RuleSet {
  if (!validate(document)) {
    const problems = (validate.errors ?? []).map((error) => describeSchemaError(error, document));
    throw new RuleSetError(`规则集 ${file} 无效：\n  ${[...new Set(problems)].join("\n  ")}`);
  }
  const ruleSet = document as RuleSet;
  const problems = meaningProblems(ruleSet);
  if (problems.length > 0) throw new RuleSetError(`规则集 ${file} 无效：\n  ${problems.join("\n  ")}`);
  return ruleSet;
}

export function ruleSetRef(ruleSet: RuleSet): RuleSetRef {
  const items = sections.flatMap((section) => ruleSet[section] as RuleItem[]);
  return {
    id: ruleSet.id,
    version: ruleSet.version,
    title: ruleSet.title,
    provisional:
      ruleSet.scoring.provisional ||
      ruleSet.scoring.noExternalServices?.provisional === true ||
      ruleSet.areas.some((area) => area.provisional) ||
      items.some((item) => item.provisional === true),
  };
}

function readJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new RuleSetError(`无法读取规则集 ${file}：${(error as Error).message}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("顶层应为对象");
    return value as Record<string, unknown>;
  } catch (error) {
    throw new RuleSetError(`规则集 ${file} 不是有效的 JSON：${(error as Error).message}`);
  }
}

/**
 * A local variant names its base (`extends`, relative to itself) and states only what differs:
 * `scoring` field by field (null removes a field), item lists by id (fields of the same id override,
 * new ids are appended), `remove` drops items; any other field replaces the base's.
 */
function resolveExtends(file: string, chain: string[]): Record<string, unknown> {
  const resolved = path.resolve(file);
  if (chain.includes(resolved)) throw new RuleSetError(`规则集 ${file} 的 extends 形成循环`);
  const own = readJson(file);
  const { extends: base, remove, ...overlay } = own;
  if (base === undefined) return own;
  if (typeof base !== "string") throw new RuleSetError(`规则集 ${file}：extends 应为文件名`);
  if (remove !== undefined && !(Array.isArray(remove) && remove.every((id) => typeof id === "string")))
    throw new RuleSetError(`规则集 ${file}：remove 应为指标项 id 的列表`);
  const merged: Record<string, unknown> = {
    ...resolveExtends(path.join(path.dirname(file), base), [...chain, resolved]),
  };
  const removed = new Set((remove as string[] | undefined) ?? []);
  for (const [key, value] of Object.entries(overlay)) {
    if (key === "scoring") merged[key] = mergeFields(merged[key], value);
    else if ((sections as readonly string[]).includes(key)) merged[key] = mergeItems(merged[key], value);
    else merged[key] = value;
  }
  for (const section of sections) {
    const items = merged[section];
    if (Array.isArray(items)) merged[section] = items.filter((item) => !removed.has((item as RuleItem).id));
  }
  return merged;
}

function mergeFields(base: unknown, overlay: unknown): unknown {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overlay as Record<string, unknown>)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function mergeItems(base: unknown, overlay: unknown): unknown {
  if (!Array.isArray(base) || !Array.isArray(overlay)) return overlay;
  const merged = base.map((item: RuleItem) => {
    const patch = overlay.find((entry: RuleItem) => entry.id === item.id) as object | undefined;
    return patch ? { ...item, ...patch } : item;
  });
  const known = new Set(base.map((item: RuleItem) => item.id));
  return [...merged, ...overlay.filter((entry: RuleItem) => !known.has(entry.id))];
}

const catalogue = new Map(checkCatalogue.map((check) => [check.id, check]));

/** What the schema cannot say: ids unique, checks known and able to produce the severity, sums right. */
function meaningProblems(ruleSet: RuleSet): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const areas = new Map(ruleSet.areas.map((area) => [area.id, area]));
  for (const section of sections) {
    const items = ruleSet[section] as RuleItem[];
    items.forEach((item, index) => {
      const place = describePlace(`/${section}/${index}`, ruleSet);
      if (seen.has(item.id)) problems.push(`${place}：指标项 id ${item.id} 重复`);
      seen.add(item.id);
      item.match.forEach((matcher, m) => {
        for (const check of matcher.checks) {
          const definition = catalogue.get(check);
          if (!definition) {
            problems.push(`${place}.match[${m}]：检查项 ${check} 不在检查项目录中（见 docs/checks.md）`);
            continue;
          }
          const severities = matcher.severities ?? defaultSeverities[section];
          const never = severities.filter((severity) => !definition.severities.includes(severity));
          if (never.length > 0)
            problems.push(
              `${place}.match[${m}]：检查项 ${check} 不会产生 ${severities.join("、")} 级别的问题（只有 ${definition.severities.join("、")}）`,
            );
        }
      });
      if (section === "deductions" || section === "bonus") {
        const pointsItem = item as PointsItem;
        if (!areas.has(pointsItem.area)) problems.push(`${place}：领域“${pointsItem.area}”未在 areas 中列出`);
        for (const id of pointsItem.exceptUrlsCountedIn ?? []) {
          const other = items.find((entry) => entry.id === id) as PointsItem | undefined;
          if (other === undefined || other === pointsItem)
            problems.push(`${place}：exceptUrlsCountedIn 中的 ${id} 应是本表中的另一个指标项`);
          else if (other.exceptUrlsCountedIn?.includes(pointsItem.id))
            problems.push(`${place}：与 ${id} 互相排除对方已计的地址，两边都不会计分`);
        }
      }
    });
  }
  problems.push(...pointProblems(ruleSet, areas));
  return problems;
}

/** The deduction table adds up: items' caps fill their area, areas fill the total (19号 扣分 100). */
function pointProblems(ruleSet: RuleSet, areas: Map<string, { points: number }>): string[] {
  const problems: string[] = [];
  const { scoring } = ruleSet;
  const sum = (values: number[]): number => Math.round(values.reduce((s, v) => s + v * 1000, 0)) / 1000;
  const areaTotal = sum(ruleSet.areas.map((area) => area.points));
  if (areaTotal !== scoring.total)
    problems.push(`areas：各领域分值合计 ${areaTotal}，应等于 scoring.total ${scoring.total}`);
  for (const area of ruleSet.areas) {
    const caps = sum(
      ruleSet.deductions.filter((item) => item.area === area.id).map((item) => item.maxPoints),
    );
    if (caps !== area.points)
      problems.push(`areas（${area.id}）：扣分指标项上限合计 ${caps}，应等于领域分值 ${area.points}`);
  }
  const exempt = scoring.noExternalServices?.area;
  if (exempt !== undefined && !areas.has(exempt))
    problems.push(`scoring.noExternalServices：领域“${exempt}”未在 areas 中列出`);
  if (scoring.passLine > scoring.total) problems.push(`scoring.passLine 不应高于 scoring.total`);
  return problems;
}
