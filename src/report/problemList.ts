/**
 * The 问题清单 (problem list) of an inspection: per site its facts, the verdict and score the rule set
 * gave, and every problem numbered with what to fix. The Word and Excel exports lay out this one
 * model, so both say the same thing in the same order. Pure: a function of the report and results.
 */
import { checkCatalogue } from "../checks/catalogue.ts";
import type { Confidence, Finding, Severity } from "../core/finding.ts";
import type { FindingRef, ItemResult, PointsResult, SiteResult } from "../rules/result.ts";
import { evidenceLine } from "./evidence.ts";
import { remedyFor } from "./remedies.ts";
import { severityOrder, type InspectionReport, type SiteReport } from "./schema.ts";

export interface ProblemListOptions {
  /** List info findings (提示) as well; they are not problems to fix, so off by default. */
  includeInfo?: boolean;
}

export interface Problem {
  /** 序号, from 1 within the site. */
  no: number;
  /** The group it is listed in: the finding's severity, raised to the strongest rule item citing it. */
  severity: Severity;
  confidence: Confidence;
  check: string;
  /** The title of the rule item (veto, deduction, warning) citing the finding, else the check's title. */
  title: string;
  indicator: string;
  description: string;
  url: string;
  evidence: string;
  remedy: string;
  fingerprint: string;
}

/** A rule item of the result, pointing at the problems (by 序号) it cites. */
export interface ListedItem {
  title: string;
  indicator: string;
  reason: string;
  /** Points deducted or awarded; absent for vetoes and warnings. */
  points?: number;
  problems: number[];
}

export interface SiteProblemList {
  site: string;
  name: string;
  homepage: string;
  siteIdCode: string | null;
  organizer: string | null;
  /** 检查时间点 in Beijing time, e.g. "2026年11月20日 00:00". */
  asOf: string;
  ruleSet: string;
  passed: boolean;
  /** "合格" or "不合格". */
  verdict: string;
  score: number | null;
  /** Sum of the deduction items' points. */
  deducted: number;
  bonus: number;
  vetoes: ListedItem[];
  deductions: ListedItem[];
  bonuses: ListedItem[];
  warnings: ListedItem[];
  problems: Problem[];
  /** Problems listed per group (severity). */
  counts: Record<Severity, number>;
}

export interface ProblemList {
  asOf: string;
  generatedAt: string;
  /** The groups listed, in order (info only when asked for). */
  groups: Severity[];
  sites: SiteProblemList[];
}

const catalogue = new Map(checkCatalogue.map((check) => [check.id, check]));
const rank = (severity: Severity) => severityOrder.indexOf(severity);

/** One list per site of the report, each with its result (matched by site key; every site needs one). */
export function problemList(
  report: InspectionReport,
  results: readonly SiteResult[],
  options: ProblemListOptions = {},
): ProblemList {
  const bySite = new Map(results.map((result) => [result.site, result]));
  const groups = severityOrder.filter((severity) => severity !== "info" || options.includeInfo);
  const sites = report.sites.map((site) => {
    const result = bySite.get(site.site);
    if (!result) throw new Error(`没有网站 ${site.site} 的评分结果，无法生成问题清单`);
    return siteProblemList(site, result, groups);
  });
  return { asOf: chinaDateTime(report.asOf), generatedAt: chinaDateTime(report.generatedAt), groups, sites };
}

function siteProblemList(site: SiteReport, result: SiteResult, groups: readonly Severity[]): SiteProblemList {
  const problems = listProblems(site, result, groups);
  const numbers = new Map(problems.map((problem) => [problem.fingerprint, problem.no]));
  const listed = (item: ItemResult | PointsResult): ListedItem => ({
    title: item.title,
    indicator: item.indicator,
    reason: item.reason,
    ...("points" in item ? { points: item.points } : {}),
    problems: item.findings.flatMap((ref) => numbers.get(ref.fingerprint) ?? []),
  });
  const facts = site.facts;
  const footer = facts.standards?.footer;
  const code =
    footer && (footer.siteIdCode.footer[0] ?? footer.siteIdCode.jiucuo[0] ?? footer.siteIdCode.meta);
  const counts = { veto: 0, deduct: 0, warn: 0, info: 0 };
  for (const problem of problems) counts[problem.severity]++;
  const ruleSet = result.ruleSet;
  return {
    site: site.site,
    name: result.siteName || facts.meta.SiteName || facts.title || site.site,
    homepage: facts.homepage,
    siteIdCode: code?.value || facts.meta.SiteIDCode || null,
    organizer: footer?.organizer[0]?.value ?? null,
    asOf: chinaDateTime(result.asOf),
    ruleSet: `${ruleSet.title}（${ruleSet.id}，版本 ${ruleSet.version}${ruleSet.provisional ? "，部分分值暂定" : ""}）`,
    passed: result.verdict === "pass",
    verdict: result.verdictName,
    score: result.score,
    deducted: result.deductions.reduce((sum, item) => sum + item.points, 0),
    bonus: result.bonusScore,
    vetoes: result.vetoes.map(listed),
    deductions: result.deductions.map(listed),
    bonuses: result.bonus.map(listed),
    warnings: result.warnings.map(listed),
    problems,
    counts,
  };
}

/**
 * The site's findings plus any the result cites that the report lacks (manual findings), grouped
 * by severity; within a group, those a rule item cites come first, in the items' order, so the
 * findings behind one item stand together.
 */
function listProblems(site: SiteReport, result: SiteResult, groups: readonly Severity[]): Problem[] {
  const citing = new Map<string, { severity: Severity; item: ItemResult; order: number }>();
  const roles: [Severity, readonly ItemResult[]][] = [
    ["veto", result.vetoes],
    ["deduct", result.deductions],
    ["warn", result.warnings],
  ];
  const cited: FindingRef[] = [];
  let order = 0;
  for (const [severity, items] of roles) {
    for (const item of items) {
      for (const ref of item.findings) {
        if (!citing.has(ref.fingerprint)) citing.set(ref.fingerprint, { severity, item, order });
        cited.push(ref);
      }
      order++;
    }
  }
  const known = new Set(site.findings.map((finding) => finding.fingerprint));
  const manual = cited
    .filter((ref) => !known.has(ref.fingerprint))
    .map((ref) => manualFinding(ref, site.site));
  const findings = [...site.findings, ...distinctByFingerprint(manual)].map((finding, index) => {
    const cite = citing.get(finding.fingerprint);
    const severity = cite && rank(cite.severity) < rank(finding.severity) ? cite.severity : finding.severity;
    return { finding, severity, cite, index };
  });
  return findings
    .filter((entry) => groups.includes(entry.severity))
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) ||
        (a.cite?.order ?? Infinity) - (b.cite?.order ?? Infinity) ||
        a.index - b.index,
    )
    .map(({ finding, severity, cite }, index) => {
      const definition = catalogue.get(finding.check);
      return {
        no: index + 1,
        severity,
        confidence: finding.confidence,
        check: finding.check,
        title: cite?.item.title ?? definition?.title ?? finding.check,
        indicator: cite?.item.indicator ?? finding.indicator ?? definition?.indicator ?? "",
        description: finding.message,
        url: finding.url,
        evidence: evidenceLine(finding) || (finding.evidence.manual ? "检查人员录入" : ""),
        remedy: remedyFor(finding.check),
        fingerprint: finding.fingerprint,
      };
    });
}

/** A finding an inspector entered: the result cites it, the crawl's report does not have it. */
function manualFinding(ref: FindingRef, site: string): Finding {
  return {
    check: ref.check,
    site,
    url: ref.url,
    locator: "",
    message: ref.message,
    evidence: { manual: ref.manual },
    severity: ref.severity,
    confidence: ref.confidence,
    fingerprint: ref.fingerprint,
    firstSeen: "",
    lastSeen: "",
  };
}

function distinctByFingerprint(findings: Finding[]): Finding[] {
  return [...new Map(findings.map((finding) => [finding.fingerprint, finding])).values()];
}

/** "2026年11月20日 00:00" in Beijing time (UTC+8, no daylight saving). */
export function chinaDateTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 4)}年${shifted.slice(5, 7)}月${shifted.slice(8, 10)}日 ${shifted.slice(11, 16)}`;
}
