import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

export interface TestSite {
  port: number;
  /** Requests received, as "METHOD path". */
  requests: string[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback answering from a route table; unknown paths get 404. */
export async function serveSite(routes: Record<string, Route>, address = "127.0.0.1"): Promise<TestSite> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://placeholder");
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    const route = routes[url.pathname];
    if (route) return route(request, response, url);
    response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<h1>404</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function html(body: string, status = 200): Route {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试</title></head><body>${body}</body></html>`,
    );
  };
}

export function status(code: number, headers: Record<string, string> = {}): Route {
  return (_request, response) => void response.writeHead(code, headers).end();
}

/** A port that refuses connections: bound, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
