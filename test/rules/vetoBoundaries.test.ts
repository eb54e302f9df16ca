/**
 * Every veto line, on findings the checks themselves produce at both sides of the line: the check
 * measures and the engine decides, so a check or a rule set drifting off the official line fails here.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  availabilityFindings,
  summariseAvailability,
  type ProbeSample,
} from "../../src/checks/availability.ts";
import { columnFreshnessFindings, national2019ColumnFreshness } from "../../src/checks/freshness.ts";
import {
  assessHomepage,
  homepageFreshnessFindings,
  national2019HomepageFreshness,
} from "../../src/checks/homepageFreshness.ts";
import { MessageCollector } from "../../src/checks/interaction.ts";
import { addDays, chinaDay } from "../../src/core/chinaDate.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { asOf, score, site, stamp } from "./helpers.ts";

/** n probes spread evenly over the week before the time point, the first `failures` of them failed. */
function probes(n: number, failures: number): ProbeSample[] {
  const week = 7 * 86_400_000;
  return Array.from({ length: n }, (_, index) => ({
    site,
    url: `${site}/`,
    startedAt: new Date(asOf.getTime() - week + ((index + 0.5) * week) / n).toISOString(),
    ok: index >= failures,
    status: index >= failures ? 200 : 0,
    error: index >= failures ? null : { code: "TIMEOUT", message: "超时" },
    timings: { totalMs: index >= failures ? 800 : 15_000 },
    deadlineMs: 15_000,
  })) as ProbeSample[];
}

function availability(n: number, failures: number) {
  const summary = summariseAvailability(probes(n, failures), asOf);
  return score(stamp(availabilityFindings(site, `${site}/`, summary)), { kind: "department" });
}

test("availability: 5 % of a week's probes vetoes, 4.99 % only warns", () => {
  const veto = availability(400, 20);
  assert.equal(veto.verdict, "fail");
  assert.deepEqual(
    veto.vetoes.map((item) => item.item),
    ["veto.site-unreachable"],
  );
  assert.match(veto.reasons[0]!, /^单项否决：站点无法访问——.*占 5%，达到单项否决线 5%/);

  const below = availability(401, 20); // 4.98 %
  assert.equal(below.verdict, "pass");
  assert.deepEqual(
    below.warnings.map((item) => item.item),
    ["warn.availability"],
  );
  assert.equal(availability(400, 11).warnings.length, 0, "2.75 % is under the 3 % warning line");
});

function homepage(daysOld: number) {
  const today = chinaDay(asOf);
  const dates = {
    url: `${site}/`,
    newest: {
      title: "要闻",
      url: `${site}/a.html`,
      date: addDays(today, -daysOld),
      dateText: null,
      yearInferred: false,
    },
    itemRows: 10,
    datedRows: 10,
    navigationOnly: false,
  };
  const result = assessHomepage(dates, [], asOf, national2019HomepageFreshness);
  return score(stamp(homepageFreshnessFindings(site, dates, result, national2019HomepageFreshness)));
}

test("homepage: an item 14 days old is inside the 2 weeks (warning), 15 days old vetoes", () => {
  // The check's window includes its first day (time point − 14 days), so the line falls between 14 and 15.
  const inside = homepage(14);
  assert.equal(inside.verdict, "pass");
  assert.deepEqual(
    inside.warnings.map((item) => item.item),
    ["warn.homepage-stale"],
  );
  const outside = homepage(15);
  assert.equal(outside.verdict, "fail");
  assert.equal(outside.score, null);
  assert.equal(outside.deductionScore, null, "scoring stops after a veto");
  assert.equal(homepage(10).warnings.length, 0, "10 days is not yet past the 10-day warning line");
});

function columns(keyStale: number, stale: number, blank: number) {
  const totals = {
    columns: 40,
    read: 40,
    keyStale,
    stale,
    blank,
    veto: national2019ColumnFreshness.veto,
    warn: national2019ColumnFreshness.warn,
  };
  return score(stamp(columnFreshnessFindings(site, [], [], totals)));
}

test("columns: 5 key columns, 10 stale or 5 blank veto; one fewer only warns", () => {
  for (const [below, at] of [
    [columns(4, 4, 0), columns(5, 5, 0)],
    [columns(0, 9, 0), columns(0, 10, 0)],
    [columns(0, 0, 4), columns(0, 0, 5)],
  ] as const) {
    assert.equal(below.verdict, "pass");
    assert.deepEqual(
      below.warnings.map((item) => item.item),
      ["warn.columns"],
    );
    assert.equal(at.verdict, "fail");
    assert.equal(at.vetoes[0]!.item, "veto.column-stale");
    assert.match(at.reasons[0]!, /^单项否决：栏目不更新——.*达到单项否决线/);
  }
});

function letters(asked: string) {
  const collector = new MessageCollector(site);
  const html =
    `<title>来信_示范市</title><div><a href="/hdjl/szxx/">市长信箱</a></div>` +
    `<table><tr><th>留言时间</th><td>${asked}</td></tr><tr><th>留言内容</th><td>问题</td></tr>` +
    `<tr><th>办理状态</th><td>待回复</td></tr></table>`;
  const url = `${site}/hdjl/szxx/1.html`;
  collector.add(parsePage(html, url), html);
  return score(stamp(collector.findings(asOf)), { kind: "department" });
}

test("letters: unanswered exactly 3 months passes, 3 months and a day vetoes", () => {
  assert.equal(letters("2026-08-20 09:00").verdict, "pass");
  const late = letters("2026-08-19 09:00");
  assert.equal(late.verdict, "fail");
  assert.equal(late.vetoes[0]!.item, "veto.interaction");
  assert.match(late.reasons[0]!, /^单项否决：互动回应差——留言超过 3 个月未回应/);
});
