/**
 * Column (栏目) discovery on one page: the main menu, homepage blocks with their 更多 links, the side
 * menu of a column page, the breadcrumb and the ColumnName/ColumnType metas. Government templates
 * rarely use semantic markup, so every finder works from class/id words, label texts (当前位置) and
 * the shape of the link groups. One walk indexes the tree; later steps look things up in that index,
 * so the cost stays linear in the page size.
 */
import { type AnyNode, type Document, type Element, type ParentNode, isTag, isText } from "domhandler";
import { cleanUrlValue, isSkippedUrl, resolveUrl } from "./urls.ts";

export interface ColumnLink {
  name: string;
  /** Absolute URL; "" for a menu heading that has sub-entries but no page of its own (href="#"). */
  url: string;
  children: ColumnLink[];
}

export interface PageColumns {
  /** Main navigation menu: first-level columns, with second-level ones nested when the menu nests them (mega menus, dropdowns). */
  nav: ColumnLink[];
  /** Homepage/section blocks: the block heading as name and its 更多/more link (or the heading's own link) as url. */
  blocks: ColumnLink[];
  /** Side or sub navigation on a column page: the current first-level column's second-level columns. */
  subNav: ColumnLink[];
  /** Breadcrumb trail, e.g. 首页 > 信息公开 > 信息公开年报 (url null for an unlinked last crumb). */
  breadcrumb: { name: string; url: string | null }[];
  /** ColumnName / ColumnType meta values (case-insensitive names; unquoted values as in real pages). */
  meta: { name?: string; type?: string };
}

export function discoverColumns(dom: Document, pageUrl: string): PageColumns {
  try {
    return discover(dom, pageUrl);
  } catch {
    return { nav: [], blocks: [], subNav: [], breadcrumb: [], meta: {} };
  }
}

function discover(dom: Document, pageUrl: string): PageColumns {
  const index = indexDocument(dom);
  const base = index.baseHref === null ? pageUrl : (resolveUrl(index.baseHref, pageUrl) ?? pageUrl);
  const page = new PageIndex(index, base);
  const nav = findNav(page);
  const crumbs = findBreadcrumb(page);
  const taken: Element[] = [];
  if (nav !== null) taken.push(nav.container);
  if (crumbs !== null) taken.push(crumbs.container);
  const blocks = findBlocks(page, taken);
  const breadcrumb = crumbs?.crumbs ?? [];
  const subNav = isSiteRoot(pageUrl) ? [] : findSubNav(page, taken, blocks, breadcrumb, pageUrl);
  const tabs = tabLinks(page, taken);
  return { nav: nav?.items ?? [], blocks: flattenBlocks(blocks, tabs), subNav, breadcrumb, meta: index.meta };
}

// ---------------------------------------------------------------------------------------------
// Index: one pre-order walk. Each element gets the span of pre-order numbers its subtree covers, so
// "is X inside Y" and "how many links does Y hold" are O(1) and O(log n) lookups later.

/** Subtrees that hold no visible links or labels. */
const skippedTags = new Set(["script", "style", "template", "head", "select", "textarea", "svg"]);

/** Words in class/id that mark the main menu. */
const navWord = /nav|menu|memu|daohang/;
/** Words that mark a menu as something other than the main one (side, sub, footer, pager, tabs). */
const notMainNavWord =
  /sub|left|side|foot|bottom|bread|crumb|page|pager|tab|path|position|location|mobile|wap|share|link|friend|second|erji|child/;
/** Words in class/id of side or sub menus on column pages. */
const subNavWord =
  /(?:sub|left|side|second|erji|ej|child|lm|column)[_-]?(?:nav|menu|lm|dh|list|bar|box)|(?:^|[_-])(?:left|side|sidebar|aside|lside|lmdh|ejlm|ejdh)(?:[_-]|\d*$)/;
/** Words in class/id of breadcrumb containers. */
const crumbWord =
  /position|location|crumb|bread|dqwz|weizhi|curpos|nowpos|lujing|^(?:pos|wz|loc|path|dqlm|lj)\d*$/;
/** Words in class/id of block headings. */
const headingWord = /(?:^|[_-])(?:tit|title|titles|hd|bt|lmmc|lmname|lm|caption)(?:[_-]|\d*$)/;
/** Words in class/id of page footers, whose link rows are not menus. */
const footerWord = /foot|bottom|copyright|banquan/;
const headingTags = new Set(["h2", "h3", "h4", "h5", "h6", "dt", "caption", "legend"]);
/** The label in front of a breadcrumb. */
const crumbLabel = /当前位置|当前的位置|您的位置|你的位置|所在位置|现在的位置|您当前的位置|当前栏目/;

interface DocumentIndex {
  baseHref: string | null;
  meta: { name?: string; type?: string };
  /** Pre-order number of each element and of the last node in its subtree. */
  spans: Map<Element, { start: number; end: number }>;
  /** Links (<a href>) in document order, with their pre-order numbers. */
  anchors: Element[];
  anchorStarts: number[];
  navCandidates: Element[];
  subNavCandidates: Element[];
  crumbCandidates: Element[];
  crumbLabels: AnyNode[];
  headingCandidates: Element[];
  lists: Element[];
}

function indexDocument(dom: Document): DocumentIndex {
  const index: DocumentIndex = {
    baseHref: null,
    meta: {},
    spans: new Map(),
    anchors: [],
    anchorStarts: [],
    navCandidates: [],
    subNavCandidates: [],
    crumbCandidates: [],
    crumbLabels: [],
    headingCandidates: [],
    lists: [],
  };
  let counter = 0;
  // Explicit stack (templates nest deep enough to overflow recursion on broken pages); an element
  // is pushed a second time, flagged, to close its span when its subtree is done.
  const stack: AnyNode[] = [];
  const exits: boolean[] = [];
  for (let i = dom.children.length - 1; i >= 0; i--) {
    stack.push(dom.children[i]!);
    exits.push(false);
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (exits.pop()) {
      const span = index.spans.get(node as Element);
      if (span) span.end = counter - 1;
      continue;
    }
    const number = counter++;
    if (isText(node)) {
      if (node.data.length < 300 && crumbLabel.test(node.data)) index.crumbLabels.push(node);
      continue;
    }
    if (!isTag(node)) continue;
    if (node.name === "head") readHead(node, index);
    if (skippedTags.has(node.name)) continue;
    index.spans.set(node, { start: number, end: number });
    noteElement(node, number, index);
    stack.push(node);
    exits.push(true);
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push(node.children[i]!);
      exits.push(false);
    }
  }
  return index;
}

function noteElement(el: Element, number: number, index: DocumentIndex): void {
  const name = el.name;
  if (name === "a" && attr(el, "href") !== undefined) {
    index.anchors.push(el);
    index.anchorStarts.push(number);
  } else if (name === "meta") readMeta(el, index);
  else if (name === "base" && index.baseHref === null) index.baseHref = attr(el, "href") ?? null;
  else if (name === "ul" || name === "ol") index.lists.push(el);
  const words = classWords(el);
  const heading = headingTags.has(name);
  if (words.length === 0) {
    if (name === "nav") index.navCandidates.push(el);
    else if (name === "aside") index.subNavCandidates.push(el);
    else if (heading) index.headingCandidates.push(el);
    return;
  }
  const navLike = words.some((w) => navWord.test(w)) && !words.some((w) => notMainNavWord.test(w));
  if (name === "nav" || navLike) index.navCandidates.push(el);
  if (name === "aside" || anyWord(words, subNavWord)) index.subNavCandidates.push(el);
  if (anyWord(words, crumbWord)) index.crumbCandidates.push(el);
  if (heading || anyWord(words, headingWord)) index.headingCandidates.push(el);
}

/** <head> is skipped for links, but its <meta> and <base> count. */
function readHead(head: Element, index: DocumentIndex): void {
  for (const child of head.children) {
    if (!isTag(child)) continue;
    if (child.name === "meta") readMeta(child, index);
    else if (child.name === "base" && index.baseHref === null) index.baseHref = attr(child, "href") ?? null;
  }
}

function readMeta(el: Element, index: DocumentIndex): void {
  const name = attr(el, "name")?.trim().toLowerCase();
  if (name !== "columnname" && name !== "columntype") return;
  const key = name === "columnname" ? "name" : "type";
  if (index.meta[key] !== undefined) return;
  const value = collapse(attr(el, "content") ?? "");
  if (value !== "") index.meta[key] = value;
}

/** Attribute by its lower-case name: HTML tree builders (htmlparser2's and ours) lower-case them. */
function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

const noWords: readonly string[] = [];

/** Class names and the id, lower-case. */
function classWords(el: Element): readonly string[] {
  const cls = attr(el, "class");
  const id = attr(el, "id");
  if (cls === undefined && id === undefined) return noWords;
  const joined = `${cls ?? ""} ${id ?? ""}`.toLowerCase().trim();
  return joined === "" ? noWords : joined.split(/\s+/);
}

/** One of the class names or the id matches a whole-word pattern. */
function anyWord(words: readonly string[], pattern: RegExp): boolean {
  for (const w of words) if (pattern.test(w)) return true;
  return false;
}

/** Lookups over the index, with the page's base URL for resolving links. */
class PageIndex {
  private readonly names = new Map<Element, string>();
  private readonly urls = new Map<Element, string | null>();

  constructor(
    readonly index: DocumentIndex,
    readonly base: string,
  ) {}

  contains(outer: Element, inner: Element): boolean {
    const a = this.index.spans.get(outer);
    const b = this.index.spans.get(inner);
    return a !== undefined && b !== undefined && a.start <= b.start && b.start <= a.end;
  }

  /** Links inside el, in document order. */
  anchorsIn(el: Element): Element[] {
    const span = this.index.spans.get(el);
    if (span === undefined) return [];
    const starts = this.index.anchorStarts;
    const from = lowerBound(starts, span.start);
    const to = lowerBound(starts, span.end + 1);
    return this.index.anchors.slice(from, to);
  }

  anchorCount(el: Element): number {
    const span = this.index.spans.get(el);
    if (span === undefined) return 0;
    const starts = this.index.anchorStarts;
    return lowerBound(starts, span.end + 1) - lowerBound(starts, span.start);
  }

  /** Anchor text, else its title, else the alt of its image. */
  nameOf(a: Element): string {
    let name = this.names.get(a);
    if (name === undefined) {
      name = cleanName(textOf(a, 80)) || cleanName(attr(a, "title") ?? "") || cleanName(imageAlt(a));
      this.names.set(a, name);
    }
    return name;
  }

  urlOf(a: Element): string | null {
    let url = this.urls.get(a);
    if (url === undefined) {
      url = absoluteUrl(attr(a, "href") ?? "", this.base);
      this.urls.set(a, url);
    }
    return url;
  }

  link(a: Element): ColumnLink | null {
    // The name first: most links are item titles, rejected before their URL costs a parse.
    const name = this.nameOf(a);
    if (!isColumnName(name)) return null;
    const url = this.urlOf(a);
    return url === null ? null : { name, url, children: [] };
  }
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Text and names.

/**
 * Collapsed text of a subtree. Reading stops once it is longer than maxChars (the result is then
 * longer than maxChars, never cut short: a cut title could pass for a short heading), or after a
 * bounded number of nodes, so a huge subtree stays cheap.
 */
function textOf(node: AnyNode, maxChars: number): string {
  let out = "";
  let visited = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && visited++ < 400) {
    const n = stack.pop()!;
    if (isText(n)) {
      out += n.data;
      if (out.length > maxChars && collapse(out).length > maxChars) break;
    } else if (isTag(n) && !skippedTags.has(n.name)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return collapse(out);
}

function imageAlt(a: Element): string {
  const stack: AnyNode[] = [...a.children].reverse();
  for (let visited = 0; stack.length > 0 && visited < 50; visited++) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === "img") return attr(node, "alt") ?? "";
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return "";
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const cjk = "\\u3400-\\u9fff\\uf900-\\ufaff";
const spaceBetweenCjk = new RegExp(`(?<=[${cjk}]) +(?=[${cjk}])`, "g");
const hasCjkOrLetter = new RegExp(`[${cjk}A-Za-z]`);
/** Bullets and arrows that templates put around menu and block names. */
const edgeDecoration =
  /^[\s·•●○■□◆◇▪▸▶►>»›<«‹|｜:：、,，.。\-—_~*+]+|[\s·•●○■□◆◇▪▸▶►>»›<«‹|｜:：、,，.。\-—_~*+]+$/g;
const wrappingBrackets = /^[【[〖「](.+)[】\]〗」]$/;

/** "首\u3000页" → "首页", "· 通知公告 >>" → "通知公告", "【专题】" → "专题". */
function cleanName(raw: string): string {
  if (raw === "") return "";
  const name = collapse(raw).replace(spaceBetweenCjk, "").replace(edgeDecoration, "");
  return name.replace(wrappingBrackets, "$1").trim();
}

/** Entries of menus and lists that are not columns: home, language, accessibility, account, pager. */
const notColumnName =
  /^(?:首页|网站首页|返回首页|回到首页|回首页|主页|home|homepage|english|en|eng|无障碍|无障碍浏览|长者模式|关怀版|适老化|老年模式|登录|注册|用户登录|个人登录|法人登录|退出|设为首页|加入收藏|收藏本站|网站地图|手机版|移动版|繁体|繁體|简体|繁体版|简体版|搜索|高级搜索|rss|更多|查看更多|more|上一页|下一页|上页|下页|尾页|末页|前一页|后一页|第?\d+页?|跳转|go)$/i;
const moreName = /^(?:更多|查看更多|more|更多信息|更多内容|更多新闻)/i;

function isColumnName(name: string): boolean {
  return (
    name.length >= 2 &&
    name.length <= 30 &&
    hasCjkOrLetter.test(name) &&
    !notColumnName.test(name) &&
    !moreName.test(name)
  );
}

/** A block heading: short (column names are 2–16 characters), not a date, not a 更多 link. */
function isHeadingName(name: string): boolean {
  return (
    name.length >= 2 &&
    name.length <= 16 &&
    hasCjkOrLetter.test(name) &&
    !moreName.test(name) &&
    !notColumnName.test(name) &&
    // "当前位置：首页 > 政务公开", "来源：…" are labelled lines, not headings.
    !/[:：>»›]/.test(name) &&
    !/\d{4}[-/年.]\d{1,2}/.test(name)
  );
}

function absoluteUrl(raw: string, base: string): string | null {
  const value = cleanUrlValue(raw);
  if (isSkippedUrl(value)) return null;
  const url = resolveUrl(value, base);
  if (url === null || !/^https?:/i.test(url)) return null;
  const hash = url.indexOf("#");
  return hash < 0 ? url : url.slice(0, hash);
}

const tabWord = /(?:^|[_-])tabs?(?:[_-]|\d*$)/;

/** Tab strips (最新动态 | 通知公告 | 政策文件 over one box) look like menus but head homepage blocks. */
function inTabs(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node !== null && depth < 4; depth++) {
    if (anyWord(classWords(node), tabWord)) return true;
    node = node.parent !== null && isTag(node.parent) ? node.parent : null;
  }
  return false;
}

function isSiteRoot(pageUrl: string): boolean {
  const { path } = splitUrl(pageUrl);
  return path === "/" || /^\/(?:index|default|main|home)\.\w+$/i.test(path);
}

function inFooter(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node !== null && depth < 15; depth++) {
    if (node.name === "footer" || anyWord(classWords(node), footerWord)) return true;
    node = node.parent !== null && isTag(node.parent) ? node.parent : null;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Menus: main navigation and side navigation share the item extraction.

/**
 * Entries of a menu container. An entry is a top-level <li>, or, in markup without lists, each
 * element child of the level where the links spread out (td cells, div items, bare links). The
 * entry's first link (or leading text) is the column; further links in it are its sub-columns.
 */
function menuItems(page: PageIndex, container: Element): ColumnLink[] {
  const lis = topLevelItems(container, "li");
  const entries = lis.length >= 2 ? lis : spreadLevelItems(page, container);
  const items: ColumnLink[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const item = menuEntry(page, entry);
    if (item === null) continue;
    const id = `${item.name}\n${item.url}`;
    if (seen.has(id)) continue;
    seen.add(id);
    items.push(item);
  }
  return items;
}

function topLevelItems(container: Element, tag: string): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...container.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node) || skippedTags.has(node.name)) continue;
    if (node.name === tag) found.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

/** Descends wrappers (div.wrap, tbody, tr) that hold all the links in one child. */
function spreadLevelItems(page: PageIndex, container: Element): Element[] {
  let level = container;
  for (let depth = 0; depth < 30; depth++) {
    const holders = level.children.filter((c): c is Element => isTag(c) && page.anchorCount(c) > 0);
    const only = holders[0];
    if (holders.length !== 1 || only === undefined || only.name === "a") return holders;
    level = only;
  }
  return [];
}

function menuEntry(page: PageIndex, entry: Element): ColumnLink | null {
  const anchors = entry.name === "a" ? [entry] : page.anchorsIn(entry);
  const head = entryHead(entry);
  const headAnchor = head !== null && isTag(head) ? head : null;
  let item: ColumnLink | null;
  if (headAnchor !== null) {
    const name = page.nameOf(headAnchor);
    if (!isColumnName(name)) return null;
    item = { name, url: page.urlOf(headAnchor) ?? "", children: [] };
  } else if (head !== null) {
    item = { name: cleanName(textOf(head, 40)), url: "", children: [] };
    if (!isColumnName(item.name)) return null;
  } else return null;
  for (const a of anchors) {
    if (a === headAnchor) continue;
    const child = page.link(a);
    if (child !== null && child.url !== item.url) item.children.push(child);
  }
  return item.url === "" && item.children.length === 0 ? null : item;
}

/** The first link or non-blank text of an entry: what a reader sees as the entry's name. */
function entryHead(entry: Element): AnyNode | null {
  if (entry.name === "a") return entry;
  const stack: AnyNode[] = [...entry.children].reverse();
  let visited = 0;
  while (stack.length > 0 && visited++ < 200) {
    const node = stack.pop()!;
    if (isText(node)) {
      if (cleanName(node.data) !== "") return node;
      continue;
    }
    if (!isTag(node) || skippedTags.has(node.name)) continue;
    if (node.name === "a" && attr(node, "href") !== undefined) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}

interface FoundNav {
  container: Element;
  items: ColumnLink[];
}

/**
 * The first menu-like container in the page with at least four entries, or two that open onto
 * sub-columns (three if nothing better comes).
 */
function findNav(page: PageIndex): FoundNav | null {
  let fallback: FoundNav | null = null;
  let tried = 0;
  for (const container of page.index.navCandidates) {
    if (tried >= 40) break;
    if (fallback !== null && page.contains(fallback.container, container)) continue;
    if (page.anchorCount(container) < 3 || inFooter(container) || inTabs(container)) continue;
    tried++;
    const items = menuItems(page, container);
    // A mega menu may have only two first-level entries, each over a panel of sub-columns.
    const nested = items.reduce((sum, item) => sum + item.children.length, 0);
    if (items.length >= 4 || (items.length >= 2 && nested >= 4)) return { container, items };
    if (items.length === 3 && fallback === null) fallback = { container, items };
  }
  return fallback ?? listNav(page);
}

/** Pages whose menu has no telling class: the first list of five or more short column links. */
function listNav(page: PageIndex): FoundNav | null {
  for (const list of page.index.lists.slice(0, 200)) {
    const lis = list.children.filter((c): c is Element => isTag(c) && c.name === "li");
    if (lis.length < 5 || inFooter(list) || inTabs(list)) continue;
    const items = menuItems(page, list);
    const short = items.filter((i) => i.name.length <= 8 && !looksLikeArticleUrl(i.url)).length;
    if (items.length >= 5 && short >= items.length * 0.8) return { container: list, items };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Breadcrumb.

interface FoundCrumbs {
  container: Element;
  crumbs: { name: string; url: string | null }[];
}

const crumbSeparators = /\s*(?:>>|>|»|›|≫|＞|→|\/|\\|\||｜)\s*/;

/** Prefers a container labelled 当前位置/您的位置 over class names like position/crumb/dqwz. */
function findBreadcrumb(page: PageIndex): FoundCrumbs | null {
  for (const label of page.index.crumbLabels.slice(0, 10)) {
    const container = labelledContainer(page, label);
    if (container === null) continue;
    const crumbs = readCrumbs(page, container, label);
    if (crumbs.length >= 1) return { container, crumbs };
  }
  for (const container of page.index.crumbCandidates.slice(0, 20)) {
    const count = page.anchorCount(container);
    if (count < 1 || count > 15 || inFooter(container)) continue;
    const crumbs = readCrumbs(page, container, null);
    if (crumbs.length >= 2 && plausibleTrail(crumbs)) return { container, crumbs };
  }
  return null;
}

/**
 * The label may sit in its own <span> or <li>; the trail is the nearest ancestor that also holds
 * links, widened from an inline element or list item to the list or line that holds the rest.
 */
function labelledContainer(page: PageIndex, label: AnyNode): Element | null {
  let node = label.parent;
  for (let depth = 0; node !== null && isTag(node) && depth < 4; depth++) {
    const count = page.anchorCount(node);
    if (count > 15) return null;
    if (count > 0 || crumbTextAfterLabel(label) !== "") return widenCrumbs(page, node);
    node = node.parent;
  }
  return null;
}

const crumbPieceTags = new Set(["li", "span", "em", "strong", "b", "font", "label", "i"]);

function widenCrumbs(page: PageIndex, el: Element): Element {
  let node = el;
  for (let depth = 0; depth < 2 && crumbPieceTags.has(node.name); depth++) {
    const parent = node.parent;
    if (parent === null || !isTag(parent) || page.anchorCount(parent) > 15) break;
    node = parent;
  }
  return node;
}

function crumbTextAfterLabel(label: AnyNode): string {
  if (!isText(label)) return "";
  const match = crumbLabel.exec(label.data);
  if (match === null) return "";
  return label.data
    .slice(match.index + match[0].length)
    .replace(/^[^:：]*[:：]/, "")
    .trim();
}

const crumbToolTags = new Set(["div", "p", "ul", "ol", "dl", "table", "form", "section"]);

function readCrumbs(
  page: PageIndex,
  container: Element,
  label: AnyNode | null,
): { name: string; url: string | null }[] {
  const crumbs: { name: string; url: string | null }[] = [];
  let started = label === null;
  const stack: AnyNode[] = [...container.children].reverse();
  let visited = 0;
  while (stack.length > 0 && visited++ < 500 && crumbs.length < 12) {
    const node = stack.pop()!;
    if (node === label) {
      started = true;
      pushTextCrumbs(crumbs, crumbTextAfterLabel(node));
      continue;
    }
    if (isText(node)) {
      if (started) pushTextCrumbs(crumbs, labelFree(node.data));
      continue;
    }
    if (!isTag(node) || skippedTags.has(node.name)) continue;
    // Tool boxes (字号 大 中 小 | 打印) nested in the trail's line hold no links.
    if (crumbs.length > 0 && crumbToolTags.has(node.name) && page.anchorCount(node) === 0) continue;
    if (node.name === "a" && attr(node, "href") !== undefined) {
      if (!started) continue;
      const name = page.nameOf(node);
      if (name !== "") crumbs.push({ name, url: page.urlOf(node) });
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return crumbs;
}

/** A tool bar (简 | 繁 | EN | 登录) is not a trail: most crumbs must read as column names. */
function plausibleTrail(crumbs: { name: string }[]): boolean {
  const named = crumbs.filter((c, i) => (i === 0 && /首页|主页|home/i.test(c.name)) || isColumnName(c.name));
  return named.length * 2 > crumbs.length && named.length >= 2;
}

/** Text before a colon that names the trail ("您现在的位置是：") is not a crumb. */
function labelFree(text: string): string {
  return /位置|location/i.test(text) ? text.replace(/^[^:：]*[:：]/, "") : text;
}

function pushTextCrumbs(crumbs: { name: string; url: string | null }[], text: string): void {
  for (const part of text.split(crumbSeparators)) {
    // Dates and weekdays printed after the trail are not part of the last crumb.
    const name = cleanName(part.replace(/\s*(?:\d{4}\s*[-年/.]\s*\d{1,2}|星期|周[一二三四五六日]).*$/, ""));
    if (name.length < 2 || !hasCjkOrLetter.test(name) || name.length > 40) continue;
    crumbs.push({ name, url: null });
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks: a heading with its 更多 link (or its own link) over a list of items or entry links.

interface Block {
  heading: AnyNode;
  name: string;
  url: string;
  /** Links that belong to the heading itself (its own link, the 更多 link). */
  own: Element[];
  /** The element holding both the heading and the 更多 link. */
  row: Element;
  children: ColumnLink[];
}

function findBlocks(page: PageIndex, taken: Element[]): Block[] {
  const outside = (el: Element): boolean => !taken.some((t) => page.contains(t, el));
  const blocks: Block[] = [];
  const headings = new Set<Element>();
  for (const a of page.index.anchors) {
    if (!isMoreLink(page, a) || !outside(a)) continue;
    const block = blockOfMoreLink(page, a);
    const key = block === null ? null : headingElement(block);
    if (block === null || key === null || headings.has(key)) continue;
    headings.add(key);
    blocks.push(block);
  }
  // Headings found beside 更多 links, by document position, so a wrapper of one (div.title > h3)
  // is not taken for a second block.
  const found = [...headings].map((h) => startOf(page, h)).sort((x, y) => x - y);
  let last: Element | null = null;
  for (const el of page.index.headingCandidates) {
    if (headings.has(el) || (last !== null && page.contains(last, el)) || !outside(el)) continue;
    if (holdsAny(page, el, found) || insideAny(el, headings)) continue;
    const block = blockOfHeading(page, el);
    if (block === null) continue;
    last = el;
    blocks.push(block);
  }
  blocks.sort((x, y) => startOf(page, x.row) - startOf(page, y.row));
  fillBlockChildren(page, blocks);
  return blocks.filter((b) => b.url !== "" || b.children.length > 0);
}

function headingElement(block: Block): Element | null {
  const node = block.heading;
  if (isTag(node)) return node;
  return node.parent !== null && isTag(node.parent) ? node.parent : null;
}

function holdsAny(page: PageIndex, el: Element, sortedStarts: number[]): boolean {
  const span = page.index.spans.get(el);
  if (span === undefined) return false;
  const i = lowerBound(sortedStarts, span.start);
  return i < sortedStarts.length && sortedStarts[i]! <= span.end;
}

function insideAny(el: Element, set: Set<Element>): boolean {
  let node = el.parent;
  for (let depth = 0; node !== null && isTag(node) && depth < 6; depth++) {
    if (set.has(node)) return true;
    node = node.parent;
  }
  return false;
}

function startOf(page: PageIndex, el: Element): number {
  return page.index.spans.get(el)?.start ?? 0;
}

function isMoreLink(page: PageIndex, a: Element): boolean {
  const name = page.nameOf(a);
  if (moreName.test(name)) return true;
  if (name === "" || name.length <= 2) {
    if (/^[>»+＋]+$/.test(textOf(a, 20))) return true;
    const words = `${classWords(a).join(" ")} ${(attr(a, "title") ?? "").toLowerCase()}`;
    if (/more|gengduo|更多/.test(words)) return true;
    const img = a.children.find((c): c is Element => isTag(c) && c.name === "img");
    if (img !== undefined && /more|gengduo|更多/i.test(`${attr(img, "src") ?? ""} ${attr(img, "alt") ?? ""}`))
      return true;
  }
  return false;
}

/** Looks beside the 更多 link, then beside each of its ancestors, for the nearest short heading. */
function blockOfMoreLink(page: PageIndex, more: Element): Block | null {
  const url = page.urlOf(more);
  let node: AnyNode = more;
  for (let level = 0; level < 4; level++) {
    const parent: ParentNode | null = node.parent;
    if (parent === null || !isTag(parent) || parent.name === "body") return null;
    const found = headingBeside(page, node);
    if (found !== null && linkListHeading.test(found.name)) return null;
    if (found !== null) {
      const own = [more, ...(found.link ? [found.link] : [])];
      const target = url ?? (found.link ? page.urlOf(found.link) : null) ?? "";
      return {
        heading: found.node,
        name: found.name,
        url: columnTarget(target),
        own,
        row: parent,
        children: [],
      };
    }
    node = parent;
  }
  return null;
}

function headingBeside(
  page: PageIndex,
  node: AnyNode,
): { node: AnyNode; name: string; link: Element | null } | null {
  for (const direction of ["prev", "next"] as const) {
    let sibling = node[direction];
    for (let seen = 0; sibling !== null && seen < 4; sibling = sibling[direction]) {
      if (isText(sibling)) {
        const name = cleanName(sibling.data);
        if (name === "") continue;
        seen++;
        if (isHeadingName(name)) return { node: sibling, name, link: null };
        continue;
      }
      if (!isTag(sibling) || skippedTags.has(sibling.name)) continue;
      seen++;
      const heading = headingOf(page, sibling);
      if (heading !== null) return { node: sibling, ...heading };
    }
  }
  return null;
}

/** Name and own link of an element that reads as a heading: short text and at most one link. */
function headingOf(page: PageIndex, el: Element): { name: string; link: Element | null } | null {
  if (page.anchorCount(el) > 1) return null;
  const link =
    (el.name === "a" ? el : page.anchorsIn(el)[0]) ??
    (el.parent !== null && isTag(el.parent) && el.parent.name === "a" ? el.parent : null);
  const name = cleanName(textOf(el, 40));
  if (!isHeadingName(name)) return null;
  if (link !== null && isMoreLink(page, link)) return null;
  return { name, link };
}

/** Headings of link lists to other sites; what they list are not this site's columns. */
const linkListHeading = /链接$|^链接|友情|网站群|网站导航|部门网站$|政府网站$|兄弟网站/;

function blockOfHeading(page: PageIndex, el: Element): Block | null {
  if (inFooter(el)) return null;
  const heading = headingOf(page, el);
  if (heading === null || linkListHeading.test(heading.name)) return null;
  const url = heading.link ? page.urlOf(heading.link) : null;
  const own = heading.link ? [heading.link] : [];
  return { heading: el, name: heading.name, url: columnTarget(url ?? ""), own, row: el, children: [] };
}

/** A heading that links to an article is a featured item, not a column. */
function columnTarget(url: string): string {
  return looksLikeArticleUrl(url) ? "" : url;
}

/**
 * A block's body is its heading row when the row holds more than the heading's own links, else the
 * nearest ancestor of the row that does, unless that ancestor also holds another block's heading
 * (the block is empty then). Rows shared by several headings cannot tell whose links are whose.
 */
function fillBlockChildren(page: PageIndex, blocks: Block[]): void {
  const perRow = new Map<Element, number>();
  for (const b of blocks) perRow.set(b.row, (perRow.get(b.row) ?? 0) + 1);
  const rowStarts = [...perRow.keys()].map((r) => startOf(page, r)).sort((x, y) => x - y);
  // Bodies rarely overlap (nested rows); the budget keeps the scan linear on odd trees.
  let budget = 2 * page.index.anchors.length + 1000;
  for (const block of blocks) {
    if (perRow.get(block.row)! > 1) continue;
    const body = blockBody(page, block, rowStarts);
    if (body === null) continue;
    const anchors = page.anchorsIn(body);
    budget -= anchors.length;
    if (budget < 0) break;
    const seen = new Set<string>();
    for (const a of anchors) {
      if (block.own.includes(a) || isMoreLink(page, a)) continue;
      const link = page.link(a);
      if (link === null || link.url === block.url || seen.has(link.url) || !looksLikeColumnUrl(link.url))
        continue;
      seen.add(link.url);
      block.children.push(link);
    }
  }
}

function blockBody(page: PageIndex, block: Block, rowStarts: number[]): Element | null {
  const rowCount = page.anchorCount(block.row);
  if (rowCount > block.own.length) return block.row;
  let node: AnyNode = block.row;
  for (let depth = 0; depth < 4; depth++) {
    const parent: AnyNode | null = node.parent;
    if (parent === null || !isTag(parent) || parent.name === "body") return null;
    if (page.anchorCount(parent) > rowCount) return rowsIn(page, parent, rowStarts) > 1 ? null : parent;
    node = parent;
  }
  return null;
}

function rowsIn(page: PageIndex, el: Element, rowStarts: number[]): number {
  const span = page.index.spans.get(el);
  if (span === undefined) return 0;
  return lowerBound(rowStarts, span.end + 1) - lowerBound(rowStarts, span.start);
}

/** Each tab of a tab strip (a short list inside a tab widget) heads a block of its own. */
function tabLinks(page: PageIndex, taken: Element[]): ColumnLink[] {
  const links: ColumnLink[] = [];
  for (const list of page.index.lists) {
    const count = page.anchorCount(list);
    if (count < 2 || count > 12 || !inTabs(list) || taken.some((t) => page.contains(t, list))) continue;
    for (const item of menuItems(page, list)) {
      if (item.url === "" || item.name.length > 10 || looksLikeArticleUrl(item.url)) continue;
      if (!linkListHeading.test(item.name)) links.push({ ...item, children: [] });
    }
  }
  return links;
}

/** A heading without a page of its own only groups links: its column links stand for themselves. */
function flattenBlocks(blocks: Block[], tabs: ColumnLink[]): ColumnLink[] {
  const out: ColumnLink[] = [];
  const seen = new Set<string>();
  const push = (link: ColumnLink): void => {
    const id = `${link.name}\n${link.url}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push(link);
  };
  for (const block of blocks) {
    if (block.url !== "") push({ name: block.name, url: block.url, children: block.children });
    else for (const child of block.children) push(child);
  }
  for (const tab of tabs) push(tab);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Side navigation of a column page.

function findSubNav(
  page: PageIndex,
  taken: Element[],
  blocks: Block[],
  breadcrumb: { name: string; url: string | null }[],
  pageUrl: string,
): ColumnLink[] {
  for (const container of page.index.subNavCandidates.slice(0, 40)) {
    if (taken.some((t) => page.contains(t, container) || page.contains(container, t))) continue;
    if (page.anchorCount(container) < 2 || inFooter(container)) continue;
    const items = menuItems(page, container).filter(
      (i) => !looksLikeArticleUrl(i.url) || i.children.length > 0,
    );
    if (items.length >= 2) return items;
  }
  return columnsUnder(page, taken, blocks, sectionUrl(breadcrumb, pageUrl));
}

/** The URL of the current first-level column: the crumb after 首页, else the page itself. */
function sectionUrl(breadcrumb: { name: string; url: string | null }[], pageUrl: string): string {
  const trail =
    breadcrumb.length > 0 && /首页|主页|home/i.test(breadcrumb[0]!.name) ? breadcrumb.slice(1) : breadcrumb;
  return trail[0]?.url ?? pageUrl;
}

/**
 * Without a side menu, the second-level columns are the blocks and links whose URL sits in the
 * section's directory (/zwdt/ → /zwdt/jrsf/).
 */
function columnsUnder(page: PageIndex, taken: Element[], blocks: Block[], section: string): ColumnLink[] {
  const { origin, path } = splitUrl(section);
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  if (dir === "/" || dir === "") return [];
  const under = (url: string): boolean => {
    const u = splitUrl(url);
    return (
      u.origin === origin && u.path.startsWith(dir) && u.path.length > dir.length && looksLikeColumnUrl(url)
    );
  };
  const out: ColumnLink[] = [];
  const seen = new Set<string>();
  const push = (link: ColumnLink): void => {
    if (seen.has(link.url) || !under(link.url)) return;
    seen.add(link.url);
    out.push({ name: link.name, url: link.url, children: [] });
  };
  for (const block of blocks) if (block.url !== "") push({ name: block.name, url: block.url, children: [] });
  for (const a of page.index.anchors) {
    if (taken.some((t) => page.contains(t, a))) continue;
    const link = page.link(a);
    if (link !== null) push(link);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// URL shapes.

function splitUrl(url: string): { origin: string; path: string; query: string } {
  let rest = url;
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  let query = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const scheme = rest.indexOf("://");
  if (scheme < 0) return { origin: "", path: rest, query };
  const slash = rest.indexOf("/", scheme + 3);
  const origin = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
  return { origin, path: slash < 0 ? "/" : rest.slice(slash), query };
}

/** Query parameters naming one document (show.asp?id=5, detail.jsp?articleId=…). */
const articleQuery =
  /(?:^|&)(?:id|aid|articleid|article_id|contentid|content_id|newsid|infoid|docid|artid|itemid|detailid)=/i;
/** Query parameters naming a column or a list page. */
const columnQuery =
  /(?:^|&)(?:columnid|column_id|colid|col|catid|cateid|categoryid|classid|channelid|chnlid|lmid|typeid|nodeid|cid|page|pagenum|pageno|pageindex|curpage)=/i;
/** File names of articles in the common CMSs: TRS t20240101_123, Hanweb art_1229_3021, content_5701, detail-12. */
const articleFile =
  /^t\d{8}_\d+|^art_\d+_\d+|^(?:content|detail|details|xiangqing|article|art|show|view|info|news|doc|post|txt|c)[_-]?\d{3,}|[_-](?:content|detail|xiangqing)[_-]?\d+|^(?:detail|details|show|view|content|article|xiangqing)\.\w+$/;
/** An article directory: by date (/202611/, /20261029/, /2026-11/, /2026/11/2/, /2026/1105/) or by id (/c123a4567/). */
const dateDir =
  /\/(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:\d{2})?\/|\/(?:19|20)\d{2}-\d{1,2}(?:-\d{1,2})?\/|\/(?:19|20)\d{2}\/\d{1,2}\/|\/(?:19|20)\d{2}\/[01]\d[0-3]\d\/|\/c\d+a\d+\//;
/** List page files: index.html, index_1.html, list_2.html, page_2.htm, more.shtml, node_123.htm. */
const listFile =
  /^(?:index|default|list|lists|more|column|columns|channel|node|category|page|catalog|gengduo)(?:[_-][\w-]{0,24})?\.(?:s?html?|jsp|php|aspx?|do|action)$/;
const pageExtensions = new Set([
  "html",
  "htm",
  "shtml",
  "shtm",
  "jsp",
  "php",
  "asp",
  "aspx",
  "do",
  "action",
  "jhtml",
]);
const notColumnStem =
  /^(?:login|logon|logout|register|reg|signup|search|error|404|500|print|download|apply|submit|upload)$/;

/**
 * URL looks like a column (list) page rather than an article: /col/col123/index.html, /xxgk/tzgg/, /tzgg/index.shtml, list_2.html, index_1.html …; not /art/2026/11/2/art_1229_3021.html, content_5701.shtml, t20240101_123.html, /2026-11/05/…, c4604.htm under a date dir.
 */
export function looksLikeColumnUrl(url: string): boolean {
  const { path: rawPath, query } = splitUrl(url);
  if (!/^https?:\/\//i.test(url) && url.includes("://")) return false;
  const path = rawPath.toLowerCase();
  if (articleQuery.test(query)) return false;
  const slash = path.lastIndexOf("/");
  const dir = path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  if (file === "") return dir !== "/" && dir !== "" && !/\/(?:19|20)\d{2}[-_]?\d{0,4}\/$/.test(dir);
  if (articleFile.test(file) || dateDir.test(dir)) return false;
  if (listFile.test(file) || columnQuery.test(query)) return true;
  const dot = file.lastIndexOf(".");
  const stem = dot < 0 ? file : file.slice(0, dot);
  if (dot >= 0 && !pageExtensions.has(file.slice(dot + 1))) return false;
  if (/\d{4,}/.test(stem) || notColumnStem.test(stem)) return false;
  // Pinyin page names without an id (/zixun.html, /xwdt, zixun-gengduo-23.html) are section pages.
  return /^[a-z][a-z_-]{2,}\d{0,3}$/.test(stem);
}

/** Positive evidence of an article: the shapes looksLikeColumnUrl rejects for a reason, not by default. */
function looksLikeArticleUrl(url: string): boolean {
  if (url === "") return false;
  const { path: rawPath, query } = splitUrl(url);
  const path = rawPath.toLowerCase();
  const slash = path.lastIndexOf("/");
  const file = path.slice(slash + 1);
  if (file === "") return false;
  return (
    articleQuery.test(query) ||
    articleFile.test(file) ||
    dateDir.test(path.slice(0, slash + 1)) ||
    /\d{5,}/.test(file)
  );
}
