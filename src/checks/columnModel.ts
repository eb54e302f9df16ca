import type { UpdateWindow } from "../core/chinaDate.ts";
import type { ColumnType } from "./columnTypes.ts";

/** One list entry as a column check needs it. */
export interface ColumnItem {
  title: string;
  url: string;
  /** "YYYY-MM-DD"; null when the row carries no date. */
  date: string | null;
  /** As written in the page, e.g. "[11-18]" or "2026年11月18日". */
  dateText: string | null;
  /** The page wrote no year; it was taken from the item's URL or the time point. */
  yearInferred: boolean;
}

/** How a column was found: main menu, homepage block (更多), side menu, breadcrumb, meta tag, URL shape. */
export type ColumnSource = "nav" | "block" | "sub-nav" | "breadcrumb" | "meta" | "url";

/**
 * A column (栏目) of a site as assembled from the crawl: where it is, what kind it is and what its
 * list pages showed. Checks judge it; they never fetch.
 */
export interface SiteColumn {
  name: string;
  /** First list page. */
  url: string;
  level: 1 | 2;
  parentName: string | null;
  parentUrl: string | null;
  type: ColumnType;
  /** Where the type came from: override, meta, name, parent, url, content, default. */
  typeSource: string;
  sources: ColumnSource[];
  /** read: its list page was parsed; broken: the column link does not open; not-read: outside the crawl. */
  state: "read" | "broken" | "not-read";
  /** For broken columns: the HTTP status (0 = no answer) and error code. */
  status?: number;
  error?: string;
  /** Items on the list pages read, over at most the pagination budget. */
  items: number;
  datedItems: number;
  pagesRead: number;
  /** Newest item dated on or before the time point. */
  newest: ColumnItem | null;
  /** Items dated after the time point (时间穿越). */
  future: ColumnItem[];
  /** "暂无信息", "栏目建设中…" when the list page says it has nothing. */
  placeholder: string | null;
  /**
   * list: a list of items (or a placeholder saying there are none); page: a single content page
   * (机构职能, 领导简介) or an online system's form; hub: an entry page to its second-level columns.
   * Pages and hubs are neither blank nor dated.
   */
  layout: "list" | "page" | "hub";
  /** Update period set for this site by an override; replaces the rule set's window. */
  windowOverride?: UpdateWindow | null;
  /** Excluded by a site override (e.g. an archived 专题). */
  ignored?: boolean;
}
