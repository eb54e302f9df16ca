/**
 * Keeps, during the crawl, a small record of every policy document and every interpretation page
 * (policyInterpretation.ts judges them after the crawl): title, dates, in-site links, the document an
 * interpretation names and a bounded text sketch. About 1.5 KB a record, capped per kind, so memory
 * does not follow the size of the site.
 */
import type { CrawledPage } from "../crawl/crawler.ts";
import { articleDates } from "../parse/articleDate.ts";
import { looksLikeColumnUrl } from "../parse/columns.ts";
import type { PageModel } from "../parse/model.ts";
import { articleTitle, columnNameOf } from "../parse/serviceGuide.ts";
import { classifyColumn } from "../checks/columnTypes.ts";
import { textSketch, urlId, type PolicyDocRecord } from "../checks/policyInterpretation.ts";
import { key } from "./pageDigests.ts";

export interface PolicyPairLimits {
  /** Records kept per kind; past them pages are counted as dropped (the newest are crawled first). */
  maxPolicies: number;
  maxInterpretations: number;
  /** Hashes per text sketch: 128 estimates a containment of 0.8 to about ±0.1 on long policies. */
  sketchSize: number;
  /** In-site article links kept per page (related links sit among at most a few dozen). */
  maxLinks: number;
}

export const defaultPolicyPairLimits: PolicyPairLimits = {
  maxPolicies: 3000,
  maxInterpretations: 1500,
  sketchSize: 128,
  maxLinks: 40,
};

const interpretationTitle = /解读|图解|一图读懂|一图看懂|答记者问|政策问答/u;
/** A notice that issues a document (关于印发…的通知) is the policy even when 解读 appears in it. */
const issuingTitle = /关于印发|关于.+的(?:通知|决定|意见)$/u;
const policyTitle =
  /关于印发|(?:办法|规定|细则|条例|规则|实施意见|实施方案|行动方案)(?:[（(][^）)]*[）)])?$/u;
/** 文号 such as 示政发〔2026〕18号, near the top of the text. */
const documentNumber = /[\u4e00-\u9fa5]{1,10}[〔［[]\d{4}[〕］\]]\d+号/u;
const documentNumberWithin = 400;
/** Lines every article template adds: breadcrumb, date line, print and share bars. */
const boilerplate =
  /^(?:当前位置|您的位置|所在位置|发布时间|发布日期|日期|来源|信息来源|字号|【|分享|扫一扫|打印|关闭|相关链接|附件)/u;
/** 政策原文, 原文链接: the menu's 政策文件 entry is on every page and says nothing. */
const originalLinkText = /原文/u;
const prefixes = /^(?:一图读懂|一图看懂|图解|图说|政策解读|解读)[:：]?/u;
const suffixes = /(?:的)?(?:政策)?(?:解读|问答|答记者问)$/u;

export class PolicyPairs {
  readonly records: PolicyDocRecord[] = [];
  readonly dropped = { policies: 0, interpretations: 0 };
  /** The homepage's text blocks: header, menus and footer every article repeats. */
  private shared = new Set<string>();
  private kept = { policy: 0, interpretation: 0 };

  constructor(private readonly limits = defaultPolicyPairLimits) {}

  /** Call from onPage for every crawled page; the homepage (crawled first) teaches the template. */
  add(crawled: CrawledPage, inScope: (url: string) => boolean): void {
    const page = crawled.page;
    if (page === undefined) return;
    if (crawled.isHomepage) {
      this.shared = new Set(blockTexts(page));
      return;
    }
    try {
      this.keep(crawled, page, inScope);
    } catch {
      // A page beyond repair is one record fewer, never a stopped inspection.
    }
  }

  private keep(crawled: CrawledPage, page: PageModel, inScope: (url: string) => boolean): void {
    const url = key(crawled.finalUrl);
    if (looksLikeColumnUrl(url)) return;
    const dates = articleDates(page);
    const hasArticleTitle = page.metas.some((m) => m.name.toLowerCase() === "articletitle");
    if (dates.published === null && !hasArticleTitle) return;
    const title = articleTitle(page);
    const body = this.bodyText(page, title);
    const kind = kindOf(page, title, body);
    if (kind === null) return;
    if (this.kept[kind] >= (kind === "policy" ? this.limits.maxPolicies : this.limits.maxInterpretations)) {
      this.dropped[kind === "policy" ? "policies" : "interpretations"] += 1;
      return;
    }
    this.kept[kind] += 1;
    const named = kind === "interpretation" ? namedDocument(title) : bracketed(title);
    const links = new Set<number>();
    for (const link of page.links) {
      if (links.size >= this.limits.maxLinks) break;
      if (link.element !== "a" || link.kind !== "page" || link.url === null || link.hidden) continue;
      if (!inScope(link.url) || looksLikeColumnUrl(link.url)) continue;
      const target = key(link.url);
      if (target !== url) links.add(urlId(target));
    }
    const { sketch, shingles } = textSketch(body, this.limits.sketchSize);
    this.records.push({
      kind,
      url,
      ids: [...new Set([url, key(crawled.url)])].map(urlId),
      title,
      displayed: dates.displayed?.iso.slice(0, 10) ?? null,
      meta: dates.meta?.iso.slice(0, 10) ?? null,
      links: [...links],
      named,
      linksOriginal:
        kind === "interpretation" &&
        page.links.some(
          (link) =>
            link.element === "a" &&
            (originalLinkText.test(link.text) || (named !== null && link.text.includes(named))),
        ),
      sketch,
      shingles,
    });
  }

  /** The article's own text: blocks the homepage does not share, without title, link lists and bars. */
  private bodyText(page: PageModel, title: string): string {
    const linkTexts = new Set(page.links.map((link) => link.text));
    return blockTexts(page)
      .filter(
        (text) => !this.shared.has(text) && text !== title && !linkTexts.has(text) && !boilerplate.test(text),
      )
      .join("\n");
  }
}

function kindOf(page: PageModel, title: string, body: string): PolicyDocRecord["kind"] | null {
  if (interpretationTitle.test(title) && !issuingTitle.test(title)) return "interpretation";
  const name = columnNameOf(page);
  const metaType = page.metas.find((m) => m.name.toLowerCase() === "columntype")?.content.trim();
  const column =
    name !== "" || metaType ? classifyColumn({ name, ...(metaType ? { metaType } : {}) }).type : null;
  if (column === "INTERPRETATION") return "interpretation";
  if (column === "POLICY" || policyTitle.test(title)) return "policy";
  return documentNumber.test(body.slice(0, documentNumberWithin)) ? "policy" : null;
}

/** The document an interpretation names: its 《…》, else its title without 一图读懂/解读 and kin. */
function namedDocument(title: string): string | null {
  const inBrackets = bracketed(title);
  if (inBrackets !== null) return inBrackets;
  const bare = title.replace(prefixes, "").replace(suffixes, "").trim();
  return bare !== title && bare.length > 0 ? bare : null;
}

function bracketed(title: string): string | null {
  return /《([^》]+)》/u.exec(title)?.[1]?.trim() ?? null;
}

function blockTexts(page: PageModel): string[] {
  return page.blocks
    .map((block) => page.text.slice(block.start, block.end).trim())
    .filter((text) => text !== "");
}
