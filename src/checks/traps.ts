import type { FindingDraft } from "../core/finding.ts";
import type { TrapRecord } from "../crawl/traps.ts";
import { checkDefinition } from "./catalogue.ts";

const trapLabel: Record<TrapRecord["kind"], string> = {
  "deep-path": "路径层级无限加深",
  "repeating-segments": "路径段重复（相对链接不断叠加）",
  "query-variations": "查询参数组合无限（如日历翻页）",
};

export function trapFindings(site: string, traps: readonly TrapRecord[]): FindingDraft[] {
  const check = "crawl.trap";
  return traps.map((trap) => ({
    check,
    indicator: checkDefinition(check).indicator,
    site,
    url: trap.examples[0] ?? site,
    locator: trap.pattern,
    message: `发现爬虫陷阱：${trapLabel[trap.kind]}，模式 ${trap.pattern}，已截断 ${trap.refused} 个链接`,
    evidence: { kind: trap.kind, pattern: trap.pattern, refused: trap.refused, examples: trap.examples },
    severity: "info",
    confidence: "confirmed",
  }));
}
