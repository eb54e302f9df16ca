/**
 * 政策解读 (19号 扣分·解读回应, practice): the site has a 解读 column; each interpretation and its
 * policy document link to each other both ways (株洲 2022Q4: 「解读稿未与政策原文做好双向关联」); the
 * interpretation does not copy the policy's text (照抄照搬); it comes out with the policy (辽宁:
 * 「应同步发布」). Works on the small records the crawl keeps (src/inspect/policyPairs.ts), never on pages.
 */
import { daysBetween } from "../core/chinaDate.ts";
import type { FindingDraft } from "../core/finding.ts";
import type { SiteColumn } from "./columnModel.ts";

/** What the crawl keeps of one policy document or interpretation page. */
export interface PolicyDocRecord {
  kind: "policy" | "interpretation";
  url: string;
  /** urlId of the page's final URL and of the URL it was requested as. */
  ids: number[];
  title: string;
  /** "YYYY-MM-DD" of the displayed 发布时间 and of the PubDate meta; null when absent. */
  displayed: string | null;
  meta: string | null;
  /** urlIds of the page's in-site article links (capped). */
  links: number[];
  /** An interpretation: the document it names (《…》 or its title without 解读/图解); a policy: its 《…》. */
  named: string | null;
  /** An interpretation has a link reading 政策原文/全文 or naming its document, wherever it points. */
  linksOriginal: boolean;
  /** Bottom-k sketch of the body text's character shingles, ascending; see textSketch. */
  sketch: Uint32Array;
  /** Distinct shingles of the body text. */
  shingles: number;
}

export interface InterpretationPolicy {
  /**
   * Share of the interpretation's text found in the policy's (containment, estimated from sketches)
   * from which it counts as 照抄照搬. Containment rather than Jaccard: an interpretation that copies one
   * chapter of a long policy has a low Jaccard but is still a copy. Measured in
   * test/services/policyInterpretation.test.ts: unrelated and paraphrased readings stay below 0.35.
   */
  copiedContainment: number;
  /** Interpretations shorter than this (in distinct shingles) are captions of a 一图读懂: not judged. */
  minShingles: number;
  /** Days after the policy's date from which an interpretation is late (practice, no national figure). */
  lateDays: number;
  /** A target linked from more records than this is a template's side list, not a specific link. */
  maxLinkers: number;
}

export const defaultInterpretationPolicy: InterpretationPolicy = {
  copiedContainment: 0.8,
  minShingles: 40,
  lateDays: 3,
  maxLinkers: 10,
};

export type InterpretationColumn = Pick<SiteColumn, "name" | "url" | "type" | "state">;

export interface InterpretationInput {
  homepageUrl: string;
  columns: readonly InterpretationColumn[];
  records: readonly PolicyDocRecord[];
  /** Records not kept because the collector's cap was reached. */
  dropped: { policies: number; interpretations: number };
}

export interface InterpretationPair {
  interpretation: PolicyDocRecord;
  policy: PolicyDocRecord;
  toPolicy: boolean;
  toInterpretation: boolean;
  /** Matched by the document name, not (only) by links. */
  byName: boolean;
}

export interface InterpretationSummary {
  policies: number;
  interpretations: number;
  pairs: number;
  bothWays: number;
  oneWay: number;
  nameOnly: number;
  unmatched: number;
  copied: number;
  late: number;
  dropped: { policies: number; interpretations: number };
}

const indicator = "19号·扣分·解读回应（政策解读）";

export function interpretationFindings(
  site: string,
  input: InterpretationInput,
  policy = defaultInterpretationPolicy,
): { findings: FindingDraft[]; summary: InterpretationSummary } {
  const findings: FindingDraft[] = [];
  const policies = input.records.filter((record) => record.kind === "policy");
  const interpretations = input.records.filter((record) => record.kind === "interpretation");
  const hasColumn = input.columns.some(
    (column) => column.type === "INTERPRETATION" || /解读/u.test(column.name),
  );
  const hasPolicyColumn = input.columns.some((column) => column.type === "POLICY");
  if (!hasColumn && (hasPolicyColumn || policies.length > 0)) {
    findings.push({
      check: "interpretation.column-missing",
      indicator,
      site,
      url: input.homepageUrl,
      locator: "site",
      message: "网站发布政策文件，但没有政策解读栏目",
      evidence: {
        policies: policies.length + input.dropped.policies,
        interpretations: interpretations.length,
      },
      severity: "deduct",
      confidence: "confirmed",
    });
  }
  const pairs = pairInterpretations(input.records, policy);
  const paired = new Set(pairs.map((pair) => pair.interpretation));
  let copied = 0;
  let late = 0;
  for (const pair of pairs) {
    findings.push(...linkFindings(site, pair));
    const copy = copiedFinding(site, pair, policy);
    if (copy) {
      findings.push(copy);
      copied += 1;
    }
    const lateOne = lateFinding(site, pair, policy);
    if (lateOne) {
      findings.push(lateOne);
      late += 1;
    }
  }
  // With policies dropped at the cap, an interpretation's policy may simply not have been kept.
  // Only one that names its document is judged: without a name there is nothing to look for.
  const unmatched = interpretations.filter(
    (record) => !paired.has(record) && !record.linksOriginal && record.named !== null,
  );
  if (input.dropped.policies === 0) {
    for (const record of unmatched) {
      findings.push({
        check: "interpretation.link-missing",
        indicator,
        site,
        url: record.url,
        locator: "解读关联",
        message: `解读“${record.title}”未链接政策原文，站内也未找到《${record.named}》`,
        evidence: {
          interpretation: record.url,
          title: record.title,
          named: record.named,
          policy: null,
          missing: ["解读→原文"],
        },
        severity: "warn",
        confidence: "suspected",
      });
    }
  }
  return {
    findings,
    summary: {
      policies: policies.length,
      interpretations: interpretations.length,
      pairs: pairs.length,
      bothWays: pairs.filter((pair) => pair.toPolicy && pair.toInterpretation).length,
      oneWay: pairs.filter((pair) => pair.toPolicy !== pair.toInterpretation).length,
      nameOnly: pairs.filter((pair) => !pair.toPolicy && !pair.toInterpretation).length,
      unmatched: unmatched.length,
      copied,
      late,
      dropped: input.dropped,
    },
  };
}

/**
 * Each interpretation with the one policy it belongs to: the policy it links to or that links to it,
 * the one its named document matches, best by links both ways, then one way, then by name.
 */
export function pairInterpretations(
  records: readonly PolicyDocRecord[],
  policy = defaultInterpretationPolicy,
): InterpretationPair[] {
  const linkers = new Map<number, number>();
  for (const record of records)
    for (const id of new Set(record.links)) linkers.set(id, (linkers.get(id) ?? 0) + 1);
  const specific = (record: PolicyDocRecord): Set<number> =>
    new Set(record.links.filter((id) => (linkers.get(id) ?? 0) <= policy.maxLinkers));
  const policies = records.filter((record) => record.kind === "policy");
  const policyLinks = new Map(policies.map((record) => [record, specific(record)]));
  const pairs: InterpretationPair[] = [];
  for (const interpretation of records) {
    if (interpretation.kind !== "interpretation") continue;
    const links = specific(interpretation);
    let best: InterpretationPair | null = null;
    let bestScore = 0;
    for (const candidate of policies) {
      const toPolicy = candidate.ids.some((id) => links.has(id));
      const toInterpretation = interpretation.ids.some((id) => policyLinks.get(candidate)!.has(id));
      const byName = namesMatch(interpretation.named, candidate);
      const score = 2 * Number(toPolicy) + 2 * Number(toInterpretation) + Number(byName);
      if (score > bestScore) {
        best = { interpretation, policy: candidate, toPolicy, toInterpretation, byName };
        bestScore = score;
      }
    }
    if (best) pairs.push(best);
  }
  return pairs;
}

const minNameChars = 6;

function namesMatch(named: string | null, policy: PolicyDocRecord): boolean {
  if (named === null || named.length < minNameChars) return false;
  const name = compact(named);
  return compact(policy.title).includes(name) || (policy.named !== null && compact(policy.named) === name);
}

function compact(text: string): string {
  return text.replace(/[\s\u3000《》“”"]/gu, "");
}

function linkFindings(site: string, pair: InterpretationPair): FindingDraft[] {
  const { interpretation: i, policy: p } = pair;
  if (pair.toPolicy && pair.toInterpretation) return [];
  const missing = [...(pair.toPolicy ? [] : ["解读→原文"]), ...(pair.toInterpretation ? [] : ["原文→解读"])];
  const message =
    !pair.toPolicy && !pair.toInterpretation
      ? `解读“${i.title}”与政策文件“${p.title}”互未链接（按文件名称对应）`
      : pair.toPolicy
        ? `政策文件“${p.title}”未链接其解读“${i.title}”，只有解读单向链接原文`
        : `解读“${i.title}”未链接政策原文“${p.title}”，只有原文单向链接解读`;
  return [
    {
      check: "interpretation.link-missing",
      indicator,
      site,
      // The page that has to add the link; when both do, the interpretation.
      url: pair.toPolicy ? p.url : i.url,
      locator: "解读关联",
      message,
      evidence: {
        interpretation: i.url,
        interpretationTitle: i.title,
        policy: p.url,
        policyTitle: p.title,
        missing,
      },
      severity: "deduct",
      confidence: pair.toPolicy || pair.toInterpretation ? "confirmed" : "suspected",
    },
  ];
}

function copiedFinding(
  site: string,
  pair: InterpretationPair,
  policy: InterpretationPolicy,
): FindingDraft | null {
  const { interpretation: i, policy: p } = pair;
  if (i.shingles < policy.minShingles) return null;
  const similarity = sketchSimilarity(i, p);
  if (similarity.containment < policy.copiedContainment) return null;
  const percent = Math.round(similarity.containment * 100);
  return {
    check: "interpretation.copied",
    indicator,
    site,
    url: i.url,
    locator: "解读正文",
    message: `解读“${i.title}”照抄政策原文：约 ${percent}% 的文字与“${p.title}”相同`,
    evidence: {
      interpretation: i.url,
      policy: p.url,
      policyTitle: p.title,
      containment: round(similarity.containment),
      jaccard: round(similarity.jaccard),
      sample: similarity.sample,
      interpretationShingles: i.shingles,
      policyShingles: p.shingles,
      threshold: policy.copiedContainment,
    },
    severity: "deduct",
    confidence: "suspected",
  };
}

function lateFinding(
  site: string,
  pair: InterpretationPair,
  policy: InterpretationPolicy,
): FindingDraft | null {
  const { interpretation: i, policy: p } = pair;
  const from = p.displayed ?? p.meta;
  const to = i.displayed ?? i.meta;
  if (from === null || to === null) return null;
  const days = daysBetween(from, to);
  if (days <= policy.lateDays) return null;
  return {
    check: "interpretation.late",
    indicator,
    site,
    url: i.url,
    locator: "发布时间",
    message: `解读“${i.title}”晚于政策文件 ${days} 天发布（${from} → ${to}），未与原文同步`,
    evidence: {
      interpretation: i.url,
      policy: p.url,
      policyTitle: p.title,
      policyDate: from,
      interpretationDate: to,
      days,
      allowedDays: policy.lateDays,
    },
    severity: "warn",
    confidence: "confirmed",
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Text sketches: a bounded summary of a page's text that still estimates overlap with another.

/** Characters per shingle: long enough that common phrases (人民政府, 各县区) do not match by chance. */
export const shingleChars = 5;

/**
 * The k smallest hashes of the text's character shingles (punctuation and spaces removed), sorted.
 * Any two sketches are samples of the same hash order, so overlap is estimated from them alone.
 */
export function textSketch(text: string, k: number): { sketch: Uint32Array; shingles: number } {
  const chars = Array.from(text.replace(/[^\p{L}\p{N}]+/gu, ""));
  const hashes = new Set<number>();
  for (let i = 0; i + shingleChars <= chars.length; i += 1)
    hashes.add(hash32(chars.slice(i, i + shingleChars).join("")));
  const sorted = Uint32Array.from(hashes).sort();
  return { sketch: sorted.slice(0, k), shingles: hashes.size };
}

/**
 * Jaccard and containment (share of a's shingles in b) estimated from two bottom-k sketches: only
 * hashes below both sketches' cut-offs are compared, where each sketch holds all of its text's.
 */
export function sketchSimilarity(
  a: { sketch: Uint32Array; shingles: number },
  b: { sketch: Uint32Array; shingles: number },
): { jaccard: number; containment: number; sample: number } {
  // A sketch holds every hash of its text up to its largest one; a complete one holds them all.
  const cutOf = (x: typeof a): number =>
    x.sketch.length >= x.shingles ? Infinity : x.sketch[x.sketch.length - 1]!;
  const cut = Math.min(cutOf(a), cutOf(b));
  const inB = new Set(b.sketch);
  let sampleA = 0;
  let common = 0;
  for (const h of a.sketch) {
    if (h > cut) break;
    sampleA += 1;
    if (inB.has(h)) common += 1;
  }
  let sampleB = 0;
  for (const h of b.sketch) {
    if (h > cut) break;
    sampleB += 1;
  }
  const union = sampleA + sampleB - common;
  return {
    jaccard: union === 0 ? 0 : common / union,
    containment: sampleA === 0 ? 0 : common / sampleA,
    sample: sampleA,
  };
}

/** FNV-1a with a murmur finaliser: uniform enough for bottom-k sampling. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 53-bit id of a URL (cyrb53): collisions among a site's links are negligible, 8 bytes each. */
export function urlId(url: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < url.length; i += 1) {
    const c = url.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
