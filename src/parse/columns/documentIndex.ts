/**
 * One pre-order walk over the page. Each element gets the span of pre-order numbers its subtree
 * covers, so "is X inside Y" and "how many links does Y hold" are O(1) and O(log n) lookups later;
 * the walk also collects the candidates each finder starts from, by tag and class/id words.
 */
import { type AnyNode, type Document, type Element, isTag, isText } from "domhandler";
import { anyWord, attr, classWords, isLink, skippedTags } from "./markup.ts";
import { readColumnMeta } from "./meta.ts";
import type { ColumnMeta } from "./model.ts";

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
const headingTags = new Set(["h2", "h3", "h4", "h5", "h6", "dt", "caption", "legend"]);
/** The label in front of a breadcrumb. */
export const crumbLabel = /当前位置|当前的位置|您的位置|你的位置|所在位置|现在的位置|您当前的位置|当前栏目/;

export interface DocumentIndex {
  baseHref: string | null;
  meta: ColumnMeta;
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

export function indexDocument(dom: Document): DocumentIndex {
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
  if (isLink(el)) {
    index.anchors.push(el);
    index.anchorStarts.push(number);
  } else if (name === "ul" || name === "ol") index.lists.push(el);
  else noteHeadElement(el, index);
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
  for (const child of head.children) if (isTag(child)) noteHeadElement(child, index);
}

/** <meta> and <base>, in <head> or wherever a template wrote them. */
function noteHeadElement(el: Element, index: DocumentIndex): void {
  if (el.name === "meta") readColumnMeta(el, index.meta);
  else if (el.name === "base" && index.baseHref === null) index.baseHref = attr(el, "href") ?? null;
}
