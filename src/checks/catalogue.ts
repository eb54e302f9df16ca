import type { Severity } from "../core/finding.ts";
import { accessibilityChecks } from "./catalogue/accessibility.ts";
import { identityChecks } from "./catalogue/identity.ts";
import { interactionChecks } from "./catalogue/interaction.ts";
import { searchChecks } from "./catalogue/search.ts";
import { servicesChecks } from "./catalogue/services.ts";
import { transportChecks } from "./catalogue/transport.ts";

/**
 * Every check Zhijian runs, with a stable id. Areas added later keep their definitions in
 * catalogue/<area>.ts, so each area's checks and their texts sit in one small file. Ids are part of the report contract: never rename one,
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

const coreChecks: readonly CheckDefinition[] = [
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
    id: "site.availability",
    title: "站点无法访问（一周监测）",
    titleEn: "Site unavailable (a week of probes)",
    indicator: "19号·单项否决·站点无法访问",
    severities: ["veto", "warn", "info"],
    description:
      "监测 1 周，每天间隔性访问 20 次以上，超过（含）15 秒首页仍未完整打开（含连接失败、非 2xx 状态）的次数累计占比达到 5% 即单项否决，达到 3% 预警（阈值可配置）。" +
      "探测序列由 zhijian probe 采集；监测不满 7 天或某天少于 20 次时结论为疑似，并另给一条提示。",
    descriptionEn:
      "Over a week of probes, at least 20 a day: the share of probes that did not fully load the homepage within 15 s (including connection failures and non-2xx responses) vetoes at 5 % and warns at 3 % (configurable). " +
      "Probes come from `zhijian probe`; a window covered for fewer than 7 days or with days under 20 probes gives a suspected verdict plus an info finding.",
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
    id: "site.homepage-stale",
    title: "首页不更新",
    titleEn: "Homepage not updated",
    indicator: "19号·单项否决·首页不更新",
    severities: ["veto", "warn"],
    description:
      "首页在检查时间点前 2 周内没有带发布日期的新信息（未注明发布时间的信息视为未更新）；首页仅为栏目导航入口时，看其二级页面是否有 2 周内的信息。超过 10 天未更新时预警。",
    descriptionEn:
      "No homepage item dated within 2 weeks before the time point (undated items count as not updated); a navigation-only homepage is judged by its second-level pages. Early warning after 10 days.",
  },
  {
    id: "column.stale",
    title: "栏目不更新",
    titleEn: "Column not updated",
    indicator: "19号·单项否决·栏目不更新",
    severities: ["deduct"],
    description:
      "栏目最新信息早于其更新周期：动态要闻类 2 周，一级通知公告、政策文件类 6 个月，人事、规划计划等 1 年（二级通知公告、政策文件按 1 年，可按站点配置）；信息均未注明日期的栏目视为未更新。证据含栏目名称、地址、类型、最新信息与所用周期。",
    descriptionEn:
      "The column's newest item is older than its window: news 2 weeks, first-level notices and policy documents 6 months, personnel and plans 1 year (configurable per site); a column whose items carry no date counts as not updated.",
  },
  {
    id: "column.blank",
    title: "空白栏目",
    titleEn: "Blank column",
    indicator: "19号·单项否决·栏目不更新（空白栏目）",
    severities: ["deduct"],
    description:
      "有栏目无内容：栏目页没有信息条目、显示“暂无信息”“栏目建设中”等占位文字，或栏目链接无法打开。",
    descriptionEn:
      "A column without content: no items on its list page, a placeholder such as 暂无信息 or 栏目建设中, or a column link that does not open.",
  },
  {
    id: "column.key-stale-count",
    title: "动态要闻、通知公告、政策文件栏目未更新数",
    titleEn: "Key columns not updated (count)",
    indicator: "19号·单项否决·栏目不更新（第 1 项）",
    severities: ["veto", "warn"],
    description:
      "检查时间点前 2 周内未更新的动态、要闻类栏目与 6 个月内未更新的通知公告、政策文件类一级栏目累计达到 5 个即单项否决；达到 3 个预警（阈值可配置）。",
    descriptionEn:
      "News columns not updated within 2 weeks plus first-level notice/policy columns not updated within 6 months: veto at 5, early warning at 3 (configurable).",
  },
  {
    id: "column.stale-count",
    title: "应更新未更新栏目数",
    titleEn: "Columns not updated (count)",
    indicator: "19号·单项否决·栏目不更新（第 2 项）",
    severities: ["veto", "warn"],
    description: "应更新但长期未更新的栏目（含上一项）达到 10 个即单项否决；达到 7 个预警（阈值可配置）。",
    descriptionEn:
      "Columns past their update window (including the key ones): veto at 10, early warning at 7 (configurable).",
  },
  {
    id: "column.blank-count",
    title: "空白栏目数",
    titleEn: "Blank columns (count)",
    indicator: "19号·单项否决·栏目不更新（第 3 项）",
    severities: ["veto", "warn"],
    description: "空白栏目达到 5 个即单项否决；达到 3 个预警（阈值可配置）。",
    descriptionEn: "Blank columns: veto at 5, early warning at 3 (configurable).",
  },
  {
    id: "content.future-date",
    title: "时间穿越",
    titleEn: "Publish date in the future",
    indicator: "19号·单项否决·严重问题（伪造发稿日期）",
    severities: ["veto"],
    description:
      "信息的发布日期（列表页日期、正文发布时间或 PubDate 元数据）晚于检查时间点，可能是伪造发稿日期。需人工确认。",
    descriptionEn:
      "An item's publish date (list date, displayed date or PubDate meta) is after the time point: possibly a forged date. Needs human confirmation.",
  },
  {
    id: "content.date-mismatch",
    title: "发布日期不一致",
    titleEn: "Publish dates disagree",
    indicator: "19号·单项否决·严重问题（伪造发稿日期）",
    severities: ["warn"],
    description:
      "同一条信息在列表页与正文页显示的日期不同，或正文显示的发布时间与 PubDate 元数据不同。两者都记入证据，供人工核实。",
    descriptionEn:
      "The list page and the article page show different dates for the same item, or the displayed date differs from the PubDate meta. Both are kept as evidence.",
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
      "通过内联样式、属性或页面自身 <style> 规则隐藏（display:none、visibility:hidden、零尺寸、移出屏幕、字号为 0、极小跑马灯等）且指向非政府网站域名的链接，是网页被篡改植入暗链的典型特征。" +
      "样式表规则只认简单选择器（类、id、标签）的顶层规则；@media 内的规则、打印样式、被 :hover 等复杂规则重新显示的下拉菜单、外部样式表均不计，evidence.hiddenRule 给出起作用的选择器。需人工确认。",
    descriptionEn:
      "A link hidden by inline style, attribute or a rule of the page's own <style> blocks that points outside government domains, the usual mark of injected spam links. " +
      "Only top-level rules with simple selectors count (not @media, print styles, drop-downs a complex rule reveals, or external stylesheets); evidence.hiddenRule names the selectors. Needs human confirmation.",
  },
  {
    id: "content.severe-typo",
    title: "严重表述错误",
    titleEn: "Severe wording error",
    indicator: "19号·单项否决·严重问题（严重表述错误）",
    severities: ["veto"],
    description:
      "党和国家领导人姓名、职务，中央机构名称，重要会议，规范表述和法律法规名称写错（同音字、形近字、漏字），或领导人姓名与职务不符。一经确认即单项否决，需人工复核。",
    descriptionEn:
      "A leader's name or title, a central organisation, a major meeting, a standard political expression or a law name written wrong (homophone, similar shape, missing character), or a name with a wrong title.",
  },
  {
    id: "content.typo",
    title: "错别字",
    titleEn: "Typo",
    indicator: "19号·扣分·内容准确性（错别字）",
    severities: ["deduct", "warn"],
    description:
      "疑似错别字：依据词语切分、形近/音近混淆字表和政府公文的字词统计判断，附建议改法与位置。需人工确认；可用允许词表排除专有名词。",
    descriptionEn:
      "A suspected typo, found by segmentation, sound/shape confusion sets and statistics of official writing, with a suggested correction and its offset. Allow-lists exclude proper nouns.",
  },
  {
    id: "content.english-spelling",
    title: "英文拼写错误",
    titleEn: "English misspelling",
    indicator: "19号·扣分·内容准确性",
    severities: ["warn", "info"],
    description: "中文页面中的英文（网站名、机构名等）拼写疑似有误，跳过网址、邮箱、缩写和汉语拼音。",
    descriptionEn:
      "A misspelt English word in a Chinese page (site or organisation names); URLs, e-mail, acronyms and pinyin are skipped.",
  },
  {
    id: "content.sensitive",
    title: "敏感或垃圾信息",
    titleEn: "Sensitive or spam content",
    indicator: "19号·单项否决·严重问题（发布或链接反动、暴力、色情等内容）",
    severities: ["veto", "warn"],
    description:
      "页面文字、隐藏文字或链接文字命中敏感词库（博彩、色情、暴力、诈骗、反动等）。默认词库只收博彩、色情垃圾信息的典型说法（如“一分快3-开户”），用户可加载自己的词库；允许词表可排除误报。需人工确认。",
    descriptionEn:
      "Page text, hidden text or link text matches a lexicon (gambling, porn, violence, fraud, reactionary). The default lexicon holds typical gambling and porn spam phrases; users load their own.",
  },
  {
    id: "content.privacy",
    title: "隐私信息泄露",
    titleEn: "Personal data exposed",
    indicator: "19号·单项否决·严重问题（泄露）；政务公开“去标识化”要求",
    severities: ["veto", "deduct", "warn"],
    description:
      "页面或附件（docx、xlsx、csv、pdf）中出现完整的居民身份证号码（地区码、出生日期、校验位均有效）、手机号码或银行卡号（Luhn 校验）。已脱敏的形式（如 610902********1234、138****1234）合规，不报告；证据中的号码已脱敏。",
    descriptionEn:
      "A full resident ID number (valid region, birth date and check digit), mobile number or bank card number (Luhn) in a page or an attachment. Masked forms are compliant; evidence shows values masked.",
  },
  {
    id: "content.external-script",
    title: "外部脚本或框架",
    titleEn: "Script or frame from a non-government host",
    indicator: "19号·单项否决·安全（页面被挂马、内容被篡改）",
    severities: ["veto", "warn"],
    description:
      "页面加载了非政府网站域名的脚本或 iframe（常见统计、地图、视频服务除外，见 data/service-hosts.txt）。这是挂马和植入跳转的典型形态；被隐藏的此类元素按否决级报告。需人工确认是否本站有意引用。",
    descriptionEn:
      "A script or iframe loaded from a non-government host (common statistics, map and video services excepted). Hidden ones are reported at veto level. Needs human confirmation.",
  },
  {
    id: "content.cloaking",
    title: "疑似针对搜索引擎的篡改",
    titleEn: "Cloaking (tampering suspect)",
    indicator: "19号·单项否决·安全（内容被篡改）",
    severities: ["veto"],
    description:
      "分别以搜索引擎爬虫（Baiduspider）和浏览器身份访问首页，只对爬虫显示的外部链接或垃圾信息说明网站疑似被篡改（黑帽 SEO）。需人工确认。",
    descriptionEn:
      "The homepage fetched as a search-engine crawler and as a browser differ: outbound links or spam only the crawler sees mark a tampering suspect. Needs human confirmation.",
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

export const checkCatalogue: readonly CheckDefinition[] = [
  ...coreChecks,
  ...identityChecks,
  ...searchChecks,
  ...transportChecks,
  ...interactionChecks,
  ...servicesChecks,
  ...accessibilityChecks,
];

const byId = new Map(checkCatalogue.map((check) => [check.id, check]));

export function checkDefinition(id: string): CheckDefinition {
  const definition = byId.get(id);
  if (!definition) throw new Error(`unknown check id: ${id}`);
  return definition;
}
