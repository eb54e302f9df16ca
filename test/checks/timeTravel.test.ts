import assert from "node:assert/strict";
import { test } from "node:test";
import { timeTravelFindings, type DatedArticle, type ListedItem } from "../../src/checks/timeTravel.ts";

const asOf = new Date("2026-11-20T00:00:00+08:00");
const site = "http://www.x.gov.cn";

function listed(url: string, date: string): ListedItem {
  return {
    url,
    title: `标题${url.slice(-6)}`,
    date,
    dateText: date,
    yearInferred: false,
    column: "通知公告",
    columnUrl: `${site}/tzgg/`,
  };
}

function article(url: string, displayed: string | null, meta: string | null): DatedArticle {
  const reading = (iso: string | null, source: "meta" | "text") =>
    iso === null ? null : { iso, text: iso, source };
  const shown = reading(displayed, "text");
  const fromMeta = reading(meta, "meta");
  return {
    url,
    title: "关于做好冬季供暖工作的通知",
    displayed: shown,
    meta: fromMeta,
    published: shown ?? fromMeta,
    disagree: shown !== null && fromMeta !== null && shown.iso.slice(0, 10) !== fromMeta.iso.slice(0, 10),
  };
}

test("an item dated after the time point is time travel, once per item, with every date as evidence", () => {
  const url = `${site}/tzgg/2027-01/05/content_1.html`;
  const findings = timeTravelFindings(
    site,
    [listed(url, "2027-01-05")],
    new Map([[url, article(url, "2027-01-05", "2027-01-05 09:00")]]),
    asOf,
  );
  const future = findings.filter((f) => f.check === "content.future-date");
  assert.equal(future.length, 1);
  assert.equal(future[0]?.severity, "veto");
  assert.equal(future[0]?.confidence, "suspected");
  assert.equal(future[0]?.evidence.listDate, "2027-01-05");
  assert.equal((future[0]?.evidence.metaDate as { iso: string }).iso, "2027-01-05 09:00");
  assert.equal(findings.filter((f) => f.check === "content.date-mismatch").length, 0);
});

test("the time point's own day is not the future; a future PubDate alone is", () => {
  const today = `${site}/a/today.html`;
  const metaOnly = `${site}/a/meta.html`;
  const findings = timeTravelFindings(
    site,
    [listed(today, "2026-11-20")],
    new Map([
      [today, article(today, "2026-11-20", null)],
      [metaOnly, article(metaOnly, null, "2026-12-01T10:00")],
    ]),
    asOf,
  );
  assert.deepEqual(
    findings.filter((f) => f.check === "content.future-date").map((f) => f.url),
    [metaOnly],
  );
});

test("list date against article date, and displayed date against PubDate, disagreeing are kept both", () => {
  const moved = `${site}/a/moved.html`;
  const metaOff = `${site}/a/meta-off.html`;
  const agree = `${site}/a/agree.html`;
  const findings = timeTravelFindings(
    site,
    [listed(moved, "2026-11-18"), listed(agree, "2026-11-10")],
    new Map([
      [moved, article(moved, "2026-10-08", "2026-10-08 09:00")],
      [metaOff, article(metaOff, "2026-11-02", "2026-11-12 08:00")],
      [agree, article(agree, "2026-11-10", "2026-11-10 10:00")],
    ]),
    asOf,
  );
  const mismatches = findings.filter((f) => f.check === "content.date-mismatch");
  assert.deepEqual(mismatches.map((f) => f.url).sort(), [metaOff, moved].sort());
  const movedFinding = mismatches.find((f) => f.url === moved)!;
  assert.match(movedFinding.message, /列表页显示 2026-11-18，正文显示 2026-10-08/);
  assert.equal(movedFinding.evidence.listDate, "2026-11-18");
  assert.match(mismatches.find((f) => f.url === metaOff)!.message, /PubDate 为 2026-11-12/);
});

test("a list that writes no year disagrees with the article only on month and day", () => {
  const sameDay = `${site}/a/same.html`;
  const otherDay = `${site}/a/other.html`;
  const inferred = (url: string, date: string): ListedItem => ({
    ...listed(url, date),
    dateText: date.slice(5),
    yearInferred: true,
  });
  const findings = timeTravelFindings(
    site,
    [inferred(sameDay, "2026-03-18"), inferred(otherDay, "2026-03-18")],
    new Map([
      [sameDay, article(sameDay, "2025-03-18", null)],
      [otherDay, article(otherDay, "2025-03-19", null)],
    ]),
    asOf,
  );
  assert.deepEqual(
    findings.filter((f) => f.check === "content.date-mismatch").map((f) => f.url),
    [otherDay],
  );
});
