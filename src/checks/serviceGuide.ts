/**
 * 服务不实用 (19号 V6): 办事指南 elements present and answered, guide attachments downloadable, and
 * whether the site offers 办事服务 at all (a guide, a 办事服务 column or a link to a 政务服务网).
 * Per page the guide is read and judged at once; only a small record of each guide outlives its page.
 */
import type { Confidence, FindingDraft, Severity } from "../core/finding.ts";
import type { LinkProbe } from "../crawl/linkTable.ts";
import type { PageModel } from "../parse/model.ts";
import {
  defaultGuideReading,
  readServiceGuide,
  serviceEntryLinks,
  type GuideReading,
  type ServiceGuide,
} from "../parse/serviceGuide.ts";
import type { SiteColumn } from "./columnModel.ts";
import { classifyLink } from "./linkVerdict.ts";

export interface ServicePolicy {
  reading: GuideReading;
  /**
   * Severity of a guide with missing elements. The 19号 threshold (how many elements, in how many
   * matters, make a veto) is not known (INDICATORS §10.1), so a deduction by default.
   */
  elementSeverity: Severity;
  /** Guides whose attachments are remembered for the check after the crawl. */
  maxGuidesKept: number;
  /** Service-platform links remembered (distinct URLs). */
  maxEntriesKept: number;
}

export const defaultServicePolicy: ServicePolicy = {
  reading: defaultGuideReading,
  elementSeverity: "deduct",
  maxGuidesKept: 2000,
  maxEntriesKept: 20,
};

const veto = "19号·单项否决·服务不实用";

/** What the site-level checks need of one guide page. */
export interface GuideRecord {
  url: string;
  title: string;
  attachments: { url: string; text: string }[];
}

/**
 * Collects, page by page, the guides and service-platform links of one site. Bounded: past
 * maxGuidesKept guides are still judged and counted, only their attachments are not checked.
 */
export class ServiceSurvey {
  readonly guides: GuideRecord[] = [];
  guideCount = 0;
  incompleteCount = 0;
  /** Service-platform entry links: URL → anchor text. */
  readonly entries = new Map<string, string>();

  constructor(
    private readonly site: string,
    private readonly policy = defaultServicePolicy,
  ) {}

  /** Call for every parsed page; returns the page's guide findings. */
  add(page: PageModel): FindingDraft[] {
    for (const link of serviceEntryLinks(page)) {
      if (this.entries.size < this.policy.maxEntriesKept && !this.entries.has(link.url!))
        this.entries.set(link.url!, link.text);
    }
    const guide = readServiceGuide(page, this.policy.reading);
    if (guide === null) return [];
    this.guideCount += 1;
    if (this.guides.length < this.policy.maxGuidesKept && guide.attachments.length > 0)
      this.guides.push({ url: guide.url, title: guide.title, attachments: guide.attachments });
    const findings = guideElementFindings(this.site, guide, this.policy);
    if (findings.length > 0) this.incompleteCount += 1;
    return findings;
  }
}

/** One finding per guide page that lacks required elements or answers them with a placeholder. */
export function guideElementFindings(
  site: string,
  guide: ServiceGuide,
  policy = defaultServicePolicy,
): FindingDraft[] {
  const required = new Set(policy.reading.elements.filter((def) => def.required).map((def) => def.name));
  const problems = guide.elements.filter((element) => required.has(element.name) && element.state !== "ok");
  if (problems.length === 0) return [];
  const named = (state: string): string[] =>
    problems.filter((element) => element.state === state).map((element) => element.name);
  const missing = named("missing");
  const empty = named("empty");
  const placeholder = problems
    .filter((element) => element.state === "placeholder")
    .map((element) => ({ name: element.name, label: element.label, value: element.value }));
  const parts = [
    missing.length > 0 ? `缺少${missing.join("、")}` : "",
    empty.length > 0 ? `${empty.join("、")}内容为空` : "",
    placeholder.length > 0 ? `${placeholder.map((p) => `${p.name}只写“${p.value}”`).join("，")}` : "",
  ].filter((part) => part !== "");
  // Recognised by its content only, with few labels read, or read from run-together label and value:
  // the page may hold its elements in an image, a frame or an attachment this reader cannot see.
  const uncertain =
    guide.recognisedBy === "labels" ||
    guide.labelsFound < policy.reading.minLabels ||
    guide.elements.some((element) => element.loose);
  return [
    {
      check: "services.guide-elements",
      indicator: `${veto}（办事指南要素）；15号·服务实用情况·办事指南`,
      site,
      url: guide.url,
      locator: "办事指南要素",
      message: `办事指南“${guide.title}”要素不全：${parts.join("；")}`,
      evidence: {
        title: guide.title,
        missing,
        empty,
        placeholder,
        found: guide.elements.filter((element) => element.state === "ok").map((element) => element.name),
        labelsFound: guide.labelsFound,
        recognisedBy: guide.recognisedBy,
      },
      severity: policy.elementSeverity,
      confidence: uncertain ? "suspected" : "confirmed",
    },
  ];
}

/** A column as the site-level check needs it (SiteColumn and the report's ColumnReport both fit). */
export type ServiceColumn = Pick<SiteColumn, "name" | "url" | "type" | "state">;

export interface ServiceSiteInput {
  homepageUrl: string;
  columns: readonly ServiceColumn[];
  /** The crawl's probe of a link target (outcome.links.get(key(url))?.probe); undefined when not checked. */
  probe(url: string): LinkProbe | undefined;
  /** The crawl read the whole site (no page budget reached): an absence is then confirmed. */
  complete: boolean;
}

export interface ServiceSummary {
  guides: number;
  guidesIncomplete: number;
  serviceColumns: { name: string; url: string }[];
  entries: { url: string; text: string; state: "ok" | "broken" | "unknown" }[];
}

export function serviceSummary(survey: ServiceSurvey, input: ServiceSiteInput): ServiceSummary {
  return {
    guides: survey.guideCount,
    guidesIncomplete: survey.incompleteCount,
    serviceColumns: input.columns
      .filter((column) => column.type === "SERVICE_GUIDE" && column.state !== "broken")
      .map((column) => ({ name: column.name, url: column.url })),
    entries: [...survey.entries].map(([url, text]) => ({ url, text, state: stateOf(input.probe(url)) })),
  };
}

/** After the crawl: 未提供办事服务 (V6-1) and guide attachments that do not download. */
export function serviceSiteFindings(
  site: string,
  survey: ServiceSurvey,
  input: ServiceSiteInput,
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const summary = serviceSummary(survey, input);
  const workingEntries = summary.entries.filter((entry) => entry.state !== "broken");
  if (summary.guides === 0 && summary.serviceColumns.length === 0 && workingEntries.length === 0) {
    findings.push({
      check: "services.none",
      indicator: `${veto}（未提供办事服务）`,
      site,
      url: input.homepageUrl,
      locator: "site",
      message:
        summary.entries.length > 0
          ? "未提供办事服务：网站没有办事指南和办事服务栏目，指向政务服务网的链接均无法访问"
          : "未提供办事服务：网站没有办事指南、办事服务栏目，也没有指向政务服务网的链接",
      evidence: { guides: 0, serviceColumns: 0, entries: summary.entries, crawlComplete: input.complete },
      severity: "veto",
      confidence: input.complete ? "confirmed" : "suspected",
    });
  }
  for (const guide of survey.guides) {
    for (const attachment of guide.attachments) {
      const probe = input.probe(attachment.url);
      if (probe === undefined) continue;
      const verdict = classifyLink(probe);
      if (verdict.verdict === "ok") continue;
      findings.push({
        check: "services.guide-attachment",
        indicator: "15号·服务实用情况·附件下载；19号·单项否决·服务不实用",
        site,
        url: attachment.url,
        locator: "办事指南附件",
        message: `办事指南“${guide.title}”的附件“${attachment.text}”无法下载（${verdict.reason}）`,
        evidence: {
          page: guide.url,
          guideTitle: guide.title,
          text: attachment.text,
          status: probe.status,
          reason: verdict.reason,
        },
        severity: "deduct",
        confidence: verdict.verdict as Confidence,
      });
    }
  }
  return findings;
}

function stateOf(probe: LinkProbe | undefined): "ok" | "broken" | "unknown" {
  if (probe === undefined) return "unknown";
  const verdict = classifyLink(probe).verdict;
  // 401/403/429 after a browser-like retry: the platform may only be refusing robots.
  return verdict === "ok" ? "ok" : verdict === "inconclusive" ? "unknown" : "broken";
}
