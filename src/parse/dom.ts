/**
 * A domhandler Document built by our own tokenizer and tree builder, for code that wants to walk a
 * tree (list items, column discovery) on crawled pages. htmlparser2's parseDocument is quadratic on
 * deep or stray-tag markup (15–200 s on 1 MB); this inherits TreeBuilder's depth cap and
 * browser-like implied ends, so it is linear and its tree matches what PageModel saw.
 */
import { Document, Element, Text, type ParentNode } from "domhandler";
import type { Attributes } from "./attributes.ts";
import type { Frame } from "./frame.ts";
import { HtmlTokenStream } from "./tokens.ts";
import { TreeBuilder, type TreeSink } from "./tree.ts";

/** Builds the Document of one page. Never throws: on an internal failure it returns what it had. */
export function buildDom(html: string): Document {
  const sink = new DomSink();
  try {
    const tokens = new HtmlTokenStream(new TreeBuilder(sink));
    tokens.write(html);
    tokens.end();
  } catch {
    // The partial tree is still well formed: every node was linked when it was created.
  }
  return sink.document;
}

class DomSink implements TreeSink {
  readonly document = new Document([]);
  /**
   * Open frames (the tree builder's handles for elements) and their elements, in the builder's
   * stack order. Nearly every lookup hits the top; a frame ended out of order (</b> over an open
   * <i>, </form>) is searched for, at most MAX_DEPTH deep.
   */
  private readonly frames: Frame[] = [];
  private readonly elements: Element[] = [];
  /**
   * TreeBuilder puts a closed <head> back on its stack for a late <meta>/<script> without a second
   * open(), so the head's element must outlive its close().
   */
  private headFrame: Frame | null = null;
  private headElement: Element | null = null;

  open(frame: Frame, attrs: Attributes): void {
    const attribs: Record<string, string> = {};
    for (let i = 0; i < attrs.length; i++) {
      const name = attrs.nameAt(i);
      // Browsers keep the first of duplicate attributes, and so does domhandler's parser.
      if (!Object.hasOwn(attribs, name)) attribs[name] = attrs.valueAt(i);
    }
    const element = new Element(frame.name, attribs);
    append(this.elementOf(frame.parent), element);
    this.frames.push(frame);
    this.elements.push(element);
    if (frame.name === "head" && this.headFrame === null) {
      this.headFrame = frame;
      this.headElement = element;
    }
  }

  close(frame: Frame): void {
    const i = this.indexOf(frame);
    if (i < 0) return;
    if (i === this.frames.length - 1) {
      this.frames.pop();
      this.elements.pop();
    } else {
      this.frames.splice(i, 1);
      this.elements.splice(i, 1);
    }
  }

  text(data: string, parent: Frame): void {
    const element = this.elementOf(parent);
    const last = element.children[element.children.length - 1];
    // The tokenizer splits text at entities; domhandler keeps one node per run of text.
    if (last instanceof Text) last.data += data;
    else append(element, new Text(data));
  }

  merge(frame: Frame, attrs: Attributes): void {
    const i = this.indexOf(frame);
    if (i < 0) return;
    const element = this.elements[i]!;
    for (let j = 0; j < attrs.length; j++) {
      const name = attrs.nameAt(j);
      if (!Object.hasOwn(element.attribs, name)) element.attribs[name] = attrs.valueAt(j);
    }
  }

  formEnd(): void {}

  end(): void {}

  private indexOf(frame: Frame): number {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i] === frame) return i;
    return -1;
  }

  private elementOf(frame: Frame | null): ParentNode {
    if (frame === null) return this.document;
    const i = this.indexOf(frame);
    if (i >= 0) return this.elements[i]!;
    if (frame === this.headFrame && this.headElement !== null) return this.headElement;
    // Only the tree builder's document frame (no parent) is never opened; anything else unknown
    // would be a tree-builder change, and the document is the safe place for it.
    return this.document;
  }
}

function append(parent: ParentNode, node: Element | Text): void {
  const previous = parent.children[parent.children.length - 1];
  if (previous !== undefined) {
    previous.next = node;
    node.prev = previous;
  }
  node.parent = parent;
  parent.children.push(node);
}
