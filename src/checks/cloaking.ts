import type { FindingDraft } from "../core/finding.ts";
import type { PageModel } from "../parse/model.ts";
import type { TextIssue } from "../text/issue.ts";
import { checkDefinition } from "./catalogue.ts";
import { isOutsideGovernment, type HostContext } from "./hosts.ts";

export interface CloakingContext extends HostContext {
  /** Lexicon hits in a text (spam phrases). */
  spam(text: string): TextIssue[];
}

/**
 * Tampered sites often serve search-engine crawlers a different page (spam links for ranking) than
 * visitors. The homepage as a crawler saw it and as a browser saw it are compared: outbound hosts
 * and spam phrases only the crawler was shown mark the site as a tampering suspect.
 */
export function cloakingFindings(
  homepageUrl: string,
  asCrawler: PageModel,
  asBrowser: PageModel,
  context: CloakingContext,
): FindingDraft[] {
  const crawlerHosts = outboundHosts(asCrawler, context);
  const browserHosts = outboundHosts(asBrowser, context);
  const crawlerOnlyHosts = [...crawlerHosts].filter((host) => !browserHosts.has(host)).sort();
  const browserTerms = new Set(spamTerms(asBrowser, context));
  const crawlerOnlyTerms = [...new Set(spamTerms(asCrawler, context))]
    .filter((term) => !browserTerms.has(term))
    .sort();
  if (crawlerOnlyHosts.length === 0 && crawlerOnlyTerms.length === 0) return [];
  const check = "content.cloaking";
  const parts = [
    crawlerOnlyHosts.length > 0
      ? `只对搜索引擎显示的外部链接 ${crawlerOnlyHosts.slice(0, 5).join("、")}`
      : "",
    crawlerOnlyTerms.length > 0
      ? `只对搜索引擎显示的垃圾信息“${crawlerOnlyTerms.slice(0, 3).join("”“")}”`
      : "",
  ].filter((part) => part !== "");
  return [
    {
      check,
      indicator: checkDefinition(check).indicator,
      site: context.site,
      url: homepageUrl,
      locator: "homepage",
      message: `首页疑似被篡改（搜索引擎与访问者看到的内容不同）：${parts.join("；")}`,
      evidence: {
        crawlerOnlyHosts,
        crawlerOnlyTerms,
        crawlerTitle: asCrawler.title,
        browserTitle: asBrowser.title,
      },
      severity: "veto",
      confidence: "suspected",
    },
  ];
}

function outboundHosts(page: PageModel, context: CloakingContext): Set<string> {
  const hosts = new Set<string>();
  for (const link of page.links) {
    if (link.url === null || link.element !== "a") continue;
    const host = new URL(link.url).hostname;
    if (!isOutsideGovernment(host, context)) continue;
    hosts.add(host);
  }
  return hosts;
}

function spamTerms(page: PageModel, context: CloakingContext): string[] {
  return [...context.spam(`${page.title}\n${page.text}`), ...context.spam(page.hiddenText)].map(
    (issue) => issue.found,
  );
}
