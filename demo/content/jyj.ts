/**
 * jyj.demo-city.gov.cn — 示范市教育局. UTF-8 declared only by <meta charset> (the server sends
 * text/html without charset), a "dl/dt/dd" template with dates like 2026/11/05, list pages
 * index.htm, page_2.htm…, articles at /<column>/<yyyymmdd>/c<id>.htm.
 *
 * Defects planted here: a simple footer without 我为政府网站找错 and without 公网安备; SiteIDCode
 * meta ≠ footer 网站标识码; a stale 通知公告 (first-level, newest 2026/04/28); a blank 在线访谈
 * column; an unanswered letter older than three months; a bot-protected query system; HEAD is
 * refused (405) under /uploads/; no 年度报表 link, no site search, no 长者模式 entry and no 政策解读
 * column (see demo/DEFECTS.md for the full list).
 */
import { docx, png } from "./binary.ts";
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
  imagesHtml,
  jiucuoLink,
  metaTag,
  paginate,
  paragraphs,
  parts,
  relatedHtml,
  sortNewestFirst,
  validateColumns,
} from "./model.ts";

const HOST = "jyj.demo-city.gov.cn";
const NAME = "示范市教育局";
const CONAC_ID = "F1E2D3C4B5A64978A1B2C3D4E5F60718";
/** The <meta name="SiteIDCode"> value: two digits swapped against the footer's 9901000025. */
export const JYJ_META_SITE_ID = "9901000052";

const footer: FooterFacts = {
  sponsor: "示范市教育局",
  address: "示范市城西区文昌路16号",
  phone: "0999-81234211",
  siteIdCode: "9901000025",
  icp: "演ICP备26000125号",
  conac: true,
  jiucuo: false,
  annualReport: false,
  careMode: false,
};

const SRC = "示范市教育局";

const jyxw: ColumnDef = {
  path: "jyxw",
  name: "教育新闻",
  kind: "NEWS",
  typeLabel: "要闻动态",
  description: "示范市教育新闻",
  pageSize: 8,
  articles: [
    {
      id: 4101,
      title: "全市中小学冬季校园安全工作会议召开",
      date: "2026-11-16 15:00",
      source: SRC,
      body: [
        "11月16日，市教育局召开全市中小学冬季校园安全工作会议，部署冬季防火、防一氧化碳中毒、防踩踏和校车安全等工作。",
        "会议要求各学校于11月底前完成一轮校园安全隐患全面排查，建立问题清单并限期整改。",
      ],
    },
    {
      id: 4102,
      title: "我市3所学校入选省级中小学人工智能教育试点校",
      date: "2026-11-10 10:00",
      source: SRC,
      body: [
        "近日，演示省教育厅公布省级中小学人工智能教育试点校名单，示范市第一中学、城东实验小学、新港区实验学校入选。",
      ],
    },
    {
      id: 4103,
      title: "示范市2026年中小学生田径运动会举行",
      date: "2026-11-05 16:20",
      source: SRC,
      body: [
        "11月3日至5日，示范市2026年中小学生田径运动会在市体育中心举行，来自全市58所学校的1600余名运动员参赛。",
      ],
      images: [{ src: "/images/news/20261105-ydh.png", alt: "中小学生田径运动会开幕式" }],
    },
    {
      id: 4104,
      title: "市教育局开展秋季学期中小学食堂食品安全检查",
      date: "2026-10-29 09:30",
      source: SRC,
      body: ["市教育局联合市市场监管局对全市中小学食堂开展食品安全专项检查，共检查学校食堂126所。"],
      related: [{ title: "2025年中小学食堂食品安全检查情况通报", href: "/jyxw/2025/old_sttb.htm" }],
    },
    {
      id: 4105,
      title: "全市教师教学能力大赛决赛落幕",
      date: "2026-10-22 15:40",
      source: SRC,
      body: ["经过初赛、复赛、决赛三个阶段的比拼，共评选出一等奖30名、二等奖60名、三等奖90名。"],
    },
    {
      id: 4106,
      title: "示范市召开2026年教育工作推进会",
      date: "2026-10-15 10:00",
      source: SRC,
      body: ["会议总结了今年以来全市教育工作，部署了第四季度重点任务。"],
    },
    {
      id: 4107,
      title: "市教育局开展“双减”工作专项督导",
      date: "2026-10-09 14:00",
      source: SRC,
      body: ["10月上旬，市教育局组成5个督导组，对各县区“双减”工作落实情况开展专项督导。"],
    },
    {
      id: 4108,
      title: "示范市新建改扩建中小学校舍12所投入使用",
      date: "2026-09-01 09:00",
      source: SRC,
      body: ["秋季开学，全市新建改扩建的12所中小学校舍投入使用，新增学位9600个。"],
    },
    {
      id: 4109,
      title: "我市举行2026年教师节表彰大会",
      date: "2026-09-10 10:00",
      source: SRC,
      body: ["大会表彰了100名示范市优秀教师和50名优秀班主任。"],
    },
    {
      id: 4110,
      title: "2026年秋季学期开学工作检查顺利完成",
      date: "2026-09-04 16:00",
      source: SRC,
      body: ["开学前后，市教育局对全市中小学幼儿园开学准备工作进行了全面检查。"],
    },
  ],
};

const tzgg: ColumnDef = {
  path: "tzgg",
  name: "通知公告",
  kind: "NOTICE",
  typeLabel: "通知公告",
  description: "示范市教育局通知公告",
  articles: [
    {
      id: 4201,
      title: "示范市2026年普通高中招生工作实施方案",
      date: "2026-04-28 10:00",
      source: SRC,
      body: ["2026年全市普通高中计划招生2.1万人，其中优质普通高中指标到校比例不低于60%。"],
    },
    {
      id: 4202,
      title: "关于做好2026年义务教育阶段招生入学工作的通知",
      date: "2026-04-15 09:00",
      source: SRC,
      body: ["各县区教育局：请严格落实免试就近入学政策，公办民办学校同步招生。"],
    },
    {
      id: 4203,
      title: "关于开展2026年春季学期中小学安全大检查的通知",
      date: "2026-03-02 10:00",
      source: SRC,
      body: ["各县区教育局，市直各学校：请于3月20日前完成春季学期安全大检查。"],
    },
    {
      id: 4204,
      title: "示范市教育局2026年寒假安全提醒",
      date: "2026-01-20 15:00",
      source: SRC,
      body: ["寒假将至，请各位家长切实履行监护责任，加强对孩子的安全教育。"],
    },
    {
      id: 4205,
      title: "关于公布2025年度示范市优秀教育科研成果的通知",
      date: "2025-12-26 09:00",
      source: SRC,
      body: ["经评审，共评选出2025年度优秀教育科研成果一等奖15项、二等奖30项。"],
    },
  ],
};

const zcwj: ColumnDef = {
  path: "zcwj",
  name: "政策文件",
  kind: "POLICY",
  typeLabel: "政策文件",
  description: "示范市教育局政策文件",
  articles: [
    {
      id: 4301,
      title: "示范市教育局关于进一步规范中小学课后服务工作的通知",
      date: "2026-09-01 10:00",
      docNo: "示教发〔2026〕32号",
      source: SRC,
      body: ["各县区教育局，市直各学校：为进一步规范课后服务工作，现就有关事项通知如下。"],
    },
    {
      id: 4302,
      title: "示范市教育局关于印发《示范市中小学校园欺凌防治工作办法》的通知",
      date: "2026-06-12 09:00",
      docNo: "示教发〔2026〕21号",
      source: SRC,
      body: [
        "各县区教育局，市直各学校：现将《示范市中小学校园欺凌防治工作办法》印发给你们，请认真贯彻执行。",
      ],
    },
    {
      id: 4303,
      title: "示范市教育局关于印发2026年全市教育工作要点的通知",
      date: "2026-02-26 10:00",
      docNo: "示教发〔2026〕6号",
      source: SRC,
      body: ["各县区教育局，市直各学校：现将《2026年全市教育工作要点》印发给你们。"],
    },
    {
      id: 4304,
      title: "示范市教育局关于学前教育资助工作的实施细则",
      date: "2025-11-18 10:00",
      docNo: "示教发〔2025〕40号",
      source: SRC,
      body: ["对在经县级以上教育部门审批设立的幼儿园就读的家庭经济困难儿童给予资助。"],
    },
  ],
};

const zsks: ColumnDef = {
  path: "zsks",
  name: "招生考试",
  kind: "OTHER",
  typeLabel: "招生考试",
  description: "中考、高考、学业水平考试信息",
  articles: [
    {
      id: 4401,
      title: "2027年普通高校招生考试报名工作安排",
      date: "2026-11-02 09:00",
      source: "示范市招生考试院",
      body: [
        "2027年普通高校招生考试报名时间为2026年11月10日至11月20日，考生须在规定时间内登录演示省教育考试院网站完成网上报名。",
      ],
    },
    {
      id: 4402,
      title: "2027年1月普通高中学业水平合格性考试报名通知",
      date: "2026-10-20 10:00",
      source: "示范市招生考试院",
      body: ["报名时间为2026年10月25日至11月5日。"],
    },
    {
      id: 4403,
      title: "2026年示范市中考录取分数线公布",
      date: "2026-07-12 18:00",
      source: "示范市招生考试院",
      body: ["示范市第一中学统招录取分数线为612分，示范市实验中学为598分。"],
    },
    {
      id: 4404,
      title: "2026年示范市中考成绩查询公告",
      date: "2026-07-05 08:00",
      source: "示范市招生考试院",
      body: ["考生可于2026年7月5日12时起登录示范市中考成绩查询系统查询成绩。"],
      related: [{ title: "成绩查询系统", href: "/cjcx/" }],
    },
  ],
};

const bszn: ColumnDef = {
  path: "bszn",
  name: "办事指南",
  kind: "SERVICE_GUIDE",
  typeLabel: "办事服务",
  description: "教育类政务服务事项办事指南",
  articles: [
    {
      id: 4501,
      title: "教师资格认定办事指南",
      date: "2026-10-08 10:00",
      source: SRC,
      body: [
        "事项名称：教师资格认定",
        "设定依据：《中华人民共和国教师法》《教师资格条例》",
        "申请条件：具有规定学历，通过教师资格考试，普通话水平达到二级乙等以上。",
        "办理材料：身份证、学历证书、普通话水平测试等级证书、体检合格证明、教师资格认定申请表。",
        "办理地点：示范市政务服务中心三楼教育窗口",
        "办理时间：周一至周五 8:30—12:00，13:30—17:30",
        "收费标准：不收费",
        "联系电话：0999-81234233",
        "办理流程：网上申请—现场确认—审核—发证",
      ],
      attachments: [
        { name: "教师资格认定申请表.docx", href: "/uploads/2026/10/jszg-rdsqb.docx" },
        { name: "教师资格认定体检表.pdf", href: "/uploads/2026/10/jszg-tjb.pdf" },
      ],
    },
    {
      id: 4502,
      title: "民办学校设立审批办事指南",
      date: "2026-05-18 10:00",
      source: SRC,
      body: [
        "事项名称：实施中等及以下学历教育、学前教育、自学考试助学及其他文化教育的民办学校设立审批",
        "设定依据：《中华人民共和国民办教育促进法》",
        "办理地点：示范市政务服务中心三楼教育窗口",
        "联系电话：0999-81234236",
      ],
    },
  ],
};

function letter(asked: string, content: string, reply?: { date: string; text: string }): string {
  const replyHtml = reply
    ? `<dl><dt>回复时间</dt><dd>${esc(reply.date)}</dd><dt>回复内容</dt><dd>${esc(reply.text)}</dd></dl>`
    : `<dl><dt>办理状态</dt><dd>待回复</dd></dl>`;
  return `<dl class="letter"><dt>来信时间</dt><dd>${esc(asked)}</dd><dt>来信内容</dt><dd>${esc(content)}</dd></dl>\n${replyHtml}`;
}

const jzxx: ColumnDef = {
  path: "jzxx",
  name: "局长信箱",
  kind: "INTERACTION",
  typeLabel: "互动交流",
  description: "局长信箱来信选登",
  articles: [
    {
      id: 4601,
      title: "关于孩子转学手续的咨询",
      date: "2026-11-12 20:30",
      body: [],
      html: letter("2026/11/12 20:30", "孩子从外省转学到示范市城西区，需要办理哪些手续？", {
        date: "2026/11/14 10:10",
        text: "请携带户口簿、房产证明或居住证等材料到拟转入学校提出申请，学校同意后通过全国中小学生学籍信息管理系统办理转学手续。",
      }),
    },
    {
      id: 4602,
      title: "询问课后服务收费标准",
      date: "2026-10-08 12:15",
      body: [],
      html: letter("2026/10/08 12:15", "孩子学校的课后服务每学期收费多少？是否自愿参加？", {
        date: "2026/10/10 16:00",
        text: "课后服务坚持学生家长自愿原则，收费标准为每生每学期不超过400元。",
      }),
    },
    {
      id: 4603,
      title: "反映学校周边道路拥堵问题",
      date: "2026-09-15 07:55",
      body: [],
      html: letter("2026/09/15 07:55", "城东实验小学门口上下学时段交通拥堵严重，建议错峰放学。", {
        date: "2026/09/19 11:30",
        text: "已协调学校实行分年级错峰放学，并请交警部门在高峰时段加强疏导。",
      }),
    },
    {
      id: 4604,
      title: "关于幼儿园收费问题的咨询",
      date: "2026-07-15 21:40",
      body: [],
      html: letter(
        "2026/07/15 21:40",
        "新港区某普惠性民办幼儿园保教费每月2200元，是否超过了普惠园收费标准？",
      ),
    },
    {
      id: 4605,
      title: "咨询教师资格证认定时间",
      date: "2026-04-02 09:20",
      body: [],
      html: letter("2026/04/02 09:20", "今年上半年教师资格认定什么时候开始？", {
        date: "2026/04/03 15:00",
        text: "2026年上半年教师资格认定网上申报时间为4月15日至5月15日，请关注本网站通知公告。",
      }),
    },
  ],
};

const zxft: ColumnDef = {
  path: "zxft",
  name: "在线访谈",
  kind: "INTERACTION",
  typeLabel: "互动交流",
  description: "在线访谈",
  articles: [],
  emptyText: "栏目建设中，敬请期待……",
};

const columns: ColumnDef[] = [jyxw, tzgg, zcwj, zsks, bszn, jzxx, zxft];
validateColumns(columns);

const NAV: Array<{ name: string; href: string }> = [
  { name: "首页", href: "/" },
  { name: "教育新闻", href: "/jyxw/index.htm" },
  { name: "通知公告", href: "/tzgg/index.htm" },
  { name: "政策文件", href: "/zcwj/index.htm" },
  { name: "招生考试", href: "/zsks/index.htm" },
  { name: "办事指南", href: "/bszn/index.htm" },
  { name: "局长信箱", href: "/jzxx/index.htm" },
  { name: "在线访谈", href: "/zxft/index.htm" },
  { name: "机构概况", href: "/jggk/index.htm" },
];

function articleUrl(column: ColumnDef, a: ArticleDef): string {
  if (a.href) return a.href;
  const [y, m, d] = parts(a.date);
  return `/${column.path}/${y}${m}${d}/c${a.id}.htm`;
}

function listUrl(column: ColumnDef, pageIndex: number): string {
  return `/${column.path}/${pageIndex === 0 ? "index.htm" : `page_${pageIndex + 1}.htm`}`;
}

function slashDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${y}/${m}/${d}`;
}

function page(opts: { title: string; body: string; metas?: string[] }): string {
  const metas = [
    metaTag("SiteName", NAME),
    metaTag("SiteDomain", HOST),
    metaTag("SiteIDCode", JYJ_META_SITE_ID),
    ...(opts.metas ?? []),
  ].join("\n");
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc(opts.title)}</title>
${metas}
<link rel="stylesheet" href="/css/jyj.css">
</head>
<body>
<div id="header"><img src="/images/jyj-logo.png" alt="${esc(NAME)}"></div>
<div id="menu">${NAV.map((n) => `<a href="${n.href}">${esc(n.name)}</a>`).join(" | ")}</div>
<div id="content">
${opts.body}
</div>
<div id="footer">
${conacBadge(footer, CONAC_ID)}${jiucuoLink(footer)}
${footerLines(footer)
  .map((l) => `<p>${l}</p>`)
  .join("\n")}
</div>
</body>
</html>
`;
}

function columnMetas(column: ColumnDef): string[] {
  return [metaTag("ColumnName", column.name), metaTag("ColumnDescription", column.description)];
}

function dd(column: ColumnDef, a: ArticleDef): string {
  return `<dd><a href="${esc(articleUrl(column, a))}" target="_blank">${esc(a.title)}</a><span class="time">${slashDate(a.date)}</span></dd>`;
}

function renderList(column: ColumnDef, files: SiteFiles): void {
  const articles = sortNewestFirst(column.articles);
  const pages = paginate(articles, column.pageSize ?? 10);
  pages.forEach((items, i) => {
    const n = i + 1;
    const name = (k: number) => (k === 1 ? "index.htm" : `page_${k}.htm`);
    const pager =
      pages.length > 1
        ? `<p class="pages">` +
          pages
            .map((_, k) => (k + 1 === n ? `<b>${k + 1}</b>` : `<a href="${name(k + 1)}">${k + 1}</a>`))
            .join(" ") +
          (n < pages.length ? ` <a href="${name(n + 1)}">下一页</a>` : "") +
          `</p>`
        : "";
    const body =
      items.length > 0
        ? `<dl class="list"><dt>${esc(column.name)}</dt>\n${items.map((a) => dd(column, a)).join("\n")}\n</dl>`
        : `<dl class="list"><dt>${esc(column.name)}</dt><dd class="empty">${esc(column.emptyText ?? "暂无信息")}</dd></dl>`;
    files.set(
      `${column.path}/${name(n)}`,
      page({
        title: `${column.name} - ${NAME}`,
        metas: columnMetas(column),
        body: `<p class="loc">当前位置：<a href="/">首页</a> &raquo; ${esc(column.name)}</p>\n${body}\n${pager}`,
      }),
    );
  });
}

function renderArticle(column: ColumnDef, a: ArticleDef, files: SiteFiles): void {
  if (a.missing || a.href) return;
  files.set(
    articleUrl(column, a).slice(1),
    page({
      title: `${a.title} - ${NAME}`,
      metas: [
        ...columnMetas(column),
        metaTag("ArticleTitle", a.title),
        metaTag("PubDate", a.date),
        metaTag("ContentSource", a.source ?? NAME),
      ],
      body: `<p class="loc">当前位置：<a href="/">首页</a> &raquo; <a href="${listUrl(column, 0)}">${esc(column.name)}</a></p>
<h2 class="title">${esc(a.title)}</h2>
<p class="pubinfo">发布时间：${slashDate(a.date)} ${a.date.slice(11)}\u3000来源：${esc(a.source ?? NAME)}${a.docNo ? `\u3000${esc(a.docNo)}` : ""}</p>
<div class="text">
${imagesHtml(a.images)}
${paragraphs(a.body)}
${a.html ?? ""}
</div>
${attachmentsHtml(a.attachments)}
${relatedHtml(a.related)}`,
    }),
  );
}

function homeDl(title: string, column: ColumnDef, n: number): string {
  const items = sortNewestFirst(column.articles).slice(0, n);
  const inner =
    items.length > 0 ? items.map((a) => dd(column, a)).join("\n") : `<dd class="empty">暂无信息</dd>`;
  return `<dl class="box"><dt>${esc(title)}<a class="more" href="${listUrl(column, 0)}">更多</a></dt>\n${inner}\n</dl>`;
}

function renderHome(files: SiteFiles): void {
  const body = `${homeDl("教育新闻", jyxw, 6)}
${homeDl("通知公告", tzgg, 5)}
${homeDl("政策文件", zcwj, 4)}
${homeDl("招生考试", zsks, 4)}
<dl class="box"><dt>便民服务</dt>
<dd><a href="/cjcx/">中考成绩查询</a></dd>
<dd><a href="/bszn/index.htm">办事指南</a></dd>
<dd><a href="http://zwfw.demo-province.gov.cn/sfs/jyj/" target="_blank">演示省政务服务网教育专区</a></dd>
<dd><a href="/jzxx/index.htm">局长信箱</a></dd>
</dl>
<dl class="box"><dt>友情链接</dt>
<dd><a href="http://www.demo-city.gov.cn/" target="_blank">示范市人民政府</a></dd>
<dd><a href="http://www.gov.cn/" target="_blank">中国政府网</a></dd>
</dl>`;
  files.set("index.htm", page({ title: NAME, body }));
}

const CSS = `body{margin:0 auto;width:1000px;font:14px/1.7 "Microsoft YaHei",sans-serif}
#header{background:#2a7b3f;height:90px}#menu{background:#236833;padding:8px}#menu a{color:#fff;margin:0 6px}
dl.box,dl.list{border:1px solid #cde3d3;margin:10px 0;padding:8px}dl dt{font-weight:bold;color:#2a7b3f}
dd{margin:0;overflow:hidden}dd .time{float:right;color:#999}.more{float:right;font-weight:normal;font-size:12px}
#footer{border-top:2px solid #2a7b3f;text-align:center;color:#555;padding:10px}
`;

function build(): SiteFiles {
  const files: SiteFiles = new Map();
  renderHome(files);
  for (const column of columns) {
    renderList(column, files);
    for (const a of column.articles) renderArticle(column, a, files);
  }
  files.set(
    "jggk/index.htm",
    page({
      title: `机构概况 - ${NAME}`,
      metas: [metaTag("ColumnName", "机构概况")],
      body: `<p class="loc">当前位置：<a href="/">首页</a> &raquo; 机构概况</p>
<dl class="list"><dt>主要职责</dt><dd>贯彻执行国家和省教育方针政策，统筹管理全市各级各类教育。</dd>
<dt>领导班子</dt><dd>局长：周某某；副局长：钱某某、孙某某</dd>
<dt>内设机构</dt><dd>办公室、基础教育科、职业教育与成人教育科、发展规划科、人事科、督导室</dd>
<dt>联系方式</dt><dd>地址：示范市城西区文昌路16号\u3000电话：0999-81234211</dd></dl>`,
    }),
  );
  files.set("css/jyj.css", CSS);
  files.set("images/jyj-logo.png", png(400, 80, [42, 123, 63], [255, 255, 255]));
  files.set("images/news/20261105-ydh.png", png(320, 200, [200, 220, 200], [42, 123, 63]));
  files.set(
    "uploads/2026/10/jszg-rdsqb.docx",
    docx([
      "教师资格认定申请表",
      "姓名：\u3000\u3000\u3000\u3000性别：\u3000\u3000\u3000\u3000出生日期：",
      "申请资格种类：\u3000\u3000\u3000\u3000任教学科：",
      "申请人签名：\u3000\u3000\u3000\u3000\u3000\u3000日期：",
    ]),
  );
  // uploads/2026/10/jszg-tjb.pdf is deliberately missing: a broken attachment.
  return files;
}

export const jyj: SiteModule = {
  host: HOST,
  name: NAME,
  encoding: "utf-8",
  footer,
  columns,
  listUrl,
  articleUrl,
  build,
  page: (opts) => page(opts),
};
