/**
 * A small government site on loopback for the job tests, reached as http://www.jobs-test.gov.cn/
 * through host mapping; its two dead links can be "fixed" by the test as an owner would.
 */
import { defaultCrawlConfig } from "../../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import type { PlatformJobsOptions } from "../../src/jobs/platformJobs.ts";
import { html, serveSite, type Route, type TestSite } from "../helpers/httpSite.ts";

export const homepage = "http://www.jobs-test.gov.cn/";

export interface JobsTestSite extends TestSite {
  /** The host mapping that sends the site's host to this server. */
  connectTo: string;
  /** Makes a dead link answer 200 from now on. */
  fix(path: string): void;
  /** Every page but the homepage answers after this many ms (0: at once). */
  delayMs: number;
}

/** `hiddenLink`: the homepage carries a hidden link to a gambling site (an 暗链 veto). */
export async function startJobsTestSite(options: { hiddenLink?: boolean } = {}): Promise<JobsTestSite> {
  const fixed = new Set<string>();
  const state = { delayMs: 0 };
  const page = (body: string): Route => {
    const respond = html(body);
    return (request, response, url) => {
      if (state.delayMs === 0) return respond(request, response, url);
      setTimeout(() => respond(request, response, url), state.delayMs);
    };
  };
  const fixable = (path: string): Route => {
    const ok = page(`<h1>${path}</h1>`);
    return (request, response, url) => {
      if (fixed.has(path)) return ok(request, response, url);
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<h1>404</h1>");
    };
  };
  const articles = Array.from({ length: 6 }, (_, i) => `/news/${i + 1}.html`);
  const routes: Record<string, Route> = {
    "/": html(
      `<h1>测试县人民政府</h1><ul>${articles.map((href, i) => `<li><a href="${href}">要闻${i + 1}</a></li>`).join("")}</ul>` +
        `<a href="/dead-a.html">办事指南</a><a href="/dead-b.html">政策文件</a>` +
        (options.hiddenLink
          ? `<a href="http://www.bet-casino.example/" style="display:none">博彩娱乐</a>`
          : ""),
    ),
    "/dead-a.html": fixable("/dead-a.html"),
    "/dead-b.html": fixable("/dead-b.html"),
  };
  for (const href of articles) routes[href] = page(`<h1>要闻</h1><p>2026年11月1日 测试内容</p>`);
  const site = await serveSite(routes);
  return Object.defineProperties(site, {
    connectTo: { value: `www.jobs-test.gov.cn:80:127.0.0.1:${site.port}` },
    fix: { value: (path: string) => void fixed.add(path) },
    delayMs: {
      get: () => state.delayMs,
      set: (ms: number) => void (state.delayMs = ms),
    },
  }) as JobsTestSite;
}

/** Quick jobs for tests: small budgets, no text checks or search probe, short polling and retries. */
export function testJobOptions(site: JobsTestSite): PlatformJobsOptions {
  return {
    schedules: false,
    fetch: defaultFetchOptions({
      mappings: [parseConnectTo(site.connectTo)],
      mappedOnly: true,
      minIntervalMs: 0,
    }),
    crawl: { ...defaultCrawlConfig, maxPages: 20, checkExternal: false, useSitemap: false },
    content: false,
    standards: { searchProbe: false },
    retryDelaySeconds: 1,
    queue: { pollingIntervalSeconds: 0.5 },
    log: () => {},
  };
}

/** Polls until `check` returns a value; fails with `what` after the deadline (not a timing assertion). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  deadlineMs = 60_000,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`等待超时：${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
