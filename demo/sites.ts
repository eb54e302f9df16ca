/**
 * Machine-readable description of the bundled demo sites and of every defect planted in them, so
 * tests (and the end-to-end demo test) can assert that an inspection finds what it should.
 * Human-readable twin: demo/DEFECTS.md.
 *
 * All URLs are written as the inspector sees them (http://<host>/…, port 80); the demo server
 * answers them on loopback through host mapping (see demoConnectTo()).
 */
import { siteModules } from "./content/index.ts";
import { JYJ_META_SITE_ID } from "./content/jyj.ts";
import { type ColumnKind, DEMO_AS_OF, newestDate } from "./content/model.ts";

export type DemoDefectKind =
  | "broken-link"
  | "broken-attachment"
  | "broken-image"
  | "gone"
  | "unknown-host"
  | "server-error"
  | "bot-protected"
  | "redirect-chain"
  | "redirect-loop"
  | "trap"
  | "slow"
  | "hidden-link"
  | "stale-column"
  | "blank-column"
  | "future-date"
  // Content defects for later checks (footer, meta tags, 办事指南, 互动, privacy, text):
  | "footer-missing"
  | "meta-mismatch"
  | "guide-incomplete"
  | "unanswered-message"
  | "privacy"
  | "typo"
  // Page standards, interaction, services and interpretation (issue 5), each with its check id:
  | "page-standard";

export interface DemoDefect {
  kind: DemoDefectKind;
  /** The defective URL (the link target, the column list page, or the page with the problem). */
  url: string;
  /** A page where the defect appears (links: a page that links to url). */
  on?: string;
  /**
   * What the server answers for url with a plain GET without browser headers: the final status after
   * following redirects; 0 = no answer (unknown host, loop, timeout). Undefined for content defects.
   */
  status?: number;
  /** For page-standard and other content defects: the check id that must report it at url. */
  check?: string;
  note: string;
}

export interface DemoColumn {
  name: string;
  /** First list page. */
  url: string;
  kind: ColumnKind;
  /** ColumnType meta value where the site writes one. */
  typeLabel: string;
  /** Name of the first-level column; undefined for first-level columns. */
  parent?: string;
  /** Newest item date "YYYY-MM-DD"; undefined for a blank column. */
  newest?: string;
  items: number;
}

export type DemoTemplate = "ul-li" | "table" | "div-grid" | "dl";

export interface DemoFeature {
  kind:
    | "working-attachment"
    | "charset-header-wins"
    | "gzip"
    | "robots-disallowed"
    | "sitemap-only"
    | "query-pagination"
    | "head-not-allowed"
    | "cross-site-link";
  url: string;
  on?: string;
  note: string;
}

export interface DemoSite {
  host: string;
  name: string;
  homepage: string;
  encoding: "utf-8" | "gbk";
  /** true: text responses carry "; charset=…" in Content-Type; false: the page's <meta> is the only declaration. */
  charsetInHeader: boolean;
  /** The server gzips text responses when Accept-Encoding allows it. */
  gzip: boolean;
  template: DemoTemplate;
  /** How list pages paginate, e.g. "index.html, index_1.html, index_2.html". */
  pagination: string;
  /** 网站标识码 as printed in the footer. */
  siteIdCode: string;
  /** <meta name="SiteIDCode"> value (differs from siteIdCode on jyj: a defect). */
  metaSiteIdCode: string;
  footer: {
    sponsor: string;
    phone: string;
    icp: string;
    psb?: string;
    conac: boolean;
    jiucuo: boolean;
  };
  /** robots.txt Disallow rules (empty when the site has no robots.txt: it answers 404). */
  robotsDisallow: string[];
  sitemap?: string;
  columns: DemoColumn[];
  defects: DemoDefect[];
  features: DemoFeature[];
  /** Server header, for flavour. */
  server: string;
}

/** The demo inspection's time point (--as-of). Dates in the sites are relative to it. */
export const demoAsOf = DEMO_AS_OF;

/** Default delay of the slow page; the demo inspection runs with a 5 s timeout. */
export const DEFAULT_SLOW_MS = 8000;

/** Hosts outside the demo sites that pages link to; the server answers any path on them with 200. */
export const demoStubHosts: string[] = [
  "www.gov.cn",
  "www.demo-province.gov.cn",
  "zwfw.demo-province.gov.cn",
  "bszs.conac.cn",
  "dcs.conac.cn",
  "zfwzgl.www.gov.cn",
  "beian.miit.gov.cn",
  "www.beian.gov.cn",
];

/** Hosts linked from the demo pages that must never resolve (the fetcher should report ENOTFOUND). */
export const demoUnknownHosts: string[] = [
  "old-system.demo-city.invalid",
  "www.xpj888-casino.invalid",
  "www.hg-sports-bet.invalid",
  "www.ag-live-casino.invalid",
];

/**
 * A request is "browser-like" for the bot-protected path when its User-Agent starts with
 * "Mozilla/5.0 (" and contains none of these words (case-insensitive). Everything else gets 403.
 */
export const BOT_UA_WORDS = [
  "bot",
  "spider",
  "crawl",
  "compatible",
  "curl",
  "wget",
  "python",
  "java/",
  "go-http",
  "node",
  "undici",
  "okhttp",
];

export function isBrowserLikeUserAgent(userAgent: string | undefined): boolean {
  if (!userAgent || !userAgent.startsWith("Mozilla/5.0 (")) return false;
  const lower = userAgent.toLowerCase();
  return !BOT_UA_WORDS.some((w) => lower.includes(w));
}

const C = "http://www.demo-city.gov.cn";
const F = "http://fgw.demo-city.gov.cn";
const X = "http://www.demo-county.gov.cn";
const J = "http://jyj.demo-city.gov.cn";

const defects: Record<string, DemoDefect[]> = {
  "www.demo-city.gov.cn": [
    {
      kind: "broken-link",
      url: `${C}/zwdt/bmdt/202611/t20261111_1108.html`,
      on: `${C}/`,
      status: 404,
      note: "首页“部门动态”中的一条新闻，文章页已被删除（也出现在 /zwdt/ 与 /zwdt/bmdt/ 列表页）",
    },
    {
      kind: "broken-link",
      url: `${C}/bmwz/rsj/`,
      on: `${C}/`,
      status: 404,
      note: "首页友情链接“示范市人力资源和社会保障局”，以绝对地址写成的站内链接，已失效",
    },
    {
      kind: "broken-link",
      url: `${C}/zcwj/2025/t20250812_0931.html`,
      on: `${C}/zcwj/202608/t20260820_2005.html`,
      status: 404,
      note: "政策文件正文“相关链接”指向的旧文件页面不存在（内页死链）",
    },
    {
      kind: "broken-image",
      url: `${C}/images/zt/yshj-banner.jpg`,
      on: `${C}/`,
      status: 404,
      note: "首页“专题专栏”的图片链接，图片不存在",
    },
    {
      kind: "broken-attachment",
      url: `${C}/zcwj/attach/2026yshj-fgb.doc`,
      on: `${C}/zcwj/202611/t20261110_2001.html`,
      status: 404,
      note: "政策文件附件“重点任务分工表.doc”无法下载",
    },
    {
      kind: "broken-attachment",
      url: `${C}/zcwj/attach/2026lxxq-qd.pdf`,
      on: `${C}/zcwj/202610/t20261026_2002.html`,
      status: 404,
      note: "政策文件附件“2026年老旧小区改造项目清单.pdf”无法下载",
    },
    {
      kind: "gone",
      url: `${C}/zt/2019wmcs/`,
      on: `${C}/`,
      status: 410,
      note: "已下线的2019年专题，服务器答复 410 Gone",
    },
    {
      kind: "unknown-host",
      url: "http://old-system.demo-city.invalid/",
      on: `${C}/`,
      status: 0,
      note: "首页“原网上办事大厅（旧版）”指向已注销的域名（DNS 无记录）",
    },
    {
      kind: "redirect-chain",
      url: `${C}/old/jgsz.html`,
      on: `${C}/`,
      status: 200,
      note: "301 → /redirect/jgsz.html，302 → http://www.demo-city.gov.cn/jggk/jgzn/（绝对地址），200",
    },
    {
      kind: "trap",
      url: `${C}/calendar/?date=2026-11-20`,
      on: `${C}/`,
      status: 200,
      note: "政务活动日历：每一页都有“上一天/下一天/上一月/下一月”链接，日期无限延伸（动态生成）",
    },
    {
      kind: "slow",
      url: `${C}/sjfb/tjyb/2026-10.html`,
      on: `${C}/`,
      status: 200,
      note: "统计月报查询：服务器在 slowMs（默认 8 秒）后才答复；全站只有首页这一处链接",
    },
    {
      kind: "typo",
      url: `${C}/zwdt/jrsf/202610/t20261024_1010.html`,
      note: "错别字：“再接再励”应为“再接再厉”",
    },
    {
      kind: "typo",
      url: `${C}/tzgg/202610/t20261027_1308.html`,
      note: "错别字：“按步就班”应为“按部就班”",
    },
    {
      kind: "guide-incomplete",
      check: "services.guide-elements",
      url: `${C}/bsfw/bszn/202608/t20260810_1604.html`,
      note: "办事指南缺少设定依据、办理时间、收费标准、办理流程等要素",
    },
  ],
  "fgw.demo-city.gov.cn": [
    {
      kind: "redirect-loop",
      url: `${F}/loop/a`,
      on: `${F}/`,
      status: 0,
      note: "“企业投资项目网上申报系统”：/loop/a 302 → /loop/b 302 → /loop/a …",
    },
    {
      kind: "server-error",
      url: `${F}/ysqgk/apply.jsp`,
      on: `${F}/`,
      status: 500,
      note: "“依申请公开”系统总是答复 500（Tomcat 错误页）",
    },
    {
      kind: "broken-attachment",
      url: `${F}/module/download/2027ysnt-hzb.xlsx`,
      on: `${F}/art/2026/11/2/art_1229_3021.html`,
      status: 404,
      note: "通知附件“申报项目汇总表.xlsx”无法下载（同页的 .docx 附件正常）",
    },
    {
      kind: "broken-link",
      url: `${F}/art/2025/12/18/art_1231_3299.html`,
      on: `${F}/art/2025/12/18/art_1231_3206.html`,
      status: 404,
      note: "政策文件“相关链接”指向的办事指南页面不存在（内页死链）",
    },
  ],
  "www.demo-county.gov.cn": [
    {
      kind: "hidden-link",
      url: "http://www.xpj888-casino.invalid/",
      on: `${X}/`,
      status: 0,
      note: '暗链：首页底部 <div style="display:none"> 中的博彩链接“一分快3-开户”（同一 div 还有 /reg.html）',
    },
    {
      kind: "hidden-link",
      url: "http://www.xpj888-casino.invalid/reg.html",
      on: `${X}/`,
      status: 0,
      note: "暗链：display:none 中的“新葡京娱乐-注册送彩金”",
    },
    {
      kind: "hidden-link",
      url: "http://www.hg-sports-bet.invalid/",
      on: `${X}/`,
      status: 0,
      note: "暗链：position:absolute;left:-9999px 的屏幕外 div 中的“皇冠体育-在线投注”",
    },
    {
      kind: "hidden-link",
      url: "http://www.ag-live-casino.invalid/",
      on: `${X}/`,
      status: 0,
      note: "暗链：由页面 <style> 规则 .ft-links{height:0;overflow:hidden} 隐藏的“AG真人娱乐城-官方平台”",
    },
    {
      kind: "broken-link",
      url: `${X}/wsxf/index.shtml`,
      on: `${X}/`,
      status: 404,
      note: "首页“网上信访”入口失效",
    },
    {
      kind: "broken-image",
      url: `${X}/uploadfiles/2026/11/tp_5531.jpg`,
      on: `${X}/xwzx/gzdt/2026-11/18/content_5531.shtml`,
      status: 404,
      note: "新闻正文图片不存在",
    },
    {
      kind: "trap",
      url: `${X}/trap/`,
      on: `${X}/zwgk/`,
      status: 200,
      note: "路径陷阱：/trap/ 下任意路径都返回带相对链接 more/ 的页面，生成 /trap/more/more/more/…",
    },
    {
      kind: "stale-column",
      url: `${X}/zwgk/ghjh/`,
      on: `${X}/`,
      note: "“规划计划”栏目最新信息为 2025-03-18，超过一年未更新",
    },
    {
      kind: "blank-column",
      url: `${X}/zwgk/rsxx/`,
      on: `${X}/`,
      note: "“人事信息”栏目列表页只有“暂无信息”",
    },
    {
      kind: "future-date",
      url: `${X}/tzgg/2027-01/05/content_5701.shtml`,
      on: `${X}/`,
      note: "时间穿越：通知公告发布日期 2027-01-05（列表、正文与 PubDate 一致），晚于检查时间点",
    },
    {
      kind: "privacy",
      url: `${X}/tzgg/2026-11/16/content_5702.shtml`,
      note: "低保公示泄露两条完整身份证号码（校验位正确）和手机号码；第三条已脱敏",
    },
  ],
  "jyj.demo-city.gov.cn": [
    {
      kind: "footer-missing",
      check: "standards.jiucuo-entry",
      url: `${J}/`,
      note: "页脚缺少“我为政府网站找错”入口",
    },
    {
      kind: "footer-missing",
      check: "standards.police-filing",
      url: `${J}/`,
      note: "页脚缺少公安机关备案号（公网安备）",
    },
    {
      kind: "meta-mismatch",
      check: "standards.site-id-code-mismatch",
      url: `${J}/`,
      note: `<meta name="SiteIDCode" content="${JYJ_META_SITE_ID}"> 与页脚网站标识码 9901000025 不一致（所有页面）`,
    },
    {
      kind: "stale-column",
      url: `${J}/tzgg/index.htm`,
      on: `${J}/`,
      note: "一级栏目“通知公告”最新信息为 2026-04-28，超过 6 个月未更新",
    },
    {
      kind: "blank-column",
      url: `${J}/zxft/index.htm`,
      on: `${J}/`,
      note: "“在线访谈”栏目：栏目建设中，敬请期待……",
    },
    {
      kind: "unanswered-message",
      check: "interaction.unanswered",
      url: `${J}/jzxx/20260715/c4604.htm`,
      on: `${J}/jzxx/index.htm`,
      note: "局长信箱 2026-07-15 来信“待回复”，至检查时间点超过 3 个月未答复",
    },
    {
      kind: "bot-protected",
      url: `${J}/cjcx/`,
      on: `${J}/`,
      status: 403,
      note: "中考成绩查询系统：非浏览器 User-Agent 答复 403，浏览器式 User-Agent 答复 200（应判为不确定或正常）",
    },
    {
      kind: "broken-attachment",
      url: `${J}/uploads/2026/10/jszg-tjb.pdf`,
      on: `${J}/bszn/20261008/c4501.htm`,
      status: 404,
      note: "办事指南附件“教师资格认定体检表.pdf”不存在；/uploads/ 下 HEAD 一律答复 405，须改用 GET 判断",
    },
    {
      kind: "broken-link",
      url: `${J}/jyxw/2025/old_sttb.htm`,
      on: `${J}/jyxw/20261029/c4104.htm`,
      status: 404,
      note: "新闻正文“相关链接”指向的旧通报页面不存在",
    },
    {
      kind: "guide-incomplete",
      check: "services.guide-elements",
      url: `${J}/bszn/20260518/c4502.htm`,
      note: "办事指南只有事项名称、设定依据、办理地点、联系电话，缺申请条件、办理材料、办理时间、办理流程等",
    },
  ],
};

const features: Record<string, DemoFeature[]> = {
  "www.demo-city.gov.cn": [
    {
      kind: "working-attachment",
      url: `${C}/zcwj/attach/2026yshj-cs.pdf`,
      on: `${C}/zcwj/202611/t20261110_2001.html`,
      note: "有效的单页 PDF（application/pdf）",
    },
    {
      kind: "working-attachment",
      url: `${C}/zcwj/attach/xzxk-qd-2026.xlsx`,
      on: `${C}/zcwj/202605/t20260526_2007.html`,
      note: "有效的 .xlsx",
    },
    {
      kind: "working-attachment",
      url: `${C}/bsfw/attach/cxjm-yl-cbdjb.docx`,
      on: `${C}/bsfw/bszn/202609/t20260922_1603.html`,
      note: "有效的 .docx",
    },
    {
      kind: "charset-header-wins",
      url: `${C}/zwgk/lsda/t20091015_101.html`,
      on: `${C}/jggk/sqgk/`,
      note: 'Content-Type 头为 charset=utf-8，页面 <meta charset="gb2312">，实际字节为 UTF-8：应以响应头为准',
    },
    {
      kind: "robots-disallowed",
      url: `${C}/admin/login.html`,
      on: `${C}/`,
      note: "页脚“网站管理”链接；robots.txt Disallow: /admin/（服务器答复 200，遵守 robots 的爬虫不应请求）",
    },
    {
      kind: "sitemap-only",
      url: `${C}/zt/2026grqn/`,
      note: "只在 sitemap.xml 中出现的专题页",
    },
    {
      kind: "sitemap-only",
      url: `${C}/zt/2026grqn/rxdh.html`,
      note: "只在 sitemap.xml（及上面的专题页）中出现的文章",
    },
    {
      kind: "cross-site-link",
      url: "http://fgw.demo-city.gov.cn/",
      on: `${C}/`,
      note: "友情链接指向其他演示站点（对本站是外部链接）",
    },
  ],
  "fgw.demo-city.gov.cn": [
    {
      kind: "query-pagination",
      url: `${F}/col/col1211/index.html?page=2`,
      on: `${F}/col/col1211/index.html`,
      note: "列表分页为 ?page=N；未知查询参数返回第一页（与多数静态服务器一致）",
    },
    {
      kind: "working-attachment",
      url: `${F}/module/download/2027ysnt-sbb.docx`,
      on: `${F}/art/2026/11/2/art_1229_3021.html`,
      note: "有效的 .docx",
    },
    {
      kind: "working-attachment",
      url: `${F}/module/download/2026-3pc-ba.xlsx`,
      on: `${F}/art/2026/10/29/art_1229_3022.html`,
      note: "有效的 .xlsx",
    },
  ],
  "www.demo-county.gov.cn": [
    {
      kind: "gzip",
      url: `${X}/`,
      note: "Accept-Encoding 含 gzip 时，文本响应以 gzip 压缩（Content-Encoding: gzip，Vary: Accept-Encoding）",
    },
    {
      kind: "robots-disallowed",
      url: `${X}/admin/`,
      note: "robots.txt Disallow: /admin/（无页面链接）",
    },
  ],
  "jyj.demo-city.gov.cn": [
    {
      kind: "head-not-allowed",
      url: `${J}/uploads/2026/10/jszg-rdsqb.docx`,
      on: `${J}/bszn/20261008/c4501.htm`,
      note: "/uploads/ 下 HEAD 答复 405（Allow: GET），GET 正常返回有效的 .docx",
    },
  ],
};

/** The demo is served on IPv4 loopback only: no site has an IPv6 address. */
const noIpv6 = (origin: string): DemoDefect => ({
  kind: "page-standard",
  check: "standards.ipv6",
  url: `${origin}/`,
  note: "演示站点只在 IPv4 回环地址上提供服务，没有 IPv6 地址（AAAA）",
});

const pageStandardDefects: Record<string, DemoDefect[]> = {
  "www.demo-city.gov.cn": [
    noIpv6(C),
    ...["ArticleTitle", "PubDate", "ContentSource"].map((tag): DemoDefect => ({
      kind: "page-standard",
      check: "standards.meta-tags",
      url: `${C}/`,
      note: `历史档案页 /zwgk/lsda/t20091015_101.html 没有网页标签 ${tag}（文章页应有 ArticleTitle、PubDate、ContentSource）`,
    })),
    {
      kind: "page-standard",
      check: "interpretation.link-missing",
      url: `${C}/zcwj/202610/t20261009_2003.html`,
      note: "政策文件未链接其解读 /zcjd/202610/t20261012_2103.html（只有解读单向链接原文）",
    },
    {
      kind: "page-standard",
      check: "interpretation.link-missing",
      url: `${C}/zcwj/202607/t20260708_2006.html`,
      note: "政策文件未链接其解读 /zcjd/202607/t20260710_2105.html（只有解读单向链接原文）",
    },
  ],
  "fgw.demo-city.gov.cn": [
    noIpv6(F),
    {
      kind: "page-standard",
      check: "standards.search-missing",
      url: `${F}/`,
      note: "首页没有站内搜索",
    },
    {
      kind: "page-standard",
      check: "accessibility.entry",
      url: `${F}/`,
      note: "首页没有无障碍/长者模式入口",
    },
    {
      kind: "page-standard",
      check: "interpretation.link-missing",
      url: `${F}/art/2026/9/25/art_1231_3201.html`,
      note: "政策文件未链接其解读 /art/2026/9/26/art_1232_3301.html（只有解读单向链接原文）",
    },
    {
      kind: "page-standard",
      check: "interpretation.link-missing",
      url: `${F}/art/2026/4/27/art_1232_3303.html`,
      note: "图解与政策文件 /art/2026/4/10/art_1231_3204.html 互未链接（按文件名称对应）",
    },
    {
      kind: "page-standard",
      check: "interpretation.late",
      url: `${F}/art/2026/4/27/art_1232_3303.html`,
      note: "图解 2026-04-27 发布，晚于政策文件（2026-04-10）17 天",
    },
  ],
  "www.demo-county.gov.cn": [
    noIpv6(X),
    {
      kind: "page-standard",
      check: "standards.search-broken",
      url: `${X}/search.shtml`,
      note: "站内搜索对任何词都答复“未找到相关结果”",
    },
    {
      kind: "page-standard",
      check: "interpretation.copied",
      url: `${X}/zcjd/2026-06/11/content_5901.shtml`,
      note: "解读照抄政策文件 /zcwj/2026-06/09/content_5802.shtml 的正文（约 95% 相同）",
    },
    {
      kind: "page-standard",
      check: "interpretation.link-missing",
      url: `${X}/zcwj/2026-08/18/content_5801.shtml`,
      note: "政策文件未链接其解读 /zcjd/2026-08/20/content_5902.shtml（只有解读单向链接原文）",
    },
  ],
  "jyj.demo-city.gov.cn": [
    noIpv6(J),
    {
      kind: "page-standard",
      check: "standards.meta-tags",
      url: `${J}/`,
      note: "栏目列表页都没有网页标签 ColumnType",
    },
    {
      kind: "page-standard",
      check: "standards.annual-report",
      url: `${J}/`,
      note: "首页没有 2025 年《政府网站工作年度报表》链接（其他三个站点都有）",
    },
    {
      kind: "page-standard",
      check: "standards.search-missing",
      url: `${J}/`,
      note: "首页没有站内搜索",
    },
    {
      kind: "page-standard",
      check: "accessibility.entry",
      url: `${J}/`,
      note: "首页没有无障碍/长者模式入口",
    },
    {
      kind: "page-standard",
      check: "accessibility.form-labels",
      url: `${J}/`,
      note: "成绩查询页 /cjcx/ 的准考证号、身份证号输入框没有标签",
    },
    {
      kind: "page-standard",
      check: "interpretation.column-missing",
      url: `${J}/`,
      note: "发布政策文件，但没有政策解读栏目",
    },
    {
      kind: "page-standard",
      check: "services.guide-attachment",
      url: `${J}/uploads/2026/10/jszg-tjb.pdf`,
      note: "办事指南“教师资格认定办事指南”的附件“教师资格认定体检表.pdf”无法下载（同时是失效附件）",
    },
  ],
};

const TEMPLATES: Record<
  string,
  { template: DemoTemplate; pagination: string; charsetInHeader: boolean; gzip: boolean; server: string }
> = {
  "www.demo-city.gov.cn": {
    template: "ul-li",
    pagination: "index.html, index_1.html, index_2.html …",
    charsetInHeader: true,
    gzip: false,
    server: "nginx",
  },
  "fgw.demo-city.gov.cn": {
    template: "table",
    pagination: "index.html, index.html?page=2 …",
    charsetInHeader: false,
    gzip: false,
    server: "Apache-Coyote/1.1",
  },
  "www.demo-county.gov.cn": {
    template: "div-grid",
    pagination: "index.shtml, index_2.shtml …",
    charsetInHeader: true,
    gzip: true,
    server: "nginx",
  },
  "jyj.demo-city.gov.cn": {
    template: "dl",
    pagination: "index.htm, page_2.htm …",
    charsetInHeader: false,
    gzip: false,
    server: "Apache",
  },
};

const ROBOTS: Record<string, { disallow: string[]; sitemap?: string }> = {
  "www.demo-city.gov.cn": { disallow: ["/admin/", "/search/"], sitemap: `${C}/sitemap.xml` },
  "www.demo-county.gov.cn": { disallow: ["/admin/"] },
};

export const demoSites: DemoSite[] = siteModules.map((m) => {
  const origin = `http://${m.host}`;
  const t = TEMPLATES[m.host];
  if (!t) throw new Error(`no template facts for ${m.host}`);
  return {
    host: m.host,
    name: m.name,
    homepage: `${origin}/`,
    encoding: m.encoding,
    charsetInHeader: t.charsetInHeader,
    gzip: t.gzip,
    template: t.template,
    pagination: t.pagination,
    siteIdCode: m.footer.siteIdCode,
    metaSiteIdCode: m.host === "jyj.demo-city.gov.cn" ? JYJ_META_SITE_ID : m.footer.siteIdCode,
    footer: {
      sponsor: m.footer.sponsor,
      phone: m.footer.phone,
      icp: m.footer.icp,
      psb: m.footer.psb,
      conac: m.footer.conac,
      jiucuo: m.footer.jiucuo,
    },
    robotsDisallow: ROBOTS[m.host]?.disallow ?? [],
    sitemap: ROBOTS[m.host]?.sitemap,
    columns: m.columns.map((c) => ({
      name: c.name,
      url: `${origin}${m.listUrl(c, 0)}`,
      kind: c.kind,
      typeLabel: c.typeLabel,
      parent: c.parent,
      newest: newestDate(c),
      items: c.articles.filter((a) => !a.missing).length,
    })),
    defects: [...(defects[m.host] ?? []), ...(pageStandardDefects[m.host] ?? [])],
    features: features[m.host] ?? [],
    server: t.server,
  };
});

export function demoSite(host: string): DemoSite | undefined {
  return demoSites.find((s) => s.host === host.toLowerCase());
}

/** Every host the demo server answers for: the four sites and the stubs. */
export function demoHosts(): string[] {
  return [...demoSites.map((s) => s.host), ...demoStubHosts];
}

/**
 * curl-style --connect-to specs ("HOST:80:ADDR:PORT") sending every demo and stub host to the
 * running demo server. The .invalid hosts are left out on purpose: they must stay unresolvable.
 */
export function demoConnectTo(address: string, port: number): string[] {
  const addr = address.includes(":") ? `[${address}]` : address;
  return demoHosts().map((h) => `${h}:80:${addr}:${port}`);
}

/**
 * The same mapping as demoConnectTo() as plain objects, structurally compatible with
 * src/fetch/types.ts HostMapping (--connect-to semantics: port 80 of each host → address:port).
 */
export function demoHostMappings(
  address: string,
  port: number,
): Array<{ host: string; port: number; address: string; toPort: number; spec: string }> {
  return demoHosts().map((host) => ({
    host,
    port: 80,
    address,
    toPort: port,
    spec: `${host}:80:${address.includes(":") ? `[${address}]` : address}:${port}`,
  }));
}
