/**
 * 网页标签 (meta tags) by page type, after 47号《政府网站网页设计规范》 as CMSs apply it (INDICATORS.md
 * §5.5). A site repeats its templates on hundreds of pages, so problems are tallied across pages and
 * reported once per page type and tag (missing) or per tag and problem (bad values), with counts and
 * sample pages. A PubDate after the time point is content.future-date's business, not this module's.
 */
import type { FindingDraft } from "../core/finding.ts";
import { isValidDate } from "../parse/dates.ts";
import { metaValue } from "../parse/footerFacts.ts";
import type { PageModel } from "../parse/model.ts";
import { checkDefinition } from "./catalogue.ts";

export type PageType = "home" | "list" | "article";

const siteTags = ["SiteName", "SiteDomain", "SiteIDCode"] as const;

export const requiredMetaTags: Readonly<Record<PageType, readonly string[]>> = {
  home: siteTags,
  list: [...siteTags, "ColumnName", "ColumnType"],
  article: [...siteTags, "ArticleTitle", "PubDate", "ContentSource"],
};

const pageTypeNames: Record<PageType, string> = { home: "首页", list: "栏目页", article: "文章页" };

export type MetaTagProblemKind = "missing" | "pubdate-format" | "domain-mismatch";

export interface MetaTagProblem {
  tag: string;
  problem: MetaTagProblemKind;
  /** The content as written; "" for an empty tag, null when the tag is absent. */
  value: string | null;
}

/** The problems of one page's meta tags for its type; an empty tag counts as missing. */
export function metaTagProblems(page: PageModel, pageType: PageType): MetaTagProblem[] {
  const problems: MetaTagProblem[] = [];
  for (const tag of requiredMetaTags[pageType]) {
    const value = metaValue(page, tag)?.raw ?? null;
    if (value === null || value === "") problems.push({ tag, problem: "missing", value });
    else if (tag === "PubDate" && !isPubDate(value)) problems.push({ tag, problem: "pubdate-format", value });
    else if (tag === "SiteDomain" && !namesHost(value, page.url)) {
      problems.push({ tag, problem: "domain-mismatch", value });
    }
  }
  return problems;
}

/** yyyy-MM-dd HH:mm, seconds tolerated, and a real date and time. */
export function isPubDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  return isValidDate(year!, month!, day!) && hour! < 24 && minute! < 60 && second! < 60;
}

/** SiteDomain may list several hosts ("fgw.zj.gov.cn,www.zjdpc.gov.cn"); one must be the page's. */
function namesHost(value: string, pageUrl: string): boolean {
  const host = new URL(pageUrl).hostname.toLowerCase();
  return value
    .split(/[\s,，;；]+/)
    .map((item) =>
      item
        .replace(/^[a-z]+:\/\//i, "")
        .replace(/[/:].*$/, "")
        .toLowerCase(),
    )
    .includes(host);
}

interface Tally {
  pages: number;
  pageType?: PageType;
  tag: string;
  problem: MetaTagProblemKind;
  samples: { url: string; value: string | null }[];
}

/**
 * Collects meta-tag problems page by page and turns them into one finding per page type and
 * missing tag, and one per tag and bad-value kind, each with its page count and sample pages.
 */
export class MetaTagTally {
  private readonly tallies = new Map<string, Tally>();
  private readonly pagesByType = new Map<PageType, number>();

  constructor(
    private readonly site: string,
    private readonly sampleCount = 5,
  ) {}

  add(page: PageModel, pageType: PageType): void {
    this.pagesByType.set(pageType, (this.pagesByType.get(pageType) ?? 0) + 1);
    for (const { tag, problem, value } of metaTagProblems(page, pageType)) {
      // Missing tags are a template's omission per page type; bad values are one fault wherever they occur.
      const key = problem === "missing" ? `${pageType}|${tag}` : `${tag}|${problem}`;
      let tally = this.tallies.get(key);
      if (tally === undefined) {
        tally = { pages: 0, tag, problem, samples: [], ...(problem === "missing" ? { pageType } : {}) };
        this.tallies.set(key, tally);
      }
      tally.pages++;
      if (tally.samples.length < this.sampleCount) tally.samples.push({ url: page.url, value });
    }
  }

  findings(): FindingDraft[] {
    return [...this.tallies.values()].map((tally) => {
      const check = tally.problem === "missing" ? "standards.meta-tags" : "standards.meta-tag-value";
      const where = tally.pageType ?? "all";
      const ofPages =
        tally.pageType === undefined
          ? [...this.pagesByType.values()].reduce((a, b) => a + b, 0)
          : this.pagesByType.get(tally.pageType)!;
      return {
        check,
        indicator: checkDefinition(check).indicator,
        site: this.site,
        url: this.site,
        locator: `meta:${where}:${tally.tag}${tally.problem === "missing" ? "" : `:${tally.problem}`}`,
        message: messageOf(tally, ofPages),
        evidence: {
          tag: tally.tag,
          problem: tally.problem,
          pageType: tally.pageType ?? null,
          pages: tally.pages,
          ofPages,
          samples: tally.samples,
        },
        severity: "warn",
        confidence: "confirmed",
      };
    });
  }
}

function messageOf(tally: Tally, ofPages: number): string {
  const sample = tally.samples[0]!;
  const count = `${tally.pages} 个${tally.pageType ? pageTypeNames[tally.pageType] : "页面"}（共 ${ofPages} 个）`;
  switch (tally.problem) {
    case "missing":
      return `${count}缺少网页标签 ${tally.tag} 或其内容为空，如 ${sample.url}`;
    case "pubdate-format":
      return `${count}的 PubDate 标签不是“yyyy-MM-dd HH:mm”格式，如“${sample.value}”（${sample.url}）`;
    case "domain-mismatch":
      return `${count}的 SiteDomain 标签与页面域名不符，如“${sample.value}”（${sample.url}）`;
  }
}
