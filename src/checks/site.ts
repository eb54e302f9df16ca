import type { FindingDraft } from "../core/finding.ts";
import type { CrawledPage } from "../crawl/crawler.ts";
import { checkDefinition } from "./catalogue.ts";

/** Facts about the homepage as a whole: could it be opened, is its certificate valid. */
export function homepageFindings(
  site: string,
  homepageUrl: string,
  homepage: CrawledPage | null,
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const fetch = homepage?.fetch;
  const opened = fetch !== undefined && !fetch.error && fetch.status >= 200 && fetch.status < 300;
  if (!opened) {
    const cause = fetch?.error ? `${fetch.error.code}：${fetch.error.message}` : `HTTP ${fetch?.status ?? 0}`;
    findings.push({
      check: "site.unreachable",
      indicator: checkDefinition("site.unreachable").indicator,
      site,
      url: homepageUrl,
      locator: "homepage",
      message: `首页无法访问：${cause}`,
      evidence: {
        status: fetch?.status ?? 0,
        error: fetch?.error ?? null,
        redirects: fetch?.redirects ?? [],
        totalMs: fetch ? Math.round(fetch.timings.totalMs) : null,
      },
      severity: "warn",
      confidence: "confirmed",
    });
  }
  const tls = fetch?.tls;
  if (tls && !tls.authorized) {
    findings.push({
      check: "site.tls-invalid",
      indicator: checkDefinition("site.tls-invalid").indicator,
      site,
      url: homepage?.finalUrl ?? homepageUrl,
      locator: "tls",
      message: `HTTPS 证书无效：${tls.error ?? "未通过校验"}${tls.validTo ? `（有效期至 ${tls.validTo}）` : ""}`,
      evidence: { ...tls },
      identity: ["error"],
      severity: "warn",
      confidence: "confirmed",
    });
  }
  return findings;
}
