/** The side or sub menu of a column page: the current first-level column's second-level columns. */
import type { Element } from "domhandler";
import type { Block } from "./blocks.ts";
import { sectionUrl } from "./breadcrumb.ts";
import { inFooter } from "./markup.ts";
import { menuItems } from "./menuItems.ts";
import type { ColumnLink, Crumb } from "./model.ts";
import type { PageIndex } from "./pageIndex.ts";
import { looksLikeArticleUrl, looksLikeColumnUrl, splitUrl } from "./urlShape.ts";

export function findSubNav(
  page: PageIndex,
  taken: Element[],
  blocks: Block[],
  breadcrumb: Crumb[],
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
    if (page.insideAny(taken, a)) continue;
    const link = page.link(a);
    if (link !== null) push(link);
  }
  return out;
}
