import type { CrawlStats } from "../crawl/crawler.ts";

/**
 * Progress of long crawls on stderr: one rewritten line on a terminal, a line every few seconds
 * otherwise (CI logs, pipes), so nobody wonders whether the run hangs.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): {
  update(site: string, stats: Readonly<CrawlStats>): void;
  done(): void;
} {
  const latest = new Map<string, Readonly<CrawlStats>>();
  let lastLine = 0;
  const interactive = stream.isTTY === true;
  const render = (): string =>
    [...latest.entries()]
      .map(
        ([site, stats]) =>
          `${new URL(site).hostname} 页面 ${stats.pagesFetched} 链接检查 ${stats.linksChecked} 待处理 ${stats.queued}`,
      )
      .join(" | ");
  return {
    update(site, stats) {
      latest.set(site, { ...stats });
      const now = Date.now();
      if (now - lastLine < (interactive ? 200 : 5000)) return;
      lastLine = now;
      if (interactive) stream.write(`\r\x1b[2K${render().slice(0, (stream.columns ?? 120) - 1)}`);
      else stream.write(`进度：${render()}\n`);
    },
    done() {
      if (interactive && latest.size > 0) stream.write("\r\x1b[2K");
    },
  };
}
