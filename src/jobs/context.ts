import type { Clock } from "../core/clock.ts";
import type { CrawlConfig } from "../crawl/crawler.ts";
import type { FetchOptions } from "../fetch/types.ts";
import type { ContentOptions } from "../inspect/inspect.ts";
import type { SiteConfig } from "../inspect/siteConfig.ts";
import type { StandardsOptions } from "../inspect/siteStandards.ts";
import type { RuleSet } from "../rules/types.ts";
import type { Db } from "../store/open.ts";

/** What every job handler works with: the store, the clock and how the sites are reached and judged. */
export interface JobContext {
  db: Db;
  clock: Clock;
  fetch: FetchOptions;
  crawl: Omit<CrawlConfig, "homepage">;
  /** Per-site overrides; the registry's kind, parent and 标识码 fill what it leaves open. */
  siteConfig: SiteConfig;
  content: ContentOptions | false;
  standards: Partial<StandardsOptions>;
  ruleSet: RuleSet;
  /** One Chinese line per job event. */
  log(line: string): void;
}
