/**
 * Fetches the homepage once more as a search-engine crawler and as a browser, for the cloaking check:
 * the only extra requests the content checks make, two per site.
 */
import type { FindingDraft } from "../core/finding.ts";
import { cloakingFindings, type CloakingContext } from "../checks/cloaking.ts";
import { decodeBody } from "../fetch/charset.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import { BROWSER_HEADERS } from "../fetch/linkCheck.ts";
import type { PageModel } from "../parse/model.ts";
import { parsePage } from "../parse/parsePage.ts";

/** Baidu's own crawler string: injected spam targets Baidu first on Chinese government sites. */
export const crawlerUserAgent =
  "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)";

export async function cloakingCheck(
  fetcher: Fetcher,
  homepageUrl: string,
  context: CloakingContext,
): Promise<FindingDraft[]> {
  const [asCrawler, asBrowser] = await Promise.all([
    homepageAs(fetcher, homepageUrl, { "user-agent": crawlerUserAgent }),
    homepageAs(fetcher, homepageUrl, { ...BROWSER_HEADERS, referer: "https://www.baidu.com/" }),
  ]);
  if (asCrawler === null || asBrowser === null) return [];
  return cloakingFindings(homepageUrl, asCrawler, asBrowser, context);
}

async function homepageAs(
  fetcher: Fetcher,
  url: string,
  headers: Record<string, string>,
): Promise<PageModel | null> {
  const result = await fetcher.fetch(url, { method: "GET", headers });
  if (result.error || !result.body || result.status < 200 || result.status >= 300) return null;
  return parsePage(decodeBody(result.body, result.headers["content-type"]).text, result.finalUrl);
}
