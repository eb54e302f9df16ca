/**
 * Word → count, looked up by a span of a text with one character swapped, without building the
 * string: the typo checker asks some ten such questions per candidate, and in a Map each costs a new
 * string to hash (about 1 µs); here it is a hash over char codes and a compare (open addressing).
 */
export class WordCounts {
  /** Per slot: the word's id, or -1 when empty. */
  private slots = new Int32Array(1 << 10).fill(-1);
  /** Per slot: the word's full hash, compared before the word itself (which is a cache miss away). */
  private hashes = new Int32Array(1 << 10);
  private readonly words: string[] = [];
  private readonly counts: number[] = [];

  get size(): number {
    return this.words.length;
  }

  set(word: string, count: number): void {
    const hash = hashSpan(word, 0, word.length, -1, 0);
    const slot = this.find(hash, word, 0, word.length, -1, 0);
    const id = this.slots[slot]!;
    if (id >= 0) {
      this.counts[id] = count;
      return;
    }
    this.slots[slot] = this.words.length;
    this.hashes[slot] = hash;
    this.words.push(word);
    this.counts.push(count);
    if (this.words.length * 2 > this.slots.length) this.grow();
  }

  get(word: string): number {
    return this.span(word, 0, word.length, -1, 0);
  }

  /** Count of text[from, to) read with the unit at `at` as `code` (no swap when `at` is outside). */
  span(text: string, from: number, to: number, at: number, code: number): number {
    const id = this.slots[this.find(hashSpan(text, from, to, at, code), text, from, to, at, code)]!;
    return id >= 0 ? this.counts[id]! : 0;
  }

  *entries(): IterableIterator<[string, number]> {
    for (let id = 0; id < this.words.length; id++) yield [this.words[id]!, this.counts[id]!];
  }

  /** The slot holding the span, else the empty slot where it would go. */
  private find(hash: number, text: string, from: number, to: number, at: number, code: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return slot;
      if (this.hashes[slot] !== hash) continue;
      const word = this.words[id]!;
      if (word.length !== to - from) continue;
      let same = true;
      for (let i = from; i < to && same; i++)
        same = word.charCodeAt(i - from) === (i === at ? code : text.charCodeAt(i));
      if (same) return slot;
    }
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const mask = size - 1;
    const slots = new Int32Array(size).fill(-1);
    const hashes = new Int32Array(size);
    for (let old = 0; old < this.slots.length; old++) {
      const id = this.slots[old]!;
      if (id < 0) continue;
      let slot = this.hashes[old]! & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
      hashes[slot] = this.hashes[old]!;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}

/**
 * FNV-1a over the UTF-16 units, then MurmurHash3's finaliser: FNV alone leaves the low bits, which
 * pick the slot, poorly mixed for 16-bit input, and probe runs grow long.
 */
function hashSpan(text: string, from: number, to: number, at: number, code: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (i === at ? code : text.charCodeAt(i)), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
