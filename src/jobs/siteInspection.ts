/**
 * One registered site through the in-memory pipeline (inspect()), as `zhijian inspect` would do it,
 * with what the registry knows about the site and its last week of stored probes; with a cache, the
 * crawl is incremental (the daily crawl), without one everything is checked and requested afresh.
 */
import { national2019Availability } from "../checks/availability.ts";
import { fixedClock } from "../core/clock.ts";
import { inspect, type InspectCache } from "../inspect/inspect.ts";
import type { SiteConfig, SiteSettings } from "../inspect/siteConfig.ts";
import type { InspectionReport } from "../report/schema.ts";
import { probeRecords } from "../store/probeRepository.ts";
import { getSite, type Site } from "../store/siteRepository.ts";
import type { JobContext } from "./context.ts";

const dayMs = 86_400_000;

export async function inspectRegisteredSite(
  ctx: JobContext,
  site: Site,
  asOf: Date,
  cache?: InspectCache,
  /** Pages crawled first whatever the budget (a re-check's problem pages). */
  seeds: readonly string[] = [],
): Promise<InspectionReport> {
  const window = { from: new Date(asOf.getTime() - national2019Availability.windowDays * dayMs), to: asOf };
  const probes = (await probeRecords(ctx.db, window, [site.id])).map(({ record }) => record);
  const parent = site.parentId === null ? undefined : await getSite(ctx.db, site.parentId);
  return inspect({
    urls: [site.homepage],
    clock: fixedClock(asOf),
    fetch: ctx.fetch,
    crawl: seeds.length === 0 ? ctx.crawl : { ...ctx.crawl, seeds },
    siteConcurrency: 1,
    siteConfig: withRegistry(ctx.siteConfig, site, parent),
    probes,
    content: ctx.content,
    standards: ctx.standards,
    scoring: { ruleSet: ctx.ruleSet, manual: [] },
    ...(cache ? { cache } : {}),
  });
}

/**
 * The site configuration with the registry's facts about this site where the configuration says
 * nothing: whether it is a portal or a department site, its parent portal and its 网站标识码.
 */
export function withRegistry(config: SiteConfig, site: Site, parent: Site | undefined): SiteConfig {
  const host = new URL(site.homepage).hostname.toLowerCase();
  const configured: SiteSettings = config.sites.get(host) ?? { columns: [], allow: [] };
  const settings: SiteSettings = {
    ...configured,
    kind: configured.kind ?? site.kind,
    ...(configured.parent === undefined && parent ? { parent: new URL(parent.homepage).hostname } : {}),
    ...(configured.siteIdCode === undefined && site.siteIdCode ? { siteIdCode: site.siteIdCode } : {}),
  };
  return { ...config, sites: new Map([...config.sites, [host, settings]]) };
}
