import type { FindingDraft } from "../core/finding.ts";
import type { TextIssue } from "../text/issue.ts";
import { checkDefinition } from "./catalogue.ts";

/** Where on the page the checked text came from: visible text, hidden text, link texts, an attachment. */
export type TextSource = "text" | "hidden-text" | "link-text" | "attachment";

const contextChars = 20;

/**
 * Turns the issues found in one text of a page into findings. The offset changes whenever the page
 * is edited, so a finding is identified by what was found (and its category), not where.
 */
export function textIssueFindings(
  site: string,
  url: string,
  text: string,
  issues: readonly TextIssue[],
  source: TextSource,
): FindingDraft[] {
  return issues.map((issue) => {
    const check = `content.${issue.kind}`;
    return {
      check,
      indicator: checkDefinition(check).indicator,
      site,
      url,
      locator: source,
      message: issue.message,
      evidence: {
        found: issue.found,
        suggestion: issue.suggestion ?? null,
        category: issue.category ?? null,
        source,
        offset: issue.start,
        context: contextOf(text, issue, issues),
      },
      identity: ["found", "category"],
      severity: issue.severity,
      confidence: issue.confidence,
    };
  });
}

/**
 * The text around the issue with the issue shown as found and every privacy value in the window
 * shown masked, so evidence never repeats a citizen's number in full.
 */
export function contextOf(text: string, issue: TextIssue, issues: readonly TextIssue[] = [issue]): string {
  const from = Math.max(0, issue.start - contextChars);
  const to = Math.min(text.length, issue.end + contextChars);
  const shown = issues
    .filter((other) => other === issue || (other.kind === "privacy" && other.start < to && other.end > from))
    .sort((a, b) => a.start - b.start);
  let context = "";
  let at = from;
  for (const span of shown) {
    if (span.start < at) {
      // The window begins inside a value: leave its visible tail out.
      if (span.end > at) context += "…";
      at = Math.max(at, span.end);
      continue;
    }
    context += text.slice(at, span.start) + (span === issue ? `【${span.found}】` : span.found);
    at = span.end;
  }
  const cut = (part: string): string => part.replace(/\s+/g, " ");
  return cut(context + text.slice(at, to)).trim();
}
