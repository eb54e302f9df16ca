/**
 * A small in-memory limiter of events per key in a sliding window: failed sign-ins per IP+username,
 * public error reports per sender. One process serves the API (DESIGN.md), so memory is the right
 * place; a restart forgets the counts, which only ever lets someone try again.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until the key may act again, or 0 when it may act now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.limit]! + this.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    this.events.set(key, [...this.recent(key, now), now]);
    if (this.events.size > 10_000) this.prune(now);
  }

  clear(key: string): void {
    this.events.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.events.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }

  /** Forgets keys with no event in the window, so a flood of distinct keys cannot grow memory forever. */
  private prune(now: number): void {
    for (const key of [...this.events.keys()]) {
      const recent = this.recent(key, now);
      if (recent.length === 0) this.events.delete(key);
      else this.events.set(key, recent);
    }
  }
}
