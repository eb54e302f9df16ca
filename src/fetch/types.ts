/**
 * The fetch stage's contract. Everything that can go wrong on the network becomes data in a
 * FetchResult (status, error code, TLS facts); fetch functions never throw for a site's faults.
 */

/** curl-style host mapping: --resolve HOST:PORT:ADDR and --connect-to HOST:PORT:ADDR:PORT. */
export interface HostMapping {
  /** Empty string matches any host (connect-to only, as in curl). */
  host: string;
  /** null matches any port. */
  port: number | null;
  address: string;
  /** null keeps the requested port (--resolve). */
  toPort: number | null;
  /** The flag it came from, for messages. */
  spec: string;
  /**
   * Which flag: --resolve entries take priority over --connect-to ones, as in curl. Absent on
   * hand-built mappings, which are then treated like --connect-to.
   */
  kind?: "resolve" | "connect-to";
}

export interface FetchOptions {
  userAgent: string;
  /** Per-host concurrency limit (politeness). Default 2. */
  maxConcurrencyPerHost: number;
  /** Minimum milliseconds between the starts of two requests to one host. Default 200. */
  minIntervalMs: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /**
   * Whole request deadline including redirects and body (the 15 s rule). It starts when the first
   * request actually starts (not while waiting for politeness) and each retry gets a fresh one.
   */
  totalTimeoutMs: number;
  /** Largest (decompressed) body kept; larger bodies are cut and marked truncated. */
  maxBodyBytes: number;
  /** Decompressed/compressed ratio above which a body is treated as a decompression bomb. */
  maxCompressionRatio: number;
  maxRedirects: number;
  /** Retries for 429/503 (honouring Retry-After, capped by maxRetryAfterMs) and 5xx/network errors. */
  retries: number;
  retryBaseDelayMs: number;
  maxRetryAfterMs: number;
  mappings: HostMapping[];
  /**
   * When true, hosts without a mapping are never looked up in DNS (tests and the demo stay on
   * loopback): they fail with ENOTFOUND. Loopback IP literals (127.0.0.0/8, ::1) need no lookup and
   * stay allowed.
   */
  mappedOnly: boolean;
  /** HTTP(S) proxy URL for offices whose traffic leaves through a proxy. */
  proxy?: string;
  /**
   * After a certificate error, fetch again without verification so the crawl can still read the
   * site; the result then carries tls.authorized=false (the fault stays a recorded fact) and no error.
   * When false, the result is error {code:"TLS"}. Default true.
   */
  insecureAfterTlsError: boolean;
  /** PEM certificates trusted in addition to Node's roots (internal government CAs, tests). */
  extraCaCerts?: string[];
}

export type NetErrorCode =
  | "ENOTFOUND" // unknown host
  | "ECONNREFUSED"
  | "ECONNRESET"
  | "TIMEOUT"
  | "TLS" // certificate problem; see tls
  | "TOO_MANY_REDIRECTS"
  | "REDIRECT_LOOP"
  | "BODY_TOO_LARGE"
  | "DECOMPRESSION_BOMB"
  | "BAD_ENCODING" // corrupt gzip/br stream
  | "BAD_URL"
  | "UNSUPPORTED_SCHEME"
  | "OTHER";

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export interface TlsFacts {
  /** false when the certificate was rejected (expired, self-signed, wrong host…). */
  authorized: boolean;
  /** Node's error code, e.g. CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID. */
  error?: string;
  validFrom?: string;
  validTo?: string;
  issuer?: string;
  subject?: string;
  altNames?: string[];
  protocol?: string;
}

/**
 * Measured from the start of the last attempt (after the politeness wait, so queueing behind other
 * requests to the same host does not count against the site), across all of its redirect hops.
 */
export interface Timings {
  /** ms from start to response headers of the final hop. */
  firstByteMs?: number;
  totalMs: number;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects (equals url when none). */
  finalUrl: string;
  method: "GET" | "HEAD" | "POST";
  /** HTTP status of the final hop; 0 when no response was received. */
  status: number;
  headers: Record<string, string>;
  redirects: RedirectHop[];
  /** Set when no usable response arrived (or the redirect chain failed). */
  error?: { code: NetErrorCode; message: string };
  /** For https URLs when the handshake produced facts (always set when error.code === "TLS"). */
  tls?: TlsFacts;
  /** Raw (decompressed) body bytes for GET; undefined for HEAD and failures. */
  body?: Buffer;
  bodyTruncated: boolean;
  /** How many attempts were made (1 + retries). */
  attempts: number;
  timings: Timings;
}

export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used, e.g. "gbk", "utf-8", "big5", "gb18030". */
  charset: string;
  source: "header" | "bom" | "meta" | "detected" | "default";
  /** Declared charsets that were not used: unknown labels, or labels the bytes are not valid in. */
  rejected?: RejectedCharset[];
}

export interface RejectedCharset {
  source: "header" | "meta";
  label: string;
  reason: "unknown-label" | "invalid-bytes";
}

export interface RequestOptions {
  method?: "GET" | "HEAD" | "POST";
  /**
   * POST only: the request body (a urlencoded form). A POST is never retried, and a 301/302/303
   * answer to it is followed with a GET without the body, as browsers do.
   */
  body?: string;
  /** Extra or replacing headers (e.g. browser-like headers for the bot-protection retry). */
  headers?: Record<string, string>;
  /** Accept bodies only up to this many bytes (defaults to FetchOptions.maxBodyBytes). */
  maxBodyBytes?: number;
  /** Don't read the body at all (link checks that fell back to GET). */
  discardBody?: boolean;
  /** Disable retries for this request. */
  noRetry?: boolean;
}

export interface LinkCheckResult extends FetchResult {
  /** HEAD was answered with an error and the check fell back to GET. */
  usedGetFallback: boolean;
  /** The result came after a retry with browser-like headers (bot protection suspected). */
  usedBrowserHeaders: boolean;
}
