import assert from "node:assert/strict";
import { test } from "node:test";
import { TrapDetector } from "../../src/crawl/traps.ts";

test("a calendar's endless query variations are bounded at the limit and reported once", () => {
  const detector = new TrapDetector({ maxPathDepth: 12, maxSegmentRepeats: 3, maxQueryVariants: 10 });
  let admitted = 0;
  for (let day = 0; day < 100; day++) {
    const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
    if (detector.admit(`http://x.gov.cn/calendar/?date=${date}`)) admitted++;
  }
  assert.equal(admitted, 10);
  const [trap, ...rest] = detector.found();
  assert.equal(rest.length, 0);
  assert.equal(trap!.kind, "query-variations");
  assert.equal(trap!.pattern, "http://x.gov.cn/calendar/?date=*");
  assert.equal(trap!.refused, 90);
  assert.equal(trap!.examples.length, 3);
});

test("different parameters on one path and the same parameters on other paths are counted apart", () => {
  const detector = new TrapDetector({ maxPathDepth: 12, maxSegmentRepeats: 3, maxQueryVariants: 2 });
  assert.ok(detector.admit("http://x.gov.cn/list?page=1"));
  assert.ok(detector.admit("http://x.gov.cn/list?page=2"));
  assert.ok(detector.admit("http://x.gov.cn/list?page=2&size=10"));
  assert.ok(detector.admit("http://x.gov.cn/other?page=3"));
  assert.equal(detector.admit("http://x.gov.cn/list?page=3"), false);
});

test("ever-growing relative paths are caught by their repeating segment", () => {
  const detector = new TrapDetector();
  assert.ok(detector.admit("http://x.gov.cn/trap/more/"));
  assert.ok(detector.admit("http://x.gov.cn/trap/more/more/"));
  assert.equal(detector.admit("http://x.gov.cn/trap/more/more/more/"), false);
  assert.equal(detector.found()[0]!.kind, "repeating-segments");
});

test("deep but honest paths pass until the depth limit", () => {
  const detector = new TrapDetector({ maxPathDepth: 4, maxSegmentRepeats: 3, maxQueryVariants: 40 });
  assert.ok(detector.admit("http://x.gov.cn/a/b/c/d.html"));
  assert.equal(detector.admit("http://x.gov.cn/a/b/c/d/e.html"), false);
  assert.equal(detector.found()[0]!.kind, "deep-path");
});
