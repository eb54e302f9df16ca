/**
 * The attributes of the start tag being processed. One instance is reused for every tag so the hot
 * path allocates nothing per element; consumers read it synchronously and never keep it.
 * Duplicate attributes keep the first value, as browsers do.
 */
export class Attributes {
  private names: string[] = [];
  private values: string[] = [];
  length = 0;
  /** Cached because every element needs them for its locator and hidden check. */
  id: string | undefined;
  className: string | undefined;
  style: string | undefined;
  hidden = false;

  reset(): void {
    this.length = 0;
    this.id = undefined;
    this.className = undefined;
    this.style = undefined;
    this.hidden = false;
  }

  add(name: string, value: string): void {
    // get() scans from the start, so a later duplicate is stored but never read.
    const i = this.length++;
    this.names[i] = name;
    this.values[i] = value;
    if (name === "id") this.id ??= value;
    else if (name === "class") this.className ??= value;
    else if (name === "style") this.style ??= value;
    else if (name === "hidden") this.hidden = true;
  }

  get(name: string): string | undefined {
    for (let i = 0; i < this.length; i++) if (this.names[i] === name) return this.values[i];
    return undefined;
  }

  has(name: string): boolean {
    for (let i = 0; i < this.length; i++) if (this.names[i] === name) return true;
    return false;
  }

  nameAt(i: number): string {
    return this.names[i] ?? "";
  }

  valueAt(i: number): string {
    return this.values[i] ?? "";
  }
}

/** Attributes of elements the tree builder creates implicitly (html, head, body, tbody, tr). */
export const noAttributes = new Attributes();
