/**
 * Tab strips (最新动态 | 通知公告 | 政策文件 over one box) look like menus but head homepage blocks:
 * each tab is a block of its own.
 */
import type { Element } from "domhandler";
import { anyWord, classWords, selfOrAncestor } from "./markup.ts";
import { menuItems } from "./menuItems.ts";
import type { ColumnLink } from "./model.ts";
import { linkListHeading } from "./names.ts";
import type { PageIndex } from "./pageIndex.ts";
import { looksLikeArticleUrl } from "./urlShape.ts";

const tabWord = /(?:^|[_-])tabs?(?:[_-]|\d*$)/;

export function inTabs(el: Element): boolean {
  return selfOrAncestor(el, 4, (node) => anyWord(classWords(node), tabWord));
}

/** The tabs of every short list inside a tab widget, outside the containers already taken. */
export function tabLinks(page: PageIndex, taken: Element[]): ColumnLink[] {
  const links: ColumnLink[] = [];
  for (const list of page.index.lists) {
    const count = page.anchorCount(list);
    if (count < 2 || count > 12 || !inTabs(list) || page.insideAny(taken, list)) continue;
    for (const item of menuItems(page, list)) {
      if (item.url === "" || item.name.length > 10 || looksLikeArticleUrl(item.url)) continue;
      if (!linkListHeading.test(item.name)) links.push({ ...item, children: [] });
    }
  }
  return links;
}
