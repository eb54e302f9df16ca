import { TLSSocket } from "node:tls";
import type { buildConnector } from "undici";
import { isRouteRefusal, normaliseHost, routeHost } from "./hostMapping.ts";
import { serverNameFor, tlsFactsFromSocket } from "./tlsProbe.ts";
import type { HostMapping, TlsFacts } from "./types.ts";

export interface ConnectPolicy {
  mappings: readonly HostMapping[];
  mappedOnly: boolean;
  /** Refuse sockets whose certificate failed verification (the base connector never does). */
  verify: boolean;
  /** Receives the facts of every completed TLS handshake, trusted or not. */
  onTlsFacts(facts: TlsFacts): void;
}

/**
 * Wraps an undici connector so that connections go where the host mapping says while SNI (and,
 * since the dispatcher's origin is unchanged, the Host header) keep the original host name.
 *
 * The base connector must not reject bad certificates itself (rejectUnauthorized: false): the
 * verification is done here, after the handshake, so the certificate's facts are recorded even
 * when the connection is refused. `verify` then decides whether the socket may carry a request.
 */
export function mappedConnector(
  base: buildConnector.connector,
  policy: ConnectPolicy,
): buildConnector.connector {
  return (options, callback) => {
    const host = normaliseHost(options.hostname);
    const port = Number(options.port || (options.protocol === "https:" ? 443 : 80));
    const route = routeHost(policy.mappings, policy.mappedOnly, host, port);
    if (isRouteRefusal(route)) {
      callback(Object.assign(new Error(route.message), { code: route.code }), null);
      return;
    }
    const authority = route.address.includes(":")
      ? `[${route.address}]:${route.port}`
      : `${route.address}:${route.port}`;
    const servername = serverNameFor(host);
    base(
      {
        ...options,
        hostname: route.address,
        host: authority,
        port: String(route.port),
        ...(servername ? { servername } : {}),
      },
      (...args) => {
        const [err, socket] = args;
        if (err) {
          callback(err, null);
          return;
        }
        if (socket instanceof TLSSocket) {
          const facts = tlsFactsFromSocket(socket);
          policy.onTlsFacts(facts);
          if (policy.verify && !facts.authorized) {
            socket.destroy();
            const code = facts.error ?? "CERT_UNTRUSTED";
            callback(Object.assign(new Error(`证书校验失败：${code}`), { code }), null);
            return;
          }
        }
        callback(null, socket);
      },
    );
  };
}
