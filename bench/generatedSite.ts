import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A deterministic government-style site of any size, generated on request: every page has a
 * navigation bar, a dated list of articles, images, a stylesheet, a script, attachments and a
 * footer; about 1 % of links are broken. Page i links forward so a breadth-first crawl reaches all.
 */
export interface GeneratedSite {
  url: string;
  pages: number;
  /** What a tool asked for, counted at the server so every tool is measured the same way. */
  served: { htmlPages: number; distinctUrls: number };
  close(): Promise<void>;
}

const columns = [
  "要闻动态",
  "通知公告",
  "政策文件",
  "政策解读",
  "办事服务",
  "互动交流",
  "机构概况",
  "数据发布",
];

function pageHtml(id: number, pages: number): string {
  const items: string[] = [];
  for (let k = 1; k <= 20; k++) {
    const target = (id * 20 + k) % pages;
    const day = String(1 + ((id + k) % 28)).padStart(2, "0");
    items.push(
      `<li><a href="/art/${target}.html" title="关于做好第${target}项工作的通知">关于做好第${target}项重点工作的通知</a><span>2026-10-${day}</span></li>`,
    );
  }
  const broken = id % 5 === 0 ? `<li><a href="/missing/${id}.html">已删除的旧页面</a></li>` : "";
  const nav = columns.map((name, index) => `<li><a href="/art/${index}.html">${name}</a></li>`).join("");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>第${id}页 - 示范市人民政府</title>
<meta name="SiteName" content="示范市人民政府"><meta name="SiteIDCode" content="1101000001">
<link rel="stylesheet" href="/static/main.css"><script src="/static/main.js"></script></head>
<body><div class="header"><img src="/static/logo.png" alt="示范市人民政府"><ul class="nav">${nav}</ul></div>
<div class="main"><h1>第${id}号信息</h1><p>为深入贯彻落实有关部署，进一步优化营商环境，现就有关事项通知如下。各单位要高度重视，认真组织实施。</p>
<ul class="list">${items.join("")}${broken}</ul>
<p>附件：<a href="/files/${id % 50}.pdf">附件${id % 50}.pdf</a> <a href="/files/${id % 50}.docx">申请表.docx</a></p>
<img src="/images/${id % 100}.jpg" alt="配图"></div>
<div class="footer"><p>主办单位：示范市人民政府办公室 联系电话：0000-12345678</p><p>网站标识码：1101000001 京ICP备12345678号</p>
<a href="/art/0.html">返回首页</a></div></body></html>`;
}

export async function startGeneratedSite(pages: number): Promise<GeneratedSite> {
  const distinct = new Set<string>();
  const htmlPagesServed = new Set<string>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0]!;
    distinct.add(path);
    const article = /^\/art\/(\d+)\.html$/.exec(path);
    if (path === "/" || article) {
      const id = article ? Number(article[1]) : 0;
      if (id >= pages) return void response.writeHead(404).end("not found");
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      if (request.method === "HEAD") return void response.end();
      htmlPagesServed.add(path);
      return void response.end(pageHtml(id, pages));
    }
    if (/^\/(static|files|images)\//.test(path)) {
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": "16" });
      return void response.end(request.method === "HEAD" ? undefined : "0123456789abcdef");
    }
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    pages,
    get served() {
      return { htmlPages: htmlPagesServed.size, distinctUrls: distinct.size };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
