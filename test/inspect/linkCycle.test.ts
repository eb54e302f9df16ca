import assert from "node:assert/strict";
import { test } from "node:test";
import { freshnessMs } from "../../src/inspect/linkCycle.ts";

const cycle = 7 * 86_400_000;

test("healthy links fall due again spread over the second half of the cycle, each on a fixed day", () => {
  const urls = Array.from({ length: 2000 }, (_, i) => `http://www.demo-city.gov.cn/images/${i}.jpg`);
  const fresh = urls.map((url) => freshnessMs(url, cycle));
  assert.ok(
    fresh.every((ms) => ms >= cycle / 2 && ms < cycle),
    "between half the cycle and the cycle",
  );
  assert.deepEqual(
    urls.map((url) => freshnessMs(url, cycle)),
    fresh,
    "the same URL keeps the same share, so its day does not wander",
  );
  // Links checked on one day come due on several later days, not all on one.
  const dueDays = new Map<number, number>();
  for (const ms of fresh)
    dueDays.set(Math.ceil(ms / 86_400_000), (dueDays.get(Math.ceil(ms / 86_400_000)) ?? 0) + 1);
  assert.ok(dueDays.size >= 4, `due on ${dueDays.size} days`);
  assert.ok(Math.max(...dueDays.values()) < urls.length * 0.4, "no day takes most of them");
});
