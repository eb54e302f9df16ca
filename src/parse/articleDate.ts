/**
 * The publish date of an article page, both as the page shows it (the 发布时间 line under the
 * title) and as its metadata states it (PubDate and kin). Checks report on both: a page that shows
 * one day while its PubDate says another is itself worth a note, and the displayed date is the one
 * a reader (and an inspector) goes by.
 */
import { isValidDate } from "./dates.ts";
import type { DateCandidate, PageModel } from "./model.ts";

export interface DateReading {
  /** "YYYY-MM-DD", or "YYYY-MM-DDTHH:mm" when a time was written; China time. */
  iso: string;
  /** As written: the meta content, or the displayed line's label and date ("发布时间：2026-11-20"). */
  text: string;
  source: "meta" | "text";
}

export interface ArticleDates {
  /** From PubDate (also pubdate, publishdate, firstpublishedtime, article:published_time…), normalised. */
  meta: DateReading | null;
  /** The displayed 发布时间/发布日期/日期/时间 line near the title, or a date alone under the title. */
  displayed: DateReading | null;
  /** The one to use: displayed when present, else meta. */
  published: DateReading | null;
  /** true when meta and displayed give different days (keep both for the report). */
  disagree: boolean;
}

/** Reads the publish dates of a parsed page. Pure; never throws. */
export function articleDates(page: PageModel): ArticleDates {
  let meta: DateReading | null = null;
  let displayed: DateReading | null = null;
  try {
    meta = metaDate(page);
    displayed = displayedDate(page);
  } catch {
    // A malformed page yields what was read before the failure.
  }
  const published = displayed ?? meta;
  const disagree =
    meta !== null && displayed !== null && meta.iso.slice(0, 10) !== displayed.iso.slice(0, 10);
  return { meta, displayed, published, disagree };
}

// ---------------------------------------------------------------------------------------------
// Metadata

/**
 * Publish-date meta names, most specific first (compared lower-case). PubDate is the national
 * government-site standard; the rest come from CMS templates (firstpublishedtime on www.gov.cn),
 * Open Graph and Dublin Core. Maketime and lastmodifiedtime are edit times, not publication.
 */
const META_NAMES = [
  "pubdate",
  "publishdate",
  "publish_date",
  "publish-date",
  "publishtime",
  "publish_time",
  "published_time",
  "firstpublishedtime",
  "article:published_time",
  "og:article:published_time",
  "og:published_time",
  "datepublished",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "releasedate",
];

function metaDate(page: PageModel): DateReading | null {
  let best: DateReading | null = null;
  let bestRank = META_NAMES.length;
  for (const m of page.metas) {
    const rank = META_NAMES.indexOf(m.name.trim().toLowerCase());
    if (rank < 0 || rank >= bestRank) continue;
    const text = m.content.trim();
    const iso = normaliseMetaDate(text);
    if (iso === null) continue;
    best = { iso, text, source: "meta" };
    bestRank = rank;
  }
  return best;
}

const META_DATE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:(?:\s*T\s*|\s+|-|(?<=日))(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?/iu;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/u;

/**
 * "2016-11-22 09:53", "2007-08-20-23:59:59", "2023-12-01T06:43:00Z", "2026年11月20日", "20261120"
 * → "YYYY-MM-DD[THH:mm]" in China time. Null when the content is no plausible date.
 */
export function normaliseMetaDate(content: string): string | null {
  const m = META_DATE.exec(content) ?? COMPACT_DATE.exec(content);
  if (m === null) return null;
  let year = Number(m[1]);
  let month = Number(m[2]);
  let day = Number(m[3]);
  if (!isValidDate(year, month, day)) return null;
  if (m[4] === undefined) return `${year}-${pad(month)}-${pad(day)}`;
  let hour = Number(m[4]);
  let minute = Number(m[5]);
  if (hour > 23 || minute > 59) return `${year}-${pad(month)}-${pad(day)}`;
  const zone = m[7];
  if (zone !== undefined) {
    // An explicit offset is converted to China time (UTC+8), where every other date here lives.
    const sign = zone.toUpperCase() === "Z" ? 0 : zone.startsWith("-") ? -1 : 1;
    const digits = zone.replace(/[^\d]/g, "");
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    const utc = Date.UTC(year, month - 1, day, hour, minute) - offsetMinutes * 60_000;
    const china = new Date(utc + 8 * 3600_000);
    year = china.getUTCFullYear();
    month = china.getUTCMonth() + 1;
    day = china.getUTCDate();
    hour = china.getUTCHours();
    minute = china.getUTCMinutes();
  }
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

// ---------------------------------------------------------------------------------------------
// The displayed date

/** Labels that name the publication itself; they count wherever they stand. */
const STRONG_LABEL =
  /(信息发布时间|信息发布日期|发布时间|发布日期|发表时间|发表日期|发稿时间|发稿日期|公开时间|公开日期|上网时间|上网日期|更新时间|更新日期)\s*[：:]?\s*$/u;
/** 更新时间 stands in for a publish date only where no 发布时间 is shown. */
const UPDATE_LABEL = /^更新/u;
/**
 * Bare 时间/日期 label, colon required. Anything glued before it makes another label: 成文日期,
 * 留言时间, 办结时间, 作出处罚决定的日期 are not the publication date.
 */
const BARE_LABEL = /(时间|日期)\s*[：:]\s*$/u;
const LABEL_BOUNDARY = /[\s|｜丨│【[>》]/u;
/** The publish line sits under the title: a bare 时间：/日期： further down is part of the text. */
const NEAR_TITLE = 400;
const LABEL_WINDOW = 16;

/** Words that make a date part of a sentence (会议通过, 印发, 起施行) rather than a date line. */
const SENTENCE_WORDS = /通过|会议|印发|施行|批准|公布|召开|举行|签发|颁布/u;
/** A byline field such as 来源：新华社 or 作者：; its label is a short word. */
const FIELD = /^[^：:]{1,6}[：:]/u;
const DATE_LINE_WIDGETS = /^(?:字号|大|中|小|打印|关闭|分享|分享到|收藏|[【】[\]()（）|｜丨│]+)$/u;

interface Labelled {
  reading: DateReading;
  rank: number;
  labelStart: number;
}

function displayedDate(page: PageModel): DateReading | null {
  const text = page.text;
  const titleStart = findTitle(page);
  let best: Labelled | null = null;
  for (const d of page.dates) {
    const found = labelled(text, d, titleStart);
    if (found !== null && (best === null || better(found, best, titleStart))) best = found;
  }
  if (best !== null) return best.reading;
  return titleStart < 0 ? null : dateUnderTitle(page, titleStart);
}

function labelled(text: string, d: DateCandidate, titleStart: number): Labelled | null {
  const windowStart = Math.max(0, d.offset - LABEL_WINDOW);
  const before = text.slice(windowStart, d.offset);
  let m = STRONG_LABEL.exec(before);
  let rank = m === null ? 0 : UPDATE_LABEL.test(m[1]!) ? 2 : 3;
  if (m === null) {
    m = BARE_LABEL.exec(before);
    if (m === null) return null;
    const at = windowStart + m.index;
    if (at > 0 && !LABEL_BOUNDARY.test(text.charAt(at - 1))) return null;
    if (titleStart >= 0 && (at < titleStart || at - titleStart > NEAR_TITLE)) return null;
    rank = 1;
  }
  const labelStart = windowStart + m.index;
  const written = text.slice(labelStart, d.offset + d.text.length);
  return { reading: { iso: d.iso.slice(0, 16), text: written, source: "text" }, rank, labelStart };
}

/** Stronger label first; then the first one after the title (sidebars before it list other items' dates). */
function better(a: Labelled, b: Labelled, titleStart: number): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  const aAfter = a.labelStart >= titleStart;
  const bAfter = b.labelStart >= titleStart;
  if (aAfter !== bAfter) return aAfter;
  return a.labelStart < b.labelStart;
}

/**
 * A date alone on its line (or beside 来源：/作者： fields and the 字号 widget) just under the title,
 * as on pages that print no label. A date inside a sentence under the title ("2007年6月29日…会议通过")
 * is the text's own, not the publication date.
 */
function dateUnderTitle(page: PageModel, titleStart: number): DateReading | null {
  const text = page.text;
  const dates = page.dates;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    if (d.offset < titleStart) continue;
    if (d.offset - titleStart > NEAR_TITLE) break;
    // A run of dates right here is a list (a column page whose title is the column name), not a byline.
    const run = dates[i + LIST_RUN - 1];
    if (run !== undefined && run.offset - d.offset <= LIST_SPAN) return null;
    const lineStart = text.lastIndexOf("\n", d.offset) + 1;
    const newline = text.indexOf("\n", d.offset);
    const lineEnd = newline < 0 ? text.length : newline;
    // Bylines come before the text: a long line between the title and here means the body began.
    if (hasLongLine(text, titleStart, lineStart)) return null;
    const before = text.slice(lineStart, d.offset);
    // The value of a field whose label is not a publish label (成文日期：, 留言时间：), on its line
    // or, in a table, on the line before (作出处罚决定的日期 | 2024年7月8日).
    if (/[：:]\s*$/u.test(before)) continue;
    if (
      before.trim() === "" &&
      /(?:日期|时间)[：:]?\s*$/u.test(text.slice(Math.max(0, lineStart - 12), lineStart))
    )
      continue;
    const rest = (before + " " + text.slice(d.offset + d.text.length, lineEnd)).trim();
    if (isDateLine(rest)) return { iso: d.iso.slice(0, 16), text: d.text, source: "text" };
  }
  return null;
}

/** A line of body text, longer than any title or byline. */
const BODY_LINE = 80;

function hasLongLine(text: string, from: number, to: number): boolean {
  // The title's own line may be long; count from the line after it.
  let start = text.indexOf("\n", from);
  while (start >= 0 && start < to) {
    const next = text.indexOf("\n", start + 1);
    const end = next < 0 || next > to ? to : next;
    if (end - start - 1 > BODY_LINE) return true;
    start = next;
  }
  return false;
}

/** LIST_RUN dates within LIST_SPAN characters: list rows, not an article's byline and text. */
const LIST_RUN = 3;
const LIST_SPAN = 300;

function isDateLine(rest: string): boolean {
  if (rest === "") return true;
  if (rest.length > 60 || SENTENCE_WORDS.test(rest)) return false;
  return rest
    .split(/[\s\u3000|｜丨│]+/u)
    .every((token) => token === "" || FIELD.test(token) || DATE_LINE_WIDGETS.test(token));
}

/** Separators between an article title and the site or column name in <title>. */
const TITLE_SEPARATORS = /\s*(?:_{1,2}|-{1,2}|\||｜|—{1,2}|–)\s*/u;
const TITLE_KEY_CHARS = 15;

/**
 * Where the article title starts in the page text, or -1. Tried in turn: ArticleTitle meta, the
 * longest part of <title> between separators (the site name is the shorter part; a title's own
 * "1-10月" only shortens it a little), the whole <title>, the first <h1>. Only the first
 * characters are matched, since long titles wrap over several lines.
 */
function findTitle(page: PageModel): number {
  const candidates: string[] = [];
  const meta = page.metas.find((m) => m.name.trim().toLowerCase() === "articletitle")?.content;
  if (meta !== undefined) candidates.push(meta);
  const parts = page.title.split(TITLE_SEPARATORS).sort((a, b) => b.length - a.length);
  if (parts[0] !== undefined) candidates.push(parts[0]);
  candidates.push(page.title);
  const h1 = page.blocks.find((b) => b.tag === "h1");
  if (h1 !== undefined) candidates.push(page.text.slice(h1.start, h1.end));
  for (const candidate of candidates) {
    const key = candidate.trim().slice(0, TITLE_KEY_CHARS);
    if (key.length < 4) continue;
    const at = page.text.indexOf(key);
    if (at >= 0) return at;
  }
  return -1;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
