import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { Attributes } from "./attributes.ts";
import { attributeNames, NameTable, tagNames } from "./names.ts";

/** Receives whole tokens: tag names lower-cased, attributes assembled and entity-decoded. */
export interface TokenSink {
  startTag(name: string, attrs: Attributes, selfClosing: boolean): void;
  endTag(name: string): void;
  text(data: string): void;
  doctype(): void;
  end(): void;
}

/**
 * Drives htmlparser2's Tokenizer directly rather than its Parser: the Parser keeps its open-element
 * stack with Array#unshift and searches it with indexOf on every end tag, which is quadratic on
 * deep nesting (1 MB of nested <div> took 15 s, 200 s with stray end tags). Tree construction is
 * done by TreeBuilder instead, with a depth cap.
 */
export class HtmlTokenStream implements TokenizerCallbacks {
  private readonly tokenizer: Tokenizer;
  /** Chunks still needed for slices; tokenizer indices are absolute over the whole stream. */
  private buffers: string[] = [];
  private first = 0;
  private firstOffset = 0;
  /** Absolute offset of the last chunk written, where nearly every token lies. */
  private currentOffset = 0;
  private tagName = "";
  private attrName = "";
  private attrValue = "";
  private readonly attrs = new Attributes();

  constructor(private readonly sink: TokenSink) {
    this.tokenizer = new Tokenizer({ decodeEntities: true }, this);
  }

  write(chunk: string): void {
    if (chunk.length === 0) return;
    const previous = this.buffers[this.buffers.length - 1];
    if (previous !== undefined) this.currentOffset += previous.length;
    this.buffers.push(chunk);
    this.tokenizer.write(chunk);
  }

  end(): void {
    this.tokenizer.end();
  }

  /** A tag or attribute name, lower-cased; interned when it is a known name. */
  private name(table: NameTable, start: number, end: number): string {
    const current = this.buffers[this.buffers.length - 1] ?? "";
    const offset = this.currentOffset;
    if (start >= offset) {
      const known = table.lookup(current, start - offset, end - offset);
      if (known !== undefined) return known;
    }
    return this.slice(start, end).toLowerCase();
  }

  private slice(start: number, end: number): string {
    const buffers = this.buffers;
    let head = buffers[this.first] ?? "";
    while (this.first < buffers.length - 1 && start >= this.firstOffset + head.length) {
      this.firstOffset += head.length;
      buffers[this.first++] = "";
      head = buffers[this.first] ?? "";
    }
    if (this.first > 64) {
      buffers.splice(0, this.first);
      this.first = 0;
    }
    const from = start - this.firstOffset;
    const to = end - this.firstOffset;
    if (to <= head.length) return head.slice(from, to);
    let out = head.slice(from);
    let offset = this.firstOffset + head.length;
    for (let i = this.first + 1; i < buffers.length && offset < end; i++) {
      const chunk = buffers[i] ?? "";
      out += chunk.slice(0, end - offset);
      offset += chunk.length;
    }
    return out;
  }

  onopentagname(start: number, end: number): void {
    this.tagName = this.name(tagNames, start, end);
    this.attrs.reset();
  }

  onattribname(start: number, end: number): void {
    this.attrName = this.name(attributeNames, start, end);
    this.attrValue = "";
  }

  onattribdata(start: number, end: number): void {
    const part = this.slice(start, end);
    this.attrValue = this.attrValue.length === 0 ? part : this.attrValue + part;
  }

  onattribentity(codepoint: number): void {
    this.attrValue += codePointText(codepoint);
  }

  onattribend(): void {
    this.attrs.add(this.attrName, this.attrValue);
    this.attrValue = "";
  }

  onopentagend(): void {
    this.sink.startTag(this.tagName, this.attrs, false);
  }

  onselfclosingtag(): void {
    this.sink.startTag(this.tagName, this.attrs, true);
  }

  onclosetag(start: number, end: number): void {
    this.sink.endTag(this.name(tagNames, start, end));
  }

  ontext(start: number, end: number): void {
    this.sink.text(this.slice(start, end));
  }

  ontextentity(codepoint: number): void {
    this.sink.text(codePointText(codepoint));
  }

  ondeclaration(start: number, end: number): void {
    if (end - start >= 7 && this.slice(start, start + 7).toLowerCase() === "doctype") this.sink.doctype();
  }

  onend(): void {
    this.sink.end();
  }

  oncdata(): void {}
  oncomment(): void {}
  onprocessinginstruction(): void {}
}

function codePointText(codepoint: number): string {
  // The entity decoder already maps surrogates and out-of-range values to U+FFFD; this guards
  // String.fromCodePoint's RangeError should that ever change.
  return codepoint >= 0 && codepoint <= 0x10ffff ? String.fromCodePoint(codepoint) : "\ufffd";
}
