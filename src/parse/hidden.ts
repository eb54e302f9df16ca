import type { Attributes } from "./attributes.ts";
import type { Frame } from "./frame.ts";
import { boxSides, cssLengthPx, readInlineStyle, type InlineStyle } from "./style.ts";

/**
 * Hidden-link (暗链) detection from inline styles, attributes and the page's own <style> rules. A
 * false "hidden" on a visible link is a false accusation against a government site, so every rule
 * errs towards visible: only what the HTML itself says counts (external stylesheets and scripts
 * are not seen; stylesheet.ts says which <style> rules are trusted), and patterns with a legitimate
 * visible use (image replacement, 0-height responsive boxes with padding) are excluded.
 *
 * "Hard" reasons cannot be undone by a descendant (display:none, opacity:0, clipping, off-screen
 * positioning). visibility, font-size and text-indent are inherited but a descendant can reset
 * them, so they are tracked separately.
 */
export interface HiddenState {
  readonly hard: string | undefined;
  readonly hardBy: Frame | undefined;
  readonly visibilityBy: Frame | undefined;
  readonly indentBy: Frame | undefined;
  readonly fontZeroBy: Frame | undefined;
}

export interface Hiding {
  reason: string;
  /** The element whose style or attribute hides it (itself or an ancestor). */
  by: Frame;
}

/** Offsets at or beyond this many px to the left/top put content off any screen. */
const OFF_SCREEN_PX = -999;
/** A marquee this small (px) or this fast (scrollamount) cannot be read. */
const MARQUEE_MAX_SIZE = 10;
const MARQUEE_MIN_SCROLLAMOUNT = 100;

/** Replaced elements sized by their own width/height attributes (a 0×0 iframe is a classic 暗链). */
const sizedByAttributes = new Set(["iframe", "frame", "img", "embed", "object", "video"]);

/** Cheap pre-check so that elements without any relevant attribute skip the work entirely. */
export function mayHide(name: string, attrs: Attributes): boolean {
  return (
    attrs.style !== undefined ||
    name === "marquee" ||
    attrs.hidden ||
    (sizedByAttributes.has(name) && (attrs.has("width") || attrs.has("height")))
  );
}

/**
 * Style text that could hide something or start hiding: a fast gate so that the common styles
 * (fonts, colours, margins of pasted Word HTML) skip declaration parsing. It over-approximates.
 */
export const styleMayHide =
  /display\s*:\s*none|visibility|overflow|opacity|alpha|-\s*(?:\d{3}|\d*\.?\d+\s*(?:em|rem|in|cm|mm|pc))|font(?:-size)?\s*:\s*[+-]?(?:0+\.?0*|\.0+)(?![\d.])/i;

/**
 * The hidden state of an element opening under `parent`. `sheetStyle` holds the declarations of
 * the page's <style> rules that match the element; its inline style is read after them and wins.
 */
export function hiddenStateFor(
  frame: Frame,
  attrs: Attributes,
  parent: HiddenState | null,
  sheetStyle?: string,
): HiddenState | null {
  // Nothing a descendant says can undo a hard reason.
  if (parent !== null && parent.hard !== undefined) return parent;
  const styleText =
    sheetStyle === undefined
      ? attrs.style
      : attrs.style === undefined
        ? sheetStyle
        : `${sheetStyle};${attrs.style}`;
  const needStyle =
    styleText !== undefined &&
    (parent !== null ||
      sheetStyle !== undefined ||
      attrs.hidden ||
      frame.name === "marquee" ||
      sizedByAttributes.has(frame.name) ||
      styleMayHide.test(styleText));
  const style = needStyle ? readInlineStyle(styleText) : undefined;
  let hard = parent?.hard;
  let hardBy = parent?.hardBy;
  let visibilityBy = parent?.visibilityBy;
  let indentBy = parent?.indentBy;
  let fontZeroBy = parent?.fontZeroBy;
  if (hard === undefined) {
    const own = ownHardReason(frame.name, attrs, style);
    if (own !== undefined) {
      hard = own;
      hardBy = frame;
    }
  }
  if (style !== undefined) {
    const props = style.props;
    const visibility = props.get("visibility");
    if (visibility === "hidden" || visibility === "collapse") visibilityBy = frame;
    else if (visibility === "visible") visibilityBy = undefined;

    const indent = props.get("text-indent");
    if (indent !== undefined && indent !== "inherit") {
      // Image replacement (a logo drawn as background, its text pushed away) is visible.
      indentBy = cssLengthPx(indent) <= OFF_SCREEN_PX && !style.backgroundImage ? frame : undefined;
    }

    const fontSize = fontSizeOf(props);
    if (fontSize === "zero") fontZeroBy = frame;
    else if (fontSize === "set") fontZeroBy = undefined;
  }
  if (
    hard === parent?.hard &&
    visibilityBy === parent?.visibilityBy &&
    indentBy === parent?.indentBy &&
    fontZeroBy === parent?.fontZeroBy
  ) {
    return parent;
  }
  if (
    hard === undefined &&
    visibilityBy === undefined &&
    indentBy === undefined &&
    fontZeroBy === undefined
  ) {
    return null;
  }
  return { hard, hardBy, visibilityBy, indentBy, fontZeroBy };
}

/**
 * Why content under this state is not visible, if it is not. `replaced` is for images and other
 * replaced content, which font-size:0 does not hide.
 */
export function effectiveHiding(state: HiddenState | null, replaced: boolean): Hiding | undefined {
  if (state === null) return undefined;
  if (state.hard !== undefined && state.hardBy !== undefined) return { reason: state.hard, by: state.hardBy };
  if (state.visibilityBy !== undefined) return { reason: "visibility:hidden", by: state.visibilityBy };
  if (state.indentBy !== undefined) return { reason: "off-screen", by: state.indentBy };
  if (!replaced && state.fontZeroBy !== undefined) return { reason: "font-size:0", by: state.fontZeroBy };
  return undefined;
}

export function hidesText(state: HiddenState | null): boolean {
  return (
    state !== null &&
    (state.hard !== undefined ||
      state.visibilityBy !== undefined ||
      state.indentBy !== undefined ||
      state.fontZeroBy !== undefined)
  );
}

function ownHardReason(name: string, attrs: Attributes, style: InlineStyle | undefined): string | undefined {
  const props = style?.props;
  const display = props?.get("display");
  if (display === "none") return "display:none";
  // The UA stylesheet's [hidden]{display:none} loses to an inline display value.
  if (display === undefined && attrs.hidden) return "hidden-attr";
  if (name === "marquee" && marqueeUnreadable(attrs, props)) return "marquee";
  if (props === undefined)
    return sizedByAttributes.has(name) && zeroSizeAttributes(attrs) ? "zero-size" : undefined;

  if (isZeroOpacity(props)) return "opacity:0";
  if (sizedByAttributes.has(name)) {
    const width = cssLengthPx(props.get("width"));
    const height = cssLengthPx(props.get("height"));
    if (width === 0 || height === 0 || (width <= 1 && height <= 1) || zeroSizeAttributes(attrs))
      return "zero-size";
  }
  if (clipsToNothing(props)) return "zero-size";
  if (offScreen(props)) return "off-screen";
  return undefined;
}

function zeroSizeAttributes(attrs: Attributes): boolean {
  const width = cssLengthPx(attrs.get("width"));
  const height = cssLengthPx(attrs.get("height"));
  return width === 0 || height === 0 || (width <= 1 && height <= 1);
}

function isZeroOpacity(props: ReadonlyMap<string, string>): boolean {
  const opacity = props.get("opacity");
  if (opacity !== undefined && /^[+-]?0*\.?0*%?$/.test(opacity) && /\d/.test(opacity)) return true;
  const filter = props.get("filter");
  return filter !== undefined && /alpha\(\s*opacity\s*=\s*0\s*\)/.test(filter);
}

/** A box of (almost) no width or height that clips its overflow shows nothing. */
function clipsToNothing(props: ReadonlyMap<string, string>): boolean {
  const overflow = [props.get("overflow"), props.get("overflow-x"), props.get("overflow-y")];
  if (!overflow.some((v) => v !== undefined && /^(hidden|clip|auto|scroll)\b/.test(v))) return false;
  const padding = boxSides(props.get("padding"));
  const padTop = Math.max(sideLength(props, "padding-top", padding?.[0]), 0);
  const padBottom = Math.max(sideLength(props, "padding-bottom", padding?.[2]), 0);
  const padRight = Math.max(sideLength(props, "padding-right", padding?.[1]), 0);
  const padLeft = Math.max(sideLength(props, "padding-left", padding?.[3]), 0);
  // A 0-height box with padding-bottom:56% is the usual responsive video frame: visible.
  const flatV = smallest(props.get("height"), props.get("max-height")) <= 1 && padTop + padBottom <= 1;
  const flatH = smallest(props.get("width"), props.get("max-width")) <= 1 && padLeft + padRight <= 1;
  return flatV || flatH;
}

/** The smaller of two CSS lengths in px, ignoring those without a px value; NaN if neither has one. */
function smallest(a: string | undefined, b: string | undefined): number {
  const x = cssLengthPx(a);
  const y = cssLengthPx(b);
  return Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.min(x, y);
}

function sideLength(
  props: ReadonlyMap<string, string>,
  longhand: string,
  fromShorthand: string | undefined,
): number {
  const own = props.get(longhand);
  const value = own ?? fromShorthand;
  if (value === undefined) return 0;
  const px = cssLengthPx(value);
  // Percent padding (the aspect-ratio trick) has no px value but is certainly not zero.
  return Number.isNaN(px) ? (/^0*\.?0*%$/.test(value) ? 0 : Infinity) : px;
}

function offScreen(props: ReadonlyMap<string, string>): boolean {
  const position = props.get("position");
  if (position === "absolute" || position === "fixed" || position === "relative") {
    for (const side of ["left", "top", "right"]) {
      if (cssLengthPx(props.get(side)) <= OFF_SCREEN_PX) return true;
    }
  }
  // A big negative margin also hides, unless it is the "left:50%; margin-left:-1000px" centring idiom.
  const margin = boxSides(props.get("margin"));
  const marginLeft = cssLengthPx(props.get("margin-left") ?? margin?.[3]);
  const marginTop = cssLengthPx(props.get("margin-top") ?? margin?.[0]);
  return (
    (marginLeft <= OFF_SCREEN_PX && props.get("left") === undefined) ||
    (marginTop <= OFF_SCREEN_PX && props.get("top") === undefined)
  );
}

function marqueeUnreadable(attrs: Attributes, props: ReadonlyMap<string, string> | undefined): boolean {
  const sizes = [attrs.get("height"), attrs.get("width"), props?.get("height"), props?.get("width")];
  if (sizes.some((v) => cssLengthPx(v) <= MARQUEE_MAX_SIZE)) return true;
  return Number(attrs.get("scrollamount")?.trim() ?? "0") >= MARQUEE_MIN_SCROLLAMOUNT;
}

/** "zero" for font-size 0 (also in the font shorthand), "set" for any other explicit size. */
function fontSizeOf(props: ReadonlyMap<string, string>): "zero" | "set" | undefined {
  const size = props.get("font-size");
  if (size !== undefined) {
    if (size === "inherit") return undefined;
    return isZeroLength(size) ? "zero" : "set";
  }
  const font = props.get("font");
  if (font === undefined) return undefined;
  for (const token of font.split(/\s+/)) {
    const sizePart = token.split("/")[0] ?? "";
    if (isZeroLength(sizePart)) return "zero";
    if (!Number.isNaN(cssLengthPx(sizePart)) || /^\d/.test(sizePart)) return "set";
  }
  return "set";
}

function isZeroLength(value: string): boolean {
  return /^[+-]?(0+\.?0*|\.0+)(px|em|rem|pt|%|vw|vh|ex|ch)?$/.test(value);
}
