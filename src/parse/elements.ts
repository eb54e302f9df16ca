/**
 * What the parse stage needs to know about HTML element names, as bit flags so the hot path does
 * one Map lookup per tag. The sets follow the WHATWG tree-construction rules closely enough that
 * element paths and hidden-ancestor inheritance match what a browser builds for the usual broken
 * markup of government CMS templates (unclosed <p>, <li>, <td>, stray end tags).
 */

export const VOID = 1;
/** Starts a new text block (and a "\n" in PageModel.text). */
export const BLOCK = 1 << 1;
/** Text inside is never visible page text (script, style, head…). */
export const NO_TEXT = 1 << 2;
/** Belongs in <head> when it appears before <body>. */
export const HEAD_CONTENT = 1 << 3;
/** Opening it closes an open <p> (in button scope). */
export const CLOSES_P = 1 << 4;
/** The spec's "special" category: an end tag of an ordinary element does not close through these. */
export const SPECIAL = 1 << 5;
/** Boundary of the spec's default "has an element in scope". */
export const SCOPE = 1 << 6;
/** Formatting elements: their end tag removes just that element (a rough adoption agency). */
export const FORMATTING = 1 << 7;
export const HEADING = 1 << 8;
/** Starts foreign (SVG/MathML) content where HTML implied-end rules do not apply. */
export const FOREIGN_ROOT = 1 << 9;
/** An HTML start tag that breaks out of foreign content. */
export const BREAKOUT = 1 << 10;
/** Table structure: td, th, tr, tbody, thead, tfoot, caption, colgroup, col. */
export const TABLE_PART = 1 << 11;
/** The page builder has something to read on it (links, metas, forms, title, lang). */
export const HANDLED = 1 << 12;
/** Bits 16-19: small code of the names whose open count the tree builder tracks, plus one. */
const TRACK_SHIFT = 16;

const table = new Map<string, number>();

function mark(flag: number, names: string): void {
  for (const name of names.split(" ")) table.set(name, (table.get(name) ?? 0) | flag);
}

mark(
  VOID,
  "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr",
);
mark(
  BLOCK,
  "address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset figcaption figure " +
    "footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr iframe legend li listing main menu nav ol option " +
    "p pre search section select summary table tbody td textarea tfoot th thead tr ul xmp",
);
mark(NO_TEXT, "head script style noscript template title textarea noframes noembed iframe object select");
mark(HEAD_CONTENT, "base basefont bgsound link meta noframes script style template title noscript");
mark(
  CLOSES_P,
  "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form header " +
    "hgroup hr main menu nav ol p pre listing search section summary ul li dd dt h1 h2 h3 h4 h5 h6 plaintext xmp",
);
mark(
  SPECIAL,
  "address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd " +
    "details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header " +
    "hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript " +
    "object ol p param plaintext pre script search section select source style summary table tbody td template " +
    "textarea tfoot th thead title tr track ul wbr xmp",
);
mark(SCOPE, "applet caption html table td th marquee object template");
mark(FORMATTING, "a b big code em font i nobr s small strike strong tt u");
mark(HEADING, "h1 h2 h3 h4 h5 h6");
mark(FOREIGN_ROOT, "svg math");
mark(
  BREAKOUT,
  "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta " +
    "nobr ol p pre ruby s small span strong strike sub sup table tt u ul var",
);
mark(TABLE_PART, "td th tr tbody thead tfoot caption colgroup col");
mark(
  HANDLED,
  "a area img input select textarea button link script iframe frame form embed audio track object video source " +
    "meta base title style html body table td th tr",
);

// Names whose open count the tree builder tracks (so the common case skips a stack walk).
export const T_P = 0;
export const T_A = 1;
export const T_LI = 2;
export const T_DDT = 3;
export const T_BUTTON = 4;
export const T_TABLE = 5;
export const T_NOBR = 6;
export const T_HEADING = 7;
export const T_OPTION = 8;
export const TRACKED_COUNT = 9;
const tracked: [string, number][] = [
  ["p", T_P],
  ["a", T_A],
  ["li", T_LI],
  ["dd dt", T_DDT],
  ["button", T_BUTTON],
  ["table", T_TABLE],
  ["nobr", T_NOBR],
  ["h1 h2 h3 h4 h5 h6", T_HEADING],
  ["option optgroup", T_OPTION],
];
for (const [names, code] of tracked) mark((code + 1) << TRACK_SHIFT, names);

/** The tracked-name code in the flags, or -1. */
export function trackCode(flags: number): number {
  return ((flags >>> TRACK_SHIFT) & 0xf) - 1;
}

/** Flags of an element name (0 for names the parser treats as ordinary inline elements). */
export function elementFlags(name: string): number {
  return table.get(name) ?? 0;
}
