/**
 * Finds the main item list of a government column (栏目) list page: the titles, links and dates of
 * its entries, the newest entry date, where the list sits in the page, the links to further pages
 * and, for a blank column, its placeholder text (暂无信息).
 *
 * Works across the usual templates (ul/li, tables with a date cell, div grids, dl/dt/dd): every link
 * is given a "row" (the largest ancestor holding that link and no other), rows are grouped by the
 * element that holds them, and the group with the most rows carrying a date wins. Navigation bars and
 * footers hold many links but (almost) no dates, so they lose.
 *
 * Everything here is linear in the size of the tree: list extraction runs on every crawled list page,
 * and hostile pages (deep nesting, thousands of links) must not make it quadratic.
 */
import type { AnyNode, Document, Element } from "domhandler";
import { findDates, isValidDate } from "./dates.ts";
import { collapse, isElement, resolveHref, textData, textOf, usableHref } from "./domText.ts";

export interface ListItem {
  title: string;
  /** Absolute URL when it can be resolved, otherwise the href as written. */
  url: string;
  /** "YYYY-MM-DD", or null when the row carries no date. */
  date: string | null;
  /** The date as written in the page, e.g. "2026-11-20", "[11-20]". */
  dateText: string | null;
  /** True when the page wrote no year (e.g. "[11-20]", "11月20日") and it was inferred from asOf. */
  yearInferred: boolean;
}

export interface ListExtraction {
  items: ListItem[];
  /** Newest item date "YYYY-MM-DD" (null when no item carries a date). */
  newest: string | null;
  /** CSS-like locator of the list container, e.g. "html > body > div.main > ul.list"; "" when none. */
  container: string;
  /** Further list pages found (index_1.html, ?page=2, 下一页 links), absolute where resolvable. */
  pagination: string[];
  /** The next list page (the 下一页 link, else the page a pager script would link to); null when none. */
  next: string | null;
  /** A blank column's placeholder as written ("暂无信息", "栏目建设中，敬请期待……"); null when the page lists items. */
  placeholder: string | null;
  /**
   * Dated entries outside the main list (a homepage's other blocks), at most maxOtherDated: a
   * homepage is updated when any of its blocks is.
   */
  otherDated: ListItem[];
}

interface Row {
  container: Element;
  title: string;
  href: string;
  date: RowDate | null;
}

interface RowDate {
  iso: string;
  text: string;
  yearInferred: boolean;
}

/** A link with a followable href and its whitespace-collapsed text. */
interface Anchor {
  element: Element;
  href: string;
  text: string;
}

/** Row text is read up to this many characters: a date sits next to the title, not deep in prose. */
const ROW_TEXT_LIMIT = 400;

function empty(): ListExtraction {
  return {
    items: [],
    newest: null,
    container: "",
    pagination: [],
    next: null,
    placeholder: null,
    otherDated: [],
  };
}

/** Extracts the main list of a column list page. Never throws: on any failure it returns no items. */
export function extractListItems(dom: Document, url: string, asOf: Date): ListExtraction {
  try {
    return extract(dom, url, asOf);
  } catch {
    return empty();
  }
}

function extract(dom: Document, url: string, asOf: Date): ListExtraction {
  const scan = scanDocument(dom);
  const base = scan.base === null ? url : resolveHref(scan.base, url);
  const counts = anchorCounts(scan.anchors);
  const { pagination, next } = findPagination(scan.anchors, scan.scripts, base, url);

  const rows: Row[] = [];
  for (const anchor of scan.anchors) {
    const title = anchorTitle(anchor);
    if (title === "") continue;
    const row = rowOf(anchor.element, counts);
    const container = row.parent;
    if (container === null || !isElement(container)) continue;
    rows.push({ container, title, href: anchor.href, date: rowDate(row, anchor, counts, asOf) });
  }

  const groups = new Map<Element, Row[]>();
  for (const r of rows) {
    const list = groups.get(r.container);
    if (list === undefined) groups.set(r.container, [r]);
    else list.push(r);
  }

  let best: Element | null = null;
  let bestScore = 0;
  for (const [container, list] of groups) {
    const score = groupScore(list);
    if (score > bestScore) {
      best = container;
      bestScore = score;
    }
  }
  if (best === null) {
    const placeholder = hasUndatedList(groups) ? null : findPlaceholder(dom);
    return { ...empty(), pagination, next, placeholder };
  }

  // Lists split into several sibling blocks of the same kind (e.g. one <ul> per 5 items).
  const chosen = new Set<Element>([best]);
  const bestSignature = signature(best);
  for (const [container, list] of groups) {
    if (container === best || container.parent !== best.parent) continue;
    if (signature(container) !== bestSignature) continue;
    if (list.some((r) => r.date !== null)) chosen.add(container);
  }

  const items: ListItem[] = [];
  const otherDated: ListItem[] = [];
  for (const r of rows) {
    const item = {
      title: r.title,
      url: resolveHref(r.href, base),
      date: r.date?.iso ?? null,
      dateText: r.date?.text ?? null,
      yearInferred: r.date?.yearInferred ?? false,
    };
    if (chosen.has(r.container)) items.push(item);
    else if (r.date !== null && r.title.length >= minTitleLength && otherDated.length < maxOtherDated)
      otherDated.push(item);
  }
  let newest: string | null = null;
  for (const item of items) {
    if (item.date !== null && (newest === null || item.date > newest)) newest = item.date;
  }
  const itemUrls = new Set(items.map((i) => i.url));
  return {
    items,
    newest,
    container: locator(best),
    pagination: pagination.filter((p) => !itemUrls.has(p)),
    next: next !== null && itemUrls.has(next) ? null : next,
    placeholder: null,
    otherDated,
  };
}

/** Titles shorter than this are menu entries (首页, 更多), not items. */
const minTitleLength = 5;
const maxOtherDated = 100;

/** Dated rows count most; rows with short nav-like titles (首页, 更多) count for nothing. */
function groupScore(list: Row[]): number {
  let dated = 0;
  let titled = 0;
  for (const r of list) {
    if (r.title.length < minTitleLength) continue;
    titled += 1;
    if (r.date !== null) dated += 1;
  }
  if (dated === 0) return 0;
  return dated * 100 + titled;
}

// ---------------------------------------------------------------------------------------------
// One pass over the document

interface Scan {
  anchors: Anchor[];
  base: string | null;
  /** Text of scripts that may write a pager (TRS createPageHTML, countPage/currentPage). */
  scripts: string[];
}

const PAGER_SCRIPT = /createPageHTML|countPage/u;

function scanDocument(dom: Document): Scan {
  const anchors: Anchor[] = [];
  const scripts: string[] = [];
  let base: string | null = null;
  const stack: AnyNode[] = [];
  for (let i = dom.children.length - 1; i >= 0; i--) stack.push(dom.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const name = node.name;
    if (name === "script") {
      const code = textOf(node, null, Infinity);
      if (PAGER_SCRIPT.test(code)) scripts.push(code);
      continue;
    }
    if (name === "style" || name === "template") continue;
    if (name === "a") {
      const href = usableHref(node.attribs["href"]);
      if (href !== null) anchors.push({ element: node, href, text: collapse(textOf(node, null, Infinity)) });
    } else if (name === "base" && base === null) {
      base = usableHref(node.attribs["href"]);
    }
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { anchors, base, scripts };
}

/**
 * How many links each ancestor of a link holds, saturated at 2 (rows need only "one" or "more").
 * A climb stops at the first ancestor already at 2, since every element above it holds at least as
 * many; so each element is counted at most twice and the whole is linear.
 */
function anchorCounts(anchors: Anchor[]): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const { element } of anchors) {
    for (let n: Element | null = element; n !== null; n = parentElement(n)) {
      const c = counts.get(n) ?? 0;
      if (c >= 2) break;
      counts.set(n, c + 1);
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Rows and dates

/**
 * The largest ancestor of the link that holds no other link (the list row: li, tr, dd, div…).
 * Such ancestors belong to one link only, so all climbs together visit each element once.
 */
function rowOf(anchor: Element, counts: Map<Element, number>): Element {
  let row: Element = anchor;
  for (let p = parentElement(anchor); p !== null; p = parentElement(p)) {
    if (p.name === "body" || p.name === "html") break;
    if ((counts.get(p) ?? 0) > 1) break;
    row = p;
  }
  return row;
}

/** The date written in the row outside the link text (or in a link-free next sibling, as dt → dd). */
/**
 * A row's date with a written year taken as is; a month-day date ("[03-18]") gets its year from the
 * item's URL when the URL carries the same month and day (t20250318_1.html, /2025-03/18/,
 * /art/2025/3/18/), which CMSs write at publication, and only otherwise from the time point.
 */
function rowDate(row: Element, anchor: Anchor, counts: Map<Element, number>, asOf: Date): RowDate | null {
  const found = writtenRowDate(row, anchor, counts, asOf);
  if (found === null || !found.yearInferred) return found;
  const year = urlYear(anchor.href, found.iso.slice(5));
  return year === null ? found : { ...found, iso: `${year}${found.iso.slice(4)}` };
}

const URL_DATE = /(?<!\d)(20\d\d|19\d\d)[-/_]?(\d{1,2})[-/_]?(\d{1,2})(?!\d)/gu;

function urlYear(href: string, monthDay: string): string | null {
  for (const m of href.matchAll(URL_DATE)) {
    if (`${pad(Number(m[2]))}-${pad(Number(m[3]))}` === monthDay) return m[1]!;
  }
  return null;
}

function writtenRowDate(
  row: Element,
  anchor: Anchor,
  counts: Map<Element, number>,
  asOf: Date,
): RowDate | null {
  const found = dateIn(textOf(row, anchor.element, ROW_TEXT_LIMIT), asOf);
  if (found !== null) return found;
  if (row === anchor.element) {
    // A bare link in a container: look at the text right after it up to the next element.
    const next = row.next;
    if (next !== null && next.type === "text") {
      const d = dateIn(textData(next).slice(0, ROW_TEXT_LIMIT), asOf);
      if (d !== null) return d;
    }
  }
  const sibling = nextElement(row);
  if (sibling !== null && !counts.has(sibling)) {
    const d = dateIn(textOf(sibling, null, ROW_TEXT_LIMIT), asOf);
    if (d !== null) return d;
  }
  // Dates written in the link itself after the title, e.g. <a>标题 2026-11-20</a>.
  const inside = findDates(anchor.text);
  const last = inside[inside.length - 1];
  if (last !== undefined && last.offset > 0) {
    return { iso: last.iso.slice(0, 10), text: last.text, yearInferred: false };
  }
  return null;
}

const SHORT_DATE = /(?<![\d\-/.年])(\d{1,2})\s*(?:([-/.])\s*(\d{1,2})|月\s*(\d{1,2})\s*日)(?![\d\-/.:])/u;

/** First full date in the text, else first month-day date with the year inferred from asOf. */
export function dateIn(text: string, asOf: Date): RowDate | null {
  const full = findDates(text)[0];
  if (full !== undefined) return { iso: full.iso.slice(0, 10), text: full.text, yearInferred: false };
  const m = SHORT_DATE.exec(normaliseDigits(text));
  if (m === null) return null;
  const month = Number(m[1]);
  const day = Number(m[3] ?? m[4]);
  const iso = inferYear(month, day, asOf);
  if (iso === null) return null;
  let written = m[0];
  const start = m.index;
  const end = start + written.length;
  if (/[[【(（〔]$/u.test(text.slice(0, start)) && /^[\]】)）〕]/u.test(text.slice(end))) {
    written = text.slice(start - 1, end + 1);
  } else {
    written = text.slice(start, end);
  }
  return { iso, text: written.trim(), yearInferred: true };
}

/** The latest date with this month and day that is not after asOf + 1 day (China time). */
export function inferYear(month: number, day: number, asOf: Date): string | null {
  if (Number.isNaN(asOf.getTime())) return null;
  const limit = new Date(asOf.getTime() + (8 + 24) * 3600_000);
  const limitIso = limit.toISOString().slice(0, 10);
  for (let year = limit.getUTCFullYear(); year >= limit.getUTCFullYear() - 4; year--) {
    if (!isValidDate(year, month, day)) continue;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    if (iso <= limitIso) return iso;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Pagination

const NEXT_TEXT = /^(?:下一页|下页|后一页|后页|next|next\s*page|>|›|»|>>)$/iu;
/** Page-numbered hrefs: index_1.html, list_2.shtml, page_2.htm, index-3.html, /page/2/, ?page=2. */
const PAGE_HREF =
  /(?:^|\/)(?:index|list|default|page|more)[_-]\d+\.[a-z]{2,5}$|\/page\/\d+\/?$|[?&](?:page|pageNo|pageno|pageIndex|pageindex|p|curPage|currentPage|pn|pageNum|pagenum|page_no)=\d+/u;
const NUMBERED_TEXT = /^(?:\[?\d+\]?|第\s*\d+\s*页|尾页|末页|最后一页|下一页|下页)$/u;

function findPagination(
  anchors: Anchor[],
  scripts: string[],
  base: string,
  pageUrl: string,
): { pagination: string[]; next: string | null } {
  const out: string[] = [];
  const self = resolveHref(pageUrl, pageUrl);
  let next: string | null = null;
  for (const a of anchors) {
    const isNext = NEXT_TEXT.test(a.text);
    const numbered = PAGE_HREF.test(a.href) && NUMBERED_TEXT.test(a.text);
    if (!isNext && !numbered) continue;
    const abs = resolveHref(a.href, base);
    if (abs === self) continue;
    if (isNext && next === null) next = abs;
    if (!out.includes(abs)) out.push(abs);
  }
  // TRS and similar systems write the pager with a script; its links exist only after it runs.
  const scripted = scriptedNextPage(scripts, pageUrl);
  if (scripted !== null) {
    const abs = resolveHref(scripted, base);
    if (abs !== self) {
      next ??= abs;
      if (!out.includes(abs)) out.push(abs);
    }
  }
  return { pagination: out, next };
}

const CREATE_PAGE =
  /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/u;
const COUNT_PAGE = /\bcountPage\s*=\s*['"]?(\d+)/u;
const CURRENT_PAGE = /\bcurrentPage\s*=\s*['"]?(\d+)/u;

/**
 * The next page a TRS-style pager script links to: createPageHTML(count, current, "index", "html")
 * or `var countPage = N; var currentPage = M` writing index_M+1.<ext> (0-based pages, the first
 * being index.<ext>). Null when the script shows this is the last page or says nothing usable.
 */
function scriptedNextPage(scripts: string[], pageUrl: string): string | null {
  for (const code of scripts) {
    const m = CREATE_PAGE.exec(code);
    if (m !== null) {
      const count = Number(m[1]);
      const current = Number(m[2]);
      if (current + 1 < count) return `${m[3]}_${current + 1}.${m[4]}`;
      return null;
    }
    const count = COUNT_PAGE.exec(code);
    const current = CURRENT_PAGE.exec(code);
    if (count !== null && current !== null) {
      const next = Number(current[1]) + 1;
      if (next >= Number(count[1])) return null;
      return `index_${next}.${pageExtension(pageUrl)}`;
    }
  }
  return null;
}

function pageExtension(pageUrl: string): string {
  let path = pageUrl;
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    // keep the raw string
  }
  return /\.(s?html?)$/iu.exec(path)?.[1]?.toLowerCase() ?? "html";
}

// ---------------------------------------------------------------------------------------------
// Blank columns

/** What blank columns say: 暂无信息, 暂无相关内容, 没有记录, 栏目建设中, 正在建设中, 敬请期待… */
const PLACEHOLDER =
  /暂无(?:相关|更多)?(?:信息|内容|数据|记录|文章|资料|公告|新闻|文件|更新|稿件)|^暂无$|没有(?:相关|找到|查询到)?(?:的)?(?:信息|内容|数据|记录|文章)|无相关(?:信息|内容|数据|记录)|(?:栏目|页面|网站|正在)建设中|^建设中|敬请期待|暂未(?:发布|公开|更新)|尚未(?:发布|公开)/u;
/** A placeholder is a short line of its own, not a sentence that happens to contain the words. */
const PLACEHOLDER_MAX_CHARS = 40;
/** Header, menu, sidebar and footer boxes: a "暂无数据" there says nothing about the column. */
const CHROME_TAGS = new Set([
  "header",
  "nav",
  "footer",
  "aside",
  "script",
  "style",
  "template",
  "noscript",
  "a",
]);
const CHROME_KEY =
  /(?:^|[\s_-])(?:top|topbar|header|head|nav|navbar|menu|foot|footer|bottom|side|sidebar|aside|copyright)(?:$|[\s_\d-])/iu;

/** Rows with titles this long are articles rather than menu entries (首页, 机构概况, 政务公开). */
const ARTICLE_TITLE_CHARS = 8;
const UNDATED_LIST_ROWS = 3;
const CHROME_LEVELS = 6;

/**
 * A list of article-like links outside the page chrome, only without dates: the column has items
 * and a "暂无数据" elsewhere on the page must not make it a blank column (a veto in the national rules).
 */
function hasUndatedList(groups: Map<Element, Row[]>): boolean {
  for (const [container, list] of groups) {
    let long = 0;
    for (const r of list) if (r.title.length >= ARTICLE_TITLE_CHARS) long += 1;
    if (long < UNDATED_LIST_ROWS) continue;
    let chrome = false;
    let e: Element | null = container;
    for (let level = 0; e !== null && level < CHROME_LEVELS && !chrome; level++, e = parentElement(e)) {
      chrome = isChrome(e);
    }
    if (!chrome) return true;
  }
  return false;
}

/**
 * The first short placeholder text outside the page chrome, as written; null when there is none.
 * Only called when no list was found, so a page with items never reports one.
 */
function findPlaceholder(dom: Document): string | null {
  const stack: AnyNode[] = [];
  for (let i = dom.children.length - 1; i >= 0; i--) stack.push(dom.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") {
      const text = collapse(textData(node));
      if (text.length > 0 && text.length <= PLACEHOLDER_MAX_CHARS && PLACEHOLDER.test(text)) return text;
      continue;
    }
    if (!isElement(node) || node.name === "head" || isChrome(node)) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

function isChrome(e: Element): boolean {
  if (CHROME_TAGS.has(e.name)) return true;
  const key = `${e.attribs["id"] ?? ""} ${e.attribs["class"] ?? ""}`;
  return key.length > 1 && CHROME_KEY.test(key);
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

function parentElement(node: AnyNode): Element | null {
  const p = node.parent;
  return p !== null && isElement(p) ? p : null;
}

/** Link text, or its title attribute when the text is empty or cut short ("…", "..."). */
function anchorTitle(a: Anchor): string {
  const attr = collapse(a.element.attribs["title"] ?? "");
  if (a.text === "") return attr;
  if (attr !== "" && /(?:…|\.\.\.?)$/u.test(a.text) && attr.length > a.text.length) return attr;
  return a.text;
}

function nextElement(node: AnyNode): Element | null {
  for (let n = node.next; n !== null; n = n.next) {
    if (isElement(n)) return n;
    if (n.type === "text" && textData(n).trim() !== "") return null;
  }
  return null;
}

function signature(e: Element): string {
  return `${e.name}.${(e.attribs["class"] ?? "").trim()}`;
}

function locator(e: Element): string {
  const parts: string[] = [];
  for (let n: Element | null = e; n !== null; n = parentElement(n)) {
    let part = n.name;
    const id = (n.attribs["id"] ?? "").trim();
    const cls = (n.attribs["class"] ?? "").trim().split(/\s+/)[0] ?? "";
    if (id !== "" && /^[\w-]+$/.test(id)) part += `#${id}`;
    else if (cls !== "" && /^[\w-]+$/.test(cls)) part += `.${cls}`;
    if (!part.includes("#")) {
      let index = 0;
      let same = 0;
      for (const c of n.parent?.children ?? []) {
        if (!isElement(c) || c.name !== n.name) continue;
        same += 1;
        if (c === n) index = same;
      }
      if (same > 1) part += `:nth-of-type(${index})`;
    }
    parts.push(part);
  }
  return parts.reverse().join(" > ");
}

// ---------------------------------------------------------------------------------------------
// URLs and text

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function normaliseDigits(text: string): string {
  if (!/[０-９]/.test(text)) return text;
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
