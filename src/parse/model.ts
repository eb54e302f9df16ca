/** PageModel: what the parse stage knows about one HTML page. Pure data, no I/O. */

export type LinkKind =
  | "page" // a, area, frame/iframe targets that are documents
  | "image"
  | "script"
  | "stylesheet"
  | "frame"
  | "form"
  | "attachment" // doc, docx, xls, xlsx, pdf, wps, et, zip, rar, 7z, ofd, ceb, txt, csv…
  | "media"
  | "other";

export interface LinkRef {
  /** Absolute URL resolved against base href / page URL; null when it cannot be resolved. */
  url: string | null;
  /** The attribute value as written (entities decoded); for srcset, url() and meta refresh, the URL part. */
  raw: string;
  /** Lower-case element name: a, img, script, link, iframe, frame, area, form, meta, source, video, audio, embed, object, style-attr… */
  element: string;
  /** href, src, srcset, action, content (meta refresh), style (url() in a style attribute), data, poster… */
  attribute: string;
  kind: LinkKind;
  /** Anchor text for a/area, alt or title for img, whitespace-collapsed, at most 200 chars. */
  text: string;
  /** Hidden by an inline style, attribute or <style> rule on the element or an ancestor. */
  hidden: boolean;
  /** Why, e.g. "display:none", "visibility:hidden", "zero-size", "off-screen", "font-size:0", "hidden-attr", "marquee". */
  hiddenReason?: string;
  /** Locator of the element whose style or attribute hides the link (the link itself or an ancestor). */
  hiddenBy?: string;
  /** When the hiding element is matched by rules of the page's <style> blocks: their selectors. */
  hiddenRule?: string;
  /** Element path such as "html>body>div#main>ul.list>li[3]>a", stable across crawls of the same template. */
  locator: string;
  /** For <link>: the rel value (stylesheet, icon, canonical…); for a: rel (nofollow…). */
  rel?: string;
  /** For <script>: its sitecode attribute, which the 找错 widget (<script id="_jiucuo_" sitecode=…>) reads. */
  siteCode?: string;
  /** Which position in the document (0-based order of link-bearing attributes). */
  index: number;
  /** For img: the alt attribute is absent altogether (alt="" marks a decorative image and is correct). */
  altMissing?: true;
}

export interface MetaTag {
  /** name, property, http-equiv or itemprop value, as written (case kept); "charset" for <meta charset>. */
  name: string;
  /** Which attribute gave the name: "name" | "property" | "http-equiv" | "charset" | "itemprop". */
  key: string;
  /** The content attribute as written; for <meta charset>, the charset. */
  content: string;
}

export interface TextBlock {
  /** Offsets into PageModel.text. */
  start: number;
  end: number;
  /** The block element that closed it (p, div, li, td, h1…). */
  tag: string;
}

export interface DateCandidate {
  /** The matched text, e.g. "2026年11月20日" or "2026-11-20 08:30". */
  text: string;
  /** ISO date "YYYY-MM-DD" (with "THH:mm[:ss]" when a time was present); local China time. */
  iso: string;
  /** Offset of the match in PageModel.text. */
  offset: number;
  /** true when the year was not written and had to be inferred (left false here; parse keeps only full dates). */
  yearInferred: boolean;
}

export interface FormField {
  tag: string; // input, select, textarea, button
  type: string; // input type (default "text"), button type (default "submit"), select-one/select-multiple, textarea
  name: string;
  placeholder: string;
  value: string; // the value attribute; for textarea its content
  id: string;
  /** Visible label of a button (its text) or image input (alt/title), when present. */
  text?: string;
  /** Named by a <label> (wrapping, or for= its id) or by aria-label/aria-labelledby. */
  labelled?: true;
}

export interface FormModel {
  action: string | null; // resolved absolute URL
  method: string; // lower-case, default "get"
  fields: FormField[];
  /** The form looks like a site-search form (search input, keyword-like field name, action or 搜索 button). */
  isSearch: boolean;
  locator: string;
  /** Controls outside any <form> (a bare search box wired to a script), grouped by parent element; action is null. */
  formless?: boolean;
}

export interface PageModel {
  url: string;
  /** Effective base URL (base href resolved against url). */
  baseUrl: string;
  title: string;
  lang: string;
  metas: MetaTag[];
  /** Charset declared in <meta charset> or http-equiv Content-Type, lower-cased, if any. */
  declaredCharset?: string;
  /** <meta http-equiv=refresh> target, resolved. */
  metaRefresh?: { url: string | null; delaySeconds: number };
  links: LinkRef[];
  /** Visible text (script/style/noscript/template and hidden elements excluded), blocks separated by "\n". */
  text: string;
  blocks: TextBlock[];
  dates: DateCandidate[];
  forms: FormModel[];
  /** Hidden text (from hidden elements), kept apart for spam checks. */
  hiddenText: string;
  /**
   * Text of each inline <script> (first 2 000 characters, whitespace collapsed): badges and widgets
   * such as the 党政机关网站标识 are often written by document.write(unescape(…)) and nowhere else.
   */
  inlineScripts?: string[];
  /** Number of elements seen; a cheap size figure for statistics. */
  elementCount: number;
  /** Set only if the parser failed internally and stopped early; the model holds what came before. */
  parseError?: string;
}
