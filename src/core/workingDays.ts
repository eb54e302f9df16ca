/**
 * Working days (工作日) on "YYYY-MM-DD" China calendar days. Which days are 法定节假日 and which
 * weekend days are worked (调休) is announced each year by the State Council and cannot be computed,
 * so it is data: data/calendar/<year>.json (see its README). A year without data throws: a deadline
 * counted on a guessed calendar would be wrong exactly around the holidays where it matters.
 *
 * Convention for "答复用了 N 个工作日": counting starts on the working day after receipt, so a letter
 * received on Friday and answered on Monday took 1 working day, one answered the same day 0; a 调休
 * Saturday counts like any working day.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface CalendarYear {
  off: ReadonlySet<string>;
  worked: ReadonlySet<string>;
  /** off days that fall on Monday–Friday, and worked days on Saturday/Sunday: the weekday corrections. */
  offWeekdays: readonly string[];
  workedWeekends: readonly string[];
}

interface CalendarFile {
  year: number;
  sources: Array<{ title: string; number: string | null; url: string }>;
  days: Array<{ date: string; name: string; off: boolean }>;
}

const calendarDir = fileURLToPath(new URL("../../data/calendar/", import.meta.url));
const dayMs = 86_400_000;
const years = new Map<number, CalendarYear>();

/** Thrown for a day whose year has no calendar file; the message names the year, in Chinese and English. */
export class CalendarYearMissingError extends Error {
  override name = "CalendarYearMissingError";
  constructor(readonly year: number) {
    super(
      `工作日日历缺少 ${year} 年的法定节假日和调休数据（data/calendar/${year}.json），无法计算工作日；` +
        `请按国务院办公厅关于${year}年部分节假日安排的通知补充。` +
        ` / The working-day calendar has no data for ${year} (data/calendar/${year}.json); add it from the State Council notice.`,
    );
  }
}

function calendarYear(year: number): CalendarYear {
  const known = years.get(year);
  if (known !== undefined) return known;
  let file: CalendarFile;
  try {
    file = JSON.parse(readFileSync(`${calendarDir}${year}.json`, "utf8")) as CalendarFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new CalendarYearMissingError(year);
    throw error;
  }
  const loaded = toCalendarYear(file, year);
  years.set(year, loaded);
  return loaded;
}

/** Checks the file against its name so a copy-paste slip (2025 days in 2026.json) cannot pass silently. */
function toCalendarYear(file: CalendarFile, year: number): CalendarYear {
  if (
    file.year !== year ||
    !Array.isArray(file.days) ||
    !Array.isArray(file.sources) ||
    file.sources.length === 0
  )
    throw new Error(`data/calendar/${year}.json 格式错误：year、sources 或 days 不符合约定`);
  const off = new Set<string>();
  const worked = new Set<string>();
  for (const day of file.days) {
    if (!day.date.startsWith(`${year}-`) || Number.isNaN(Date.parse(`${day.date}T00:00:00Z`)))
      throw new Error(`data/calendar/${year}.json 含不属于 ${year} 年的日期：${day.date}`);
    (day.off ? off : worked).add(day.date);
  }
  return {
    off,
    worked,
    offWeekdays: [...off].filter((day) => !isWeekend(day)),
    workedWeekends: [...worked].filter(isWeekend),
  };
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

function epochDay(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new RangeError(`not a day "YYYY-MM-DD": ${day}`);
  return ms / dayMs;
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(day: string): boolean {
  epochDay(day);
  const calendar = calendarYear(yearOf(day));
  if (calendar.off.has(day)) return false;
  if (calendar.worked.has(day)) return true;
  return !isWeekend(day);
}

/** The n-th working day after `day` (n ≥ 0; 0 gives `day` itself): a deadline of "n 个工作日内". */
export function addWorkingDays(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let at = epochDay(day);
  let current = day;
  for (let left = n; left > 0;) {
    at += 1;
    current = new Date(at * dayMs).toISOString().slice(0, 10);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/**
 * Working days in (a, b]: from the day after `a` up to and including `b`; negative when b is before a.
 * Counted arithmetically (weekdays, minus weekday holidays, plus worked weekends), so a span of years
 * costs no more than a few days, which matters when 100 000 letters are timed.
 */
export function workingDaysBetween(a: string, b: string): number {
  if (b < a) return -workingDaysBetween(b, a);
  const from = epochDay(a);
  const to = epochDay(b);
  let count = weekdaysUpTo(to + 1) - weekdaysUpTo(from + 1);
  for (let year = yearOf(a); year <= yearOf(b); year++) {
    const calendar = calendarYear(year);
    for (const day of calendar.offWeekdays) if (day > a && day <= b) count -= 1;
    for (const day of calendar.workedWeekends) if (day > a && day <= b) count += 1;
  }
  return count;
}

/** Monday–Friday epoch days before `n`, offset by a constant (only differences are used). */
function weekdaysUpTo(n: number): number {
  // Epoch day −3 (1969-12-29) is a Monday, so weeks counted from there start on Monday.
  const t = n + 3;
  return Math.floor(t / 7) * 5 + Math.min(t % 7, 5);
}
