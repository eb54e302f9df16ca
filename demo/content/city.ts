/**
 * www.demo-city.gov.cn — 示范市人民政府门户网站. UTF-8, the classic "ul/li" template of TRS-style
 * portals: list pages index.html, index_1.html, index_2.html…; articles at
 * /<column>/<yyyymm>/t<yyyymmdd>_<id>.html.
 */
import { png, pdf, docx, xlsx } from "./binary.ts";
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
  ymd,
} from "./model.ts";

const HOST = "www.demo-city.gov.cn";
const NAME = "示范市人民政府";
const CONAC_ID = "E5D3C1A0B7F24E6C9A1D0F3B2C4E6A01";

const footer: FooterFacts = {
  sponsor: "示范市人民政府办公室",
  undertaker: "示范市大数据中心",
  address: "演示省示范市城东区人民大道1号",
  phone: "0999-81234567",
  email: "szfwz@demo-city.gov.cn",
  siteIdCode: "9901000001",
  icp: "演ICP备26000101号",
  psb: "演公网安备99010202000101号",
  psbCode: "99010202000101",
  conac: true,
  jiucuo: true,
  annualReport: true,
  careMode: true,
};

const NAV: Array<{ name: string; href: string }> = [
  { name: "首页", href: "/" },
  { name: "政务动态", href: "/zwdt/" },
  { name: "通知公告", href: "/tzgg/" },
  { name: "政策文件", href: "/zcwj/" },
  { name: "政策解读", href: "/zcjd/" },
  { name: "办事服务", href: "/bsfw/" },
  { name: "互动交流", href: "/hdjl/" },
  { name: "机构概况", href: "/jggk/" },
];

const RMT = "示范市融媒体中心";
const BGS = "示范市人民政府办公室";

const jrsf: ColumnDef = {
  path: "zwdt/jrsf",
  name: "今日示范",
  kind: "NEWS",
  typeLabel: "要闻动态",
  description: "示范市政务要闻",
  parent: "政务动态",
  pageSize: 10,
  articles: [
    {
      id: 1001,
      title: "市政府召开第45次常务会议",
      date: "2026-11-19 16:20",
      source: RMT,
      body: [
        "11月19日，市长张某某主持召开市政府第45次常务会议，研究部署今冬明春安全生产、冬季供暖保障和重点项目建设等工作。",
        "会议指出，当前已进入岁末年初，各类安全风险交织叠加，各县区、各部门要压紧压实安全生产责任，深入开展燃气、消防、道路交通、建筑施工等重点领域隐患排查整治，坚决防范遏制重特大事故发生。",
        "会议强调，要全力做好冬季供暖保障工作，加强热源调度和管网巡检，畅通12345热线等诉求渠道，确保群众温暖过冬。要倒排工期、挂图作战，推动重点项目年底前形成更多实物工作量。",
        "会议还研究了其他事项。",
      ],
    },
    {
      id: 1002,
      title: "我市举行2026年第四季度重点项目集中开工活动",
      date: "2026-11-18 10:05",
      source: RMT,
      body: [
        "11月18日上午，示范市2026年第四季度重点项目集中开工活动在示范经济技术开发区主会场举行。本次集中开工项目28个，总投资156.3亿元，涵盖先进制造、现代物流、城市更新和社会民生等领域。",
        "市长张某某宣布项目开工。副市长李某某介绍了项目总体情况。各县区设分会场同步举行开工活动。",
        "今年以来，全市累计实施市级重点项目186个，完成投资412.6亿元，占年度计划的91.4%。",
      ],
      images: [{ src: "/images/news/20261118-kg.png", alt: "重点项目集中开工活动现场" }],
    },
    {
      id: 1003,
      title: "全市冬季供暖工作会议召开",
      date: "2026-11-17 09:40",
      source: RMT,
      body: [
        "11月16日，全市冬季供暖工作会议召开。会议通报了供暖准备情况：全市集中供暖面积达4860万平方米，较去年新增210万平方米，热源厂和换热站已全部完成检修调试。",
        "副市长王某某要求，各供热企业要严格执行室温不低于18摄氏度的标准，对群众反映的不热问题做到24小时内响应处置。",
      ],
    },
    {
      id: 1004,
      title: "示范市与演示大学签署战略合作协议",
      date: "2026-11-14 15:30",
      source: RMT,
      body: [
        "11月13日，示范市人民政府与演示大学签署战略合作协议，双方将在科技成果转化、人才培养、产业研究院建设等方面深化合作。",
        "根据协议，演示大学将在示范经济技术开发区设立新材料与智能制造研究院，联合市内企业共建10个以上校企联合实验室。",
      ],
    },
    {
      id: 1005,
      title: "我市开展“12345”政务服务便民热线满意度回访",
      date: "2026-11-12 11:00",
      source: "示范市12345政务服务便民热线中心",
      body: [
        "为进一步提升热线工单办理质效，市12345热线中心自11月起对10月份办结的工单开展满意度回访，共回访群众诉求1.2万件，满意率为96.8%。",
        "对回访中群众表示不满意的工单，热线中心已退回承办单位重新办理，并纳入月度考核通报。",
      ],
    },
    {
      id: 1006,
      title: "市领导调研城市更新和老旧小区改造工作",
      date: "2026-11-10 17:10",
      source: RMT,
      body: [
        "11月10日，副市长赵某某带队调研城市更新和老旧小区改造工作，先后来到城东区光明里小区、城西区纺织新村等地，实地查看管网改造、加装电梯和停车设施建设情况。",
        "调研指出，要坚持“先地下、后地上”，把群众最关心的水电气暖等基础设施改造放在首位，确保年底前完成年度改造任务。",
      ],
    },
    {
      id: 1007,
      title: "第三届示范市营商环境优化大会举行",
      date: "2026-11-06 10:30",
      source: RMT,
      body: [
        "11月6日，第三届示范市营商环境优化大会举行。会上发布了《示范市进一步优化营商环境若干措施》，聘请了30名营商环境监督员。",
        "市长张某某在讲话中指出，要以企业和群众满意为标准，持续推进“高效办成一件事”，让经营主体办事更省心、更便捷。",
      ],
      related: [{ title: "示范市进一步优化营商环境若干措施", href: "/zcwj/202611/t20261110_2001.html" }],
    },
    {
      id: 1008,
      title: "我市获评全省农产品质量安全市",
      date: "2026-11-03 09:15",
      source: "示范市农业农村局",
      body: [
        "近日，演示省农业农村厅公布2026年度省级农产品质量安全市（县）名单，示范市名列其中。",
        "近年来，我市建立了覆盖市、县、乡三级的农产品质量安全监管体系，全市农产品例行监测合格率连续五年保持在98%以上。",
      ],
    },
    {
      id: 1009,
      title: "全市秋冬季大气污染防治攻坚动员会召开",
      date: "2026-10-29 16:00",
      source: RMT,
      body: [
        "10月29日，全市秋冬季大气污染防治攻坚动员会召开，部署今年10月至明年3月的大气污染防治重点任务。",
        "会议要求，各县区要紧盯扬尘管控、散煤治理、移动源污染治理等重点环节，全力减少重污染天气，确保完成年度空气质量改善目标。",
      ],
    },
    {
      id: 1010,
      title: "新港区集装箱吞吐量突破百万标箱",
      date: "2026-10-24 14:20",
      source: RMT,
      body: [
        "截至10月23日，示范港新港区今年集装箱吞吐量达到100.6万标箱，首次突破百万标箱大关，同比增长14.2%。",
        "港口集团负责人表示，将再接再励，加快推进二期码头建设和海铁联运通道建设，力争全年吞吐量达到120万标箱。",
      ],
    },
    {
      id: 1011,
      title: "市政府与省农业信贷担保公司签订合作协议",
      date: "2026-10-20 11:30",
      source: RMT,
      body: [
        "10月20日，示范市人民政府与演示省农业信贷担保有限公司签订战略合作协议。未来三年，双方将合作为全市新型农业经营主体提供不少于30亿元的担保贷款支持。",
      ],
    },
    {
      id: 1012,
      title: "我市开展2026年度防灾减灾综合应急演练",
      date: "2026-10-15 10:00",
      source: "示范市应急管理局",
      body: [
        "10月14日，示范市2026年度防灾减灾综合应急演练在城西区举行。演练模拟城区突发强降雨引发内涝险情，应急、消防、水利、交通运输、卫生健康等12个部门和单位的460余人参加。",
        "演练检验了应急预案的实用性和部门协同处置能力，取得了预期效果。",
      ],
    },
  ],
};

const bmdt: ColumnDef = {
  path: "zwdt/bmdt",
  name: "部门动态",
  kind: "NEWS",
  typeLabel: "要闻动态",
  description: "市政府各部门工作动态",
  parent: "政务动态",
  articles: [
    {
      id: 1101,
      title: "市市场监管局开展冬季食品安全专项检查",
      date: "2026-11-17 15:00",
      source: "示范市市场监督管理局",
      body: [
        "为保障冬季食品安全，市市场监管局自11月中旬起在全市开展为期一个月的冬季食品安全专项检查，重点检查学校食堂、农贸市场、火锅店和冷链食品经营单位。",
        "截至目前，共检查各类食品经营单位1362家次，责令整改问题87个，立案查处违法案件6起。",
      ],
    },
    {
      id: 1102,
      title: "市人社局举办2026年秋季大型招聘会",
      date: "2026-11-13 10:20",
      source: "示范市人力资源和社会保障局",
      body: [
        "11月12日，市人社局在市人力资源市场举办2026年秋季大型招聘会，162家企业提供就业岗位5600余个，吸引求职者8000余人次入场，初步达成就业意向1720人。",
      ],
    },
    {
      id: 1108,
      title: "市交通运输局部署冬季道路交通安全工作",
      date: "2026-11-11 09:30",
      missing: true,
      body: [],
    },
    {
      id: 1103,
      title: "市生态环境局通报10月份全市空气质量状况",
      date: "2026-11-07 16:40",
      source: "示范市生态环境局",
      body: [
        "10月份，全市环境空气质量优良天数为27天，优良天数比例为87.1%，同比上升3.2个百分点；细颗粒物平均浓度为31微克/立方米，同比下降8.8%。",
      ],
    },
    {
      id: 1104,
      title: "市卫生健康委启动冬春季流感疫苗接种工作",
      date: "2026-11-02 11:10",
      source: "示范市卫生健康委员会",
      body: [
        "即日起，全市126家预防接种门诊全面启动2026—2027年度流感疫苗接种工作。60岁以上老年人、在校中小学生可在户籍或学籍所在地免费接种。",
      ],
    },
    {
      id: 1105,
      title: "市水利局完成秋季水利工程安全检查",
      date: "2026-10-28 15:20",
      source: "示范市水利局",
      body: [
        "10月下旬，市水利局组织对全市42座水库、18座水闸开展秋季安全检查，发现问题31处，已全部建立台账，限期整改。",
      ],
    },
    {
      id: 1106,
      title: "市住建局召开建筑施工安全生产约谈会",
      date: "2026-10-21 14:00",
      source: "示范市住房和城乡建设局",
      body: [
        "10月21日，市住建局对近期检查中发现问题较多的8家施工企业开展安全生产约谈，要求企业立即对在建项目开展全面自查，消除安全隐患。",
      ],
    },
    {
      id: 1107,
      title: "市司法局开展“法律明白人”培训",
      date: "2026-10-16 09:50",
      source: "示范市司法局",
      body: [
        "10月15日至16日，市司法局举办全市“法律明白人”骨干培训班，来自各乡镇（街道）的260名学员参加培训。",
      ],
    },
  ],
};

const qxdt: ColumnDef = {
  path: "zwdt/qxdt",
  name: "区县动态",
  kind: "NEWS",
  typeLabel: "要闻动态",
  description: "各县区工作动态",
  parent: "政务动态",
  articles: [
    {
      id: 1201,
      title: "城东区：“15分钟便民生活圈”实现社区全覆盖",
      date: "2026-11-12 10:00",
      source: "城东区人民政府",
      body: [
        "今年以来，城东区新建改造社区综合服务设施23处、便民菜市场6个，“15分钟便民生活圈”实现全区42个社区全覆盖。",
      ],
    },
    {
      id: 1202,
      title: "演示县：冬小麦播种面积稳定在32万亩",
      date: "2026-11-09 16:30",
      source: "演示县人民政府",
      body: [
        "据演示县农业农村局统计，今年全县冬小麦播种面积32.1万亩，较上年增加0.4万亩，目前已全部出苗，苗情长势总体较好。",
      ],
      related: [{ title: "演示县人民政府网站", href: "http://www.demo-county.gov.cn/" }],
    },
    {
      id: 1203,
      title: "新港区：跨境电商产业园首批企业入驻",
      date: "2026-11-04 11:20",
      source: "新港区人民政府",
      body: ["11月3日，新港区跨境电商产业园正式开园，首批18家企业签约入驻，预计年进出口额可达15亿元。"],
    },
    {
      id: 1204,
      title: "城西区：12个老旧小区改造项目全部完工",
      date: "2026-10-30 15:10",
      source: "城西区人民政府",
      body: ["城西区今年实施的12个老旧小区改造项目已全部完工，惠及居民4360户。"],
    },
    {
      id: 1205,
      title: "示范经济技术开发区：前三季度规上工业增加值增长8.2%",
      date: "2026-10-22 09:40",
      source: "示范经济技术开发区管委会",
      body: ["前三季度，示范经济技术开发区规模以上工业增加值同比增长8.2%，高于全市平均水平2.1个百分点。"],
    },
    {
      id: 1206,
      title: "青山县：乡村旅游接待游客突破200万人次",
      date: "2026-10-13 14:50",
      source: "青山县人民政府",
      body: [
        "今年1至9月，青山县乡村旅游累计接待游客201.3万人次，实现旅游收入9.6亿元，同比分别增长17.5%和19.2%。",
      ],
    },
  ],
};

const tzgg: ColumnDef = {
  path: "tzgg",
  name: "通知公告",
  kind: "NOTICE",
  typeLabel: "通知公告",
  description: "示范市人民政府通知公告",
  pageSize: 10,
  articles: [
    {
      id: 1301,
      title: "关于做好2026年冬季供暖期间安全用气工作的通告",
      date: "2026-11-18 08:30",
      source: "示范市城市管理局",
      body: [
        "为保障供暖期间城镇燃气安全稳定供应，现就有关事项通告如下：",
        "一、燃气用户应当按照安全用气规则使用燃气，不得擅自改装、迁移或者拆除燃气设施。",
        "二、使用燃气时应当保持室内通风，发现燃气泄漏应立即关闭阀门、开窗通风，并到室外拨打燃气企业抢修电话。",
        "三、燃气企业应当每年至少为居民用户提供一次免费入户安全检查服务，入户检查人员应当佩戴工作证件。",
        "特此通告。",
      ],
    },
    {
      id: 1302,
      title: "示范市人民政府关于2026年第二批城市道路命名的公告",
      date: "2026-11-16 10:00",
      source: BGS,
      docNo: "示政告〔2026〕7号",
      body: [
        "根据《地名管理条例》和《示范市地名管理办法》有关规定，经市人民政府研究同意，现对城东区、新港区新建的9条城市道路予以命名。",
        "一、城东区：东环二路、紫荆路、海棠街、石榴街。",
        "二、新港区：港兴大道、临港一路、临港二路、海通路、滨海路。",
        "特此公告。",
      ],
    },
    {
      id: 1303,
      title: "关于公开征求《示范市城市绿化管理办法（修订草案征求意见稿）》意见的公告",
      date: "2026-11-13 09:00",
      source: "示范市司法局",
      body: [
        "为增强立法的公开性和透明度，现将《示范市城市绿化管理办法（修订草案征求意见稿）》全文公布，征求社会各界意见。征求意见截止时间为2026年12月13日。",
        "有关意见建议可通过本网站“互动交流—调查征集”栏目提交，也可发送电子邮件至sfj@demo-city.gov.cn。",
      ],
      related: [{ title: "在线提交意见", href: "/hdjl/dczj/202611/t20261113_1701.html" }],
    },
    {
      id: 1304,
      title: "示范市2026年下半年事业单位公开招聘工作人员拟聘用人员公示",
      date: "2026-11-11 17:00",
      source: "示范市人力资源和社会保障局",
      body: [
        "根据《示范市2026年下半年事业单位公开招聘工作人员公告》，经笔试、面试、体检和考察，确定刘某某等46人为拟聘用人员，现予以公示。公示期为2026年11月11日至11月17日（5个工作日）。",
        "公示期间如有异议，请以书面形式向市人社局事业单位人事管理科反映。联系电话：0999-81234620。",
      ],
    },
    {
      id: 1305,
      title: "关于11月份市区部分路段临时交通管制的通告",
      date: "2026-11-06 15:00",
      source: "示范市公安局交通警察支队",
      body: [
        "因人民大道雨污分流改造工程施工需要，2026年11月8日至11月30日，人民大道（和平路至解放路段）实行半幅通行，请过往车辆和行人按照现场交通标志绕行。",
      ],
    },
    {
      id: 1306,
      title: "示范市人民政府关于划定禁止燃放烟花爆竹区域的通告",
      date: "2026-11-03 10:00",
      source: BGS,
      docNo: "示政告〔2026〕6号",
      body: [
        "为保障公共安全和人身财产安全，防治大气污染，根据《烟花爆竹安全管理条例》等有关规定，结合本市实际，现将禁止燃放烟花爆竹区域通告如下。",
        "一、城东区、城西区、新港区建成区范围内禁止燃放烟花爆竹。",
        "二、本通告自2027年1月1日起施行，有效期5年。",
      ],
    },
    {
      id: 1307,
      title: "示范市2026年度第三批政府投资项目计划公示",
      date: "2026-10-30 16:30",
      source: "示范市发展和改革委员会",
      body: ["现将示范市2026年度第三批政府投资项目计划予以公示，公示期7天。"],
      related: [{ title: "示范市发展和改革委员会网站", href: "http://fgw.demo-city.gov.cn/" }],
    },
    {
      id: 1308,
      title: "关于开展2026年度“双随机、一公开”联合抽查工作的通知",
      date: "2026-10-27 11:00",
      source: "示范市市场监督管理局",
      body: [
        "各有关部门：根据年度抽查计划，定于2026年11月至12月开展部门联合“双随机、一公开”抽查，请各部门按照计划按步就班做好抽查、录入和结果公示工作。",
      ],
    },
    {
      id: 1309,
      title: "示范市人民政府办公室关于调整冬季作息时间的通知",
      date: "2026-10-16 09:00",
      source: BGS,
      body: [
        "根据季节变化，经市政府同意，自2026年10月20日起，全市机关事业单位实行冬季作息时间：上午8:30至12:00，下午13:30至17:30。",
      ],
    },
    {
      id: 1310,
      title: "关于举办第五届示范市创新创业大赛的通知",
      date: "2026-10-12 10:20",
      source: "示范市科学技术局",
      body: ["为营造创新创业氛围，市科技局决定举办第五届示范市创新创业大赛。报名截止时间为2026年11月30日。"],
    },
    {
      id: 1311,
      title: "关于做好2026年秋冬季森林防火工作的通知",
      date: "2026-09-28 15:40",
      source: "示范市林业局",
      body: ["2026年10月1日至2027年5月31日为全市森林防火期，期间森林防火区内严禁一切野外用火。"],
    },
    {
      id: 1312,
      title: "示范市住房公积金管理中心关于调整2026年度住房公积金缴存基数的公告",
      date: "2026-09-18 09:30",
      source: "示范市住房公积金管理中心",
      body: [
        "根据上年度全市在岗职工月平均工资，2026年度住房公积金月缴存基数上限调整为27690元，下限为2100元，自2026年7月1日起执行。",
      ],
    },
  ],
};

const zcwj: ColumnDef = {
  path: "zcwj",
  name: "政策文件",
  kind: "POLICY",
  typeLabel: "政策文件",
  description: "示范市人民政府及办公室文件",
  pageSize: 8,
  articles: [
    {
      id: 2001,
      title: "示范市人民政府关于印发示范市进一步优化营商环境若干措施的通知",
      date: "2026-11-10 16:00",
      docNo: "示政发〔2026〕18号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门，各直属机构：",
        "现将《示范市进一步优化营商环境若干措施》印发给你们，请认真贯彻执行。",
        "示范市人民政府",
        "2026年11月8日",
        "（此件公开发布）",
      ],
      attachments: [
        { name: "示范市进一步优化营商环境若干措施.pdf", href: "/zcwj/attach/2026yshj-cs.pdf" },
        { name: "重点任务分工表.doc", href: "/zcwj/attach/2026yshj-fgb.doc" },
      ],
      related: [
        { title: "《示范市进一步优化营商环境若干措施》政策解读", href: "/zcjd/202611/t20261112_2101.html" },
      ],
    },
    {
      id: 2002,
      title: "示范市人民政府办公室关于印发示范市老旧小区改造三年行动方案（2026—2028年）的通知",
      date: "2026-10-26 10:00",
      docNo: "示政办发〔2026〕31号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门：",
        "《示范市老旧小区改造三年行动方案（2026—2028年）》已经市政府同意，现印发给你们，请结合实际认真组织实施。",
        "示范市人民政府办公室",
        "2026年10月24日",
      ],
      attachments: [{ name: "2026年老旧小区改造项目清单.pdf", href: "/zcwj/attach/2026lxxq-qd.pdf" }],
      related: [
        { title: "一图读懂《示范市老旧小区改造三年行动方案》", href: "/zcjd/202610/t20261028_2102.html" },
      ],
    },
    {
      id: 2003,
      title: "示范市人民政府关于促进民营经济高质量发展的实施意见",
      date: "2026-10-09 15:30",
      docNo: "示政发〔2026〕16号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门，各直属机构：",
        "为进一步优化民营经济发展环境，激发民营经济发展活力，结合我市实际，提出如下实施意见。",
        "一、持续破除市场准入壁垒。二、全面落实公平竞争政策。三、完善融资支持政策制度。四、强化民营经济发展法治保障。",
        "示范市人民政府",
        "2026年9月30日",
      ],
    },
    {
      id: 2004,
      title: "示范市人民政府办公室关于加强城市排水防涝工作的通知",
      date: "2026-09-15 09:00",
      docNo: "示政办发〔2026〕27号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门：",
        "为切实提高城市排水防涝能力，保障人民群众生命财产安全，经市政府同意，现就加强城市排水防涝工作通知如下。",
        "示范市人民政府办公室",
        "2026年9月12日",
      ],
    },
    {
      id: 2005,
      title: "示范市人民政府关于调整城乡居民基本医疗保险政策的通知",
      date: "2026-08-20 10:30",
      docNo: "示政发〔2026〕14号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门：",
        "为进一步减轻城乡居民医疗费用负担，经市政府研究，决定自2027年1月1日起调整城乡居民基本医疗保险有关政策。原《示范市城乡居民基本医疗保险实施办法》（示政发〔2025〕11号）中与本通知不一致的，以本通知为准。",
        "示范市人民政府",
        "2026年8月18日",
      ],
      related: [
        {
          title: "示范市城乡居民基本医疗保险实施办法（示政发〔2025〕11号）",
          href: "/zcwj/2025/t20250812_0931.html",
        },
        { title: "城乡居民医保政策调整问答", href: "/zcjd/202608/t20260822_2104.html" },
      ],
    },
    {
      id: 2006,
      title: "示范市人民政府办公室关于印发示范市生活垃圾分类管理实施方案的通知",
      date: "2026-07-08 16:10",
      docNo: "示政办发〔2026〕19号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门：",
        "《示范市生活垃圾分类管理实施方案》已经市政府同意，现印发给你们，请认真贯彻落实。",
        "示范市人民政府办公室",
        "2026年7月6日",
      ],
    },
    {
      id: 2007,
      title: "示范市人民政府关于公布市级行政许可事项清单（2026年版）的通知",
      date: "2026-05-26 11:00",
      docNo: "示政发〔2026〕9号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门：",
        "现将《示范市市级行政许可事项清单（2026年版）》予以公布，共计行政许可事项218项。",
        "示范市人民政府",
        "2026年5月22日",
      ],
      attachments: [
        { name: "示范市市级行政许可事项清单（2026年版）.xlsx", href: "/zcwj/attach/xzxk-qd-2026.xlsx" },
      ],
    },
    {
      id: 2008,
      title: "示范市人民政府关于印发2026年市政府工作报告重点任务分工方案的通知",
      date: "2026-03-30 09:30",
      docNo: "示政发〔2026〕5号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门：",
        "现将2026年市政府工作报告重点任务分工方案印发给你们，请认真抓好落实。",
      ],
    },
    {
      id: 2009,
      title: "示范市人民政府办公室关于做好2026年春节期间有关工作的通知",
      date: "2026-01-15 10:00",
      docNo: "示政办发〔2026〕2号",
      source: BGS,
      body: [
        "各县区人民政府，市政府各部门：",
        "2026年春节将至，为确保全市人民度过一个欢乐祥和的节日，现就有关工作通知如下。",
      ],
    },
  ],
};

const zcjd: ColumnDef = {
  path: "zcjd",
  name: "政策解读",
  kind: "INTERPRETATION",
  typeLabel: "政策解读",
  description: "政策文件解读",
  articles: [
    {
      id: 2101,
      title: "《示范市进一步优化营商环境若干措施》政策解读",
      date: "2026-11-12 10:00",
      source: "示范市营商环境建设局",
      body: [
        "一、出台背景。为深入贯彻国家和省关于优化营商环境的决策部署，进一步降低制度性交易成本，市营商环境建设局会同有关部门研究起草了《若干措施》。",
        "二、主要内容。《若干措施》共5个方面25条，包括提升政务服务效能、优化市场准入环境、强化要素保障、加强企业权益保护、完善监督评价机制等。",
        "三、政策亮点。推行企业开办“一日办结”，工程建设项目审批全流程压缩至60个工作日以内，涉企行政检查实行“一次进门、综合查”。",
      ],
      related: [
        {
          title: "政策原文：示范市人民政府关于印发示范市进一步优化营商环境若干措施的通知",
          href: "/zcwj/202611/t20261110_2001.html",
        },
      ],
    },
    {
      id: 2102,
      title: "一图读懂《示范市老旧小区改造三年行动方案（2026—2028年）》",
      date: "2026-10-28 15:00",
      source: "示范市住房和城乡建设局",
      body: ["三年内全市将改造2000年底前建成的老旧小区386个，涉及居民5.2万户。"],
      images: [{ src: "/images/zcjd/lxxq-ytdd.png", alt: "一图读懂老旧小区改造三年行动方案" }],
      related: [{ title: "政策原文", href: "/zcwj/202610/t20261026_2002.html" }],
    },
    {
      id: 2103,
      title: "《关于促进民营经济高质量发展的实施意见》解读",
      date: "2026-10-12 09:30",
      source: "示范市发展和改革委员会",
      body: [
        "《实施意见》从市场准入、公平竞争、融资支持、法治保障等方面提出了20条具体举措。",
        "在融资支持方面，明确设立10亿元民营企业转贷应急资金，对符合条件的民营企业提供低成本过桥资金。",
      ],
      related: [{ title: "政策原文", href: "/zcwj/202610/t20261009_2003.html" }],
    },
    {
      id: 2104,
      title: "城乡居民医保政策调整问答",
      date: "2026-08-22 16:00",
      source: "示范市医疗保障局",
      body: [
        "问：此次政策调整主要有哪些变化？答：主要有三项变化：一是提高住院报销比例；二是扩大门诊慢特病病种范围；三是降低大病保险起付线。",
        "问：调整后的政策什么时候开始执行？答：自2027年1月1日起执行。",
      ],
      related: [{ title: "政策原文", href: "/zcwj/202608/t20260820_2005.html" }],
    },
    {
      id: 2105,
      title: "《示范市生活垃圾分类管理实施方案》解读",
      date: "2026-07-10 10:40",
      source: "示范市城市管理局",
      body: ["《实施方案》明确，到2026年底，全市城区生活垃圾分类覆盖率达到95%以上，回收利用率达到38%以上。"],
      related: [{ title: "政策原文", href: "/zcwj/202607/t20260708_2006.html" }],
    },
  ],
};

function guideTable(rows: Array<[string, string]>): string {
  const trs = rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("\n");
  return `<table class="guide" border="1" cellspacing="0" cellpadding="6">\n${trs}\n</table>`;
}

const bszn: ColumnDef = {
  path: "bsfw/bszn",
  name: "办事指南",
  kind: "SERVICE_GUIDE",
  typeLabel: "办事服务",
  description: "市级政务服务事项办事指南",
  parent: "办事服务",
  articles: [
    {
      id: 1601,
      title: "个体工商户设立登记办事指南",
      date: "2026-11-05 09:00",
      source: "示范市市场监督管理局",
      body: [],
      html: guideTable([
        ["事项名称", "个体工商户设立登记"],
        ["设定依据", "《促进个体工商户发展条例》《中华人民共和国市场主体登记管理条例》"],
        ["申请条件", "有经营能力的自然人，依法经登记机关登记，从事工商业经营。"],
        ["办理材料", "1.个体工商户登记（备案）申请书；2.经营者身份证件；3.经营场所使用相关文件。"],
        ["办理地点", "示范市政务服务中心一楼市场监管窗口（城东区人民大道9号）"],
        ["办理时间", "周一至周五 上午8:30—12:00，下午13:30—17:30（法定节假日除外）"],
        ["收费标准", "不收费"],
        ["办理时限", "即时办结"],
        ["联系电话", "0999-81234301"],
        ["办理流程", "申请—受理—审核—决定—发照"],
      ]),
    },
    {
      id: 1602,
      title: "居民身份证换领办事指南",
      date: "2026-10-18 10:00",
      source: "示范市公安局",
      body: [],
      html: guideTable([
        ["事项名称", "居民身份证换领"],
        ["设定依据", "《中华人民共和国居民身份证法》"],
        ["申请条件", "居民身份证有效期满、证件损坏或登记项目变更的。"],
        ["办理材料", "原居民身份证；户口簿。"],
        ["办理地点", "户籍所在地或居住地公安派出所户籍窗口"],
        ["办理时间", "周一至周五 上午8:30—12:00，下午13:30—17:30；周六上午9:00—12:00"],
        ["收费标准", "20元/证"],
        ["办理时限", "60日"],
        ["联系电话", "0999-81234110"],
        ["办理流程", "申请—采集信息—审核—制证—领证"],
      ]),
    },
    {
      id: 1603,
      title: "城乡居民基本养老保险参保登记办事指南",
      date: "2026-09-22 15:00",
      source: "示范市人力资源和社会保障局",
      body: [],
      html: guideTable([
        ["事项名称", "城乡居民基本养老保险参保登记"],
        ["设定依据", "《中华人民共和国社会保险法》"],
        [
          "申请条件",
          "年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险覆盖范围的城乡居民。",
        ],
        ["办理材料", "居民身份证或户口簿。"],
        ["办理地点", "户籍所在地乡镇（街道）便民服务中心"],
        ["办理时间", "周一至周五 上午8:30—12:00，下午13:30—17:30"],
        ["收费标准", "不收费"],
        ["联系电话", "0999-81234333"],
        ["办理流程", "申请—受理—登记"],
      ]),
      attachments: [{ name: "城乡居民基本养老保险参保登记表.docx", href: "/bsfw/attach/cxjm-yl-cbdjb.docx" }],
    },
    {
      id: 1604,
      title: "建筑工程施工许可证核发办事指南",
      date: "2026-08-10 11:00",
      source: "示范市住房和城乡建设局",
      body: [],
      html: guideTable([
        ["事项名称", "建筑工程施工许可证核发"],
        ["申请条件", "已经办理该建筑工程用地批准手续；已取得规划许可证；施工场地已经基本具备施工条件。"],
        ["办理材料", "1.建筑工程施工许可申请表；2.施工合同；3.安全施工措施资料。"],
        ["办理地点", "示范市政务服务中心二楼住建窗口"],
        ["联系电话", "0999-81234356"],
      ]),
    },
    {
      id: 1605,
      title: "公共场所卫生许可办事指南",
      date: "2026-06-15 09:30",
      source: "示范市卫生健康委员会",
      body: [],
      html: guideTable([
        ["事项名称", "公共场所卫生许可"],
        ["设定依据", "《公共场所卫生管理条例》"],
        ["申请条件", "具备与经营规模相适应的卫生设施，从业人员取得有效健康合格证明。"],
        ["办理材料", "1.卫生许可证申请表；2.法定代表人或负责人身份证明；3.卫生管理制度。"],
        ["办理地点", "示范市政务服务中心二楼卫健窗口"],
        ["办理时间", "周一至周五 上午8:30—12:00，下午13:30—17:30"],
        ["收费标准", "不收费"],
        ["联系电话", "0999-81234388"],
        ["办理流程", "申请—受理—现场审查—决定—发证"],
      ]),
    },
  ],
};

function message(asked: string, question: string, answerDate: string, unit: string, answer: string): string {
  return `<table class="letter" border="1" cellspacing="0" cellpadding="6">
<tr><th>留言时间</th><td>${esc(asked)}</td></tr>
<tr><th>留言内容</th><td>${esc(question)}</td></tr>
<tr><th>答复时间</th><td>${esc(answerDate)}</td></tr>
<tr><th>答复单位</th><td>${esc(unit)}</td></tr>
<tr><th>答复内容</th><td>${esc(answer)}</td></tr>
</table>`;
}

const zxly: ColumnDef = {
  path: "hdjl/zxly",
  name: "咨询留言",
  kind: "INTERACTION",
  typeLabel: "互动交流",
  description: "市长信箱和咨询留言选登",
  parent: "互动交流",
  articles: [
    {
      id: 1501,
      title: "关于城东区人民大道夜间施工噪音的咨询",
      date: "2026-11-16 21:14",
      body: [],
      html: message(
        "2026-11-16 21:14",
        "人民大道雨污分流工程每天晚上11点以后还在施工，噪音很大，请问是否办理了夜间施工许可？",
        "2026-11-18 10:20",
        "示范市生态环境局",
        "经核实，该工程已办理夜间施工证明，许可时段为22:00至次日2:00。我局已要求施工单位采取降噪措施，并严格按照许可时段施工。感谢您的监督。",
      ),
    },
    {
      id: 1502,
      title: "咨询灵活就业人员医保缴费问题",
      date: "2026-11-10 09:32",
      body: [],
      html: message(
        "2026-11-10 09:32",
        "我是灵活就业人员，想问一下2027年度职工医保缴费基数是多少，在哪里缴费？",
        "2026-11-12 15:05",
        "示范市医疗保障局",
        "2027年度缴费基数将于12月公布。您可通过演示省政务服务网、手机APP或各县区医保经办大厅缴费。",
      ),
    },
    {
      id: 1503,
      title: "关于新港区公交线路调整的建议",
      date: "2026-11-02 18:40",
      body: [],
      html: message(
        "2026-11-02 18:40",
        "建议延长56路公交至跨境电商产业园，方便园区员工上下班。",
        "2026-11-06 11:30",
        "示范市交通运输局",
        "您的建议已收悉。我局已会同公交集团开展客流调查，计划于12月起将56路延伸至产业园。",
      ),
    },
    {
      id: 1504,
      title: "孩子入学户籍问题咨询",
      date: "2026-10-25 20:03",
      body: [],
      html: message(
        "2026-10-25 20:03",
        "我们全家户口在演示县，在城东区买了房，孩子明年上小学能否在城东区入学？",
        "2026-10-28 16:40",
        "示范市教育局",
        "根据我市义务教育招生政策，在城区有合法固定住所并实际居住的非本区户籍适龄儿童，可凭房产证明和居住证明在学区内申请入学。具体以2027年招生公告为准。",
      ),
    },
    {
      id: 1505,
      title: "询问住房公积金提取办理方式",
      date: "2026-10-11 13:22",
      body: [],
      html: message(
        "2026-10-11 13:22",
        "租房提取住房公积金需要哪些材料，可以网上办理吗？",
        "2026-10-14 09:50",
        "示范市住房公积金管理中心",
        "租房提取可通过公积金中心网上服务大厅办理，无需提交纸质材料，每年可提取一次。",
      ),
    },
    {
      id: 1506,
      title: "关于老旧小区加装电梯的建议",
      date: "2026-09-20 10:10",
      body: [],
      html: message(
        "2026-09-20 10:10",
        "我们小区是1998年建的6层楼房，老人多，希望政府支持加装电梯。",
        "2026-09-27 14:30",
        "示范市住房和城乡建设局",
        "我市对既有住宅加装电梯给予每部15万元的财政补贴。请您所在单元业主协商一致后，向所在街道提出申请。",
      ),
    },
  ],
};

const dczj: ColumnDef = {
  path: "hdjl/dczj",
  name: "调查征集",
  kind: "INTERACTION",
  typeLabel: "互动交流",
  description: "意见征集和问卷调查",
  parent: "互动交流",
  articles: [
    {
      id: 1701,
      title: "《示范市城市绿化管理办法（修订草案征求意见稿）》公开征求意见",
      date: "2026-11-13 09:00",
      source: "示范市司法局",
      body: ["征集时间：2026年11月13日至2026年12月13日。", "请在下方表单中填写您的意见建议。"],
      html: `<form action="/hdjl/dczj/submit" method="post"><p><label>姓名（可不填）：<input type="text" name="name"></label></p><p><label>意见建议：<textarea name="content" rows="6" cols="60"></textarea></label></p><p><button type="submit">提交</button></p></form>`,
    },
    {
      id: 1702,
      title: "2027年市政府民生实事项目征集结果反馈",
      date: "2026-10-10 15:00",
      source: BGS,
      body: [
        "2026年9月5日至9月30日，我市公开征集2027年市政府民生实事项目，共收到意见建议1326条。",
        "经梳理汇总，老旧小区改造、中小学学位扩充、社区养老服务等12个方面的建议被纳入2027年民生实事项目备选库。",
      ],
    },
    {
      id: 1703,
      title: "示范市政务服务满意度问卷调查",
      date: "2026-05-20 10:00",
      source: "示范市营商环境建设局",
      body: ["调查时间：2026年5月20日至6月20日。调查已结束，感谢您的参与。"],
    },
  ],
};

const zxft: ColumnDef = {
  path: "hdjl/zxft",
  name: "在线访谈",
  kind: "INTERACTION",
  typeLabel: "互动交流",
  description: "部门负责人在线访谈",
  parent: "互动交流",
  articles: [
    {
      id: 1801,
      title: "市人社局局长王某某谈“稳就业促增收”",
      date: "2026-10-30 15:00",
      source: "示范市人力资源和社会保障局",
      body: [
        "主持人：各位网友大家好，今天我们邀请到市人社局局长王某某，围绕稳就业促增收与大家在线交流。",
        "王某某：今年以来，全市城镇新增就业4.6万人，城镇调查失业率控制在5.5%以内。我们将重点做好高校毕业生、农民工等重点群体就业工作。",
      ],
    },
    {
      id: 1802,
      title: "市营商环境建设局负责人解读“高效办成一件事”改革",
      date: "2026-06-18 10:00",
      source: "示范市营商环境建设局",
      body: [
        "访谈嘉宾介绍了我市推行“高效办成一件事”改革的进展情况，目前已上线新生儿出生、企业开办等13个“一件事”套餐。",
      ],
    },
  ],
};

const columns: ColumnDef[] = [jrsf, bmdt, qxdt, tzgg, zcwj, zcjd, bszn, zxly, dczj, zxft];
validateColumns(columns);

function articleUrl(column: ColumnDef, article: ArticleDef): string {
  if (article.href) return article.href;
  const [y, m, d] = parts(article.date);
  return `/${column.path}/${y}${m}/t${y}${m}${d}_${article.id}.html`;
}

function listUrl(column: ColumnDef, pageIndex: number): string {
  return `/${column.path}/${pageIndex === 0 ? "" : `index_${pageIndex}.html`}`;
}

interface PageOpts {
  title: string;
  body: string;
  metas?: string[];
  /** Override of the <meta charset> (the legacy archive page declares gb2312 although it is UTF-8). */
  charset?: string;
  activeNav?: string;
}

function page(opts: PageOpts): string {
  const nav = NAV.map(
    (n) => `<li${n.name === opts.activeNav ? ' class="on"' : ""}><a href="${n.href}">${esc(n.name)}</a></li>`,
  ).join("\n");
  const metas = [
    metaTag("SiteName", NAME),
    metaTag("SiteDomain", HOST),
    metaTag("SiteIDCode", footer.siteIdCode),
    ...(opts.metas ?? []),
  ].join("\n");
  const lines = footerLines(footer)
    .map((l) => `<p>${l}</p>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${opts.charset ?? "utf-8"}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
${metas}
<link rel="stylesheet" href="/css/style.css">
<link rel="icon" href="/favicon.ico">
</head>
<body>
<div class="topbar"><div class="wrap"><span>欢迎访问示范市人民政府门户网站</span><span class="right"><a href="/wzdt/">网站地图</a> | <a href="http://www.demo-province.gov.cn/" target="_blank">演示省人民政府</a></span></div></div>
<div class="header"><div class="wrap">
<a href="/" class="logo"><img src="/images/logo.png" alt="示范市人民政府" width="420" height="60"></a>
<form class="search" action="/search/" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form>
</div></div>
<div class="nav"><div class="wrap"><ul>
${nav}
</ul></div></div>
<div class="main wrap">
${opts.body}
</div>
<div class="footer"><div class="wrap">
<div class="footer-links"><a href="/wzdt/">网站地图</a> | <a href="/jggk/lxwm/">联系我们</a> | <a href="/admin/login.html">网站管理</a></div>
<div class="badges">${conacBadge(footer, CONAC_ID)}${jiucuoLink(footer)}</div>
<div class="info">
${lines}
</div>
</div></div>
</body>
</html>
`;
}

function columnMetas(column: ColumnDef): string[] {
  return [
    metaTag("ColumnName", column.name),
    metaTag("ColumnDescription", column.description),
    metaTag("ColumnKeywords", `${column.name},${column.parent ?? column.name},示范市`),
    metaTag("ColumnType", column.typeLabel),
  ];
}

function topNavOf(column: ColumnDef): string {
  return column.parent ?? column.name;
}

function crumbs(column: ColumnDef): string {
  const parentLink = column.parent
    ? ` &gt; <a href="${NAV.find((n) => n.name === column.parent)?.href ?? "/"}">${esc(column.parent)}</a>`
    : "";
  return `<div class="position">当前位置：<a href="/">首页</a>${parentLink} &gt; <a href="${listUrl(column, 0)}">${esc(column.name)}</a></div>`;
}

function listItem(column: ColumnDef, a: ArticleDef, relativeTo?: string): string {
  let href = articleUrl(column, a);
  if (relativeTo && href.startsWith(relativeTo)) href = `./${href.slice(relativeTo.length)}`;
  return `<li><a href="${esc(href)}" target="_blank" title="${esc(a.title)}">${esc(a.title)}</a><span class="date">${ymd(a.date)}</span></li>`;
}

function renderList(column: ColumnDef, files: SiteFiles): void {
  const articles = sortNewestFirst(column.articles);
  const pages = paginate(articles, column.pageSize ?? 10);
  pages.forEach((items, i) => {
    const base = `/${column.path}/`;
    const pager =
      pages.length > 1
        ? `<div class="page">共${articles.length}条 第${i + 1}/${pages.length}页 ` +
          `<a href="index.html">首页</a> ` +
          (i > 0 ? `<a href="${i - 1 === 0 ? "index.html" : `index_${i - 1}.html`}">上一页</a> ` : "") +
          (i < pages.length - 1 ? `<a href="index_${i + 1}.html">下一页</a> ` : "") +
          `<a href="${pages.length - 1 === 0 ? "index.html" : `index_${pages.length - 1}.html`}">尾页</a></div>`
        : "";
    const list =
      items.length > 0
        ? `<ul class="list">\n${items.map((a) => listItem(column, a, base)).join("\n")}\n</ul>`
        : `<div class="empty">${esc(column.emptyText ?? "暂无信息")}</div>`;
    const siblings = columns.filter((c) => c.parent && c.parent === column.parent);
    const side =
      siblings.length > 0
        ? `<div class="side"><h3>${esc(column.parent ?? "")}</h3><ul>${siblings.map((s) => `<li><a href="${listUrl(s, 0)}">${esc(s.name)}</a></li>`).join("")}</ul></div>`
        : "";
    const html = page({
      title: `${column.name}_${NAME}`,
      metas: columnMetas(column),
      activeNav: topNavOf(column),
      body: `${crumbs(column)}\n${side}<div class="content-box"><h2 class="column-title">${esc(column.name)}</h2>\n${list}\n${pager}</div>`,
    });
    files.set(`${column.path}/${i === 0 ? "index.html" : `index_${i}.html`}`, html);
  });
}

function renderArticle(column: ColumnDef, a: ArticleDef, files: SiteFiles): void {
  if (a.missing || a.href) return;
  const docNo = a.docNo ? `<div class="docno">文号：${esc(a.docNo)}</div>` : "";
  const html = page({
    title: `${a.title}_${NAME}`,
    activeNav: topNavOf(column),
    metas: [
      ...columnMetas(column),
      metaTag("ArticleTitle", a.title),
      metaTag("PubDate", a.date),
      metaTag("ContentSource", a.source ?? NAME),
      metaTag("Keywords", `${column.name},示范市`),
      metaTag("Description", a.body[0] ?? a.title),
    ],
    body: `${crumbs(column)}
<div class="article">
<h1>${esc(a.title)}</h1>
<div class="info"><span>发布时间：${esc(a.date)}</span><span>来源：${esc(a.source ?? NAME)}</span><span>字号：[ 大 中 小 ]</span></div>
${docNo}
<div class="content">
${imagesHtml(a.images)}
${paragraphs(a.body)}
${a.html ?? ""}
</div>
${attachmentsHtml(a.attachments)}
${relatedHtml(a.related)}
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>`,
  });
  files.set(articleUrl(column, a).slice(1), html);
}

function block(title: string, more: string, items: string[], cls = ""): string {
  return `<div class="block ${cls}"><div class="block-head"><h3>${esc(title)}</h3><a class="more" href="${more}">更多&gt;&gt;</a></div>
<ul class="list">
${items.join("\n")}
</ul></div>`;
}

function top(column: ColumnDef, n: number): string[] {
  return sortNewestFirst(column.articles)
    .slice(0, n)
    .map((a) => listItem(column, a));
}

function renderHome(files: SiteFiles): void {
  const body = `<div class="banner"><img src="/images/banner.png" alt="示范市欢迎您" width="1200" height="200"></div>
<div class="row">
<div class="focus"><a href="/zwdt/jrsf/202611/t20261118_1002.html"><img src="/images/news/20261118-kg.png" alt="我市举行2026年第四季度重点项目集中开工活动" width="480" height="300"></a><p>我市举行2026年第四季度重点项目集中开工活动</p></div>
${block("今日示范", "/zwdt/jrsf/", top(jrsf, 7), "news")}
</div>
<div class="row">
${block("部门动态", "/zwdt/bmdt/", top(bmdt, 5))}
${block("区县动态", "/zwdt/qxdt/", top(qxdt, 5))}
</div>
<div class="row">
${block("通知公告", "/tzgg/", top(tzgg, 7))}
${block("政策文件", "/zcwj/", top(zcwj, 5))}
${block("政策解读", "/zcjd/", top(zcjd, 4))}
</div>
<div class="row service">
<div class="block"><div class="block-head"><h3>办事服务</h3><a class="more" href="/bsfw/">更多&gt;&gt;</a></div>
<ul class="entries">
<li><a href="http://zwfw.demo-province.gov.cn/sfs/" target="_blank">演示省政务服务网示范市站点</a></li>
<li><a href="/bsfw/bszn/">办事指南</a></li>
<li><a href="http://old-system.demo-city.invalid/" target="_blank">原网上办事大厅（旧版）</a></li>
<li><a href="/sjfb/tjyb/2026-10.html">统计月报查询</a></li>
<li><a href="/old/jgsz.html">机构设置</a></li>
</ul></div>
<div class="block"><div class="block-head"><h3>互动交流</h3><a class="more" href="/hdjl/">更多&gt;&gt;</a></div>
<ul class="entries">
<li><a href="/hdjl/zxly/">咨询留言</a></li>
<li><a href="/hdjl/dczj/">调查征集</a></li>
<li><a href="/hdjl/zxft/">在线访谈</a></li>
<li><a href="/calendar/?date=2026-11-20">政务活动日历</a></li>
</ul></div>
</div>
<div class="row zt">
<div class="block"><div class="block-head"><h3>专题专栏</h3></div>
<ul class="zt-list">
<li><a href="/zt/2026yshj/"><img src="/images/zt/yshj-banner.jpg" alt="优化营商环境专题" width="380" height="90"></a></li>
<li><a href="/zt/2019wmcs/">2019年创建全国文明城市专题（已归档）</a></li>
</ul></div>
</div>
<div class="row links"><h3>友情链接</h3>
<a href="http://www.gov.cn/" target="_blank">中国政府网</a>
<a href="http://www.demo-province.gov.cn/" target="_blank">演示省人民政府</a>
<a href="http://fgw.demo-city.gov.cn/" target="_blank">示范市发展和改革委员会</a>
<a href="http://jyj.demo-city.gov.cn/" target="_blank">示范市教育局</a>
<a href="http://www.demo-county.gov.cn/" target="_blank">演示县人民政府</a>
<a href="http://www.demo-city.gov.cn/bmwz/rsj/" target="_blank">示范市人力资源和社会保障局</a>
</div>`;
  files.set("index.html", page({ title: NAME, body, activeNav: "首页" }));
}

function renderOverview(
  path: string,
  title: string,
  subs: ColumnDef[],
  extra: string,
  files: SiteFiles,
  typeLabel: string,
): void {
  const blocks = subs.map((c) => block(c.name, listUrl(c, 0), top(c, 5))).join("\n");
  files.set(
    `${path}/index.html`,
    page({
      title: `${title}_${NAME}`,
      activeNav: title,
      metas: [metaTag("ColumnName", title), metaTag("ColumnType", typeLabel)],
      body: `<div class="position">当前位置：<a href="/">首页</a> &gt; ${esc(title)}</div>\n${blocks}\n${extra}`,
    }),
  );
}

function staticPage(
  path: string,
  title: string,
  crumb: string,
  html: string,
  files: SiteFiles,
  charset?: string,
): void {
  files.set(
    path,
    page({
      title: `${title}_${NAME}`,
      activeNav: "机构概况",
      charset,
      metas: [metaTag("ColumnName", title), metaTag("ColumnType", "机构概况")],
      body: `<div class="position">当前位置：<a href="/">首页</a> &gt; ${crumb}</div>\n<div class="article"><h1>${esc(title)}</h1>\n<div class="content">${html}</div></div>`,
    }),
  );
}

const CSS = `body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333}
a{color:#333;text-decoration:none}a:hover{color:#c00}
.wrap{width:1200px;margin:0 auto}
.topbar{background:#f5f5f5;height:32px;line-height:32px}.topbar .right{float:right}
.header{background:#b30000;height:100px}.header .logo img{margin-top:20px}.header .search{float:right;margin-top:34px}
.nav{background:#8f0000}.nav ul{margin:0;padding:0;list-style:none;overflow:hidden}.nav li{float:left}.nav li a{display:block;padding:0 26px;line-height:46px;color:#fff;font-size:16px}.nav li.on a{background:#6d0000}
.row{overflow:hidden;margin:12px 0}.block{float:left;width:380px;margin-right:20px}.block-head{border-bottom:2px solid #b30000;overflow:hidden}.block-head h3{float:left;margin:0;color:#b30000}.block-head .more{float:right;font-size:12px}
.list{margin:0;padding:0;list-style:none}.list li{overflow:hidden;border-bottom:1px dashed #ddd}.list li .date{float:right;color:#999}
.article h1{text-align:center;font-size:24px;color:#b30000}.article .info{text-align:center;color:#666}.article .info span{margin:0 10px}
.footer{background:#8f0000;color:#fff;text-align:center;padding:16px 0}.footer a{color:#fff}
`;

function build(): SiteFiles {
  const files: SiteFiles = new Map();
  renderHome(files);
  for (const column of columns) {
    renderList(column, files);
    for (const a of column.articles) renderArticle(column, a, files);
  }
  renderOverview("zwdt", "政务动态", [jrsf, bmdt, qxdt], "", files, "要闻动态");
  renderOverview("hdjl", "互动交流", [zxly, dczj, zxft], "", files, "互动交流");
  renderOverview(
    "bsfw",
    "办事服务",
    [bszn],
    `<div class="block"><div class="block-head"><h3>在线办事</h3></div><ul class="entries">
<li><a href="http://zwfw.demo-province.gov.cn/sfs/" target="_blank">演示省政务服务网示范市站点</a></li>
<li><a href="http://zwfw.demo-province.gov.cn/sfs/gr/">个人办事</a></li>
<li><a href="http://zwfw.demo-province.gov.cn/sfs/fr/">法人办事</a></li>
</ul></div>`,
    files,
    "办事服务",
  );
  files.set(
    "jggk/index.html",
    page({
      title: `机构概况_${NAME}`,
      activeNav: "机构概况",
      metas: [metaTag("ColumnName", "机构概况"), metaTag("ColumnType", "机构概况")],
      body: `<div class="position">当前位置：<a href="/">首页</a> &gt; 机构概况</div>
<ul class="entries">
<li><a href="/jggk/ldxx/">领导信息</a></li>
<li><a href="/jggk/jgzn/">机构职能</a></li>
<li><a href="/jggk/sqgk/">市情概况</a></li>
<li><a href="/jggk/lxwm/">联系我们</a></li>
</ul>`,
    }),
  );
  staticPage(
    "jggk/ldxx/index.html",
    "领导信息",
    `<a href="/jggk/">机构概况</a> &gt; 领导信息`,
    `<ul class="leaders">
<li><strong>张某某</strong>\u3000市委副书记、市长，主持市政府全面工作。</li>
<li><strong>李某某</strong>\u3000副市长，负责发展改革、工业和信息化、商务等方面工作。</li>
<li><strong>王某某</strong>\u3000副市长，负责城市管理、住房和城乡建设、交通运输等方面工作。</li>
<li><strong>赵某某</strong>\u3000副市长，负责教育、卫生健康、民政、人力资源和社会保障等方面工作。</li>
<li><strong>陈某某</strong>\u3000市政府秘书长，负责市政府办公室日常工作。</li>
</ul>`,
    files,
  );
  staticPage(
    "jggk/jgzn/index.html",
    "机构职能",
    `<a href="/jggk/">机构概况</a> &gt; 机构职能`,
    `<p>示范市人民政府设工作部门26个，直属特设机构1个，直属事业单位5个。</p>
<table border="1" cellspacing="0" cellpadding="6">
<tr><th>部门</th><th>网站</th><th>办公电话</th></tr>
<tr><td>示范市发展和改革委员会</td><td><a href="http://fgw.demo-city.gov.cn/">fgw.demo-city.gov.cn</a></td><td>0999-81234201</td></tr>
<tr><td>示范市教育局</td><td><a href="http://jyj.demo-city.gov.cn/">jyj.demo-city.gov.cn</a></td><td>0999-81234211</td></tr>
<tr><td>示范市人力资源和社会保障局</td><td>（并入市政府门户网站）</td><td>0999-81234620</td></tr>
<tr><td>示范市住房和城乡建设局</td><td>（并入市政府门户网站）</td><td>0999-81234350</td></tr>
</table>`,
    files,
  );
  staticPage(
    "jggk/sqgk/index.html",
    "市情概况",
    `<a href="/jggk/">机构概况</a> &gt; 市情概况`,
    `<p>示范市位于演示省东部沿海，总面积7842平方公里，辖3个区、2个县，2025年末常住人口386.5万人。</p>
<p>2025年，全市实现地区生产总值3268.4亿元，同比增长5.6%；一般公共预算收入215.7亿元。</p>
<p><a href="/zwgk/lsda/t20091015_101.html">示范市历史沿革（存档资料）</a></p>`,
    files,
  );
  staticPage(
    "jggk/lxwm/index.html",
    "联系我们",
    `<a href="/jggk/">机构概况</a> &gt; 联系我们`,
    `<p>地址：演示省示范市城东区人民大道1号</p><p>邮编：999000</p><p>联系电话：0999-81234567</p><p>电子邮箱：szfwz@demo-city.gov.cn</p>`,
    files,
  );
  // A page migrated from the old GB2312 system: the bytes are UTF-8 (the server says so in the
  // Content-Type header) but the <meta> still declares gb2312. The header wins.
  staticPage(
    "zwgk/lsda/t20091015_101.html",
    "示范市历史沿革",
    `<a href="/jggk/">机构概况</a> &gt; 历史沿革`,
    `<p>示范市历史悠久，秦时属东海郡。1949年设示范县，1983年撤县设市。</p><p>（本页面自原网站迁移，发布时间：2009-10-15）</p>`,
    files,
    "gb2312",
  );
  // Pages only reachable through sitemap.xml.
  files.set(
    "zt/2026yshj/index.html",
    page({
      title: `优化营商环境专题_${NAME}`,
      metas: [metaTag("ColumnName", "优化营商环境专题"), metaTag("ColumnType", "专题专栏")],
      body: `<div class="position">当前位置：<a href="/">首页</a> &gt; 专题专栏 &gt; 优化营商环境</div>
<ul class="list">
<li><a href="/zcwj/202611/t20261110_2001.html">示范市进一步优化营商环境若干措施</a><span class="date">2026-11-10</span></li>
<li><a href="/zcjd/202611/t20261112_2101.html">《示范市进一步优化营商环境若干措施》政策解读</a><span class="date">2026-11-12</span></li>
</ul>`,
    }),
  );
  files.set(
    "zt/2026grqn/index.html",
    page({
      title: `冬季供暖保障专题_${NAME}`,
      metas: [metaTag("ColumnName", "冬季供暖保障专题"), metaTag("ColumnType", "专题专栏")],
      body: `<div class="position">当前位置：<a href="/">首页</a> &gt; 专题专栏 &gt; 冬季供暖保障</div>
<ul class="list">
<li><a href="/zwdt/jrsf/202611/t20261117_1003.html">全市冬季供暖工作会议召开</a><span class="date">2026-11-17</span></li>
<li><a href="/zt/2026grqn/rxdh.html">供暖服务热线电话一览</a><span class="date">2026-11-15</span></li>
</ul>`,
    }),
  );
  files.set(
    "zt/2026grqn/rxdh.html",
    page({
      title: `供暖服务热线电话一览_${NAME}`,
      metas: [
        metaTag("ColumnName", "冬季供暖保障专题"),
        metaTag("ColumnType", "专题专栏"),
        metaTag("ArticleTitle", "供暖服务热线电话一览"),
        metaTag("PubDate", "2026-11-15 09:00"),
        metaTag("ContentSource", "示范市城市管理局"),
      ],
      body: `<div class="article"><h1>供暖服务热线电话一览</h1><div class="info">发布时间：2026-11-15 09:00\u3000来源：示范市城市管理局</div>
<div class="content"><p>示范市热力集团：0999-81239600</p><p>城东区供热办：0999-81239611</p><p>城西区供热办：0999-81239622</p></div></div>`,
    }),
  );
  files.set(
    "wzdt/index.html",
    page({
      title: `网站地图_${NAME}`,
      metas: [metaTag("ColumnName", "网站地图")],
      body: `<div class="position">当前位置：<a href="/">首页</a> &gt; 网站地图</div>
<dl class="sitemap">${NAV.slice(1)
        .map((n) => {
          const subs = columns.filter((c) => c.parent === n.name);
          return `<dt><a href="${n.href}">${esc(n.name)}</a></dt>${subs.map((s) => `<dd><a href="${listUrl(s, 0)}">${esc(s.name)}</a></dd>`).join("")}`;
        })
        .join("\n")}</dl>`,
    }),
  );
  files.set(
    "admin/login.html",
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>网站内容管理系统</title></head><body><form action="/admin/login.do" method="post"><p>用户名：<input name="user"></p><p>密码：<input type="password" name="pass"></p><button>登录</button></form></body></html>\n`,
  );
  files.set(
    "robots.txt",
    `User-agent: *\nDisallow: /admin/\nDisallow: /search/\n\nSitemap: http://${HOST}/sitemap.xml\n`,
  );
  const sitemapUrls = [
    "/",
    "/zwdt/jrsf/",
    "/tzgg/",
    "/zcwj/",
    "/zt/2026yshj/",
    "/zt/2026grqn/",
    "/zt/2026grqn/rxdh.html",
    "/zcwj/202611/t20261110_2001.html",
  ];
  files.set(
    "sitemap.xml",
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemapUrls
      .map((u) => `<url><loc>http://${HOST}${u}</loc><lastmod>2026-11-19</lastmod></url>`)
      .join("\n")}\n</urlset>\n`,
  );
  files.set("css/style.css", CSS);
  files.set("images/logo.png", png(420, 60, [179, 0, 0], [255, 215, 0]));
  files.set("images/banner.png", png(600, 100, [200, 40, 40], [250, 240, 200]));
  files.set("images/ga.png", png(16, 16, [30, 80, 160]));
  files.set("images/news/20261118-kg.png", png(240, 150, [90, 140, 200], [240, 240, 240]));
  files.set("images/zcjd/lxxq-ytdd.png", png(300, 400, [250, 230, 200], [180, 60, 40]));
  files.set("favicon.ico", png(16, 16, [179, 0, 0]));
  files.set(
    "zcwj/attach/2026yshj-cs.pdf",
    pdf([
      "Shifan City: Measures to Further Optimise the Business Environment",
      "Shi Zheng Fa (2026) No. 18",
      "25 measures in 5 areas. Published 2026-11-10.",
    ]),
  );
  files.set(
    "zcwj/attach/xzxk-qd-2026.xlsx",
    xlsx([
      ["序号", "事项名称", "实施机关", "设定依据"],
      ["1", "个体工商户设立登记", "示范市市场监督管理局", "《促进个体工商户发展条例》"],
      ["2", "建筑工程施工许可证核发", "示范市住房和城乡建设局", "《中华人民共和国建筑法》"],
      ["3", "公共场所卫生许可", "示范市卫生健康委员会", "《公共场所卫生管理条例》"],
    ]),
  );
  files.set(
    "bsfw/attach/cxjm-yl-cbdjb.docx",
    docx([
      "城乡居民基本养老保险参保登记表",
      "姓名：＿＿＿＿\u3000\u3000公民身份号码：＿＿＿＿＿＿＿＿",
      "户籍地址：＿＿＿＿＿＿＿＿",
      "参保人签字：＿＿＿＿\u3000\u3000日期：＿＿＿＿",
    ]),
  );
  return files;
}

export const city: SiteModule = {
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
