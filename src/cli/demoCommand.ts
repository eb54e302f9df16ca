import { startDemoServer } from "../../demo/server.ts";
import { demoAsOf, demoSites } from "../../demo/sites.ts";
import { fixedClock } from "../core/clock.ts";
import { defaultRuleSetFile, loadRuleSet } from "../rules/ruleSet.ts";
import { defaultWebRoot } from "../server/staticUi.ts";
import { openStore } from "../store/open.ts";
import { demoAccountsText, seedDemoPlatform } from "./demoPlatform.ts";
import { runInspection, type InspectCliOptions } from "./inspectCommand.ts";
import { asOfFrom, crawlConfigFrom, fetchOptionsFrom } from "./options.ts";
import { logLine, startPlatform } from "./serveCommand.ts";
import { loadSiteConfig } from "./siteConfigFile.ts";

export interface DemoCliOptions extends InspectCliOptions {
  /** commander's --no-platform: stop after the inspection. */
  platform: boolean;
  db?: string;
  host: string;
  port: number;
}

/**
 * Serves the bundled sample sites on loopback and inspects them through host mapping, exactly as a
 * user would inspect real sites: nothing leaves this machine. Then, unless --no-platform, starts the
 * platform on them (registry, demo accounts, the inspection recorded, monitoring jobs) until Ctrl+C.
 */
export async function runDemo(options: DemoCliOptions): Promise<void> {
  const server = await startDemoServer();
  try {
    if (!options.quiet) {
      process.stdout.write(
        `已在 ${server.address}:${server.port} 启动 ${demoSites.length} 个示例政府网站：\n` +
          demoSites.map((site) => `  ${site.name}  ${site.homepage}`).join("\n") +
          "\n开始检查……\n\n",
      );
    }
    const demoOptions: DemoCliOptions = {
      ...options,
      // The demo's content is dated around its own time point, so its findings are the same on any day.
      asOf: options.asOf ?? demoAsOf,
      connectTo: [...options.connectTo, ...server.connectTo],
      mappedOnly: true,
    };
    const report = await runInspection(
      demoSites.map((site) => site.homepage),
      demoOptions,
    );
    if (options.platform) await runDemoPlatform(report, demoOptions);
  } finally {
    await server.close();
  }
}

async function runDemoPlatform(
  report: Awaited<ReturnType<typeof runInspection>>,
  options: DemoCliOptions,
): Promise<void> {
  const siteConfig = await loadSiteConfig(options.siteConfig ?? "demo/site-config.json");
  const store = await openStore(options.db);
  try {
    await seedDemoPlatform(store.db, siteConfig, report);
  } catch (error) {
    await store.close();
    throw error;
  }
  const platform = await startPlatform(store, {
    jobs: {
      fetch: fetchOptionsFrom(options),
      crawl: crawlConfigFrom(options),
      siteConfig,
      ruleSet: loadRuleSet(options.rules ?? defaultRuleSetFile),
      // Re-checks and crawls judge the demo sites at the demo's time point, like the inspection did.
      clock: fixedClock(asOfFrom(options)!),
      alerts: {},
    },
    server: { webRoot: defaultWebRoot, host: options.host, port: options.port },
  });
  // Availability on the dashboard from the first minute, not only after the first hourly round.
  await platform.jobs.probeAll();
  process.stdout.write(`\n${demoAccountsText(platform.url)}\n按 Ctrl+C 停止。\n`);
  logLine("平台已启动");
  await platform.stopOnSignal();
}
