import type { Attributes } from "./attributes.ts";
import { findDates } from "./dates.ts";
import { BLOCK, HANDLED, NO_TEXT } from "./elements.ts";
import { FormCollector } from "./forms.ts";
import type { Frame } from "./frame.ts";
import { effectiveHiding, hiddenStateFor, hidesText, mayHide, styleMayHide } from "./hidden.ts";
import type { FormField, LinkKind, LinkRef, MetaTag, PageModel } from "./model.ts";
import { cssUrls } from "./style.ts";
import { StyleSheetRules } from "./stylesheet.ts";
import { collapseWhitespace, cutText, isBlank, ShortText, TextCollector } from "./text.ts";
import type { TreeSink } from "./tree.ts";
import {
  cleanUrlValue,
  extensionKind,
  isSkippedUrl,
  parseBase,
  parseRefresh,
  parseSrcset,
  resolveUrl,
  type Refresh,
} from "./urls.ts";

/** Where text directly inside an element goes (Frame.textMode). */
const VISIBLE = 0;
const HIDDEN = 1;
const EXCLUDED = 2;

const MAX_LINK_TEXT = 200;
/** Raw text kept per anchor/button before collapsing; bounds the cost of an unclosed <a>. */
const MAX_CAPTURE = 2000;
/** Inline script text kept per script: widget loaders are short; libraries and obfuscated code are not needed. */
const MAX_SCRIPT_TEXT = 2000;
/** Raw script text read before collapsing: an exact cut, so chunk boundaries cannot change the result. */
const MAX_SCRIPT_RAW = 2 * MAX_SCRIPT_TEXT;

/** Elements that are never rendered: their links cannot be hidden links. */
const unrendered = new Set(["script", "link", "meta", "base", "style"]);
const metaKeys = ["name", "property", "http-equiv", "itemprop"] as const;
const lazySources = ["src", "data-src", "data-original"] as const;
const backgroundHolders = new Set(["body", "table", "td", "th", "tr"]);

interface AnchorCapture {
  frame: Frame;
  link: LinkRef | null;
  text: ShortText;
  title: string;
  imageAlt: string;
  /** Hidden only by reasons a descendant can undo (visibility, font-size, text-indent). */
  softlyHidden: boolean;
  /** Visible text or a visible image was seen inside. */
  sawVisible: boolean;
}

interface ControlCapture {
  frame: Frame;
  field: FormField | undefined;
  text: ShortText;
}

/**
 * Turns the element tree into a PageModel as it streams past: links with anchor text, locator and
 * hidden state; metas; title; visible and hidden text; forms. URLs are resolved at the end, since
 * a <base href> applies to every URL of the document wherever it appears.
 */
export class PageBuilder implements TreeSink {
  private readonly links: LinkRef[] = [];
  /** Cleaned value of each link, parallel to `links`, resolved in build(). */
  private readonly values: string[] = [];
  private readonly metas: MetaTag[] = [];
  private readonly pageText = new TextCollector();
  private readonly forms = new FormCollector();
  private elementCount = 0;
  private title: string | undefined;
  private titleFrame: Frame | null = null;
  private titleText: ShortText | null = null;
  private lang = "";
  private baseHref: string | undefined;
  private declaredCharset: string | undefined;
  private refresh: Refresh | undefined;
  private anchor: AnchorCapture | null = null;
  private control: ControlCapture | null = null;
  private readonly sheet = new StyleSheetRules((declarations) => styleMayHide.test(declarations));
  /** The <style> block being read, if it applies to the screen. */
  private styleFrame: Frame | null = null;
  private styleText = "";
  private readonly inlineScripts: string[] = [];
  /** Ids named by <label for>, applied to the form controls in build() (a label may follow its control). */
  private readonly labelTargets = new Set<string>();
  /** The inline <script> being read. */
  private scriptFrame: Frame | null = null;
  private scriptText = "";

  constructor(private readonly url: string) {}

  open(frame: Frame, attrs: Attributes): void {
    this.elementCount++;
    const parent = frame.parent;
    const name = frame.name;
    const sheetMatch =
      this.sheet.empty || (attrs.id === undefined && attrs.className === undefined)
        ? undefined
        : this.sheet.match(name, attrs.id, attrs.className);
    if (parent !== null && (sheetMatch !== undefined || mayHide(name, attrs))) {
      frame.styleRule = sheetMatch?.selectors;
      frame.hidden = hiddenStateFor(frame, attrs, parent.hidden, sheetMatch?.declarations);
      if (frame.hidden !== parent.hidden && parent.textMode !== EXCLUDED) {
        frame.textMode = hidesText(frame.hidden) ? HIDDEN : VISIBLE;
      }
    }
    if ((frame.flags & NO_TEXT) !== 0) frame.textMode = EXCLUDED;
    if ((frame.flags & BLOCK) !== 0) {
      this.pageText.boundary(parent === null ? "" : parent.block);
      frame.block = name;
    }

    if ((frame.flags & HANDLED) !== 0) this.handle(frame, attrs);
    else if (name === "label") {
      const target = attrs.get("for")?.trim();
      if (target) this.labelTargets.add(target);
    }
    const style = attrs.style;
    if (style !== undefined && /url\(/i.test(style)) {
      for (const url of cssUrls(style)) this.addLink(frame, url, "style", "image", "");
    }
  }

  /** Reads what an element of interest carries: links, metas, form controls, title, lang. */
  private handle(frame: Frame, attrs: Attributes): void {
    const name = frame.name;
    const parent = frame.parent;
    switch (name) {
      case "a":
        this.openAnchor(frame, attrs);
        break;
      case "area":
        this.link(
          frame,
          attrs.get("href"),
          "href",
          "page",
          firstText(attrs.get("alt"), attrs.get("title")),
          relOf(attrs),
        );
        break;
      case "img":
        this.openImage(frame, attrs);
        break;
      case "input":
      case "select":
      case "textarea":
      case "button":
        this.openControl(frame, attrs);
        break;
      case "link": {
        const rel = relOf(attrs);
        this.link(frame, attrs.get("href"), "href", linkElementKind(rel), firstText(attrs.get("title")), rel);
        break;
      }
      case "script": {
        const src = attrs.get("src");
        const link = this.addLink(frame, src, "src", "script", "");
        const siteCode = attrs.get("sitecode")?.trim();
        if (link !== null && siteCode) link.siteCode = siteCode;
        if (src === undefined && this.scriptFrame === null) this.scriptFrame = frame;
        break;
      }
      case "iframe":
      case "frame":
        this.link(frame, attrs.get("src"), "src", "frame", firstText(attrs.get("title")));
        break;
      case "form":
        this.link(frame, attrs.get("action"), "action", "form", "");
        this.forms.openForm(frame, attrs);
        break;
      case "embed":
      case "audio":
      case "track":
        this.link(frame, attrs.get("src"), "src", "media", "");
        break;
      case "object":
        this.link(frame, attrs.get("data"), "data", "media", "");
        break;
      case "video":
        this.link(frame, attrs.get("src"), "src", "media", "");
        this.link(frame, attrs.get("poster"), "poster", "image", "");
        break;
      case "source": {
        // In <picture>, source/srcset are image candidates; in <video>/<audio>, source/src is media.
        const inPicture = parent !== null && parent.name === "picture";
        this.link(frame, attrs.get("src"), "src", inPicture ? "image" : "media", "");
        this.srcset(frame, attrs.get("srcset"), "");
        break;
      }
      case "meta":
        this.openMeta(frame, attrs);
        break;
      case "base":
        if (this.baseHref === undefined) this.baseHref = attrs.get("href");
        break;
      case "style":
        // Print and other non-screen styles hide things that the screen shows.
        if (this.styleFrame === null && !frame.foreign && screenMedia(attrs.get("media")))
          this.styleFrame = frame;
        break;
      case "title":
        if (this.title === undefined && this.titleFrame === null && !frame.foreign) {
          this.titleFrame = frame;
          this.titleText = new ShortText(MAX_CAPTURE * 2);
        }
        break;
      case "html":
        this.merge(frame, attrs);
        break;
    }
    if (backgroundHolders.has(name)) this.link(frame, attrs.get("background"), "background", "image", "");
  }

  close(frame: Frame): void {
    if ((frame.flags & BLOCK) !== 0) this.pageText.boundary(frame.block);
    if (this.anchor !== null && this.anchor.frame === frame) this.closeAnchor();
    else if (this.control !== null && this.control.frame === frame) this.closeControl();
    else if (frame === this.styleFrame) {
      this.sheet.add(this.styleText);
      this.styleFrame = null;
      this.styleText = "";
    } else if (frame === this.scriptFrame) {
      const script = cutText(collapseWhitespace(this.scriptText), MAX_SCRIPT_TEXT);
      if (script !== "") this.inlineScripts.push(script);
      this.scriptFrame = null;
      this.scriptText = "";
    } else if (frame === this.titleFrame) {
      this.title = this.titleText?.value(MAX_CAPTURE) ?? "";
      this.titleFrame = null;
      this.titleText = null;
    }
  }

  text(data: string, parent: Frame): void {
    const mode = parent.textMode;
    if (mode === EXCLUDED) {
      if (parent === this.titleFrame) this.titleText?.add(data);
      else if (parent === this.styleFrame) this.styleText += data;
      else if (parent === this.scriptFrame)
        this.scriptText += data.slice(0, Math.max(0, MAX_SCRIPT_RAW - this.scriptText.length));
      else if (this.control !== null && parent === this.control.frame) this.control.text.add(data);
      // A link inside <noscript> or <object> fallback still has its own words.
      else if (this.anchor !== null && parent.name !== "script" && parent.name !== "style")
        this.anchor.text.add(data);
      return;
    }
    if (mode === VISIBLE) this.pageText.visible(data);
    else this.pageText.hidden(data);
    const anchor = this.anchor;
    if (anchor !== null) {
      anchor.text.add(data);
      if (mode === VISIBLE && !anchor.sawVisible && !isBlank(data)) anchor.sawVisible = true;
    }
    if (this.control !== null) this.control.text.add(data);
  }

  merge(frame: Frame, attrs: Attributes): void {
    if (frame.name === "html" && this.lang === "") {
      this.lang = (attrs.get("lang") ?? attrs.get("xml:lang") ?? "").trim();
    }
  }

  formEnd(): void {
    this.forms.closeForm();
  }

  end(): void {}

  build(): PageModel {
    const pageBase = parseBase(this.url);
    const documentUrl = pageBase?.href ?? null;
    let base = documentUrl;
    if (this.baseHref !== undefined) {
      const value = cleanUrlValue(this.baseHref);
      base = (isSkippedUrl(value) ? null : resolveUrl(value, documentUrl)) ?? documentUrl;
    }
    const resolve = (value: string): string | null => (isSkippedUrl(value) ? null : resolveUrl(value, base));

    const cache = new Map<string, string | null>();
    for (let i = 0; i < this.links.length; i++) {
      const link = this.links[i]!;
      const value = this.values[i]!;
      let url = cache.get(value);
      if (url === undefined) {
        url = resolveUrl(value, base);
        cache.set(value, url);
      }
      link.url = url;
      link.kind = finalKind(link.kind, url, value);
    }

    const { text, blocks, hiddenText } = this.pageText.finish();
    const forms = this.forms.finish((action) =>
      action === undefined || action.trim() === "" ? documentUrl : resolve(cleanUrlValue(action)),
    );
    for (const field of forms.flatMap((form) => form.fields)) {
      if (field.id !== "" && this.labelTargets.has(field.id)) field.labelled = true;
    }
    const model: PageModel = {
      url: this.url,
      baseUrl: base ?? this.url,
      title: this.title ?? this.titleText?.value(MAX_CAPTURE) ?? "",
      lang: this.lang,
      metas: this.metas,
      links: this.links,
      text,
      blocks,
      dates: findDates(text),
      // An empty or missing action submits to the document's own URL (not the base URL).
      forms,
      hiddenText,
      inlineScripts: this.inlineScripts,
      elementCount: this.elementCount,
    };
    if (this.declaredCharset !== undefined) model.declaredCharset = this.declaredCharset;
    if (this.refresh !== undefined) {
      const target = this.refresh.url;
      model.metaRefresh = {
        url: target === undefined ? documentUrl : resolve(cleanUrlValue(target)),
        delaySeconds: this.refresh.delaySeconds,
      };
    }
    return model;
  }

  private openAnchor(frame: Frame, attrs: Attributes): void {
    if (this.anchor !== null) this.closeAnchor();
    const link = this.addLink(frame, attrs.get("href"), "href", "page", "", relOf(attrs), false);
    if (link === null && !this.forms.open) return;
    this.anchor = {
      frame,
      link,
      text: new ShortText(MAX_CAPTURE),
      title: attrs.get("title") ?? "",
      imageAlt: "",
      softlyHidden: frame.hidden !== null && frame.hidden.hard === undefined,
      sawVisible: false,
    };
  }

  private closeAnchor(): void {
    const anchor = this.anchor!;
    this.anchor = null;
    let text = anchor.text.value(MAX_LINK_TEXT);
    if (text === "") text = cutText(collapseWhitespace(anchor.title), MAX_LINK_TEXT);
    if (text === "") text = anchor.imageAlt;
    this.forms.word(text);
    const link = anchor.link;
    if (link === null) return;
    link.text = text;
    // A descendant that resets visibility or font-size (or an image under font-size:0) shows the link.
    if (link.hidden && anchor.softlyHidden && anchor.sawVisible) {
      link.hidden = false;
      delete link.hiddenReason;
      delete link.hiddenBy;
    }
  }

  private openImage(frame: Frame, attrs: Attributes): void {
    const text = firstText(attrs.get("alt"), attrs.get("title"));
    const first = this.links.length;
    for (const attribute of lazySources) this.link(frame, attrs.get(attribute), attribute, "image", text);
    this.srcset(frame, attrs.get("srcset"), text);
    if (!attrs.has("alt")) for (let i = first; i < this.links.length; i++) this.links[i]!.altMissing = true;
    const anchor = this.anchor;
    if (anchor !== null) {
      if (anchor.imageAlt === "") anchor.imageAlt = text;
      if (effectiveHiding(frame.hidden, true) === undefined) anchor.sawVisible = true;
    } else {
      this.forms.word(text);
    }
  }

  private openControl(frame: Frame, attrs: Attributes): void {
    const field = this.forms.field(frame, attrs);
    if (field !== undefined && (hasAriaName(attrs) || insideLabel(frame))) field.labelled = true;
    if (frame.name === "button" || frame.name === "textarea") {
      this.control = { frame, field, text: new ShortText(MAX_CAPTURE) };
    } else if (frame.name === "input" && (attrs.get("type") ?? "").trim().toLowerCase() === "image") {
      this.link(frame, attrs.get("src"), "src", "image", firstText(attrs.get("alt"), attrs.get("title")));
    }
  }

  private closeControl(): void {
    const control = this.control!;
    this.control = null;
    const field = control.field;
    if (field === undefined) return;
    const text = control.text.value(MAX_LINK_TEXT);
    if (field.tag === "textarea") field.value = text;
    else if (text !== "") field.text = text;
  }

  private openMeta(frame: Frame, attrs: Attributes): void {
    const content = attrs.get("content");
    for (const key of metaKeys) {
      const name = attrs.get(key)?.trim();
      if (name !== undefined && name !== "") this.metas.push({ name, key, content: content ?? "" });
    }
    const charset = attrs.get("charset")?.trim();
    if (charset !== undefined && charset !== "") {
      this.metas.push({ name: "charset", key: "charset", content: charset });
      this.declaredCharset ??= charset.toLowerCase();
    }
    if (content === undefined) return;
    const equiv = attrs.get("http-equiv")?.trim().toLowerCase();
    if (equiv === "content-type") {
      const m = /charset\s*=\s*["']?([^\s;"']+)/i.exec(content);
      if (m !== null) this.declaredCharset ??= m[1]!.toLowerCase();
    } else if (equiv === "refresh") {
      const refresh = parseRefresh(content);
      if (refresh === undefined) return;
      this.refresh ??= refresh;
      if (refresh.url !== undefined) this.addLink(frame, refresh.url, "content", "page", "");
    }
  }

  private srcset(frame: Frame, value: string | undefined, text: string): void {
    if (value === undefined) return;
    for (const url of parseSrcset(value)) this.addLink(frame, url, "srcset", "image", text);
  }

  private link(
    frame: Frame,
    value: string | undefined,
    attribute: string,
    kind: LinkKind,
    text: string,
    rel?: string,
  ): void {
    if (value !== undefined) this.addLink(frame, value, attribute, kind, text, rel);
  }

  /**
   * Records one link unless its value is not a link at all (javascript:, mailto:, #fragment…).
   * `replaced` is false only for text links (a), which font-size:0 hides.
   */
  private addLink(
    frame: Frame,
    value: string | undefined,
    attribute: string,
    kind: LinkKind,
    text: string,
    rel?: string,
    replaced = true,
  ): LinkRef | null {
    if (value === undefined) return null;
    const cleaned = cleanUrlValue(value);
    if (isSkippedUrl(cleaned)) return null;
    const link: LinkRef = {
      url: null,
      raw: value,
      element: frame.name,
      attribute,
      kind,
      text,
      hidden: false,
      locator: frame.locator(),
      index: this.links.length,
    };
    if (!unrendered.has(frame.name)) {
      const hiding = effectiveHiding(frame.hidden, replaced);
      if (hiding !== undefined) {
        link.hidden = true;
        link.hiddenReason = hiding.reason;
        link.hiddenBy = hiding.by.locator();
        if (hiding.by.styleRule !== undefined) link.hiddenRule = hiding.by.styleRule;
      }
    }
    if (rel !== undefined) link.rel = rel;
    this.links.push(link);
    this.values.push(cleaned);
    return link;
  }
}

function linkElementKind(rel: string | undefined): LinkKind {
  if (rel === undefined) return "other";
  const tokens = rel.split(" ");
  if (tokens.includes("stylesheet")) return "stylesheet";
  if (tokens.some((t) => t === "icon" || t.endsWith("-icon"))) return "image";
  return "other";
}

/** The element's kind, refined by the target's file extension where the element does not fix it. */
function finalKind(kind: LinkKind, url: string | null, value: string): LinkKind {
  switch (kind) {
    case "page":
      return extensionKind(url, value) ?? "page";
    case "frame":
    case "media":
    case "other":
      return extensionKind(url, value) === "attachment" ? "attachment" : kind;
    default:
      return kind;
  }
}

function relOf(attrs: Attributes): string | undefined {
  const rel = attrs.get("rel");
  if (rel === undefined) return undefined;
  const normalised = collapseWhitespace(rel).toLowerCase();
  return normalised === "" ? undefined : normalised;
}

function firstText(...values: (string | undefined)[]): string {
  for (const value of values) {
    if (value === undefined) continue;
    const text = collapseWhitespace(value);
    if (text !== "") return cutText(text, MAX_LINK_TEXT);
  }
  return "";
}

function hasAriaName(attrs: Attributes): boolean {
  return !isBlank(attrs.get("aria-label") ?? "") || !isBlank(attrs.get("aria-labelledby") ?? "");
}

function insideLabel(frame: Frame): boolean {
  for (let up = frame.parent; up !== null && up.name !== "form" && up.name !== "body"; up = up.parent) {
    if (up.name === "label") return true;
  }
  return false;
}

function screenMedia(media: string | undefined): boolean {
  if (media === undefined) return true;
  const value = media.trim().toLowerCase();
  return value === "" || value === "all" || value === "screen";
}
