/**
 * fgw.demo-city.gov.cn — 示范市发展和改革委员会. A GBK site in the style of older Hanweb-like CMSs:
 * table-based lists at /col/col<id>/index.html with ?page=N pagination, articles at
 * /art/<y>/<m>/<d>/art_<col>_<id>.html. The charset is declared only in
 * <meta http-equiv="Content-Type" content="text/html; charset=gbk">; the server sends no charset.
 * build-sites.ts encodes every text file of this site to GBK.
 */
import { docx, png, xlsx } from "./binary.ts";
import {
  type ArticleDef,
  type ColumnDef,
  type FooterFacts,
  type SiteFiles,
  type SiteModule,
  attachmentsHtml,
  conacBadge,
  esc,
  footerLines,
  jiucuoLink,
  metaTag,
  paginate,
  paragraphs,
  parts,
  relatedHtml,
  sortNewestFirst,
  validateColumns,
  ymd,
} from "./model.ts";

const HOST = "fgw.demo-city.gov.cn";
const NAME = "示范市发展和改革委员会";
const CONAC_ID = "A7C2E9B14D3F4A8B8E6C2D1F0B9A7E12";

const footer: FooterFacts = {
  sponsor: "示范市发展和改革委员会",
  address: "示范市城东区人民大道1号市级行政中心3号楼",
  phone: "0999-81234201",
  siteIdCode: "9901000012",
  icp: "演ICP备26000112号",
  psb: "演公网安备99010202000112号",
  psbCode: "99010202000112",
  conac: true,
  jiucuo: true,
  annualReport: true,
  careMode: false,
};

const SRC = "示范市发展和改革委员会";

const gzdt: ColumnDef = {
  path: "col/col1211",
  name: "工作动态",
  kind: "NEWS",
  typeLabel: "工作动态",
  description: "市发展改革委工作动态",
  pageSize: 8,
  articles: [
    {
      id: 3101,
      title: "市发展改革委召开2027年重大项目谋划工作推进会",
      date: "2026-11-17 16:30",
      source: SRC,
      body: [
        "11月17日，市发展改革委召开2027年重大项目谋划工作推进会，听取各县区和市直有关部门项目谋划储备情况汇报。",
        "会议要求，要围绕国家政策导向和我市产业发展方向，加快谋划一批打基础、利长远、增后劲的重大项目，力争2027年新谋划储备项目总投资超过2000亿元。",
      ],
    },
    {
      id: 3102,
      title: "全市前三季度经济运行情况分析会召开",
      date: "2026-11-12 10:00",
      source: SRC,
      body: [
        "前三季度，全市地区生产总值同比增长5.8%，规模以上工业增加值增长6.9%，固定资产投资增长5.1%，社会消费品零售总额增长5.5%。",
        "会议分析了当前经济运行中存在的困难和问题，研究部署了四季度稳增长重点工作。",
      ],
    },
    {
      id: 3103,
      title: "市发展改革委开展冬季能源保供专项督导",
      date: "2026-11-09 15:20",
      source: SRC,
      body: [
        "11月上旬，市发展改革委组成4个督导组，对全市热电企业、燃气企业和煤炭储备基地开展冬季能源保供专项督导。",
      ],
    },
    {
      id: 3104,
      title: "我市6个项目入选2026年省级重点项目增补名单",
      date: "2026-11-05 11:40",
      source: SRC,
      body: [
        "近日，演示省发展改革委公布2026年省级重点项目增补名单，我市示范港二期码头工程等6个项目入选，总投资218亿元。",
      ],
    },
    {
      id: 3105,
      title: "市发展改革委赴新港区调研物流枢纽建设",
      date: "2026-10-30 16:10",
      source: SRC,
      body: ["10月30日，市发展改革委主要负责同志赴新港区调研港口型国家物流枢纽建设推进情况。"],
      related: [
        { title: "示范市现代物流业发展规划（2026—2030年）", href: "/art/2026/6/20/art_1241_3403.html" },
      ],
    },
    {
      id: 3106,
      title: "市发展改革委组织开展价格监测业务培训",
      date: "2026-10-23 09:30",
      source: SRC,
      body: ["10月22日至23日，市发展改革委举办全市价格监测业务培训班，各县区价格监测人员共60余人参加培训。"],
    },
    {
      id: 3107,
      title: "我市社会信用体系建设工作获省通报表扬",
      date: "2026-10-16 14:00",
      source: SRC,
      body: [
        "在全省2026年上半年社会信用体系建设评估中，我市综合排名位列全省第二，获省社会信用体系建设领导小组通报表扬。",
      ],
    },
    {
      id: 3108,
      title: "市发展改革委召开党组理论学习中心组学习会",
      date: "2026-10-10 15:00",
      source: SRC,
      body: ["10月10日，市发展改革委召开党组理论学习中心组学习会，围绕推动高质量发展开展集中学习研讨。"],
    },
    {
      id: 3109,
      title: "市发展改革委开展粮食安全宣传周活动",
      date: "2026-10-14 10:20",
      source: SRC,
      body: [
        "10月14日，市发展改革委联合市粮食和物资储备中心在人民广场开展粮食安全宣传周活动，发放宣传资料3000余份。",
      ],
    },
    {
      id: 3110,
      title: "市发展改革委召开重点项目前期工作调度会",
      date: "2026-09-25 16:00",
      source: SRC,
      body: ["会议逐一调度了32个重点项目的用地、环评、能评等前期手续办理进度，明确了时间节点和责任单位。"],
    },
    {
      id: 3111,
      title: "我市启动2026年度节能宣传周活动",
      date: "2026-09-08 09:00",
      source: SRC,
      body: ["9月8日，我市2026年节能宣传周活动正式启动，活动以“节能降碳，绿色发展”为主题。"],
    },
  ],
};

const tzgg: ColumnDef = {
  path: "col/col1229",
  name: "通知公告",
  kind: "NOTICE",
  typeLabel: "通知公告",
  description: "市发展改革委通知公告",
  pageSize: 8,
  articles: [
    {
      id: 3021,
      title: "关于申报2027年市级预算内基本建设投资项目的通知",
      date: "2026-11-02 10:00",
      source: SRC,
      body: [
        "各县区发展改革局，市直有关部门：",
        "为做好2027年市级预算内基本建设投资计划编制工作，现将有关事项通知如下：",
        "一、申报范围：重点支持社会事业、城市基础设施、生态环境保护等领域的公益性项目。",
        "二、申报时间：即日起至2026年11月30日。请将申报材料报送至市发展改革委投资科（市级行政中心3号楼512室）。",
        "联系人：刘某某，联系电话：0999-81234215。",
      ],
      attachments: [
        { name: "2027年市级预算内投资项目申报表.docx", href: "/module/download/2027ysnt-sbb.docx" },
        { name: "申报项目汇总表.xlsx", href: "/module/download/2027ysnt-hzb.xlsx" },
      ],
    },
    {
      id: 3022,
      title: "示范市2026年第三批企业投资项目备案情况公示",
      date: "2026-10-29 15:00",
      source: SRC,
      body: ["根据《企业投资项目核准和备案管理条例》，现将2026年第三批企业投资项目备案情况予以公示。"],
      attachments: [
        { name: "2026年第三批企业投资项目备案情况表.xlsx", href: "/module/download/2026-3pc-ba.xlsx" },
      ],
    },
    {
      id: 3023,
      title: "关于召开示范市居民用水阶梯价格调整听证会的公告",
      date: "2026-10-20 09:00",
      source: SRC,
      body: [
        "根据《政府制定价格听证办法》规定，市发展改革委定于2026年11月25日召开示范市居民用水阶梯价格调整听证会。",
        "听证会地点：市级行政中心1号楼第三会议室。",
      ],
    },
    {
      id: 3024,
      title: "示范市发展和改革委员会2026年政府信息公开工作年度报告编制工作的通知",
      date: "2026-10-12 10:30",
      source: SRC,
      body: ["各科室、直属单位：请于2026年12月31日前报送本单位政府信息公开工作情况。"],
    },
    {
      id: 3025,
      title: "关于2026年国庆节期间市场价格监管的提醒告诫函",
      date: "2026-09-24 11:00",
      source: SRC,
      body: ["各经营者：国庆节即将来临，为维护节日期间市场价格秩序，现就有关事项提醒告诫如下。"],
    },
    {
      id: 3026,
      title: "示范市2026年粮食收购价格监测公告",
      date: "2026-09-10 09:30",
      source: SRC,
      body: ["9月上旬，全市小麦收购均价每斤1.21元，玉米收购均价每斤1.12元。"],
    },
    {
      id: 3027,
      title: "关于开展2026年度重点用能单位节能目标责任考核的通知",
      date: "2026-08-26 14:00",
      source: SRC,
      body: ["各县区发展改革局，各重点用能单位：请于2026年9月30日前完成自查并报送自查报告。"],
    },
    {
      id: 3028,
      title: "示范市发展和改革委员会关于公开遴选评审专家的公告",
      date: "2026-07-15 10:00",
      source: SRC,
      body: ["为加强投资项目评审专家队伍建设，现面向社会公开遴选评审专家。"],
    },
    {
      id: 3029,
      title: "示范市2026年上半年价格监测分析报告",
      date: "2026-07-06 16:00",
      source: SRC,
      body: ["上半年，全市居民消费价格总水平同比上涨0.6%，重要民生商品价格总体平稳。"],
    },
  ],
};

const zcwj: ColumnDef = {
  path: "col/col1231",
  name: "政策文件",
  kind: "POLICY",
  typeLabel: "政策文件",
  description: "市发展改革委政策文件",
  articles: [
    {
      id: 3201,
      title: "示范市发展和改革委员会关于印发《示范市政府投资项目管理办法》的通知",
      date: "2026-09-25 10:00",
      docNo: "示发改投资〔2026〕86号",
      source: SRC,
      body: [
        "各县区发展改革局，市直各有关单位：",
        "现将《示范市政府投资项目管理办法》印发给你们，请遵照执行。",
      ],
      attachments: [{ name: "示范市政府投资项目管理办法.docx", href: "/module/download/zftzxm-glbf.docx" }],
    },
    {
      id: 3202,
      title: "示范市发展和改革委员会关于进一步规范涉企收费的通知",
      date: "2026-08-14 15:00",
      docNo: "示发改价格〔2026〕71号",
      source: SRC,
      body: ["各县区发展改革局，市直有关部门：为切实减轻企业负担，现就进一步规范涉企收费有关事项通知如下。"],
    },
    {
      id: 3203,
      title: "示范市发展和改革委员会关于调整示范市城区管道天然气销售价格的通知",
      date: "2026-06-28 09:30",
      docNo: "示发改价格〔2026〕52号",
      source: SRC,
      body: [
        "示范市燃气有限公司：根据天然气上游价格变化情况，经研究，决定调整示范市城区管道天然气销售价格。",
      ],
      related: [{ title: "天然气价格调整政策问答", href: "/art/2026/6/30/art_1232_3302.html" }],
    },
    {
      id: 3204,
      title: "示范市发展和改革委员会关于印发《示范市社会信用体系建设2026年工作要点》的通知",
      date: "2026-04-10 10:00",
      docNo: "示发改财金〔2026〕28号",
      source: SRC,
      body: [
        "各县区人民政府，市社会信用体系建设领导小组各成员单位：",
        "现将《示范市社会信用体系建设2026年工作要点》印发给你们。",
      ],
    },
    {
      id: 3205,
      title: "示范市发展和改革委员会关于做好2026年春节期间市场价格监管工作的通知",
      date: "2026-01-20 09:00",
      docNo: "示发改价格〔2026〕5号",
      source: SRC,
      body: ["各县区发展改革局：春节将至，现就做好节日期间市场价格监管工作通知如下。"],
    },
    {
      id: 3206,
      title: "示范市发展和改革委员会关于印发《示范市企业投资项目备案管理实施细则》的通知",
      date: "2025-12-18 15:00",
      docNo: "示发改投资〔2025〕112号",
      source: SRC,
      body: ["各县区发展改革局：现将《示范市企业投资项目备案管理实施细则》印发给你们，请认真贯彻执行。"],
      related: [{ title: "企业投资项目备案办事指南", href: "/art/2025/12/18/art_1231_3299.html" }],
    },
  ],
};

const zcjd: ColumnDef = {
  path: "col/col1232",
  name: "政策解读",
  kind: "INTERPRETATION",
  typeLabel: "政策解读",
  description: "市发展改革委政策解读",
  articles: [
    {
      id: 3301,
      title: "《示范市政府投资项目管理办法》政策解读",
      date: "2026-09-26 10:00",
      source: SRC,
      body: ["《办法》共七章四十二条，明确了政府投资项目的决策程序、实施管理和监督管理等内容。"],
      related: [{ title: "政策原文", href: "/art/2026/9/25/art_1231_3201.html" }],
    },
    {
      id: 3302,
      title: "天然气价格调整政策问答",
      date: "2026-06-30 16:00",
      source: SRC,
      body: [
        "问：居民用气价格是否调整？答：此次仅调整非居民用气价格，居民用气价格保持不变。",
        "问：调整后的价格何时执行？答：自2026年7月1日起执行。",
      ],
      related: [{ title: "政策原文", href: "/art/2026/6/28/art_1231_3203.html" }],
    },
    {
      id: 3303,
      title: "图解：示范市社会信用体系建设2026年工作要点",
      // Planted defect (interpretation.late): 17 days after the policy of 2026-04-10.
      date: "2026-04-27 09:00",
      source: SRC,
      body: ["2026年我市社会信用体系建设将重点推进信用信息归集共享、信用承诺制度和守信激励失信惩戒等工作。"],
      images: [{ src: "/picture/2026/xytx-tj.png", alt: "图解社会信用体系建设工作要点" }],
    },
  ],
};

const fzgh: ColumnDef = {
  path: "col/col1241",
  name: "发展规划",
  kind: "ANNUAL",
  typeLabel: "规划计划",
  description: "国民经济和社会发展规划、专项规划",
  articles: [
    {
      id: 3401,
      title: "示范市2026年国民经济和社会发展计划",
      date: "2026-03-05 09:00",
      source: SRC,
      body: [
        "2026年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长4%，城镇新增就业4.5万人以上。",
      ],
    },
    {
      id: 3402,
      title: "示范市国民经济和社会发展第十五个五年规划纲要",
      date: "2026-02-10 10:00",
      source: SRC,
      body: ["《纲要》主要阐明“十五五”时期全市经济社会发展的指导思想、主要目标、重点任务和重大举措。"],
    },
    {
      id: 3403,
      title: "示范市现代物流业发展规划（2026—2030年）",
      date: "2026-06-20 15:00",
      source: SRC,
      body: ["到2030年，全市社会物流总费用与地区生产总值的比率降至13%以下，基本建成港口型国家物流枢纽。"],
    },
  ],
};

const jggl: ColumnDef = {
  path: "col/col1251",
  name: "价格管理",
  kind: "OTHER",
  typeLabel: "价格管理",
  description: "价格政策、收费标准和价格监测",
  articles: [
    {
      id: 3501,
      title: "2026年11月上旬示范市主要农副产品价格监测",
      date: "2026-11-11 16:00",
      source: SRC,
      body: [
        "11月上旬，全市猪肉零售均价每斤13.8元，环比下降1.4%；鸡蛋零售均价每斤4.6元，环比持平；蔬菜均价每斤3.2元，环比上涨5.3%。",
      ],
      html: `<table border="1" cellspacing="0" cellpadding="4"><tr><th>品种</th><th>单位</th><th>均价（元）</th><th>环比</th></tr>
<tr><td>猪肉（精瘦肉）</td><td>斤</td><td>13.80</td><td>-1.4%</td></tr>
<tr><td>鸡蛋</td><td>斤</td><td>4.60</td><td>0.0%</td></tr>
<tr><td>大白菜</td><td>斤</td><td>1.20</td><td>+9.1%</td></tr>
</table>`,
    },
    {
      id: 3502,
      title: "2026年10月下旬示范市主要农副产品价格监测",
      date: "2026-11-01 16:00",
      source: SRC,
      body: ["10月下旬，全市主要农副产品价格总体平稳，粮油价格稳定，肉蛋价格小幅回落。"],
    },
    {
      id: 3503,
      title: "示范市机动车停放服务收费标准",
      date: "2026-05-12 10:00",
      source: SRC,
      body: ["城区一类区域露天停车场小型车首小时3元，之后每小时2元；夜间（20:00至次日8:00）每次不超过5元。"],
    },
    {
      id: 3504,
      title: "示范市城区供热价格标准",
      date: "2025-10-28 09:00",
      source: SRC,
      body: ["居民用户供热价格为每平方米建筑面积每采暖期22元；非居民用户为每平方米建筑面积每采暖期32元。"],
    },
  ],
};

const zrxx: ColumnDef = {
  path: "col/col1261",
  name: "主任信箱",
  kind: "INTERACTION",
  typeLabel: "互动交流",
  description: "主任信箱来信选登",
  articles: [
    {
      id: 3601,
      title: "关于小区供暖费收费标准的咨询",
      date: "2026-11-08 19:20",
      body: [
        "来信时间：2026-11-08 19:20",
        "来信内容：我们小区物业按每平方米26元收取供暖费，是否符合规定？",
        "回复时间：2026-11-11 10:00",
        "回复内容：我市居民供热价格为每平方米建筑面积每采暖期22元，物业公司代收不得加价。您可拨打12315反映。",
      ],
    },
    {
      id: 3602,
      title: "咨询企业投资项目备案流程",
      date: "2026-10-19 10:05",
      body: [
        "来信时间：2026-10-19 10:05",
        "来信内容：新成立的公司投资建设仓储项目，需要到哪里备案？",
        "回复时间：2026-10-20 15:30",
        "回复内容：企业投资项目备案通过演示省投资项目在线审批监管平台在线办理，不收取任何费用。",
      ],
    },
    {
      id: 3603,
      title: "建议公开停车收费标准",
      date: "2026-09-03 08:45",
      body: [
        "来信时间：2026-09-03 08:45",
        "来信内容：建议在网站公开城区停车收费标准，方便群众监督。",
        "回复时间：2026-09-05 11:20",
        "回复内容：感谢您的建议，收费标准已在本网站“价格管理”栏目公开。",
      ],
    },
  ],
};

const columns: ColumnDef[] = [gzdt, tzgg, zcwj, zcjd, fzgh, jggl, zrxx];
validateColumns(columns);

const NAV: Array<{ name: string; href: string }> = [
  { name: "首页", href: "/" },
  { name: "机构概况", href: "/col/col1201/index.html" },
  { name: "工作动态", href: "/col/col1211/index.html" },
  { name: "通知公告", href: "/col/col1229/index.html" },
  { name: "政策文件", href: "/col/col1231/index.html" },
  { name: "政策解读", href: "/col/col1232/index.html" },
  { name: "发展规划", href: "/col/col1241/index.html" },
  { name: "价格管理", href: "/col/col1251/index.html" },
  { name: "互动交流", href: "/col/col1261/index.html" },
];

function colId(column: ColumnDef): string {
  return column.path.replace(/^col\/col/, "");
}

function articleUrl(column: ColumnDef, a: ArticleDef): string {
  if (a.href) return a.href;
  const [y, m, d] = parts(a.date);
  return `/art/${y}/${Number(m)}/${Number(d)}/art_${colId(column)}_${a.id}.html`;
}

function listUrl(column: ColumnDef, pageIndex: number): string {
  return `/${column.path}/index.html${pageIndex === 0 ? "" : `?page=${pageIndex + 1}`}`;
}

function page(opts: { title: string; body: string; metas?: string[] }): string {
  const metas = [
    metaTag("SiteName", NAME),
    metaTag("SiteDomain", HOST),
    metaTag("SiteIDCode", footer.siteIdCode),
    ...(opts.metas ?? []),
  ].join("\n");
  const nav = NAV.map((n) => `<td><a href="${n.href}">${esc(n.name)}</a></td>`).join("");
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>${esc(opts.title)}</title>
${metas}
<link href="/images/style.css" rel="stylesheet" type="text/css">
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="head">
<tr><td height="110" background="/images/head_bg.png"><img src="/images/logo.png" alt="${esc(NAME)}" width="460" height="70"></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="nav"><tr>${nav}</tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="main"><tr><td valign="top">
${opts.body}
</td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="foot">
<tr><td align="center">${conacBadge(footer, CONAC_ID)}</td><td>
${footerLines(footer)
  .map((l) => `${l}<br>`)
  .join("\n")}
</td><td align="center">${jiucuoLink(footer)}</td></tr>
</table>
</body>
</html>
`;
}

function columnMetas(column: ColumnDef): string[] {
  return [
    metaTag("ColumnName", column.name),
    metaTag("ColumnDescription", column.description),
    metaTag("ColumnKeywords", `${column.name},发展改革`),
    metaTag("ColumnType", column.typeLabel),
  ];
}

function row(column: ColumnDef, a: ArticleDef): string {
  return `<tr><td class="bt"><a href="${esc(articleUrl(column, a))}" target="_blank" title="${esc(a.title)}">${esc(a.title)}</a></td><td width="90" class="date">${ymd(a.date)}</td></tr>`;
}

function crumb(column: ColumnDef): string {
  return `<div class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="${listUrl(column, 0)}">${esc(column.name)}</a></div>`;
}

function renderList(column: ColumnDef, files: SiteFiles): void {
  const articles = sortNewestFirst(column.articles);
  const pages = paginate(articles, column.pageSize ?? 15);
  pages.forEach((items, i) => {
    const n = i + 1;
    const pager =
      pages.length > 1
        ? `<div class="pager">共 ${articles.length} 条记录 页次 ${n}/${pages.length} ` +
          `<a href="index.html">首页</a> ` +
          (n > 1 ? `<a href="${n - 1 === 1 ? "index.html" : `?page=${n - 1}`}">上一页</a> ` : "") +
          (n < pages.length ? `<a href="?page=${n + 1}">下一页</a> ` : "") +
          `<a href="?page=${pages.length}">尾页</a></div>`
        : "";
    const html = page({
      title: `${column.name} ${NAME}`,
      metas: columnMetas(column),
      body: `${crumb(column)}
<table width="100%" border="0" cellspacing="0" cellpadding="4" class="list">
${items.map((a) => row(column, a)).join("\n")}
</table>
${pager}`,
    });
    files.set(i === 0 ? `${column.path}/index.html` : `${column.path}/index@page=${n}.html`, html);
  });
}

function renderArticle(column: ColumnDef, a: ArticleDef, files: SiteFiles): void {
  if (a.missing || a.href) return;
  const imgs = (a.images ?? [])
    .map((i) => `<p align="center"><img src="${esc(i.src)}" alt="${esc(i.alt)}"></p>`)
    .join("\n");
  const html = page({
    title: `${a.title} ${NAME}`,
    metas: [
      ...columnMetas(column),
      metaTag("ArticleTitle", a.title),
      metaTag("PubDate", a.date),
      metaTag("ContentSource", a.source ?? NAME),
    ],
    body: `${crumb(column)}
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="article">
<tr><td class="title" align="center"><h1>${esc(a.title)}</h1></td></tr>
<tr><td class="info" align="center">发布日期：${esc(a.date)}&nbsp;&nbsp;&nbsp;信息来源：${esc(a.source ?? NAME)}${a.docNo ? `&nbsp;&nbsp;&nbsp;文号：${esc(a.docNo)}` : ""}</td></tr>
<tr><td class="zoom">
${imgs}
${paragraphs(a.body)}
${a.html ?? ""}
${attachmentsHtml(a.attachments)}
${relatedHtml(a.related)}
</td></tr>
</table>`,
  });
  files.set(articleUrl(column, a).slice(1), html);
}

function homeTable(title: string, column: ColumnDef, n: number): string {
  const rows = sortNewestFirst(column.articles)
    .slice(0, n)
    .map((a) => row(column, a))
    .join("\n");
  return `<table width="100%" border="0" cellspacing="0" cellpadding="3" class="box">
<tr><td class="box-title">${esc(title)}</td><td align="right"><a href="${listUrl(column, 0)}">更多&gt;&gt;</a></td></tr>
<tr><td colspan="2"><table width="100%" border="0" cellspacing="0" cellpadding="3">
${rows}
</table></td></tr>
</table>`;
}

function renderHome(files: SiteFiles): void {
  const body = `<table width="100%" border="0" cellspacing="8" cellpadding="0">
<tr><td width="50%" valign="top">${homeTable("工作动态", gzdt, 7)}</td><td width="50%" valign="top">${homeTable("通知公告", tzgg, 7)}</td></tr>
<tr><td valign="top">${homeTable("政策文件", zcwj, 5)}</td><td valign="top">${homeTable("政策解读", zcjd, 3)}</td></tr>
<tr><td valign="top">${homeTable("价格管理", jggl, 4)}</td><td valign="top">${homeTable("发展规划", fzgh, 3)}</td></tr>
<tr><td colspan="2"><table width="100%" border="0" cellspacing="0" cellpadding="3" class="box">
<tr><td class="box-title">网上办事</td></tr>
<tr><td>
<a href="/loop/a">企业投资项目网上申报系统</a>&nbsp;&nbsp;
<a href="/ysqgk/apply.jsp">依申请公开</a>&nbsp;&nbsp;
<a href="http://zwfw.demo-province.gov.cn/fgw/" target="_blank">演示省政务服务网</a>&nbsp;&nbsp;
<a href="/col/col1261/index.html">主任信箱</a>
</td></tr></table></td></tr>
<tr><td colspan="2" class="links">相关链接：<a href="http://www.gov.cn/" target="_blank">中国政府网</a>
<a href="http://www.demo-city.gov.cn/" target="_blank">示范市人民政府</a>
<a href="http://www.demo-province.gov.cn/" target="_blank">演示省人民政府</a></td></tr>
</table>`;
  files.set("index.html", page({ title: NAME, body }));
}

const CSS = `body{margin:0;font-size:12px;font-family:SimSun,"宋体";background:#eef3f8}
a{color:#1a3c6e;text-decoration:none}
.nav td{background:#1d5fa8;height:36px;text-align:center}.nav a{color:#fff;font-size:14px;font-weight:bold}
.box-title{font-weight:bold;color:#1d5fa8;border-bottom:2px solid #1d5fa8}
.date{color:#888}.foot{border-top:3px solid #1d5fa8;margin-top:10px;line-height:24px}
.article h1{font-size:20px;color:#c00}.zoom p{text-indent:2em;font-size:14px;line-height:2}
`;

function build(): SiteFiles {
  const files: SiteFiles = new Map();
  renderHome(files);
  for (const column of columns) {
    renderList(column, files);
    for (const a of column.articles) renderArticle(column, a, files);
  }
  files.set(
    "col/col1201/index.html",
    page({
      title: `机构概况 ${NAME}`,
      metas: [metaTag("ColumnName", "机构概况"), metaTag("ColumnType", "机构概况")],
      body: `<div class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; 机构概况</div>
<table width="100%" border="1" cellspacing="0" cellpadding="6">
<tr><th width="120">主要职责</th><td>拟订并组织实施全市国民经济和社会发展战略、中长期规划和年度计划；统筹协调经济社会发展；负责价格管理、投资管理和社会信用体系建设等工作。</td></tr>
<tr><th>领导班子</th><td>主任：孙某某；副主任：周某某、吴某某、郑某某</td></tr>
<tr><th>内设机构</th><td>办公室、发展规划科、投资科、价格管理科、产业发展科、财金信用科、能源科</td></tr>
<tr><th>办公地址</th><td>示范市城东区人民大道1号市级行政中心3号楼</td></tr>
<tr><th>办公时间</th><td>周一至周五 8:30-12:00 13:30-17:30</td></tr>
<tr><th>联系电话</th><td>0999-81234201</td></tr>
</table>`,
    }),
  );
  files.set("images/style.css", CSS);
  files.set("images/logo.png", png(460, 70, [29, 95, 168], [255, 255, 255]));
  files.set("images/head_bg.png", png(100, 110, [220, 232, 245]));
  files.set("images/ga.png", png(16, 16, [30, 80, 160]));
  files.set("picture/2026/xytx-tj.png", png(320, 480, [235, 245, 255], [29, 95, 168]));
  files.set(
    "module/download/2027ysnt-sbb.docx",
    docx([
      "2027年市级预算内基本建设投资项目申报表",
      "项目名称：",
      "项目单位：",
      "建设内容及规模：",
      "总投资（万元）：\u3000\u3000申请市级资金（万元）：",
      "项目单位（盖章）\u3000\u3000\u3000\u3000填报日期：",
    ]),
  );
  files.set(
    "module/download/zftzxm-glbf.docx",
    docx([
      "示范市政府投资项目管理办法",
      "第一章\u3000总则",
      "第一条\u3000为规范政府投资行为，提高政府投资效益，制定本办法。",
    ]),
  );
  files.set(
    "module/download/2026-3pc-ba.xlsx",
    xlsx([
      ["序号", "项目名称", "项目单位", "总投资（万元）", "备案日期"],
      ["1", "示范冷链物流园项目", "示范港通物流有限公司", "32000", "2026-09-12"],
      ["2", "年产5万吨新型建材项目", "示范新材科技有限公司", "18500", "2026-09-20"],
      ["3", "分布式光伏发电项目", "示范绿能电力有限公司", "6200", "2026-10-08"],
    ]),
  );
  // module/download/2027ysnt-hzb.xlsx is deliberately missing: a broken attachment.
  return files;
}

export const fgw: SiteModule = {
  host: HOST,
  name: NAME,
  encoding: "gbk",
  footer,
  columns,
  listUrl,
  articleUrl,
  build,
  page: (opts) => page(opts),
};
