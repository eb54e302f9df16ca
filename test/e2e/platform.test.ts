/**
 * The platform end to end (issue 7, "Done when"): Debian chromium drives the built web UI served by
 * `startPlatform` on a fresh PGlite store with the demo registry and accounts. One problem goes its
 * whole way: a monitoring crawl detects the demo city's dead link, the inspector confirms it, the
 * owner publishes the missing page on the demo site and marks the problem fixed, and the automatic
 * re-check closes it. Another unit's owner can neither see nor change it, in the UI or the API.
 * Screenshots of the main pages go to test-results/.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { startDemoServer, type DemoServer } from "../../demo/server.ts";
import { demoAsOf } from "../../demo/sites.ts";
import { demoPassword, demoPeriod, seedDemoPlatform } from "../../src/cli/demoPlatform.ts";
import { startPlatform, type RunningPlatform } from "../../src/cli/serveCommand.ts";
import { loadSiteConfig } from "../../src/cli/siteConfigFile.ts";
import { fixedClock, parseAsOf } from "../../src/core/clock.ts";
import { defaultCrawlConfig } from "../../src/crawl/crawler.ts";
import { DEFAULT_CHROMIUM } from "../../src/fetch/axeAudit.ts";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import { defaultWebRoot } from "../../src/server/staticUi.ts";
import { hasInspection } from "../../src/store/inspectionRepository.ts";
import { openStore, type Store } from "../../src/store/open.ts";
import { testSlowMs } from "../helpers/demoInspection.ts";
import { migratedDataDir } from "../store/engines.ts";
import { getProblem, listProblems, type Problem } from "../../src/store/problemRepository.ts";
import { getSiteByHomepage } from "../../src/store/siteRepository.ts";

const screenshots = "test-results";
const cityHost = "www.demo-city.gov.cn";
/** The planted dead link of the demo city's homepage (demo/sites.ts): 示范市人力资源和社会保障局. */
const deadLink = `http://${cityHost}/bmwz/rsj/`;

const missing = !existsSync(DEFAULT_CHROMIUM)
  ? `${DEFAULT_CHROMIUM} is absent (apt-get install chromium fonts-wqy-zenhei)`
  : !existsSync(join(defaultWebRoot, "index.html"))
    ? "web/dist is not built (npm run build:web)"
    : false;

describe("智检平台 in chromium", { skip: missing }, () => {
  let demo: DemoServer;
  let dataDir: string;
  let platform: RunningPlatform;
  let browser: Browser;
  let store: Store;
  let cityId: number;
  let problem: Problem;

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    demo = await startDemoServer({ slowMs: testSlowMs });
    dataDir = await mkdtemp(join(tmpdir(), "zhijian-e2e-"));
    store = await openStore(await migratedDataDir(join(dataDir, "store")));
    const siteConfig = await loadSiteConfig("demo/site-config.json");
    await seedDemoPlatform(store.db, siteConfig);
    cityId = (await getSiteByHomepage(store.db, `http://${cityHost}/`))!.id;
    platform = await startPlatform(store, {
      jobs: {
        fetch: defaultFetchOptions({
          mappings: demo.connectTo.map(parseConnectTo),
          mappedOnly: true,
          // As the other demo tests: loopback answers at once, the slow page is cut short.
          minIntervalMs: 20,
          totalTimeoutMs: 1500,
          headersTimeoutMs: 1500,
          bodyTimeoutMs: 1500,
          retryBaseDelayMs: 50,
        }),
        crawl: { ...defaultCrawlConfig, maxPages: 300 },
        // The life cycle runs on a link problem; the text checks (most of a crawl's CPU) are tested elsewhere.
        content: false,
        siteConfig,
        clock: fixedClock(parseAsOf(demoAsOf)),
        alerts: {},
        queue: { pollingIntervalSeconds: 0.5 },
      },
      server: { webRoot: defaultWebRoot, host: "127.0.0.1", port: 0 },
    });
    browser = await chromium.launch({ executablePath: DEFAULT_CHROMIUM });
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
    await demo?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${platform.url}/login`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(demoPassword);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("current-user").waitFor();
    return page;
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 180): Promise<T> {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`等待超时：${what}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  async function problemState(id: number): Promise<string> {
    return (await getProblem(store.db, id))!.state;
  }

  test("a wrong password is refused with a Chinese message", async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/login`);
    await page.getByTestId("login-username").fill("jianguan");
    await page.getByTestId("login-password").fill("not-the-password");
    await page.getByTestId("login-submit").click();
    assert.match(await page.getByTestId("login-error").innerText(), /用户名或密码/);
    await page.close();
  });

  test("a monitoring crawl detects the demo city's dead link as a problem to confirm", async () => {
    await platform.jobs.crawlSite(cityId);
    problem = await until("示范市的监测抓取记录死链问题", async () =>
      (await listProblems(store.db, { siteId: cityId })).find((p) => p.url === deadLink),
    );
    assert.equal(problem.state, "待确认");
    assert.equal(problem.check, "link.dead");
  });

  test("the quarter's inspection is computed from the stored crawl and probes", async () => {
    await platform.jobs.probeAll();
    await platform.jobs.inspectPeriod(demoPeriod);
    await until("季度检查完成", async () =>
      (await hasInspection(store.db, demoPeriod, "定期")) ? true : undefined,
    );
  });

  test("the inspector sees the dashboard and confirms the problem", async () => {
    const page = await signIn("jianguan");
    await page.getByTestId("chart-by-indicator").waitFor();
    assert.equal(await page.getByTestId("chart-by-indicator").getAttribute("data-empty"), null);
    assert.match(await page.getByTestId("card-sites").innerText(), /4/);
    assert.match(await page.getByTestId("card-open-problems").innerText(), /\d/);
    // The quarter's inspection covered the one crawled site: 1 of 1 judged.
    assert.match(await page.getByTestId("card-pass-rate").innerText(), /%/);
    await page.locator('[data-testid="chart-availability"] canvas').waitFor();
    // ECharts draws on a canvas after its first frame.
    await page.locator('[data-testid="chart-by-indicator"] canvas').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${screenshots}/dashboard.png`, fullPage: true });

    await page.getByTestId("menu-sites").click();
    await page.getByTestId(`site-row-${cityId}`).waitFor();
    await page.screenshot({ path: `${screenshots}/sites.png`, fullPage: true });
    await page.getByTestId(`site-link-${cityId}`).click();
    await page.getByTestId("findings-table").waitFor();
    await page.screenshot({ path: `${screenshots}/site-detail.png`, fullPage: true });

    await page.goto(`${platform.url}/problems?siteId=${cityId}&check=link.dead`);
    const row = page.getByTestId(`problem-row-${problem.id}`);
    await row.waitFor();
    assert.match(await row.innerText(), /待确认/);
    await page.screenshot({ path: `${screenshots}/problems.png`, fullPage: true });
    await page.getByTestId(`problem-action-confirm-${problem.id}`).click();
    await until(
      "问题被确认",
      async () => ((await problemState(problem.id)) === "待整改" ? true : undefined),
      20,
    );
    await row.getByText("待整改").waitFor();

    await page.getByTestId("menu-inspections").click();
    await page.getByTestId("inspections-page").waitFor();
    await page.screenshot({ path: `${screenshots}/inspections.png`, fullPage: true });
    await page.context().close();
  });

  test("another unit's owner can neither see nor change the problem, in the UI or the API", async () => {
    const page = await signIn("jiaoyuju");
    await page.goto(`${platform.url}/problems`);
    await page.getByTestId("problems-page").waitFor();
    await page.locator(".ant-table").waitFor();
    assert.equal(await page.getByTestId(`problem-row-${problem.id}`).count(), 0);
    const me = await (await page.request.get(`${platform.url}/api/auth/me`)).json();
    const headers = { "x-csrf-token": me.csrfToken };
    assert.equal((await page.request.get(`${platform.url}/api/problems/${problem.id}`)).status(), 404);
    assert.equal((await page.request.get(`${platform.url}/api/sites/${cityId}`)).status(), 404);
    const change = await page.request.post(`${platform.url}/api/problems/${problem.id}/transition`, {
      headers,
      data: { to: "已整改待复查" },
    });
    assert.equal(change.status(), 404);
    const listed = await (await page.request.get(`${platform.url}/api/problems`)).json();
    assert.ok(listed.every((p: { siteId: number }) => p.siteId !== cityId));
    assert.equal(await problemState(problem.id), "待整改");
    await page.context().close();
  });

  test("the owner fixes the site, marks the problem fixed, and the re-check closes it", async () => {
    const page = await signIn("shizhengfu");
    await page.goto(`${platform.url}/problems?siteId=${cityId}&check=link.dead`);
    await page.getByTestId(`problem-action-start-${problem.id}`).click();
    await until("整改中", async () => ((await problemState(problem.id)) === "整改中" ? true : undefined), 20);
    // The owning unit republishes the page the homepage links to.
    demo.publish(
      cityHost,
      "bmwz/rsj/index.html",
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>示范市人力资源和社会保障局</title></head>' +
        "<body><h1>示范市人力资源和社会保障局</h1></body></html>",
    );
    await page.getByTestId(`problem-action-fixed-${problem.id}`).click();
    const closed = await until("复查关闭问题", async () => {
      const state = await problemState(problem.id);
      return state === "已关闭" || state === "复查未通过" ? state : undefined;
    });
    assert.equal(closed, "已关闭");
    await page.reload();
    await page.getByTestId(`problem-row-${problem.id}`).getByText("已关闭").waitFor();
    await page.getByTestId(`problem-detail-${problem.id}`).click();
    const audit = page.getByTestId("problem-audit");
    await audit.waitFor();
    assert.match(await audit.innerText(), /系统 已整改待复查 → 已关闭/);
    await page.screenshot({ path: `${screenshots}/problem-closed.png`, fullPage: true });
    await page.context().close();
  });

  test("a citizen reports an error without signing in; the owner sees it in the inbox", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${platform.url}/report`);
    await page.getByTestId("report-form").waitFor();
    await page.getByTestId("report-site").click();
    await page.locator(".ant-select-item-option", { hasText: "示范市人民政府" }).first().click();
    await page.getByTestId("report-category").click();
    await page.locator(".ant-select-item-option", { hasText: "错别字" }).first().click();
    await page.getByTestId("report-description").fill("首页“部门动态”第二条标题中“示范市”误写为“示范巿”。");
    // The form token must be a few seconds old: a person takes longer than that to fill the form.
    await page.waitForTimeout(3_200);
    await page.screenshot({ path: `${screenshots}/report-form.png`, fullPage: true });
    await page.getByTestId("report-submit").click();
    const receipt = await page.getByTestId("report-receipt-id").innerText();
    assert.match(receipt, /\d+/);
    await context.close();

    const owner = await signIn("shizhengfu");
    await owner.getByTestId("menu-error-reports").click();
    await owner.getByTestId("error-reports-page").waitFor();
    await owner.getByText("示范巿").first().waitFor();
    await owner.screenshot({ path: `${screenshots}/error-reports.png`, fullPage: true });
    await owner.context().close();
  });
});
