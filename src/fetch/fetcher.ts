import { performance } from "node:perf_hooks";
import type { IncomingHttpHeaders } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { SecureContext } from "node:tls";
import { Pool, buildConnector, type Dispatcher } from "undici";
import { mappedConnector } from "./connector.ts";
import { readBody } from "./decompress.ts";
import { isRouteRefusal, normaliseHost, routeHost } from "./hostMapping.ts";
import { checkLink, fetchPage } from "./linkCheck.ts";
import { errorCode, isCertificateErrorCode, toNetError, type NetError } from "./netErrors.ts";
import { HostPoliteness } from "./politeness.ts";
import { decideRetry } from "./retryPolicy.ts";
import { tunnelConnector } from "./proxyTunnel.ts";
import { probeTls, trustContext } from "./tlsProbe.ts";
import type {
  FetchOptions,
  FetchResult,
  LinkCheckResult,
  RedirectHop,
  RequestOptions,
  TlsFacts,
} from "./types.ts";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** A small remainder is read so the connection can be reused; anything larger is cut off. */
const DISCARD_READ_LIMIT = 64 * 1024;

type Method = "GET" | "HEAD" | "POST";

/**
 * The HTTP client of the fetch stage. Every site fault (DNS, refusal, timeout, bad certificate,
 * redirect loop, oversized or corrupt body…) comes back as data in a FetchResult; methods never
 * throw for them.
 */
export class Fetcher {
  private readonly politeness: HostPoliteness;
  /** One pool per origin, separately for verified and unverified TLS. */
  private readonly dispatchers = new Map<string, Dispatcher>();
  /** Facts of the latest TLS handshake per origin. */
  private readonly tlsFacts = new Map<string, TlsFacts>();
  /**
   * Origins whose certificate failed verification: later requests go straight to the unverified
   * pool instead of failing a handshake first every time (the fault stays in their TLS facts).
   */
  private readonly insecureOrigins = new Set<string>();
  private readonly secureContext: SecureContext | undefined;

  constructor(readonly options: FetchOptions) {
    this.secureContext = trustContext(options.extraCaCerts);
    this.politeness = new HostPoliteness({
      maxConcurrencyPerHost: options.maxConcurrencyPerHost,
      minIntervalMs: options.minIntervalMs,
      backoffBaseMs: Math.max(options.retryBaseDelayMs, options.minIntervalMs),
    });
  }

  async fetch(url: string, request: RequestOptions = {}): Promise<FetchResult> {
    const method: Method = request.method ?? "GET";
    const calledAt = performance.now();
    const target = parseTarget(url);
    if ("code" in target) {
      return {
        url,
        finalUrl: url,
        method,
        status: 0,
        headers: {},
        redirects: [],
        error: target,
        bodyTruncated: false,
        attempts: 0,
        timings: { totalMs: performance.now() - calledAt },
      };
    }

    // A POST may have effects: it is sent once.
    const maxAttempts = request.noRetry || method === "POST" ? 1 : 1 + Math.max(0, this.options.retries);
    for (let attempt = 1; ; attempt++) {
      const result = await this.followRedirects(target, method, request);
      result.attempts = attempt;
      if (attempt >= maxAttempts) return result;
      const decision = decideRetry(result, attempt, this.options);
      if (!decision.retry) return result;
      if (decision.fromRetryAfter) {
        // The server asked the whole host to slow down, not just this request.
        this.politeness.holdUntil(
          normaliseHost(new URL(result.finalUrl).hostname),
          Date.now() + decision.delayMs,
        );
      }
      await sleep(decision.delayMs);
    }
  }

  /** Link status with HEAD, falling back to GET and to browser-like headers; see linkCheck.ts. */
  checkLink(url: string): Promise<LinkCheckResult> {
    return checkLink(this, url);
  }

  /** GET of a page to crawl, retried with browser-like headers when bot protection refuses it. */
  fetchPage(url: string): Promise<LinkCheckResult> {
    return fetchPage(this, url);
  }

  /** Certificate facts of an https URL's server, through the same mapping and proxy. */
  probeTls(url: string): Promise<TlsFacts> {
    return probeTls(url, this.options);
  }

  /** A slower pace for one host, e.g. its robots.txt Crawl-delay. */
  setMinInterval(host: string, ms: number): void {
    this.politeness.setMinInterval(normaliseHost(host), ms);
  }

  async close(): Promise<void> {
    this.politeness.close();
    const dispatchers = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(dispatchers.map((d) => d.destroy().catch(() => undefined)));
  }

  /** One attempt: the request and its redirect chain, under one total deadline. */
  private async followRedirects(start: URL, method: Method, request: RequestOptions): Promise<FetchResult> {
    const headers = this.requestHeaders(request.headers);
    const redirects: RedirectHop[] = [];
    const seen = new Set([start.href]);
    const deadline = new Deadline(this.options.totalTimeoutMs);
    let startedAt: number | undefined;
    let current = start;
    let hopMethod = method;

    const result = (fields: Partial<FetchResult>): FetchResult => {
      const tls = current.protocol === "https:" ? this.tlsFacts.get(current.origin) : undefined;
      return {
        url: start.href,
        finalUrl: current.href,
        method,
        status: 0,
        headers: {},
        redirects,
        bodyTruncated: false,
        attempts: 1,
        ...(tls ? { tls } : {}),
        ...fields,
        timings: { ...fields.timings, totalMs: elapsedSince(startedAt) },
      };
    };
    const deadlineError = (): NetError => ({
      code: "TIMEOUT",
      message: `超过总时限 ${this.options.totalTimeoutMs} ms`,
    });
    const failure = (err: unknown): FetchResult => {
      const error: NetError = deadline.fired ? deadlineError() : isNetError(err) ? err : toNetError(err);
      const failed = result({ error });
      if (error.code === "TLS" && !failed.tls)
        failed.tls = { authorized: false, error: errorCode(err) ?? "TLS" };
      return failed;
    };

    try {
      for (;;) {
        const host = normaliseHost(current.hostname);
        const route = routeHost(this.options.mappings, this.options.mappedOnly, host, portOf(current));
        if (isRouteRefusal(route)) return failure(route);

        let release: () => void;
        try {
          // Waiting for a slot before the first hop does not count against the site's deadline.
          release = await this.politeness.acquire(
            host,
            startedAt === undefined ? undefined : deadline.signal,
          );
        } catch (err) {
          return failure(err);
        }
        if (startedAt === undefined) {
          startedAt = performance.now();
          deadline.start();
        }

        try {
          let response: Dispatcher.ResponseData;
          try {
            response = await this.send(
              current,
              hopMethod,
              headers,
              deadline.signal,
              hopMethod === "POST" ? request.body : undefined,
            );
          } catch (err) {
            return failure(err);
          }
          const status = response.statusCode;
          this.politeness.noteStatus(host, status);
          const responseHeaders = flattenHeaders(response.headers);
          const location = responseHeaders["location"];

          if (REDIRECT_STATUSES.has(status) && location !== undefined) {
            await response.body
              .dump({ limit: DISCARD_READ_LIMIT, signal: deadline.signal })
              .catch(() => undefined);
            redirects.push({ url: current.href, status, location });
            let next: URL;
            try {
              next = new URL(decodeLocation(location), current);
            } catch {
              return failure({ code: "BAD_URL", message: `无法解析的重定向地址：${location}` });
            }
            if (next.protocol !== "http:" && next.protocol !== "https:") {
              current = next;
              return failure({
                code: "UNSUPPORTED_SCHEME",
                message: `重定向到不支持的协议：${next.protocol}`,
              });
            }
            if (seen.has(next.href)) {
              current = next;
              return failure({ code: "REDIRECT_LOOP", message: `重定向循环：${next.href} 已出现过` });
            }
            if (redirects.length > this.options.maxRedirects) {
              current = next;
              return failure({
                code: "TOO_MANY_REDIRECTS",
                message: `重定向超过 ${this.options.maxRedirects} 次`,
              });
            }
            seen.add(next.href);
            current = next;
            if (hopMethod === "POST" && status !== 307 && status !== 308) hopMethod = "GET";
            continue;
          }

          const firstByteMs = elapsedSince(startedAt);
          const base = { status, headers: responseHeaders, timings: { firstByteMs, totalMs: 0 } };
          if (method === "HEAD" || request.discardBody) {
            await response.body
              .dump({ limit: DISCARD_READ_LIMIT, signal: deadline.signal })
              .catch(() => undefined);
            return result(base);
          }
          const outcome = await readBody(response.body, responseHeaders["content-encoding"], {
            maxBodyBytes: request.maxBodyBytes ?? this.options.maxBodyBytes,
            maxCompressionRatio: this.options.maxCompressionRatio,
          });
          const error = outcome.error && deadline.fired ? deadlineError() : outcome.error;
          return result({
            ...base,
            body: outcome.body,
            bodyTruncated: outcome.truncated,
            ...(error ? { error } : {}),
          });
        } finally {
          release();
        }
      }
    } finally {
      deadline.clear();
    }
  }

  /** One HTTP exchange; on a certificate error, optionally once more without verification. */
  private async send(
    url: URL,
    method: Method,
    headers: Record<string, string>,
    signal: AbortSignal,
    body: string | undefined,
  ): Promise<Dispatcher.ResponseData> {
    const options: Dispatcher.RequestOptions = {
      origin: url.origin,
      path: url.pathname + url.search,
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      headersTimeout: this.options.headersTimeoutMs,
      bodyTimeout: this.options.bodyTimeoutMs,
      signal,
    };
    if (this.insecureOrigins.has(url.origin)) return this.dispatcher(url.origin, false).request(options);
    try {
      return await this.dispatcher(url.origin, true).request(options);
    } catch (err) {
      if (!this.options.insecureAfterTlsError || !isCertificateErrorCode(errorCode(err))) throw err;
      this.insecureOrigins.add(url.origin);
      return this.dispatcher(url.origin, false).request(options);
    }
  }

  private dispatcher(origin: string, verify: boolean): Dispatcher {
    const key = `${verify ? "verified" : "unverified"} ${origin}`;
    let dispatcher = this.dispatchers.get(key);
    if (dispatcher) return dispatcher;

    const tlsConnector = buildConnector({
      // Verification is done in mappedConnector, after the facts have been read.
      rejectUnauthorized: false,
      secureContext: this.secureContext,
      // A resumed session skips the host-name check, which would hide a wrong-host certificate.
      maxCachedSessions: 0,
      timeout: this.options.connectTimeoutMs,
    });
    // Through a proxy the mapping picks the CONNECT target, as curl's --connect-to does, so a
    // mapped host is never resolved by the proxy either.
    const transport = this.options.proxy
      ? tunnelConnector(this.options.proxy, tlsConnector, this.options.connectTimeoutMs)
      : tlsConnector;
    dispatcher = new Pool(origin, {
      connections: this.options.maxConcurrencyPerHost,
      connect: mappedConnector(transport, {
        mappings: this.options.mappings,
        mappedOnly: this.options.mappedOnly,
        verify,
        onTlsFacts: (facts) => this.tlsFacts.set(origin, facts),
      }),
    });
    this.dispatchers.set(key, dispatcher);
    return dispatcher;
  }

  private requestHeaders(extra: Record<string, string> | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      "user-agent": this.options.userAgent,
      accept: "*/*",
      // Decoded here (decompress.ts), under size and ratio limits.
      "accept-encoding": "gzip, deflate, br",
    };
    for (const [name, value] of Object.entries(extra ?? {})) headers[name.toLowerCase()] = value;
    return headers;
  }
}

/** A total deadline that starts when the first request of an attempt actually starts. */
class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  fired = false;

  constructor(private readonly ms: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  start(): void {
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort(
        Object.assign(new Error(`deadline of ${this.ms} ms passed`), { code: "ETIMEDOUT" }),
      );
    }, this.ms);
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

function parseTarget(url: string): URL | NetError {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { code: "BAD_URL", message: `无法解析的网址：${url}` };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return { code: "UNSUPPORTED_SCHEME", message: `不支持的协议：${parsed.protocol}` };
  }
  return parsed;
}

function portOf(url: URL): number {
  return Number(url.port || (url.protocol === "https:" ? 443 : 80));
}

function elapsedSince(start: number | undefined): number {
  return start === undefined ? 0 : Math.round((performance.now() - start) * 10) / 10;
}

/** Lower-cased names (undici already lower-cases), repeated headers joined with ", ". */
function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/**
 * undici reads header bytes as latin1, but servers that put non-ASCII paths in Location send
 * UTF-8 bytes (browsers decode them so); reinterpret when that gives valid UTF-8.
 */
function decodeLocation(location: string): string {
  if (!/[\x80-\xff]/.test(location) || /[^\x00-\xff]/.test(location)) return location;
  const utf8 = Buffer.from(location, "latin1").toString("utf8");
  return utf8.includes("\uFFFD") ? location : utf8;
}

function isNetError(value: unknown): value is NetError {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as NetError).code === "string" &&
    typeof (value as NetError).message === "string"
  );
}
