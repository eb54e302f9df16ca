import { createHash } from "node:crypto";
import { chinaDay } from "../core/chinaDate.ts";
import type { FindingDraft, Severity } from "../core/finding.ts";
import { isSkipped, securityHeaderNames, type TransportFacts } from "../fetch/transportProbe.ts";
import type { LinkRef, PageModel } from "../parse/model.ts";
import { checkDefinition } from "./catalogue.ts";

/**
 * Checks over the transport facts (src/fetch/transportProbe.ts) and the homepage model: HTTPS,
 * certificate expiry, http → https, IPv6, mixed content, security headers (INDICATORS.md §5.6) and
 * the 政府网站工作年度报表 link (§5.7). Pure: the time point is a parameter.
 */

export interface TransportPolicy {
  /** A valid certificate that expires within this many days is reported. */
  certificateWarningDays: number;
}

export const defaultTransportPolicy: TransportPolicy = { certificateWarningDays: 30 };

export interface TransportCheckInput {
  site: string;
  facts: TransportFacts;
  /** The crawled homepage's final URL: when it is https, site.tls-invalid has judged its certificate. */
  homepageFinalUrl: string;
  /** The probe's homepage over IPv4 and IPv6 (TransportProbe.byFamily), parsed. */
  byFamily: { ipv4: PageModel; ipv6: PageModel } | null;
  asOf: Date;
  policy?: Partial<TransportPolicy>;
}

type Draft = Omit<FindingDraft, "indicator" | "site">;

export function transportFindings(input: TransportCheckInput): FindingDraft[] {
  const policy = { ...defaultTransportPolicy, ...input.policy };
  const drafts = [
    ...httpsDrafts(input),
    ...certificateExpiryDrafts(input.facts, input.asOf, policy),
    ...ipv6Drafts(input.facts, input.byFamily),
    ...securityHeaderDrafts(input.facts),
  ];
  return drafts.map((draft) => ({
    ...draft,
    indicator: checkDefinition(draft.check).indicator,
    site: input.site,
  }));
}

/** No HTTPS, a certificate failing verification, or http:// not sent on to https://. */
function httpsDrafts({ facts, homepageFinalUrl }: TransportCheckInput): Draft[] {
  const https = facts.https;
  if (isSkipped(https)) return [];
  const url = https.url;
  const tls = https.tls;
  // No handshake facts without an error: the https request was sent back to http://.
  if (!tls || (https.error && https.error.code !== "TLS")) {
    return [
      {
        check: "standards.https",
        url,
        locator: "https",
        message: https.error
          ? `网站不支持 HTTPS：${https.error.message}`
          : `网站不支持 HTTPS：以 https:// 访问被跳转回 ${https.finalUrl}`,
        evidence: {
          problem: "unavailable",
          error: https.error,
          status: https.status,
          finalUrl: https.finalUrl,
        },
        identity: ["problem"],
        severity: "warn",
        confidence: "confirmed",
      },
    ];
  }
  const drafts: Draft[] = [];
  // A homepage crawled over https already had its certificate judged by site.tls-invalid.
  if (!tls.authorized && !homepageFinalUrl.startsWith("https:")) {
    drafts.push({
      check: "standards.https",
      url,
      locator: "https",
      message: `HTTPS 证书无效：${tls.error ?? "未通过校验"}，访问者会看到浏览器安全警告`,
      evidence: { problem: "certificate", ...tls },
      identity: ["problem", "error"],
      severity: "warn",
      confidence: "confirmed",
    });
  }
  const http = facts.http;
  if (!isSkipped(http) && !http.error && !http.finalUrl.startsWith("https:")) {
    drafts.push({
      check: "standards.https-redirect",
      url: http.url,
      locator: "http",
      message: "以 http:// 访问时未跳转到 https://，访问者仍可能使用不加密的连接",
      evidence: { status: http.status, finalUrl: http.finalUrl, redirects: http.redirects },
      severity: "info",
      confidence: "confirmed",
    });
  }
  return drafts;
}

const dayMs = 86_400_000;

function certificateExpiryDrafts(facts: TransportFacts, asOf: Date, policy: TransportPolicy): Draft[] {
  const https = facts.https;
  // An expired or otherwise invalid certificate is reported as invalid, not as expiring.
  if (isSkipped(https) || !https.tls?.authorized || !https.tls.validTo) return [];
  const validTo = Date.parse(https.tls.validTo);
  const daysLeft = Math.floor((validTo - asOf.getTime()) / dayMs);
  if (Number.isNaN(validTo) || daysLeft > policy.certificateWarningDays) return [];
  return [
    {
      check: "standards.certificate-expiry",
      url: https.finalUrl,
      locator: "tls",
      message: `HTTPS 证书将于 ${chinaDay(new Date(validTo))} 到期（剩余 ${daysLeft} 天），请及时续期`,
      evidence: {
        validTo: https.tls.validTo,
        daysLeft,
        warningDays: policy.certificateWarningDays,
        issuer: https.tls.issuer ?? null,
      },
      identity: ["validTo"],
      severity: "warn",
      confidence: "confirmed",
    },
  ];
}

function ipv6Drafts(facts: TransportFacts, byFamily: TransportCheckInput["byFamily"]): Draft[] {
  const ipv6 = facts.ipv6;
  const url = facts.homepage;
  const draft = (problem: string, message: string, evidence: Record<string, unknown>): Draft => ({
    check: "standards.ipv6",
    url,
    locator: "ipv6",
    message,
    evidence: { problem, source: ipv6.source, ipv4: ipv6.ipv4, ipv6: ipv6.ipv6, ...evidence },
    identity: ["problem"],
    severity: "warn",
    confidence: problem === "content-differs" ? "suspected" : "confirmed",
  });
  if (ipv6.source === "skipped") return [];
  if (ipv6.ipv6.length === 0) return [draft("no-aaaa", `域名 ${facts.host} 没有 IPv6 地址（AAAA 记录）`, {})];
  const over = ipv6.overIpv6;
  if (over && (over.error || over.status < 200 || over.status > 299)) {
    const cause = over.error ? over.error.message : `HTTP ${over.status}`;
    return [draft("unreachable", `经 IPv6 地址 ${ipv6.ipv6[0]} 无法打开首页：${cause}`, { response: over })];
  }
  if (!byFamily) return [];
  const comparison = compareContent(byFamily.ipv4, byFamily.ipv6);
  if (comparison.same) return [];
  return [
    draft(
      "content-differs",
      "经 IPv6 与 IPv4 访问首页得到的内容不同，IPv6 访问可能指向旧站点或未同步的服务器",
      {
        comparison,
      },
    ),
  ];
}

/** Share of the union both link sets have in common above which two fetches count as one page. */
const minLinkSimilarity = 0.9;

/**
 * Two requests a moment apart rarely return byte-identical pages: clocks, visitor counters, dates
 * and rotating news change. So titles must match, and then either the visible text with digits and
 * white space removed must match (a hash of it), or the link sets must share at least 90 %.
 */
export function compareContent(
  ipv4: PageModel,
  ipv6: PageModel,
): {
  same: boolean;
  titles: [string, string];
  textHashes: [string, string];
  linkSimilarity: number;
} {
  const title = (page: PageModel): string => page.title.replace(/\s+/g, " ").trim();
  const textHash = (page: PageModel): string =>
    createHash("sha1")
      .update(page.text.replace(/[\s\d]+/g, ""))
      .digest("hex")
      .slice(0, 16);
  const links = (page: PageModel): Set<string> =>
    new Set(page.links.flatMap((link) => (link.url === null ? [] : [link.url])));
  const a = links(ipv4);
  const b = links(ipv6);
  const shared = [...a].filter((url) => b.has(url)).length;
  const union = a.size + b.size - shared;
  const linkSimilarity = union === 0 ? 1 : Math.round((shared / union) * 100) / 100;
  const titles: [string, string] = [title(ipv4), title(ipv6)];
  const textHashes: [string, string] = [textHash(ipv4), textHash(ipv6)];
  const same =
    titles[0] === titles[1] && (textHashes[0] === textHashes[1] || linkSimilarity >= minLinkSimilarity);
  return { same, titles, textHashes, linkSimilarity };
}

const headerLabels: Record<(typeof securityHeaderNames)[number], string> = {
  "strict-transport-security": "Strict-Transport-Security",
  "content-security-policy": "Content-Security-Policy",
  "x-frame-options": "X-Frame-Options",
  "x-content-type-options": "X-Content-Type-Options",
  "referrer-policy": "Referrer-Policy",
};

function securityHeaderDrafts(facts: TransportFacts): Draft[] {
  const found = facts.securityHeaders;
  if (isSkipped(found)) return [];
  // HSTS is ignored by browsers on plain http, so it is only missing from an https response.
  const expected = securityHeaderNames.filter(
    (name) => name !== "strict-transport-security" || found.url.startsWith("https:"),
  );
  const missing = expected.filter((name) => found.headers[name] === null).map((name) => headerLabels[name]);
  if (missing.length === 0) return [];
  return [
    {
      check: "standards.security-headers",
      url: found.url,
      locator: "headers",
      message: `首页响应缺少安全响应头：${missing.join("、")}`,
      evidence: { missing, present: found.headers },
      identity: ["missing"],
      severity: "info",
      confidence: "confirmed",
    },
  ];
}

/**
 * Scripts, stylesheets, frames and plugins can rewrite the whole page (active content: browsers block
 * them); images and media only show something (passive: browsers load them with a warning).
 */
const activeElements = new Set(["script", "iframe", "frame", "object", "embed"]);
/** Elements whose URLs a visitor follows rather than the page loading them. */
const navigationElements = new Set(["a", "area", "form", "meta"]);

function isActive(link: LinkRef): boolean {
  return activeElements.has(link.element) || link.kind === "stylesheet";
}

/**
 * Resources an https page loads over http:. Call it for every page of the crawl: pages not served
 * over https give nothing. One finding per page and kind of content, listing the resources.
 */
export function mixedContentFindings(site: string, page: PageModel): FindingDraft[] {
  if (!page.url.startsWith("https:")) return [];
  const loaded = page.links.filter(
    (link) =>
      link.url?.startsWith("http:") &&
      !navigationElements.has(link.element) &&
      (isActive(link) || link.kind === "image" || link.kind === "media"),
  );
  return [true, false].flatMap((active) => {
    const links = loaded.filter((link) => isActive(link) === active);
    if (links.length === 0) return [];
    const severity: Severity = active ? "warn" : "info";
    return [
      {
        check: "standards.mixed-content",
        indicator: checkDefinition("standards.mixed-content").indicator,
        site,
        url: page.url,
        locator: active ? "active" : "passive",
        message: active
          ? `HTTPS 页面以 http:// 加载脚本、样式表或框架 ${links.length} 个，浏览器会拦截，页面可能显示或运行异常`
          : `HTTPS 页面以 http:// 加载图片或音视频 ${links.length} 个，浏览器会提示连接不完全安全`,
        evidence: {
          page: page.url,
          content: active ? "active" : "passive",
          count: links.length,
          resources: links
            .slice(0, 20)
            .map((link) => ({ url: link.url, element: link.element, locator: link.locator })),
        },
        severity,
        confidence: "confirmed",
      },
    ];
  });
}

/** 《政府网站工作年度报表》 and its variants (年度工作报表); 监管年度报表 is the supervisors' other report. */
const annualReportText = /年度报表|年度[^，。；\n]{0,12}工作报表/;
const supervisionReportText = /监管年度报表/;
const yearText = /(20\d{2})\s*年/;
/** How far around a link's text its nearby text reaches, in characters. */
const nearbyChars = 30;

interface ReportLink {
  url: string | null;
  text: string;
  year: number | null;
  /** Where the year was read: the link's own text is certain, nearby text may be a neighbour's date. */
  yearFrom: "link" | "nearby" | null;
}

/**
 * 12号: 《政府网站工作年度报表》 is published on the homepage before 31 January. So from 1 February of
 * year Y (China time) the homepage must link to the report of Y−1; in January the Y−2 report is
 * still the one due. A link whose year cannot be read is only a suspected fulfilment.
 */
export function annualReportFindings(site: string, homepage: PageModel, asOf: Date): FindingDraft[] {
  const day = chinaDay(asOf);
  const year = Number(day.slice(0, 4));
  const expectedYear = day.slice(5) >= "02-01" ? year - 1 : year - 2;
  const links = reportLinks(homepage);
  if (links.some((link) => link.year !== null && link.year >= expectedYear)) return [];
  const certain = links.length === 0 || links.every((link) => link.yearFrom === "link");
  const message =
    links.length === 0
      ? `首页未发现《政府网站工作年度报表》链接，应于 ${expectedYear + 1} 年 1 月 31 日前在首页发布 ${expectedYear} 年度报表`
      : certain
        ? `首页的《政府网站工作年度报表》为 ${Math.max(...links.map((link) => link.year ?? 0))} 年度，缺少 ${expectedYear} 年度报表`
        : `首页的年度报表链接未能确认为 ${expectedYear} 年度，请人工核实`;
  const check = "standards.annual-report";
  return [
    {
      check,
      indicator: checkDefinition(check).indicator,
      site,
      url: homepage.url,
      locator: "homepage",
      message,
      evidence: { expectedYear, asOf: day, due: `${expectedYear + 1}-01-31`, links: links.slice(0, 10) },
      identity: ["expectedYear"],
      severity: "deduct",
      confidence: certain ? "confirmed" : "suspected",
    },
  ];
}

function reportLinks(page: PageModel): ReportLink[] {
  return page.links
    .filter((link) => annualReportText.test(link.text) && !supervisionReportText.test(link.text))
    .map((link) => {
      const own = yearText.exec(link.text);
      if (own) return { url: link.url, text: link.text, year: Number(own[1]), yearFrom: "link" };
      const nearby = yearText.exec(nearbyText(page, link.text));
      return nearby
        ? { url: link.url, text: link.text, year: Number(nearby[1]), yearFrom: "nearby" }
        : { url: link.url, text: link.text, year: null, yearFrom: null };
    });
}

/** The visible text around the first occurrence of a link's text (a heading or date beside it). */
function nearbyText(page: PageModel, linkText: string): string {
  const at = page.text.indexOf(linkText);
  if (at < 0) return "";
  return page.text.slice(Math.max(0, at - nearbyChars), at + linkText.length + nearbyChars);
}
