import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { defaultCrawlConfig } from "../../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import { problemPages } from "../../src/jobs/recheckJob.ts";
import { startPlatformJobs, type PlatformJobsOptions } from "../../src/jobs/platformJobs.ts";
import { listProblems, transitionProblem, type Problem } from "../../src/store/problemRepository.ts";
import { createSite, type Site } from "../../src/store/siteRepository.ts";
import { html, serveSite, type Route, type TestSite } from "../helpers/httpSite.ts";
import { openTestStore, type TestStore } from "../store/engines.ts";
import { waitFor } from "./fixtures.ts";

const homepage = "http://www.seeds-test.gov.cn/";
const articles = Array.from({ length: 30 }, (_, i) => `/a/${i + 1}.html`);
/** The last article links to a page that is gone: a problem only a crawl reaching that article sees. */
const deepPage = articles.at(-1)!;

test("a finding's pages: its URL and the pages its evidence names", () => {
  assert.deepEqual(
    problemPages("http://x.gov.cn/gone.html", {
      occurrences: [{ page: "http://x.gov.cn/a.html" }, { page: "http://x.gov.cn/b.html" }],
      pages: ["http://x.gov.cn/", "not a url"],
      page: 3,
    }).sort(),
    ["http://x.gov.cn/", "http://x.gov.cn/a.html", "http://x.gov.cn/b.html", "http://x.gov.cn/gone.html"],
  );
});

let testStore: TestStore;
let site: TestSite;
let registered: Site;
let fixed = false;

before(async () => {
  const routes: Record<string, Route> = {
    "/": html(
      `<h1>测试市人民政府</h1><ul>${articles.map((a) => `<li><a href="${a}">要闻</a></li>`).join("")}</ul>`,
    ),
  };
  for (const article of articles)
    routes[article] = html(
      article === deepPage ? `<p>正文</p><a href="/gone.html">相关文件</a>` : "<p>正文</p>",
    );
  const gone = html("<h1>404</h1>", 404);
  const restored = html("<h1>相关文件</h1>");
  routes["/gone.html"] = (request, response, url) => (fixed ? restored : gone)(request, response, url);
  site = await serveSite(routes);
  testStore = await openTestStore("pglite");
  registered = await createSite(testStore.store.db, { name: "测试市人民政府", homepage, kind: "portal" });
});

after(async () => {
  await site?.close();
  await testStore?.dispose();
});

function jobOptions(maxPages: number): PlatformJobsOptions {
  return {
    schedules: false,
    fetch: defaultFetchOptions({
      mappings: [parseConnectTo(`www.seeds-test.gov.cn:80:127.0.0.1:${site.port}`)],
      mappedOnly: true,
      minIntervalMs: 0,
    }),
    crawl: { ...defaultCrawlConfig, maxPages, checkExternal: false, useSitemap: false },
    content: false,
    standards: { searchProbe: false },
    retryDelaySeconds: 1,
    queue: { pollingIntervalSeconds: 0.5 },
    log: () => {},
  };
}

const goneProblem = async (): Promise<Problem | undefined> =>
  (await listProblems(testStore.store.db, { siteId: registered.id })).find((p) =>
    p.url.endsWith("/gone.html"),
  );

test("a re-check crawls the problem's pages first, so a budget spent elsewhere cannot close it falsely", async () => {
  const db = testStore.store.db;
  // Detected by a crawl whose budget reached the last article.
  const detecting = await startPlatformJobs(testStore.store, jobOptions(40));
  try {
    await detecting.crawlSite(registered.id);
    await waitFor("抓取发现死链", goneProblem);
  } finally {
    await detecting.stop();
  }
  const problem = (await goneProblem())!;
  await transitionProblem(db, problem.id, "待整改", "inspector");
  await transitionProblem(db, problem.id, "已整改待复查", "owner");

  // Re-checked with a budget of 5 pages: the homepage's first links would never reach the last article.
  const rechecking = await startPlatformJobs(testStore.store, jobOptions(5));
  try {
    await rechecking.recheckProblem(problem.id);
    const failed = await waitFor("未整改的问题复查未通过", async () => {
      const state = (await goneProblem())?.state;
      return state === "复查未通过" || state === "已关闭" ? state : undefined;
    });
    assert.equal(failed, "复查未通过");

    fixed = true;
    await transitionProblem(db, problem.id, "已整改待复查", "owner");
    await rechecking.recheckProblem(problem.id);
    const closed = await waitFor("整改后复查关闭", async () => {
      const state = (await goneProblem())?.state;
      return state === "已关闭" ? state : undefined;
    });
    assert.equal(closed, "已关闭");
  } finally {
    await rechecking.stop();
  }
});
