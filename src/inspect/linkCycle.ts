/**
 * How long a healthy link check stays fresh in incremental crawls. Were it the same cycle for every
 * link, the links first checked on one day would all fall due again on one later day — a burst of
 * requests to a fragile county server each cycle. Each URL instead keeps its check for a share of
 * the cycle fixed by a hash of the URL, between half of it and all of it, so re-checks spread over
 * the days and a link is still re-checked at least once a cycle.
 */
export function freshnessMs(url: string, cycleMs: number): number {
  return cycleMs * (0.5 + 0.5 * (fnv1a(url) / 2 ** 32));
}

/** FNV-1a, 32 bits: cheap, stable across runs and machines, spread enough for this. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
