import type { HiddenState } from "./hidden.ts";

/** Ids and classes longer than this are generated noise; cutting them keeps locators short. */
const MAX_KEY_LENGTH = 80;

/**
 * One open element. The tree builder fills the structural part; the page builder annotates it
 * (hidden state, text routing) when the element opens, so descendants inherit in O(1).
 */
export class Frame {
  readonly name: string;
  readonly flags: number;
  readonly parent: Frame | null;
  /** 1-based position among the parent's children with the same tag name. */
  readonly nth: number;
  /** The id and class attributes as written, read only when a locator is asked for. */
  private readonly idAttr: string | undefined;
  private readonly classAttr: string | undefined;
  /** Inside SVG or MathML, where HTML's implied-end rules do not apply. */
  readonly foreign: boolean;
  /** Small integer for the few names whose open count the tree builder tracks; -1 otherwise. */
  readonly track: number;
  /** Children counted by name: a run of one name needs no Map (ul>li, tr>td), mixed names do. */
  private lastChildName: string | undefined;
  private lastChildCount: number;
  private childCounts: Map<string, number> | undefined;
  private path: string | undefined;
  /** Set by the page builder: null when nothing on the way from the root hides this element. */
  hidden: HiddenState | null;
  /** Set by the page builder: where text directly inside this element goes. */
  textMode: number;
  /** Set by the page builder: the nearest block-level element, this one included. */
  block: string;
  /** Set by the page builder: the <style> selectors that apply to this element, if any may hide it. */
  styleRule: string | undefined;

  constructor(
    name: string,
    flags: number,
    parent: Frame | null,
    id: string | undefined,
    cls: string | undefined,
    foreign: boolean,
    track: number,
  ) {
    this.name = name;
    this.flags = flags;
    this.parent = parent;
    this.nth = parent === null ? 1 : parent.countChild(name);
    this.idAttr = id;
    this.classAttr = cls;
    this.foreign = foreign;
    this.track = track;
    this.lastChildName = undefined;
    this.lastChildCount = 0;
    this.childCounts = undefined;
    this.path = undefined;
    this.hidden = parent === null ? null : parent.hidden;
    this.textMode = parent === null ? 0 : parent.textMode;
    this.block = parent === null ? "" : parent.block;
    this.styleRule = undefined;
  }

  private countChild(name: string): number {
    if (this.childCounts === undefined) {
      if (this.lastChildName === undefined || this.lastChildName === name) {
        this.lastChildName = name;
        return ++this.lastChildCount;
      }
      this.childCounts = new Map([[this.lastChildName, this.lastChildCount]]);
    }
    const n = (this.childCounts.get(name) ?? 0) + 1;
    this.childCounts.set(name, n);
    return n;
  }

  /**
   * Element path such as "html>body>div#main>ul.list>li[3]>a": the id when there is one (stable
   * across template changes), else the first class, plus the nth-of-type index when > 1. Built on
   * demand and cached, so only elements that carry a link or form pay for it.
   */
  locator(): string {
    if (this.path === undefined) {
      let segment = this.name;
      const id = this.idAttr === undefined ? "" : locatorKey(this.idAttr.trim());
      if (id !== "") segment += "#" + id;
      else {
        const cls = this.classAttr === undefined ? "" : locatorKey(firstToken(this.classAttr));
        if (cls !== "") segment += "." + cls;
        if (this.nth > 1) segment += "[" + this.nth + "]";
      }
      const parentPath = this.parent === null ? "" : this.parent.locator();
      this.path = parentPath === "" ? segment : parentPath + ">" + segment;
    }
    return this.path;
  }
}

function firstToken(value: string): string {
  let start = 0;
  while (start < value.length && value.charCodeAt(start) <= 32) start++;
  let end = start;
  while (end < value.length && value.charCodeAt(end) > 32) end++;
  return value.slice(start, end);
}

function locatorKey(value: string): string {
  const cut = value.length > MAX_KEY_LENGTH ? value.slice(0, MAX_KEY_LENGTH) : value;
  // ">" would read as a path separator and whitespace as a break; both are rare in ids.
  for (let i = 0; i < cut.length; i++) {
    const c = cut.charCodeAt(i);
    if (c === 62 || c <= 32) return cut.replace(/[\s>]/g, "_");
  }
  return cut;
}
