/** Lookups over the document index, with the page's base URL for resolving links. */
import type { Document, Element } from "domhandler";
import { cleanUrlValue, isSkippedUrl, resolveUrl } from "../urls.ts";
import { type DocumentIndex, indexDocument } from "./documentIndex.ts";
import { attr } from "./markup.ts";
import type { ColumnLink } from "./model.ts";
import { cleanName, imageAlt, isColumnName, textOf } from "./names.ts";

export function indexPage(dom: Document, pageUrl: string): PageIndex {
  const index = indexDocument(dom);
  const base = index.baseHref === null ? pageUrl : (resolveUrl(index.baseHref, pageUrl) ?? pageUrl);
  return new PageIndex(index, base);
}

export class PageIndex {
  private readonly names = new Map<Element, string>();
  private readonly urls = new Map<Element, string | null>();

  constructor(
    readonly index: DocumentIndex,
    readonly base: string,
  ) {}

  contains(outer: Element, inner: Element): boolean {
    const a = this.index.spans.get(outer);
    const b = this.index.spans.get(inner);
    return a !== undefined && b !== undefined && a.start <= b.start && b.start <= a.end;
  }

  /** el lies inside one of the containers (or is one). */
  insideAny(containers: Element[], el: Element): boolean {
    return containers.some((c) => this.contains(c, el));
  }

  /** Pre-order number of el; elements outside the index sort first. */
  startOf(el: Element): number {
    return this.index.spans.get(el)?.start ?? 0;
  }

  /** Links inside el, in document order. */
  anchorsIn(el: Element): Element[] {
    const span = this.index.spans.get(el);
    if (span === undefined) return [];
    const starts = this.index.anchorStarts;
    return this.index.anchors.slice(lowerBound(starts, span.start), lowerBound(starts, span.end + 1));
  }

  anchorCount(el: Element): number {
    return this.countIn(el, this.index.anchorStarts);
  }

  /** How many of the sorted pre-order numbers fall inside el. */
  countIn(el: Element, sortedStarts: number[]): number {
    const span = this.index.spans.get(el);
    if (span === undefined) return 0;
    return lowerBound(sortedStarts, span.end + 1) - lowerBound(sortedStarts, span.start);
  }

  /** Anchor text, else its title, else the alt of its image. */
  nameOf(a: Element): string {
    let name = this.names.get(a);
    if (name === undefined) {
      name = cleanName(textOf(a, 80)) || cleanName(attr(a, "title") ?? "") || cleanName(imageAlt(a));
      this.names.set(a, name);
    }
    return name;
  }

  urlOf(a: Element): string | null {
    let url = this.urls.get(a);
    if (url === undefined) {
      url = absoluteUrl(attr(a, "href") ?? "", this.base);
      this.urls.set(a, url);
    }
    return url;
  }

  link(a: Element): ColumnLink | null {
    // The name first: most links are item titles, rejected before their URL costs a parse.
    const name = this.nameOf(a);
    if (!isColumnName(name)) return null;
    const url = this.urlOf(a);
    return url === null ? null : { name, url, children: [] };
  }
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** http(s) only, without the fragment: the same page reached from a menu and a block compares equal. */
function absoluteUrl(raw: string, base: string): string | null {
  const value = cleanUrlValue(raw);
  if (isSkippedUrl(value)) return null;
  const url = resolveUrl(value, base);
  if (url === null || !/^https?:/i.test(url)) return null;
  const hash = url.indexOf("#");
  return hash < 0 ? url : url.slice(0, hash);
}
