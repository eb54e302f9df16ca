import chardet from "chardet";
import iconv from "iconv-lite";
import { isAscii } from "node:buffer";
import type { DecodedText, RejectedCharset } from "./types.ts";

/** How far into the body <meta charset> is looked for (browsers prescan 1024; old pages put it late). */
const META_SNIFF_BYTES = 2048;
/** chardet reads a sample; more text only makes it slower, not surer. */
const DETECT_SAMPLE_BYTES = 64 * 1024;

/**
 * A label resolved to something that can decode; `name` is the WHATWG name reported to callers.
 * For gbk the decoder is gb18030's: Node's ICU "gbk" stops at two-byte codes, while the WHATWG gbk
 * decoder is the gb18030 decoder (browsers show four-byte characters such as 𠮷 on pages labelled
 * gbk or gb2312).
 */
interface Charset {
  name: string;
  decode(bytes: Uint8Array, fatal: boolean): string;
}

/**
 * Labels seen on Chinese sites that neither WHATWG nor ICU's TextDecoder knows, mapped to the
 * encoding browsers effectively use for them.
 */
const EXTRA_ALIASES: Record<string, string> = {
  cp936: "gbk",
  ms936: "gbk",
  "windows-936": "gbk",
  "euc-cn": "gbk",
  euccn: "gbk",
  "x-euc-cn": "gbk",
  gb_2312: "gbk",
  "gb-2312": "gbk",
  cp950: "big5",
  ms950: "big5",
  "windows-950": "big5",
  big5hkscs: "big5",
  "x-big5": "big5",
  utf8: "utf-8",
  "utf-16": "utf-16le",
};

/** Decodes an HTTP body: BOM → Content-Type charset → <meta> → detection → utf-8. */
export function decodeBody(body: Buffer, contentType: string | undefined): DecodedText {
  const rejected: RejectedCharset[] = [];
  const done = (charset: Charset, text: string, source: DecodedText["source"]): DecodedText =>
    rejected.length > 0
      ? { text, charset: charset.name, source, rejected }
      : { text, charset: charset.name, source };

  // The BOM goes first, as in the WHATWG decode algorithm: a byte order mark is written by the
  // editor that saved the file, so it is more reliable than a server-wide header default.
  const bom = sniffBom(body);
  if (bom) return done(bom.charset, bom.charset.decode(body.subarray(bom.length), false), "bom");

  const declared: Array<{ source: "header" | "meta"; label: string | undefined }> = [
    { source: "header", label: charsetFromContentType(contentType) },
    { source: "meta", label: charsetFromMeta(body) },
  ];
  for (const { source, label } of declared) {
    if (label === undefined) continue;
    // A <meta> readable as ASCII proves the page is not UTF-16, whatever it says (WHATWG rule).
    const charset =
      source === "meta" && /^utf-16/i.test(label) ? resolveCharset("utf-8") : resolveCharset(label);
    if (!charset) {
      rejected.push({ source, label, reason: "unknown-label" });
      continue;
    }
    // A declaration the bytes are not valid in is wrong (typically a server default of utf-8 in
    // front of GBK pages); trusting it would feed mojibake to every text check.
    const text = tryDecode(charset, body);
    if (text === null) {
      rejected.push({ source, label, reason: "invalid-bytes" });
      continue;
    }
    return done(charset, text, source);
  }

  const detected = detectCharset(body);
  if (detected) return done(detected.charset, detected.text, "detected");

  const utf8 = resolveCharset("utf-8") as Charset;
  return done(utf8, utf8.decode(body, false), "default");
}

/** The charset parameter of a Content-Type value, unquoted; undefined when absent. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (match?.[1] ?? match?.[2])?.trim();
  return label ? label : undefined;
}

/**
 * The charset declared by <meta charset>, <meta http-equiv="Content-Type" content="…charset=…">
 * or an XML declaration near the start of the body. The prefix is read as latin1 because every
 * ASCII-compatible encoding writes these declarations in plain ASCII bytes.
 */
export function charsetFromMeta(body: Buffer): string | undefined {
  const head = body
    .subarray(0, META_SNIFF_BYTES)
    .toString("latin1")
    .replace(/<!--[\s\S]*?-->/g, "");
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const match = /charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)/i.exec(tag[0]);
    if (match?.[1]) return match[1];
  }
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_:.+-]+)["']/i.exec(head);
  return xml?.[1];
}

/** A decoder for a label, or null when neither TextDecoder nor iconv-lite knows it. */
export function resolveCharset(label: string): Charset | null {
  const lower = label.trim().toLowerCase();
  const alias = EXTRA_ALIASES[lower] ?? lower;
  const whatwgName = whatwgEncodingName(alias);
  if (whatwgName) {
    // See Charset: gbk is decoded by the gb18030 decoder, and reported under its WHATWG name.
    const decoderName = whatwgName === "gbk" ? "gb18030" : whatwgName;
    return {
      name: whatwgName,
      decode: (bytes, fatal) => new TextDecoder(decoderName, { fatal }).decode(bytes, { stream: fatal }),
    };
  }
  if (iconv.encodingExists(alias)) {
    return {
      name: alias,
      decode: (bytes, fatal) => {
        const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), alias);
        if (fatal && text.includes("\uFFFD")) throw new TypeError(`invalid ${alias} bytes`);
        return text;
      },
    };
  }
  return null;
}

function whatwgEncodingName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    // Unknown labels and ones that map to WHATWG "replacement" (iso-2022-kr, hz-gb-2312…) throw.
    return null;
  }
}

/**
 * Decodes strictly, or null when the bytes are invalid in the charset. Streaming mode lets a body
 * cut at maxBodyBytes end in the middle of a character without counting as invalid.
 */
function tryDecode(charset: Charset, body: Buffer): string | null {
  try {
    return charset.decode(body, true);
  } catch {
    return null;
  }
}

function sniffBom(body: Buffer): { charset: Charset; length: number } | null {
  const [b0, b1, b2] = body;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    return { charset: resolveCharset("utf-8") as Charset, length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { charset: resolveCharset("utf-16le") as Charset, length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { charset: resolveCharset("utf-16be") as Charset, length: 2 };
  return null;
}

/**
 * Guesses the charset of undeclared bytes. Pure ASCII gives no evidence (utf-8 default). Valid
 * multi-byte UTF-8 is almost never another encoding by accident, so it is accepted before asking
 * chardet, which is then consulted for legacy encodings (GB18030, Big5…).
 */
function detectCharset(body: Buffer): { charset: Charset; text: string } | null {
  if (isAscii(body)) return null;
  const utf8 = resolveCharset("utf-8") as Charset;
  const asUtf8 = tryDecode(utf8, body);
  if (asUtf8 !== null) return { charset: utf8, text: asUtf8 };

  const sample = body.subarray(0, DETECT_SAMPLE_BYTES);
  for (const candidate of chardet.analyse(sample)) {
    const charset = resolveCharset(candidate.name);
    if (!charset) continue;
    const text = tryDecode(charset, body);
    if (text !== null) return { charset, text };
  }
  return null;
}
