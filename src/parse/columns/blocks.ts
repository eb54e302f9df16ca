/** Homepage and section blocks: a heading with its 更多 link (or its own link) over a list of items or entry links. */
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { attr, classWords, inFooter, parentElement, selfOrAncestor, skippedTags } from "./markup.ts";
import { type ColumnLink, uniqueLinks } from "./model.ts";
import { cleanName, isHeadingName, linkListHeading, moreName, textOf } from "./names.ts";
import type { PageIndex } from "./pageIndex.ts";
import { looksLikeArticleUrl, looksLikeColumnUrl } from "./urlShape.ts";

export interface Block {
  heading: AnyNode;
  name: string;
  url: string;
  /** Links that belong to the heading itself (its own link, the 更多 link). */
  own: Element[];
  /** The element holding both the heading and the 更多 link. */
  row: Element;
  children: ColumnLink[];
}

/** Blocks outside the containers already taken (menu, breadcrumb), in document order. */
export function findBlocks(page: PageIndex, taken: Element[]): Block[] {
  const blocks: Block[] = [];
  const headings = new Set<Element>();
  for (const a of page.index.anchors) {
    if (!isMoreLink(page, a) || page.insideAny(taken, a)) continue;
    const block = blockOfMoreLink(page, a);
    const key = block === null ? null : headingElement(block);
    if (block === null || key === null || headings.has(key)) continue;
    headings.add(key);
    blocks.push(block);
  }
  // Headings found beside 更多 links, by document position, so a wrapper of one (div.title > h3)
  // is not taken for a second block.
  const found = [...headings].map((h) => page.startOf(h)).sort((x, y) => x - y);
  let last: Element | null = null;
  for (const el of page.index.headingCandidates) {
    if (headings.has(el) || (last !== null && page.contains(last, el)) || page.insideAny(taken, el)) continue;
    if (page.countIn(el, found) > 0 || nestedInAny(el, headings)) continue;
    const block = blockOfHeading(page, el);
    if (block === null) continue;
    last = el;
    blocks.push(block);
  }
  blocks.sort((x, y) => page.startOf(x.row) - page.startOf(y.row));
  fillBlockChildren(page, blocks);
  return blocks.filter((b) => b.url !== "" || b.children.length > 0);
}

/** A heading without a page of its own only groups links: its column links stand for themselves. */
export function flattenBlocks(blocks: Block[], tabs: ColumnLink[]): ColumnLink[] {
  const links: ColumnLink[] = [];
  for (const block of blocks) {
    if (block.url !== "") links.push({ name: block.name, url: block.url, children: block.children });
    else links.push(...block.children);
  }
  return uniqueLinks([...links, ...tabs]);
}

function headingElement(block: Block): Element | null {
  const node = block.heading;
  return isTag(node) ? node : parentElement(node);
}

function nestedInAny(el: Element, set: Set<Element>): boolean {
  const parent = parentElement(el);
  return parent !== null && selfOrAncestor(parent, 6, (node) => set.has(node));
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
    const parent = parentElement(node);
    if (parent === null || parent.name === "body") return null;
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
  const parent = parentElement(el);
  const link = (el.name === "a" ? el : page.anchorsIn(el)[0]) ?? (parent?.name === "a" ? parent : null);
  const name = cleanName(textOf(el, 40));
  if (!isHeadingName(name)) return null;
  if (link !== null && isMoreLink(page, link)) return null;
  return { name, link };
}

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
  const rowStarts = [...perRow.keys()].map((r) => page.startOf(r)).sort((x, y) => x - y);
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
  let node: Element = block.row;
  for (let depth = 0; depth < 4; depth++) {
    const parent = parentElement(node);
    if (parent === null || parent.name === "body") return null;
    if (page.anchorCount(parent) > rowCount) return page.countIn(parent, rowStarts) > 1 ? null : parent;
    node = parent;
  }
  return null;
}
