import type { FindingDraft } from "../core/finding.ts";
import type { PageModel } from "../parse/model.ts";
import { checkDefinition } from "./catalogue.ts";
import { isOutsideGovernment, type HostContext } from "./hosts.ts";

export type HiddenLinkContext = HostContext;

/**
 * Hidden links to government or trusted hosts are everyday drop-down menus; hidden links to any
 * other host are how injected spam (暗链) looks, so only those are reported.
 */
export function hiddenLinkFindings(page: PageModel, context: HiddenLinkContext): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const check = "content.hidden-link";
  for (const link of page.links) {
    if (!link.hidden || link.url === null) continue;
    const host = new URL(link.url).hostname;
    if (!isOutsideGovernment(host, context)) continue;
    findings.push({
      check,
      indicator: checkDefinition(check).indicator,
      site: context.site,
      url: link.url,
      locator: link.locator,
      message: `疑似暗链：隐藏的外部链接（${link.hiddenReason ?? "隐藏"}）指向 ${host}${link.text ? `，文字“${link.text}”` : ""}`,
      evidence: {
        page: page.url,
        targetHost: host,
        text: link.text,
        element: link.element,
        attribute: link.attribute,
        hiddenReason: link.hiddenReason ?? null,
        hiddenBy: link.hiddenBy ?? null,
        hiddenRule: link.hiddenRule ?? null,
      },
      severity: "veto",
      confidence: "suspected",
    });
  }
  return findings;
}
