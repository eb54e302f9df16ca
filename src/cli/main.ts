import { writeFile } from "node:fs/promises";
import { Command, CommanderError } from "commander";
import { renderChecksDoc } from "../checks/catalogueDoc.ts";
import { exitCodes, UnreachableError, UsageError } from "../core/errors.ts";
import { toolVersion } from "../core/version.ts";
import { addCrawlOptions } from "./crawlOptions.ts";
import { runDemo } from "./demoCommand.ts";
import { runInspection, type InspectCliOptions } from "./inspectCommand.ts";
import { addProbeCommand } from "./probeCommand.ts";
import { collect, positiveInteger, siteUrl } from "./options.ts";
import { addCheckTextCommand } from "./checkTextCommand.ts";
import { addImportCommands } from "./importCommand.ts";
import { addServeCommands } from "./serveCommand.ts";
import { addWorkerCommand } from "./workerCommand.ts";

const program = new Command()
  .name("zhijian")
  .description("智检：政府网站与政务新媒体检查监测 (Zhijian: inspection of Chinese government websites)")
  .version(toolVersion)
  .exitOverride()
  .showHelpAfterError("（用 --help 查看用法）");

addCrawlOptions(
  program
    .command("inspect")
    .description("检查一个或多个网站并输出报告 (inspect sites, write a JSON report)")
    .argument("<url...>", "网站首页地址 (homepage URLs)")
    .option("--out <file>", "JSON 报告输出文件 (report file)")
    .option("--site-config <file>", "站点配置：栏目类型、更新周期、导航型首页 (per-site overrides, JSON)")
    .option("--probes <file>", "首页探测序列（zhijian probe --out），按一周窗口判断可用性 (probe series)")
    .option("--lexicon <file>", "加载自己的敏感词库（txt 或 csv），可重复 (extra lexicon)", collect, [])
    .option("--allow <word>", "允许词：不作为错别字或敏感词报告，可重复 (allow-list)", collect, [])
    .option("--no-search", "不提交站内搜索测试请求 (skip the one site-search request)")
    .option("--a11y", "用 Debian chromium 和 axe-core 对首页做完整无障碍检测 (full accessibility audit)")
    .option("--rules <file>", "评分规则集（默认 national-2019，见 data/rules/） (rule set)")
    .option("--manual <file>", "人工检查发现的问题（JSON），与自动检查一并评分 (manual findings)")
    .option(
      "--format <format>",
      "--out 的格式：json、docx（Word 问题清单）、xlsx（Excel 问题清单）、pdf（经 LibreOffice）",
      "json",
    )
    .option("--quiet", "不输出摘要和进度"),
  { timeout: 15, maxPages: 2000 },
).action(async (urls: string[], options: InspectCliOptions) => {
  const report = await runInspection(urls.map(siteUrl), options);
  if (report.sites.some((site) => !site.reachable)) {
    throw new UnreachableError(
      `无法访问的网站：${report.sites
        .filter((s) => !s.reachable)
        .map((s) => s.site)
        .join("，")}`,
    );
  }
});

addCrawlOptions(
  program
    .command("demo")
    .description("启动内置示例政府网站并检查它们 (serve the bundled demo sites on loopback and inspect them)")
    .option("--out <file>", "JSON 报告输出文件", "out/demo-report.json")
    .option("--site-config <file>", "站点配置 (per-site overrides, JSON)", "demo/site-config.json")
    .option("--problem-lists <path>", "Word 与 Excel 问题清单的文件名（不含扩展名）", "out/demo-problems")
    .option("--rules <file>", "评分规则集（默认 national-2019） (rule set)")
    .option("--quiet", "不输出摘要和进度")
    .option("--no-platform", "检查完即退出，不启动平台")
    .option(
      "--db <url|dir>",
      "平台数据库：PGlite 数据目录或 postgres:// 地址（默认环境变量 ZHIJIAN_DB，否则 ./data-store）",
    )
    .option("--host <host>", "平台监听地址", "127.0.0.1")
    .option("--port <port>", "平台监听端口", positiveInteger, 8080),
  { timeout: 5, maxPages: 300 },
).action(runDemo);

addProbeCommand(program);
addCheckTextCommand(program);
addImportCommands(program);
addServeCommands(program);
addWorkerCommand(program);

program
  .command("docs-checks")
  .description("从检查目录生成 docs/checks.md (generate docs/checks.md)")
  .option("--out <file>", "输出文件", "docs/checks.md")
  .action(async (options: { out: string }) => {
    await writeFile(options.out, renderChecksDoc());
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`用法错误：${error.message}\n`);
    return exitCodes.usage;
  }
  if (error instanceof UnreachableError) {
    process.stderr.write(`${error.message}\n`);
    return exitCodes.unreachable;
  }
  process.stderr.write(`出错了：${(error as Error).stack ?? String(error)}\n`);
  return exitCodes.failure;
}
