import type { CheckDefinition } from "../catalogue.ts";

/** Checks of the area 办事服务（办事指南要素、附件）与政策解读. */
export const servicesChecks: readonly CheckDefinition[] = [
  {
    id: "services.none",
    title: "未提供办事服务",
    titleEn: "No online services",
    indicator: "19号·单项否决·服务不实用（第 1 项）",
    severities: ["veto"],
    description:
      "网站既没有办事指南页面，也没有办事服务栏目，也没有可访问的指向政务服务网（zwfw.*.gov.cn、*zwfw.gov.cn、一网通办等）的链接。" +
      "爬取未达页数上限时为 confirmed，否则为 suspected（可能只是没有爬到）。",
    descriptionEn:
      "The site has no service-guide page, no 办事服务 column and no working link to a provincial service platform (zwfw.*.gov.cn, *zwfw.gov.cn, 一网通办). " +
      "Confirmed when the crawl read the whole site, suspected when it stopped at its page budget.",
  },
  {
    id: "services.guide-elements",
    title: "办事指南要素缺失",
    titleEn: "Service guide lacks elements",
    indicator: "19号·单项否决·服务不实用（第 2 项）；15号·服务实用情况·办事指南",
    severities: ["veto", "deduct", "warn"],
    description:
      "办事指南页面（标题或栏目为办事指南，或正文有 4 个以上要素标签）缺少重点要素，或要素内容为空、只写“无”“暂无”“详见…”“相关法规”“-”“/”，" +
      "或写“见附件”却没有附件。要素从表格（th/td）、定义列表、“标签：内容”行和标题加段落中读取，含同义标签（受理条件、申请材料、实施主体、咨询电话、办理程序等）。" +
      "必需要素：事项名称、设定依据、申请条件、办理材料、办理地点、收费标准、办理时间、联系电话、办理流程；办理机构读取但不强制。" +
      "19号的否决阈值（缺几项、涉及几个事项）未公开，默认扣分（可配置）；只凭正文识别、读到的标签少于 4 个或标签与内容连写时为 suspected。",
    descriptionEn:
      "A service-guide page (titled or filed as 办事指南, or with at least 4 element labels) lacks required elements, leaves them empty or answers them with a placeholder " +
      "(无, 暂无, 详见…, 相关法规, -, /, 见附件 without an attachment). Elements are read from tables, definition lists, label：value lines and headings, with synonyms. " +
      "Required: 事项名称, 设定依据, 申请条件, 办理材料, 办理地点, 收费标准, 办理时间, 联系电话, 办理流程; 办理机构 is read, not required. " +
      "The 19号 veto threshold is unknown: a deduction by default (configurable); suspected when the page was recognised by content alone, fewer than 4 labels were read or labels ran into their values.",
  },
  {
    id: "services.guide-attachment",
    title: "办事指南附件无法下载",
    titleEn: "Service guide attachment cannot be downloaded",
    indicator: "15号·服务实用情况·附件下载；19号·单项否决·服务不实用",
    severities: ["deduct"],
    description:
      "办事指南页面上的表格、文件附件无法下载，判定规则与“附件失效”相同（404、410、域名无法解析为 confirmed，超时、5xx 等为 suspected，401/403/429 为 inconclusive）。" +
      "同一附件也会出现在“附件失效”中；本项说明它是哪个办事指南的附件。",
    descriptionEn:
      "A form or document attached to a service guide does not download, judged as for broken attachments (404/410/unknown host confirmed, timeouts and 5xx suspected, 401/403/429 inconclusive). " +
      "The same target also appears under link.attachment-dead; this check names the guide it belongs to.",
  },
  {
    id: "interpretation.column-missing",
    title: "缺少政策解读栏目",
    titleEn: "No policy interpretation column",
    indicator: "19号·扣分·解读回应（政策解读）",
    severities: ["deduct"],
    description:
      "网站有政策文件栏目或政策文件页面，却没有政策解读栏目（栏目类型为政策解读或栏目名称含“解读”）。",
    descriptionEn:
      "The site publishes policy documents but has no interpretation column (type INTERPRETATION or a name containing 解读).",
  },
  {
    id: "interpretation.link-missing",
    title: "解读与政策原文未双向关联",
    titleEn: "Interpretation and policy not linked both ways",
    indicator: "19号·扣分·解读回应（政策解读）",
    severities: ["deduct", "warn"],
    description:
      "政策解读与其政策原文应互相链接（株洲通报：「解读稿未与政策原文做好双向关联」）。按链接或解读标题中的《文件名称》把解读与原文配对，指出缺少哪个方向（解读→原文、原文→解读）；" +
      "只凭名称配对、双方互不链接时为 suspected。解读点名了文件却既未链接原文、站内也找不到该文件时给一条提示（warn，suspected）；采集达到上限时不作此提示。",
    descriptionEn:
      "An interpretation and its policy document should link to each other. Pairs are matched by links or by the 《document》 the interpretation names; the finding names the missing direction. " +
      "Suspected when matched by name only and neither links. An interpretation naming a document it does not link to and that the site does not have gives a warning (suspected), except when the record cap was reached.",
  },
  {
    id: "interpretation.copied",
    title: "解读照抄政策原文",
    titleEn: "Interpretation copies the policy",
    indicator: "19号·扣分·解读回应（政策解读）",
    severities: ["deduct"],
    description:
      "解读正文的大部分文字与政策原文相同（照抄照搬）：以 5 字片段的 bottom-k 摘要估计解读文字在原文中的占比（包含度），默认达到 0.8 即报告（可配置），证据给出包含度与 Jaccard 相似度。" +
      "过短的解读（如一图读懂的说明文字）不判。需人工确认。",
    descriptionEn:
      "Most of the interpretation's text is the policy's own (containment of 5-character shingles estimated from bottom-k sketches, default ≥ 0.8, configurable); evidence gives containment and Jaccard. " +
      "Very short interpretations (captions of 一图读懂) are not judged. Needs human confirmation.",
  },
  {
    id: "interpretation.late",
    title: "解读未与政策同步发布",
    titleEn: "Interpretation published late",
    indicator: "19号·扣分·解读回应（政策解读）",
    severities: ["warn"],
    description:
      "解读的发布日期晚于政策原文超过 3 天（可配置）。国家指标没有天数规定，这是地方实践（辽宁：「发布重要政策文件时，应同步发布…解读材料」），故为提示。两者日期均可读时才判断。",
    descriptionEn:
      "The interpretation came out more than 3 days after the policy (configurable). No national figure exists; this is local practice (辽宁: publish interpretations with the policy), hence a warning. Judged only when both dates are known.",
  },
];
