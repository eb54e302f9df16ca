/**
 * Public messages (网民留言, 来信) on consultation pages: a letter's own page (留言时间, 答复时间,
 * 答复内容, 状态) and list pages that show each letter's dates or status. Templates differ by CMS:
 * th/td pairs, dl/dt/dd, "label：value" lines, list rows with a status badge, tables with a header
 * row. The first three all become "label" then "value" in PageModel.text (block elements end lines),
 * so letter pages are read from the text; list rows need the DOM to keep a row's cells together.
 * Pure, no I/O; dates are China-time "YYYY-MM-DD[THH:mm]" as written on the page.
 */
import type { AnyNode, Document, Element } from "domhandler";
import type { Confidence } from "../core/finding.ts";
import { findDates } from "./dates.ts";
import { collapse, isElement, resolveHref, textOf, usableHref } from "./domText.ts";
import type { PageModel } from "./model.ts";

export type MessageStatus = "replied" | "unreplied" | "processing" | "unknown";

export interface MessageRecord {
  /** The letter's own page (absolute), also for a list row that links to it. */
  url: string;
  title: string;
  /** 留言时间/来信时间/提问时间, "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm"; null when the page shows none. */
  asked: string | null;
  /** 答复时间/回复时间/办理时间; null when not shown (unanswered, or answered without a date). */
  replied: string | null;
  status: MessageStatus;
  /** The status as written (待回复, 已办结…), or null. */
  statusText: string | null;
  /** A reply text or replying unit is shown. */
  hasReply: boolean;
  source: "detail" | "list";
  /** confirmed: labelled fields; suspected: dates taken by position from an unlabelled list row. */
  confidence: Confidence;
}

export interface MessagePage {
  kind: "detail" | "list" | "none";
  records: MessageRecord[];
}

type Field = "asked" | "replied" | "reply" | "status" | "title" | "content";

/** Labels by field; longer spellings first so 留言标题 is not read as 标题 of another field. */
const LABELS: Record<Field, readonly string[]> = {
  asked: [
    "留言时间",
    "留言日期",
    "来信时间",
    "来信日期",
    "提问时间",
    "提问日期",
    "咨询时间",
    "写信时间",
    "提交时间",
  ],
  replied: ["答复时间", "答复日期", "回复时间", "回复日期", "办理时间", "办结时间", "反馈时间", "处理时间"],
  reply: [
    "答复内容",
    "回复内容",
    "答复意见",
    "回复意见",
    "办理结果",
    "处理结果",
    "回复单位",
    "答复单位",
    "办理单位",
    "答复部门",
    "回复部门",
  ],
  status: ["办理状态", "处理状态", "答复状态", "回复状态", "信件状态", "状态"],
  title: ["留言标题", "来信标题", "信件标题", "留言主题", "来信主题", "标题", "主题"],
  content: ["留言内容", "来信内容", "咨询内容", "问题内容", "信件内容", "提问内容"],
};

const fieldOfLabel = new Map<string, Field>();
for (const [field, labels] of Object.entries(LABELS) as Array<[Field, readonly string[]]>)
  for (const label of labels) fieldOfLabel.set(label, field);
const allLabels = [...fieldOfLabel.keys()].sort((a, b) => b.length - a.length);
const LABEL_ALT = allLabels.join("|");
/** "label：value" anywhere in a line, up to the next known label. */
const INLINE_LABEL = new RegExp(`(${LABEL_ALT})\\s*[：:]\\s*`, "gu");
/** A line that is a label alone (a th, dt or td cell): its value is the next line. */
const LABEL_LINE = new RegExp(`^(${LABEL_ALT})\\s*[：:]?$`, "u");

/** Unanswered spellings first: 未办结 contains 办结. */
const STATUS_WORDS: ReadonlyArray<[RegExp, MessageStatus]> = [
  [/未答复|未回复|待回复|待答复|未处理|待处理|未办理|未办结|未反馈/u, "unreplied"],
  [/处理中|办理中|受理中|已受理|已转办|转办中|审核中/u, "processing"],
  [/已答复|已回复|已办结|已处理|已办理|已反馈|办结/u, "replied"],
];

/** A letter shows when it came, or a list its letters' status: the cheap test before a DOM is built. */
const MESSAGE_HINT = new RegExp(
  [...LABELS.asked, ...LABELS.replied, ...STATUS_WORDS.map(([pattern]) => pattern.source)].join("|"),
  "u",
);
const ASKED_LABEL = new RegExp(LABELS.asked.join("|"), "gu");

export function mayHoldMessages(page: PageModel): boolean {
  return MESSAGE_HINT.test(page.text);
}

/**
 * Reads the messages of one page: the letter itself on a letter page, the rows of a list page that
 * show dates or statuses. Never throws; a page without messages gives kind "none".
 */
export function readMessages(page: PageModel, dom: Document | null): MessagePage {
  try {
    const detail = readDetail(page);
    const rows = dom === null ? [] : readListRows(dom, page);
    if (detail !== null)
      return { kind: "detail", records: [detail, ...rows.filter((r) => r.url !== detail.url)] };
    return rows.length > 0 ? { kind: "list", records: rows } : { kind: "none", records: [] };
  } catch {
    return { kind: "none", records: [] };
  }
}

// ---------------------------------------------------------------------------------------------
// Letter pages, from the text

type Fields = Partial<Record<Field, string>>;

/** First value of each field: labelled inline ("来信时间：…") or on the line after a label-only line. */
export function labelledFields(text: string): Fields {
  const fields: Fields = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const alone = LABEL_LINE.exec(line);
    if (alone !== null) {
      const field = fieldOfLabel.get(alone[1]!)!;
      const next = lines[i + 1]?.trim() ?? "";
      if (fields[field] === undefined && next !== "" && !LABEL_LINE.test(next)) fields[field] = next;
      continue;
    }
    const matches = [...line.matchAll(INLINE_LABEL)];
    matches.forEach((m, k) => {
      const field = fieldOfLabel.get(m[1]!)!;
      const end = matches[k + 1]?.index ?? line.length;
      const value = line.slice(m.index + m[0].length, end).trim();
      if (fields[field] === undefined && value !== "") fields[field] = value;
    });
  }
  return fields;
}

function readDetail(page: PageModel): MessageRecord | null {
  // A list whose rows carry "留言时间：…" repeats the label; a letter's page shows it once.
  if ((page.text.match(ASKED_LABEL)?.length ?? 0) !== 1) return null;
  const fields = labelledFields(page.text);
  const asked = dateOf(fields.asked);
  // A letter shows when it was written and something of the letter or its handling.
  if (
    asked === null ||
    (fields.content === undefined &&
      fields.reply === undefined &&
      fields.status === undefined &&
      fields.replied === undefined)
  )
    return null;
  const replied = dateOf(fields.replied);
  const written = fields.status === undefined ? null : statusIn(fields.status);
  const hasReply = fields.reply !== undefined;
  const status: MessageStatus = written?.status ?? (replied !== null || hasReply ? "replied" : "unknown");
  return {
    url: page.url,
    title: fields.title ?? pageTitle(page),
    asked,
    replied,
    status,
    statusText: written?.text ?? null,
    hasReply,
    source: "detail",
    confidence: "confirmed",
  };
}

function dateOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  return findDates(value)[0]?.iso.slice(0, 16) ?? null;
}

function statusIn(text: string): { status: MessageStatus; text: string } | null {
  for (const [pattern, status] of STATUS_WORDS) {
    const m = pattern.exec(text);
    if (m !== null) return { status, text: m[0] };
  }
  return null;
}

const TITLE_SEPARATORS = /\s*(?:_{1,2}|-{1,2}|\||｜|—{1,2}|–)\s*/u;

/** The letter's title: the longest part of <title> (the site name is the shorter part). */
function pageTitle(page: PageModel): string {
  const parts = page.title.split(TITLE_SEPARATORS).filter((p) => p.trim() !== "");
  return parts.sort((a, b) => b.length - a.length)[0]?.trim() ?? page.url;
}

// ---------------------------------------------------------------------------------------------
// List pages, from the DOM

interface Scan {
  /** Elements holding exactly one link, with their link; maximal ones are the list rows. */
  single: Map<Element, Element>;
  tables: Element[];
}

/**
 * The rows of a message list: a table with a header row naming the columns (标题 | 留言时间 | 答复时间 |
 * 状态), or rows (li, tr, div) holding one link and a status badge or labelled dates. A list whose
 * rows show only a title and a date is an ordinary column list: its letters are read from their pages.
 */
function readListRows(dom: Document, page: PageModel): MessageRecord[] {
  const scan = scanDocument(dom);
  const records: MessageRecord[] = [];
  const seen = new Set<Element>();
  for (const table of scan.tables) {
    for (const row of headedTableRows(table, page.baseUrl)) {
      records.push(row.record);
      seen.add(row.tr);
    }
  }
  const badged: MessageRecord[] = [];
  for (const [element, anchor] of scan.single) {
    const parent = element.parent;
    if (parent !== null && isElement(parent) && scan.single.has(parent)) continue; // not maximal
    if (seen.has(element) || insideAny(element, seen)) continue;
    const record = badgedRow(element, anchor, page.baseUrl);
    if (record !== null) badged.push(record);
  }
  // One badge may be a sidebar note; a list repeats them.
  return badged.length >= 2 ? [...records, ...badged] : records;
}

function scanDocument(dom: Document): Scan {
  const single = new Map<Element, Element>();
  const tables: Element[] = [];
  // Post-order: an element holds one link when its children together hold exactly that one.
  const anchorOf = new Map<Element, Element | "many">();
  const visit = (root: Element): void => {
    const stack: Array<{ element: Element; done: boolean }> = [{ element: root, done: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      const e = top.element;
      if (!top.done) {
        if (e.name === "script" || e.name === "style") continue;
        stack.push({ element: e, done: true });
        for (let i = e.children.length - 1; i >= 0; i--) {
          const child = e.children[i]!;
          if (isElement(child)) stack.push({ element: child, done: false });
        }
        continue;
      }
      if (e.name === "table") tables.push(e);
      let found: Element | "many" | undefined =
        e.name === "a" && usableHref(e.attribs["href"]) !== null ? e : undefined;
      for (const child of e.children) {
        if (!isElement(child)) continue;
        const inner = anchorOf.get(child);
        if (inner === undefined) continue;
        found = found === undefined ? inner : "many";
      }
      if (found !== undefined) anchorOf.set(e, found);
      if (found !== undefined && found !== "many") single.set(e, found);
    }
  };
  for (const child of dom.children) if (isElement(child)) visit(child);
  return { single, tables };
}

function insideAny(element: Element, set: Set<Element>): boolean {
  for (let p = element.parent; p !== null && isElement(p); p = p.parent) if (set.has(p)) return true;
  return false;
}

const TABLE_FIELDS: readonly Field[] = ["asked", "replied", "status"];

function headedTableRows(table: Element, base: string): Array<{ tr: Element; record: MessageRecord }> {
  const rows = rowsOf(table);
  // A header row names at least two columns, one of them a date or the status; a th/td letter
  // table (留言时间 | 2026-11-16) names one per row.
  const headerIndex = rows.findIndex((tr) => {
    const fields = cellsOf(tr).map(headerField);
    return (
      fields.filter((f) => f !== undefined).length >= 2 &&
      fields.some((f) => f !== undefined && TABLE_FIELDS.includes(f))
    );
  });
  if (headerIndex < 0) return [];
  const columns = cellsOf(rows[headerIndex]!).map(headerField);
  const out: Array<{ tr: Element; record: MessageRecord }> = [];
  for (const tr of rows.slice(headerIndex + 1)) {
    const cells = cellsOf(tr);
    const anchor = firstAnchor(tr);
    if (anchor === null) continue;
    const value = (field: Field): string | undefined => {
      const i = columns.indexOf(field);
      return i < 0 || cells[i] === undefined ? undefined : collapse(textOf(cells[i]!, null, ROW_TEXT_LIMIT));
    };
    const written = statusIn(value("status") ?? "");
    const replied = dateOf(value("replied"));
    out.push({
      tr,
      record: {
        url: resolveHref(anchor.attribs["href"]!, base),
        title: value("title") ?? linkText(anchor),
        asked: dateOf(value("asked")),
        replied,
        status: written?.status ?? (replied !== null ? "replied" : "unknown"),
        statusText: written?.text ?? null,
        hasReply: false,
        source: "list",
        confidence: "confirmed",
      },
    });
  }
  return out;
}

function headerField(cell: Element): Field | undefined {
  const text = collapse(textOf(cell, null, ROW_TEXT_LIMIT)).replace(/[：:]$/u, "");
  return fieldOfLabel.get(text);
}

function badgedRow(row: Element, anchor: Element, base: string): MessageRecord | null {
  const title = linkText(anchor);
  if (title === "") return null;
  const text = collapse(textOf(row, anchor, ROW_TEXT_LIMIT));
  const written = statusIn(text);
  const fields = labelledFields(text);
  let asked = dateOf(fields.asked);
  let replied = dateOf(fields.replied);
  if (written === null && asked === null && replied === null) return null;
  let confidence: Confidence = "confirmed";
  if (asked === null && replied === null) {
    // Unlabelled dates beside a badge: lists show when the letter came first, then the reply.
    const dates = findDates(text);
    asked = dates[0]?.iso.slice(0, 16) ?? null;
    replied = written?.status === "replied" ? (dates[1]?.iso.slice(0, 16) ?? null) : null;
    confidence = "suspected";
  }
  return {
    url: resolveHref(anchor.attribs["href"]!, base),
    title,
    asked,
    replied,
    status: written?.status ?? (replied !== null ? "replied" : "unknown"),
    statusText: written?.text ?? null,
    hasReply: false,
    source: "list",
    confidence,
  };
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const stack: AnyNode[] = [...table.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node) || node.name === "table") continue; // nested tables are their own
    if (node.name === "tr") rows.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return rows;
}

function cellsOf(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => isElement(c) && (c.name === "td" || c.name === "th"));
}

function firstAnchor(root: Element): Element | null {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === "a" && usableHref(n.attribs["href"]) !== null) return n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return null;
}

/** Row text is read up to this many characters: a badge and dates sit beside the title. */
const ROW_TEXT_LIMIT = 400;

function linkText(anchor: Element): string {
  const text = collapse(textOf(anchor, null, ROW_TEXT_LIMIT));
  const title = collapse(anchor.attribs["title"] ?? "");
  return title.length > text.length ? title : text;
}
