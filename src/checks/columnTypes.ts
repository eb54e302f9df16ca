/**
 * Column taxonomy (INDICATORS.md §6) and the classifier that puts a column into it. The type decides
 * the update window a column is held to (V4: 14 days for 动态要闻, 6 months for first-level 通知公告
 * and 政策文件, a year for 人事/规划计划 …), so a wrong guess is a wrong verdict: evidence is
 * weighed in a fixed order, strongest first, and every answer says where it came from.
 */

export type ColumnType =
  | "NEWS"
  | "NOTICE"
  | "POLICY"
  | "ANNUAL"
  | "INTERPRETATION"
  | "SERVICE_GUIDE"
  | "INTERACTION"
  | "OVERVIEW"
  | "DATA"
  | "SPECIAL"
  | "OTHER";

/** Chinese display names. */
export const columnTypeNames: Record<ColumnType, string> = {
  NEWS: "动态要闻",
  NOTICE: "通知公告",
  POLICY: "政策文件",
  ANNUAL: "人事/规划计划",
  INTERPRETATION: "政策解读",
  SERVICE_GUIDE: "办事指南",
  INTERACTION: "互动交流",
  OVERVIEW: "机构概况",
  DATA: "数据发布",
  SPECIAL: "专题",
  OTHER: "其他",
};

export interface ColumnClassification {
  type: ColumnType;
  source: "meta" | "name" | "parent" | "url" | "content" | "default";
  /** The keyword, label, path segment or title pattern that decided. */
  matched?: string;
}

type Rule = readonly [ColumnType, RegExp];

/**
 * Names that a keyword read alone gets wrong; tried first, in order. 政策法规及解读 is a policy
 * column that also carries readings; 任前公示 belongs to 人事 (ANNUAL), not to 通知公告; 建议提案办理
 * is a yearly disclosure, not a channel whose messages wait for replies (V5).
 */
const nameOverrides: readonly Rule[] = [
  ["POLICY", /(?:文件|法规)(?:及|与|和|、|暨)(?:政策)?解读/],
  ["ANNUAL", /(?:任前|任免|人事|干部)公示/],
  ["ANNUAL", /建议提案|提案办理|议案办理/],
];

/**
 * Name keywords by type. Chinese column names put their kind last (政务服务动态 is news about 政务服务,
 * 领导信箱 is a 信箱, 政策解读 a 解读, 机构职能 a 职能), so the keyword that ends last in the name
 * decides; between keywords ending at the same place the longer one wins (政府公报 over 公报, 统计数据
 * over 数据), then the earlier type in this table. That settles 政策解读 (not POLICY by 政策), 领导信箱
 * (not ANNUAL by 领导), 机构职能 (OVERVIEW) beside 机构信息 (ANNUAL, as §6 lists it), 领导简介
 * (OVERVIEW) beside 领导信息 (ANNUAL).
 */
const nameKeywords: readonly (readonly [ColumnType, readonly string[]])[] = [
  ["INTERPRETATION", ["解读", "答记者问", "一图读懂", "图解", "政策问答", "政策释义"]],
  [
    "INTERACTION",
    ["信箱", "留言", "咨询", "互动", "访谈", "征集", "征求", "调查", "投诉", "建言", "信访", "问政", "民意"],
  ],
  ["INTERACTION", ["热线", "来信", "回应", "网民", "在线交流", "诉求", "互动交流", "政民互动"]],
  [
    "SERVICE_GUIDE",
    ["办事指南", "服务指南", "办理指南", "办事服务", "网上办事", "在线办事", "便民服务", "政务服务", "办事"],
  ],
  ["DATA", ["数据", "数据发布", "数据开放", "统计数据"]],
  // §6 lists these under ANNUAL although 领导/机构 alone point to OVERVIEW below.
  [
    "ANNUAL",
    ["领导信息", "机构信息", "地区介绍", "信息公开目录", "公开目录", "年报", "年度报告", "统计公报"],
  ],
  ["ANNUAL", ["人事", "任免", "干部", "规划", "计划", "财政", "财务", "预决算", "预算", "决算", "三公"]],
  ["ANNUAL", ["统计", "统计信息", "重大项目", "重点项目", "领导", "公务员", "招录", "审计", "规划计划"]],
  ["OVERVIEW", ["概况", "职能", "简介", "机构", "机构设置", "内设机构", "组织机构", "领导分工", "走进"]],
  ["OVERVIEW", ["关于我们", "市情", "县情", "区情", "机构概况", "领导简介"]],
  ["NEWS", ["要闻", "动态", "新闻", "资讯", "头条", "快讯", "今日", "时政", "播报", "聚焦", "工作信息"]],
  ["NEWS", ["领导活动", "图片新闻", "视频新闻", "工作动态", "要闻动态"]],
  ["NOTICE", ["通知", "公告", "公示", "通告", "招聘", "招标", "公报", "通知公告", "公示公告"]],
  [
    "POLICY",
    ["文件", "法规", "规章", "政策", "条例", "办法", "规范性文件", "政策文件", "政府文件", "政府公报"],
  ],
];

/** 专题/专栏 only when nothing else names the column: 政策解读专栏 is still a 解读 column. */
const specialKeywords = /专题|专栏/;

/** Labels that name no type (a portal section, the homepage, a CMS number). */
const uninformativeLabel =
  /^(?:\d+|首页|网站首页|主页|index|home|政务公开|信息公开|政府信息公开|其他|其它|栏目|列表)$/i;

/**
 * Pinyin initials of column directories as the big CMSs name them (/tzgg/, /xwdt/, /zcjd/). Only
 * used when no name gives a type: initials are short and collide (zc = 政策 or 资产).
 */
const urlTypes: Record<string, ColumnType> = {
  tzgg: "NOTICE",
  gsgg: "NOTICE",
  ggtz: "NOTICE",
  gggs: "NOTICE",
  tzgs: "NOTICE",
  zcwj: "POLICY",
  zfwj: "POLICY",
  gfxwj: "POLICY",
  zcfg: "POLICY",
  wjzl: "POLICY",
  zcjd: "INTERPRETATION",
  bszn: "SERVICE_GUIDE",
  bsfw: "SERVICE_GUIDE",
  wsbs: "SERVICE_GUIDE",
  hdjl: "INTERACTION",
  zxft: "INTERACTION",
  dczj: "INTERACTION",
  zxly: "INTERACTION",
  zxzx: "INTERACTION",
  xwdt: "NEWS",
  zwdt: "NEWS",
  gzdt: "NEWS",
  bmdt: "NEWS",
  xzdt: "NEWS",
  qxdt: "NEWS",
  ywdt: "NEWS",
  xwzx: "NEWS",
  tpxw: "NEWS",
  jggk: "OVERVIEW",
  jgzn: "OVERVIEW",
  jgsz: "OVERVIEW",
  ldjj: "OVERVIEW",
  ghjh: "ANNUAL",
  fzgh: "ANNUAL",
  rsxx: "ANNUAL",
  czxx: "ANNUAL",
  czyjs: "ANNUAL",
  tjxx: "ANNUAL",
  zdxm: "ANNUAL",
  xxgknb: "ANNUAL",
  sjfb: "DATA",
  tjsj: "DATA",
  zt: "SPECIAL",
  ztzl: "SPECIAL",
};

/** What item titles of a type look like; weak evidence, used only when names say nothing. */
const titleRules: readonly Rule[] = [
  ["INTERPRETATION", /解读|一图读懂|图解|答记者问|政策问答/],
  ["POLICY", /关于印发|〔\d{4}〕\d+号|实施意见|管理办法|实施办法|实施方案|若干措施|条例|规定$/],
  ["SERVICE_GUIDE", /办事指南|服务指南/],
  ["INTERACTION", /来信|咨询|反映|投诉|建议|留言/],
  ["ANNUAL", /预算|决算|规划|计划|年度报告|任免|任职|任前公示/],
  ["NOTICE", /通知$|公告$|公示$|通告$|的通知|的公告|的公示|的通告/],
  ["NEWS", /召开|举行|举办|调研|会见|座谈|开展|部署|启动|出席|视察|检查|走访/],
];

/**
 * Titles must agree clearly: at least three of them and three in five. A column of mixed items
 * (招生考试: two notices among four) stays unclassified rather than borrowing a strict window.
 */
const contentShare = 0.6;
const contentMinTitles = 3;

export function classifyColumn(input: {
  name: string;
  metaType?: string;
  parentName?: string;
  url?: string;
  itemTitles?: string[];
}): ColumnClassification {
  const meta = input.metaType === undefined ? null : byLabel(input.metaType);
  if (meta !== null) return { type: meta.type, source: "meta", matched: meta.matched };
  const name = byName(input.name);
  if (name !== null) return { type: name.type, source: "name", matched: name.matched };
  const parent = input.parentName === undefined ? null : byName(input.parentName);
  if (parent !== null) return { type: parent.type, source: "parent", matched: parent.matched };
  const url = input.url === undefined ? null : byUrl(input.url);
  if (url !== null) return { type: url.type, source: "url", matched: url.matched };
  const content = input.itemTitles === undefined ? null : byTitles(input.itemTitles);
  if (content !== null) return { type: content.type, source: "content", matched: content.matched };
  return { type: "OTHER", source: "default" };
}

interface Match {
  type: ColumnType;
  matched: string;
}

/** "首\u3000页" and "· 通知公告 ·" compare as 首页 and 通知公告. */
function normalise(text: string): string {
  return text.replace(/[\s\u3000·•|｜>»【】[\]]+/g, "");
}

function byName(raw: string): Match | null {
  const name = normalise(raw);
  if (name === "") return null;
  for (const [type, pattern] of nameOverrides) {
    const m = pattern.exec(name);
    if (m !== null) return { type, matched: m[0] };
  }
  const last = lastKeyword(name);
  if (last !== null) return last;
  const special = specialKeywords.exec(name);
  return special === null ? null : { type: "SPECIAL", matched: special[0] };
}

/** The keyword ending last in the name; the longer one, then the earlier type, on a tie. */
function lastKeyword(name: string): Match | null {
  let best: Match | null = null;
  let bestEnd = -1;
  for (const [type, keywords] of nameKeywords) {
    for (const keyword of keywords) {
      const at = name.lastIndexOf(keyword);
      if (at < 0) continue;
      const end = at + keyword.length;
      if (end > bestEnd || (end === bestEnd && keyword.length > best!.matched.length)) {
        best = { type, matched: keyword };
        bestEnd = end;
      }
    }
  }
  return best;
}

/** A ColumnType meta counts when it is a Chinese category label; numbers and 首页 say nothing. */
function byLabel(raw: string): Match | null {
  const label = normalise(raw);
  if (label === "" || uninformativeLabel.test(label)) return null;
  const m = byName(label);
  return m === null ? null : { type: m.type, matched: label };
}

/** The deepest directory whose name is a known column initialism: /zwdt/jrsf/ → zwdt → NEWS. */
function byUrl(url: string): Match | null {
  let path = url.replace(/^[a-z]+:\/\/[^/]*/i, "");
  path = path.replace(/[?#].*$/, "");
  const segments = path
    .toLowerCase()
    .split("/")
    .filter((s) => s !== "");
  // The last segment is a file (index.html, list_2.shtml) unless the path ends with a slash.
  if (!path.endsWith("/") && segments.length > 0 && segments[segments.length - 1]!.includes("."))
    segments.pop();
  for (let i = segments.length - 1; i >= 0; i--) {
    const type = urlTypes[segments[i]!];
    if (type !== undefined) return { type, matched: segments[i]! };
  }
  return null;
}

function byTitles(titles: string[]): Match | null {
  const usable = titles.map((t) => t.trim()).filter((t) => t !== "");
  if (usable.length < contentMinTitles) return null;
  let best: Match | null = null;
  let bestCount = 0;
  for (const [type, pattern] of titleRules) {
    let count = 0;
    for (const title of usable) if (pattern.test(title)) count++;
    if (count > bestCount) {
      best = { type, matched: `${count}/${usable.length} 条标题符合 ${pattern.source}` };
      bestCount = count;
    }
  }
  return best !== null && bestCount >= contentMinTitles && bestCount >= usable.length * contentShare
    ? best
    : null;
}
