import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import {
  addWorkingDays,
  CalendarYearMissingError,
  isWorkingDay,
  workingDaysBetween,
} from "../../src/core/workingDays.ts";

test("known days off and make-up working days of several years", () => {
  const cases: Array<[string, boolean, string]> = [
    ["2019-04-28", true, "劳动节 adjustment notice: Sunday worked"],
    ["2019-05-03", false, "劳动节 2019 (adjusted to 4 days)"],
    ["2020-01-31", false, "春节 extended by the 2020 notice"],
    ["2020-02-01", false, "Saturday no longer worked after the extension"],
    ["2020-02-03", true, "Monday after the extended 春节"],
    ["2022-12-31", false, "元旦 2023 period starts in 2022"],
    ["2023-01-03", true, "元旦 2023 ends on 01-02"],
    ["2024-02-04", true, "春节 2024 Sunday worked"],
    ["2024-02-16", false, "春节 2024 Friday off"],
    ["2025-01-26", true, "春节 2025 Sunday worked"],
    ["2025-02-08", true, "春节 2025 Saturday worked"],
    ["2025-10-08", false, "国庆中秋 2025 Wednesday off"],
    ["2025-10-11", true, "国庆 2025 Saturday worked"],
    ["2026-01-04", true, "元旦 2026 Sunday worked"],
    ["2026-02-23", false, "春节 2026 Monday off"],
    ["2026-09-25", false, "中秋 2026 Friday off"],
    ["2026-11-20", true, "an ordinary Friday"],
    ["2026-11-21", false, "an ordinary Saturday"],
  ];
  for (const [day, working, why] of cases) assert.equal(isWorkingDay(day), working, `${day}: ${why}`);
});

test("every shipped year names its notice and lists only its own days", () => {
  const dir = new URL("../../data/calendar/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  assert.deepEqual(
    files.map((f) => f.slice(0, 4)),
    ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"],
  );
  for (const file of files) {
    const data = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as {
      year: number;
      sources: Array<{ title: string; url: string }>;
      days: Array<{ date: string }>;
    };
    assert.ok(
      data.sources.some((s) => s.title === `国务院办公厅关于${data.year}年部分节假日安排的通知`),
      file,
    );
    assert.ok(
      data.sources.every((s) => /^https?:\/\/www\.gov\.cn\//.test(s.url)),
      file,
    );
    assert.ok(
      data.days.every((d) => d.date.startsWith(`${data.year}-`)),
      file,
    );
  }
});

test("a year without data fails loudly, naming the year in Chinese and English", () => {
  for (const call of [
    () => isWorkingDay("2027-03-01"),
    () => addWorkingDays("2026-12-30", 5),
    () => workingDaysBetween("2018-12-28", "2019-01-04"),
  ]) {
    assert.throws(call, (error: unknown) => {
      assert.ok(error instanceof CalendarYearMissingError);
      assert.match(error.message, /工作日日历缺少 (2027|2018) 年/);
      assert.match(error.message, /no data for (2027|2018)/);
      return true;
    });
  }
});

test("counting starts on the working day after receipt", () => {
  assert.equal(workingDaysBetween("2026-11-20", "2026-11-20"), 0, "same day");
  assert.equal(workingDaysBetween("2026-11-20", "2026-11-23"), 1, "Friday → Monday");
  assert.equal(workingDaysBetween("2026-11-20", "2026-11-22"), 0, "Friday → Sunday");
  assert.equal(workingDaysBetween("2026-11-16", "2026-11-23"), 5, "Monday → next Monday");
  assert.equal(workingDaysBetween("2026-11-23", "2026-11-20"), -1, "reversed");
});

test("working-day arithmetic across 春节 and 国庆", () => {
  // 春节 2025: off 01-28…02-04, Sunday 01-26 and Saturday 02-08 worked.
  assert.equal(addWorkingDays("2025-01-24", 1), "2025-01-26");
  assert.equal(addWorkingDays("2025-01-27", 1), "2025-02-05");
  assert.equal(addWorkingDays("2025-02-07", 1), "2025-02-08");
  assert.equal(workingDaysBetween("2025-01-24", "2025-02-05"), 3);
  // 国庆中秋 2025: off 10-01…10-08, Sunday 09-28 and Saturday 10-11 worked.
  assert.equal(workingDaysBetween("2025-09-26", "2025-10-09"), 4);
  assert.equal(addWorkingDays("2025-09-30", 1), "2025-10-09");
  assert.equal(addWorkingDays("2025-09-30", 5), "2025-10-14");
  // 国庆 2026: off 10-01…10-07, Sunday 09-20 and Saturday 10-10 worked.
  assert.equal(addWorkingDays("2026-09-30", 3), "2026-10-10");
  // Across a year boundary: 元旦 2026 (01-01…01-03 off, Sunday 01-04 worked).
  assert.equal(workingDaysBetween("2025-12-31", "2026-01-05"), 2);
  // The arithmetic count agrees with stepping day by day over a whole year.
  for (const n of [1, 5, 20, 120, 240])
    assert.equal(workingDaysBetween("2025-01-01", addWorkingDays("2025-01-01", n)), n);
  assert.throws(() => addWorkingDays("2025-01-01", -1), RangeError);
});
