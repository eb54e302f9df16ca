/** Loopback-only HTTP helpers for the demo tests: requests carry the Host header of a demo site. */
import { request } from "node:http";
import { Parser } from "htmlparser2";
import type { DemoServer } from "../../demo/server.ts";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface GetOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Send no Host header at all. */
  noHost?: boolean;
  timeoutMs?: number;
}

/** One request to the demo server for http://<host><path>; path is sent exactly as given. */
export function get(
  server: DemoServer,
  host: string,
  path: string,
  options: GetOptions = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: server.address,
        port: server.port,
        method: options.method ?? "GET",
        path,
        setHost: false,
        headers: { ...(options.noHost ? {} : { Host: host }), ...(options.headers ?? {}) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`timeout ${host}${path}`)));
    req.on("error", reject);
    req.end();
  });
}

export interface FollowResult {
  /** Statuses of every hop, last one final (0 when a loop was detected). */
  hops: number[];
  urls: string[];
  final: Reply | undefined;
  loop: boolean;
}

/** GET url on the demo server, following redirects (max 10) the way a crawler would. */
export async function follow(
  server: DemoServer,
  url: string,
  options: GetOptions = {},
): Promise<FollowResult> {
  const hops: number[] = [];
  const urls: string[] = [url];
  let current = new URL(url);
  for (let i = 0; i < 10; i++) {
    const reply = await get(server, current.host, `${current.pathname}${current.search}`, options);
    hops.push(reply.status);
    const location = reply.headers.location;
    if (reply.status >= 300 && reply.status < 400 && typeof location === "string") {
      const next = new URL(location, current);
      if (urls.includes(next.href))
        return { hops: [...hops, 0], urls: [...urls, next.href], final: undefined, loop: true };
      urls.push(next.href);
      current = next;
      continue;
    }
    return { hops, urls, final: reply, loop: false };
  }
  return { hops, urls, final: undefined, loop: true };
}

export interface FoundLink {
  tag: string;
  attr: string;
  raw: string;
  url: string;
  text: string;
}

/** href/src links of a page (a, area, img, link, script, iframe), resolved against pageUrl. */
export function extractLinks(html: string, pageUrl: string): FoundLink[] {
  const links: FoundLink[] = [];
  const open: FoundLink[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const attr =
          name === "a" || name === "area" || name === "link"
            ? "href"
            : ["img", "script", "iframe"].includes(name)
              ? "src"
              : undefined;
        const raw = attr ? attrs[attr] : undefined;
        if (
          !attr ||
          raw === undefined ||
          raw === "" ||
          /^(javascript|mailto|tel):/i.test(raw) ||
          raw.startsWith("#")
        ) {
          return;
        }
        let url: string;
        try {
          url = new URL(raw, pageUrl).href;
        } catch {
          return;
        }
        const link = { tag: name, attr, raw, url, text: attrs.alt ?? "" };
        links.push(link);
        if (name === "a") open.push(link);
      },
      ontext(text) {
        const last = open[open.length - 1];
        if (last) last.text += text;
      },
      onclosetag(name) {
        if (name === "a") open.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return links.map((l) => ({ ...l, url: l.url.replace(/#.*$/, ""), text: l.text.trim() }));
}

export function decode(body: Buffer, encoding: string): string {
  return new TextDecoder(encoding).decode(body);
}
