/** What an element's tag, class names, id and ancestors say about it, whatever it is looked at for. */
import { type AnyNode, type Element, isTag } from "domhandler";

/** Subtrees that hold no visible links or labels. */
export const skippedTags = new Set(["script", "style", "template", "head", "select", "textarea", "svg"]);

/** Attribute by its lower-case name: HTML tree builders (htmlparser2's and ours) lower-case them. */
export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** <a href>: an <a> without href is a named anchor, not a link. */
export function isLink(el: Element): boolean {
  return el.name === "a" && attr(el, "href") !== undefined;
}

const noWords: readonly string[] = [];

/** Class names and the id, lower-case. */
export function classWords(el: Element): readonly string[] {
  const cls = attr(el, "class");
  const id = attr(el, "id");
  if (cls === undefined && id === undefined) return noWords;
  const joined = `${cls ?? ""} ${id ?? ""}`.toLowerCase().trim();
  return joined === "" ? noWords : joined.split(/\s+/);
}

/** One of the class names or the id matches a whole-word pattern. */
export function anyWord(words: readonly string[], pattern: RegExp): boolean {
  for (const w of words) if (pattern.test(w)) return true;
  return false;
}

/** The parent, unless it is the document itself. */
export function parentElement(node: AnyNode): Element | null {
  return node.parent !== null && isTag(node.parent) ? node.parent : null;
}

/** el or one of its ancestors passes the test, looking at most `levels` elements up from el itself. */
export function selfOrAncestor(el: Element, levels: number, test: (el: Element) => boolean): boolean {
  let node: Element | null = el;
  for (let depth = 0; node !== null && depth < levels; depth++) {
    if (test(node)) return true;
    node = parentElement(node);
  }
  return false;
}

/** Words in class/id of page footers, whose link rows are not menus. */
const footerWord = /foot|bottom|copyright|banquan/;

export function inFooter(el: Element): boolean {
  return selfOrAncestor(el, 15, (node) => node.name === "footer" || anyWord(classWords(node), footerWord));
}
