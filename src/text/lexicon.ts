/**
 * Sensitive-word lexicons: categories, parsing of the txt and csv files users bring, and
 * deduplication. Matching is elsewhere (matcher.ts, sensitive.ts); this module only reads.
 *
 * txt: one term a line; blank lines and lines starting with # are skipped; a line may carry its
 *      category as `term<TAB>category[<TAB>severity]` or `category:term` (the prefix counts only
 *      when it names a category, so "QQ:123" and "http://…" stay whole terms).
 * csv: `term,category[,severity]`, RFC 4180 quoting, optional header row, # comment lines.
 * Either may list allow entries (category "allow" / 允许): phrases that must never be reported, and
 * that shield any term found inside them ("打击赌博" shields "赌博").
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Severity } from "../core/finding.ts";
import { foldText } from "./matcher.ts";

export type LexiconCategory = "gambling" | "porn" | "violence" | "fraud" | "reactionary" | "other";

export const lexiconCategories: readonly LexiconCategory[] = [
  "gambling",
  "porn",
  "violence",
  "fraud",
  "reactionary",
  "other",
];

/** Chinese names, as reports and error messages show them. */
export const categoryNames: Readonly<Record<LexiconCategory, string>> = {
  gambling: "赌博",
  porn: "色情",
  violence: "暴力",
  fraud: "诈骗",
  reactionary: "反动",
  other: "其他",
};

export interface LexiconEntry {
  term: string;
  category: LexiconCategory;
  /** Overrides the category's severity when the file says so. */
  severity?: Severity;
  /** Where the entry came from, "file:line", for people tracing a false alarm back to its list. */
  source?: string;
}

export interface Lexicon {
  /** Distinct terms (by folded form), first occurrence kept. */
  readonly entries: readonly LexiconEntry[];
  /** Phrases never to report, and that shield terms inside them. */
  readonly allow: readonly string[];
  /** Entries dropped because an earlier entry had the same folded term. */
  readonly duplicates: number;
}

/** A lexicon file that cannot be read as a lexicon; the message names the file and line. */
export class LexiconError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "LexiconError";
  }
}

const categoryAliases: ReadonlyMap<string, LexiconCategory | "allow"> = new Map<
  string,
  LexiconCategory | "allow"
>([
  ...lexiconCategories.map((c) => [c, c] as const),
  ...lexiconCategories.map((c) => [categoryNames[c], c] as const),
  ["博彩", "gambling"],
  ["涉赌", "gambling"],
  ["涉黄", "porn"],
  ["淫秽", "porn"],
  ["涉暴", "violence"],
  ["暴恐", "violence"],
  ["欺诈", "fraud"],
  ["涉诈", "fraud"],
  ["其它", "other"],
  ["allow", "allow"],
  ["允许", "allow"],
  ["白名单", "allow"],
]);

/** The category a name stands for (English id or Chinese name, any case), "allow", or undefined. */
export function parseCategory(name: string): LexiconCategory | "allow" | undefined {
  return categoryAliases.get(name.trim().toLowerCase());
}

const severityAliases: ReadonlyMap<string, Severity> = new Map<string, Severity>([
  ["veto", "veto"],
  ["deduct", "deduct"],
  ["warn", "warn"],
  ["info", "info"],
  ["否决", "veto"],
  ["扣分", "deduct"],
  ["警告", "warn"],
  ["提示", "info"],
]);

const categoryList = lexiconCategories.map((c) => `${categoryNames[c]}(${c})`).join("、");

export interface ParseLexiconOptions {
  format?: "txt" | "csv";
  /** Named in errors and in entry sources. */
  file?: string;
  /** Category of lines that name none; "other" when not given. */
  defaultCategory?: LexiconCategory;
}

/** Parses lexicon text; throws LexiconError naming the file and line of the first bad line. */
export function parseLexicon(content: string, options: ParseLexiconOptions = {}): Lexicon {
  const file = options.file ?? "（未命名词库）";
  const fallback = options.defaultCategory ?? "other";
  const entries: LexiconEntry[] = [];
  const allow: string[] = [];
  const lines = content.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const fail = (line: number, why: string): never => {
    throw new LexiconError(`词库文件 ${file} 第 ${line} 行：${why}`, file, line);
  };
  let headerChecked = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === "" || text.startsWith("#")) return;
    let fields: string[];
    if (options.format === "csv") {
      fields = splitCsvLine(text) ?? fail(line, "引号不成对");
      if (!headerChecked && isHeader(fields[0]!)) {
        headerChecked = true;
        return;
      }
    } else if (raw.includes("\t")) {
      // Split before trimming: a leading tab means an empty term, not a term named like the category.
      fields = raw.split("\t");
    } else {
      fields = [text];
      const colon = text.search(/[:：]/);
      if (colon > 0 && parseCategory(text.slice(0, colon)) !== undefined) {
        fields = [text.slice(colon + 1), text.slice(0, colon)];
      }
    }
    headerChecked = true;
    const term = fields[0]!.trim();
    const categoryText = (fields[1] ?? "").trim();
    const severityText = (fields[2] ?? "").trim();
    if (term === "") fail(line, "词语为空");
    const category = categoryText === "" ? fallback : parseCategory(categoryText);
    if (category === undefined)
      fail(line, `未知的类别“${categoryText}”，可用的类别：${categoryList}、允许(allow)`);
    if (category === "allow") {
      allow.push(term);
      return;
    }
    const entry: LexiconEntry = { term, category: category!, source: `${file}:${line}` };
    if (severityText !== "") {
      entry.severity =
        severityAliases.get(severityText.toLowerCase()) ??
        fail(line, `未知的严重程度“${severityText}”，可用：否决(veto)、扣分(deduct)、警告(warn)、提示(info)`);
    }
    entries.push(entry);
  });
  return createLexicon(entries, allow);
}

const headerWords = new Set(["term", "word", "词", "词语", "敏感词", "关键词"]);
const isHeader = (cell: string): boolean => headerWords.has(cell.trim().toLowerCase());

/** One CSV record on one line (terms never hold line breaks); null when a quote is left open. */
function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** Key under which terms count as the same: folded case and width, as the matcher sees them. */
const termKey = (term: string): string => foldText(term.trim());

/** A lexicon from entries, keeping the first of each folded term and dropping empty ones. */
export function createLexicon(entries: Iterable<LexiconEntry>, allow: Iterable<string> = []): Lexicon {
  const seen = new Set<string>();
  const kept: LexiconEntry[] = [];
  let duplicates = 0;
  for (const entry of entries) {
    const key = termKey(entry.term);
    if (key === "") continue;
    if (seen.has(key)) duplicates++;
    else {
      seen.add(key);
      kept.push({ ...entry, term: entry.term.trim() });
    }
  }
  const allowKeys = new Set<string>();
  const allowed: string[] = [];
  for (const phrase of allow) {
    const key = termKey(phrase);
    if (key === "" || allowKeys.has(key)) continue;
    allowKeys.add(key);
    allowed.push(phrase.trim());
  }
  return { entries: kept, allow: allowed, duplicates };
}

/** Several lexicons (given one by one or as arrays) as one; earlier lexicons win for terms they share. */
export function mergeLexicons(...lists: readonly (Lexicon | readonly Lexicon[])[]): Lexicon {
  const lexicons = lists.flatMap((l): readonly Lexicon[] => (isLexicon(l) ? [l] : l));
  const merged = createLexicon(
    lexicons.flatMap((l) => l.entries),
    lexicons.flatMap((l) => l.allow),
  );
  const inputs = lexicons.reduce((sum, l) => sum + l.duplicates, 0);
  return { ...merged, duplicates: merged.duplicates + inputs };
}

const isLexicon = (value: Lexicon | readonly Lexicon[]): value is Lexicon => !Array.isArray(value);

let defaultCache: Lexicon | undefined;

/** The bundled spam lexicon (data/lexicons/spam-default.txt), read once per process. */
export function defaultLexicon(): Lexicon {
  defaultCache ??= loadLexiconFile(
    fileURLToPath(new URL("../../data/lexicons/spam-default.txt", import.meta.url)),
  );
  return defaultCache;
}

/**
 * Reads a lexicon file: csv by extension, txt otherwise. UTF-8 (with or without BOM), UTF-16 with
 * BOM, or GB18030/GBK, which many Chinese word lists still use.
 */
export function loadLexiconFile(path: string, defaultCategory?: LexiconCategory): Lexicon {
  const format = /\.csv$/i.test(path) ? "csv" : "txt";
  return parseLexicon(readText(path), { format, file: path, defaultCategory });
}

/** Reads an allow-list file: one phrase a line, # comments; any category column is ignored. */
export function loadAllowListFile(path: string): string[] {
  return parseAllowList(readText(path));
}

/** Phrases of an allow list: one a line, blank and # lines skipped, anything after a tab ignored. */
export function parseAllowList(content: string): string[] {
  return content
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .map((line) => line.split("\t")[0]!.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new LexiconError(`无法读取词库文件 ${path}（${code}）`, path);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
