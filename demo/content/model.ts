/**
 * The content model of the demo sites and the helpers every template shares. The four site modules
 * (city, fgw, county, jyj) describe their columns and articles with these types and render them with
 * their own template; build-sites.ts writes the result under demo/sites/<host>/.
 */

/** Column taxonomy as in INDICATORS.md §6. */
export type ColumnKind =
  | "NEWS"
  | "NOTICE"
  | "POLICY"
  | "INTERPRETATION"
  | "SERVICE_GUIDE"
  | "INTERACTION"
  | "OVERVIEW"
  | "ANNUAL"
  | "DATA"
  | "SPECIAL"
  | "OTHER";

export interface Attachment {
  /** Text of the link, e.g. "2026年重点项目清单.xlsx". */
  name: string;
  /** Site-absolute path or absolute URL. */
  href: string;
}

export interface ArticleDef {
  /** Numeric id unique within the site; used in the file name. */
  id: number;
  title: string;
  /** "YYYY-MM-DD HH:mm" in China time. */
  date: string;
  /** 来源 (ContentSource). */
  source?: string;
  /** 文号 for policy documents, e.g. "示政发〔2026〕12号". */
  docNo?: string;
  /** Paragraphs of plain text (escaped when rendered). */
  body: string[];
  attachments?: Attachment[];
  images?: Array<{ src: string; alt: string }>;
  /** 相关链接 under the text. */
  related?: Array<{ title: string; href: string }>;
  /** Raw HTML appended after the paragraphs (tables, forms, guide elements…). */
  html?: string;
  /** Listed in the column but no page is generated: the list link is broken (404). */
  missing?: boolean;
  /** The list links somewhere else (an external system, another site). */
  href?: string;
}

export interface ColumnDef {
  /** Directory of the column without slashes at the ends, e.g. "zwdt/jrsf". */
  path: string;
  name: string;
  kind: ColumnKind;
  /** ColumnType meta value. */
  typeLabel: string;
  description: string;
  /** Name of the first-level column this one belongs to; undefined for first-level columns. */
  parent?: string;
  /** Newest first. */
  articles: ArticleDef[];
  pageSize?: number;
  /** Text shown when the column has no articles (blank column). */
  emptyText?: string;
}

/** One generated file: path relative to the site root (no leading slash) and content. */
export type SiteFiles = Map<string, string | Buffer>;

export interface FooterFacts {
  sponsor: string;
  undertaker?: string;
  address: string;
  phone: string;
  email?: string;
  siteIdCode: string;
  icp: string;
  /** 公安机关备案号 text, e.g. "演公网安备99010202000101号"; undefined when the site leaves it out. */
  psb?: string;
  /** The number inside psb, for the beian.mps.gov.cn link. */
  psbCode?: string;
  /** Show the 党政机关网站标识 badge. */
  conac: boolean;
  /** Show the 我为政府网站找错 link. */
  jiucuo: boolean;
  /** Link the previous year's 政府网站工作年度报表 (12号: on the homepage from 1 February). */
  annualReport: boolean;
  /** Offer a 长者模式 (适老化) switch. */
  careMode: boolean;
}

/** Demo time point: the demo inspection runs with --as-of 2026-11-20. */
export const DEMO_AS_OF = "2026-11-20";

/**
 * The stub of zfwzgl.www.gov.cn is plain HTTP because the loopback server has no TLS; the real
 * platform is https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=…
 */
/** Annual reports are published through 全国政府网站信息报送系统 (a stub host in the demo). */
export const ANNUAL_REPORT_BASE = "http://zfwzgl.www.gov.cn/annual/report.html";
export const JIUCUO_BASE = "http://zfwzgl.www.gov.cn/exposure/jiucuo.html";
export const CONAC_BASE = "http://bszs.conac.cn/sitename";
export const CONAC_IMAGE = "http://dcs.conac.cn/image/red.png";
export const JIUCUO_IMAGE = "http://zfwzgl.www.gov.cn/exposure/images/jiucuo.png";

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function metaTag(name: string, content: string): string {
  return `<meta name="${esc(name)}" content="${esc(content)}">`;
}

/** "2026-11-18 09:30" → "2026-11-18". */
export function ymd(date: string): string {
  return date.slice(0, 10);
}

/** "2026-11-18 09:30" → ["2026", "11", "18"]. */
export function parts(date: string): [string, string, string] {
  return [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
}

export function chineseDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${y}年${m}月${d}日`;
}

export function sortNewestFirst(articles: ArticleDef[]): ArticleDef[] {
  return [...articles].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
}

export function paginate<T>(items: T[], pageSize: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += pageSize) pages.push(items.slice(i, i + pageSize));
  return pages;
}

export function paragraphs(body: string[]): string {
  return body.map((p) => `<p>${esc(p)}</p>`).join("\n");
}

export function attachmentsHtml(list: Attachment[] | undefined): string {
  if (!list || list.length === 0) return "";
  const items = list.map((a) => `<li><a href="${esc(a.href)}" target="_blank">${esc(a.name)}</a></li>`);
  return `<div class="attachments"><h4>附件：</h4><ul>\n${items.join("\n")}\n</ul></div>`;
}

export function imagesHtml(list: ArticleDef["images"]): string {
  if (!list || list.length === 0) return "";
  return list
    .map((i) => `<p class="pic" style="text-align:center"><img src="${esc(i.src)}" alt="${esc(i.alt)}"></p>`)
    .join("\n");
}

export function relatedHtml(list: ArticleDef["related"]): string {
  if (!list || list.length === 0) return "";
  const items = list.map((r) => `<li><a href="${esc(r.href)}">${esc(r.title)}</a></li>`);
  return `<div class="related"><h4>相关链接：</h4><ul>\n${items.join("\n")}\n</ul></div>`;
}

/** The footer lines every template shows, in the order real footers use. */
export function footerLines(f: FooterFacts): string[] {
  const lines: string[] = [];
  lines.push(
    `主办单位：${esc(f.sponsor)}${f.undertaker ? `&nbsp;&nbsp;承办单位：${esc(f.undertaker)}` : ""}`,
  );
  lines.push(
    `地址：${esc(f.address)}&nbsp;&nbsp;联系电话：${esc(f.phone)}${f.email ? `&nbsp;&nbsp;电子邮箱：${esc(f.email)}` : ""}`,
  );
  const ids = [
    `网站标识码：${esc(f.siteIdCode)}`,
    `<a href="http://beian.miit.gov.cn/" target="_blank">${esc(f.icp)}</a>`,
  ];
  if (f.psb) {
    ids.push(
      `<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${esc(f.psbCode ?? "")}" target="_blank"><img src="/images/ga.png" alt="公安备案图标" width="16" height="16">${esc(f.psb)}</a>`,
    );
  }
  lines.push(ids.join("&nbsp;&nbsp;"));
  const extras: string[] = [];
  if (f.annualReport) {
    extras.push(
      `<a href="${ANNUAL_REPORT_BASE}?site_code=${esc(f.siteIdCode)}&amp;year=2025" target="_blank">2025年政府网站工作年度报表</a>`,
    );
  }
  if (f.careMode) extras.push(`<a href="javascript:void(0)" class="care-mode">长者模式</a>`);
  if (extras.length > 0) lines.push(extras.join("&nbsp;&nbsp;"));
  return lines;
}

export function conacBadge(f: FooterFacts, conacId: string): string {
  if (!f.conac) return "";
  return `<span id="_ideConac"><a href="${CONAC_BASE}?method=show&amp;id=${esc(conacId)}" target="_blank"><img id="imgConac" src="${CONAC_IMAGE}" alt="党政机关" width="56" height="68"></a></span>`;
}

export function jiucuoLink(f: FooterFacts): string {
  if (!f.jiucuo) return "";
  return `<span id="_span_jiucuo"><a href="${JIUCUO_BASE}?site_code=${esc(f.siteIdCode)}&amp;url=" target="_blank"><img src="${JIUCUO_IMAGE}" alt="我为政府网站找错" width="110" height="55"></a></span>`;
}

/** Every date in the demo is a fixed "YYYY-MM-DD HH:mm" string (no clock involved). */
export function assertDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(date)) throw new Error(`bad demo date ${date}`);
}

/** Check a site's articles for duplicate ids and bad dates; build-sites calls it for every site. */
export function validateColumns(columns: ColumnDef[]): void {
  const seen = new Set<number>();
  for (const column of columns) {
    for (const article of column.articles) {
      assertDate(article.date);
      if (seen.has(article.id)) throw new Error(`duplicate article id ${article.id} in ${column.path}`);
      seen.add(article.id);
    }
  }
}

/** What build-sites, the server and sites.ts need from a site module. */
export interface SiteModule {
  host: string;
  name: string;
  encoding: "utf-8" | "gbk";
  footer: FooterFacts;
  columns: ColumnDef[];
  /** Site-absolute URL of a column's list page (pageIndex 0 = first page). */
  listUrl(column: ColumnDef, pageIndex: number): string;
  /** Site-absolute URL of an article page. */
  articleUrl(column: ColumnDef, article: ArticleDef): string;
  /** Every static file of the site (text as strings, in UTF-8; build-sites encodes them). */
  build(): SiteFiles;
  /** The site's template around dynamic content (calendar, trap, error pages). */
  page(opts: { title: string; body: string; metas?: string[] }): string;
}

/** Newest article date ("YYYY-MM-DD") of a column, or undefined for a blank column. */
export function newestDate(column: ColumnDef): string | undefined {
  const newest = sortNewestFirst(column.articles)[0];
  return newest ? ymd(newest.date) : undefined;
}
