/**
 * The demo server: ONE node:http server on loopback that answers for the four demo sites and the
 * stub hosts by the Host header (virtual hosting). Static files come from demo/sites/<host>/ and are
 * loaded into memory at start, so a request path is only ever a key into a map and can never reach
 * the file system. Dynamic routes (trap, calendar, slow page, redirects, errors, bot protection,
 * site search) are code below.
 *
 *   const demo = await startDemoServer();            // 127.0.0.1, random port
 *   // fetch http://www.demo-city.gov.cn/ through --connect-to demo.connectTo…
 *   await demo.close();
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { buildAllSites, readSitesFromDisk } from "./build-sites.ts";
import { png } from "./content/binary.ts";
import { siteModule } from "./content/index.ts";
import { type ArticleDef, esc, ymd } from "./content/model.ts";
import {
  DEFAULT_SLOW_MS,
  type DemoSite,
  demoConnectTo,
  demoSite,
  demoSites,
  demoStubHosts,
  isBrowserLikeUserAgent,
} from "./sites.ts";

export interface DemoServerOptions {
  /** Listening address; default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Delay of the slow page in ms; default 8000. */
  slowMs?: number;
  /** Where the static files are; default demo/sites/ next to this file. */
  sitesDir?: string;
}

export interface DemoRequestRecord {
  /** ms since the server started. */
  at: number;
  host: string;
  method: string;
  /** Request target as sent (path and query). */
  url: string;
  userAgent: string;
  /** Final status, 0 while pending or when the client went away first. */
  status: number;
}

export interface DemoServer {
  /** Listening IP address, e.g. "127.0.0.1". */
  address: string;
  port: number;
  /** "http://127.0.0.1:PORT" */
  baseUrl: string;
  sites: DemoSite[];
  stubHosts: string[];
  /** curl-style --connect-to specs HOST:80:ADDR:PORT for every demo and stub host. */
  connectTo: string[];
  /** Every request seen (capped at 20 000), for assertions such as "robots.txt was honoured". */
  requests: DemoRequestRecord[];
  /** Highest number of simultaneous requests seen for a host (politeness assertions). */
  maxInFlight(host: string): number;
  /**
   * Publishes a file on a demo site, as the site's owner would when rectifying a problem (the
   * platform's end-to-end test fixes a dead link this way and lets the re-check close it).
   */
  publish(host: string, path: string, body: string | Buffer): void;
  close(): Promise<void>;
}

const DEFAULT_SITES_DIR = fileURLToPath(new URL("./sites/", import.meta.url));
const MAX_LOG = 20_000;

const TYPES: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  shtml: "text/html",
  css: "text/css",
  js: "application/javascript",
  xml: "application/xml",
  txt: "text/plain",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  ico: "image/x-icon",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

const TEXT_TYPES = new Set([
  "text/html",
  "text/css",
  "application/javascript",
  "application/xml",
  "text/plain",
]);

function extensionOf(path: string): string {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash ? path.slice(dot + 1).toLowerCase() : "";
}

interface SiteFiles {
  files: Map<string, Buffer>;
  dirs: Set<string>;
}

function indexFiles(files: Map<string, Buffer>): SiteFiles {
  const dirs = new Set<string>([""]);
  for (const path of files.keys()) {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) dirs.add(segments.slice(0, i).join("/"));
  }
  return { files, dirs };
}

/** Did the raw request target try to climb out of the site root (.. in any spelling)? */
export function looksLikeTraversal(rawPath: string): boolean {
  let p = rawPath;
  for (let i = 0; i < 3; i++) {
    const next = p.replace(/%25/gi, "%");
    if (next === p) break;
    p = next;
  }
  p = p.replace(/%2e/gi, ".").replace(/%2f/gi, "/").replace(/%5c/gi, "\\");
  return /(^|[/\\])\.\.([/\\]|$)/.test(p) || p.includes("\0") || /%00/i.test(p);
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    if (token !== "gzip" && token !== "*") return false;
    const q = params.map((x) => x.trim()).find((x) => x.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** "YYYY-MM-DD" ± days, in UTC so there is no time zone drift. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDate(d);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return formatDate(d);
}

function formatDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

function validCalendarDate(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || formatDate(d) !== value) return undefined;
  const year = d.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? value : undefined;
}

const CALENDAR_EVENTS: Record<string, string[]> = {
  "2026-11-19": ["09:00 市政府第45次常务会议"],
  "2026-11-20": ["09:30 全市冬季安全生产电视电话会议", "15:00 市长接待日（市信访局接待大厅）"],
  "2026-11-23": ["10:00 示范市2027年民生实事项目论证会"],
};

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  host: string;
  site?: DemoSite;
  url: URL;
  method: string;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const listenHost = options.host ?? "127.0.0.1";
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  const started = Date.now();

  let loaded = readSitesFromDisk(options.sitesDir ?? DEFAULT_SITES_DIR);
  if (demoSites.some((s) => !loaded.has(s.host))) loaded = buildAllSites();
  const siteFiles = new Map<string, SiteFiles>();
  for (const site of demoSites) siteFiles.set(site.host, indexFiles(loaded.get(site.host) ?? new Map()));

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: DemoRequestRecord[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  let closing = false;

  const stubPng = png(88, 31, [200, 30, 30], [255, 220, 0]);

  function encodeText(site: DemoSite | undefined, text: string): Buffer {
    return site?.encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
  }

  function contentTypeFor(site: DemoSite | undefined, type: string): string {
    if (!TEXT_TYPES.has(type)) return type;
    if (!site) return `${type}; charset=utf-8`;
    return site.charsetInHeader ? `${type}; charset=${site.encoding}` : type;
  }

  function send(
    ctx: Ctx,
    status: number,
    body: Buffer,
    type: string,
    headers: Record<string, string> = {},
  ): void {
    const { res, site } = ctx;
    if (res.headersSent || res.destroyed) return;
    const out: Record<string, string> = { "Content-Type": contentTypeFor(site, type), ...headers };
    if (site) out["Server"] = site.server;
    let payload = body;
    if (site?.gzip && TEXT_TYPES.has(type)) {
      out["Vary"] = "Accept-Encoding";
      if (acceptsGzip(ctx.req.headers["accept-encoding"])) {
        payload = gzipSync(body);
        out["Content-Encoding"] = "gzip";
      }
    }
    out["Content-Length"] = String(payload.length);
    res.writeHead(status, out);
    res.end(ctx.method === "HEAD" ? undefined : payload);
  }

  function sendHtml(ctx: Ctx, status: number, html: string, headers?: Record<string, string>): void {
    send(ctx, status, encodeText(ctx.site, html), "text/html", headers);
  }

  function redirect(ctx: Ctx, status: 301 | 302, location: string): void {
    sendHtml(
      ctx,
      status,
      `<html><head><title>${status}</title></head><body><a href="${esc(location)}">${esc(location)}</a></body></html>\n`,
      { Location: location },
    );
  }

  function errorPage(
    ctx: Ctx,
    status: number,
    title: string,
    message: string,
    headers?: Record<string, string>,
  ): void {
    const module = ctx.site ? siteModule(ctx.site.host) : undefined;
    const body = `<div class="error-page"><h1>${status} ${esc(title)}</h1><p>${esc(message)}</p><p><a href="/">返回首页</a></p></div>`;
    const html = module
      ? module.page({ title: `${status} ${title}`, body })
      : `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${status} ${esc(title)}</title></head><body>${body}</body></html>\n`;
    sendHtml(ctx, status, html, headers);
  }

  function notFound(ctx: Ctx): void {
    errorPage(ctx, 404, "页面不存在", "您访问的页面不存在或已被删除。");
  }

  /** A working site search: the site's article titles containing the term, newest first. */
  function siteSearch(ctx: Ctx, term: string): void {
    const module = siteModule(ctx.host);
    if (!module) return notFound(ctx);
    const hits = new Map<string, ArticleDef>();
    for (const column of module.columns) {
      for (const article of column.articles) {
        if (term === "" || article.missing || article.href || !article.title.includes(term)) continue;
        hits.set(module.articleUrl(column, article), article);
      }
    }
    const items = [...hits]
      .sort(([, a], [, b]) => b.date.localeCompare(a.date))
      .slice(0, 20)
      .map(
        ([href, a]) =>
          `<li><a href="${esc(href)}">${esc(a.title)}</a><span class="date">${ymd(a.date)}</span></li>`,
      );
    const body = `<div class="search-result"><p>搜索“${esc(term)}”，共找到 ${hits.size} 条结果。</p><ul class="list">${items.join("")}</ul></div>`;
    sendHtml(ctx, 200, module.page({ title: "站内搜索", body }));
  }

  // ---- dynamic routes -------------------------------------------------------------------------

  type Route = (ctx: Ctx) => boolean;

  const cityRoutes: Route[] = [
    (ctx) => {
      const p = ctx.url.pathname;
      if (p === "/calendar") {
        redirect(ctx, 301, "/calendar/");
        return true;
      }
      if (p !== "/calendar/" && p !== "/calendar/index.html") return false;
      const date = validCalendarDate(ctx.url.searchParams.get("date")) ?? "2026-11-20";
      const [y, m, d] = date.split("-");
      const events = CALENDAR_EVENTS[date] ?? [];
      const module = siteModule("www.demo-city.gov.cn");
      const body = `<div class="position">当前位置：<a href="/">首页</a> &gt; 政务活动日历</div>
<div class="calendar"><h2>${y}年${m}月${d}日 政务活动安排</h2>
<p class="switch"><a href="?date=${addMonths(date, -1)}">上一月</a> <a href="?date=${addDays(date, -1)}">上一天</a> <a href="?date=${addDays(date, 1)}">下一天</a> <a href="?date=${addMonths(date, 1)}">下一月</a></p>
${events.length > 0 ? `<ul class="list">${events.map((e) => `<li>${esc(e)}</li>`).join("")}</ul>` : "<p>当日暂无活动安排。</p>"}
</div>`;
      sendHtml(ctx, 200, module ? module.page({ title: `政务活动日历 ${date}`, body }) : body);
      return true;
    },
    (ctx) => {
      if (ctx.url.pathname !== "/sjfb/tjyb/2026-10.html") return false;
      const timer = setTimeout(() => {
        timers.delete(timer);
        const module = siteModule("www.demo-city.gov.cn");
        const body = `<div class="article"><h1>2026年10月示范市统计月报</h1><div class="content"><p>1—10月，全市规模以上工业增加值同比增长6.8%，社会消费品零售总额增长5.4%。</p></div></div>`;
        sendHtml(ctx, 200, module ? module.page({ title: "2026年10月统计月报", body }) : body);
      }, slowMs);
      timers.add(timer);
      ctx.res.on("close", () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
      return true;
    },
    (ctx) => {
      if (ctx.url.pathname !== "/old/jgsz.html") return false;
      redirect(ctx, 301, "/redirect/jgsz.html");
      return true;
    },
    (ctx) => {
      if (ctx.url.pathname !== "/redirect/jgsz.html") return false;
      redirect(ctx, 302, "http://www.demo-city.gov.cn/jggk/jgzn/");
      return true;
    },
    (ctx) => {
      const p = ctx.url.pathname;
      if (p !== "/zt/2019wmcs" && !p.startsWith("/zt/2019wmcs/")) return false;
      errorPage(ctx, 410, "专题已下线", "该专题已于2021年归档下线。");
      return true;
    },
    (ctx) => {
      if (ctx.url.pathname !== "/search/" && ctx.url.pathname !== "/search") return false;
      siteSearch(ctx, ctx.url.searchParams.get("q") ?? "");
      return true;
    },
    (ctx) => {
      if (ctx.url.pathname !== "/hdjl/dczj/submit") return false;
      const module = siteModule("www.demo-city.gov.cn");
      const text = ctx.method === "POST" ? "提交成功，感谢您的参与。" : "请通过征集页面的表单提交意见。";
      sendHtml(ctx, 200, module ? module.page({ title: "意见征集", body: `<p>${text}</p>` }) : text);
      return true;
    },
    (ctx) => {
      if (ctx.url.pathname !== "/admin/login.do") return false;
      redirect(ctx, 302, "/admin/login.html");
      return true;
    },
  ];

  const fgwRoutes: Route[] = [
    (ctx) => {
      if (ctx.url.pathname === "/loop/a") redirect(ctx, 302, "/loop/b");
      else if (ctx.url.pathname === "/loop/b") redirect(ctx, 302, "/loop/a");
      else return false;
      return true;
    },
    (ctx) => {
      if (ctx.url.pathname !== "/ysqgk/apply.jsp") return false;
      send(
        ctx,
        500,
        Buffer.from(
          `<!DOCTYPE html><html><head><title>HTTP Status 500 – Internal Server Error</title></head><body><h1>HTTP Status 500 – Internal Server Error</h1><hr><p><b>Type</b> Exception Report</p><p><b>Message</b> java.lang.NullPointerException</p><p><b>Description</b> The server encountered an unexpected condition that prevented it from fulfilling the request.</p><hr><h3>Apache Tomcat/7.0.52</h3></body></html>\n`,
          "utf8",
        ),
        "text/html",
      );
      return true;
    },
  ];

  const countyRoutes: Route[] = [
    (ctx) => {
      const p = ctx.url.pathname;
      if (p === "/trap") {
        redirect(ctx, 301, "/trap/");
        return true;
      }
      if (!p.startsWith("/trap/")) return false;
      const depth = p.split("/").filter((s) => s === "more").length;
      const module = siteModule("www.demo-county.gov.cn");
      const body = `<div class="g-crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 更多信息</div>
<div class="g-panel"><div class="g-panel-head">政务公开信息（第${depth + 1}层）</div>
<div class="g-row"><a href="/zwgk/czxx/">财政信息</a></div>
<div class="g-row"><a href="more/">更多&gt;&gt;</a></div></div>`;
      sendHtml(ctx, 200, module ? module.page({ title: "政务公开信息", body }) : body);
      return true;
    },
    (ctx) => {
      if (ctx.url.pathname !== "/search.shtml") return false;
      // Planted defect: the county's search index is empty, so every search finds nothing.
      const q = ctx.url.searchParams.get("keyword") ?? "";
      const module = siteModule("www.demo-county.gov.cn");
      const body = `<div class="g-panel">搜索“${esc(q)}”：未找到相关结果。</div>`;
      sendHtml(ctx, 200, module ? module.page({ title: "站内搜索", body }) : body);
      return true;
    },
  ];

  const jyjRoutes: Route[] = [
    (ctx) => {
      const p = ctx.url.pathname;
      if (p === "/cjcx") {
        redirect(ctx, 301, "/cjcx/");
        return true;
      }
      if (!p.startsWith("/cjcx/")) return false;
      if (!isBrowserLikeUserAgent(ctx.req.headers["user-agent"])) {
        send(
          ctx,
          403,
          Buffer.from(
            `<!DOCTYPE html><html><head><meta charset="utf-8"><title>403 Forbidden</title></head><body><h1>访问被拦截</h1><p>您的请求被网站应用防火墙拦截（疑似自动化程序）。事件编号：WAF-20261120-0001</p></body></html>\n`,
            "utf8",
          ),
          "text/html",
        );
        return true;
      }
      const module = siteModule("jyj.demo-city.gov.cn");
      const body = `<h2 class="title">示范市中考成绩查询系统</h2><form action="/cjcx/query" method="post"><p>准考证号：<input name="zkzh"></p><p>身份证后6位：<input name="sfz"></p><button>查询</button></form>`;
      sendHtml(ctx, 200, module ? module.page({ title: "中考成绩查询", body }) : body);
      return true;
    },
    (ctx) => {
      if (ctx.method !== "HEAD" || !ctx.url.pathname.startsWith("/uploads/")) return false;
      send(ctx, 405, Buffer.alloc(0), "text/html", { Allow: "GET" });
      return true;
    },
  ];

  const routes: Record<string, Route[]> = {
    "www.demo-city.gov.cn": cityRoutes,
    "fgw.demo-city.gov.cn": fgwRoutes,
    "www.demo-county.gov.cn": countyRoutes,
    "jyj.demo-city.gov.cn": jyjRoutes,
  };

  const POST_PATHS = new Set([
    "www.demo-city.gov.cn /hdjl/dczj/submit",
    "www.demo-city.gov.cn /admin/login.do",
  ]);

  // ---- static files ---------------------------------------------------------------------------

  function serveStatic(ctx: Ctx, rawPath: string): void {
    const site = ctx.site;
    const store = site ? siteFiles.get(site.host) : undefined;
    if (!site || !store) return notFound(ctx);
    if (looksLikeTraversal(rawPath)) return errorPage(ctx, 400, "请求无效", "请求路径无效。");
    const segments: string[] = [];
    for (const encoded of ctx.url.pathname.split("/").slice(1)) {
      let segment: string;
      try {
        segment = decodeURIComponent(encoded);
      } catch {
        return errorPage(ctx, 400, "请求无效", "请求路径编码无效。");
      }
      if (segment === "." || segment === ".." || /[/\\\0]/.test(segment)) {
        return errorPage(ctx, 400, "请求无效", "请求路径无效。");
      }
      segments.push(segment);
    }
    const wantsDir = ctx.url.pathname.endsWith("/");
    const rel = segments.join("/").replace(/\/$/, "");
    let file: string | undefined;
    if (wantsDir) {
      file = ["index.html", "index.htm", "index.shtml"]
        .map((n) => (rel ? `${rel}/${n}` : n))
        .find((candidate) => store.files.has(candidate));
    } else if (store.files.has(rel)) {
      file = rel;
    } else if (store.dirs.has(rel)) {
      return redirect(ctx, 301, `${ctx.url.pathname}/${ctx.url.search}`);
    }
    if (!file) return notFound(ctx);
    // Query-string variants are stored as name@query.ext (e.g. index@page=2.html).
    const query = ctx.url.search.slice(1);
    if (query && /^[A-Za-z0-9=&_.-]{1,100}$/.test(query)) {
      const dot = file.lastIndexOf(".");
      const variant =
        dot > file.lastIndexOf("/") ? `${file.slice(0, dot)}@${query}${file.slice(dot)}` : `${file}@${query}`;
      if (store.files.has(variant)) file = variant;
    }
    const body = store.files.get(file) ?? Buffer.alloc(0);
    send(ctx, 200, body, TYPES[extensionOf(file)] ?? "application/octet-stream");
  }

  function serveStub(ctx: Ctx): void {
    const p = ctx.url.pathname;
    const ext = extensionOf(p);
    if (p === "/robots.txt") {
      send(ctx, 200, Buffer.from("User-agent: *\nAllow: /\n"), "text/plain");
    } else if (["png", "gif", "jpg", "jpeg", "ico"].includes(ext)) {
      send(ctx, 200, stubPng, "image/png");
    } else {
      const title =
        ctx.host === "zfwzgl.www.gov.cn"
          ? "我为政府网站找错"
          : ctx.host.endsWith("conac.cn")
            ? "党政机关网站标识"
            : ctx.host.includes("beian")
              ? "备案信息查询"
              : ctx.host === "www.gov.cn"
                ? "中国政府网"
                : "演示省政务服务网";
      const detail = ctx.url.searchParams.get("site_code") ?? ctx.url.searchParams.get("id") ?? "";
      send(
        ctx,
        200,
        Buffer.from(
          `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>演示环境桩页面（${esc(ctx.host)}）${detail ? `：${esc(detail)}` : ""}</p></body></html>\n`,
        ),
        "text/html",
      );
    }
  }

  // ---- the handler ----------------------------------------------------------------------------

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const rawTarget = req.url ?? "/";
    let host = (req.headers.host ?? "").trim().toLowerCase();
    let pathAndQuery = rawTarget;
    if (/^https?:\/\//i.test(rawTarget)) {
      try {
        const absolute = new URL(rawTarget);
        host = absolute.host;
        pathAndQuery = `${absolute.pathname}${absolute.search}`;
      } catch {
        pathAndQuery = "/";
      }
    }
    host = host
      .replace(/^\[([^\]]*)\](:\d+)?$/, "$1")
      .replace(/:\d+$/, "")
      .replace(/\.$/, "");
    const method = (req.method ?? "GET").toUpperCase();
    const record: DemoRequestRecord = {
      at: Date.now() - started,
      host,
      method,
      url: rawTarget,
      userAgent: String(req.headers["user-agent"] ?? ""),
      status: 0,
    };
    if (requests.length < MAX_LOG) requests.push(record);
    const now = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, now);
    maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, now));
    res.on("close", () => {
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
      if (res.writableFinished) record.status = res.statusCode;
    });
    req.resume(); // drain any request body

    let url: URL;
    try {
      url = new URL(pathAndQuery.startsWith("/") ? pathAndQuery : `/${pathAndQuery}`, "http://demo.invalid");
    } catch {
      url = new URL("http://demo.invalid/");
    }
    const site = demoSite(host);
    const ctx: Ctx = { req, res, host, site, url, method };

    if (!site && !demoStubHosts.includes(host)) {
      errorPage(ctx, 404, "站点不存在", `演示服务器上没有站点 ${host || "（缺少 Host 请求头）"}。`);
      return;
    }
    const allowPost = POST_PATHS.has(`${host} ${url.pathname}`);
    if (method !== "GET" && method !== "HEAD" && !(method === "POST" && allowPost)) {
      errorPage(ctx, 405, "方法不允许", `不支持 ${method} 请求。`, {
        Allow: allowPost ? "GET, HEAD, POST" : "GET, HEAD",
      });
      return;
    }
    if (!site) {
      serveStub(ctx);
      return;
    }
    for (const route of routes[site.host] ?? []) {
      if (route(ctx)) return;
    }
    serveStatic(ctx, pathAndQuery.split("?")[0] ?? "/");
  }

  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(`demo server error: ${error instanceof Error ? error.message : String(error)}\n`);
      } else {
        res.destroy();
      }
    }
  });
  server.on("connection", (socket: Socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("clientError", (_error, socket: Socket) => {
    if (socket.writable)
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, listenHost, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const info = server.address() as AddressInfo;
  const address = info.address;
  const baseHost = address.includes(":") ? `[${address}]` : address;

  let closed: Promise<void> | undefined;
  return {
    address,
    port: info.port,
    baseUrl: `http://${baseHost}:${info.port}`,
    sites: demoSites,
    stubHosts: demoStubHosts,
    connectTo: demoConnectTo(address, info.port),
    requests,
    maxInFlight: (host) => maxInFlight.get(host.toLowerCase()) ?? 0,
    publish(host, path, body) {
      const site = demoSite(host);
      const files = site && siteFiles.get(site.host);
      if (!files) throw new Error(`不是示例网站：${host}`);
      const rel = path.replace(/^\/+/, "");
      files.files.set(rel, typeof body === "string" ? encodeText(site, body) : body);
      const segments = rel.split("/");
      for (let i = 1; i < segments.length; i++) files.dirs.add(segments.slice(0, i).join("/"));
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
      return closed;
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 8090);
  const demo = await startDemoServer({ port });
  console.log(`演示站点服务器 demo server listening on ${demo.baseUrl}`);
  for (const site of demo.sites) console.log(`  ${site.name}  ${site.homepage}`);
  console.log(`\ncurl example:\n  curl --connect-to ${demo.connectTo[0]} http://www.demo-city.gov.cn/`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
