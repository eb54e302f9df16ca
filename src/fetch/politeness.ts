/**
 * Per-host politeness: government sites are often fragile county servers, so requests to one host
 * are limited in concurrency, spaced by a minimum interval, and spaced further while the host
 * signals overload (429/503).
 */

export interface PolitenessOptions {
  maxConcurrencyPerHost: number;
  minIntervalMs: number;
  /** First extra spacing after an overload signal, doubled on each further one. Default 1000. */
  backoffBaseMs?: number;
}

/** Gives the slot back; calling it more than once is harmless. */
export type Release = () => void;

const DEFAULT_BACKOFF_BASE_MS = 1000;
const PENALTY_MAX_MS = 30_000;

interface Waiter {
  grant(release: Release): void;
  fail(err: Error): void;
}

interface HostState {
  active: number;
  queue: Waiter[];
  /** Earliest time the next request may start. */
  nextStartAt: number;
  penaltyMs: number;
  /** Overrides the default interval (e.g. robots.txt Crawl-delay). */
  minIntervalMs?: number;
  timer?: NodeJS.Timeout;
}

export class HostPoliteness {
  private readonly hosts = new Map<string, HostState>();
  private closed = false;

  constructor(private readonly options: PolitenessOptions) {}

  /** Waits for a slot to start a request to `host`. Rejects if `signal` aborts or on close(). */
  acquire(host: string, signal?: AbortSignal): Promise<Release> {
    if (this.closed) return Promise.reject(new Error("politeness gate closed"));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const state = this.state(host);
    return new Promise<Release>((resolve, reject) => {
      const onAbort = (): void => {
        state.queue = state.queue.filter((w) => w !== waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
        fail: (err) => {
          signal?.removeEventListener("abort", onAbort);
          reject(err);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      state.queue.push(waiter);
      this.pump(host, state);
    });
  }

  /** Feeds back a response status: 429/503 widen the spacing for the host, successes narrow it. */
  noteStatus(host: string, status: number): void {
    const state = this.state(host);
    const base = this.options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
    if (status === 429 || status === 503) {
      state.penaltyMs = Math.min(Math.max(state.penaltyMs * 2, base), PENALTY_MAX_MS);
      // Applies to the very next start, not only to the one after it.
      state.nextStartAt = Math.max(state.nextStartAt, Date.now() + state.penaltyMs);
    } else if (status > 0 && status < 400 && state.penaltyMs > 0) {
      // Halves on each good answer; once below the base it is gone.
      state.penaltyMs = state.penaltyMs / 2 < base ? 0 : state.penaltyMs / 2;
    }
  }

  /** No request to `host` starts before `at` (epoch ms), e.g. for a Retry-After. */
  holdUntil(host: string, at: number): void {
    const state = this.state(host);
    state.nextStartAt = Math.max(state.nextStartAt, at);
  }

  /** A host-specific minimum interval, such as a robots.txt Crawl-delay. */
  setMinInterval(host: string, ms: number): void {
    this.state(host).minIntervalMs = ms;
  }

  /** Current extra spacing for a host in ms (exposed for tests and progress displays). */
  penaltyMs(host: string): number {
    return this.hosts.get(host)?.penaltyMs ?? 0;
  }

  close(): void {
    this.closed = true;
    for (const state of this.hosts.values()) {
      if (state.timer) clearTimeout(state.timer);
      for (const waiter of state.queue.splice(0)) waiter.fail(new Error("politeness gate closed"));
    }
    this.hosts.clear();
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, queue: [], nextStartAt: 0, penaltyMs: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(host: string, state: HostState): void {
    while (state.active < this.options.maxConcurrencyPerHost && state.queue.length > 0) {
      const now = Date.now();
      const wait = state.nextStartAt - now;
      if (wait > 0) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = setTimeout(() => {
          state.timer = undefined;
          this.pump(host, state);
        }, wait);
        return;
      }
      const waiter = state.queue.shift() as Waiter;
      state.active++;
      state.nextStartAt = now + (state.minIntervalMs ?? this.options.minIntervalMs) + state.penaltyMs;
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        state.active--;
        this.pump(host, state);
      });
    }
  }
}
