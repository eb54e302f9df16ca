/**
 * The text of a published attachment (docx, xlsx, csv, pdf, txt, and the HTML tables many sites
 * export under a .xls name), so the privacy and text checks can read what a page links to.
 * Attachments come from servers we do not control: input and output are bounded, the zip directory
 * is read before anything is unpacked, and every failure becomes an error result, never an
 * exception.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import mammoth from "mammoth";
import type ExcelJS from "exceljs";
import { loadExcel } from "../core/lazyModules.ts";
import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type AttachmentFormat = "docx" | "xlsx" | "csv" | "pdf" | "txt" | "html";

export interface AttachmentTextOptions {
  /** Inputs larger than this are refused unread. Default 20 MB. */
  maxBytes?: number;
  /** Extraction stops after this many characters; the result says truncated. Default 2 000 000. */
  maxChars?: number;
  /** docx/xlsx whose zip directory declares more unpacked bytes than this are refused. Default 200 MB. */
  maxUnpackedBytes?: number;
}

export type AttachmentText =
  { text: string; format: AttachmentFormat; truncated: boolean } | { error: string };

const MB = 1024 * 1024;
const DEFAULTS = { maxBytes: 20 * MB, maxChars: 2_000_000, maxUnpackedBytes: 200 * MB };

/** What the name or the Content-Type says; "old" = binary Office/WPS formats we cannot read. */
type Declared = AttachmentFormat | "old" | "unsupported" | "unknown";

const byExtension: Record<string, Declared> = {
  docx: "docx",
  docm: "docx",
  dotx: "docx",
  xlsx: "xlsx",
  xlsm: "xlsx",
  xltx: "xlsx",
  csv: "csv",
  tsv: "csv",
  txt: "txt",
  text: "txt",
  pdf: "pdf",
  htm: "html",
  html: "html",
  shtml: "html",
  doc: "old",
  dot: "old",
  xls: "old",
  xlt: "old",
  wps: "old",
  et: "old",
  ppt: "old",
  dps: "old",
  pptx: "unsupported",
  ofd: "unsupported",
  zip: "unsupported",
  rar: "unsupported",
  "7z": "unsupported",
  jpg: "unsupported",
  jpeg: "unsupported",
  png: "unsupported",
  gif: "unsupported",
};

const byMimeType: Record<string, Declared> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/csv": "csv",
  "application/csv": "csv",
  "text/plain": "txt",
  "text/html": "html",
  "application/msword": "old",
  "application/vnd.ms-excel": "old",
  "application/vnd.ms-powerpoint": "old",
  "application/vnd.ms-works": "old",
  "application/kswps": "old",
  "application/wps-office.wps": "old",
  "application/wps-office.et": "old",
};

/** A file name or URL (by its extension) or a Content-Type (by its media type). */
function declaredFormat(nameOrType: string): Declared {
  const lower = nameOrType.trim().toLowerCase();
  const mediaType = byMimeType[(lower.split(";")[0] ?? "").trim()];
  if (mediaType) return mediaType;
  const pathPart = lower.split(/[?#]/)[0] ?? "";
  const ext = /\.([a-z0-9]+)$/.exec(pathPart)?.[1];
  return ext ? (byExtension[ext] ?? "unknown") : "unknown";
}

/** Reads the text of an attachment; never throws. */
export async function attachmentText(
  bytes: Buffer,
  nameOrType: string,
  options: AttachmentTextOptions = {},
): Promise<AttachmentText> {
  const limits = { ...DEFAULTS, ...options };
  if (bytes.length > limits.maxBytes) {
    return { error: `附件过大（${bytes.length} 字节），超过 ${megabytes(limits.maxBytes)} 上限，未读取` };
  }
  try {
    const declared = declaredFormat(nameOrType);
    const format = sniffFormat(bytes, declared, limits.maxUnpackedBytes);
    if ("error" in format) return format;
    const sink = new TextSink(limits.maxChars);
    await extractors[format.format](bytes, sink);
    return { text: sink.text(), format: format.format, truncated: sink.full };
  } catch (error) {
    return { error: `附件无法读取（文件可能已损坏）：${describe(error)}` };
  }
}

function megabytes(n: number): string {
  const value = n / MB;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}

/** Collects text up to a limit; later additions are dropped and the result is marked truncated. */
class TextSink {
  private readonly parts: string[] = [];
  private length = 0;
  full = false;

  constructor(private readonly max: number) {}

  add(part: string): void {
    if (this.full) return;
    if (this.length + part.length > this.max) {
      this.parts.push(part.slice(0, this.max - this.length));
      this.length = this.max;
      this.full = true;
      return;
    }
    this.parts.push(part);
    this.length += part.length;
  }

  text(): string {
    return this.parts.join("");
  }
}

/**
 * The format the bytes really have. Names lie often on government sites: HTML tables saved as
 * .xls, error pages served as .pdf, docx renamed .doc; the bytes decide, the name breaks ties.
 */
function sniffFormat(
  bytes: Buffer,
  declared: Declared,
  maxUnpacked: number,
): { format: AttachmentFormat } | { error: string } {
  const head = bytes.subarray(0, 1024).toString("latin1");
  if (head.includes("%PDF-")) return { format: "pdf" };
  if (head.startsWith("PK\x03\x04")) return sniffZip(bytes, declared, maxUnpacked);
  if (head.startsWith("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
    return {
      error: "不支持的旧格式（doc、xls、wps、et 等二进制 Office/WPS 文件），请另存为 docx、xlsx 后检查",
    };
  }
  if (/^(?:\x89PNG|\xff\xd8\xff|GIF8|Rar!|7z\xbc\xaf|\x1f\x8b)/.test(head)) {
    return { error: "不支持的附件格式（图片或压缩包），未读取文字" };
  }
  if (declared === "pdf" || declared === "docx" || declared === "xlsx") {
    return { error: `文件内容不是 ${declared.toUpperCase()}（可能是网页或错误页面）` };
  }
  if (declared === "unsupported") return { error: "不支持的附件格式，未读取文字" };
  const probe = bytes.subarray(0, 4096).toString("latin1");
  const utf16 = probe.startsWith("\xff\xfe") || probe.startsWith("\xfe\xff");
  if (!utf16 && probe.includes("\x00")) return { error: "不支持的二进制附件格式，未读取文字" };
  if (/^\s*</.test(probe) && /<(?:html|table|body|tr|!doctype)/i.test(probe)) return { format: "html" };
  if (declared === "html") return { format: "html" };
  if (declared === "csv") return { format: "csv" };
  if (declared === "txt" || declared === "old" || declared === "unknown") return { format: "txt" };
  return { error: "无法识别的附件格式" };
}

function sniffZip(
  bytes: Buffer,
  declared: Declared,
  maxUnpacked: number,
): { format: AttachmentFormat } | { error: string } {
  const directory = zipDirectory(bytes);
  if (directory === null) return { error: "附件损坏：压缩包目录无法读取" };
  if (directory.unpacked > maxUnpacked) {
    return { error: `附件解压后过大（超过 ${megabytes(maxUnpacked)}），未读取` };
  }
  const names = new Set(directory.names);
  if (names.has("word/document.xml")) return { format: "docx" };
  if (names.has("xl/workbook.xml")) return { format: "xlsx" };
  if (declared === "docx" || declared === "xlsx") {
    return { error: `附件损坏：不是有效的 ${declared.toUpperCase()} 文件` };
  }
  return { error: "不支持的附件格式（压缩包、pptx、ofd 等），未读取文字" };
}

/**
 * Entry names and the total unpacked size the zip's central directory declares: the guard against
 * zip bombs runs before any library inflates anything. Null when there is no readable directory.
 */
function zipDirectory(bytes: Buffer): { names: string[]; unpacked: number } | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  // Zip64: sizes live elsewhere; such archives are beyond any attachment we mean to read.
  if (count === 0xffff || offset === 0xffffffff) return { names: [], unpacked: Infinity };
  const names: string[] = [];
  let unpacked = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    unpacked += size === 0xffffffff ? Infinity : size;
    names.push(bytes.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { names, unpacked };
}

const extractors: Record<AttachmentFormat, (bytes: Buffer, sink: TextSink) => Promise<void>> = {
  docx: async (bytes, sink) => {
    const result = await mammoth.extractRawText({ buffer: bytes });
    sink.add(result.value);
  },
  xlsx: async (bytes, sink) => {
    const workbook = new (await loadExcel()).Workbook();
    // exceljs types its input as an ArrayBuffer; JSZip underneath reads either.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    workbook.eachSheet((sheet) => {
      sheet.eachRow({ includeEmpty: false }, (row) => {
        if (sink.full) return;
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell) => cells.push(cellText(cell)));
        sink.add(`${cells.join("\t")}\n`);
      });
      sink.add("\n");
    });
  },
  csv: async (bytes, sink) => sink.add(decodeText(bytes)),
  txt: async (bytes, sink) => sink.add(decodeText(bytes)),
  html: async (bytes, sink) => sink.add(htmlText(decodeText(bytes))),
  pdf: pdfText,
};

/** The cell as shown; a cell whose value exceljs cannot render is left empty rather than failing the sheet. */
function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text.replace(/[\t\r\n]+/g, " ");
  } catch {
    return "";
  }
}

/**
 * Encodings chardet may override GB18030 with. On short Chinese samples it ranks Big5, EUC-JP and
 * GB18030 alike, so it must be clearly surer of the other before a Chinese file is read as not GBK.
 */
const DETECTABLE = new Set(["big5", "utf-16le", "utf-16be", "euc-jp", "shift_jis", "euc-kr"]);
const DETECT_SAMPLE = 64 * 1024;

/** BOM, then valid UTF-8, then detection; GB18030 (a superset of GBK) as the Chinese default. */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString("utf8", 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), "utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), "utf16be");
  if (isUtf8(bytes)) return bytes.toString("utf8");
  const ranked = chardet.analyse(bytes.subarray(0, DETECT_SAMPLE));
  const gb18030 = ranked.find((match) => match.name === "GB18030")?.confidence ?? 0;
  const top = ranked[0];
  const other = top?.name.toLowerCase();
  const encoding =
    top && other && top.confidence >= 50 && top.confidence > gb18030 + 20 && DETECTABLE.has(other)
      ? other
      : "gb18030";
  return iconv.decode(bytes, encoding);
}

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Tags out, cells and rows kept apart: enough for an exported table, not a page model. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<\/t[dh]\s*>/gi, "\t")
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h[1-6]|table)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith("#")) {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** pdf.js ships its CMaps and standard fonts; pointing at the package keeps CJK PDFs readable offline. */
const pdfjsDir = (() => {
  try {
    return path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  } catch {
    return null;
  }
})();

async function pdfText(bytes: Buffer, sink: TextSink): Promise<void> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // In Node pdf.js runs its worker in-process; the minified worker is the same code and loads in
  // half the time under tsx, which transforms every module it imports.
  if (pdfjsDir && !pdfjs.GlobalWorkerOptions.workerSrc.endsWith(".min.mjs")) {
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
      path.join(pdfjsDir, "legacy", "build", "pdf.worker.min.mjs"),
    ).href;
  }
  const task = pdfjs.getDocument({
    // A copy: pdf.js takes ownership of the array it is given.
    data: new Uint8Array(bytes),
    ...(pdfjsDir && {
      cMapUrl: `${path.join(pdfjsDir, "cmaps")}/`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(pdfjsDir, "standard_fonts")}/`,
    }),
    useWorkerFetch: false,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      if (error instanceof Error && error.name === "PasswordException")
        throw new Error("PDF 已加密，无法读取");
      throw error;
    });
    for (let number = 1; number <= doc.numPages && !sink.full; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item)) continue;
        sink.add(item.str);
        if (item.hasEOL) sink.add("\n");
      }
      sink.add("\n");
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
}
