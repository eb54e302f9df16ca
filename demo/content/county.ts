/**
 * www.demo-county.gov.cn — 演示县人民政府. UTF-8, a "div grid" template: the homepage shows dates
 * as [11-18], lists and articles as 2026年11月18日; list pages index.shtml, index_2.shtml…;
 * articles at /<column>/<yyyy-mm>/<dd>/content_<id>.shtml. The server gzips this site's text
 * responses when the client accepts gzip.
 *
 * Defects planted here: hidden spam links (暗链) on the homepage, a stale column (规划计划), a
 * blank column (人事信息), a future-dated notice (2027-01-05), a broken image, an unmasked ID
 * number in a 公示, the /trap/ path trap.
 */
import { png } from "./binary.ts";
import {
  type ArticleDef,
  type ColumnDef,
  type FooterFacts,
  type SiteFiles,
  type SiteModule,
  attachmentsHtml,
  chineseDate,
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

const HOST = "www.demo-county.gov.cn";
const NAME = "演示县人民政府";
const CONAC_ID = "C3B8D0E4F6A24B1C9D7E5F3A1B0C8D26";

const footer: FooterFacts = {
  sponsor: "演示县人民政府办公室",
  address: "示范市演示县城关镇政府路88号",
  phone: "0999-86123456",
  siteIdCode: "9901210001",
  icp: "演ICP备26000321号",
  psb: "演公网安备99012102000001号",
  psbCode: "99012102000001",
  conac: true,
  jiucuo: true,
  annualReport: true,
  careMode: true,
};

const RMT = "演示县融媒体中心";
const BGS = "演示县人民政府办公室";

const gzdt: ColumnDef = {
  path: "xwzx/gzdt",
  name: "工作动态",
  kind: "NEWS",
  typeLabel: "要闻动态",
  description: "演示县工作动态",
  parent: "新闻中心",
  pageSize: 10,
  articles: [
    {
      id: 5531,
      title: "县政府召开冬季安全生产工作会议",
      date: "2026-11-18 09:30",
      source: RMT,
      body: [
        "11月17日下午，县政府召开冬季安全生产工作会议，县长刘某某出席会议并讲话。",
        "会议要求，各乡镇、各部门要聚焦燃气、消防、道路交通、冬季取暖等重点领域，扎实开展安全隐患大排查大整治，坚决防范各类安全事故发生。",
      ],
      images: [{ src: "/uploadfiles/2026/11/tp_5531.jpg", alt: "冬季安全生产工作会议现场" }],
    },
    {
      id: 5530,
      title: "我县举办2026年农民丰收节农产品展销会",
      date: "2026-11-15 16:00",
      source: RMT,
      body: [
        "11月15日，演示县2026年农民丰收节农产品展销会在县城人民广场开幕，全县60余家农业企业和合作社参展，现场销售额达120余万元。",
      ],
    },
    {
      id: 5529,
      title: "县领导督导检查冬小麦田间管理工作",
      date: "2026-11-13 10:30",
      source: RMT,
      body: [
        "11月12日，副县长陈某某深入青河镇、白石乡督导检查冬小麦田间管理工作，要求抓好查苗补种和病虫害防治，为明年夏粮丰收打好基础。",
      ],
    },
    {
      id: 5528,
      title: "我县完成2026年度农村公路提档升级工程",
      date: "2026-11-10 15:20",
      source: "演示县交通运输局",
      body: ["今年以来，全县共完成农村公路提档升级86公里，改造危桥5座，群众出行条件进一步改善。"],
    },
    {
      id: 5527,
      title: "县委理论学习中心组举行专题学习",
      date: "2026-11-06 11:00",
      source: RMT,
      body: ["11月6日，县委理论学习中心组举行专题学习，围绕推进县域经济高质量发展进行交流研讨。"],
    },
    {
      id: 5526,
      title: "演示县城乡供水一体化工程主体完工",
      date: "2026-11-02 09:40",
      source: "演示县水利局",
      body: ["总投资3.2亿元的演示县城乡供水一体化工程主体完工，工程建成后将惠及全县18.6万农村人口。"],
    },
    {
      id: 5525,
      title: "我县开展消防安全进农村宣传活动",
      date: "2026-10-28 10:00",
      source: "演示县消防救援大队",
      body: ["10月下旬，县消防救援大队深入各乡镇开展消防安全宣传，发放宣传资料5000余份。"],
    },
    {
      id: 5524,
      title: "县政府与示范农业发展集团签订合作协议",
      date: "2026-10-22 14:30",
      source: RMT,
      body: [
        "10月22日，县政府与示范农业发展集团签订合作协议，双方将共同建设10万亩高标准农田和农产品加工产业园。",
      ],
    },
    {
      id: 5523,
      title: "我县秋季征兵工作圆满完成",
      date: "2026-10-15 09:00",
      source: "演示县人民武装部",
      body: ["今年我县共有156名优秀青年光荣入伍，圆满完成秋季征兵任务。"],
    },
    {
      id: 5522,
      title: "演示县召开2026年第三季度经济运行分析会",
      date: "2026-10-12 16:00",
      source: RMT,
      body: ["前三季度，全县地区生产总值同比增长6.1%，一般公共预算收入增长4.3%。"],
    },
    {
      id: 5521,
      title: "我县举办第二届乡村振兴人才培训班",
      date: "2026-09-26 10:00",
      source: "演示县农业农村局",
      body: ["9月24日至26日，我县举办第二届乡村振兴人才培训班，培训村“两委”干部和致富带头人150人。"],
    },
  ],
};

const xzdt: ColumnDef = {
  path: "xwzx/xzdt",
  name: "乡镇动态",
  kind: "NEWS",
  typeLabel: "要闻动态",
  description: "各乡镇工作动态",
  parent: "新闻中心",
  articles: [
    {
      id: 5601,
      title: "青河镇：“一村一品”特色产业带动群众增收",
      date: "2026-11-13 15:00",
      source: "青河镇人民政府",
      body: ["青河镇发展食用菌、中药材等特色产业，今年已带动1200余户群众户均增收8000元。"],
    },
    {
      id: 5602,
      title: "白石乡：完成冬季森林防火隐患排查",
      date: "2026-11-08 11:20",
      source: "白石乡人民政府",
      body: ["白石乡组织护林员对辖区林区开展拉网式排查，清理可燃物120余处。"],
    },
    {
      id: 5603,
      title: "城关镇：老旧小区改造惠及2100户居民",
      date: "2026-10-31 09:50",
      source: "城关镇人民政府",
      body: ["今年城关镇完成老旧小区改造8个，惠及居民2100户。"],
    },
    {
      id: 5604,
      title: "东岭镇：举办农村实用技术培训",
      date: "2026-10-19 14:10",
      source: "东岭镇人民政府",
      body: ["东岭镇邀请县农技专家开展果树冬季修剪技术培训，200余名果农参加。"],
    },
    {
      id: 5605,
      title: "西坡乡：开展敬老月慰问活动",
      date: "2026-10-09 10:30",
      source: "西坡乡人民政府",
      body: ["西坡乡组织开展敬老月活动，走访慰问80岁以上老人136人。"],
    },
  ],
};

const tzgg: ColumnDef = {
  path: "tzgg",
  name: "通知公告",
  kind: "NOTICE",
  typeLabel: "通知公告",
  description: "演示县通知公告",
  articles: [
    {
      id: 5701,
      title: "演示县人民政府关于2027年元旦期间县城区域临时交通管制的通告",
      date: "2027-01-05 09:00",
      source: BGS,
      body: [
        "为保障2027年元旦期间县城道路交通安全畅通，决定于2026年12月31日20时至2027年1月1日2时，对县城人民广场周边道路实行临时交通管制。",
        "管制期间，除执行任务的警车、消防车、救护车外，其他车辆禁止通行。",
      ],
    },
    {
      id: 5702,
      title: "演示县2026年第三季度城乡低保新增对象公示",
      date: "2026-11-16 10:00",
      source: "演示县民政局",
      body: [
        "根据《演示省最低生活保障审核确认办法》，经乡镇审核、县民政局确认，现将2026年第三季度城乡低保新增对象予以公示，公示期7天。",
      ],
      html: `<table border="1" cellspacing="0" cellpadding="4"><tr><th>序号</th><th>乡镇</th><th>户主姓名</th><th>身份证号码</th><th>联系电话</th><th>保障人数</th></tr>
<tr><td>1</td><td>青河镇</td><td>王某某</td><td>990121196805123416</td><td>13912345678</td><td>3</td></tr>
<tr><td>2</td><td>白石乡</td><td>李某某</td><td>990121197509231628</td><td>15887654321</td><td>2</td></tr>
<tr><td>3</td><td>东岭镇</td><td>赵某某</td><td>990121********2317</td><td>139****4321</td><td>1</td></tr>
</table>`,
    },
    {
      id: 5703,
      title: "关于开展2026年冬季农村居民取暖安全检查的通知",
      date: "2026-11-11 15:00",
      source: "演示县应急管理局",
      body: [
        "各乡镇人民政府：为防范冬季取暖一氧化碳中毒事故，请于11月底前完成辖区农村居民取暖设施安全检查。",
      ],
    },
    {
      id: 5704,
      title: "演示县2026年公开招聘社区工作者公告",
      date: "2026-11-04 09:00",
      source: "演示县民政局",
      body: ["因工作需要，面向社会公开招聘社区工作者20名。报名时间为2026年11月10日至11月16日。"],
    },
    {
      id: 5705,
      title: "演示县关于2026—2027年度城乡居民医保集中缴费的通告",
      date: "2026-10-20 10:00",
      source: "演示县医疗保障局",
      body: ["2027年度城乡居民医保个人缴费标准为每人每年400元，集中缴费期为2026年10月20日至12月31日。"],
    },
    {
      id: 5706,
      title: "关于调整县城部分公交线路的公告",
      date: "2026-09-28 14:00",
      source: "演示县交通运输局",
      body: ["自2026年10月1日起，县城1路、3路公交线路延伸至县职教中心。"],
    },
    {
      id: 5707,
      title: "演示县2026年秋季学期学生资助政策告知书",
      date: "2026-09-01 08:30",
      source: "演示县教育局",
      body: ["我县严格落实从学前教育到高等教育的学生资助政策，确保不让一个学生因家庭经济困难而失学。"],
    },
  ],
};

const zcwj: ColumnDef = {
  path: "zcwj",
  name: "政策文件",
  kind: "POLICY",
  typeLabel: "政策文件",
  description: "演示县人民政府及办公室文件",
  articles: [
    {
      id: 5801,
      title: "演示县人民政府关于印发演示县高标准农田建设实施方案的通知",
      date: "2026-08-18 10:00",
      docNo: "演政发〔2026〕21号",
      source: BGS,
      body: [
        "各乡镇人民政府，县政府各部门：",
        "现将《演示县高标准农田建设实施方案》印发给你们，请认真贯彻执行。",
      ],
    },
    {
      id: 5802,
      title: "演示县人民政府办公室关于进一步加强农村人居环境整治的通知",
      date: "2026-06-09 15:00",
      docNo: "演政办发〔2026〕14号",
      source: BGS,
      body: [
        "各乡镇人民政府，县政府各部门：为持续改善农村人居环境，现就有关事项通知如下。",
        "一、扎实推进农村厕所革命。各乡镇要按照群众接受、经济适用、维护方便、不污染公共水体的要求，普及不同水平的卫生厕所，2026年底前农村卫生厕所普及率达到90%以上。",
        "二、加快推进农村生活垃圾治理。建立户分类、村收集、乡镇转运、县处理的收运处置体系，实现行政村生活垃圾收运处置全覆盖。",
        "三、梯次推进农村生活污水治理。优先治理水源保护区、城乡接合部和人口集中村庄的生活污水，因地制宜采用纳管、集中和分散处理方式。",
        "四、全面提升村容村貌。开展村庄清洁行动，清理房前屋后和村内道路的乱堆乱放，拆除违章建筑和废弃设施。",
      ],
      related: [{ title: "政策解读", href: "/zcjd/2026-06/11/content_5901.shtml" }],
    },
    {
      id: 5803,
      title: "演示县人民政府关于公布县级权责清单的通知",
      date: "2026-04-22 10:00",
      docNo: "演政发〔2026〕9号",
      source: BGS,
      body: ["各乡镇人民政府，县政府各部门：现将县级部门权责清单予以公布，共涉及32个部门2860项权责事项。"],
    },
    {
      id: 5804,
      title: "演示县人民政府办公室关于印发2026年县政府工作要点的通知",
      date: "2026-03-02 09:00",
      docNo: "演政办发〔2026〕3号",
      source: BGS,
      body: ["各乡镇人民政府，县政府各部门：现将《2026年县政府工作要点》印发给你们，请认真抓好落实。"],
    },
  ],
};

const zcjd: ColumnDef = {
  path: "zcjd",
  name: "政策解读",
  kind: "INTERPRETATION",
  typeLabel: "政策解读",
  description: "演示县政策解读",
  articles: [
    {
      id: 5901,
      title: "《关于进一步加强农村人居环境整治的通知》解读",
      date: "2026-06-11 10:00",
      source: "演示县农业农村局",
      // Planted defect (interpretation.copied): the 解读 repeats the notice's four tasks word for word.
      body: [
        "《通知》明确了四项重点任务：",
        "一、扎实推进农村厕所革命。各乡镇要按照群众接受、经济适用、维护方便、不污染公共水体的要求，普及不同水平的卫生厕所，2026年底前农村卫生厕所普及率达到90%以上。",
        "二、加快推进农村生活垃圾治理。建立户分类、村收集、乡镇转运、县处理的收运处置体系，实现行政村生活垃圾收运处置全覆盖。",
        "三、梯次推进农村生活污水治理。优先治理水源保护区、城乡接合部和人口集中村庄的生活污水，因地制宜采用纳管、集中和分散处理方式。",
        "四、全面提升村容村貌。开展村庄清洁行动，清理房前屋后和村内道路的乱堆乱放，拆除违章建筑和废弃设施。",
      ],
      related: [{ title: "政策原文", href: "/zcwj/2026-06/09/content_5802.shtml" }],
    },
    {
      id: 5902,
      title: "一图读懂演示县高标准农田建设实施方案",
      date: "2026-08-20 16:00",
      source: "演示县农业农村局",
      body: ["到2028年，全县累计建成高标准农田45万亩。"],
      related: [{ title: "政策原文", href: "/zcwj/2026-08/18/content_5801.shtml" }],
    },
  ],
};

const ghjh: ColumnDef = {
  path: "zwgk/ghjh",
  name: "规划计划",
  kind: "ANNUAL",
  typeLabel: "规划计划",
  description: "演示县发展规划和年度计划",
  parent: "政务公开",
  articles: [
    {
      id: 6001,
      title: "演示县2025年国民经济和社会发展计划",
      date: "2025-03-18 10:00",
      source: "演示县发展和改革局",
      body: [
        "2025年全县经济社会发展主要预期目标：地区生产总值增长6%左右，城乡居民人均可支配收入增长与经济增长同步。",
      ],
    },
    {
      id: 6002,
      title: "演示县国土空间总体规划（2021—2035年）公示",
      date: "2024-11-06 09:00",
      source: "演示县自然资源局",
      body: ["根据有关规定，现将《演示县国土空间总体规划（2021—2035年）》主要内容予以公示。"],
    },
    {
      id: 6003,
      title: "演示县2024年国民经济和社会发展计划",
      date: "2024-03-12 10:00",
      source: "演示县发展和改革局",
      body: ["2024年全县经济社会发展主要预期目标已经县人民代表大会审议通过。"],
    },
  ],
};

const rsxx: ColumnDef = {
  path: "zwgk/rsxx",
  name: "人事信息",
  kind: "ANNUAL",
  typeLabel: "人事信息",
  description: "干部任免、公务员招录",
  parent: "政务公开",
  articles: [],
  emptyText: "暂无信息",
};

const czxx: ColumnDef = {
  path: "zwgk/czxx",
  name: "财政信息",
  kind: "ANNUAL",
  typeLabel: "财政信息",
  description: "财政预决算",
  parent: "政务公开",
  articles: [
    {
      id: 6101,
      title: "演示县2025年财政决算公开",
      date: "2026-08-28 10:00",
      source: "演示县财政局",
      body: ["2025年，全县一般公共预算收入完成9.8亿元，一般公共预算支出完成31.6亿元。"],
    },
    {
      id: 6102,
      title: "演示县2026年财政预算公开",
      date: "2026-02-06 10:00",
      source: "演示县财政局",
      body: ["2026年全县一般公共预算收入预期10.2亿元，增长4%。"],
    },
  ],
};

const xzxx: ColumnDef = {
  path: "hdjl/xzxx",
  name: "县长信箱",
  kind: "INTERACTION",
  typeLabel: "互动交流",
  description: "县长信箱来信选登",
  parent: "互动交流",
  articles: [
    {
      id: 6201,
      title: "关于青河镇至县城班车加开的建议",
      date: "2026-11-09 08:10",
      body: [],
      html: `<div class="letter"><p>来信人：张先生\u3000\u3000来信时间：2026年11月09日</p><p>来信内容：青河镇到县城的班车每天只有4趟，希望能增加班次。</p><p>办理单位：演示县交通运输局\u3000\u3000回复时间：2026年11月12日</p><p>回复内容：经与客运公司协商，自11月20日起青河镇至县城班车增加至每天6趟。</p></div>`,
    },
    {
      id: 6202,
      title: "咨询农村危房改造补助政策",
      date: "2026-10-21 19:40",
      body: [],
      html: `<div class="letter"><p>来信人：李女士\u3000\u3000来信时间：2026年10月21日</p><p>来信内容：家里房子是老土坯房，能申请危房改造补助吗？</p><p>办理单位：演示县住房和城乡建设局\u3000\u3000回复时间：2026年10月24日</p><p>回复内容：农村低收入群体等重点对象住房经鉴定为C级或D级危房的，可向所在乡镇申请改造补助。</p></div>`,
    },
    {
      id: 6203,
      title: "反映白石乡路灯不亮问题",
      date: "2026-09-30 21:05",
      body: [],
      html: `<div class="letter"><p>来信人：王先生\u3000\u3000来信时间：2026年09月30日</p><p>来信内容：白石乡集镇主街路灯已经坏了一个多月。</p><p>办理单位：白石乡人民政府\u3000\u3000回复时间：2026年10月08日</p><p>回复内容：已完成维修，目前路灯恢复正常。</p></div>`,
    },
  ],
};

const bszn: ColumnDef = {
  path: "bsfw/bszn",
  name: "办事指南",
  kind: "SERVICE_GUIDE",
  typeLabel: "办事服务",
  description: "县级政务服务事项办事指南",
  parent: "办事服务",
  articles: [
    {
      id: 6301,
      title: "农村宅基地和建房（规划许可）审批办事指南",
      date: "2026-09-15 09:00",
      source: "演示县农业农村局",
      body: [],
      html: `<div class="guide">
<div class="item"><span class="k">事项名称</span><span class="v">农村宅基地和建房（规划许可）审批</span></div>
<div class="item"><span class="k">设定依据</span><span class="v">《中华人民共和国土地管理法》《中华人民共和国城乡规划法》</span></div>
<div class="item"><span class="k">申请条件</span><span class="v">本集体经济组织成员，符合“一户一宅”规定。</span></div>
<div class="item"><span class="k">办理材料</span><span class="v">农村宅基地和建房（规划许可）申请表；申请人身份证、户口簿。</span></div>
<div class="item"><span class="k">办理地点</span><span class="v">各乡镇便民服务中心</span></div>
<div class="item"><span class="k">办理时间</span><span class="v">周一至周五 8:30—12:00，14:00—17:30</span></div>
<div class="item"><span class="k">收费标准</span><span class="v">不收费</span></div>
<div class="item"><span class="k">联系电话</span><span class="v">0999-86123480</span></div>
<div class="item"><span class="k">办理流程</span><span class="v">申请—村级审查—乡镇审核—审批—发证</span></div>
</div>`,
    },
    {
      id: 6302,
      title: "城乡居民最低生活保障审核确认办事指南",
      date: "2026-07-02 10:00",
      source: "演示县民政局",
      body: [],
      html: `<div class="guide">
<div class="item"><span class="k">事项名称</span><span class="v">城乡居民最低生活保障审核确认</span></div>
<div class="item"><span class="k">设定依据</span><span class="v">《社会救助暂行办法》</span></div>
<div class="item"><span class="k">申请条件</span><span class="v">共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定。</span></div>
<div class="item"><span class="k">办理材料</span><span class="v">申请书；家庭成员身份证、户口簿；收入和财产状况证明。</span></div>
<div class="item"><span class="k">办理地点</span><span class="v">户籍所在地乡镇便民服务中心</span></div>
<div class="item"><span class="k">办理时间</span><span class="v">周一至周五 8:30—12:00，14:00—17:30</span></div>
<div class="item"><span class="k">收费标准</span><span class="v">不收费</span></div>
<div class="item"><span class="k">联系电话</span><span class="v">0999-86123466</span></div>
<div class="item"><span class="k">办理流程</span><span class="v">申请—受理—家庭经济状况调查—审核确认—公示—发放</span></div>
</div>`,
    },
  ],
};

const columns: ColumnDef[] = [gzdt, xzdt, tzgg, zcwj, zcjd, ghjh, rsxx, czxx, xzxx, bszn];
validateColumns(columns);

const NAV: Array<{ name: string; href: string }> = [
  { name: "首页", href: "/" },
  { name: "新闻中心", href: "/xwzx/" },
  { name: "通知公告", href: "/tzgg/" },
  { name: "政策文件", href: "/zcwj/" },
  { name: "政策解读", href: "/zcjd/" },
  { name: "政务公开", href: "/zwgk/" },
  { name: "办事服务", href: "/bsfw/" },
  { name: "互动交流", href: "/hdjl/" },
  { name: "走进演示", href: "/zjys/" },
];

function articleUrl(column: ColumnDef, a: ArticleDef): string {
  if (a.href) return a.href;
  const [y, m, d] = parts(a.date);
  return `/${column.path}/${y}-${m}/${d}/content_${a.id}.shtml`;
}

function listUrl(column: ColumnDef, pageIndex: number): string {
  return `/${column.path}/${pageIndex === 0 ? "" : `index_${pageIndex + 1}.shtml`}`;
}

const HIDDEN_SPAM = `<div style="display:none">
<a href="http://www.xpj888-casino.invalid/">一分快3-开户</a>
<a href="http://www.xpj888-casino.invalid/reg.html">新葡京娱乐-注册送彩金</a>
</div>
<div style="position:absolute;left:-9999px;top:-9999px">
<a href="http://www.hg-sports-bet.invalid/">皇冠体育-在线投注</a>
</div>
<style>.ft-links{height:0;overflow:hidden}</style>
<div class="ft-links"><a href="http://www.ag-live-casino.invalid/">AG真人娱乐城-官方平台</a></div>`;

function page(opts: { title: string; body: string; metas?: string[]; home?: boolean }): string {
  const metas = [
    metaTag("SiteName", NAME),
    metaTag("SiteDomain", HOST),
    metaTag("SiteIDCode", footer.siteIdCode),
    ...(opts.metas ?? []),
  ].join("\n");
  const nav = NAV.map((n) => `<a class="nav-item" href="${n.href}">${esc(n.name)}</a>`).join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(opts.title)}</title>
${metas}
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="stylesheet" href="/static/css/main.css">
</head>
<body>
<div class="g-header"><div class="g-wrap">
<div class="g-logo"><a href="/"><img src="/static/img/logo.png" alt="${esc(NAME)}"></a></div>
<div class="g-search"><form action="/search.shtml" method="get"><input name="keyword" placeholder="站内搜索"><input type="submit" value="搜索"></form></div>
</div></div>
<div class="g-nav"><div class="g-wrap">
${nav}
</div></div>
<div class="g-main g-wrap">
${opts.body}
</div>
<div class="g-footer"><div class="g-wrap">
<div class="g-grid">
<div class="g-col badge">${conacBadge(footer, CONAC_ID)}</div>
<div class="g-col info">${footerLines(footer)
    .map((l) => `<div>${l}</div>`)
    .join("\n")}</div>
<div class="g-col badge">${jiucuoLink(footer)}</div>
</div>
</div></div>
${opts.home ? HIDDEN_SPAM : ""}
</body>
</html>
`;
}

function columnMetas(column: ColumnDef): string[] {
  return [
    metaTag("ColumnName", column.name),
    metaTag("ColumnDescription", column.description),
    metaTag("ColumnKeywords", `${column.name},演示县`),
    metaTag("ColumnType", column.typeLabel),
  ];
}

function crumb(column: ColumnDef): string {
  const parent = column.parent
    ? ` &gt; <a href="${NAV.find((n) => n.name === column.parent)?.href ?? "/"}">${esc(column.parent)}</a>`
    : "";
  return `<div class="g-crumb">当前位置：<a href="/">首页</a>${parent} &gt; <a href="${listUrl(column, 0)}">${esc(column.name)}</a></div>`;
}

function gridItem(column: ColumnDef, a: ArticleDef, dateStyle: "short" | "long"): string {
  const [, m, d] = parts(a.date);
  const date = dateStyle === "short" ? `[${m}-${d}]` : chineseDate(a.date);
  return `<div class="g-row"><div class="g-title"><a href="${esc(articleUrl(column, a))}" target="_blank">${esc(a.title)}</a></div><div class="g-date">${date}</div></div>`;
}

function renderList(column: ColumnDef, files: SiteFiles): void {
  const articles = sortNewestFirst(column.articles);
  const pages = paginate(articles, column.pageSize ?? 12);
  pages.forEach((items, i) => {
    const n = i + 1;
    const name = (k: number) => (k === 1 ? "index.shtml" : `index_${k}.shtml`);
    const pager =
      pages.length > 1
        ? `<div class="g-pager">` +
          (n > 1 ? `<a href="${name(n - 1)}">上一页</a>` : "") +
          pages
            .map((_, k) => (k + 1 === n ? `<span>${k + 1}</span>` : `<a href="${name(k + 1)}">${k + 1}</a>`))
            .join("") +
          (n < pages.length ? `<a href="${name(n + 1)}">下一页</a>` : "") +
          `</div>`
        : "";
    const list =
      items.length > 0
        ? `<div class="g-list">\n${items.map((a) => gridItem(column, a, "long")).join("\n")}\n</div>`
        : `<div class="g-empty">${esc(column.emptyText ?? "暂无信息")}</div>`;
    files.set(
      `${column.path}/${name(n)}`,
      page({
        title: `${column.name}-${NAME}`,
        metas: columnMetas(column),
        body: `${crumb(column)}\n<div class="g-panel"><div class="g-panel-head">${esc(column.name)}</div>\n${list}\n${pager}</div>`,
      }),
    );
  });
}

function renderArticle(column: ColumnDef, a: ArticleDef, files: SiteFiles): void {
  if (a.missing || a.href) return;
  files.set(
    articleUrl(column, a).slice(1),
    page({
      title: `${a.title}-${NAME}`,
      metas: [
        ...columnMetas(column),
        metaTag("ArticleTitle", a.title),
        metaTag("PubDate", a.date),
        metaTag("ContentSource", a.source ?? NAME),
      ],
      body: `${crumb(column)}
<div class="g-article">
<h1>${esc(a.title)}</h1>
<div class="g-meta">发布时间：${chineseDate(a.date)} ${a.date.slice(11)}\u3000来源：${esc(a.source ?? NAME)}${a.docNo ? `\u3000文号：${esc(a.docNo)}` : ""}</div>
<div class="g-content">
${imagesHtml(a.images)}
${paragraphs(a.body)}
${a.html ?? ""}
</div>
${attachmentsHtml(a.attachments)}
${relatedHtml(a.related)}
</div>`,
    }),
  );
}

function panel(title: string, column: ColumnDef, n: number): string {
  const items = sortNewestFirst(column.articles).slice(0, n);
  const list =
    items.length > 0
      ? items.map((a) => gridItem(column, a, "short")).join("\n")
      : `<div class="g-empty">暂无信息</div>`;
  return `<div class="g-col g-panel"><div class="g-panel-head">${esc(title)}<a class="g-more" href="${listUrl(column, 0)}">更多</a></div>
${list}
</div>`;
}

function renderHome(files: SiteFiles): void {
  const body = `<div class="g-grid">
<div class="g-col g-focus"><a href="/xwzx/gzdt/2026-11/18/content_5531.shtml"><img src="/static/img/focus.png" alt="县政府召开冬季安全生产工作会议"></a></div>
${panel("工作动态", gzdt, 7)}
</div>
<div class="g-grid">
${panel("通知公告", tzgg, 6)}
${panel("乡镇动态", xzdt, 5)}
${panel("政策文件", zcwj, 4)}
</div>
<div class="g-grid">
<div class="g-col g-panel"><div class="g-panel-head">政务公开<a class="g-more" href="/zwgk/">更多</a></div>
<div class="g-row"><a href="/zwgk/ghjh/">规划计划</a></div>
<div class="g-row"><a href="/zwgk/rsxx/">人事信息</a></div>
<div class="g-row"><a href="/zwgk/czxx/">财政信息</a></div>
</div>
<div class="g-col g-panel"><div class="g-panel-head">办事服务<a class="g-more" href="/bsfw/">更多</a></div>
<div class="g-row"><a href="http://zwfw.demo-province.gov.cn/ysx/" target="_blank">演示省政务服务网演示县分厅</a></div>
<div class="g-row"><a href="/bsfw/bszn/">办事指南</a></div>
</div>
<div class="g-col g-panel"><div class="g-panel-head">互动交流<a class="g-more" href="/hdjl/">更多</a></div>
<div class="g-row"><a href="/hdjl/xzxx/">县长信箱</a></div>
<div class="g-row"><a href="/wsxf/index.shtml">网上信访</a></div>
</div>
</div>
<div class="g-links">友情链接：<a href="http://www.gov.cn/" target="_blank">中国政府网</a> <a href="http://www.demo-province.gov.cn/" target="_blank">演示省人民政府</a> <a href="http://www.demo-city.gov.cn/" target="_blank">示范市人民政府</a></div>`;
  files.set("index.shtml", page({ title: NAME, body, home: true }));
}

function overview(path: string, title: string, subs: ColumnDef[], extra: string, files: SiteFiles): void {
  files.set(
    `${path}/index.shtml`,
    page({
      title: `${title}-${NAME}`,
      metas: [metaTag("ColumnName", title), metaTag("ColumnType", title)],
      body: `<div class="g-crumb">当前位置：<a href="/">首页</a> &gt; ${esc(title)}</div>
<div class="g-grid">
${subs.map((c) => panel(c.name, c, 5)).join("\n")}
</div>
${extra}`,
    }),
  );
}

const CSS = `body{margin:0;font:14px/1.75 "PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f4f6f9}
.g-wrap{max-width:1180px;margin:0 auto}.g-header{background:#0b5aa2;color:#fff;padding:18px 0}
.g-nav{background:#094a86}.g-nav .nav-item{display:inline-block;color:#fff;padding:10px 22px;text-decoration:none}
.g-grid{display:grid;grid-template-columns:repeat(3,1fr);gap:16px;margin:16px 0}
.g-panel{background:#fff;padding:12px}.g-panel-head{font-weight:bold;border-bottom:2px solid #0b5aa2;margin-bottom:8px}
.g-more{float:right;font-weight:normal;font-size:12px}.g-row{display:flex;justify-content:space-between}.g-date{color:#888}
.g-footer{background:#0b5aa2;color:#fff;padding:16px 0}.g-footer a{color:#fff}
`;

function build(): SiteFiles {
  const files: SiteFiles = new Map();
  renderHome(files);
  for (const column of columns) {
    renderList(column, files);
    for (const a of column.articles) renderArticle(column, a, files);
  }
  overview("xwzx", "新闻中心", [gzdt, xzdt], "", files);
  overview(
    "zwgk",
    "政务公开",
    [ghjh, rsxx, czxx],
    `<div class="g-panel"><a href="/trap/">更多政务公开信息</a></div>`,
    files,
  );
  overview(
    "bsfw",
    "办事服务",
    [bszn],
    `<div class="g-panel"><a href="http://zwfw.demo-province.gov.cn/ysx/" target="_blank">演示省政务服务网演示县分厅</a></div>`,
    files,
  );
  overview("hdjl", "互动交流", [xzxx], "", files);
  files.set(
    "zjys/index.shtml",
    page({
      title: `走进演示-${NAME}`,
      metas: [metaTag("ColumnName", "走进演示"), metaTag("ColumnType", "机构概况")],
      body: `<div class="g-crumb">当前位置：<a href="/">首页</a> &gt; 走进演示</div>
<div class="g-article"><h1>演示县概况</h1>
<p>演示县隶属演示省示范市，位于示范市西部，总面积1286平方公里，辖6个镇、4个乡，2025年末户籍人口42.3万人。</p>
<h3>县政府领导</h3>
<p>县长：刘某某\u3000副县长：陈某某、杨某某、黄某某</p>
</div>`,
    }),
  );
  files.set("robots.txt", "User-agent: *\nDisallow: /admin/\n");
  files.set("static/css/main.css", CSS);
  files.set("static/img/logo.png", png(400, 60, [11, 90, 162], [255, 255, 255]));
  files.set("static/img/focus.png", png(360, 220, [120, 160, 90], [240, 240, 240]));
  files.set("images/ga.png", png(16, 16, [30, 80, 160]));
  // uploadfiles/2026/11/tp_5531.jpg is deliberately missing: a broken image.
  return files;
}

export const county: SiteModule = {
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
