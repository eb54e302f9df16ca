import type { CheckDefinition } from "../catalogue.ts";

const footerIndicator = "47号·网页设计规范·页尾；19号·扣分·功能设计（网站标识）";
const absence =
  "首页自身 HTML 中已见页尾（备案号、标识码、主办或版权信息）时缺失为 confirmed；页尾不在首页 HTML 中（可能由框架或脚本载入）时为 inconclusive。";
const absenceEn =
  "Missing is confirmed when the homepage's own HTML shows a footer (filing numbers, 标识码, 主办 or 版权); inconclusive when the footer is not in that HTML (a frame or script may draw it).";

/** Checks of the area 网站标识与页面规范（标识码、备案、党政机关标识、找错入口、网页标签）. */
export const identityChecks: readonly CheckDefinition[] = [
  {
    id: "standards.site-id-code",
    title: "网站标识码缺失或不规范",
    titleEn: "网站标识码 missing or malformed",
    indicator: footerIndicator,
    severities: ["deduct", "warn"],
    description:
      "首页页尾应显示网站标识码：地方网站为 6 位行政区划代码（GB/T 2260）加 4 位顺序号，国务院部门为 bm 加 8 位数字。" +
      "页尾没有标识码时扣分（只在找错脚本或网页标签中出现时为 suspected）；格式错误、省级代码无效的值按原样报告为不规范（页尾或找错入口中的扣分，仅在 SiteIDCode 标签中的预警）；" +
      `前 6 位不在区划代码表中但省级代码有效时，可能是区划撤并更名，预警且为 suspected。${absence}`,
    descriptionEn:
      "The homepage footer must show the 网站标识码: a GB/T 2260 division code plus a 4-digit serial, or bm plus 8 digits for State Council departments. " +
      "No code in the footer deducts (suspected when only the 找错 script or a meta tag carries it); malformed codes and invalid province prefixes are reported as written (deduct in the footer or 找错 entry, warn in the meta tag only); " +
      `an unlisted division under a valid province may be a merged district: warn, suspected. ${absenceEn}`,
  },
  {
    id: "standards.site-id-code-mismatch",
    title: "网站标识码不一致",
    titleEn: "网站标识码 values disagree",
    indicator: footerIndicator,
    severities: ["deduct"],
    description:
      "页尾、“我为政府网站找错”入口的 site_code / sitecode、SiteIDCode 网页标签与站点配置中的登记值之间，网站标识码不一致。空的 SiteIDCode 标签不参与比较（由网页标签检查报告）。",
    descriptionEn:
      "The footer, the 找错 entry's site_code/sitecode, the SiteIDCode meta tag and the code on record (site configuration) disagree. An empty SiteIDCode tag is left to the meta-tag check.",
  },
  {
    id: "standards.icp",
    title: "ICP 备案编号缺失或不规范",
    titleEn: "ICP filing number missing or malformed",
    indicator: footerIndicator,
    severities: ["deduct", "warn"],
    description: `首页页尾未显示 ICP 备案编号时扣分。编号应为“省份简称＋ICP备＋数字＋号”，可带“-序号”（如 京ICP备05070218号、京ICP备13021685号-2）；不符合的按原样预警。${absence}`,
    descriptionEn: `No ICP filing number in the homepage footer deducts. The number must read province abbreviation + ICP备 + digits + 号, optionally -n; other shapes warn as written. ${absenceEn}`,
  },
  {
    id: "standards.police-filing",
    title: "公安机关备案号缺失或不规范",
    titleEn: "Public-security filing number missing or malformed",
    indicator: footerIndicator,
    severities: ["deduct", "warn", "info"],
    description:
      "首页页尾既无“公网安备”编号也无公安备案链接（beian.gov.cn / beian.mps.gov.cn）时扣分。编号应为“省份简称＋公网安备＋14 位数字＋号”，前 6 位为行政区划代码且与简称同省；" +
      `格式不符（含缺少“号”）或简称与代码不符的预警；前 6 位不在区划代码表中的为提示（suspected，区划可能已调整）。${absence}`,
    descriptionEn:
      "Neither a 公网安备 number nor a link to beian.gov.cn / beian.mps.gov.cn in the homepage footer deducts. The number must read abbreviation + 公网安备 + 14 digits + 号, the first 6 digits a division of that province; " +
      `other shapes (a missing 号 included) or a province mismatch warn; an unlisted division is info, suspected. ${absenceEn}`,
  },
  {
    id: "standards.conac-badge",
    title: "缺少党政机关网站标识",
    titleEn: "党政机关网站标识 badge missing",
    indicator: footerIndicator,
    severities: ["deduct"],
    description:
      "首页未见党政机关网站标识：既无指向 bszs.conac.cn / dcs.conac.cn 的链接、图片或脚本，也无写出 _ideConac 的内联脚本。标识元素全部被隐藏时同样报告（suspected）。" +
      absence,
    descriptionEn:
      "No 党政机关网站标识 on the homepage: no link, image or script of bszs.conac.cn / dcs.conac.cn, no inline script writing _ideConac. A badge whose elements are all hidden is reported too (suspected). " +
      absenceEn,
  },
  {
    id: "standards.jiucuo-entry",
    title: "缺少“我为政府网站找错”入口",
    titleEn: "“我为政府网站找错” entry missing",
    indicator: footerIndicator,
    severities: ["deduct"],
    description:
      "首页未见“我为政府网站找错”入口：没有指向 zfwzgl.www.gov.cn（原 pucha.kaipuyun.cn）或 /exposure/jiucuo 的链接、图片、jiucuo.js 脚本，也没有“我为政府网站找错”“网站纠错”字样的链接。" +
      `入口元素全部被隐藏（display:none 等）时同样报告（suspected）。${absence}`,
    descriptionEn:
      "No “我为政府网站找错” entry on the homepage: no link, image or jiucuo.js script of zfwzgl.www.gov.cn (formerly pucha.kaipuyun.cn) or an /exposure/jiucuo path, no link reading 我为政府网站找错 or 网站纠错. " +
      `An entry whose elements are all hidden is reported too (suspected). ${absenceEn}`,
  },
  {
    id: "standards.organizer",
    title: "未标明主办单位",
    titleEn: "Organiser (主办单位) not stated",
    indicator: footerIndicator,
    severities: ["deduct"],
    description: `首页页尾未见“主办单位：…”“主办：…”或“…主办”字样。“版权所有”不能代替主办单位。${absence}`,
    descriptionEn: `The homepage footer does not state 主办单位 (主办单位：…, 主办：… or …主办). 版权所有 does not replace it. ${absenceEn}`,
  },
  {
    id: "standards.contact",
    title: "未提供联系方式",
    titleEn: "No contact details",
    indicator: footerIndicator,
    severities: ["deduct"],
    description: `首页页尾未见联系电话、电子邮箱、地址，也没有“联系我们”链接。${absence}`,
    descriptionEn: `The homepage shows no telephone, e-mail, address or “联系我们” link. ${absenceEn}`,
  },
  {
    id: "standards.meta-tags",
    title: "网页标签缺失",
    titleEn: "Meta tags missing",
    indicator: "47号·网页设计规范·网页标签",
    severities: ["warn"],
    description:
      "页面缺少其类型应有的网页标签或标签内容为空：所有页面 SiteName、SiteDomain、SiteIDCode；栏目页另需 ColumnName、ColumnType；文章页另需 ArticleTitle、PubDate、ContentSource。" +
      "同一页面类型、同一标签只报告一次，附缺失页数、该类页面总数和示例页面。依据为内容管理系统的通行做法，故为预警。",
    descriptionEn:
      "Pages lack the meta tags of their type, or the tags are empty: SiteName, SiteDomain, SiteIDCode everywhere; ColumnName, ColumnType on list pages; ArticleTitle, PubDate, ContentSource on articles. " +
      "One finding per page type and tag, with the page count, the number of pages of that type and samples. CMS practice, hence a warning.",
  },
  {
    id: "standards.meta-tag-value",
    title: "网页标签取值不规范",
    titleEn: "Meta tag values malformed",
    indicator: "47号·网页设计规范·网页标签",
    severities: ["warn"],
    description:
      "PubDate 不是“yyyy-MM-dd HH:mm”格式（允许带秒）或不是有效时间；SiteDomain 中没有页面自身的域名。同一标签、同一问题只报告一次，附页数与示例。" +
      "PubDate 晚于检查时间点的由“时间穿越”检查报告，此处不重复。",
    descriptionEn:
      "PubDate not in yyyy-MM-dd HH:mm (seconds tolerated) or not a real time; SiteDomain not naming the page's host. One finding per tag and problem, with counts and samples. " +
      "A PubDate after the time point is content.future-date's.",
  },
];
