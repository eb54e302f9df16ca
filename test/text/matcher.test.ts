import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMatcher, foldCode, foldText, isSeparatorCode, type MatchHit } from "../../src/text/matcher.ts";
import { seededRandom as random } from "../../bench/seededRandom.ts";

const pick = (rand: () => number, chars: string): string => chars[Math.floor(rand() * chars.length)]!;
const word = (rand: () => number, chars: string, min: number, max: number): string => {
  let s = "";
  const n = min + Math.floor(rand() * (max - min + 1));
  for (let i = 0; i < n; i++) s += pick(rand, chars);
  return s;
};

type Span = [start: number, end: number, index: number];
const spans = (hits: MatchHit[]): Span[] => hits.map((h) => [h.start, h.end, h.index]);

/** Every occurrence of every term by repeated indexOf on the folded text; a folded duplicate reports the first term. */
function bruteAll(text: string, terms: string[]): Span[] {
  const folded = foldText(text);
  const firstOf = new Map<string, number>();
  terms.forEach((t, i) => {
    const key = foldText(t);
    if (key !== "" && !firstOf.has(key)) firstOf.set(key, i);
  });
  const out: Span[] = [];
  for (const [key, index] of firstOf) {
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1))
      out.push([at, at + key.length, index]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Leftmost-longest greedy selection from all occurrences. */
function leftmostLongest(all: Span[]): Span[] {
  const sorted = [...all].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Span[] = [];
  let lastEnd = 0;
  for (const s of sorted) {
    if (s[0] < lastEnd) continue;
    out.push(s);
    lastEnd = s[1];
  }
  return out;
}

/** Occurrences with separators skipped: match on the text without separators, map back, drop long gaps. */
function bruteSkipping(text: string, terms: string[], maxGap: number): Span[] {
  const kept: number[] = [];
  let stripped = "";
  for (let i = 0; i < text.length; i++) {
    if (isSeparatorCode(foldCode(text.charCodeAt(i)))) continue;
    kept.push(i);
    stripped += text[i];
  }
  const strip = (t: string): string =>
    [...t].filter((c) => !isSeparatorCode(foldCode(c.charCodeAt(0)))).join("");
  return bruteAll(stripped, terms.map(strip))
    .filter(([s, e]) => {
      for (let k = s + 1; k < e; k++) if (kept[k]! - kept[k - 1]! - 1 > maxGap) return false;
      return true;
    })
    .map(([s, e, i]): Span => [kept[s]!, kept[e - 1]! + 1, i]);
}

describe("Aho-Corasick matcher against a brute-force reference", () => {
  // A small alphabet makes overlaps, shared prefixes and fail-link chains common.
  const alphabet = "ab中国cＡＢ";
  const cases = 400;

  it(`finds every occurrence (overlapping mode) in ${cases} random cases`, () => {
    const rand = random(20260101);
    for (let c = 0; c < cases; c++) {
      const terms = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => word(rand, alphabet, 1, 5));
      const text = word(rand, alphabet + "x", 0, 80);
      const got = spans(createMatcher(terms, { overlapping: true }).find(text));
      assert.deepEqual(got, bruteAll(text, terms), JSON.stringify({ terms, text }));
    }
  });

  it(`selects leftmost-longest non-overlapping hits in ${cases} random cases`, () => {
    const rand = random(7);
    for (let c = 0; c < cases; c++) {
      const terms = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => word(rand, alphabet, 1, 6));
      const text = word(rand, alphabet + "x", 0, 80);
      const got = spans(createMatcher(terms).find(text));
      assert.deepEqual(got, leftmostLongest(bruteAll(text, terms)), JSON.stringify({ terms, text }));
    }
  });

  it(`skips separators within the gap limit in ${cases} random cases`, () => {
    const rand = random(99);
    for (let c = 0; c < cases; c++) {
      const maxGap = Math.floor(rand() * 4);
      const terms = Array.from({ length: 1 + Math.floor(rand() * 10) }, () => word(rand, "ab中国- ", 1, 5));
      const text = word(rand, "ab中国x- 、\n", 0, 80);
      const matcher = createMatcher(terms, { skipSeparators: { maxGap } });
      const expected = leftmostLongest(bruteSkipping(text, terms, maxGap));
      assert.deepEqual(spans(matcher.find(text)), expected, JSON.stringify({ terms, text, maxGap }));
    }
  });

  it("works on a large CJK alphabet with long terms (rows searched by bisection)", () => {
    const rand = random(3);
    const cjk = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join("");
    for (let c = 0; c < 20; c++) {
      const terms = Array.from({ length: 500 }, () => word(rand, cjk.slice(0, 40), 1, 4));
      const text = word(rand, cjk.slice(0, 60), 500, 2000);
      assert.deepEqual(spans(createMatcher(terms, { overlapping: true }).find(text)), bruteAll(text, terms));
      assert.deepEqual(spans(createMatcher(terms).find(text)), leftmostLongest(bruteAll(text, terms)));
    }
  });
});

describe("matcher semantics", () => {
  it("reports overlapping terms once, the leftmost and then the longest", () => {
    const m = createMatcher(["he", "she", "his", "hers"]);
    assert.deepEqual(spans(m.find("ushers")), [[1, 4, 1]]);
    const longest = createMatcher(["新葡京", "澳门新葡京", "葡京娱乐"]);
    assert.deepEqual(spans(longest.find("澳门新葡京娱乐")), [[0, 5, 1]]);
    assert.deepEqual(spans(createMatcher(["葡京", "新葡京娱乐"]).find("新葡京")), [[1, 3, 0]]);
  });

  it("keeps a shorter match found while a longer one was still possible", () => {
    const m = createMatcher(["abcdX", "ab", "cd"]);
    assert.deepEqual(spans(m.find("abcdY")), [
      [0, 2, 1],
      [2, 4, 2],
    ]);
  });

  it("returns the term as given and its index; folded duplicates report the first", () => {
    const m = createMatcher(["QQ", "qq", "Ｑｑ", ""]);
    assert.equal(m.size, 1);
    const [hit] = m.find("加qQ");
    assert.deepEqual(hit, { start: 1, end: 3, index: 0, term: "QQ" });
  });

  it("folds ASCII case and full width without moving offsets", () => {
    const m = createMatcher(["bet365", "一分快3"]);
    const text = "欢迎ＢＥＴ３６５，一分快３";
    const hits = m.find(text);
    assert.deepEqual(spans(hits), [
      [2, 8, 0],
      [9, 13, 1],
    ]);
    assert.equal(text.slice(hits[0]!.start, hits[0]!.end), "ＢＥＴ３６５");
    assert.equal(foldText("ＡＢｃ０　Ｚ"), "abc0 z");
  });

  it("matches terms with characters outside the BMP (surrogate pairs)", () => {
    const m = createMatcher(["𠀀𠀁", "𠀁"]);
    assert.deepEqual(spans(m.find("x𠀀𠀁𠀁")), [
      [1, 5, 0],
      [5, 7, 1],
    ]);
  });

  it("is reusable: no state leaks from one text to the next", () => {
    const m = createMatcher(["百家乐", "百家"]);
    assert.deepEqual(spans(m.find("百家")), [[0, 2, 1]]);
    assert.deepEqual(spans(m.find("乐")), []);
    assert.deepEqual(spans(m.find("百家乐")), [[0, 3, 0]]);
  });

  it("finds nothing with no terms or in empty text", () => {
    assert.deepEqual(createMatcher([]).find("任何文字"), []);
    assert.deepEqual(createMatcher(["a"]).find(""), []);
  });
});

describe("separator skipping", () => {
  const m = createMatcher(["一分快3", "开户", "www.138cp.cn"], { skipSeparators: true });

  it("matches spaced and hyphenated spam, the hit covering what was written", () => {
    const text = "点击 一 分 快 ３ 开-户";
    const hits = m.find(text);
    assert.deepEqual(
      hits.map((h) => text.slice(h.start, h.end)),
      ["一 分 快 ３", "开-户"],
    );
  });

  it("drops separators from terms, so domains match with or without dots", () => {
    assert.equal(m.find("访问www.138cp.cn").length, 1);
    assert.equal(m.find("访问 www138cpcn").length, 1);
  });

  it("gives up after maxGap separators (default 3) and never crosses a line break", () => {
    assert.equal(m.find("开 - 户").length, 1);
    assert.equal(m.find("开 -- 户").length, 0);
    assert.equal(createMatcher(["开户"], { skipSeparators: { maxGap: 0 } }).find("开 户").length, 0);
    assert.equal(m.find("开\n户").length, 0);
    assert.equal(m.find("开。户").length, 0);
  });

  it("is off by default", () => {
    assert.equal(createMatcher(["开户"]).find("开-户").length, 0);
    assert.equal(createMatcher(["开户"]).find("开户").length, 1);
  });
});

describe("ASCII word boundaries", () => {
  const m = createMatcher(["xx", "casino", "av女优"], { asciiWordBoundaries: true, skipSeparators: true });

  it("keeps ASCII terms from firing inside longer ASCII words", () => {
    assert.deepEqual(spans(m.find("/xxgk/")), []);
    assert.deepEqual(spans(m.find("XX局")), [[0, 2, 0]]);
    assert.deepEqual(spans(m.find("www.xpj888-casino.invalid")), [[11, 17, 1]]);
    assert.deepEqual(spans(m.find("casinos")), []);
    assert.deepEqual(spans(m.find("jav女优")), []);
    assert.deepEqual(spans(m.find("看AV女优")), [[1, 5, 2]]);
  });

  it("applies to full-width letters too, after folding", () => {
    assert.deepEqual(spans(m.find("ｘｘｘ")), []);
  });
});
