/**
 * Keeps, from each crawled page, only what the site-level column and date checks need: a list page's
 * items and navigation, an article's dates. Pages themselves are not kept, so memory follows the
 * number of list pages and articles, not the size of the site's HTML.
 */
import { normalizeUrl } from "../crawl/normalize.ts";
import type { CrawledPage } from "../crawl/crawler.ts";
import { chinaDay } from "../core/chinaDate.ts";
import { articleDates, type ArticleDates } from "../parse/articleDate.ts";
import { discoverColumns, looksLikeColumnUrl, type ColumnLink, type PageColumns } from "../parse/columns.ts";
import { buildDom } from "../parse/dom.ts";
import { extractListItems, type ListItem } from "../parse/listItems.ts";
import type { PageModel } from "../parse/model.ts";
import type { DatedArticle } from "../checks/timeTravel.ts";

/** Items kept per list page: the newest dates are at the top, and pagination adds further pages. */
const maxItemsKept = 40;
const maxFailuresKept = 20;
/** Anchor texts shorter than this are menu entries (首页, 更多), not item titles. */
const minTitleLength = 6;

export interface ListDigest {
  items: ListItem[];
  itemCount: number;
  placeholder: string | null;
  pagination: string[];
}

export interface PageDigest {
  url: string;
  title: string;
  columns: PageColumns;
  list: ListDigest;
  /** Characters of text blocks the homepage does not share (so not header, menu or footer). */
  bodyChars: number;
  /** A form that is not site search: an online system (成绩查询, 申报) rather than a column. */
  hasForm: boolean;
}

export interface HomepageDigest extends PageDigest {
  /** Links that look like items (article titles) rather than menu entries. */
  itemLinks: number;
  /** Dated entries of the homepage's other blocks. */
  otherDated: ListItem[];
}

/** What a crawled page is: the homepage, a column's list page, an article, or anything else. */
export type PageKind = "home" | "list" | "article" | "other";

/** A page with fewer dated items than this is not read as a column's list page. */
const minListItems = 3;

export class PageDigests {
  homepage: HomepageDigest | null = null;
  /** List-like pages by normalised URL (final URL and requested URL both point here). */
  readonly pages = new Map<string, PageDigest>();
  /** Articles a kept list links to, and any article dated after the time point. */
  readonly articles = new Map<string, DatedArticle>();
  /** Pages past the digest budget that no menu, side menu or pager pointed to, so not read. */
  skipped = 0;
  /** Column pages the menus and pagers point to: always digested, whatever the budget. */
  private readonly wanted = new Set<string>();
  /** Items of the kept lists, whose article dates are compared with the list's. */
  private readonly listed = new Set<string>();
  private digestCount = 0;
  private readonly today: string;
  /** The homepage's text blocks: every page repeats its header, menus and footer. */
  private sharedBlocks = new Set<string>();
  /** Pages the analysis failed on, first few kept: one broken page must not stop an inspection. */
  readonly failures: { url: string; error: string }[] = [];

  constructor(
    private readonly asOf: Date,
    private readonly maxDigests = defaultMaxDigests,
  ) {
    this.today = chinaDay(asOf);
  }

  /** Digests the page and says what kind of page it is, for the page-type checks (meta tags). */
  add(crawled: CrawledPage, inScope: (url: string) => boolean): PageKind {
    try {
      return this.digest(crawled, inScope);
    } catch (error) {
      if (this.failures.length < maxFailuresKept) {
        this.failures.push({
          url: crawled.finalUrl,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return "other";
    }
  }

  private digest(crawled: CrawledPage, inScope: (url: string) => boolean): PageKind {
    const page = crawled.page;
    if (page === undefined || crawled.html === undefined) return "other";
    const dates = articleDates(page);
    const url = key(crawled.finalUrl);
    const articleLike = !crawled.isHomepage && dates.published !== null && !looksLikeColumnUrl(url);
    if (articleLike) {
      this.keepArticle(url, page, dates);
      return "article";
    }
    const requested = key(crawled.url);
    if (
      !crawled.isHomepage &&
      this.digestCount >= this.maxDigests &&
      !this.isWanted(url) &&
      !this.isWanted(requested)
    ) {
      this.skipped += 1;
      return "other";
    }
    const dom = buildDom(crawled.html);
    const list = extractListItems(dom, crawled.finalUrl, this.asOf);
    const digest: PageDigest = {
      url,
      title: page.title,
      columns: ownColumns(discoverColumns(dom, crawled.finalUrl), crawled.isHomepage),
      list: {
        items: list.items.slice(0, maxItemsKept),
        itemCount: list.items.length,
        placeholder: list.placeholder,
        pagination: list.pagination.map(key),
      },
      bodyChars: 0,
      hasForm: page.forms.some((form) => !form.isSearch && form.fields.some(isInputField)),
    };
    if (crawled.isHomepage) {
      this.sharedBlocks = new Set(blockTexts(page));
      this.homepage = { ...digest, itemLinks: itemLinkCount(page, inScope), otherDated: list.otherDated };
      this.want([...digest.columns.nav, ...digest.columns.blocks]);
      return "home";
    }
    this.digestCount += 1;
    this.want(digest.columns.subNav);
    for (const next of digest.list.pagination) this.wanted.add(canonicalColumnUrl(next));
    for (const item of digest.list.items) this.listed.add(key(item.url));
    digest.bodyChars = blockTexts(page).reduce(
      (sum, text) => sum + (this.sharedBlocks.has(text) ? 0 : text.length),
      0,
    );
    this.pages.set(url, digest);
    if (requested !== url) this.pages.set(requested, digest);
    if (list.items.length === 0 && dates.published !== null) {
      this.keepArticle(url, page, dates);
      return "article";
    }
    return list.items.length >= minListItems ? "list" : "other";
  }

  private keepArticle(url: string, page: PageModel, dates: ArticleDates): void {
    const future = [dates.meta, dates.displayed].some((d) => d !== null && d.iso.slice(0, 10) > this.today);
    if (future || this.listed.has(url)) this.articles.set(url, { url, title: articleTitle(page), ...dates });
  }

  private want(links: readonly ColumnLink[]): void {
    for (const link of links) {
      if (link.url !== "") this.wanted.add(canonicalColumnUrl(link.url));
      this.want(link.children);
    }
  }

  private isWanted(url: string): boolean {
    return this.wanted.has(canonicalColumnUrl(url));
  }
}

/**
 * List pages digested before only menu-named ones are: enough for a site's columns and their first
 * pages (a large portal has a few hundred), bounded so memory does not follow the crawl budget.
 */
const defaultMaxDigests = 2000;

/** Column identity: the normalised URL without a trailing index file, so /tzgg/ and /tzgg/index.html meet. */
export function canonicalColumnUrl(url: string): string {
  return key(url).replace(/\/(?:index|default)\.(?:s?html?|jsp|aspx?|php)$/iu, "/");
}

export function key(url: string): string {
  return normalizeUrl(url) ?? url;
}

/**
 * Every page repeats the site's main menu and its blocks; only the homepage's are used, so other
 * pages keep just what is their own (side menu, breadcrumb, metas).
 */
function ownColumns(columns: PageColumns, isHomepage: boolean): PageColumns {
  return isHomepage ? columns : { ...columns, nav: [], blocks: [] };
}

/** Text blocks long enough to be content rather than a menu entry. */
function blockTexts(page: PageModel): string[] {
  const texts: string[] = [];
  for (const block of page.blocks) {
    const text = page.text.slice(block.start, block.end).trim();
    if (text.length >= minBlockChars) texts.push(text);
  }
  return texts;
}

const minBlockChars = 8;

function isInputField(field: { tag: string; type: string }): boolean {
  return (
    field.tag === "select" ||
    field.tag === "textarea" ||
    (field.tag === "input" && /^(?:text|number|tel|email|date)$/u.test(field.type))
  );
}

function articleTitle(page: PageModel): string {
  const meta = page.metas.find((m) => m.name.toLowerCase() === "articletitle")?.content.trim();
  return meta || page.title;
}

/** Counts in-scope links whose text reads like an item title and whose URL is not a column's. */
function itemLinkCount(page: PageModel, inScope: (url: string) => boolean): number {
  let count = 0;
  for (const link of page.links) {
    if (link.element !== "a" || link.kind !== "page" || link.url === null || link.hidden) continue;
    if (link.text.length < minTitleLength || !inScope(link.url) || looksLikeColumnUrl(link.url)) continue;
    count += 1;
  }
  return count;
}
