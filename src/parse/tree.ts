import { Attributes, noAttributes } from "./attributes.ts";
import {
  BREAKOUT,
  CLOSES_P,
  elementFlags,
  FORMATTING,
  FOREIGN_ROOT,
  HEAD_CONTENT,
  HEADING,
  NO_TEXT,
  SCOPE,
  SPECIAL,
  T_A,
  T_BUTTON,
  T_DDT,
  T_HEADING,
  T_LI,
  T_NOBR,
  T_P,
  T_TABLE,
  trackCode,
  TRACKED_COUNT,
  VOID,
} from "./elements.ts";
import { Frame } from "./frame.ts";
import type { TokenSink } from "./tokens.ts";

/** Receives the element tree as it is built, in document order. */
export interface TreeSink {
  /** The frame is on top of the stack; attrs are valid only during the call. */
  open(frame: Frame, attrs: Attributes): void;
  close(frame: Frame): void;
  /** Text whose parent element is `parent`. */
  text(data: string, parent: Frame): void;
  /** A repeated <html> or <body> start tag: browsers add its new attributes to the first one. */
  merge(frame: Frame, attrs: Attributes): void;
  /** A </form> end tag: browsers stop associating controls with the open form here. */
  formEnd(): void;
  end(): void;
}

/**
 * Browsers (Blink) stop nesting at 512 levels; so do we, which also bounds every stack walk below
 * and makes pathological pages (1 MB of nested <div>) linear.
 */
export const MAX_DEPTH = 512;

const integrationPoints = new Set([
  "foreignobject",
  "desc",
  "title",
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
]);

/**
 * A compact version of the WHATWG tree-construction algorithm: implied html/head/body and
 * tbody/tr, implied end tags (p, li, dd/dt, td/th/tr, option, headings, nested a), scoped end tags
 * (a stray </div> inside a table cell is ignored, as in browsers), </body> ignored so trailing
 * content stays in the body, the form element pointer, and foreign (SVG) content. It skips what
 * does not change element paths or visibility much: foster parenting, reconstruction of active
 * formatting elements, quirks beyond <table> closing <p>.
 */
export class TreeBuilder implements TokenSink {
  private readonly stack: Frame[] = [];
  private readonly document = new Frame("", 0, null, undefined, undefined, false, -1);
  private readonly openCounts = new Int32Array(TRACKED_COUNT);
  private html: Frame | null = null;
  private head: Frame | null = null;
  private headOpen = false;
  private bodyStarted = false;
  /** Stack height at which a <head> reopened for a late <meta>/<script> is popped again. */
  private reopenedHeadDepth = -1;
  private formPointer = false;
  private quirks = true;

  constructor(private readonly sink: TreeSink) {}

  doctype(): void {
    if (this.html === null) this.quirks = false;
  }

  startTag(tagName: string, attrs: Attributes, selfClosing: boolean): void {
    const name = tagName === "image" ? "img" : tagName;
    const flags = elementFlags(name);
    const top = this.top();
    if (top !== null && top.foreign && !integrationPoints.has(top.name)) {
      const breaksOut = (flags & BREAKOUT) !== 0 || (name === "font" && fontBreaksOut(attrs));
      if (!breaksOut) {
        this.push(name, flags, attrs, true);
        if (selfClosing) this.pop();
        return;
      }
      while (this.top()?.foreign === true) this.pop();
    }

    if (name === "html") {
      if (this.html === null) this.html = this.push(name, flags, attrs, false);
      else this.sink.merge(this.html, attrs);
      return;
    }
    if (this.html === null) this.html = this.push("html", elementFlags("html"), noAttributes, false);

    if (!this.bodyStarted) {
      if (name === "head") {
        if (this.head === null) {
          this.head = this.push(name, flags, attrs, false);
          this.headOpen = true;
        }
        return;
      }
      if ((flags & HEAD_CONTENT) !== 0) {
        this.enterHeadFor();
        this.pushElement(name, flags, attrs);
        return;
      }
      this.closeHead();
      if (name === "body" || name === "frameset") {
        this.bodyStarted = true;
        this.push(name, flags, attrs, false);
        return;
      }
      this.startBody();
    } else if (name === "body") {
      const body = this.findByName("body");
      if (body >= 0) this.sink.merge(this.stack[body]!, attrs);
      return;
    } else if (name === "head" || name === "frameset") {
      return;
    }

    if (!this.applyImpliedEnds(name, flags)) return;
    this.pushElement(name, flags, attrs);
  }

  endTag(tagName: string): void {
    const name = tagName;
    const top = this.top();
    if (top !== null && top.foreign) {
      for (let i = this.stack.length - 1; i >= 0 && this.stack[i]!.foreign; i--) {
        if (this.stack[i]!.name === name) {
          this.popThrough(i);
          return;
        }
      }
    }
    const flags = elementFlags(name);
    switch (name) {
      case "html":
      case "body":
        // Browsers keep parsing into the body after </body>; spam is often appended there.
        return;
      case "head":
        if (!this.bodyStarted) this.closeHead();
        return;
      case "br":
        this.startTag("br", noAttributes, false);
        return;
      case "p": {
        const p = this.openCounts[T_P]! > 0 ? this.findInScope("p", "button") : -1;
        if (p >= 0) this.popThrough(p);
        else {
          this.startTag("p", noAttributes, false);
          this.closeTop("p");
        }
        return;
      }
      case "form": {
        this.formPointer = false;
        this.sink.formEnd();
        const form = this.findInScope("form", null);
        if (form >= 0) this.remove(form);
        return;
      }
      case "li":
        if (this.openCounts[T_LI]! > 0) this.popThroughInScope("li", "ul", "ol");
        return;
      case "td":
      case "th":
      case "tr":
      case "tbody":
      case "thead":
      case "tfoot":
      case "table":
      case "caption": {
        const i = this.findInTableScope(name);
        if (i >= 0) this.popThrough(i);
        return;
      }
    }
    if ((flags & HEADING) !== 0) {
      if (this.openCounts[T_HEADING]! > 0) {
        for (let i = this.stack.length - 1; i >= 0; i--) {
          const f = this.stack[i]!;
          if ((f.flags & HEADING) !== 0) return this.popThrough(i);
          if ((f.flags & SCOPE) !== 0) return;
        }
      }
      return;
    }
    if ((flags & FORMATTING) !== 0) {
      const i = this.findInScope(name, null);
      if (i >= 0) this.remove(i);
      return;
    }
    if ((flags & SPECIAL) !== 0) {
      const i = this.findInScope(name, null);
      if (i >= 0) this.popThrough(i);
      return;
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i]!;
      if (f.name === name) return this.popThrough(i);
      if ((f.flags & SPECIAL) !== 0) return;
    }
  }

  text(data: string): void {
    if (!this.bodyStarted) {
      const top = this.top();
      const inHeadElement = top !== null && top !== this.html && top !== this.head;
      if (!inHeadElement) {
        if (isWhitespace(data)) return;
        if (this.html === null) this.html = this.push("html", elementFlags("html"), noAttributes, false);
        this.closeHead();
        this.startBody();
      }
    }
    const parent = this.top();
    if (parent !== null) this.sink.text(data, parent);
  }

  end(): void {
    while (this.stack.length > 0) this.pop();
    this.sink.end();
  }

  private top(): Frame | null {
    return this.stack.length === 0 ? null : this.stack[this.stack.length - 1]!;
  }

  /** Returns false when the start tag must be ignored (a nested form, a table part outside tables). */
  private applyImpliedEnds(name: string, flags: number): boolean {
    if ((flags & CLOSES_P) !== 0 || (name === "table" && !this.quirks)) {
      if (name === "li") {
        if (this.openCounts[T_LI]! > 0) this.closeListItem("li", "li");
      } else if (name === "dd" || name === "dt") {
        if (this.openCounts[T_DDT]! > 0) this.closeListItem("dd", "dt");
      } else if (name === "form") {
        if (this.formPointer) return false;
        this.formPointer = true;
      }
      if (this.openCounts[T_P]! > 0) {
        const p = this.findInScope("p", "button");
        if (p >= 0) this.popThrough(p);
      }
      if ((flags & HEADING) !== 0) {
        const top = this.top();
        if (top !== null && (top.flags & HEADING) !== 0) this.pop();
      }
      return true;
    }
    switch (name) {
      case "a":
      case "nobr": {
        if (this.openCounts[name === "a" ? T_A : T_NOBR]! > 0) {
          const i = this.findInScope(name, null);
          if (i >= 0) this.remove(i);
        }
        return true;
      }
      case "button": {
        if (this.openCounts[T_BUTTON]! > 0) {
          const i = this.findInScope("button", null);
          if (i >= 0) this.popThrough(i);
        }
        return true;
      }
      case "option":
      case "optgroup": {
        const top = this.top();
        if (top !== null && (top.name === "option" || (name === "optgroup" && top.name === "optgroup")))
          this.pop();
        return true;
      }
      case "td":
      case "th":
      case "tr":
      case "tbody":
      case "thead":
      case "tfoot":
      case "caption":
      case "colgroup":
      case "col":
        return this.enterTableContext(name);
      case "table":
        return true;
    }
    return true;
  }

  /**
   * Pops back to the table context the new part belongs in and creates the implied tbody/tr, so
   * paths read "table>tbody>tr>td" as in a browser. Table parts outside any table are ignored.
   */
  private enterTableContext(name: string): boolean {
    if (this.openCounts[T_TABLE]! === 0) return false;
    let i = this.stack.length - 1;
    for (; i >= 0; i--) {
      const n = this.stack[i]!.name;
      if (n === "table" || n === "html" || n === "template") break;
      if (name === "td" || name === "th") {
        if (n === "td" || n === "th") {
          i--;
          break;
        }
        if (n === "tr" || n === "tbody" || n === "thead" || n === "tfoot") break;
      } else if (name === "tr") {
        if (n === "tbody" || n === "thead" || n === "tfoot") break;
      }
    }
    if (i < 0 || this.stack[i]!.name === "html" || this.stack[i]!.name === "template") return false;
    this.popAbove(i);
    let context = this.stack[i]!.name;
    if (context === "table" && (name === "tr" || name === "td" || name === "th")) {
      this.push("tbody", elementFlags("tbody"), noAttributes, false);
      context = "tbody";
    }
    if (context !== "tr" && (name === "td" || name === "th")) {
      this.push("tr", elementFlags("tr"), noAttributes, false);
    }
    return true;
  }

  /** li closes an open li (dd/dt close dd/dt) unless a special element other than address/div/p intervenes. */
  private closeListItem(a: string, b: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i]!;
      if (f.name === a || f.name === b) return this.popThrough(i);
      if ((f.flags & SPECIAL) !== 0 && f.name !== "address" && f.name !== "div" && f.name !== "p") return;
    }
  }

  private enterHeadFor(): void {
    if (this.head === null) {
      this.head = this.push("head", elementFlags("head"), noAttributes, false);
      this.headOpen = true;
    } else if (!this.headOpen && this.reopenedHeadDepth < 0) {
      // A <meta>/<script> between </head> and <body>: browsers put it back into the head.
      this.stack.push(this.head);
      this.reopenedHeadDepth = this.stack.length;
    }
  }

  private closeHead(): void {
    if (this.head === null) return;
    const i = this.stack.lastIndexOf(this.head);
    if (i >= 0) {
      this.popThrough(i);
    }
    this.headOpen = false;
    this.reopenedHeadDepth = -1;
  }

  private startBody(): void {
    this.bodyStarted = true;
    this.push("body", elementFlags("body"), noAttributes, false);
  }

  private pushElement(name: string, flags: number, attrs: Attributes): void {
    this.push(name, flags, attrs, false);
    if ((flags & VOID) !== 0) this.pop();
  }

  private push(name: string, flags: number, attrs: Attributes, foreign: boolean): Frame {
    if (this.stack.length >= MAX_DEPTH) this.pop();
    const parent = this.top() ?? this.document;
    const isForeign = foreign || (flags & FOREIGN_ROOT) !== 0;
    const track = isForeign ? -1 : trackCode(flags);
    const frame = new Frame(
      name,
      isForeign ? flags & NO_TEXT : flags,
      parent,
      attrs.id,
      attrs.className,
      isForeign,
      track,
    );
    this.stack.push(frame);
    if (track >= 0) this.openCounts[track]!++;
    this.sink.open(frame, attrs);
    return frame;
  }

  private pop(): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    if (frame === this.head) {
      this.headOpen = false;
      if (this.reopenedHeadDepth >= 0) {
        this.reopenedHeadDepth = -1;
        return;
      }
    }
    if (frame.track >= 0) this.openCounts[frame.track]!--;
    this.sink.close(frame);
    if (this.stack.length === this.reopenedHeadDepth) this.pop();
  }

  private popThrough(index: number): void {
    while (this.stack.length > index) this.pop();
  }

  private popAbove(index: number): void {
    while (this.stack.length > index + 1) this.pop();
  }

  /** Ends one element without ending those opened inside it (formatting elements, </form>). */
  private remove(index: number): void {
    if (index === this.stack.length - 1) return this.pop();
    const [frame] = this.stack.splice(index, 1);
    if (frame === undefined) return;
    if (frame.track >= 0) this.openCounts[frame.track]!--;
    this.sink.close(frame);
  }

  private closeTop(name: string): void {
    const top = this.top();
    if (top !== null && top.name === name) this.pop();
  }

  private findByName(name: string): number {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.name === name) return i;
    return -1;
  }

  /** The spec's "has an element in scope", with one extra boundary for button/list-item scope. */
  private findInScope(name: string, extra: string | null): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i]!;
      if (f.name === name) return i;
      if ((f.flags & SCOPE) !== 0 || f.name === extra) return -1;
    }
    return -1;
  }

  private popThroughInScope(name: string, extra1: string, extra2: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i]!;
      if (f.name === name) return this.popThrough(i);
      if ((f.flags & SCOPE) !== 0 || f.name === extra1 || f.name === extra2) return;
    }
  }

  private findInTableScope(name: string): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const n = this.stack[i]!.name;
      if (n === name) return i;
      if (n === "table" || n === "html" || n === "template") return -1;
    }
    return -1;
  }
}

function fontBreaksOut(attrs: Attributes): boolean {
  return attrs.has("color") || attrs.has("face") || attrs.has("size");
}

function isWhitespace(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) return false;
  }
  return true;
}
