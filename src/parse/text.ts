import type { TextBlock } from "./model.ts";

/**
 * Collects page text as blocks. Text nodes are buffered as they come and joined and
 * whitespace-collapsed once per block, so the per-node cost is a push and a blank check.
 */
export class TextCollector {
  private readonly lines: string[] = [];
  private length = 0;
  readonly blocks: TextBlock[] = [];
  private readonly pending: string[] = [];
  private pendingHasContent = false;
  private readonly hiddenLines: string[] = [];
  private readonly hiddenPending: string[] = [];
  private hiddenHasContent = false;

  /** Whitespace before the first content of a block is dropped: blocks are trimmed anyway. */
  visible(data: string): void {
    if (this.pendingHasContent) this.pending.push(data);
    else if (!isBlank(data)) {
      this.pending.push(data);
      this.pendingHasContent = true;
    }
  }

  hidden(data: string): void {
    if (this.hiddenHasContent) this.hiddenPending.push(data);
    else if (!isBlank(data)) {
      this.hiddenPending.push(data);
      this.hiddenHasContent = true;
    }
  }

  /** Ends the current block; `tag` is the block-level element the text belonged to. */
  boundary(tag: string): void {
    if (this.pendingHasContent) {
      const line = collapseWhitespace(this.pending.length === 1 ? this.pending[0]! : this.pending.join(""));
      if (line.length > 0) {
        const start = this.lines.length === 0 ? 0 : this.length + 1;
        this.lines.push(line);
        this.length = start + line.length;
        this.blocks.push({ start, end: this.length, tag });
      }
      this.pending.length = 0;
      this.pendingHasContent = false;
    }
    if (this.hiddenHasContent) {
      const line = collapseWhitespace(this.hiddenPending.join(""));
      if (line.length > 0) this.hiddenLines.push(line);
      this.hiddenPending.length = 0;
      this.hiddenHasContent = false;
    }
  }

  finish(): { text: string; blocks: TextBlock[]; hiddenText: string } {
    this.boundary("body");
    return { text: this.lines.join("\n"), blocks: this.blocks, hiddenText: this.hiddenLines.join("\n") };
  }
}

/** Collapses runs of whitespace (incl. U+00A0 &nbsp; and U+3000 full-width space) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** True when the text holds only whitespace (as collapseWhitespace sees it: &nbsp; and U+3000 included). */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/**
 * Accumulates a short text (anchor text, button label) up to a cap; past the cap, more input is
 * ignored so an unclosed <a> cannot collect the rest of the page.
 */
export class ShortText {
  /** Most anchors hold one text node: no array until a second one comes. */
  private first = "";
  private rest: string[] | null = null;
  private size = 0;

  constructor(private readonly cap: number) {}

  add(data: string): void {
    if (this.size >= this.cap) return;
    if (this.size === 0) this.first = data;
    else (this.rest ??= []).push(data);
    this.size += data.length;
  }

  /** Collapsed and cut to `max` characters. */
  value(max: number): string {
    const raw = this.rest === null ? this.first : this.first + this.rest.join("");
    return cutText(collapseWhitespace(raw), max);
  }
}

/** At most `max` UTF-16 units, never ending in half a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
