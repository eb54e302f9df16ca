import { Option, type Command } from "commander";
import { collect, nonNegativeNumber, positiveInteger } from "./options.ts";

/**
 * Where requests go and who sends them, and the time point: shared by every command that touches
 * the network (`inspect`, `demo`, `probe`), declared once so all read them the same way.
 */
export function addNetworkOptions(command: Command): Command {
  return command
    .option("--as-of <time>", "检查时间点，如 2026-11-20 (inspection time point; default now)")
    .option(
      "--resolve <host:port:addr>",
      "把 HOST:PORT 解析到 ADDR，可重复 (like curl --resolve)",
      collect,
      [],
    )
    .option(
      "--connect-to <host:port:addr:port>",
      "把到 HOST:PORT 的连接改连 ADDR:PORT，可重复，HOST/PORT 留空表示任意 (like curl --connect-to)",
      collect,
      [],
    )
    .option("--proxy <url>", "经 HTTP 代理访问 (HTTP proxy)")
    .option("--user-agent <ua>", "User-Agent（默认如实标明智检）")
    .addOption(
      new Option(
        "--mapped-only",
        "只访问经 --resolve/--connect-to 映射的主机，不查 DNS（测试用）",
      ).hideHelp(),
    );
}

/** Options shared by `inspect` and `demo`, declared once so both read them the same way. */
export function addCrawlOptions(command: Command, defaults: { timeout: number; maxPages: number }): Command {
  return addNetworkOptions(command)
    .option(
      "--max-pages <n>",
      "每个网站最多抓取的页面数 (page budget per site)",
      positiveInteger,
      defaults.maxPages,
    )
    .option("--max-depth <n>", "最大抓取深度 (crawl depth)", positiveInteger, 10)
    .option(
      "--timeout <seconds>",
      "单个请求时限，秒 (per request, the 15 s rule)",
      nonNegativeNumber,
      defaults.timeout,
    )
    .option("--per-host <n>", "每个主机最多并发请求数 (politeness)", positiveInteger, 2)
    .option("--interval <ms>", "同一主机两次请求的最小间隔，毫秒", nonNegativeNumber, 200)
    .option("--concurrency <n>", "总并发请求数 (all hosts)", positiveInteger, 8)
    .option("--no-robots", "不遵守 robots.txt (ignore robots.txt)")
    .option("--no-sitemap", "不读取 sitemap.xml")
    .option("--no-external", "不检查站外链接 (skip external links)")
    .option("--scope-host <host>", "同属本网站的其他主机，可重复 (extra in-scope host)", collect, []);
}
