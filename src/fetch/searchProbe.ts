/**
 * Gathering for the site-search check: submits one search the way a browser submits the homepage's
 * search form and brings back the result page's HTML. Which form and which word are decided by the
 * pure planner (src/checks/search.ts); this module only encodes and sends.
 */
import iconv from "iconv-lite";
import { decodeBody } from "./charset.ts";
import type { Fetcher } from "./fetcher.ts";
import type { FetchResult } from "./types.ts";

/** One form submission as the browser would make it. */
export interface SearchRequest {
  /** Absolute URL of the form's action. */
  action: string;
  method: "get" | "post";
  /** Successful controls in document order: hidden fields as written, the search box filled in. */
  fields: Array<[name: string, value: string]>;
  /** The page's charset: browsers encode form data in it, and GBK portals expect GBK bytes. */
  charset: string;
}

export interface SearchResponse {
  /** The URL requested: the action, with the query string for GET. */
  url: string;
  method: "get" | "post";
  /** The urlencoded form body (for POST), as sent. */
  body?: string;
  status: number;
  finalUrl: string;
  error?: { code: string; message: string };
  /** The decoded result page, when one arrived. */
  html?: string;
}

/** What the probe needs from the fetch stage: a page GET and a form POST. */
export interface SearchFetcher {
  fetchPage(url: string): Promise<FetchResult>;
  postForm(url: string, body: string): Promise<FetchResult>;
}

/** The project's Fetcher as the probe uses it; the form body goes out urlencoded, as browsers send it. */
export function searchFetcherOf(fetcher: Fetcher): SearchFetcher {
  return {
    fetchPage: (url) => fetcher.fetchPage(url),
    postForm: (url, body) =>
      fetcher.fetch(url, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
  };
}

/** One request, never retried beyond the fetcher's own policy: it is the search a visitor makes. */
export async function probeSearch(fetcher: SearchFetcher, request: SearchRequest): Promise<SearchResponse> {
  const encoded = encodeForm(request.fields, request.charset);
  if (request.method === "post") {
    const base = { url: request.action, method: "post" as const, body: encoded };
    return { ...base, ...responseOf(await fetcher.postForm(request.action, encoded)) };
  }
  const url = new URL(request.action);
  // A GET submission replaces the action's own query string, as browsers do.
  url.search = encoded;
  return { url: url.href, method: "get", ...responseOf(await fetcher.fetchPage(url.href)) };
}

function responseOf(result: FetchResult): Omit<SearchResponse, "url" | "method" | "body"> {
  const response: Omit<SearchResponse, "url" | "method" | "body"> = {
    status: result.status,
    finalUrl: result.finalUrl,
  };
  if (result.error) response.error = { code: result.error.code, message: result.error.message };
  if (result.body !== undefined) response.html = decodeBody(result.body, result.headers["content-type"]).text;
  return response;
}

/** application/x-www-form-urlencoded in the page's charset (spaces as +, as browsers send). */
export function encodeForm(fields: ReadonlyArray<readonly [string, string]>, charset: string): string {
  const utf8 = /^utf-?8$/i.test(charset) || !iconv.encodingExists(charset);
  const encode = (text: string): string => {
    const bytes = utf8 ? Buffer.from(text, "utf8") : iconv.encode(text, charset);
    let out = "";
    for (const byte of bytes) {
      const c = String.fromCharCode(byte);
      if (/[A-Za-z0-9*\-._]/.test(c)) out += c;
      else if (byte === 0x20) out += "+";
      else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
    return out;
  };
  return fields.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
}
