import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  availabilityFindings,
  formatPercent,
  national2019Availability,
  seriesBySite,
  summariseAvailability,
  type ProbeSample,
} from "../../src/checks/availability.ts";
import { checkDefinition } from "../../src/checks/catalogue.ts";
import { stampFinding } from "../../src/core/fingerprint.ts";

const SITE = "http://www.example.gov.cn";
const HOME = `${SITE}/`;
const asOf = new Date("2026-11-20T00:00:00+08:00");
const dayMs = 86_400_000;

function probe(at: number, ok = true, extra: Partial<ProbeSample> = {}): ProbeSample {
  return {
    site: SITE,
    url: HOME,
    startedAt: new Date(at).toISOString(),
    ok,
    status: ok ? 200 : 0,
    error: ok ? null : { code: "TIMEOUT", message: "15 秒内未能完整打开首页", detail: null },
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: ok ? 50 : null, totalMs: ok ? 80 : 15_000 },
    deadlineMs: 15_000,
    ...extra,
  };
}

/**
 * `perDay` probes in each of the window's last `days` days (inside the slices, never on their edges),
 * `failures` of them, spread evenly, failed.
 */
function week(perDay: number, failures: number, days = 7): ProbeSample[] {
  const series: ProbeSample[] = [];
  const start = asOf.getTime() - 7 * dayMs;
  for (let day = 7 - days; day < 7; day++) {
    for (let k = 0; k < perDay; k++) {
      series.push(probe(start + day * dayMs + ((k + 0.5) * dayMs) / perDay));
    }
  }
  const step = Math.floor(series.length / Math.max(1, failures));
  for (let i = 0; i < failures; i++) series[i * step] = probe(Date.parse(series[i * step]!.startedAt), false);
  return series;
}

/** n probes evenly over the window, the first `failures` of them failed. */
function spread(n: number, failures: number): ProbeSample[] {
  const start = asOf.getTime() - 7 * dayMs;
  return Array.from({ length: n }, (_, i) => probe(start + ((i + 0.5) * 7 * dayMs) / n, i >= failures));
}

describe("summariseAvailability", () => {
  it("exactly 5 % is a veto (7 of 140), confirmed on a fully covered week", () => {
    const summary = summariseAvailability(week(20, 7), asOf);
    assert.equal(summary.probes, 140);
    assert.equal(summary.failures, 7);
    assert.equal(summary.ratio, 0.05);
    assert.equal(summary.verdict, "veto");
    assert.equal(summary.fullyCovered, true);
    assert.equal(summary.daysCovered, 7);
    assert.deepEqual(summary.daysShort, []);
    const [finding, ...rest] = availabilityFindings(SITE, HOME, summary);
    assert.equal(rest.length, 0);
    assert.equal(finding?.check, "site.availability");
    assert.equal(finding?.severity, "veto");
    assert.equal(finding?.confidence, "confirmed");
    assert.equal(finding?.message, "首页一周监测 140 次，15 秒内未打开 7 次，占 5%，达到单项否决线 5%");
    assert.equal(finding?.indicator, checkDefinition("site.availability").indicator);
  });

  it("the brief's example: 10 of 168 is 5.95 %", () => {
    const summary = summariseAvailability(week(24, 10), asOf);
    const [finding] = availabilityFindings(SITE, HOME, summary);
    assert.equal(finding?.message, "首页一周监测 168 次，15 秒内未打开 10 次，占 5.95%，达到单项否决线 5%");
    assert.equal(finding?.evidence.probes, 168);
    assert.equal(finding?.evidence.failures, 10);
    assert.equal(finding?.evidence.vetoRatio, 0.05);
    assert.equal(finding?.evidence.deadlineMs, 15_000);
    assert.equal(finding?.evidence.windowDays, 7);
    assert.deepEqual(finding?.evidence.window, {
      from: "2026-11-12T16:00:00.000Z",
      to: "2026-11-19T16:00:00.000Z",
    });
    assert.equal((finding?.evidence.failing as unknown[]).length, 10);
  });

  it("4.99 % is below the veto but warns at ≥ 3 %; 3 % warns; 2.99 % is ok", () => {
    const justBelow = summariseAvailability(week(1000, 349), asOf); // 349 / 7000 = 4.9857 %
    assert.equal(justBelow.verdict, "warn");
    const [warning] = availabilityFindings(SITE, HOME, justBelow);
    assert.equal(warning?.severity, "warn");
    assert.match(warning?.message ?? "", /占 4\.98%，达到预警线 3%（否决线 5%）$/);

    const exactly499 = spread(10_000, 499); // 4.99 % exactly
    assert.equal(summariseAvailability(exactly499, asOf).verdict, "warn");
    assert.match(
      availabilityFindings(SITE, HOME, summariseAvailability(exactly499, asOf))[0]!.message,
      /占 4\.99%/,
    );

    assert.equal(summariseAvailability(week(20, 6, 7).slice(0, 140), asOf).verdict, "warn"); // 6 / 140 = 4.29 %
    const three = week(100, 21); // 21 / 700 = 3 % exactly
    assert.equal(summariseAvailability(three, asOf).ratio, 0.03);
    assert.equal(summariseAvailability(three, asOf).verdict, "warn");
    const below = week(1000, 209); // 2.986 %
    assert.equal(summariseAvailability(below, asOf).verdict, "ok");
    assert.deepEqual(availabilityFindings(SITE, HOME, summariseAvailability(below, asOf)), []);
  });

  it("uses only probes within [asOf − 7 days, asOf], both ends included", () => {
    const start = asOf.getTime() - 7 * dayMs;
    const series = [
      probe(start - 1, false),
      probe(start, false),
      probe(start + dayMs),
      probe(asOf.getTime(), false),
      probe(asOf.getTime() + 1, false),
    ];
    const summary = summariseAvailability(series, asOf);
    assert.equal(summary.probes, 3);
    assert.equal(summary.failures, 2);
    assert.equal(summary.firstProbe, new Date(start).toISOString());
    assert.equal(summary.lastProbe, asOf.toISOString());
    assert.equal(summary.days[0]?.probes, 1);
    assert.equal(summary.days[1]?.probes, 1);
    assert.equal(summary.days[6]?.probes, 1, "the time point belongs to the last day");
  });

  it("a partly covered window still gets its ratio, but the verdict is suspected and an info says why", () => {
    const summary = summariseAvailability(week(24, 8, 3), asOf); // 3 days, 8 / 72 = 11 %
    assert.equal(summary.verdict, "veto");
    assert.equal(summary.fullyCovered, false);
    assert.equal(summary.daysCovered, 3);
    assert.equal(summary.daysShort.length, 4);
    const findings = availabilityFindings(SITE, HOME, summary);
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.confidence]),
      [
        ["veto", "suspected"],
        ["info", "suspected"],
      ],
    );
    assert.match(findings[0]!.message, /结论仅供参考/);
    assert.match(findings[1]!.message, /7 天中 3 天有探测，4 天少于 20 次/);
    assert.notEqual(findings[0]!.locator, findings[1]!.locator, "two findings, two fingerprints");
  });

  it("a day short of 20 probes makes the week insufficiently covered", () => {
    const series = week(20, 0);
    series.splice(30, 1); // day 2 now has 19
    const summary = summariseAvailability(series, asOf);
    assert.equal(summary.daysCovered, 7);
    assert.equal(summary.daysShort.length, 1);
    assert.equal(summary.daysShort[0]?.probes, 19);
    assert.equal(summary.verdict, "ok");
    const findings = availabilityFindings(SITE, HOME, summary);
    assert.deepEqual(
      findings.map((finding) => finding.severity),
      ["info"],
    );
    assert.match(findings[0]!.message, /监测不足/);
  });

  it("no probes: insufficient, with an inconclusive info finding", () => {
    const summary = summariseAvailability([], asOf);
    assert.equal(summary.verdict, "insufficient");
    assert.equal(summary.ratio, null);
    assert.equal(summary.site, null);
    const findings = availabilityFindings(SITE, HOME, summary);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, "info");
    assert.equal(findings[0]?.confidence, "inconclusive");
    assert.match(findings[0]!.message, /无监测数据/);
  });

  it("a probe that loaded after more than 15 s fails; a timeout under a shorter deadline only suspects", () => {
    const series = week(20, 0);
    series[0] = probe(Date.parse(series[0]!.startedAt), true, {
      timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 10, totalMs: 16_000 },
      deadlineMs: 30_000,
    });
    series[1] = probe(Date.parse(series[1]!.startedAt), false, { deadlineMs: 5000 });
    const summary = summariseAvailability(series, asOf);
    assert.equal(summary.failures, 2);
    assert.equal(summary.failing[0]?.code, "SLOW");
    assert.equal(summary.shortDeadlineFailures, 1);
    const strict = summariseAvailability(series, asOf, { ...national2019Availability, vetoRatio: 0.01 });
    assert.equal(strict.verdict, "veto");
    assert.equal(availabilityFindings(SITE, HOME, strict)[0]?.confidence, "suspected");
  });

  it("lists at most 20 failing probes, earliest first", () => {
    const summary = summariseAvailability(week(20, 70), asOf);
    assert.equal(summary.failures, 70);
    assert.equal(summary.failing.length, 20);
    assert.ok(summary.failing[0]!.time < summary.failing[19]!.time);
  });

  it("thresholds and window are configurable", () => {
    const policy = { windowDays: 1, deadlineMs: 15_000, vetoRatio: 0.5, warnRatio: 0.25, minProbesPerDay: 2 };
    const series = week(4, 0).slice(-4);
    series[0] = probe(Date.parse(series[0]!.startedAt), false);
    const summary = summariseAvailability(series, asOf, policy);
    assert.equal(summary.verdict, "warn");
    assert.equal(summary.fullyCovered, true);
    assert.match(
      availabilityFindings(SITE, HOME, summary)[0]!.message,
      /^首页 1 天监测 4 次，15 秒内未打开 1 次，占 25%，达到预警线 25%（否决线 50%）$/,
    );
  });

  it("refuses a series that mixes sites; seriesBySite splits one", () => {
    const mixed = [probe(asOf.getTime()), { ...probe(asOf.getTime()), site: "http://www.other.gov.cn" }];
    assert.throws(() => summariseAvailability(mixed, asOf), /mixes sites/);
    const bySite = seriesBySite(mixed);
    assert.deepEqual([...bySite.keys()], [SITE, "http://www.other.gov.cn"]);
  });

  it("the finding's fingerprint does not change with the numbers", () => {
    const a = availabilityFindings(SITE, HOME, summariseAvailability(week(20, 7), asOf))[0]!;
    const b = availabilityFindings(SITE, HOME, summariseAvailability(week(24, 12), asOf))[0]!;
    assert.equal(stampFinding(a, asOf).fingerprint, stampFinding(b, asOf).fingerprint);
  });

  it("formats shares cut to two decimals, never rounded up to a line", () => {
    assert.equal(formatPercent(10, 168), "5.95%");
    assert.equal(formatPercent(7, 140), "5%");
    assert.equal(formatPercent(4996, 100_000), "4.99%");
    assert.equal(formatPercent(1, 3), "33.33%");
    assert.equal(formatPercent(0, 0), "—");
  });
});
