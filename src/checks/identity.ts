/**
 * Identity of a site as its homepage footer states it (INDICATORS.md §5.3–§5.4): 网站标识码, ICP and
 * 公安 filing numbers, 党政机关网站标识, 我为政府网站找错, 主办单位 and contact. Missing elements and
 * disagreeing codes are 19号 扣分 items; the exact shape of filing numbers is practice, so odd shapes
 * warn. Odd values are always reported as they are written, never dropped.
 */
import type { Confidence, FindingDraft, Severity } from "../core/finding.ts";
import type { EntryFact, FooterFacts, FoundValue } from "../parse/footerFacts.ts";
import { checkDefinition } from "./catalogue.ts";
import { readDivision, type IdentityReference } from "./identityReference.ts";

export interface IdentityContext {
  site: string;
  /** The page the facts were read from (the homepage). */
  url: string;
  reference: IdentityReference;
  /** 网站标识码 on record (site configuration `siteIdCode`), when known. */
  registeredSiteIdCode?: string;
}

/** Why a value does not conform. */
export interface Nonconformity {
  /** format: not the required shape; province: no such province; division: prefix not in the list; province-mismatch: abbreviation and digits disagree. */
  problem: "format" | "province" | "division" | "province-mismatch";
  /** Chinese explanation, for the message. */
  reason: string;
  /** A prefix missing from the division list may be a division merged or renamed since: suspected. */
  confidence: Confidence;
}

/** 网站标识码: bm + 8 digits (国务院部门), or a GB/T 2260 division code + a 4-digit serial. */
export function siteIdCodeProblem(value: string, reference: IdentityReference): Nonconformity | null {
  if (/^bm\d{8}$/.test(value)) return null;
  if (!/^\d{10}$/.test(value)) {
    return {
      problem: "format",
      reason: "应为 10 位数字（6 位行政区划代码加 4 位顺序号）或 bm 加 8 位数字",
      confidence: "confirmed",
    };
  }
  return divisionProblem(value.slice(0, 6), reference, "前 6 位");
}

/** ICP 备案号: province abbreviation + ICP备 + digits + 号, optionally -n for one of several sites. */
export function icpProblem(value: string, reference: IdentityReference): Nonconformity | null {
  const m = /^(.)ICP备\d+号(?:-\d+)?$/u.exec(value);
  if (m === null) {
    return {
      problem: "format",
      reason: "应为“省份简称＋ICP备＋数字＋号”，可带“-序号”",
      confidence: "confirmed",
    };
  }
  return reference.provinces.has(m[1]!) ? null : unknownAbbreviation(m[1]!);
}

/** 公安机关备案号: province abbreviation + 公网安备 + 14 digits + 号; the first 6 digits are a division code. */
export function policeFilingProblem(value: string, reference: IdentityReference): Nonconformity | null {
  const m = /^(.)公网安备(\d+)(号?)$/u.exec(value);
  if (m === null || m[2]!.length !== 14 || m[3] === "") {
    const why =
      m === null ? "" : m[2]!.length !== 14 ? `（备案号为 ${m[2]!.length} 位）` : "（末尾缺少“号”）";
    return {
      problem: "format",
      reason: `应为“省份简称＋公网安备＋14 位数字＋号”${why}`,
      confidence: "confirmed",
    };
  }
  const abbreviation = m[1]!;
  const digits = m[2]!;
  const provinceCode = reference.provinces.get(abbreviation);
  if (provinceCode === undefined) return unknownAbbreviation(abbreviation);
  if (!digits.startsWith(provinceCode)) {
    return {
      problem: "province-mismatch",
      reason: `简称“${abbreviation}”对应代码 ${provinceCode}，备案号却以 ${digits.slice(0, 2)} 开头`,
      confidence: "confirmed",
    };
  }
  return divisionProblem(digits.slice(0, 6), reference, "备案号前 6 位");
}

export function identityFindings(facts: FooterFacts, context: IdentityContext): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const emit = (draft: Omit<FindingDraft, "indicator" | "site" | "url">): void => {
    findings.push({
      ...draft,
      indicator: checkDefinition(draft.check).indicator,
      site: context.site,
      url: context.url,
    });
  };
  // Without a footer in the page's own HTML, a frame or script may draw one we cannot see.
  const absence: Confidence = facts.footerSeen ? "confirmed" : "inconclusive";
  const missing = (check: string, what: string): void =>
    emit({
      check,
      locator: `footer:${check.slice("standards.".length)}`,
      message: `首页页尾未发现${what}`,
      evidence: { footerSeen: facts.footerSeen },
      severity: "deduct",
      confidence: absence,
    });

  siteIdCodeFindings(facts, context, emit, absence);

  if (facts.icp.length === 0) missing("standards.icp", "ICP 备案编号");
  for (const icp of facts.icp) {
    nonconforming(emit, "standards.icp", "ICP 备案编号", icp, icpProblem(icp.value, context.reference));
  }

  if (facts.police.length === 0 && facts.policeRecordCodes.length === 0) {
    missing("standards.police-filing", "公安机关备案号（公网安备）");
  }
  for (const police of facts.police) {
    const problem = policeFilingProblem(police.value, context.reference);
    nonconforming(emit, "standards.police-filing", "公安机关备案号", police, problem);
  }

  entryFindings(emit, missing, "standards.conac-badge", "党政机关网站标识", facts.conacBadge);
  entryFindings(emit, missing, "standards.jiucuo-entry", "“我为政府网站找错”入口", facts.jiucuo);

  if (facts.organizer.length === 0) missing("standards.organizer", "主办单位");
  const contact = facts.contact;
  if (contact.phones.length + contact.emails.length + contact.addresses.length + contact.pages.length === 0) {
    missing("standards.contact", "联系方式（电话、电子邮箱、地址或“联系我们”链接）");
  }
  return findings;
}

type Emit = (draft: Omit<FindingDraft, "indicator" | "site" | "url">) => void;

const sourceNames = {
  footer: "页尾",
  jiucuo: "找错入口",
  meta: "SiteIDCode 标签",
  registry: "登记值",
} as const;

function siteIdCodeFindings(
  facts: FooterFacts,
  context: IdentityContext,
  emit: Emit,
  absence: Confidence,
): void {
  const check = "standards.site-id-code";
  const { footer, jiucuo } = facts.siteIdCode;
  // An empty SiteIDCode tag is a missing tag, which the meta-tag check reports.
  const meta = facts.siteIdCode.meta?.value ? [facts.siteIdCode.meta] : [];
  const sources: { source: keyof typeof sourceNames; found: FoundValue }[] = [
    ...footer.map((found) => ({ source: "footer" as const, found })),
    ...jiucuo.map((found) => ({ source: "jiucuo" as const, found })),
    ...meta.map((found) => ({ source: "meta" as const, found })),
  ];
  if (footer.length === 0) {
    const elsewhere = [...jiucuo, ...meta].map((v) => v.raw);
    emit({
      check,
      locator: "footer:site-id-code",
      message:
        elsewhere.length > 0
          ? `首页页尾未显示网站标识码（仅在找错入口或网页标签中见到 ${elsewhere.join("、")}）`
          : "首页页尾未发现网站标识码",
      evidence: { footerSeen: facts.footerSeen, elsewhere },
      severity: "deduct",
      // Whether a code carried only by the 找错 widget counts as shown is a reading of the rule.
      confidence: elsewhere.length > 0 ? "suspected" : absence,
    });
  }
  const checked = new Set<string>();
  for (const { source, found } of sources) {
    if (checked.has(found.value)) continue;
    checked.add(found.value);
    const problem = siteIdCodeProblem(found.value, context.reference);
    // Sources come footer first: a wrong code shown to people or read by the 找错 platform costs
    // points, one only in a meta tag is practice, and an unlisted division may just be outdated data.
    const severity: Severity = source === "meta" || problem?.problem === "division" ? "warn" : "deduct";
    nonconforming(emit, check, `网站标识码（${sourceNames[source]}）`, found, problem, severity);
  }

  const stated = sources.map(({ source, found }) => ({
    source: sourceNames[source],
    value: found.value,
    at: found.locator,
  }));
  if (context.registeredSiteIdCode !== undefined && sources.length > 0) {
    stated.push({ source: sourceNames.registry, value: context.registeredSiteIdCode, at: "site-config" });
  }
  if (new Set(stated.map((s) => s.value)).size > 1) {
    const values = stated.map((s) => `${s.source} ${s.value}`).join("；");
    emit({
      check: "standards.site-id-code-mismatch",
      locator: "footer:site-id-code",
      message: `网站标识码不一致：${values}`,
      evidence: { stated, values },
      identity: ["values"],
      severity: "deduct",
      confidence: "confirmed",
    });
  }
}

function nonconforming(
  emit: Emit,
  check: string,
  what: string,
  value: FoundValue,
  problem: Nonconformity | null,
  severity: Severity = problem?.problem === "division" ? "info" : "warn",
): void {
  if (problem === null) return;
  emit({
    check,
    locator: `footer:${check.slice("standards.".length)}`,
    message: `${what}“${value.raw}”不规范：${problem.reason}`,
    evidence: { value: value.value, raw: value.raw, at: value.locator, problem: problem.problem },
    identity: ["value"],
    severity,
    confidence: problem.confidence,
  });
}

function entryFindings(
  emit: Emit,
  missing: (check: string, what: string) => void,
  check: string,
  what: string,
  entry: EntryFact,
): void {
  if (!entry.present) missing(check, what);
  else if (entry.hidden) {
    emit({
      check,
      locator: `footer:${check.slice("standards.".length)}`,
      message: `首页的${what}被隐藏，访问者看不到`,
      evidence: { forms: entry.forms, found: entry.evidence },
      severity: "deduct",
      confidence: "suspected",
    });
  }
}

function divisionProblem(code6: string, reference: IdentityReference, part: string): Nonconformity | null {
  const division = readDivision(code6, reference);
  if (division.status === "known") return null;
  if (division.status === "unknown") {
    return {
      problem: "division",
      reason: `${part} ${code6} 不在行政区划代码表中（${division.province}下的区划可能已撤并、更名或为新设）`,
      confidence: "suspected",
    };
  }
  return {
    problem: "province",
    reason: `${part} ${code6} 的前两位 ${code6.slice(0, 2)} 不是省级行政区划代码`,
    confidence: "confirmed",
  };
}

function unknownAbbreviation(abbreviation: string): Nonconformity {
  return { problem: "province", reason: `“${abbreviation}”不是省份简称`, confidence: "confirmed" };
}
