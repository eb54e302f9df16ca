import { Tag, Typography } from "antd";
import { problemStateColors, severityColors, severityNames } from "../labels.ts";
import type { LatestResult, ProblemState, Severity } from "../types.ts";

export function SeverityTag({ severity }: { severity: Severity }) {
  return <Tag color={severityColors[severity]}>{severityNames[severity] ?? severity}</Tag>;
}

export function ProblemStateTag({ state }: { state: ProblemState }) {
  return <Tag color={problemStateColors[state] ?? "default"}>{state}</Tag>;
}

export function VerdictTag({ latest }: { latest: LatestResult | null }) {
  if (latest === null) return <Typography.Text type="secondary">未检查</Typography.Text>;
  const score = latest.score === null ? "" : ` ${latest.score.toFixed(1).replace(/\.0$/, "")} 分`;
  return latest.verdict === "pass" ? (
    <Tag color="green">合格{score}</Tag>
  ) : (
    <Tag color="red">不合格{score}</Tag>
  );
}

/** Only web addresses become links: a crawled javascript: or data: URL stays inert text. */
function isWebAddress(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** A page of an inspected site, opened in a new tab that cannot reach back into the platform. */
export function ExternalLink({ url, text }: { url: string | null | undefined; text?: string }) {
  if (!url) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!isWebAddress(url)) return <Typography.Text>{text ?? url}</Typography.Text>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {text ?? url}
    </a>
  );
}

/** A finding's evidence as plain text: React escapes it, and crawled HTML is shown, never rendered. */
export function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const text = Object.keys(evidence).length === 0 ? "（无）" : JSON.stringify(evidence, null, 2);
  return (
    <pre
      data-testid="finding-evidence"
      style={{ whiteSpace: "pre-wrap", wordBreak: "break-all", margin: 0, maxHeight: 240, overflow: "auto" }}
    >
      {text}
    </pre>
  );
}
