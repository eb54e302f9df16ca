import type { CheckDefinition } from "../catalogue.ts";

/** Checks of the area 互动交流（咨询渠道、留言答复时限）. */
export const interactionChecks: readonly CheckDefinition[] = [
  {
    id: "interaction.no-channel",
    title: "未提供有效咨询建言渠道",
    titleEn: "No effective consultation channel",
    indicator: "19号·单项否决·互动回应差（第 1 项）",
    severities: ["veto"],
    description:
      "抓取到的页面中没有政务咨询类渠道的入口（政务咨询、咨询留言、领导信箱、市长信箱、局长信箱、主任信箱、网上咨询、留言板、12345 等），也没有读到任何网民留言。" +
      "网上信访、纪检举报、在线访谈、调查征集属除外的专门渠道，不算；只链接电子邮箱（mailto:）的信箱不能公开受理留言，也不算。" +
      "渠道可能设在抓取未覆盖的统一互动平台上，结论为疑似，需人工确认。",
    descriptionEn:
      "No link to a consultation channel (政务咨询, 咨询留言, 领导/市长/局长/主任信箱, 网上咨询, 留言板, 12345…) on the crawled pages and no message read. " +
      "Petition (信访), discipline reporting (纪检举报), online interviews and surveys are excluded channels, and a mailbox that is only a mailto: link does not count. " +
      "The channel may live on a platform outside the crawl, so the verdict is suspected.",
  },
  {
    id: "interaction.unanswered",
    title: "留言超过 3 个月未回应",
    titleEn: "Message unanswered for more than 3 months",
    indicator: "19号·单项否决·互动回应差（第 2 项）",
    severities: ["veto"],
    description:
      "检查时间点前 1 年内（365 天，含第 365 天）的留言，自留言时间起超过 3 个自然月（按日历月计，月末对齐）才答复，或至检查时间点仍未答复（待回复、处理中等）。" +
      "每封留言一条，证据含标题、地址、留言时间、答复时间或状态、历时天数；超过上限的只计数（evidence.overdueTotal）。" +
      "状态未写明的留言为疑似；是否“有效留言”需人工确认。期限和回看天数可配置。",
    descriptionEn:
      "A message written within 365 days before the time point and answered more than 3 calendar months after it was written, or still unanswered (待回复, 处理中…) at the time point. " +
      "One finding per message (title, URL, dates or status, days waited), the rest counted in evidence.overdueTotal. Messages without a written status are suspected; whether a message is 有效 needs a person. Configurable.",
  },
  {
    id: "interaction.dates-missing",
    title: "留言未公开留言时间或答复时间",
    titleEn: "Messages without a date",
    indicator: "19号·扣分·互动交流（留言办理公开）",
    severities: ["warn"],
    description:
      "留言信件未显示留言时间，或已答复却未显示答复时间（北京通报：“留言信件未公开留言时间和答复时间”），无法核验答复时限。证据含数量和示例地址。",
    descriptionEn:
      "Messages that show no date of writing, or are answered without a date of reply, so reply times cannot be verified. Counts and example URLs.",
  },
  {
    id: "interaction.reply-stats",
    title: "留言答复时效统计",
    titleEn: "Reply-time statistics",
    indicator: "信息（不计分）；19号·扣分·互动交流",
    severities: ["info"],
    description:
      "近一年留言数、已答复数、1 个和 5 个工作日内答复的比例、答复用时中位数（工作日）。工作日按国务院办公厅每年的节假日安排计算（data/calendar），从收到留言的下一个工作日起算，调休上班日计入。",
    descriptionEn:
      "Messages of the last year, answered ones, shares answered within 1 and 5 working days and the median working days to reply, on the State Council holiday calendar (counting from the working day after receipt; 调休 working weekends count).",
  },
];
