/**
 * Reads the few inline-style properties that decide whether an element is visible. Only elements
 * that carry a style attribute pay for this; values are lower-cased with !important removed, and
 * the last declaration of a property wins, as in CSS.
 */
export interface InlineStyle {
  readonly props: ReadonlyMap<string, string>;
  /** A background image is set (url() in background or background-image). */
  readonly backgroundImage: boolean;
}

export function readInlineStyle(style: string): InlineStyle {
  const props = new Map<string, string>();
  const text = style.includes("/*") ? style.replace(/\/\*[\s\S]*?(\*\/|$)/g, " ") : style;
  let start = 0;
  let quote = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92) i++;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
    else if (c === 59 && depth === 0) {
      addDeclaration(props, text, start, i);
      start = i + 1;
    }
  }
  addDeclaration(props, text, start, text.length);
  const background = (props.get("background") ?? "") + " " + (props.get("background-image") ?? "");
  return { props, backgroundImage: background.includes("url(") };
}

/** The properties hidden-link detection reads; others are skipped before their value is touched. */
const relevant = new Set([
  "display",
  "visibility",
  "opacity",
  "filter",
  "overflow",
  "overflow-x",
  "overflow-y",
  "width",
  "height",
  "max-width",
  "max-height",
  "padding",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
  "position",
  "left",
  "top",
  "right",
  "margin",
  "margin-left",
  "margin-top",
  "text-indent",
  "font-size",
  "font",
  "background",
  "background-image",
]);

function addDeclaration(props: Map<string, string>, text: string, start: number, end: number): void {
  const colon = text.indexOf(":", start);
  if (colon < 0 || colon >= end) return;
  const name = text.slice(start, colon).trim().toLowerCase();
  if (!relevant.has(name)) return;
  let value = text
    .slice(colon + 1, end)
    .trim()
    .toLowerCase();
  const important = value.indexOf("!");
  if (important >= 0) value = value.slice(0, important).trim();
  props.set(name, value);
}

const unitPx: Record<string, number> = {
  px: 1,
  "": 1,
  em: 16,
  rem: 16,
  pt: 4 / 3,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
};

/**
 * A CSS length in px (em and rem at the default 16px); NaN for percentages, keywords and calc().
 * Unitless numbers count as px, as quirks-mode pages (most old government templates) treat them.
 */
export function cssLengthPx(value: string | undefined): number {
  if (value === undefined) return NaN;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))([a-z]*)$/.exec(value.trim());
  if (m === null) return NaN;
  const factor = unitPx[m[2]!];
  return factor === undefined ? NaN : Number(m[1]) * factor;
}

/** The four sides of a margin/padding shorthand: top, right, bottom, left. */
export function boxSides(value: string | undefined): [string, string, string, string] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(/\s+/).filter((p) => p.length > 0);
  const [t, r = t, b = t, l = r] = parts;
  return t === undefined ? undefined : [t, r!, b!, l!];
}

/** The URLs written as url(...) in a style attribute, in order, as written (quotes removed). */
export function cssUrls(style: string): string[] {
  const urls: string[] = [];
  const lower = style.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf("url(", from);
    if (at < 0) return urls;
    let i = at + 4;
    while (i < style.length && isCssSpace(style.charCodeAt(i))) i++;
    const q = style.charCodeAt(i);
    let end: number;
    let value: string;
    if (q === 34 || q === 39) {
      end = style.indexOf(String.fromCharCode(q), i + 1);
      if (end < 0) end = style.length;
      value = style.slice(i + 1, end);
      const close = style.indexOf(")", end);
      from = close < 0 ? style.length : close + 1;
    } else {
      end = style.indexOf(")", i);
      if (end < 0) end = style.length;
      value = style.slice(i, end).trim();
      from = end + 1;
    }
    // Only the character just before "url(" decides: "xurl(" is another function.
    const before = at === 0 ? 32 : lower.charCodeAt(at - 1);
    const isWordChar =
      (before >= 97 && before <= 122) || (before >= 48 && before <= 57) || before === 45 || before === 95;
    if (!isWordChar && value.length > 0) urls.push(value);
  }
}

function isCssSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
