import type { FindingDraft } from "../core/finding.ts";
import type { PageModel } from "../parse/model.ts";
import { checkDefinition } from "./catalogue.ts";
import { isOutsideGovernment, type HostContext } from "./hosts.ts";

/**
 * Scripts and frames run with the page's authority: one loaded from an unknown non-government host
 * is how 挂马 and injected redirects look. Known services (statistics, maps, video) are left out;
 * what remains needs a person to say whether the site's own team put it there.
 */
export function externalScriptFindings(page: PageModel, context: HostContext): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const check = "content.external-script";
  for (const link of page.links) {
    if (link.url === null || (link.kind !== "script" && link.kind !== "frame")) continue;
    const url = new URL(link.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    const host = url.hostname;
    if (!isOutsideGovernment(host, context)) continue;
    const what = link.kind === "script" ? "脚本" : "框架";
    findings.push({
      check,
      indicator: checkDefinition(check).indicator,
      site: context.site,
      url: link.url,
      locator: link.locator,
      message: `页面加载了非政府网站域名 ${host} 的${what}，请确认是否为本站有意引用${link.hidden ? "（该元素被隐藏）" : ""}`,
      evidence: {
        page: page.url,
        targetHost: host,
        element: link.element,
        kind: link.kind,
        hidden: link.hidden,
      },
      identity: ["targetHost"],
      severity: link.hidden ? "veto" : "warn",
      confidence: "suspected",
    });
  }
  return findings;
}
