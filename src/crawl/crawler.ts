import { decodeBody } from "../fetch/charset.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { RobotsCache } from "../fetch/robots.ts";
import type { DecodedText, FetchResult } from "../fetch/types.ts";
import type { LinkRef, PageModel } from "../parse/model.ts";
import { parsePage } from "../parse/parsePage.ts";
import { LinkTable, probeOf, type LinkCheckMemory, type LinkTarget } from "./linkTable.ts";
import { normalizeUrl, originOf } from "./normalize.ts";
import { createScope, type Scope } from "./scope.ts";
import { readSitemap } from "./sitemap.ts";
import { TrapDetector, defaultTrapLimits, type TrapLimits, type TrapRecord } from "./traps.ts";

export interface CrawlConfig {
  homepage: string;
  extraHosts: string[];
  maxPages: number;
  maxDepth: number;
  respectRobots: boolean;
  useSitemap: boolean;
  checkLinks: boolean;
  checkExternal: boolean;
  /** Requests in flight across all hosts; per-host politeness is the fetcher's. */
  concurrency: number;
  trapLimits: TrapLimits;
  /**
   * Pages to crawl right after the homepage whatever the budget left for the rest: a re-check seeds
   * the pages its problem was seen on, so a budget spent elsewhere never hides it.
   */
  seeds?: readonly string[];
  /**
   * Incremental crawls: a link target found healthy within this many days is not requested again
   * (default defaultLinkCycleDays); broken ones are always re-checked.
   */
  linkCycleDays?: number;
}

/** The counters of a crawl that has not fetched anything. */
export function emptyCrawlStats(): CrawlStats {
  return {
    pagesFetched: 0,
    pagesParsed: 0,
    pagesFailed: 0,
    linksFound: 0,
    uniqueTargets: 0,
    linksChecked: 0,
    bytesDownloaded: 0,
    robotsDisallowed: 0,
    trapRefused: 0,
    sitemapUrls: 0,
    queued: 0,
    budgetReached: false,
  };
}

export const defaultLinkCycleDays = 7;

export const defaultCrawlConfig: Omit<CrawlConfig, "homepage"> = {
  extraHosts: [],
  maxPages: 2000,
  maxDepth: 10,
  respectRobots: true,
  useSitemap: true,
  checkLinks: true,
  checkExternal: true,
  concurrency: 8,
  trapLimits: defaultTrapLimits,
  linkCycleDays: defaultLinkCycleDays,
};

export interface CrawledPage {
  url: string;
  finalUrl: string;
  depth: number;
  isHomepage: boolean;
  fetch: Omit<FetchResult, "body">;
  decoded?: Pick<DecodedText, "charset" | "source">;
  /** Present when the response was HTML and was parsed. */
  page?: PageModel;
  /** The decoded HTML of a parsed page, for hooks that need more than the model; not kept. */
  html?: string;
  bytes: number;
}

export interface CrawlStats {
  pagesFetched: number;
  pagesParsed: number;
  pagesFailed: number;
  linksFound: number;
  uniqueTargets: number;
  linksChecked: number;
  bytesDownloaded: number;
  robotsDisallowed: number;
  trapRefused: number;
  sitemapUrls: number;
  queued: number;
  budgetReached: boolean;
}

export interface CrawlOutcome {
  homepage: CrawledPage | null;
  /** The homepage answered with a usable page (2xx after redirects). */
  reachable: boolean;
  scope: string[];
  stats: CrawlStats;
  traps: TrapRecord[];
  links: LinkTable;
  sitemaps: string[];
  durationMs: number;
}

export interface CrawlHooks {
  /**
   * Called once per fetched page, in completion order; the page model is not kept afterwards.
   * scopeHosts are the site's hosts as known then (the homepage's redirect may have added one).
   */
  onPage?(page: CrawledPage, scopeHosts: ReadonlySet<string>): void;
  onProgress?(stats: Readonly<CrawlStats>): void;
  /**
   * A recent healthy check of a link target, standing in for a new request (incremental crawls);
   * undefined: the target is requested.
   */
  recentCheck?(url: string): LinkCheckMemory | undefined;
}

interface PageTask {
  url: string;
  depth: number;
}

/** Extensions that are never HTML pages: linked with <a>, they are checked, not crawled. */
const nonPageExtension =
  /\.(?:jpe?g|png|gif|bmp|webp|svg|ico|tiff?|pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|ceb|txt|csv|zip|rar|7z|tar|gz|mp3|mp4|avi|wmv|flv|mov|swf|apk|exe|css|js|json|xml)$/i;

const maxCrawlDelayMs = 10_000;

/** <link rel> values that are hints, not resources a visitor loads. */
const hintRels = new Set(["dns-prefetch", "preconnect", "prefetch", "prerender", "alternate", "canonical"]);

/**
 * Crawls one site breadth-first within its budget, checks each distinct link target once, and hands
 * every page to the caller as it completes, so memory does not grow with the number of pages kept.
 */
export async function crawlSite(
  fetcher: Fetcher,
  robots: RobotsCache,
  config: CrawlConfig,
  hooks: CrawlHooks = {},
): Promise<CrawlOutcome> {
  const crawl = new SiteCrawl(fetcher, robots, config, hooks);
  return crawl.run();
}

class SiteCrawl {
  private readonly started = Date.now();
  private readonly links = new LinkTable();
  private readonly traps: TrapDetector;
  private readonly seenPages = new Set<string>();
  private readonly pageQueue: PageTask[] = [];
  private readonly checkQueue: LinkTarget[] = [];
  private pageHead = 0;
  private checkHead = 0;
  private scope: Scope;
  private homepage: CrawledPage | null = null;
  private sitemaps: string[] = [];
  private lastProgress = 0;
  private readonly stats: CrawlStats = emptyCrawlStats();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly robots: RobotsCache,
    private readonly config: CrawlConfig,
    private readonly hooks: CrawlHooks,
  ) {
    this.traps = new TrapDetector(config.trapLimits);
    this.scope = createScope(config.homepage, config.extraHosts);
  }

  async run(): Promise<CrawlOutcome> {
    const homepageUrl = normalizeUrl(this.config.homepage) ?? this.config.homepage;
    this.enqueuePage(homepageUrl, 0);
    // The homepage goes first and alone: its final URL after redirects widens the scope.
    await this.runTask(() => this.crawlPage(this.pageQueue[this.pageHead++]!));
    const reachable = this.homepage !== null && isUsablePage(this.homepage.fetch);
    if (reachable) {
      if (this.config.respectRobots) await this.honourCrawlDelay();
      this.enqueueSeeds();
      if (this.config.useSitemap) await this.seedFromSitemaps();
      await this.drain();
    }
    this.stats.uniqueTargets = this.links.size;
    this.stats.trapRefused = this.traps.found().reduce((sum, trap) => sum + trap.refused, 0);
    this.hooks.onProgress?.(this.stats);
    return {
      homepage: this.homepage,
      reachable,
      scope: [...this.scope.hosts],
      stats: this.stats,
      traps: this.traps.found(),
      links: this.links,
      sitemaps: this.sitemaps,
      durationMs: Date.now() - this.started,
    };
  }

  private enqueueSeeds(): void {
    for (const seed of this.config.seeds ?? []) {
      const url = normalizeUrl(seed);
      if (url !== null && this.scope.contains(url) && this.traps.admit(url)) this.enqueuePage(url, 1, true);
    }
  }

  private async runTask(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      // A hostile page must never end the crawl; the fetcher already turns network faults into data,
      // so what lands here is a bug or a parser edge case, counted as a failed page.
      this.stats.pagesFailed += 1;
      process.emitWarning(`抓取任务出错（已跳过）：${(error as Error).message}`);
    }
  }

  private async drain(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      while (inFlight.size < this.config.concurrency) {
        const task = this.nextTask();
        if (!task) break;
        const running: Promise<void> = this.runTask(task).finally(() => inFlight.delete(running));
        inFlight.add(running);
      }
      if (inFlight.size === 0) return;
      await Promise.race(inFlight);
      this.reportProgress();
    }
  }

  private nextTask(): (() => Promise<void>) | null {
    if (this.pageHead < this.pageQueue.length) {
      const task = this.pageQueue[this.pageHead]!;
      this.pageQueue[this.pageHead++] = undefined as unknown as PageTask; // release for GC
      return () => this.crawlPage(task);
    }
    if (this.checkHead < this.checkQueue.length) {
      const target = this.checkQueue[this.checkHead]!;
      this.checkQueue[this.checkHead++] = undefined as unknown as LinkTarget;
      return () => this.checkTarget(target);
    }
    return null;
  }

  private reportProgress(): void {
    const now = Date.now();
    if (now - this.lastProgress < 250) return;
    this.lastProgress = now;
    this.stats.uniqueTargets = this.links.size;
    this.stats.queued = this.pageQueue.length - this.pageHead + (this.checkQueue.length - this.checkHead);
    this.hooks.onProgress?.(this.stats);
  }

  private enqueuePage(url: string, depth: number, beyondBudget = false): boolean {
    if (this.seenPages.has(url)) return true;
    if (!beyondBudget && this.seenPages.size >= this.config.maxPages) {
      this.stats.budgetReached = true;
      return false;
    }
    this.seenPages.add(url);
    this.pageQueue.push({ url, depth });
    const { target } = this.links.touch(url, "page", true);
    target.skipped = undefined;
    return true;
  }

  private async crawlPage(task: PageTask): Promise<void> {
    const isHomepage = this.homepage === null && task.depth === 0;
    const target = this.links.get(task.url)!;
    if (!isHomepage && this.config.respectRobots && !(await this.robots.allowed(task.url))) {
      this.stats.robotsDisallowed += 1;
      target.skipped = "robots";
      return;
    }
    const result = await this.fetcher.fetchPage(task.url);
    this.stats.pagesFetched += 1;
    this.links.settle(target, probeOf(result));
    const finalUrl = normalizeUrl(result.finalUrl) ?? result.finalUrl;
    if (isHomepage && finalUrl !== task.url) this.widenScope(finalUrl);
    const crawled: CrawledPage = {
      url: task.url,
      finalUrl,
      depth: task.depth,
      isHomepage,
      fetch: withoutBody(result),
      bytes: result.body?.length ?? 0,
    };
    this.stats.bytesDownloaded += crawled.bytes;
    if (!isUsablePage(result)) this.stats.pagesFailed += 1;
    const redirectedToKnownPage =
      finalUrl !== task.url && (this.seenPages.has(finalUrl) || !this.scope.contains(finalUrl));
    if (isUsablePage(result) && result.body && isHtml(result) && !redirectedToKnownPage) {
      this.seenPages.add(finalUrl);
      const decoded = decodeBody(result.body, result.headers["content-type"]);
      crawled.decoded = { charset: decoded.charset, source: decoded.source };
      crawled.page = parsePage(decoded.text, finalUrl);
      crawled.html = decoded.text;
      this.stats.pagesParsed += 1;
      this.followLinks(crawled.page, task.depth, isHomepage);
    }
    if (isHomepage) this.homepage = crawled;
    this.hooks.onPage?.(crawled, this.scope.hosts);
  }

  private widenScope(finalUrl: string): void {
    const host = new URL(finalUrl).hostname;
    if (!this.scope.hosts.has(host)) {
      this.scope = createScope(this.config.homepage, [...this.config.extraHosts, host]);
    }
    this.seenPages.add(finalUrl);
  }

  private followLinks(page: PageModel, depth: number, onHomepage: boolean): void {
    for (const link of page.links) {
      if (link.url === null || link.kind === "form") continue;
      if (link.element === "link" && link.rel && hintRels.has(link.rel.toLowerCase())) continue;
      const url = normalizeUrl(link.url);
      if (url === null) continue;
      this.stats.linksFound += 1;
      const internal = this.scope.contains(url);
      const crawlable = internal && isCrawlableKind(link, url);
      const { target, created } = this.links.touch(url, crawlable ? "page" : link.kind, internal);
      this.links.addOccurrence(target, {
        page: page.url,
        element: link.element,
        attribute: link.attribute,
        text: link.text,
        locator: link.locator,
        hidden: link.hidden,
        onHomepage,
      });
      if (!created) continue;
      if (crawlable) {
        if (!this.traps.admit(url)) {
          target.skipped = "trap";
          continue;
        }
        if (depth + 1 <= this.config.maxDepth && this.enqueuePage(url, depth + 1)) continue;
      }
      this.scheduleCheck(target);
    }
  }

  private scheduleCheck(target: LinkTarget): void {
    if (!this.config.checkLinks || (!target.internal && !this.config.checkExternal)) {
      target.skipped = "not-checked";
      return;
    }
    this.checkQueue.push(target);
  }

  private async checkTarget(target: LinkTarget): Promise<void> {
    target.linkChecked = true;
    const recent = this.hooks.recentCheck?.(target.url);
    if (recent) {
      this.links.settle(target, recent.probe);
      target.checkedAt = recent.checkedAt;
      return;
    }
    const result = await this.fetcher.checkLink(target.url);
    this.stats.linksChecked += 1;
    this.links.settle(target, probeOf(result));
  }

  /** A Crawl-delay slows this host down, capped so one line in robots.txt cannot stall an inspection. */
  private async honourCrawlDelay(): Promise<void> {
    const finalUrl = new URL(this.homepage!.finalUrl);
    const delay = await this.robots.crawlDelayMs(finalUrl.origin);
    if (delay === undefined) return;
    const interval = Math.max(this.fetcher.options.minIntervalMs, Math.min(delay, maxCrawlDelayMs));
    this.fetcher.setMinInterval(finalUrl.hostname, interval);
  }

  private async seedFromSitemaps(): Promise<void> {
    const origin = originOf(this.homepage?.finalUrl ?? this.config.homepage);
    const declared = this.config.respectRobots ? await this.robots.sitemaps(origin) : [];
    const pending = [...new Set([...declared, `${origin}/sitemap.xml`])];
    const maxSitemaps = 10;
    for (let read = 0; read < maxSitemaps && pending.length > 0; read++) {
      const sitemapUrl = pending.shift()!;
      const result = await this.fetcher.fetch(sitemapUrl, { noRetry: true });
      if (!isUsablePage(result) || !result.body) continue;
      this.sitemaps.push(sitemapUrl);
      const entries = readSitemap(result.body.toString("utf8"));
      for (const location of entries.locations) {
        const url = normalizeUrl(location);
        if (url === null || !this.scope.contains(url)) continue;
        if (entries.isIndex) pending.push(url);
        else if (!this.seenPages.has(url) && this.traps.admit(url) && this.enqueuePage(url, 1)) {
          this.stats.sitemapUrls += 1;
        }
      }
    }
  }
}

function isUsablePage(result: FetchResult | Omit<FetchResult, "body">): boolean {
  return !result.error && result.status >= 200 && result.status < 300;
}

function isHtml(result: FetchResult): boolean {
  const type = result.headers["content-type"];
  if (type) return /html|xml\+xhtml/i.test(type);
  const head = result.body!.subarray(0, 512).toString("latin1").toLowerCase();
  return head.includes("<html") || head.includes("<!doctype html") || head.includes("<body");
}

function isCrawlableKind(link: LinkRef, url: string): boolean {
  if (link.kind !== "page" && link.kind !== "frame") return false;
  return !nonPageExtension.test(new URL(url).pathname);
}

function withoutBody(result: FetchResult): Omit<FetchResult, "body"> {
  const { body: _body, ...rest } = result;
  return rest;
}
