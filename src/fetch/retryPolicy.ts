import type { FetchOptions, FetchResult } from "./types.ts";

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; fromRetryAfter: boolean };

/**
 * Whether and when to try again after `attempt` (1-based) produced `result`.
 * 429/503 honour Retry-After, but a wait beyond maxRetryAfterMs means the server asks for more
 * time than an inspection can give, so the answer is kept instead. Other transient failures back
 * off exponentially. 501 is not transient (typical for HEAD) and is not retried.
 */
export function decideRetry(
  result: FetchResult,
  attempt: number,
  options: Pick<FetchOptions, "retryBaseDelayMs" | "maxRetryAfterMs">,
  now: number = Date.now(),
): RetryDecision {
  const backoff = (): RetryDecision => ({
    retry: true,
    delayMs: options.retryBaseDelayMs * 2 ** (attempt - 1),
    fromRetryAfter: false,
  });
  const { status, error } = result;
  if (status === 429 || status === 503) {
    const header = result.headers["retry-after"];
    const waitMs = header === undefined ? undefined : parseRetryAfter(header, now);
    if (waitMs === undefined) return backoff();
    if (waitMs > options.maxRetryAfterMs) return { retry: false };
    return { retry: true, delayMs: waitMs, fromRetryAfter: true };
  }
  if (status >= 500 && status !== 501) return backoff();
  // Also when headers did arrive: a body cut by a reset or a stall is as transient as no answer.
  if (error?.code === "ECONNRESET" || error?.code === "TIMEOUT") return backoff();
  return { retry: false };
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; undefined if unreadable. */
export function parseRetryAfter(value: string, now: number = Date.now()): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
