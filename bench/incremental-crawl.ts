/**
 * Daily monitoring crawls, full against incremental: a generated government site of --pages pages on
 * loopback (its own process, so only the crawler's CPU is counted) is crawled twice through the crawl
 * job (runCrawl: pipeline, PGlite store, page cache), a few pages edited in between (--changed).
 * Prints each crawl's CPU seconds, requests served and findings, and the ratio second/first.
 *
 * Page text is cut from the saved real government pages, each paragraph marked with its page so no
 * two pages share body text (the text checks see as much distinct text as on a real site).
 *
 *   npm run bench:incremental -- [--pages 3000] [--changed 30]
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCrawlConfig } from "../src/crawl/crawler.ts";
import { defaultFetchOptions } from "../src/fetch/defaults.ts";
import { parseConnectTo } from "../src/fetch/hostMapping.ts";
import { emptySiteConfig } from "../src/inspect/siteConfig.ts";
import { runCrawl } from "../src/jobs/crawlJob.ts";
import { loadRuleSet } from "../src/rules/ruleSet.ts";
import { openStore } from "../src/store/open.ts";
import { createSite } from "../src/store/siteRepository.ts";
import { option, realPageTexts } from "./throughput.ts";

type ToServer = { edit: number[] } | { count: true };
type FromServer = { port: number } | { requests: number } | { edited: true };

const host = "www.bench-incremental.gov.cn";

if (process.argv[2] === "serve") serve(Number(process.argv[3]));
else await main();

/** The site, in the child process: pages 0..n-1 (0 is the homepage), answering the parent's messages. */
function serve(pages: number): void {
  const texts = realPageTexts().flatMap((text) =>
    text
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line.length >= 20),
  );
  const version = new Map<number, number>();
  let requests = 0;
  const paragraphs = (id: number): string =>
    [0, 1, 2, 3].map((k) => `<p>（第${id}号-${k}）${texts[(id * 4 + k) % texts.length]}</p>`).join("") +
    (version.has(id) ? `<p>（第${id}号修订${version.get(id)}）本页内容已更新，请以此为准。</p>` : "");
  const page = (id: number): string => {
    const links = Array.from({ length: 20 }, (_, k) => (id * 20 + k + 1) % pages)
      .map((target) => `<li><a href="/art/${target}.html">关于做好第${target}项工作的通知</a></li>`)
      .join("");
    const broken = id % 50 === 0 ? `<a href="/missing/${id}.html">旧页面</a>` : "";
    return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>第${id}页 - 示范市人民政府</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/art/1.html">要闻动态</a><a href="/art/2.html">通知公告</a></div>
<h1>第${id}号信息</h1><p>发布日期：2026-10-${String(1 + (id % 28)).padStart(2, "0")}</p>${paragraphs(id)}
<ul>${links}</ul>${broken}<img src="/images/${id % 200}.jpg" alt="配图">
<p>附件：<a href="/files/${id % 100}.txt">附件${id % 100}.txt</a></p>
<div class="footer">主办单位：示范市人民政府办公室 网站标识码：1101000001</div></body></html>`;
  };
  const server = createServer((request, response) => {
    requests += 1;
    const url = (request.url ?? "/").split("?")[0]!;
    const article = /^\/art\/(\d+)\.html$/.exec(url);
    const id = url === "/" ? 0 : article ? Number(article[1]) : -1;
    if (id >= 0 && id < pages) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(id));
    } else if (/^\/images\/\d+\.jpg$/.test(url)) {
      response.writeHead(200, { "content-type": "image/jpeg" }).end(Buffer.alloc(2048));
    } else if (/^\/files\/\d+\.txt$/.test(url)) {
      response
        .writeHead(200, { "content-type": "text/plain; charset=utf-8" })
        .end(`附件正文 ${url}\n${texts[0]}`);
    } else {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<h1>404</h1>");
    }
  });
  server.listen(0, "127.0.0.1", () => send({ port: (server.address() as AddressInfo).port }));
  process.on("message", (message: ToServer) => {
    if ("count" in message) {
      send({ requests });
      requests = 0;
      return;
    }
    for (const id of message.edit) version.set(id, (version.get(id) ?? 0) + 1);
    send({ edited: true });
  });
  process.on("disconnect", () => server.close());
}

function send(message: FromServer): void {
  process.send!(message);
}

function ask(child: ChildProcess, message?: ToServer): Promise<FromServer> {
  return new Promise((resolve) => {
    child.once("message", (reply: FromServer) => resolve(reply));
    if (message) child.send(message);
  });
}

async function main(): Promise<void> {
  const pages = option("--pages", 3000);
  const changed = option("--changed", 30);
  const child = fork(fileURLToPath(import.meta.url), ["serve", String(pages)]);
  const { port } = (await ask(child)) as { port: number };
  const dir = await mkdtemp(path.join(tmpdir(), "zhijian-bench-incremental-"));
  const store = await openStore(dir);
  try {
    const site = await createSite(store.db, {
      name: "示范市人民政府",
      homepage: `http://${host}/`,
      organizer: "示范市人民政府办公室",
      kind: "portal",
    });
    let now = new Date("2026-11-20T02:00:00Z");
    const ctx = {
      db: store.db,
      clock: { now: () => now },
      fetch: defaultFetchOptions({
        mappings: [parseConnectTo(`${host}:80:127.0.0.1:${port}`)],
        mappedOnly: true,
        minIntervalMs: 0,
      }),
      crawl: { ...defaultCrawlConfig, maxPages: pages + 10, maxDepth: 50, useSitemap: false },
      siteConfig: emptySiteConfig,
      content: {},
      standards: { searchProbe: false },
      ruleSet: loadRuleSet(),
      log: (line: string) => console.log(`  ${line}`),
    };
    const crawl = async (label: string): Promise<{ cpu: number; requests: number; findings: number }> => {
      const cpuBefore = process.cpuUsage();
      const recorded = await runCrawl(ctx, { siteId: site.id });
      const used = process.cpuUsage(cpuBefore);
      const { requests } = (await ask(child, { count: true })) as { requests: number };
      const cpu = (used.user + used.system) / 1e6;
      console.log(`${label}: CPU ${cpu.toFixed(1)} s, ${requests} requests, ${recorded!.findings} findings`);
      return { cpu, requests, findings: recorded!.findings };
    };
    console.log(`site: ${pages} pages; crawler process CPU (server in its own process)`);
    const first = await crawl("first crawl (full)");
    const edited = Array.from({ length: changed }, (_, k) => 1 + Math.floor((k * pages) / changed));
    await ask(child, { edit: edited });
    now = new Date(now.getTime() + 86_400_000);
    const second = await crawl(`second crawl (next day, ${changed} pages edited, with the cache)`);
    console.log(
      `second/first: CPU ${(second.cpu / first.cpu).toFixed(2)}, requests ${(second.requests / first.requests).toFixed(2)}`,
    );
  } finally {
    await store.close();
    child.disconnect();
    await rm(dir, { recursive: true, force: true });
  }
}
