/**
 * 互动回应差 (19号 单项否决 V5): no effective consultation channel (V5-1), and letters of the year
 * before the time point left more than 3 calendar months without an answer (V5-2); plus reply-time
 * figures in working days and the 北京 practice note on letters that show no 留言时间 or 答复时间.
 *
 * The crawl feeds pages to a MessageCollector as they arrive; it keeps one small record per letter
 * (a letter is usually seen twice, in a list row and on its own page, and the two are merged by URL),
 * so pages never outlive their turn. The clock is a parameter of findings() and summary().
 */
import type { Document, Element } from "domhandler";
import { addDays, addMonths, chinaDay, daysBetween } from "../core/chinaDate.ts";
import type { FindingDraft } from "../core/finding.ts";
import { CalendarYearMissingError, workingDaysBetween } from "../core/workingDays.ts";
import { buildDom } from "../parse/dom.ts";
import { mayHoldMessages, readMessages, type MessageRecord } from "../parse/messages.ts";
import type { PageModel } from "../parse/model.ts";
import { checkDefinition } from "./catalogue.ts";
import { discoverChannels, type Channel, type ChannelLink } from "./interactionChannels.ts";

export interface InteractionPolicy {
  /** "监测时间点前1年内": letters written this many days before the time point count. */
  lookbackDays: number;
  /** "超过3个月未回应": calendar months from 留言时间 (addMonths, clamped to month end). */
  replyMonths: number;
  /** Reply-time shares reported for these working-day limits. */
  replyWithinWorkingDays: readonly number[];
  /** Overdue letters reported one by one (worst first); the rest are counted. */
  maxOverdueFindings: number;
  /** Letters listed as examples in the dates-missing warning. */
  maxExamples: number;
  /** Letters kept for merging; beyond this, new letters are counted but not judged. */
  maxMessages: number;
}

/** 19号 V5 and INDICATORS.md §7: 1 year, 3 months; 1 and 5 working days as the usual practice limits. */
export const national2019Interaction: InteractionPolicy = {
  lookbackDays: 365,
  replyMonths: 3,
  replyWithinWorkingDays: [1, 5],
  maxOverdueFindings: 20,
  maxExamples: 10,
  maxMessages: 200_000,
};

/** What the collector keeps of a letter: days, status and a short title, about 100 bytes. */
interface Letter extends Omit<MessageRecord, "url" | "source"> {
  fromDetail: boolean;
}

export interface InteractionSummary {
  /** Consultation channels found (at most maxChannels), and excluded or e-mail-only ones. */
  channels: Channel[];
  /** Distinct letters read from the crawled pages. */
  messages: number;
  /** Letters beyond maxMessages, counted but not judged. */
  notJudged: number;
  /** Letters whose 留言时间 falls in the lookback window, and of those: */
  inWindow: number;
  answered: number;
  overdue: number;
  /** Letters showing no 留言时间, or answered without showing 答复时间. */
  withoutAskedDate: number;
  withoutReplyDate: number;
  /** Share of the window's letters with both dates answered within n working days (null: none timed). */
  replyWithin: Array<{ workingDays: number; share: number | null }>;
  medianWorkingDays: number | null;
  /** Letters timed (both dates shown, in the window). */
  timed: number;
  /**
   * Years the working-day calendar lacks: letters whose reply time runs into one are not timed, and
   * the statistics say so, instead of the whole inspection failing on a calendar gap.
   */
  calendarMissing: number[];
  window: { from: string; to: string; replyMonths: number };
}

const TITLE_KEPT = 80;
const maxChannels = 50;

export class MessageCollector {
  private readonly letters = new Map<string, Letter>();
  private readonly channels = new Map<string, Channel>();
  private notJudged = 0;

  constructor(
    private readonly site: string,
    private readonly policy: InteractionPolicy = national2019Interaction,
  ) {}

  /** Reads one crawled page; the DOM is built from `html` only when the page can hold letters or mailto links. */
  add(page: PageModel, html?: string): void {
    const needsDom = html !== undefined && (mayHoldMessages(page) || /mailto:/iu.test(html));
    const dom = needsDom ? buildDom(html) : null;
    this.addChannels(page, dom);
    if (!mayHoldMessages(page)) return;
    for (const record of readMessages(page, dom).records) this.addLetter(record);
  }

  summary(asOf: Date): InteractionSummary {
    return this.judge(asOf).summary;
  }

  findings(asOf: Date): FindingDraft[] {
    const { summary, overdue, missing } = this.judge(asOf);
    const findings: FindingDraft[] = [];
    const effective = summary.channels.some((c) => c.kind === "consultation") || summary.messages > 0;
    if (!effective) findings.push(this.noChannel(summary.channels));
    overdue.sort((a, b) => b.daysWaited - a.daysWaited);
    for (const item of overdue.slice(0, this.policy.maxOverdueFindings))
      findings.push(this.overdueFinding(item, summary));
    if (missing.length > 0) findings.push(this.datesMissing(summary, missing));
    if (summary.messages > 0) findings.push(this.statistics(summary));
    return findings;
  }

  private addChannels(page: PageModel, dom: Document | null): void {
    if (this.channels.size >= maxChannels) return;
    const links: ChannelLink[] = page.links
      .filter((l) => !l.hidden && l.url !== null && (l.element === "a" || l.element === "area"))
      .map((l) => ({ url: l.url!, text: l.text }));
    if (dom !== null) links.push(...mailtoLinks(dom));
    for (const channel of discoverChannels(links)) {
      const key = `${channel.kind} ${channel.url}`;
      if (!this.channels.has(key) && this.channels.size < maxChannels) this.channels.set(key, channel);
    }
  }

  private addLetter(record: MessageRecord): void {
    const known = this.letters.get(record.url);
    if (known === undefined && this.letters.size >= this.policy.maxMessages) {
      this.notJudged += 1;
      return;
    }
    const letter: Letter = {
      title: record.title.slice(0, TITLE_KEPT),
      asked: record.asked,
      replied: record.replied,
      status: record.status,
      statusText: record.statusText,
      hasReply: record.hasReply,
      confidence: record.confidence,
      fromDetail: record.source === "detail",
    };
    this.letters.set(record.url, known === undefined ? letter : merge(known, letter));
  }

  private judge(asOf: Date): { summary: InteractionSummary; overdue: Overdue[]; missing: string[] } {
    const today = chinaDay(asOf);
    const from = addDays(today, -this.policy.lookbackDays);
    const excluded = excludedPrefixes([...this.channels.values()]);
    const overdue: Overdue[] = [];
    const missing: string[] = [];
    const timings: number[] = [];
    const calendarMissing = new Set<number>();
    let messages = 0;
    let inWindow = 0;
    let answered = 0;
    let withoutAskedDate = 0;
    let withoutReplyDate = 0;
    for (const [url, letter] of this.letters) {
      if (excluded.some((prefix) => url.startsWith(prefix))) continue;
      messages += 1;
      const asked = letter.asked?.slice(0, 10) ?? null;
      // A written status (待回复) outweighs a reply section the template shows empty or boilerplate.
      const answeredUndated =
        letter.replied === null &&
        (letter.status === "replied" || (letter.status === "unknown" && letter.hasReply));
      if (asked === null || answeredUndated) {
        if (asked === null) withoutAskedDate += 1;
        else withoutReplyDate += 1;
        if (missing.length < this.policy.maxExamples) missing.push(url);
      }
      if (asked === null || asked < from || asked > today) continue;
      inWindow += 1;
      // A reply dated after the time point had not been given at the time point.
      const replied =
        letter.replied !== null && letter.replied.slice(0, 10) <= today ? letter.replied.slice(0, 10) : null;
      if (replied !== null || answeredUndated) answered += 1;
      if (replied !== null && replied >= asked) {
        try {
          timings.push(workingDaysBetween(asked, replied));
        } catch (error) {
          if (!(error instanceof CalendarYearMissingError)) throw error;
          calendarMissing.add(error.year);
        }
      }
      const deadline = addMonths(asked, this.policy.replyMonths);
      const late = replied !== null ? replied > deadline : !answeredUndated && today > deadline;
      if (late)
        overdue.push({
          url,
          letter,
          asked,
          replied,
          deadline,
          daysWaited: daysBetween(asked, replied ?? today),
        });
    }
    timings.sort((a, b) => a - b);
    const summary: InteractionSummary = {
      channels: [...this.channels.values()],
      messages,
      notJudged: this.notJudged,
      inWindow,
      answered,
      overdue: overdue.length,
      withoutAskedDate,
      withoutReplyDate,
      replyWithin: this.policy.replyWithinWorkingDays.map((workingDays) => ({
        workingDays,
        share: timings.length === 0 ? null : timings.filter((t) => t <= workingDays).length / timings.length,
      })),
      medianWorkingDays: median(timings),
      timed: timings.length,
      calendarMissing: [...calendarMissing].sort(),
      window: { from, to: today, replyMonths: this.policy.replyMonths },
    };
    return { summary, overdue, missing };
  }

  private noChannel(channels: Channel[]): FindingDraft {
    const mailOnly = channels.filter((c) => c.kind === "mail-only");
    const excluded = channels.filter((c) => c.kind === "excluded");
    return this.siteFinding(
      "interaction.no-channel",
      "未发现有效的网上咨询建言渠道（政务咨询、领导信箱、咨询留言、留言板等），也未读到任何网民留言" +
        (mailOnly.length > 0 ? `；“${mailOnly[0]!.text}”仅为电子邮箱` : "") +
        (excluded.length > 0 ? `；${excluded.map((c) => `“${c.text}”`).join("、")}属除外的专门渠道` : ""),
      {
        mailOnly: mailOnly.map(({ url, text }) => ({ url, text })),
        excluded: excluded.map(({ url, text }) => ({ url, text })),
      },
      "veto",
      // The channel may sit on a platform the crawl did not reach (省级 12345, 统一互动平台).
      "suspected",
    );
  }

  /** A finding about the site as a whole (its channels, its letters together). */
  private siteFinding(
    check: string,
    message: string,
    evidence: Record<string, unknown>,
    severity: FindingDraft["severity"],
    confidence: FindingDraft["confidence"],
  ): FindingDraft {
    return {
      check,
      indicator: checkDefinition(check).indicator,
      site: this.site,
      url: this.site,
      locator: "site",
      message,
      evidence,
      severity,
      confidence,
    };
  }

  private overdueFinding(item: Overdue, summary: InteractionSummary): FindingDraft {
    const check = "interaction.unanswered";
    const { letter } = item;
    const state =
      item.replied !== null
        ? `答复时间 ${item.replied}`
        : `至检查时间点${letter.statusText !== null ? `仍为“${letter.statusText}”` : "未见答复"}`;
    const explicit = item.replied !== null || letter.status === "unreplied" || letter.status === "processing";
    return {
      check,
      indicator: checkDefinition(check).indicator,
      site: this.site,
      url: item.url,
      locator: "message",
      message: `留言超过 ${this.policy.replyMonths} 个月未回应：“${letter.title}”，留言时间 ${item.asked}，${state}，历时 ${item.daysWaited} 天`,
      evidence: {
        title: letter.title,
        asked: letter.asked,
        replied: item.replied,
        status: letter.statusText ?? letter.status,
        deadline: item.deadline,
        daysWaited: item.daysWaited,
        overdueTotal: summary.overdue,
      },
      severity: "veto",
      confidence: explicit && letter.confidence === "confirmed" ? "confirmed" : "suspected",
    };
  }

  private datesMissing(summary: InteractionSummary, examples: string[]): FindingDraft {
    return this.siteFinding(
      "interaction.dates-missing",
      `留言信件未公开留言时间或答复时间：${summary.withoutAskedDate} 封未显示留言时间，${summary.withoutReplyDate} 封已答复但未显示答复时间`,
      {
        withoutAskedDate: summary.withoutAskedDate,
        withoutReplyDate: summary.withoutReplyDate,
        messages: summary.messages,
        examples,
      },
      "warn",
      "confirmed",
    );
  }

  private statistics(summary: InteractionSummary): FindingDraft {
    const shares = summary.replyWithin
      .map((r) => `${r.workingDays} 个工作日内答复 ${r.share === null ? "—" : percent(r.share)}`)
      .join("，");
    return this.siteFinding(
      "interaction.reply-stats",
      `近一年（${summary.window.from} 至 ${summary.window.to}）留言 ${summary.inWindow} 封，已答复 ${summary.answered} 封；` +
        `${shares}；答复用时中位数 ${summary.medianWorkingDays ?? "—"} 个工作日（按 ${summary.timed} 封有日期的留言计）` +
        (summary.calendarMissing.length > 0
          ? `；工作日日历缺少 ${summary.calendarMissing.join("、")} 年数据（data/calendar/），涉及的留言未计入`
          : ""),
      { ...summary, channels: summary.channels.length },
      "info",
      "confirmed",
    );
  }
}

interface Overdue {
  url: string;
  letter: Letter;
  asked: string;
  replied: string | null;
  deadline: string;
  daysWaited: number;
}

/** A letter's own page knows more than its list row; each field keeps the first value found. */
function merge(known: Letter, next: Letter): Letter {
  const [first, second] = next.fromDetail && !known.fromDetail ? [next, known] : [known, next];
  return {
    title: first.title || second.title,
    asked: first.asked ?? second.asked,
    replied: first.replied ?? second.replied,
    status: first.status !== "unknown" ? first.status : second.status,
    statusText: first.statusText ?? second.statusText,
    hasReply: first.hasReply || second.hasReply,
    confidence:
      first.confidence === "confirmed" || second.confidence === "confirmed" ? "confirmed" : "suspected",
    fromDetail: first.fromDetail || second.fromDetail,
  };
}

/**
 * Letters under an excluded channel's folder (在线访谈, 网上信访…) are not 政务咨询. Only a channel
 * that is a folder (/hdjl/zxft/, /zxft/index.htm) names one: /hdjl/jbts.html would otherwise take
 * all of /hdjl/ with it, and the site root excludes nothing.
 */
function excludedPrefixes(channels: Channel[]): string[] {
  return channels
    .filter((c) => c.kind === "excluded")
    .flatMap((c) => {
      try {
        const url = new URL(c.url);
        if (!/\/(?:(?:index|default)\.\w+)?$/iu.test(url.pathname)) return [];
        const folder = new URL(".", url);
        return folder.pathname === "/" ? [] : [folder.href];
      } catch {
        return [];
      }
    });
}

function mailtoLinks(dom: Document): ChannelLink[] {
  const links: ChannelLink[] = [];
  const stack = [...dom.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== "tag") continue;
    const element = node as Element;
    const href = element.attribs["href"]?.trim() ?? "";
    if (element.name === "a" && /^mailto:/iu.test(href)) links.push({ url: href, text: textOf(element) });
    stack.push(...element.children);
  }
  return links;
}

function textOf(element: Element): string {
  return element.children
    .map((c) =>
      c.type === "text"
        ? (c as unknown as { data: string }).data
        : c.type === "tag"
          ? textOf(c as Element)
          : "",
    )
    .join("");
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
