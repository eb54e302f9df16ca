import { startDemoServer } from "../../demo/server.ts";
import { demoAsOf, demoSites } from "../../demo/sites.ts";
import { runInspection, type InspectCliOptions } from "./inspectCommand.ts";

/**
 * Serves the bundled sample sites on loopback and inspects them through host mapping, exactly as a
 * user would inspect real sites: nothing leaves this machine.
 */
export async function runDemo(options: InspectCliOptions): Promise<void> {
  const server = await startDemoServer();
  try {
    if (!options.quiet) {
      process.stdout.write(
        `已在 ${server.address}:${server.port} 启动 ${demoSites.length} 个示例政府网站：\n` +
          demoSites.map((site) => `  ${site.name}  ${site.homepage}`).join("\n") +
          "\n开始检查……\n\n",
      );
    }
    await runInspection(
      demoSites.map((site) => site.homepage),
      {
        ...options,
        // The demo's content is dated around its own time point, so its findings are the same on any day.
        asOf: options.asOf ?? demoAsOf,
        connectTo: [...options.connectTo, ...server.connectTo],
        mappedOnly: true,
      },
    );
  } finally {
    await server.close();
  }
}
