/** Reading a menu container, main or side, into its entries and their sub-entries. */
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { isLink, skippedTags } from "./markup.ts";
import { type ColumnLink, uniqueLinks } from "./model.ts";
import { cleanName, isColumnName, textOf } from "./names.ts";
import type { PageIndex } from "./pageIndex.ts";

/**
 * Entries of a menu container. An entry is a top-level <li>, or, in markup without lists, each
 * element child of the level where the links spread out (td cells, div items, bare links). The
 * entry's first link (or leading text) is the column; further links in it are its sub-columns.
 */
export function menuItems(page: PageIndex, container: Element): ColumnLink[] {
  const lis = topLevelItems(container, "li");
  const entries = lis.length >= 2 ? lis : spreadLevelItems(page, container);
  const items: ColumnLink[] = [];
  for (const entry of entries) {
    const item = menuEntry(page, entry);
    if (item !== null) items.push(item);
  }
  return uniqueLinks(items);
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
    if (isLink(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}
