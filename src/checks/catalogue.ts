import type { Severity } from "../core/finding.ts";

/**
 * Every check Zhijian runs, with a stable id. Ids are part of the report contract: never rename one,
 * add a new id instead. docs/checks.md is generated from this list (`npm run docs:checks`).
 */
export interface CheckDefinition {
  id: string;
  title: string;
  titleEn: string;
  indicator: string;
  /** The severities the check can produce, most severe first. */
  severities: Severity[];
  description: string;
  descriptionEn: string;
}

const linkAvailability = "15号·网站可用性·链接可用性；19号·扣分·网站可用性";
const linkVerdicts =
  "确定失效（404、410、域名无法解析、连接被拒绝、重定向循环）为 confirmed；疑似失效（超时、重试后仍为 5xx、TLS 证书错误、其他 4xx）为 suspected；" +
  "401/403/429 在以浏览器请求头重试后仍被拒绝，疑似反爬虫拦截，为 inconclusive。首页上的链接单独标记（evidence.onHomepage），站内与站外链接分开（evidence.internal）。";
const linkVerdictsEn =
  "confirmed: 404, 410, unknown host, connection refused, redirect loop; suspected: timeout, 5xx after retries, TLS failure, other 4xx; " +
  "inconclusive: 401/403/429 still refused after a retry with browser-like headers. Homepage links are marked (evidence.onHomepage), internal and external apart (evidence.internal).";

export const checkCatalogue: readonly CheckDefinition[] = [
  {
    id: "site.unreachable",
    title: "首页无法访问",
    titleEn: "Homepage unreachable",
    indicator: "19号·单项否决·站点无法访问（需一周监测判定）",
    severities: ["warn"],
    description:
      "本次检查时首页在时限内无法打开（无响应、超时或 HTTP 错误）。单次失败不足以否决，可用性否决依据一周的监测序列（zhijian probe）。",
    descriptionEn:
      "The homepage could not be loaded in this run (no response, timeout or HTTP error). One failure does not veto; availability is judged from a week of probes.",
  },
  {
    id: "site.tls-invalid",
    title: "HTTPS 证书无效",
    titleEn: "Invalid HTTPS certificate",
    indicator: "47号·安全防护·HTTPS",
    severities: ["warn"],
    description: "首页的 TLS 证书未通过校验（过期、自签名、域名不符等），访问者会看到浏览器安全警告。",
    descriptionEn: "The homepage's TLS certificate failed verification (expired, self-signed, wrong host…).",
  },
  {
    id: "link.dead",
    title: "链接失效",
    titleEn: "Dead link",
    indicator: linkAvailability,
    severities: ["deduct", "warn", "info"],
    description: `页面上的超链接或框架无法正常访问。${linkVerdicts}`,
    descriptionEn: `A hyperlink or frame does not open. ${linkVerdictsEn}`,
  },
  {
    id: "link.image-dead",
    title: "图片失效",
    titleEn: "Broken image",
    indicator: linkAvailability,
    severities: ["deduct", "warn", "info"],
    description: `页面引用的图片无法加载。${linkVerdicts}`,
    descriptionEn: `An image on the page does not load. ${linkVerdictsEn}`,
  },
  {
    id: "link.attachment-dead",
    title: "附件失效",
    titleEn: "Broken attachment",
    indicator: "15号·网站可用性·链接可用性；15号·服务实用情况·附件下载",
    severities: ["deduct", "warn", "info"],
    description: `附件（doc、docx、xls、xlsx、pdf、wps、et、ofd、zip、rar 等）无法下载。${linkVerdicts}`,
    descriptionEn: `An attachment (doc, docx, xls, xlsx, pdf, wps, et, ofd, zip, rar…) cannot be downloaded. ${linkVerdictsEn}`,
  },
  {
    id: "link.resource-dead",
    title: "脚本或样式失效",
    titleEn: "Broken script, stylesheet or media",
    indicator: linkAvailability,
    severities: ["deduct", "warn", "info"],
    description: `页面引用的脚本、样式表或音视频无法加载，页面可能显示不完整。${linkVerdicts}`,
    descriptionEn: `A script, stylesheet or media file does not load. ${linkVerdictsEn}`,
  },
  {
    id: "content.hidden-link",
    title: "疑似暗链",
    titleEn: "Suspected hidden link (暗链)",
    indicator: "19号·单项否决·安全（挂马、内容被篡改；链接色情等内容）",
    severities: ["veto"],
    description:
      "通过内联样式或属性隐藏（display:none、visibility:hidden、零尺寸、移出屏幕、字号为 0、极小跑马灯等）且指向非政府网站域名的链接，是网页被篡改植入暗链的典型特征。需人工确认。",
    descriptionEn:
      "A link hidden by inline style or attribute that points outside government domains, the usual mark of injected spam links. Needs human confirmation.",
  },
  {
    id: "crawl.trap",
    title: "无限链接空间（爬虫陷阱）",
    titleEn: "Spider trap",
    indicator: "信息（不计分）",
    severities: ["info"],
    description:
      "网站存在无限增长的链接（日历翻页、不断加深的相对路径、重复的路径段、无限的查询参数组合），检查已在上限处截断。此类链接也会让搜索引擎和访问者陷入死循环。",
    descriptionEn:
      "The site produces an endless URL space (calendars, ever-growing relative paths, repeating segments, unbounded query variations); the crawl bounded it.",
  },
];

const byId = new Map(checkCatalogue.map((check) => [check.id, check]));

export function checkDefinition(id: string): CheckDefinition {
  const definition = byId.get(id);
  if (!definition) throw new Error(`unknown check id: ${id}`);
  return definition;
}
