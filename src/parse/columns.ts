/**
 * Column (栏目) discovery on one page: the main menu, homepage blocks with their 更多 links, the side
 * menu of a column page, the breadcrumb and the ColumnName/ColumnType metas. Government templates
 * rarely use semantic markup, so every finder works from class/id words, label texts (当前位置) and
 * the shape of the link groups. One walk indexes the tree (columns/documentIndex.ts); the finders
 * look things up in that index, so the cost stays linear in the page size.
 */
import type { Document, Element } from "domhandler";
import { findBlocks, flattenBlocks } from "./columns/blocks.ts";
import { findBreadcrumb } from "./columns/breadcrumb.ts";
import { findNav } from "./columns/mainMenu.ts";
import type { PageColumns } from "./columns/model.ts";
import { indexPage } from "./columns/pageIndex.ts";
import { findSubNav } from "./columns/sideMenu.ts";
import { tabLinks } from "./columns/tabs.ts";
import { isSiteRoot } from "./columns/urlShape.ts";

export type { ColumnLink, PageColumns } from "./columns/model.ts";
export { looksLikeColumnUrl } from "./columns/urlShape.ts";

export function discoverColumns(dom: Document, pageUrl: string): PageColumns {
  try {
    return discover(dom, pageUrl);
  } catch {
    return { nav: [], blocks: [], subNav: [], breadcrumb: [], meta: {} };
  }
}

function discover(dom: Document, pageUrl: string): PageColumns {
  const page = indexPage(dom, pageUrl);
  const nav = findNav(page);
  const crumbs = findBreadcrumb(page);
  // Links in the menu and the trail are not blocks or side-menu entries as well.
  const taken: Element[] = [];
  if (nav !== null) taken.push(nav.container);
  if (crumbs !== null) taken.push(crumbs.container);
  const blocks = findBlocks(page, taken);
  const breadcrumb = crumbs?.crumbs ?? [];
  const subNav = isSiteRoot(pageUrl) ? [] : findSubNav(page, taken, blocks, breadcrumb, pageUrl);
  const tabs = tabLinks(page, taken);
  return {
    nav: nav?.items ?? [],
    blocks: flattenBlocks(blocks, tabs),
    subNav,
    breadcrumb,
    meta: page.index.meta,
  };
}
