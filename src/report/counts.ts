import type { Finding } from "../core/finding.ts";
import type { Counts } from "./schema.ts";

export function countBy(findings: readonly Finding[], key: (finding: Finding) => string): Counts {
  const counts: Counts = {};
  for (const finding of findings) {
    const name = key(finding);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}
