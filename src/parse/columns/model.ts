/** What column discovery reports about one page. */

export interface ColumnLink {
  name: string;
  /** Absolute URL; "" for a menu heading that has sub-entries but no page of its own (href="#"). */
  url: string;
  children: ColumnLink[];
}

export interface Crumb {
  name: string;
  /** Null for an unlinked crumb, usually the last one. */
  url: string | null;
}

export interface ColumnMeta {
  name?: string;
  type?: string;
}

export interface PageColumns {
  /** Main navigation menu: first-level columns, with second-level ones nested when the menu nests them (mega menus, dropdowns). */
  nav: ColumnLink[];
  /** Homepage/section blocks: the block heading as name and its 更多/more link (or the heading's own link) as url. */
  blocks: ColumnLink[];
  /** Side or sub navigation on a column page: the current first-level column's second-level columns. */
  subNav: ColumnLink[];
  /** Breadcrumb trail, e.g. 首页 > 信息公开 > 信息公开年报. */
  breadcrumb: Crumb[];
  /** ColumnName / ColumnType meta values (case-insensitive names; unquoted values as in real pages). */
  meta: ColumnMeta;
}

/** The first link of each name and URL pair: templates repeat entries (menu and its dropdown copy, block and tab). */
export function uniqueLinks(links: ColumnLink[]): ColumnLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const id = `${link.name}\n${link.url}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
