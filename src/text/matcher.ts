/**
 * Multi-term matching for lexicons: an Aho-Corasick automaton over JS strings, behind our own
 * `Matcher` interface so checks never depend on how matching is done (DESIGN.md: no third-party
 * matcher; modern-ahocorasick is quadratic on Node 20).
 *
 * Shape of the automaton, chosen for Chinese text where the alphabet is thousands of characters:
 * - every UTF-16 code unit maps to a dense symbol id through one 64K table; the table also carries
 *   case and width folding and the separator class, so the scan does one array read per character
 *   and characters that occur in no term (most of a page) cost nothing more;
 * - the root has a dense row over the symbols, so falling back to the root never searches;
 * - other states keep their edges sorted in flat typed arrays (compressed rows), searched linearly
 *   when short (CJK tries are mostly chains) and by bisection when long;
 * - states are numbered breadth-first, which keeps the upper levels of the trie together in memory.
 * Offsets in hits always refer to the text as given: folding is done per code unit, never by
 * rewriting the text, so no offset map is needed.
 */

/** One occurrence of a term: text.slice(start, end) is what was written, separators included. */
export interface MatchHit {
  start: number;
  end: number;
  /** Index of the term in the list the matcher was built from. */
  index: number;
  /** The term as given to createMatcher. */
  term: string;
}

export interface Matcher {
  /** Occurrences in text order; by default leftmost-longest and non-overlapping. */
  find(text: string): MatchHit[];
  /** Number of distinct terms the automaton holds (after folding and dropping empty terms). */
  readonly size: number;
}

export interface MatcherOptions {
  /**
   * Report every occurrence, overlapping ones included, ordered by start then end. Default false:
   * leftmost-longest non-overlapping, which is what a reader sees as "the spam phrase".
   */
  overlapping?: boolean;
  /**
   * Let spam obfuscation through: "一 分 快 3", "开-户", "百.家.乐". Separator characters (see
   * isSeparatorCode) are dropped from the terms and skipped in the text while a match is under way,
   * at most maxGap of them between two characters of a term; a longer run ends the match. A match
   * never begins or ends on a separator. Default off.
   */
  skipSeparators?: boolean | { maxGap?: number };
  /**
   * A term that begins (ends) with an ASCII letter or digit matches only where the text has no
   * ASCII letter or digit just before (after) it, so "xx" does not fire inside "xxgk". Default off.
   */
  asciiWordBoundaries?: boolean;
}

/** Default cap on separators between two characters of a term when skipping is on. */
export const DEFAULT_MAX_GAP = 3;

/**
 * Folding of one code unit: full-width ASCII (Ｑ, ０, ＃) to half-width, the ideographic space to a
 * space, and ASCII upper case to lower case. One code unit in, one out: offsets never move.
 */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) return 0x20;
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  return code;
}

/** The folded form of a string (see foldCode); same length as the input. */
export function foldText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

/**
 * Characters skipped inside a match when skipSeparators is on, tested after folding. Spaces and
 * invisible characters, and the punctuation spammers put between characters. Not line breaks nor
 * sentence ends (。！？；), so a match never joins two blocks or two sentences of a page.
 */
export function isSeparatorCode(code: number): boolean {
  switch (code) {
    case 0x09: // tab
    case 0x20: // space (and the ideographic space, folded)
    case 0xa0: // no-break space
    case 0xad: // soft hyphen
    case 0x200b: // zero-width space
    case 0x200c:
    case 0x200d:
    case 0x2060: // word joiner
    case 0xfeff: // zero-width no-break space
    case 0x2d: // -
    case 0x5f: // _
    case 0x2e: // .
    case 0x2c: // , (and ，)
    case 0x2a: // *
    case 0x7c: // |
    case 0x2f: // /
    case 0x5c: // \
    case 0x7e: // ~
    case 0x2b: // +
    case 0x3d: // =
    case 0x27: // '
    case 0x22: // "
    case 0xb7: // ·
    case 0x2022: // •
    case 0x2027: // ‧
    case 0x30fb: // ・
    case 0x2010: // hyphens and dashes
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x3001: // 、
    case 0xff64: // half-width 、
      return true;
    default:
      return false;
  }
}

/** Tested on folded codes, so upper case has already become lower case. */
const isAsciiAlnum = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);

/** Symbol 0: the code unit occurs in no term. */
const NO_SYMBOL = 0;
/** Symbol for separators when skipping is on; never a real symbol (at most 65,535 distinct code units exist, minus this one). */
const SEPARATOR = 0xffff;

/**
 * Builds the automaton. Empty terms (after dropping separators, when skipping) are ignored; terms
 * equal after folding share one state and report the first of them. Build is linear in the total
 * length of the terms (about 0.1 s for the 17,000-term sample list once warm).
 */
export function createMatcher(terms: readonly string[], options: MatcherOptions = {}): Matcher {
  const skipping = options.skipSeparators !== undefined && options.skipSeparators !== false;
  const maxGap =
    typeof options.skipSeparators === "object"
      ? (options.skipSeparators.maxGap ?? DEFAULT_MAX_GAP)
      : DEFAULT_MAX_GAP;
  const symbols = new Map<number, number>();
  const trie = buildTrie(terms, skipping, symbols);
  const automaton = compile(trie, symbols.size);
  const symbolOf = symbolTable(symbols, skipping);
  return new AhoCorasick(automaton, symbolOf, terms, {
    overlapping: options.overlapping === true,
    maxGap: skipping ? Math.max(0, Math.floor(maxGap)) : 0,
    boundaries: options.asciiWordBoundaries === true,
  });
}

/**
 * The trie as built: nodes numbered in creation order, each created by its one incoming edge, the
 * edges kept as parallel arrays. (A Map per node cost a garbage-collected object per state, which
 * dominated build time.)
 */
interface Trie {
  nodes: number;
  termOf: number[];
  /** Edge k goes from edgeFrom[k] to node k + 1 (nodes are created by their incoming edge) on edgeSymbol[k]. */
  edgeFrom: number[];
  edgeSymbol: number[];
  size: number;
}

/**
 * (node, symbol) → child, open addressing on typed arrays: a Map keyed by node·65536 + symbol
 * would hold most keys as heap numbers, which made building a 17,000-term automaton several
 * times slower.
 */
class EdgeTable {
  private nodes = new Int32Array(1 << 12).fill(-1);
  private symbols = new Int32Array(1 << 12);
  private children = new Int32Array(1 << 12);
  private count = 0;

  get(node: number, symbol: number): number {
    const mask = this.nodes.length - 1;
    for (let slot = slotOf(node, symbol, mask); ; slot = (slot + 1) & mask) {
      const at = this.nodes[slot]!;
      if (at === -1) return -1;
      if (at === node && this.symbols[slot] === symbol) return this.children[slot]!;
    }
  }

  set(node: number, symbol: number, child: number): void {
    if (++this.count * 2 > this.nodes.length) this.grow();
    this.place(node, symbol, child);
  }

  private place(node: number, symbol: number, child: number): void {
    const mask = this.nodes.length - 1;
    let slot = slotOf(node, symbol, mask);
    while (this.nodes[slot] !== -1) slot = (slot + 1) & mask;
    this.nodes[slot] = node;
    this.symbols[slot] = symbol;
    this.children[slot] = child;
  }

  private grow(): void {
    const { nodes, symbols, children } = this;
    this.nodes = new Int32Array(nodes.length * 2).fill(-1);
    this.symbols = new Int32Array(nodes.length * 2);
    this.children = new Int32Array(nodes.length * 2);
    for (let slot = 0; slot < nodes.length; slot++) {
      if (nodes[slot] !== -1) this.place(nodes[slot]!, symbols[slot]!, children[slot]!);
    }
  }
}

const slotOf = (node: number, symbol: number, mask: number): number =>
  (Math.imul(node, 0x9e3779b1) ^ Math.imul(symbol, 0x85ebca77)) & mask;

function buildTrie(terms: readonly string[], skipping: boolean, symbols: Map<number, number>): Trie {
  const childOf = new EdgeTable();
  const termOf: number[] = [-1];
  const edgeFrom: number[] = [];
  const edgeSymbol: number[] = [];
  let nodes = 1;
  let size = 0;
  terms.forEach((term, index) => {
    let node = 0;
    let length = 0;
    for (let i = 0; i < term.length; i++) {
      const code = foldCode(term.charCodeAt(i));
      if (skipping && isSeparatorCode(code)) continue;
      let symbol = symbols.get(code);
      if (symbol === undefined) {
        symbol = symbols.size + 1;
        if (symbol >= SEPARATOR) throw new RangeError("词表用到的字符过多（超过 65534 个）");
        symbols.set(code, symbol);
      }
      let next = childOf.get(node, symbol);
      if (next < 0) {
        next = nodes++;
        childOf.set(node, symbol, next);
        termOf.push(-1);
        edgeFrom.push(node);
        edgeSymbol.push(symbol);
      }
      node = next;
      length++;
    }
    if (length > 0 && termOf[node] === -1) {
      termOf[node] = index;
      size++;
    }
  });
  return { nodes, termOf, edgeFrom, edgeSymbol, size };
}

interface Automaton {
  /** Dense row of the root: next state per symbol (0 = stay at the root). */
  rootNext: Int32Array;
  /** Edges of state s are edgeSym/edgeNext[edgeStart[s] .. edgeStart[s + 1]), sorted by symbol. */
  edgeStart: Int32Array;
  edgeSym: Uint16Array;
  edgeNext: Int32Array;
  fail: Int32Array;
  depth: Int32Array;
  /** Term index when the state spells a term, else -1. */
  termOf: Int32Array;
  /** Longest state on the fail chain (excluding the state itself) that spells a term, else 0. */
  outLink: Int32Array;
  /** The state itself when it spells a term, else outLink. */
  firstOut: Int32Array;
  maxDepth: number;
  size: number;
}

function compile(trie: Trie, symbolCount: number): Automaton {
  const n = trie.nodes;
  const edgeCount = n - 1;
  // Children of each built node, grouped by parent (counting sort), then sorted by symbol.
  const childStart = new Int32Array(n + 1);
  for (let k = 0; k < edgeCount; k++) childStart[trie.edgeFrom[k]! + 1]!++;
  for (let v = 0; v < n; v++) childStart[v + 1]! += childStart[v]!;
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(edgeCount);
  for (let k = 0; k < edgeCount; k++) childList[fill[trie.edgeFrom[k]!]!++] = k + 1;
  const symbolOfNode = (node: number): number => trie.edgeSymbol[node - 1]!;
  for (let v = 0; v < n; v++) {
    if (childStart[v + 1]! - childStart[v]! > 1) {
      const row = childList.subarray(childStart[v]!, childStart[v + 1]!);
      row.set([...row].sort((a, b) => symbolOfNode(a) - symbolOfNode(b)));
    }
  }
  // Breadth-first numbering; the same order is the order fail links must be computed in.
  const order = new Int32Array(n);
  const newId = new Int32Array(n);
  let tail = 1;
  for (let head = 0; head < n; head++) {
    const old = order[head]!;
    for (let k = childStart[old]!; k < childStart[old + 1]!; k++) {
      newId[childList[k]!] = tail;
      order[tail++] = childList[k]!;
    }
  }

  const rootNext = new Int32Array(symbolCount + 1);
  const edgeStart = new Int32Array(n + 1);
  const edgeSym = new Uint16Array(edgeCount);
  const edgeNext = new Int32Array(edgeCount);
  const depth = new Int32Array(n);
  const termOf = new Int32Array(n);
  let e = 0;
  for (let id = 0; id < n; id++) {
    const old = order[id]!;
    termOf[id] = trie.termOf[old]!;
    edgeStart[id] = e;
    for (let k = childStart[old]!; k < childStart[old + 1]!; k++) {
      const child = childList[k]!;
      edgeSym[e] = symbolOfNode(child);
      edgeNext[e] = newId[child]!;
      depth[newId[child]!] = depth[id]! + 1;
      e++;
    }
  }
  edgeStart[n] = e;
  for (let k = edgeStart[0]!; k < edgeStart[1]!; k++) rootNext[edgeSym[k]!] = edgeNext[k]!;

  const fail = new Int32Array(n);
  const outLink = new Int32Array(n);
  const firstOut = new Int32Array(n);
  const goto = (state: number, symbol: number): number => {
    let lo = edgeStart[state]!;
    let hi = edgeStart[state + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = edgeSym[mid]!;
      if (s === symbol) return edgeNext[mid]!;
      if (s < symbol) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  };
  let maxDepth = 0;
  for (let u = 0; u < n; u++) {
    maxDepth = Math.max(maxDepth, depth[u]!);
    for (let k = edgeStart[u]!; k < edgeStart[u + 1]!; k++) {
      const v = edgeNext[k]!;
      const symbol = edgeSym[k]!;
      let f = 0;
      if (u !== 0) {
        let s = fail[u]!;
        while (s !== 0 && goto(s, symbol) < 0) s = fail[s]!;
        f = s === 0 ? rootNext[symbol]! : goto(s, symbol);
      }
      fail[v] = f;
      outLink[v] = termOf[f]! >= 0 ? f : outLink[f]!;
      firstOut[v] = termOf[v]! >= 0 ? v : outLink[v]!;
    }
  }
  return {
    rootNext,
    edgeStart,
    edgeSym,
    edgeNext,
    fail,
    depth,
    termOf,
    outLink,
    firstOut,
    maxDepth,
    size: trie.size,
  };
}

function symbolTable(symbols: Map<number, number>, skipping: boolean): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const folded = foldCode(code);
    if (skipping && isSeparatorCode(folded)) table[code] = SEPARATOR;
    else table[code] = symbols.get(folded) ?? NO_SYMBOL;
  }
  return table;
}

interface ScanOptions {
  overlapping: boolean;
  maxGap: number;
  boundaries: boolean;
}

/** Short rows are searched linearly: most states of a CJK trie have one child. */
const LINEAR_ROW = 8;

class AhoCorasick implements Matcher {
  readonly size: number;
  /** Text offsets of the last consumed (non-separator) characters, to recover match starts. */
  private readonly ring: Int32Array;
  private readonly mask: number;
  // Matches found but not yet chosen: a longer or earlier one may still be under way.
  private pendingStart: number[] = [];
  private pendingEnd: number[] = [];
  private pendingIndex: number[] = [];

  constructor(
    private readonly a: Automaton,
    private readonly symbolOf: Uint16Array,
    private readonly terms: readonly string[],
    private readonly options: ScanOptions,
  ) {
    this.size = a.size;
    let ringSize = 1;
    while (ringSize <= a.maxDepth) ringSize <<= 1;
    this.ring = new Int32Array(ringSize);
    this.mask = ringSize - 1;
  }

  find(text: string): MatchHit[] {
    const { rootNext, edgeStart, edgeSym, edgeNext, fail, depth, firstOut, outLink, termOf } = this.a;
    const symbolOf = this.symbolOf;
    const ring = this.ring;
    const mask = this.mask;
    const maxGap = this.options.maxGap;
    const overlapping = this.options.overlapping;
    const boundaries = this.options.boundaries;
    const hits: MatchHit[] = [];
    const n = text.length;
    let state = 0;
    let gap = 0;
    let consumed = 0;
    let lastEnd = 0;
    this.pendingStart.length = 0;
    this.pendingEnd.length = 0;
    this.pendingIndex.length = 0;

    for (let i = 0; i < n; i++) {
      const symbol = symbolOf[text.charCodeAt(i)]!;
      if (symbol === NO_SYMBOL) {
        if (state !== 0) {
          state = 0;
          if (this.pendingStart.length > 0) lastEnd = this.choose(hits, lastEnd, i + 1);
        }
        continue;
      }
      if (symbol === SEPARATOR) {
        if (state !== 0 && ++gap > maxGap) {
          state = 0;
          if (this.pendingStart.length > 0) lastEnd = this.choose(hits, lastEnd, i + 1);
        }
        continue;
      }
      gap = 0;
      // Follow fail links until some state has an edge for the symbol; the root always "has" one.
      for (;;) {
        if (state === 0) {
          state = rootNext[symbol]!;
          break;
        }
        let lo = edgeStart[state]!;
        let hi = edgeStart[state + 1]!;
        let next = -1;
        if (hi - lo <= LINEAR_ROW) {
          for (; lo < hi; lo++) {
            if (edgeSym[lo] === symbol) {
              next = edgeNext[lo]!;
              break;
            }
          }
        } else {
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            const s = edgeSym[mid]!;
            if (s === symbol) {
              next = edgeNext[mid]!;
              break;
            }
            if (s < symbol) lo = mid + 1;
            else hi = mid;
          }
        }
        if (next >= 0) {
          state = next;
          break;
        }
        state = fail[state]!;
      }
      if (state === 0) {
        if (this.pendingStart.length > 0) lastEnd = this.choose(hits, lastEnd, i + 1);
        continue;
      }
      ring[consumed & mask] = i;
      consumed++;
      for (let o = firstOut[state]!; o !== 0; o = outLink[o]!) {
        const start = ring[(consumed - depth[o]!) & mask]!;
        if (start < lastEnd) continue;
        if (boundaries && !atBoundaries(text, start, i + 1)) continue;
        const index = termOf[o]!;
        if (overlapping) hits.push({ start, end: i + 1, index, term: this.terms[index]! });
        else {
          this.pendingStart.push(start);
          this.pendingEnd.push(i + 1);
          this.pendingIndex.push(index);
        }
      }
      if (this.pendingStart.length > 0) {
        // Matches still possible all start within the current state's span.
        lastEnd = this.choose(hits, lastEnd, ring[(consumed - depth[state]!) & mask]!);
      }
    }
    if (this.pendingStart.length > 0) this.choose(hits, lastEnd, n + 1);
    if (overlapping) hits.sort((x, y) => x.start - y.start || x.end - y.end);
    return hits;
  }

  /**
   * Moves to hits the pending matches no future match can beat: while the leftmost pending start
   * lies before `horizon` (the earliest start a future match can have), take the longest match
   * with that start and drop the pending matches it overlaps. Returns the new end of the last hit.
   */
  private choose(hits: MatchHit[], lastEnd: number, horizon: number): number {
    const starts = this.pendingStart;
    const ends = this.pendingEnd;
    const indexes = this.pendingIndex;
    for (;;) {
      let best = -1;
      for (let k = 0; k < starts.length; k++) {
        if (starts[k]! < lastEnd) continue;
        if (best < 0 || starts[k]! < starts[best]! || (starts[k] === starts[best] && ends[k]! > ends[best]!))
          best = k;
      }
      if (best < 0 || starts[best]! >= horizon) break;
      const index = indexes[best]!;
      hits.push({ start: starts[best]!, end: ends[best]!, index, term: this.terms[index]! });
      lastEnd = ends[best]!;
    }
    let kept = 0;
    for (let k = 0; k < starts.length; k++) {
      if (starts[k]! < lastEnd) continue;
      starts[kept] = starts[k]!;
      ends[kept] = ends[k]!;
      indexes[kept] = indexes[k]!;
      kept++;
    }
    starts.length = ends.length = indexes.length = kept;
    return lastEnd;
  }
}

function atBoundaries(text: string, start: number, end: number): boolean {
  const first = foldCode(text.charCodeAt(start));
  const last = foldCode(text.charCodeAt(end - 1));
  if (start > 0 && isAsciiAlnum(first) && isAsciiAlnum(foldCode(text.charCodeAt(start - 1)))) return false;
  return !(end < text.length && isAsciiAlnum(last) && isAsciiAlnum(foldCode(text.charCodeAt(end))));
}
