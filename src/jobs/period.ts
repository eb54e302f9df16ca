/**
 * Inspection periods as offices name them: 2026年第四季度 (or 第4季度), 2026年上半年/下半年,
 * 2026年11月, 2026年 (全年). The window is in China time: [first day 00:00, day after the last 00:00).
 */

export interface PeriodWindow {
  from: Date;
  /** Exclusive. */
  to: Date;
}

const quarterNumbers: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

export function periodWindow(period: string): PeriodWindow {
  const text = period.replace(/\s+/g, "");
  const year = /^(\d{4})年/.exec(text);
  if (year === null) throw new PeriodError(period);
  const y = Number(year[1]);
  const rest = text.slice(year[0].length);
  const quarter = /^第([一二三四1-4])季度$/.exec(rest);
  if (quarter) return months(y, (quarterNumbers[quarter[1]!]! - 1) * 3 + 1, 3);
  const month = /^(\d{1,2})月(?:份)?$/.exec(rest);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return months(y, Number(month[1]), 1);
  if (rest === "上半年") return months(y, 1, 6);
  if (rest === "下半年") return months(y, 7, 6);
  if (rest === "" || rest === "全年" || rest === "度") return months(y, 1, 12);
  throw new PeriodError(period);
}

export class PeriodError extends Error {
  constructor(period: string) {
    super(`无法识别的检查期间：“${period}”（示例：2026年第四季度、2026年上半年、2026年11月、2026年）`);
  }
}

/** Months are counted in UTC from midnight China time (UTC+8, no daylight saving). */
function months(year: number, first: number, count: number): PeriodWindow {
  const at = (month: number): Date => new Date(Date.UTC(year, month - 1, 1) - 8 * 3_600_000);
  return { from: at(first), to: at(first + count) };
}
