import * as http from "node:http";
import * as https from "node:https";
import type { Socket } from "node:net";
import type { buildConnector } from "undici";

/**
 * Opens an HTTP CONNECT tunnel through `proxy` (http:// or https://, credentials in the URL) to
 * address:port. Rejects with code ETIMEDOUT when the proxy does not answer within timeoutMs, and
 * with EPROXY when it refuses the tunnel.
 */
export function openTunnel(proxy: string, address: string, port: number, timeoutMs: number): Promise<Socket> {
  const proxyUrl = new URL(proxy);
  const authority = address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
  const headers: Record<string, string> = { host: authority };
  if (proxyUrl.username) {
    const credentials = `${decodeURIComponent(proxyUrl.username)}:${decodeURIComponent(proxyUrl.password)}`;
    headers["proxy-authorization"] = `Basic ${Buffer.from(credentials).toString("base64")}`;
  }
  const secure = proxyUrl.protocol === "https:";
  return new Promise<Socket>((resolve, reject) => {
    const request = (secure ? https : http).request({
      host: proxyUrl.hostname.replace(/^\[|\]$/g, ""),
      port: Number(proxyUrl.port || (secure ? 443 : 80)),
      method: "CONNECT",
      path: authority,
      headers,
      agent: false,
    });
    request.setTimeout(timeoutMs, () =>
      request.destroy(Object.assign(new Error(`代理 ${timeoutMs} ms 内无响应`), { code: "ETIMEDOUT" })),
    );
    request.once("connect", (response, socket) => {
      request.setTimeout(0);
      if (response.statusCode === 200) {
        resolve(socket);
      } else {
        socket.destroy();
        reject(Object.assign(new Error(`代理拒绝建立隧道：HTTP ${response.statusCode}`), { code: "EPROXY" }));
      }
    });
    request.once("error", reject);
    request.end();
  });
}

/**
 * An undici connector that reaches hostname:port through a CONNECT tunnel, then (for https)
 * runs TLS over it with `tlsConnector`, keeping the servername it is given.
 *
 * undici's ProxyAgent is not used: with TLS options of our own (needed to read certificate facts
 * and to read sites with bad certificates) it takes the SNI name from those fixed options instead
 * of from each origin, so certificates could not be verified against the right host.
 */
export function tunnelConnector(
  proxy: string,
  tlsConnector: buildConnector.connector,
  timeoutMs: number,
): buildConnector.connector {
  return (options, callback) => {
    const port = Number(options.port || (options.protocol === "https:" ? 443 : 80));
    openTunnel(proxy, options.hostname, port, timeoutMs).then(
      (socket) => {
        if (options.protocol !== "https:") {
          callback(null, socket);
          return;
        }
        tlsConnector({ ...options, httpSocket: socket }, (...args) => {
          if (args[0]) socket.destroy();
          callback(...args);
        });
      },
      (err: Error) => {
        // Keep the code (ECONNREFUSED…) but say it was the proxy, not the site, that failed.
        err.message = `代理 ${new URL(proxy).host}：${err.message}`;
        callback(err, null);
      },
    );
  };
}
