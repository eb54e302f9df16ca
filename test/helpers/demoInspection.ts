/**
 * How the tests inspect the four demo sites: through host mapping to the demo server, at the demo's
 * time point, with short timeouts (the demo's slow page is shortened to match) and its site config.
 */
import type { DemoServer } from "../../demo/server.ts";
import { demoSites } from "../../demo/sites.ts";
import { loadSiteConfig } from "../../src/cli/siteConfigFile.ts";
import { fixedClock, parseAsOf } from "../../src/core/clock.ts";
import { defaultCrawlConfig } from "../../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import type { InspectOptions } from "../../src/inspect/inspect.ts";

/** The slow page's delay to start the demo server with: beyond the 1.5 s timeouts below. */
export const testSlowMs = 2500;

export async function demoInspectOptions(demo: DemoServer): Promise<InspectOptions> {
  return {
    urls: demoSites.map((site) => site.homepage),
    clock: fixedClock(parseAsOf("2026-11-20")),
    fetch: defaultFetchOptions({
      mappings: demo.connectTo.map(parseConnectTo),
      mappedOnly: true,
      minIntervalMs: 20,
      totalTimeoutMs: 1500,
      headersTimeoutMs: 1500,
      bodyTimeoutMs: 1500,
      retryBaseDelayMs: 50,
    }),
    crawl: { ...defaultCrawlConfig, maxPages: 300 },
    siteConcurrency: 4,
    siteConfig: await loadSiteConfig("demo/site-config.json"),
  };
}
