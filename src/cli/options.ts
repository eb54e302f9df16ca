import { InvalidArgumentError } from "commander";
import { parseAsOf } from "../core/clock.ts";
import { UsageError } from "../core/errors.ts";
import { defaultCrawlConfig, type CrawlConfig } from "../crawl/crawler.ts";
import { defaultFetchOptions } from "../fetch/defaults.ts";
import { parseConnectTo, parseResolve } from "../fetch/hostMapping.ts";
import type { FetchOptions } from "../fetch/types.ts";

/** The options `inspect` and `demo` share, as commander hands them over. */
export interface CrawlCliOptions {
  maxPages: number;
  maxDepth: number;
  asOf?: string;
  resolve: string[];
  connectTo: string[];
  proxy?: string;
  userAgent?: string;
  timeout: number;
  perHost: number;
  interval: number;
  concurrency: number;
  robots: boolean;
  sitemap: boolean;
  external: boolean;
  scopeHost: string[];
  mappedOnly?: boolean;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError("需要正整数 (a positive integer)");
  return number;
}

export function nonNegativeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    throw new InvalidArgumentError("需要非负数 (a non-negative number)");
  return number;
}

/** Accepts "www.x.gov.cn" as well as full URLs, as inspectors type them. */
export function siteUrl(text: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`不是有效的网址：${text}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`只支持 http 和 https 网址：${text}`);
  }
  return url.href;
}

export function fetchOptionsFrom(options: CrawlCliOptions): FetchOptions {
  const timeoutMs = options.timeout * 1000;
  return defaultFetchOptions({
    mappings: [...options.resolve.map(parseResolve), ...options.connectTo.map(parseConnectTo)],
    ...(options.proxy ? { proxy: siteUrl(options.proxy) } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    maxConcurrencyPerHost: options.perHost,
    minIntervalMs: options.interval,
    totalTimeoutMs: timeoutMs,
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
    connectTimeoutMs: Math.min(timeoutMs, 10_000),
    mappedOnly: options.mappedOnly ?? false,
  });
}

export function crawlConfigFrom(options: CrawlCliOptions): Omit<CrawlConfig, "homepage"> {
  return {
    ...defaultCrawlConfig,
    maxPages: options.maxPages,
    maxDepth: options.maxDepth,
    respectRobots: options.robots,
    useSitemap: options.sitemap,
    checkExternal: options.external,
    concurrency: options.concurrency,
    extraHosts: options.scopeHost,
  };
}

export function asOfFrom(options: CrawlCliOptions): Date | undefined {
  return options.asOf === undefined ? undefined : parseAsOf(options.asOf);
}
