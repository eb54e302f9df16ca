import type { DateCandidate } from "./model.ts";

/** A calendar date (and time, when written) read from text. */
export interface ParsedDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** "YYYY-MM-DD", plus "THH:mm" or "THH:mm:ss" when a time was written; China local time. */
  iso: string;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

// Date: 2026-11-20, 2026/11/20, 2026.11.20 (same separator twice), 2026年11月20日.
// Time: after whitespace or "T" (or directly after 日): 08:30 or 08:30:15.
// The lookarounds reject digits glued on either side, as inside ID or serial numbers.
const DATE = String.raw`((?:19|20|21)\d\d(?:([-/.])(\d{1,2})\2(\d{1,2})|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日))`;
const TIME = String.raw`(?:(?:\s+|T|(?<=日))(\d{1,2}):(\d\d)(?::(\d\d))?)?`;
const findPattern = new RegExp(String.raw`(?<!\d)` + DATE + TIME + String.raw`(?!\d)`, "g");
const wholePattern = new RegExp("^" + DATE + TIME + "$");

/** Every full date (year, month and day written) in the text, with its offset, in text order. */
export function findDates(text: string): DateCandidate[] {
  const found: DateCandidate[] = [];
  const subject = normaliseDigits(text);
  findPattern.lastIndex = 0;
  for (let m = findPattern.exec(subject); m !== null; m = findPattern.exec(subject)) {
    const parsed = fromMatch(m);
    if (parsed === null) continue;
    const length = parsed.hour === undefined ? m[1]!.length : m[0].length;
    found.push({
      text: text.slice(m.index, m.index + length),
      iso: parsed.iso,
      offset: m.index,
      yearInferred: false,
    });
  }
  return found;
}

/**
 * Reads one date written alone, e.g. "2026-11-20", "2026年11月20日 08:30", "[2026/1/5]" (surrounding
 * brackets and whitespace are ignored). Null when the text is not exactly one valid date.
 */
export function parseDateText(text: string): ParsedDate | null {
  const m = wholePattern.exec(normaliseDigits(stripBrackets(text.trim())));
  return m === null ? null : fromMatch(m);
}

function fromMatch(m: RegExpExecArray): ParsedDate | null {
  const year = Number(m[1]!.slice(0, 4));
  const month = Number(m[3] ?? m[5]);
  const day = Number(m[4] ?? m[6]);
  if (!isValidDate(year, month, day)) return null;
  const date: ParsedDate = { year, month, day, iso: `${year}-${pad(month)}-${pad(day)}` };
  if (m[7] !== undefined) {
    const hour = Number(m[7]);
    const minute = Number(m[8]);
    const second = m[9] === undefined ? undefined : Number(m[9]);
    if (hour <= 23 && minute <= 59 && (second === undefined || second <= 59)) {
      date.hour = hour;
      date.minute = minute;
      date.iso += `T${pad(hour)}:${pad(minute)}`;
      if (second !== undefined) {
        date.second = second;
        date.iso += `:${pad(second)}`;
      }
    }
  }
  return date;
}

/** Month and day exist in that year (leap years included) and the year is plausible for a web page. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const bracketPairs: Record<string, string> = {
  "[": "]",
  "(": ")",
  "【": "】",
  "（": "）",
  "〔": "〕",
  "<": ">",
};

function stripBrackets(text: string): string {
  const close = bracketPairs[text.charAt(0)];
  return close !== undefined && text.endsWith(close) ? text.slice(1, -1).trim() : text;
}

/** Full-width digits (０-９) to ASCII, keeping every offset unchanged. */
function normaliseDigits(text: string): string {
  if (!/[０-９]/.test(text)) return text;
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
