/**
 * Calendar arithmetic on "YYYY-MM-DD" days in China time (UTC+8, no daylight saving). Government
 * pages date items by the Beijing calendar day, so windows ("2 weeks", "6 months") are counted in
 * those days, not in UTC hours.
 */

const chinaOffsetMs = 8 * 3600_000;
const dayMs = 86_400_000;

/** An update window: a number of days or of calendar months before the time point. */
export type UpdateWindow = { days: number } | { months: number };

/** The Beijing calendar day of an instant. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Same day of month `months` earlier or later, clamped to the month's end (08-31 − 6 months = 02-28). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date, last))).toISOString().slice(0, 10);
}

/**
 * The first day that still counts as "within the window" ending on `day`: with 14 days and the time
 * point 2026-11-20, an item dated 2026-11-06 counts and one dated 2026-11-05 does not.
 */
export function windowStart(day: string, window: UpdateWindow): string {
  return "days" in window ? addDays(day, -window.days) : addMonths(day, -window.months);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** "14 天", "6 个月", as inspectors write windows. */
export function describeWindow(window: UpdateWindow): string {
  if ("days" in window) return `${window.days} 天`;
  return window.months % 12 === 0 ? `${window.months / 12} 年` : `${window.months} 个月`;
}
