import type { Socket } from "node:net";
import * as tls from "node:tls";
import { isRouteRefusal, normaliseHost, routeHost } from "./hostMapping.ts";
import { errorCode } from "./netErrors.ts";
import { openTunnel } from "./proxyTunnel.ts";
import type { FetchOptions, TlsFacts } from "./types.ts";

export type TlsProbeOptions = Partial<
  Pick<FetchOptions, "mappings" | "mappedOnly" | "connectTimeoutMs" | "extraCaCerts" | "proxy">
>;

/**
 * Connects to an https URL's server only to read the certificate and handshake facts. Verification
 * is done but not enforced (rejectUnauthorized false), so a bad certificate becomes facts instead of
 * an exception. Never throws; a failed connection is reported as authorized:false with its code.
 */
export async function probeTls(url: string, options: TlsProbeOptions = {}): Promise<TlsFacts> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { authorized: false, error: "BAD_URL" };
  }
  const host = normaliseHost(target.hostname);
  const port = Number(target.port || 443);
  const route = routeHost(options.mappings ?? [], options.mappedOnly ?? false, host, port);
  if (isRouteRefusal(route)) return { authorized: false, error: route.code };
  const timeoutMs = options.connectTimeoutMs ?? 10_000;

  let socket: tls.TLSSocket | undefined;
  let tunnel: Socket | undefined;
  try {
    if (options.proxy) tunnel = await openTunnel(options.proxy, route.address, route.port, timeoutMs);
    socket = tls.connect({
      ...(tunnel ? { socket: tunnel } : { host: route.address, port: route.port }),
      servername: serverNameFor(host),
      rejectUnauthorized: false,
      secureContext: trustContext(options.extraCaCerts),
      ALPNProtocols: ["http/1.1"],
    });
    const connected = socket;
    // Errors after the outcome is settled (e.g. a reset while being destroyed) must not crash.
    connected.on("error", () => undefined);
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        connected.once("secureConnect", () => resolve());
        connected.once("error", reject);
      }),
      timeoutMs,
    );
    return tlsFactsFromSocket(connected);
  } catch (err) {
    return { authorized: false, error: errorCode(err) ?? (err instanceof Error ? err.message : String(err)) };
  } finally {
    socket?.destroy();
    tunnel?.destroy();
  }
}

/** Facts of a completed handshake; `authorized` and `authorizationError` include the host-name check. */
export function tlsFactsFromSocket(socket: tls.TLSSocket): TlsFacts {
  const facts: TlsFacts = { authorized: socket.authorized };
  const authorizationError = socket.authorizationError as unknown;
  if (!socket.authorized && authorizationError) {
    facts.error =
      typeof authorizationError === "string"
        ? authorizationError
        : (errorCode(authorizationError) ?? "UNKNOWN");
  }
  const protocol = socket.getProtocol();
  if (protocol) facts.protocol = protocol;
  const cert = socket.getPeerCertificate();
  if (cert && Object.keys(cert).length > 0) {
    const validFrom = isoDate(cert.valid_from);
    const validTo = isoDate(cert.valid_to);
    if (validFrom) facts.validFrom = validFrom;
    if (validTo) facts.validTo = validTo;
    const issuer = describeName(cert.issuer);
    const subject = describeName(cert.subject);
    if (issuer) facts.issuer = issuer;
    if (subject) facts.subject = subject;
    if (cert.subjectaltname) {
      facts.altNames = cert.subjectaltname
        .split(/,\s*/)
        .map((name) => name.replace(/^(DNS|IP Address):/, ""))
        .filter(Boolean);
    }
  }
  return facts;
}

/**
 * A context trusting Node's roots plus the extra CAs, or undefined to keep Node's default store.
 * Built once per client: passing `ca` to every tls.connect would re-parse all roots per connection.
 */
export function trustContext(extraCaCerts: readonly string[] | undefined): tls.SecureContext | undefined {
  if (!extraCaCerts || extraCaCerts.length === 0) return undefined;
  return tls.createSecureContext({ ca: [...tls.rootCertificates, ...extraCaCerts] });
}

/** SNI is a host name; RFC 6066 forbids IP literals there. */
export function serverNameFor(host: string): string | undefined {
  const name = normaliseHost(host);
  return /^[\d.]+$/.test(name) || name.includes(":") ? undefined : name;
}

function describeName(name: tls.Certificate | undefined): string | undefined {
  if (!name) return undefined;
  const parts = Object.entries(name)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join("+") : value}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`timed out after ${ms} ms`), { code: "ETIMEDOUT" })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
