import type { FetchResult, LinkCheckResult, NetErrorCode, RequestOptions } from "./types.ts";

/**
 * Headers of a current desktop Chrome. Used only for a second try after 401/403/429, where bot
 * protection (common in front of government sites) may be refusing the honest User-Agent while
 * people with browsers get the page: a link is only broken if people cannot follow it.
 */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  "user-agent":
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36",
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8",
  "accept-language": "zh-CN,zh;q=0.9",
};

/** Errors a GET cannot answer differently from a HEAD: no point asking again. */
const FINAL_HEAD_ERRORS = new Set<NetErrorCode>([
  "ENOTFOUND",
  "ECONNREFUSED",
  "BAD_URL",
  "UNSUPPORTED_SCHEME",
  "TLS",
]);
const BOT_PROTECTION_STATUSES = new Set([401, 403, 429]);

interface LinkFetcher {
  fetch(url: string, request?: RequestOptions): Promise<FetchResult>;
}

/**
 * HEAD first (cheap for the server); many servers answer HEAD wrongly (405, 404, 500, resets), so
 * any failure except the definite ones falls back to GET, reading almost none of the body.
 */
export async function checkLink(fetcher: LinkFetcher, url: string): Promise<LinkCheckResult> {
  const head = await fetcher.fetch(url, { method: "HEAD", noRetry: true });
  let result = head;
  let usedGetFallback = false;
  const headFailed =
    head.status >= 400 || (head.status === 0 && !FINAL_HEAD_ERRORS.has(head.error?.code ?? "OTHER"));
  if (headFailed) {
    result = await fetcher.fetch(url, { method: "GET", discardBody: true });
    usedGetFallback = true;
  }
  return { ...(await retryAsBrowser(fetcher, url, result, { discardBody: true })), usedGetFallback };
}

/** A crawled page gets the same second chance as a checked link: people with browsers may get in. */
export async function fetchPage(fetcher: LinkFetcher, url: string): Promise<LinkCheckResult> {
  const first = await fetcher.fetch(url, { method: "GET" });
  return { ...(await retryAsBrowser(fetcher, url, first, {})), usedGetFallback: false };
}

async function retryAsBrowser(
  fetcher: LinkFetcher,
  url: string,
  result: FetchResult,
  request: RequestOptions,
): Promise<FetchResult & { usedBrowserHeaders: boolean }> {
  if (!BOT_PROTECTION_STATUSES.has(result.status)) return { ...result, usedBrowserHeaders: false };
  const retried = await fetcher.fetch(url, { ...request, method: "GET", headers: { ...BROWSER_HEADERS } });
  return { ...retried, usedBrowserHeaders: true };
}
