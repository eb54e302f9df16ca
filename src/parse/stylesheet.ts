/**
 * The rules of a page's own <style> blocks that could hide an element, for hidden-link (暗链)
 * detection. Injected spam usually arrives as `<style>.x{position:absolute;top:-999px}</style>`
 * plus `<div class="x">` full of links, which inline-style detection cannot see.
 *
 * A false "hidden" accuses a government site, so only what is certain counts:
 * - only top-level rules: anything inside @media (print styles, mobile menus) or another at-rule
 *   is skipped;
 * - only simple selectors: a tag with ids and classes (`.x`, `div#y`, `ul.a.b`), no combinators,
 *   pseudo-classes or attribute selectors;
 * - a class or id that also appears in a complex selector which sets a visibility property
 *   (`.nav li:hover .sub{display:block}`) is a drop-down the page reveals itself: its rules are
 *   ignored;
 * - rules take effect from where their <style> block closes, as a progressive renderer shows the
 *   page; external stylesheets are not fetched.
 */
export interface StyleMatch {
  /** Declarations of the matching rules, least specific first, ready to be read as one style. */
  declarations: string;
  /** The matching selectors, as written, e.g. ".x, div#y". */
  selectors: string;
}

interface SimpleRule {
  tag: string | undefined;
  tokens: string[];
  ids: string[];
  classes: string[];
  selector: string;
  declarations: string;
  specificity: number;
  order: number;
}

/** Stylesheets bigger than this are cut: the cost of a page stays bounded. */
const MAX_SHEET_CHARS = 512 * 1024;

const simpleSelector = /^([a-z][a-z0-9]*)?((?:[#.][-_a-zA-Z0-9\u00a0-\uffff]+)+)$/i;
/** Properties with which a complex rule can show (or move into view) what a simple rule hid. */
const setsVisibility =
  /(?:^|[;\s])(?:display|visibility|opacity|(?:max-)?height|left|top|margin(?:-left|-top)?|text-indent|font-size|overflow|clip)\s*:/i;
const selectorToken = /[#.][-_a-zA-Z0-9\u00a0-\uffff]+/g;

export class StyleSheetRules {
  /** Rules keyed by one of their tokens ("#id" or ".class"). */
  private readonly byToken = new Map<string, SimpleRule[]>();
  /** Tokens a complex selector reveals or moves: never judged hidden by a simple rule. */
  private readonly dynamic = new Set<string>();
  private order = 0;
  private chars = 0;

  constructor(private readonly mayHide: (declarations: string) => boolean) {}

  get empty(): boolean {
    return this.byToken.size === 0;
  }

  /** Adds the rules of one <style> block. */
  add(css: string): void {
    if (this.chars >= MAX_SHEET_CHARS) return;
    const text = css.slice(0, MAX_SHEET_CHARS - this.chars).replace(/\/\*[\s\S]*?(?:\*\/|$)/g, " ");
    this.chars += text.length;
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf("{", i);
      if (open < 0) return;
      const prelude = text.slice(i, open).trim();
      if (prelude.startsWith("@") || prelude.includes("}")) {
        i = skipBlock(text, open);
        continue;
      }
      const close = text.indexOf("}", open + 1);
      const end = close < 0 ? text.length : close;
      this.addRule(prelude, text.slice(open + 1, end));
      i = end + 1;
    }
  }

  private addRule(prelude: string, declarations: string): void {
    const hides = this.mayHide(declarations);
    for (const raw of prelude.split(",")) {
      const selector = raw.trim();
      const simple = simpleSelector.exec(selector);
      if (simple === null) {
        if (setsVisibility.test(declarations))
          for (const token of selector.match(selectorToken) ?? []) this.dynamic.add(token);
        continue;
      }
      if (!hides) continue;
      const tokens = simple[2]!.match(selectorToken) ?? [];
      const ids = tokens.filter((t) => t.startsWith("#")).map((t) => t.slice(1));
      const classes = tokens.filter((t) => t.startsWith(".")).map((t) => t.slice(1));
      const rule: SimpleRule = {
        tag: simple[1]?.toLowerCase(),
        tokens,
        ids,
        classes,
        selector,
        declarations,
        specificity: ids.length * 10_000 + classes.length * 100 + (simple[1] ? 1 : 0),
        order: this.order++,
      };
      const key = tokens[0]!;
      const list = this.byToken.get(key);
      if (list) list.push(rule);
      else this.byToken.set(key, [rule]);
    }
  }

  /** The hiding-capable rules that apply to an element, or undefined when none does. */
  match(tag: string, id: string | undefined, className: string | undefined): StyleMatch | undefined {
    const classes = className === undefined ? [] : className.split(/\s+/).filter((c) => c.length > 0);
    const found: SimpleRule[] = [];
    const consider = (token: string): void => {
      for (const rule of this.byToken.get(token) ?? []) {
        if (rule.tag !== undefined && rule.tag !== tag) continue;
        // A later block may reveal what an earlier one hid.
        if (rule.tokens.some((token) => this.dynamic.has(token))) continue;
        if (rule.ids.some((ruleId) => ruleId !== id)) continue;
        if (rule.classes.some((cls) => !classes.includes(cls))) continue;
        if (!found.includes(rule)) found.push(rule);
      }
    };
    if (id !== undefined) consider("#" + id);
    for (const cls of classes) consider("." + cls);
    if (found.length === 0) return undefined;
    found.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
    return {
      declarations: found.map((rule) => rule.declarations).join(";"),
      selectors: found.map((rule) => rule.selector).join(", "),
    };
  }
}

/** The index just past the block opened at `open`, nested blocks included. */
function skipBlock(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i + 1;
  }
  return text.length;
}
