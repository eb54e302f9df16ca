/**
 * Finds the main item list of a government column (栏目) list page: the titles, links and dates of
 * its entries, the newest entry date, where the list sits in the page and the links to further pages.
 *
 * Works across the usual templates (ul/li, tables with a date cell, div grids, dl/dt/dd): every link
 * is given a "row" (the largest ancestor holding that link and no other), rows are grouped by the
 * element that holds them, and the group with the most rows carrying a date wins. Navigation bars and
 * footers hold many links but (almost) no dates, so they lose.
 */
import type { AnyNode, Document, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { findDates, isValidDate } from "./dates.ts";

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
  /** Next-page URLs found (index_1.html, ?page=2, 下一页 links), absolute where resolvable. */
  pagination: string[];
}

interface Row {
  anchor: Element;
  row: Element;
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

const EMPTY: ListExtraction = { items: [], newest: null, container: "", pagination: [] };

/** Extracts the main list of a column list page. Never throws: on any failure it returns no items. */
export function extractListItems(html: string, url: string, asOf: Date): ListExtraction {
  try {
    return extract(html, url, asOf);
  } catch {
    return { ...EMPTY, items: [], pagination: [] };
  }
}

function extract(html: string, url: string, asOf: Date): ListExtraction {
  const doc = parseDocument(html, { decodeEntities: true });
  const base = baseUrl(doc, url);
  const anchors = collect(doc, (e) => e.name === "a" && usableHref(e.attribs["href"]) !== null);
  const pagination = findPagination(anchors, base, url);

  const rows: Row[] = [];
  for (const anchor of anchors) {
    const row = rowOf(anchor);
    const container = row.parent;
    if (container === null || !isElement(container)) continue;
    const title = anchorTitle(anchor);
    if (title === "") continue;
    rows.push({
      anchor,
      row,
      container,
      title,
      href: usableHref(anchor.attribs["href"]) ?? "",
      date: rowDate(row, anchor, asOf),
    });
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
  if (best === null) return { ...EMPTY, pagination };

  // Lists split into several sibling blocks of the same kind (e.g. one <ul> per 5 items).
  const chosen = new Set<Element>([best]);
  for (const [container, list] of groups) {
    if (container === best || container.parent !== best.parent) continue;
    if (signature(container) !== signature(best)) continue;
    if (list.some((r) => r.date !== null)) chosen.add(container);
  }

  const items: ListItem[] = [];
  for (const r of rows) {
    if (!chosen.has(r.container)) continue;
    items.push({
      title: r.title,
      url: resolve(r.href, base),
      date: r.date?.iso ?? null,
      dateText: r.date?.text ?? null,
      yearInferred: r.date?.yearInferred ?? false,
    });
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
  };
}

/** Dated rows count most; rows with short nav-like titles (首页, 更多) count for nothing. */
function groupScore(list: Row[]): number {
  let dated = 0;
  let titled = 0;
  for (const r of list) {
    if (r.title.length < 5) continue;
    titled += 1;
    if (r.date !== null) dated += 1;
  }
  if (dated === 0) return 0;
  return dated * 100 + titled;
}

// ---------------------------------------------------------------------------------------------
// Rows and dates

/** The largest ancestor of the link that holds no other link (the list row: li, tr, dd, div…). */
function rowOf(anchor: Element): Element {
  let row: Element = anchor;
  for (let p = anchor.parent; p !== null && isElement(p); p = p.parent) {
    if (p.name === "body" || p.name === "html") break;
    if (countAnchors(p, 2) > 1) break;
    row = p;
  }
  return row;
}

function countAnchors(node: AnyNode, limit: number): number {
  let n = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && n < limit) {
    const cur = stack.pop()!;
    if (isElement(cur)) {
      if (cur.name === "a" && usableHref(cur.attribs["href"]) !== null) n += 1;
      for (const c of cur.children) stack.push(c);
    }
  }
  return n;
}

/** The date written in the row outside the link text (or in a link-free next sibling, as dt → dd). */
function rowDate(row: Element, anchor: Element, asOf: Date): RowDate | null {
  const outside = textOf(row, anchor);
  const found = dateIn(outside, asOf);
  if (found !== null) return found;
  if (row === anchor) {
    // A bare link in a container: look at the text right after it up to the next element.
    const next = row.next;
    if (next !== null && next.type === "text") {
      const d = dateIn((next as unknown as { data: string }).data, asOf);
      if (d !== null) return d;
    }
  }
  const sibling = nextElement(row);
  if (sibling !== null && countAnchors(sibling, 1) === 0) {
    const d = dateIn(textOf(sibling, null), asOf);
    if (d !== null) return d;
  }
  // Dates written in the link itself after the title, e.g. <a>标题 2026-11-20</a>.
  const inside = findDates(anchorText(anchor));
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
const PAGE_HREF =
  /(?:index|list|default)_\d+\.s?html?$|[?&](?:page|pageNo|pageno|pageIndex|pageindex|p|curPage|currentPage|pn)=\d+/u;

function findPagination(anchors: Element[], base: string, pageUrl: string): string[] {
  const out: string[] = [];
  const self = resolve(pageUrl, pageUrl);
  for (const a of anchors) {
    const href = usableHref(a.attribs["href"]);
    if (href === null) continue;
    const text = anchorText(a).replace(/\s+/g, " ").trim();
    const isNext = NEXT_TEXT.test(text);
    const numbered = PAGE_HREF.test(href) && (/^\d+$/.test(text) || /尾页|末页|下一页|下页/u.test(text));
    if (!isNext && !numbered) continue;
    const abs = resolve(href, base);
    if (abs === self || out.includes(abs)) continue;
    out.push(abs);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

function collect(root: AnyNode, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: AnyNode): void => {
    if (isElement(node)) {
      if (node.name === "script" || node.name === "style") return;
      if (test(node)) out.push(node);
    }
    if ("children" in node) for (const c of node.children) walk(c);
  };
  walk(root);
  return out;
}

/** Visible-ish text of a subtree, skipping scripts, styles and (optionally) one excluded subtree. */
function textOf(node: AnyNode, exclude: AnyNode | null): string {
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (n === exclude) {
      parts.push(" ");
      return;
    }
    if (n.type === "text") parts.push((n as unknown as { data: string }).data);
    else if (isElement(n)) {
      if (n.name === "script" || n.name === "style") return;
      parts.push(" ");
      for (const c of n.children) walk(c);
      parts.push(" ");
    }
  };
  walk(node);
  return parts.join("");
}

function anchorText(a: Element): string {
  return textOf(a, null).replace(/\s+/g, " ").trim();
}

/** Link text, or its title attribute when the text is empty or cut short ("…", "..."). */
function anchorTitle(a: Element): string {
  const text = anchorText(a);
  const attr = (a.attribs["title"] ?? "").replace(/\s+/g, " ").trim();
  if (text === "") return attr;
  if (attr !== "" && /(?:…|\.\.\.?)$/u.test(text) && attr.length > text.length) return attr;
  return text;
}

function nextElement(node: AnyNode): Element | null {
  for (let n = node.next; n !== null; n = n.next) {
    if (isElement(n)) return n;
    if (n.type === "text" && (n as unknown as { data: string }).data.trim() !== "") return null;
  }
  return null;
}

function signature(e: Element): string {
  return `${e.name}.${(e.attribs["class"] ?? "").trim()}`;
}

function locator(e: Element): string {
  const parts: string[] = [];
  for (let n: AnyNode | null = e; n !== null && isElement(n); n = n.parent) {
    let part = n.name;
    const id = (n.attribs["id"] ?? "").trim();
    const cls = (n.attribs["class"] ?? "").trim().split(/\s+/)[0] ?? "";
    if (id !== "" && /^[\w-]+$/.test(id)) part += `#${id}`;
    else if (cls !== "" && /^[\w-]+$/.test(cls)) part += `.${cls}`;
    const parent: AnyNode | null = n.parent;
    if (parent !== null && "children" in parent) {
      const same = parent.children.filter((c) => isElement(c) && c.name === n!.name);
      if (same.length > 1 && !part.includes("#")) part += `:nth-of-type(${same.indexOf(n) + 1})`;
    }
    parts.unshift(part);
  }
  return parts.join(" > ");
}

// ---------------------------------------------------------------------------------------------
// URLs and text

/** The href without JS-escape artefacts; null for empty, fragment-only, javascript: or mailto: links. */
function usableHref(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const href = raw
    .trim()
    .replace(/^\\?["']/, "")
    .replace(/\\?["']$/, "")
    .trim();
  if (href === "" || href.startsWith("#")) return null;
  if (/^(?:javascript|mailto|tel|data):/iu.test(href)) return null;
  return href;
}

function baseUrl(doc: Document, url: string): string {
  const base = collect(doc, (e) => e.name === "base" && e.attribs["href"] !== undefined)[0];
  const href = base === undefined ? null : usableHref(base.attribs["href"]);
  return href === null ? url : resolve(href, url);
}

function resolve(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function normaliseDigits(text: string): string {
  if (!/[０-９]/.test(text)) return text;
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
