/**
 * URL normalisation for the frontier and the link cache: two spellings of one resource must meet
 * in one entry, or the crawl fetches it twice and the report counts it twice.
 */
const unreservedEscape = /%(2[DdEe]|3[0-9]|4[1-9A-Fa-f]|5[0-9Aa]|5[Ff]|6[1-9A-Fa-f]|7[0-9Aa]|7[Ee])/g;

export function normalizeUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(input) : new URL(input, base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  // Percent-escapes of unreserved characters name the same resource (RFC 3986 §6.2.2.2).
  const path = url.pathname.replace(unreservedEscape, (escape) =>
    String.fromCharCode(parseInt(escape.slice(1), 16)),
  );
  if (path !== url.pathname) url.pathname = path;
  // WHATWG URL keeps a bare "?" in href although search reads as empty.
  return url.search === "" && url.href.endsWith("?") ? url.href.slice(0, -1) : url.href;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}
