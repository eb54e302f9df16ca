/** The main navigation menu: first-level columns, with the second-level ones it nests. */
import { type Element, isTag } from "domhandler";
import { inFooter } from "./markup.ts";
import { menuItems } from "./menuItems.ts";
import type { ColumnLink } from "./model.ts";
import type { PageIndex } from "./pageIndex.ts";
import { inTabs } from "./tabs.ts";
import { looksLikeArticleUrl } from "./urlShape.ts";

interface FoundNav {
  container: Element;
  items: ColumnLink[];
}

/**
 * The first menu-like container in the page with at least four entries, or two that open onto
 * sub-columns (three if nothing better comes).
 */
export function findNav(page: PageIndex): FoundNav | null {
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
