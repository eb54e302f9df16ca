import type { CrawlOutcome } from "../crawl/crawler.ts";
import type { SiteFacts } from "../report/schema.ts";

/** What the homepage fetch and parse told about the site, for the report beside the findings. */
export function siteFactsOf(homepageUrl: string, outcome: CrawlOutcome): SiteFacts {
  const homepage = outcome.homepage;
  const fetch = homepage?.fetch;
  const page = homepage?.page;
  const meta: Record<string, string> = {};
  for (const tag of page?.metas ?? []) {
    if (tag.key !== "charset" && !(tag.name in meta)) meta[tag.name] = tag.content;
  }
  return {
    homepage: homepageUrl,
    finalUrl: homepage?.finalUrl ?? homepageUrl,
    status: fetch?.status ?? 0,
    error: fetch?.error ?? null,
    redirects: fetch?.redirects ?? [],
    responseMs: fetch ? Math.round(fetch.timings.totalMs) : null,
    contentType: fetch?.headers["content-type"] ?? null,
    server: fetch?.headers.server ?? null,
    charset: homepage?.decoded ? { name: homepage.decoded.charset, source: homepage.decoded.source } : null,
    title: page?.title ?? null,
    lang: page?.lang || null,
    meta,
    tls: fetch?.tls ?? null,
    scopeHosts: outcome.scope,
    sitemaps: outcome.sitemaps,
  };
}
