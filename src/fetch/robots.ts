import robotsParserModule from "robots-parser";
import { decodeBody } from "./charset.ts";
import type { FetchResult, RequestOptions } from "./types.ts";

/** The product token matched against User-agent lines. */
export const ROBOTS_USER_AGENT = "Zhijian";
/** Google reads the first 500 KiB of a robots.txt; so do we. */
const ROBOTS_MAX_BYTES = 500 * 1024;

// robots-parser is CommonJS (module.exports = function) but its typings declare an ES default
// export, so under NodeNext TypeScript sees the module object where Node gives the function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robot = ReturnType<typeof robotsParser>;

/** What happened when robots.txt was fetched; a check may report a missing or broken one. */
export interface RobotsFacts {
  url: string;
  status: number;
  errorCode?: string;
  /** Why everything is allowed although rules could not be read, e.g. "5xx" or "401/403". */
  note?: string;
}

interface RobotsEntry {
  robot: Robot | null;
  facts: RobotsFacts;
}

interface RobotsFetcher {
  fetch(url: string, request?: RequestOptions): Promise<FetchResult>;
}

/**
 * robots.txt per origin, fetched once through the Fetcher (so with its politeness, mapping and
 * timeouts). An unreadable robots.txt allows everything: 404 and network errors mean there are no
 * rules; 401/403 and 5xx are treated the same but noted, since an inspection must still look at
 * the public site (RFC 9309 lets crawlers treat 4xx as "no rules"; for 5xx it says to assume a
 * full disallow, which for an inspection would mean reporting nothing about a site that is up).
 */
export class RobotsCache {
  private readonly entries = new Map<string, Promise<RobotsEntry>>();

  constructor(
    private readonly fetcher: RobotsFetcher,
    private readonly userAgent: string = ROBOTS_USER_AGENT,
  ) {}

  async allowed(url: string): Promise<boolean> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return false;
    }
    if (target.pathname === "/robots.txt") return true;
    const { robot } = await this.entry(target.origin);
    return robot?.isAllowed(target.href, this.userAgent) ?? true;
  }

  /** Sitemap: lines of the origin's robots.txt, as absolute URLs. */
  async sitemaps(origin: string): Promise<string[]> {
    const { robot } = await this.entry(originOf(origin));
    return robot?.getSitemaps() ?? [];
  }

  /** Crawl-delay for our user agent in milliseconds, undefined when not set. */
  async crawlDelayMs(origin: string): Promise<number | undefined> {
    const { robot } = await this.entry(originOf(origin));
    const seconds = robot?.getCrawlDelay(this.userAgent);
    return seconds === undefined || !Number.isFinite(seconds) ? undefined : seconds * 1000;
  }

  async facts(origin: string): Promise<RobotsFacts> {
    return (await this.entry(originOf(origin))).facts;
  }

  private entry(origin: string): Promise<RobotsEntry> {
    let entry = this.entries.get(origin);
    if (!entry) {
      entry = this.load(origin);
      this.entries.set(origin, entry);
    }
    return entry;
  }

  private async load(origin: string): Promise<RobotsEntry> {
    const url = `${origin}/robots.txt`;
    const result = await this.fetcher.fetch(url, { maxBodyBytes: ROBOTS_MAX_BYTES });
    const facts: RobotsFacts = { url, status: result.status };
    if (result.error) facts.errorCode = result.error.code;
    if (result.status === 200 && result.body) {
      // robots.txt is UTF-8 by RFC 9309; decodeBody still honours a declared legacy charset.
      const text = decodeBody(result.body, result.headers["content-type"]).text;
      return { robot: robotsParser(url, text), facts };
    }
    if (result.status === 401 || result.status === 403) facts.note = "401/403：按无规则处理";
    else if (result.status >= 500) facts.note = "5xx：按无规则处理";
    else if (result.status === 0) facts.note = "无法获取：按无规则处理";
    return { robot: null, facts };
  }
}

function originOf(originOrUrl: string): string {
  try {
    return new URL(originOrUrl).origin;
  } catch {
    return originOrUrl;
  }
}
