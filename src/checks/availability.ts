import type { FindingDraft } from "../core/finding.ts";
import type { ProbeRecord } from "../fetch/probe.ts";
import { checkDefinition } from "./catalogue.ts";

/**
 * The availability veto (INDICATORS.md V2, §9.1): over a week of probes, at least 20 a day, the
 * share of probes that did not open the homepage within 15 s vetoes at ≥ 5 % and warns at ≥ 3 %
 * (practice). Pure: the probe series is gathered by `zhijian probe` and judged here.
 */

export interface AvailabilityPolicy {
  windowDays: number;
  /** A probe that took longer than this counts as failed, even if it ran under a longer deadline. */
  deadlineMs: number;
  vetoRatio: number;
  warnRatio: number;
  minProbesPerDay: number;
}

/** 国办秘函〔2019〕19号 V2, with the 3 % early warning of monitoring practice. */
export const national2019Availability: AvailabilityPolicy = {
  windowDays: 7,
  deadlineMs: 15_000,
  vetoRatio: 0.05,
  warnRatio: 0.03,
  minProbesPerDay: 20,
};

/** The fields of a probe record the judgement reads. */
export type ProbeSample = Pick<
  ProbeRecord,
  "site" | "url" | "startedAt" | "ok" | "status" | "error" | "timings" | "deadlineMs"
>;

export type AvailabilityVerdict = "veto" | "warn" | "ok" | "insufficient";

export const availabilityVerdictNames: Record<AvailabilityVerdict, string> = {
  veto: "单项否决",
  warn: "预警",
  ok: "正常",
  insufficient: "无探测数据",
};

/** A 24-hour slice of the window, counted back from the time point. */
export interface AvailabilityDay {
  from: string;
  to: string;
  probes: number;
  failures: number;
}

export interface FailedProbe {
  time: string;
  url: string;
  status: number;
  /** Error code, or HTTP_STATUS, or SLOW for a probe that loaded but after the policy's deadline. */
  code: string;
  message: string;
  totalMs: number;
}

export interface AvailabilitySummary {
  site: string | null;
  asOf: string;
  window: { from: string; to: string };
  policy: AvailabilityPolicy;
  probes: number;
  failures: number;
  /** failures / probes; null without probes. */
  ratio: number | null;
  firstProbe: string | null;
  lastProbe: string | null;
  /** Slices of the window with at least one probe. */
  daysCovered: number;
  /** Slices with fewer than minProbesPerDay probes (including none). */
  daysShort: AvailabilityDay[];
  /** Every slice has at least minProbesPerDay probes: the rule's full monitoring. */
  fullyCovered: boolean;
  /**
   * Failures that were timeouts under a deadline shorter than the policy's: the site might have
   * opened within the policy's time, so they are counted but the verdict is only suspected.
   */
  shortDeadlineFailures: number;
  verdict: AvailabilityVerdict;
  /** The earliest failures, at most 20. */
  failing: FailedProbe[];
  days: AvailabilityDay[];
}

const dayMs = 86_400_000;
const failingShown = 20;

/**
 * Judges one site's series at `asOf`: only probes started within [asOf − windowDays, asOf] count.
 * A partly covered window still gets its ratio and verdict; `fullyCovered` and `daysShort` say how
 * far to trust it. The series must be one site's (see seriesBySite).
 */
export function summariseAvailability(
  series: readonly ProbeSample[],
  asOf: Date,
  policy: AvailabilityPolicy = national2019Availability,
): AvailabilitySummary {
  const sites = new Set(series.map((probe) => probe.site));
  if (sites.size > 1) throw new RangeError(`series mixes sites: ${[...sites].join(", ")}`);
  const end = asOf.getTime();
  const start = end - policy.windowDays * dayMs;
  const inWindow = series
    .map((probe) => ({ probe, at: Date.parse(probe.startedAt) }))
    .filter(({ at }) => at >= start && at <= end)
    .sort((a, b) => a.at - b.at);

  const days: AvailabilityDay[] = [];
  for (let index = 0; index < policy.windowDays; index++) {
    const from = start + index * dayMs;
    days.push({
      from: new Date(from).toISOString(),
      to: new Date(from + dayMs).toISOString(),
      probes: 0,
      failures: 0,
    });
  }
  const failing: FailedProbe[] = [];
  let failures = 0;
  let shortDeadlineFailures = 0;
  for (const { probe, at } of inWindow) {
    // The time point itself belongs to the last slice.
    const day = days[Math.min(Math.floor((at - start) / dayMs), days.length - 1)];
    if (day) day.probes++;
    const failure = failureOf(probe, policy);
    if (!failure) continue;
    failures++;
    if (day) day.failures++;
    if (failure.code === "TIMEOUT" && probe.deadlineMs < policy.deadlineMs) shortDeadlineFailures++;
    if (failing.length < failingShown) failing.push({ time: probe.startedAt, url: probe.url, ...failure });
  }

  const probes = inWindow.length;
  const ratio = probes === 0 ? null : failures / probes;
  const daysShort = days.filter((day) => day.probes < policy.minProbesPerDay);
  return {
    site: inWindow[0]?.probe.site ?? series[0]?.site ?? null,
    asOf: asOf.toISOString(),
    window: { from: new Date(start).toISOString(), to: asOf.toISOString() },
    policy: { ...policy },
    probes,
    failures,
    ratio,
    firstProbe: inWindow[0]?.probe.startedAt ?? null,
    lastProbe: inWindow.at(-1)?.probe.startedAt ?? null,
    daysCovered: days.filter((day) => day.probes > 0).length,
    daysShort,
    fullyCovered: daysShort.length === 0,
    shortDeadlineFailures,
    verdict: verdictOf(failures, probes, policy),
    failing,
    days,
  };
}

/** Groups a mixed series (e.g. one file for many sites) by site, in first-seen order. */
export function seriesBySite<T extends Pick<ProbeSample, "site">>(series: readonly T[]): Map<string, T[]> {
  const bySite = new Map<string, T[]>();
  for (const probe of series) {
    const list = bySite.get(probe.site);
    if (list) list.push(probe);
    else bySite.set(probe.site, [probe]);
  }
  return bySite;
}

/**
 * Ratios are compared as divisions, never as failures ≥ ratio·probes: 0.05·140 is 7.000000000000001
 * in floating point, which would let exactly 5 % (7 of 140) escape the veto.
 */
function verdictOf(failures: number, probes: number, policy: AvailabilityPolicy): AvailabilityVerdict {
  if (probes === 0) return "insufficient";
  const ratio = failures / probes;
  if (ratio >= policy.vetoRatio) return "veto";
  if (ratio >= policy.warnRatio) return "warn";
  return "ok";
}

function failureOf(probe: ProbeSample, policy: AvailabilityPolicy): Omit<FailedProbe, "time" | "url"> | null {
  const totalMs = probe.timings.totalMs;
  if (!probe.ok) {
    return {
      status: probe.status,
      code: probe.error?.code ?? "HTTP_STATUS",
      message: probe.error?.message ?? `HTTP ${probe.status}`,
      totalMs,
    };
  }
  if (totalMs > policy.deadlineMs) {
    return {
      status: probe.status,
      code: "SLOW",
      message: `打开用时 ${(totalMs / 1000).toFixed(1)} 秒，超过 ${policy.deadlineMs / 1000} 秒`,
      totalMs,
    };
  }
  return null;
}

/**
 * The finding for the site: veto at ≥ vetoRatio, warn at ≥ warnRatio, confirmed only when the whole
 * window was monitored at the required density; plus an info finding whenever monitoring falls short
 * of the rule, so a missing veto is not mistaken for a clean week.
 */
export function availabilityFindings(
  site: string,
  homepageUrl: string,
  summary: AvailabilitySummary,
): FindingDraft[] {
  const definition = checkDefinition("site.availability");
  const policy = summary.policy;
  const confidence = summary.fullyCovered && summary.shortDeadlineFailures === 0 ? "confirmed" : "suspected";
  const evidence = evidenceOf(summary);
  const findings: FindingDraft[] = [];
  const base = { check: definition.id, indicator: definition.indicator, site, url: homepageUrl };
  const period = describePeriod(policy.windowDays);
  const seconds = `${policy.deadlineMs / 1000} 秒`;
  const counted =
    `首页${period}监测 ${summary.probes} 次，${seconds}内未打开 ${summary.failures} 次，` +
    `占 ${formatPercent(summary.failures, summary.probes)}`;
  const caveat = summary.fullyCovered ? "" : `（${coverageText(summary)}，结论仅供参考）`;

  if (summary.verdict === "veto") {
    findings.push({
      ...base,
      locator: "homepage/availability",
      message: `${counted}，达到单项否决线 ${formatRatio(policy.vetoRatio)}${caveat}`,
      evidence,
      severity: "veto",
      confidence,
    });
  } else if (summary.verdict === "warn") {
    findings.push({
      ...base,
      locator: "homepage/availability",
      message: `${counted}，达到预警线 ${formatRatio(policy.warnRatio)}（否决线 ${formatRatio(policy.vetoRatio)}）${caveat}`,
      evidence,
      severity: "warn",
      confidence,
    });
  }
  if (!summary.fullyCovered) {
    const message =
      summary.probes === 0
        ? `首页可用性无监测数据：近${period}内没有探测记录（用 zhijian probe 每天至少探测 ${policy.minProbesPerDay} 次）`
        : `首页可用性监测不足：${coverageText(summary)}，不足以按“${period.trim()}、每天 ${policy.minProbesPerDay} 次以上”判定` +
          (summary.verdict === "ok" ? `（已有 ${summary.probes} 次中未打开 ${summary.failures} 次）` : "");
    findings.push({
      ...base,
      locator: "homepage/availability-coverage",
      message,
      evidence,
      severity: "info",
      confidence: summary.probes === 0 ? "inconclusive" : "suspected",
    });
  }
  return findings;
}

function evidenceOf(summary: AvailabilitySummary): Record<string, unknown> {
  return {
    probes: summary.probes,
    failures: summary.failures,
    ratio: summary.ratio,
    vetoRatio: summary.policy.vetoRatio,
    warnRatio: summary.policy.warnRatio,
    deadlineMs: summary.policy.deadlineMs,
    minProbesPerDay: summary.policy.minProbesPerDay,
    windowDays: summary.policy.windowDays,
    window: summary.window,
    asOf: summary.asOf,
    firstProbe: summary.firstProbe,
    lastProbe: summary.lastProbe,
    daysCovered: summary.daysCovered,
    daysShort: summary.daysShort.map((day) => ({ from: day.from, probes: day.probes })),
    fullyCovered: summary.fullyCovered,
    shortDeadlineFailures: summary.shortDeadlineFailures,
    verdict: summary.verdict,
    failing: summary.failing,
  };
}

function coverageText(summary: AvailabilitySummary): string {
  const { windowDays, minProbesPerDay } = summary.policy;
  return `${windowDays} 天中 ${summary.daysCovered} 天有探测，${summary.daysShort.length} 天少于 ${minProbesPerDay} 次`;
}

/** "一周", or " 3 天" (spaced from the Chinese text before it, as numbers are). */
function describePeriod(days: number): string {
  return days === 7 ? "一周" : ` ${days} 天`;
}

/**
 * Two decimals, cut rather than rounded, so a share below a line is never shown as reaching it
 * (4.996 % must not read "5%"); integer arithmetic avoids floating-point artefacts.
 */
export function formatPercent(failures: number, probes: number): string {
  if (probes === 0) return "—";
  const hundredths = Math.floor((failures * 10_000) / probes);
  return `${trimZeros(hundredths / 100)}%`;
}

function formatRatio(ratio: number): string {
  return `${trimZeros(Math.round(ratio * 10_000) / 100)}%`;
}

function trimZeros(value: number): string {
  return value.toFixed(2).replace(/\.?0+$/, "");
}
