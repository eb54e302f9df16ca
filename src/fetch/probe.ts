import * as dns from "node:dns";
import * as http from "node:http";
import * as net from "node:net";
import { performance } from "node:perf_hooks";
import * as tls from "node:tls";
import { DEFAULT_USER_AGENT } from "./defaults.ts";
import { isRouteRefusal, normaliseHost, routeHost } from "./hostMapping.ts";
import { errorCode, toNetError } from "./netErrors.ts";
import { openTunnel } from "./proxyTunnel.ts";
import { serverNameFor, tlsFactsFromSocket, trustContext } from "./tlsProbe.ts";
import type { FetchOptions, NetErrorCode, RedirectHop } from "./types.ts";

/**
 * One availability probe of a homepage (INDICATORS.md V2: "超过（含）15秒网站仍打不开"). Unlike the
 * crawl's Fetcher it has no politeness queue, no retries and no connection pool: every probe pays a
 * fresh DNS lookup, TCP connect and TLS handshake, as a visitor arriving at the site would.
 */

/** Version of the record layout in probe series files (docs/probe-series.md). */
export const probeRecordVersion = 1;

export type ProbeErrorCode = NetErrorCode | "HTTP_STATUS";

export interface ProbeError {
  code: ProbeErrorCode;
  /** Chinese, for people: what failed and in which phase. */
  message: string;
  /** What Node reported, e.g. "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9"; null for HTTP_STATUS. */
  detail: string | null;
}

/**
 * Milliseconds. dnsMs, connectMs and tlsMs are durations summed over all redirect hops (null when no
 * hop had that phase: an IP literal or mapped address needs no DNS, http has no TLS, a proxy
 * resolves names itself). ttfbMs and totalMs count from the probe's start, as curl's
 * time_starttransfer and time_total do, so they include the phases before them.
 */
export interface ProbeTimings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  /** Until the final response's headers; null when none arrived. */
  ttfbMs: number | null;
  /** Until the body was completely received, or until the probe failed. */
  totalMs: number;
}

/** The final https hop's certificate, as facts: an untrusted certificate does not fail the probe. */
export interface ProbeCertificate {
  authorized: boolean;
  /** Node's verification error, e.g. CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT. */
  error: string | null;
  validTo: string | null;
  /** Whole days from the probe's start to validTo; negative once expired. */
  daysLeft: number | null;
  issuer: string | null;
  subject: string | null;
  protocol: string | null;
}

export interface ProbeRecord {
  v: typeof probeRecordVersion;
  /** The probed URL's origin: the site key findings use. */
  site: string;
  url: string;
  finalUrl: string;
  /** When the timetable wanted the probe to start (ISO); equals startedAt for a one-off probe. */
  scheduledAt: string;
  /** When the probe actually started (ISO): the probe's time in the series. */
  startedAt: string;
  startDelayMs: number;
  /** The deadline the probe ran under; a series judged with a longer deadline needs to know. */
  deadlineMs: number;
  /** The homepage was completely loaded: a 2xx final response, whole body, within the deadline. */
  ok: boolean;
  /** Final HTTP status; 0 when no response arrived. */
  status: number;
  error: ProbeError | null;
  redirects: RedirectHop[];
  timings: ProbeTimings;
  /** Body bytes of the final response as sent (before content decoding). */
  bytes: number;
  tls: ProbeCertificate | null;
}

export type ProbeOptions = Partial<
  Pick<FetchOptions, "mappings" | "mappedOnly" | "userAgent" | "proxy" | "extraCaCerts" | "maxRedirects">
> & {
  /** The national rule's 15 s by default: connection, redirects and the whole body must fit in it. */
  deadlineMs?: number;
  /** The timetable slot this probe belongs to; startDelayMs is measured from it. */
  scheduledAt?: Date;
};

export const defaultProbeDeadlineMs = 15_000;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const dayMs = 86_400_000;

type Phase = "dns" | "connect" | "tls" | "response" | "body";

const phaseLabel: Record<Phase, string> = {
  dns: "域名解析",
  connect: "建立连接",
  tls: "TLS 握手",
  response: "等待响应",
  body: "接收正文",
};

/** A failure the probe itself recognised, with its Chinese message already written. */
class ProbeFailure extends Error {
  constructor(
    readonly code: ProbeErrorCode,
    message: string,
    readonly detail: string | null = null,
  ) {
    super(message);
  }
}

/** Probes a homepage once. Never throws: every fault becomes a record with ok:false. */
export async function probeHomepage(url: string, options: ProbeOptions = {}): Promise<ProbeRecord> {
  const run = new ProbeRun(url, options);
  return run.execute();
}

class ProbeRun {
  private readonly deadlineMs: number;
  private readonly startedAtMs = Date.now();
  private readonly t0 = performance.now();
  private readonly scheduledAtMs: number;
  private readonly secureContext: tls.SecureContext | undefined;
  private phase: Phase = "connect";
  private current: URL | null = null;
  private readonly sockets = new Set<net.Socket>();
  private fired = false;
  private finished = false;
  private readonly redirects: RedirectHop[] = [];
  private readonly timings: ProbeTimings = {
    dnsMs: null,
    connectMs: null,
    tlsMs: null,
    ttfbMs: null,
    totalMs: 0,
  };
  private status = 0;
  private bytes = 0;
  private certificate: ProbeCertificate | null = null;

  constructor(
    private readonly url: string,
    private readonly options: ProbeOptions,
  ) {
    this.deadlineMs = options.deadlineMs ?? defaultProbeDeadlineMs;
    this.scheduledAtMs = options.scheduledAt?.getTime() ?? this.startedAtMs;
    this.secureContext = trustContext(options.extraCaCerts);
  }

  async execute(): Promise<ProbeRecord> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.fired = true;
        reject(this.timeoutFailure());
        for (const socket of this.sockets) socket.destroy();
      }, this.deadlineMs);
    });
    // The deadline is raced against each step; once the run is over nobody listens to it.
    deadline.catch(() => undefined);
    let error: ProbeError | null = null;
    try {
      await Promise.race([this.follow(), deadline]);
    } catch (err) {
      error = this.describe(err);
    } finally {
      clearTimeout(timer);
      this.finished = true;
      this.closeSockets();
    }
    this.timings.totalMs = this.elapsed();
    return this.record(error);
  }

  /** The redirect chain; resolves when the final 2xx body has been completely received. */
  private async follow(): Promise<void> {
    let target = parseProbeUrl(this.url);
    const seen = new Set([target.href]);
    const maxRedirects = this.options.maxRedirects ?? 10;
    for (;;) {
      this.current = target;
      const response = await this.exchange(target);
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(this.status) && location !== undefined) {
        this.redirects.push({ url: target.href, status: this.status, location });
        const next = resolveRedirect(location, target);
        if (seen.has(next.href)) {
          this.current = next;
          throw new ProbeFailure("REDIRECT_LOOP", `重定向循环：${next.href} 已出现过`);
        }
        if (this.redirects.length > maxRedirects) {
          this.current = next;
          throw new ProbeFailure("TOO_MANY_REDIRECTS", `重定向超过 ${maxRedirects} 次`);
        }
        seen.add(next.href);
        target = next;
        this.closeSockets();
        continue;
      }
      if (this.status < 200 || this.status > 299) {
        throw new ProbeFailure("HTTP_STATUS", `首页返回 HTTP ${this.status}，不是成功状态（2xx）`);
      }
      this.phase = "body";
      // A body cut short (server closed before Content-Length or the last chunk) makes this throw.
      for await (const chunk of response) this.bytes += (chunk as Buffer).length;
      return;
    }
  }

  /** One request on a fresh connection; resolves with the response once its headers are in. */
  private async exchange(target: URL): Promise<http.IncomingMessage> {
    this.status = 0;
    this.bytes = 0;
    this.timings.ttfbMs = null;
    const socket = await this.connect(target);
    this.phase = "response";
    const request = http.request({
      createConnection: () => socket,
      method: "GET",
      path: target.pathname + target.search,
      headers: {
        host: target.host,
        "user-agent": this.options.userAgent ?? DEFAULT_USER_AGENT,
        accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "accept-language": "zh-CN,zh;q=0.9",
        "accept-encoding": "gzip, deflate, br",
        connection: "close",
      },
    });
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      request.once("response", resolve);
      request.once("error", reject);
      request.end();
    });
    request.on("error", () => undefined);
    response.on("error", () => undefined);
    this.timings.ttfbMs = this.elapsed();
    this.status = response.statusCode ?? 0;
    return response;
  }

  /** DNS (unless mapped to an address), TCP and, for https, TLS; each phase timed on its own. */
  private async connect(target: URL): Promise<net.Socket> {
    const host = normaliseHost(target.hostname);
    const port = Number(target.port || (target.protocol === "https:" ? 443 : 80));
    const route = routeHost(this.options.mappings ?? [], this.options.mappedOnly ?? false, host, port);
    if (isRouteRefusal(route)) throw new ProbeFailure("ENOTFOUND", `域名无法解析（${route.message}）`);

    let socket: net.Socket;
    if (this.options.proxy) {
      this.phase = "connect";
      const started = performance.now();
      socket = await openTunnel(this.options.proxy, route.address, route.port, this.remaining());
      this.track(socket);
      this.timings.connectMs = add(this.timings.connectMs, performance.now() - started);
    } else {
      socket = await this.connectDirect(route.address, route.port);
    }
    this.certificate = null;
    if (target.protocol !== "https:") return socket;

    this.phase = "tls";
    const started = performance.now();
    const servername = serverNameFor(host);
    const secure = tls.connect({
      socket,
      ...(servername ? { servername } : {}),
      // Verification is recorded, not enforced: a site with a bad certificate still opens.
      rejectUnauthorized: false,
      secureContext: this.secureContext,
      ALPNProtocols: ["http/1.1"],
    });
    this.track(secure);
    await new Promise<void>((resolve, reject) => {
      secure.once("secureConnect", resolve);
      secure.once("error", reject);
    });
    this.timings.tlsMs = add(this.timings.tlsMs, performance.now() - started);
    this.certificate = certificateOf(secure, this.startedAtMs);
    return secure;
  }

  private connectDirect(address: string, port: number): Promise<net.Socket> {
    const needsLookup = net.isIP(address) === 0;
    this.phase = needsLookup ? "dns" : "connect";
    let connectFrom = performance.now();
    const lookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
      const started = performance.now();
      dns.lookup(hostname, lookupOptions, (err, result, family) => {
        connectFrom = performance.now();
        this.timings.dnsMs = add(this.timings.dnsMs, connectFrom - started);
        this.phase = "connect";
        (callback as (...args: unknown[]) => void)(err, result, family);
      });
    };
    const socket = net.connect({ host: address, port, lookup });
    this.track(socket);
    return new Promise<net.Socket>((resolve, reject) => {
      socket.once("connect", () => {
        this.timings.connectMs = add(this.timings.connectMs, performance.now() - connectFrom);
        resolve(socket);
      });
      socket.once("error", reject);
    });
  }

  private track(socket: net.Socket): void {
    // A socket destroyed by the deadline may still emit errors nobody waits for.
    socket.on("error", () => undefined);
    // A tunnel that opens after the deadline fired must not stay open.
    if (this.finished) socket.destroy();
    else this.sockets.add(socket);
  }

  private closeSockets(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private remaining(): number {
    return Math.max(1, this.deadlineMs - (performance.now() - this.t0));
  }

  private elapsed(): number {
    return round(performance.now() - this.t0);
  }

  private timeoutFailure(): ProbeFailure {
    const received = this.phase === "body" && this.bytes > 0 ? `，已收到 ${this.bytes} 字节` : "";
    return new ProbeFailure(
      "TIMEOUT",
      `${formatSeconds(this.deadlineMs)}内未能完整打开首页（${phaseLabel[this.phase]}阶段超时${received}）`,
    );
  }

  private describe(err: unknown): ProbeError {
    if (this.fired && !(err instanceof ProbeFailure && err.code === "TIMEOUT")) err = this.timeoutFailure();
    if (err instanceof ProbeFailure) return { code: err.code, message: err.message, detail: err.detail };
    const mapped = toNetError(err);
    const raw = errorCode(err);
    const detail = mapped.message;
    const where = phaseLabel[this.phase];
    switch (mapped.code) {
      case "ENOTFOUND":
        return { code: mapped.code, message: `域名无法解析：${this.current?.hostname ?? this.url}`, detail };
      case "ECONNREFUSED":
        return { code: mapped.code, message: `连接被拒绝（${where}阶段）`, detail };
      case "ECONNRESET":
        return {
          code: mapped.code,
          message: this.phase === "body" ? "正文未接收完整：连接被中断" : `连接被重置（${where}阶段）`,
          detail,
        };
      case "TIMEOUT":
        return { code: mapped.code, message: `${where}超时`, detail };
      case "TLS":
        return { code: mapped.code, message: `TLS 握手失败：${raw ?? "未知错误"}`, detail };
      default:
        if (raw === "ERR_STREAM_PREMATURE_CLOSE" || (err as Error | null)?.message === "aborted") {
          return { code: "ECONNRESET", message: "正文未接收完整：连接被中断", detail };
        }
        if (raw === "EPROXY")
          return { code: "OTHER", message: `代理错误：${(err as Error).message}`, detail };
        return { code: mapped.code, message: `网络错误（${where}阶段）：${raw ?? mapped.message}`, detail };
    }
  }

  private record(error: ProbeError | null): ProbeRecord {
    const ok = error === null && this.status >= 200 && this.status <= 299;
    return {
      v: probeRecordVersion,
      site: siteOf(this.url),
      url: this.url,
      finalUrl: this.current?.href ?? this.url,
      scheduledAt: new Date(this.scheduledAtMs).toISOString(),
      startedAt: new Date(this.startedAtMs).toISOString(),
      startDelayMs: round(this.startedAtMs - this.scheduledAtMs),
      deadlineMs: this.deadlineMs,
      ok,
      status: this.status,
      error,
      redirects: this.redirects,
      timings: {
        ...this.timings,
        dnsMs: roundOrNull(this.timings.dnsMs),
        connectMs: roundOrNull(this.timings.connectMs),
        tlsMs: roundOrNull(this.timings.tlsMs),
      },
      bytes: this.bytes,
      tls: this.current?.protocol === "https:" ? this.certificate : null,
    };
  }
}

function parseProbeUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProbeFailure("BAD_URL", `无法解析的网址：${text}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ProbeFailure("UNSUPPORTED_SCHEME", `不支持的协议：${url.protocol}`);
  }
  return url;
}

function resolveRedirect(location: string, base: URL): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    throw new ProbeFailure("BAD_URL", `无法解析的重定向地址：${location}`);
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw new ProbeFailure("UNSUPPORTED_SCHEME", `重定向到不支持的协议：${next.protocol}`);
  }
  return next;
}

function certificateOf(socket: tls.TLSSocket, atMs: number): ProbeCertificate {
  const facts = tlsFactsFromSocket(socket);
  const validToMs = facts.validTo ? Date.parse(facts.validTo) : Number.NaN;
  return {
    authorized: facts.authorized,
    error: facts.error ?? null,
    validTo: facts.validTo ?? null,
    daysLeft: Number.isNaN(validToMs) ? null : Math.floor((validToMs - atMs) / dayMs),
    issuer: facts.issuer ?? null,
    subject: facts.subject ?? null,
    protocol: facts.protocol ?? null,
  };
}

/** The site key: the URL's origin, or the text itself when it is no URL. */
export function siteOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function add(total: number | null, ms: number): number {
  return (total ?? 0) + ms;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function roundOrNull(ms: number | null): number | null {
  return ms === null ? null : round(ms);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} 秒` : `${ms} 毫秒`;
}
