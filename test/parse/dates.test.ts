import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDates, parseDateText } from "../../src/parse/index.ts";

describe("findDates", () => {
  it("finds every supported form with its offset and ISO value", () => {
    const text =
      "发布日期：2026-11-20 来源 2026/11/21，2026.11.22；2026年11月23日 签发 2026年11月24日 08:30 " +
      "更新 2026-11-25 08:30:15 和 2026-1-5 以及 2026 年 1 月 6 日 2026-11-26T09:05";
    const found = findDates(text);
    assert.deepEqual(
      found.map((d) => [d.text, d.iso]),
      [
        ["2026-11-20", "2026-11-20"],
        ["2026/11/21", "2026-11-21"],
        ["2026.11.22", "2026-11-22"],
        ["2026年11月23日", "2026-11-23"],
        ["2026年11月24日 08:30", "2026-11-24T08:30"],
        ["2026-11-25 08:30:15", "2026-11-25T08:30:15"],
        ["2026-1-5", "2026-01-05"],
        ["2026 年 1 月 6 日", "2026-01-06"],
        ["2026-11-26T09:05", "2026-11-26T09:05"],
      ],
    );
    for (const d of found) {
      assert.equal(text.slice(d.offset, d.offset + d.text.length), d.text);
      assert.equal(d.yearInferred, false);
    }
  });

  it("rejects impossible dates and years outside 1990–2100", () => {
    const text = "2026-13-45 2026-02-30 2025-02-29 1989-05-01 2101-01-01 2026-00-10 2026-11-00 2026年2月30日";
    assert.deepEqual(findDates(text), []);
    assert.deepEqual(
      findDates("2024-02-29").map((d) => d.iso),
      ["2024-02-29"],
    );
  });

  it("ignores digits glued to longer digit runs", () => {
    const text =
      "身份证 110101202611201234 编号 20261120123 序号 12026-11-20 尾 2026-11-201 和 32026年1月1日";
    assert.deepEqual(findDates(text), []);
  });

  it("does not mix separators", () => {
    assert.deepEqual(findDates("2026-11/20 2026/11.20"), []);
  });

  it("drops an impossible time but keeps the date", () => {
    const [d] = findDates("2026-11-20 25:61");
    assert.equal(d!.iso, "2026-11-20");
    assert.equal(d!.text, "2026-11-20");
  });

  it("reads full-width digits", () => {
    const [d] = findDates("日期：２０２６年１１月２０日");
    assert.equal(d!.iso, "2026-11-20");
    assert.equal(d!.text, "２０２６年１１月２０日");
  });
});

describe("parseDateText", () => {
  it("parses one date written alone, ignoring surrounding brackets and spaces", () => {
    assert.deepEqual(parseDateText(" 2026-11-20 "), { year: 2026, month: 11, day: 20, iso: "2026-11-20" });
    assert.equal(parseDateText("[2026/1/5]")?.iso, "2026-01-05");
    assert.equal(parseDateText("（2026年11月20日）")?.iso, "2026-11-20");
    assert.deepEqual(parseDateText("2026-11-20 08:30:15"), {
      year: 2026,
      month: 11,
      day: 20,
      hour: 8,
      minute: 30,
      second: 15,
      iso: "2026-11-20T08:30:15",
    });
  });

  it("returns null for anything that is not exactly one valid date", () => {
    for (const text of [
      "",
      "2026-13-01",
      "发布 2026-11-20",
      "2026-11-20 来源",
      "11-20",
      "2026年11月",
      "20261120",
    ]) {
      assert.equal(parseDateText(text), null, text);
    }
  });
});
