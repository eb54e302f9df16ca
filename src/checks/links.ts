import type { FindingDraft, Severity } from "../core/finding.ts";
import type { LinkTarget } from "../crawl/linkTable.ts";
import type { LinkKind } from "../parse/model.ts";
import { checkDefinition } from "./catalogue.ts";
import { classifyLink } from "./linkVerdict.ts";

const checkByKind: Record<LinkKind, string> = {
  page: "link.dead",
  frame: "link.dead",
  other: "link.dead",
  form: "link.dead",
  image: "link.image-dead",
  attachment: "link.attachment-dead",
  script: "link.resource-dead",
  stylesheet: "link.resource-dead",
  media: "link.resource-dead",
};

const kindLabel: Record<LinkKind, string> = {
  page: "链接",
  frame: "框架页面",
  other: "链接",
  form: "表单地址",
  image: "图片",
  attachment: "附件",
  script: "脚本",
  stylesheet: "样式表",
  media: "音视频",
};

/** One finding per failing link target, naming every page (up to the cap) where it stands. */
export function linkFindings(site: string, targets: Iterable<LinkTarget>): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const target of targets) {
    // A target nobody links to (the homepage itself, sitemap entries) is not a broken link.
    if (!target.probe || target.occurrenceCount === 0) continue;
    const { verdict, reason } = classifyLink(target.probe);
    if (verdict === "ok") continue;
    const check = checkByKind[target.kind];
    const severity = severityOf(verdict, target.internal);
    const where = target.onHomepage ? "首页" : "页面";
    const scope = target.internal ? "站内" : "站外";
    const firstText = target.occurrences.find((occurrence) => occurrence.text)?.text;
    findings.push({
      check,
      indicator: `${checkDefinition(check).indicator}（${target.onHomepage ? "首页链接" : "其他页面链接"}）`,
      site,
      url: target.url,
      locator: locatorOf(target),
      message: `${where}${scope}${kindLabel[target.kind]}失效：${reason}${firstText ? `（“${firstText}”）` : ""}`,
      evidence: {
        verdict,
        reason,
        status: target.probe.status,
        error: target.probe.error?.code ?? null,
        errorMessage: target.probe.error?.message ?? null,
        method: target.probe.method,
        usedGetFallback: target.probe.usedGetFallback,
        usedBrowserHeaders: target.probe.usedBrowserHeaders,
        redirects: target.probe.redirects,
        finalUrl: target.probe.finalUrl,
        kind: target.kind,
        internal: target.internal,
        onHomepage: target.onHomepage,
        occurrenceCount: target.occurrenceCount,
        occurrences: target.occurrences,
        ...(target.probe.tls ? { tls: target.probe.tls } : {}),
      },
      severity,
      confidence: verdict,
    });
  }
  return findings;
}

/** Only internal links count in problem totals (§9.2); external ones are reported but weigh less. */
function severityOf(verdict: "confirmed" | "suspected" | "inconclusive", internal: boolean): Severity {
  if (verdict === "inconclusive") return "info";
  if (verdict === "confirmed") return internal ? "deduct" : "warn";
  return internal ? "warn" : "info";
}

/** Stable across crawls: the kinds of element that carry the link, not the order pages were seen. */
function locatorOf(target: LinkTarget): string {
  const carriers = new Set(
    target.occurrences.map((occurrence) => `${occurrence.element}[${occurrence.attribute}]`),
  );
  return carriers.size > 0 ? [...carriers].sort().join(",") : "link";
}
