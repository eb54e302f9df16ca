import type { LinkKind } from "./model.ts";

/**
 * URL handling for link attributes, following what browsers do with an attribute value before
 * resolving it (WHATWG URL: ASCII tab/newline removed anywhere, C0 controls and spaces trimmed).
 */
export function cleanUrlValue(raw: string): string {
  // Native indexOf scans beat a per-character loop by far; most values need no change.
  const dirty = raw.indexOf("\n") >= 0 || raw.indexOf("\t") >= 0 || raw.indexOf("\r") >= 0;
  const value = dirty ? raw.replace(/[\t\n\r]/g, "") : raw;
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 32) start++;
  while (end > start && value.charCodeAt(end - 1) <= 32) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** Schemes that never lead to a fetchable resource; such values are not links at all. */
const skippedSchemes = new Set(["javascript", "vbscript", "mailto", "tel", "data", "about"]);

/** True for values that are not links: empty, fragment-only, or a skipped scheme. */
export function isSkippedUrl(cleaned: string): boolean {
  if (cleaned.length === 0 || cleaned.charCodeAt(0) === 35) return true;
  // The longest skipped scheme is "javascript" (10 letters); look no further for the colon.
  const limit = Math.min(cleaned.length, 11);
  for (let i = 0; i < limit; i++) {
    const c = cleaned.charCodeAt(i);
    if (c === 58) return i >= 3 && skippedSchemes.has(cleaned.slice(0, i).toLowerCase());
    if (c === 47 || c === 63 || c === 35) return false;
  }
  return false;
}

/**
 * Absolute URL, or null when the value cannot be resolved (bad syntax, no usable base). The base
 * is a string: Node turns a URL object back into one anyway.
 */
export function resolveUrl(value: string, base: string | null): string | null {
  try {
    return (base === null ? new URL(value) : new URL(value, base)).href;
  } catch {
    return null;
  }
}

export function parseBase(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const attachmentExtensions = new Set(
  "doc docx xls xlsx ppt pptx pdf wps et dps ofd ceb txt csv zip rar 7z tar gz tgz".split(" "),
);
const imageExtensions = new Set("jpg jpeg png gif bmp webp svg ico tif tiff avif".split(" "));
const mediaExtensions = new Set(
  "mp4 mp3 flv f4v avi wmv wma wav mov m4a m4v webm ogg ogv mkv rm rmvb swf".split(" "),
);

/** Kind implied by the file extension of the URL's path, if it names a file type we classify. */
export function extensionKind(url: string | null, raw: string): LinkKind | undefined {
  const ext = pathExtension(url ?? raw);
  if (ext === "") return undefined;
  if (attachmentExtensions.has(ext)) return "attachment";
  if (imageExtensions.has(ext)) return "image";
  if (mediaExtensions.has(ext)) return "media";
  return undefined;
}

function pathExtension(url: string): string {
  let end = url.indexOf("?");
  if (end < 0) end = url.length;
  const hash = url.indexOf("#");
  if (hash >= 0 && hash < end) end = hash;
  // Extensions we classify have at most 4 characters; look back no further than that.
  for (let i = end - 1; i >= 0 && i >= end - 6; i--) {
    const c = url.charCodeAt(i);
    if (c === 46) return i === end - 1 ? "" : url.slice(i + 1, end).toLowerCase();
    if (c === 47) return "";
  }
  return "";
}

/** The URLs of a srcset attribute, following the WHATWG candidate-splitting algorithm. */
export function parseSrcset(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && (isSpace(value.charCodeAt(i)) || value.charCodeAt(i) === 44)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(value.charCodeAt(i))) i++;
    let url = value.slice(start, i);
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      // Skip the descriptors up to the next comma outside parentheses.
      let depth = 0;
      for (; i < n; i++) {
        const c = value.charCodeAt(i);
        if (c === 40) depth++;
        else if (c === 41 && depth > 0) depth--;
        else if (c === 44 && depth === 0) break;
      }
    }
    if (url.length > 0) urls.push(url);
  }
  return urls;
}

export interface Refresh {
  delaySeconds: number;
  /** The target as written; undefined when the page refreshes itself. */
  url: string | undefined;
}

/** Parses a meta refresh content such as "5; URL='/new/'" (HTML's shared declarative refresh steps). */
export function parseRefresh(content: string): Refresh | undefined {
  let i = 0;
  const n = content.length;
  while (i < n && isSpace(content.charCodeAt(i))) i++;
  const numberStart = i;
  while (i < n && isDigit(content.charCodeAt(i))) i++;
  const digits = content.slice(numberStart, i);
  if (digits.length === 0 && content.charCodeAt(i) !== 46) return undefined;
  while (i < n && (isDigit(content.charCodeAt(i)) || content.charCodeAt(i) === 46)) i++;
  const delaySeconds = digits.length === 0 ? 0 : Number(digits);
  if (i >= n) return { delaySeconds, url: undefined };
  const sep = content.charCodeAt(i);
  if (sep !== 59 && sep !== 44 && !isSpace(sep)) return undefined;
  while (i < n && isSpace(content.charCodeAt(i))) i++;
  if (content.charCodeAt(i) === 59 || content.charCodeAt(i) === 44) i++;
  while (i < n && isSpace(content.charCodeAt(i))) i++;
  const urlStart = i;
  if (content.slice(i, i + 3).toLowerCase() === "url") {
    i += 3;
    while (i < n && isSpace(content.charCodeAt(i))) i++;
    if (content.charCodeAt(i) === 61) {
      i++;
      while (i < n && isSpace(content.charCodeAt(i))) i++;
    } else {
      i = urlStart;
    }
  }
  let url = content.slice(i);
  const quote = url.charCodeAt(0);
  if (quote === 34 || quote === 39) {
    url = url.slice(1);
    const close = url.indexOf(String.fromCharCode(quote));
    if (close >= 0) url = url.slice(0, close);
  }
  url = url.trim();
  return { delaySeconds, url: url.length === 0 ? undefined : url };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
