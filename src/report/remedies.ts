/**
 * 整改要求: what the site's operator must do about each check's problem. The catalogue describes how a
 * problem is detected; an office's 问题清单 states the fix, in the imperative, so the texts live here.
 * test/report/problemList.test.ts holds this table to the catalogue: a new check needs its line.
 */
const remedies: Readonly<Record<string, string>> = {
  "site.unreachable":
    "排查服务器、网络与域名解析，确保首页稳定可访问；持续监测一周，确认无法访问占比低于 5%。",
  "site.availability": "排查服务器性能、带宽与网络故障，必要时扩容或接入多线路，确保首页 15 秒内完整打开。",
  "site.tls-invalid": "更换由受信任机构签发、域名匹配且在有效期内的 HTTPS 证书，并配置完整证书链。",
  "site.homepage-stale": "首页及时发布带发布日期的新信息，2 周内至少更新一次。",
  "column.stale": "按栏目更新周期补充发布信息；确已不再更新的栏目应归并或关闭，并注明原因。",
  "column.blank": "补充栏目内容或撤销该栏目，不得保留“暂无信息”“建设中”等空白栏目；修复打不开的栏目链接。",
  "column.key-stale-count": "逐一更新动态要闻、通知公告、政策文件类栏目，确保在各自周期内有新信息。",
  "column.stale-count": "逐一更新应更新的栏目；长期无内容来源的栏目应归并或关闭。",
  "column.blank-count": "逐一补充空白栏目的内容，或撤销无内容来源的栏目。",
  "content.future-date": "核实并更正信息的发布日期，发布日期不得晚于实际发布时间；查明日期错误原因。",
  "content.date-mismatch": "核实信息的实际发布日期，统一列表页、正文页与 PubDate 标签中的日期。",
  "link.dead": "在所在页面更正或删除失效链接；目标内容仍需提供的，恢复目标页面。",
  "link.image-dead": "恢复图片文件或更正图片地址；不再需要的图片从页面删除。",
  "link.attachment-dead": "重新上传附件或更正附件地址，确保可以下载。",
  "link.resource-dead": "恢复页面引用的脚本、样式表或音视频文件，或删除无效引用。",
  "content.hidden-link":
    "立即删除暗链，排查网站被篡改的途径（后台账号、程序漏洞、模板文件），修补漏洞并加强安全防护。",
  "content.severe-typo": "立即更正表述错误，严格执行信息发布审核校对制度。",
  "content.typo": "核实后更正错别字，加强发布前校对。",
  "content.english-spelling": "核实后更正英文拼写。",
  "content.sensitive": "立即删除有关内容，排查是否被篡改或植入，修补漏洞并加强内容审核。",
  "content.privacy": "立即删除或脱敏处理页面及附件中的个人信息，建立发布前隐私审查机制。",
  "content.external-script": "核实外部脚本或框架的来源；非必要的予以删除，确需使用的改为本地部署或可信来源。",
  "content.cloaking": "排查针对搜索引擎的篡改（服务器配置、程序文件），清除恶意代码，修补漏洞。",
  "crawl.trap":
    "限制日历翻页、查询参数等无限链接的范围，或在 robots.txt 中排除，避免访问者与搜索引擎陷入死循环。",
  "standards.site-id-code": "在首页页尾按规范显示网站标识码。",
  "standards.site-id-code-mismatch":
    "统一页尾、找错入口与 SiteIDCode 标签中的网站标识码，以登记的标识码为准。",
  "standards.icp": "在首页页尾按规范显示 ICP 备案编号，并链接至工业和信息化部备案管理系统。",
  "standards.police-filing": "在首页页尾按规范显示公安机关备案号，并链接至全国互联网安全管理服务平台。",
  "standards.conac-badge": "在首页页尾显示党政机关网站标识，并确保其可见、可点击。",
  "standards.jiucuo-entry": "在首页页尾添加“我为政府网站找错”入口。",
  "standards.organizer": "在首页页尾标明主办单位（“版权所有”不能代替）。",
  "standards.contact": "在首页页尾提供联系电话、电子邮箱或地址，或“联系我们”链接。",
  "standards.meta-tags": "按《政府网站网页设计规范》为各类页面补齐网页标签（元数据）。",
  "standards.meta-tag-value": "按规范更正网页标签的取值（如 PubDate 采用“yyyy-MM-dd HH:mm”格式）。",
  "standards.search-missing": "在首页显著位置提供站内搜索。",
  "standards.search-broken": "修复站内搜索，确保能检索到站内已发布的内容。",
  "standards.domain": "使用以 .gov.cn 为后缀的规范域名；部门网站使用上级门户网站的下级域名。",
  "standards.domain-offsite-redirect": "核实首页跳转，删除指向非政府网站域名的重定向，排查是否被篡改。",
  "standards.domain-multiple": "保留一个规范域名，其余域名跳转至该域名并逐步注销。",
  "standards.https": "部署 HTTPS，使用受信任且在有效期内的证书。",
  "standards.https-redirect": "将 http:// 访问统一跳转到 https://。",
  "standards.certificate-expiry": "在到期前续期或更换 HTTPS 证书。",
  "standards.ipv6": "为网站域名配置 IPv6 地址（AAAA 记录），确保经 IPv6 可正常访问且内容一致。",
  "standards.mixed-content": "将 HTTPS 页面中以 http:// 加载的资源改为 https:// 或站内相对地址。",
  "standards.security-headers": "在服务器配置中添加所缺的安全响应头。",
  "standards.annual-report": "在首页发布上一年度《政府网站工作年度报表》。",
  "interaction.no-channel": "开设政务咨询类互动渠道（如领导信箱、咨询留言），并在网站显著位置提供入口。",
  "interaction.unanswered": "立即答复超期留言，建立留言办理时限督办机制，一般 5 个工作日内答复。",
  "interaction.dates-missing": "在留言信件页面公开留言时间和答复时间。",
  "interaction.reply-stats": "持续跟踪留言答复时效，一般 5 个工作日内答复。",
  "services.none": "提供办事服务栏目或办事指南，或链接至本地区政务服务平台。",
  "services.guide-elements":
    "补齐办事指南要素（设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程、收费标准等），内容应具体准确。",
  "services.guide-attachment": "重新上传办事指南中的表格和附件，确保可以下载。",
  "interpretation.column-missing": "开设政策解读栏目，与政策文件同步发布解读材料。",
  "interpretation.link-missing": "在政策文件与其解读之间建立双向链接。",
  "interpretation.copied": "重新撰写解读，说明政策背景、主要内容和关键措施，不得照抄政策原文。",
  "interpretation.late": "重要政策文件的解读材料应与文件同步发布。",
  "accessibility.img-alt": '为有内容的图片添加替代文本（alt），装饰性图片使用 alt=""。',
  "accessibility.lang": '在 <html> 上声明页面语言（如 lang="zh-CN"）。',
  "accessibility.form-labels": "为表单控件添加标签（<label>、aria-label 或 title）。",
  "accessibility.title": "为每个页面设置说明其内容的 <title>。",
  "accessibility.entry": "在首页提供无障碍或适老化（长者模式、关怀版）入口。",
  "accessibility.axe": "按检测报告逐条修正不符合无障碍规则的页面元素。",
};

/** Manual findings may name a check outside the catalogue; they still get an instruction. */
const genericRemedy = "核实问题，按检查指标要求整改。";

export function remedyFor(check: string): string {
  return remedies[check] ?? genericRemedy;
}

/** Checks that have their own instruction (the test compares this with the catalogue). */
export const checksWithRemedy: readonly string[] = Object.keys(remedies);
