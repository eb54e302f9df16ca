import { UsageError } from "./errors.ts";

/** Every time rule is judged against the inspection's time point, never Date.now() inside a check. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

/** Parses --as-of; a date without a zone is read in China time (UTC+8), as inspectors mean it. */
export function parseAsOf(text: string): Date {
  const trimmed = text.trim();
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed)
    ? trimmed
    : /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
      ? `${trimmed}T00:00:00+08:00`
      : `${trimmed}+08:00`;
  const date = new Date(withZone);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(
      `--as-of 不是有效的时间点：${text}（示例：2026-11-20 或 2026-11-20T08:00:00+08:00）`,
    );
  }
  return date;
}
