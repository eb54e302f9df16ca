import type { CheckDefinition } from "../catalogue.ts";

const domainRule = "47号·网站域名（转引，待核对原文）";
const noOfficialScore = "无明确计分要求";

/** Checks of the area 域名与传输（gov.cn 域名、HTTPS、IPv6、混合内容、安全响应头、年度报表）. */
export const transportChecks: readonly CheckDefinition[] = [
  {
    id: "standards.domain",
    title: "网站域名不规范",
    titleEn: "Nonconforming domain name",
    indicator: domainRule,
    severities: ["warn"],
    description:
      "政府网站应使用以 .gov.cn 为后缀的英文域名（或 .政务 中文域名）；政府门户网站使用“www.□□□.gov.cn”结构，部门网站使用上级门户网站的下级域名“○○○.□□□.gov.cn”（如保定市水利局 slj.bd.gov.cn）。" +
      "门户、部门结构规则需要站点类型（kind）和部门网站的上级门户（parent），未配置时跳过并在证据中说明。",
    descriptionEn:
      "A government site uses a .gov.cn domain (or a .政务 Chinese domain); a portal uses www.<x>.gov.cn, a department site a subdomain of its parent portal's domain (slj.bd.gov.cn). " +
      "The structure rules need the site kind and, for departments, the parent portal; without them they are skipped and the evidence says so.",
  },
  {
    id: "standards.domain-offsite-redirect",
    title: "首页跳转到非政府网站域名",
    titleEn: "Homepage redirects off government domains",
    indicator: domainRule,
    severities: ["warn"],
    description:
      "访问首页（含 http:// 与 https:// 两种方式）时被重定向到非 .gov.cn、非 .政务 的域名。可能是域名配置不当，也可能是被篡改植入跳转，需人工确认。",
    descriptionEn:
      "Asking for the homepage (over http:// or https://) is redirected to a host outside government domains: a misconfiguration or injected redirect. Needs human confirmation.",
  },
  {
    id: "standards.domain-multiple",
    title: "一个网站使用多个域名",
    titleEn: "Site answers under several domains",
    indicator: domainRule,
    severities: ["info"],
    description:
      "首页的重定向链涉及多个注册域名（如 bd.gov.cn 与 baoding.gov.cn）。政府网站不宜注册多个域名，不符合要求的旧域名应逐步注销；同一域名下 www 与不带 www 不算多个域名。",
    descriptionEn:
      "The homepage's redirect chains pass through more than one registered domain. A government site should not register several; www and bare forms of one domain count once.",
  },
  {
    id: "standards.https",
    title: "不支持 HTTPS 或证书无效",
    titleEn: "No HTTPS, or an invalid certificate",
    indicator: `47号·安全防护·HTTPS（${noOfficialScore}）`,
    severities: ["warn"],
    description:
      "以 https:// 访问首页时无法连接，或证书未通过校验（过期、自签名、域名不符等）。首页本身经 HTTPS 抓取时，证书问题由 site.tls-invalid 报告，这里不重复。",
    descriptionEn:
      "https:// to the homepage host cannot be reached, or its certificate fails verification. When the homepage itself was crawled over https, site.tls-invalid reports the certificate instead.",
  },
  {
    id: "standards.https-redirect",
    title: "HTTP 未跳转到 HTTPS",
    titleEn: "HTTP not redirected to HTTPS",
    indicator: `47号·安全防护·HTTPS（${noOfficialScore}）`,
    severities: ["info"],
    description: "网站已支持 HTTPS，但以 http:// 访问首页时仍以明文返回页面，没有跳转到 https://。",
    descriptionEn:
      "The site has HTTPS, but http:// still serves the homepage in clear instead of redirecting to https://.",
  },
  {
    id: "standards.certificate-expiry",
    title: "HTTPS 证书即将到期",
    titleEn: "Certificate expiring soon",
    indicator: `47号·安全防护·HTTPS（${noOfficialScore}）`,
    severities: ["warn"],
    description:
      "HTTPS 证书当前有效，但距检查时间点不足 30 天（可配置）即将到期，到期后访问者会看到安全警告。已过期的证书按“证书无效”报告。",
    descriptionEn:
      "The certificate is valid but expires within 30 days of the time point (configurable). An expired one is reported as invalid.",
  },
  {
    id: "standards.ipv6",
    title: "不支持 IPv6 访问",
    titleEn: "No IPv6 access",
    indicator: "IPv6 规模部署工作安排·县级以上政府门户网站 IPv6 支持率（实践要求，不计分）",
    severities: ["warn"],
    description:
      "域名没有 AAAA 记录、经 IPv6 地址无法打开首页，或经 IPv6 与 IPv4 取得的首页内容不同（疑似）。内容比较允许动态差异：标题须一致，且去掉数字和空白后的正文相同或页面链接重合度不低于 90%。" +
      "使用主机映射时，映射到 IPv6 地址即视为有 AAAA 记录；仅允许映射（mappedOnly）或经代理访问且无映射时不作判断。",
    descriptionEn:
      "No AAAA record, the homepage does not open over IPv6, or its content differs from IPv4 (suspected). Tolerance: same title, and the same text without digits and white space or at least 90 % of links shared. " +
      "With host mapping, a mapping to an IPv6 address counts as AAAA; without a mapping under mappedOnly or a proxy nothing is judged.",
  },
  {
    id: "standards.mixed-content",
    title: "HTTPS 页面加载 HTTP 资源（混合内容）",
    titleEn: "Mixed content",
    indicator: `47号·安全防护·HTTPS（${noOfficialScore}）`,
    severities: ["warn", "info"],
    description:
      "经 HTTPS 打开的页面以 http:// 加载脚本、样式表、框架或插件（主动混合内容，浏览器会拦截，warn），或图片、音视频（被动混合内容，浏览器提示不安全，info）。超链接不算。",
    descriptionEn:
      "An https page loads scripts, stylesheets, frames or plugins over http: (active, blocked by browsers: warn) or images and media (passive, shown with a warning: info). Hyperlinks do not count.",
  },
  {
    id: "standards.security-headers",
    title: "缺少安全响应头",
    titleEn: "Security headers missing",
    indicator: `安全防护（${noOfficialScore}，仅提示）`,
    severities: ["info"],
    description:
      "首页响应缺少 Content-Security-Policy、X-Frame-Options、X-Content-Type-Options、Referrer-Policy，或经 HTTPS 时缺少 Strict-Transport-Security。这些响应头可减轻页面被嵌套、脚本注入等风险。",
    descriptionEn:
      "The homepage response lacks Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, Referrer-Policy, or (over https) Strict-Transport-Security.",
  },
  {
    id: "standards.annual-report",
    title: "首页未发布政府网站工作年度报表",
    titleEn: "Annual website report not on the homepage",
    indicator: "12号·《政府网站工作年度报表》每年1月31日前在本网站首页显著位置发布",
    severities: ["deduct"],
    description:
      "从每年 2 月 1 日（北京时间）起，首页应有上一年度《政府网站工作年度报表》的链接（1 月内仍以前一年度为准）。以链接文字（含图片替代文字）及其附近文字中的“年度报表”和年份判断；" +
      "只有更早年度的报表为 confirmed，链接未注明年份或年份只见于附近文字为 suspected。“监管年度报表”不计。",
    descriptionEn:
      "From 1 February (China time) the homepage links to the previous year's 政府网站工作年度报表 (in January the year before that still counts). Judged from link text (and image alt) and text near it; " +
      "only older reports: confirmed; an undated link or a year read only nearby: suspected. The supervisors' 监管年度报表 does not count.",
  },
];
