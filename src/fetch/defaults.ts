import type { FetchOptions } from "./types.ts";

/** Honest: names the tool, so a site's operators can tell an inspection from an attack. */
export const DEFAULT_USER_AGENT = "Zhijian/0.1 (+zhijian government website inspection)";

export function defaultFetchOptions(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    userAgent: DEFAULT_USER_AGENT,
    // Many government sites run on fragile county servers.
    maxConcurrencyPerHost: 2,
    minIntervalMs: 200,
    connectTimeoutMs: 10_000,
    headersTimeoutMs: 15_000,
    bodyTimeoutMs: 15_000,
    // The national rule: a page that does not load within 15 seconds counts as unreachable.
    totalTimeoutMs: 15_000,
    maxBodyBytes: 10 * 1024 * 1024,
    maxCompressionRatio: 100,
    maxRedirects: 10,
    retries: 2,
    retryBaseDelayMs: 500,
    maxRetryAfterMs: 10_000,
    mappings: [],
    mappedOnly: false,
    insecureAfterTlsError: true,
    ...overrides,
  };
}
