/**
 * 时间穿越 and forged publish dates (19号 V1 case 5, 「伪造发稿日期」): items dated after the inspection's
 * time point, and an item whose list date, displayed date and PubDate meta do not agree.
 */
import { chinaDay } from "../core/chinaDate.ts";
import type { FindingDraft } from "../core/finding.ts";
import type { ArticleDates } from "../parse/articleDate.ts";
import { checkDefinition } from "./catalogue.ts";

/** An item as one of the site's column lists shows it. */
export interface ListedItem {
  url: string;
  title: string;
  date: string;
  dateText: string | null;
  /** The list wrote no year: only its month and day can disagree with the article. */
  yearInferred: boolean;
  column: string;
  columnUrl: string;
}

/** The dates an article page carries, keyed by the article's URL. */
export interface DatedArticle extends ArticleDates {
  url: string;
  title: string;
}

export function timeTravelFindings(
  site: string,
  listed: readonly ListedItem[],
  articles: ReadonlyMap<string, DatedArticle>,
  asOf: Date,
): FindingDraft[] {
  const today = chinaDay(asOf);
  const findings: FindingDraft[] = [];
  const futureUrls = new Set<string>();
  const listedByUrl = new Map<string, ListedItem>();
  for (const item of listed) if (!listedByUrl.has(item.url)) listedByUrl.set(item.url, item);

  const future = (url: string, title: string, dates: Record<string, unknown>, latest: string): void => {
    if (futureUrls.has(url)) return;
    futureUrls.add(url);
    findings.push(
      dateFinding("content.future-date", site, url, "veto", {
        message: `时间穿越：“${title}”的发布日期 ${latest} 晚于检查时间点 ${today}`,
        evidence: { title, today, ...dates },
      }),
    );
  };

  for (const [url, article] of articles) {
    const days = [article.published, article.meta, article.displayed].flatMap((d) =>
      d ? [d.iso.slice(0, 10)] : [],
    );
    const listedItem = listedByUrl.get(url);
    if (listedItem) days.push(listedItem.date);
    const latest = days.reduce<string | null>((max, day) => (max === null || day > max ? day : max), null);
    if (latest !== null && latest > today) future(url, article.title, datesOf(article, listedItem), latest);
  }
  for (const item of listed) {
    if (item.date > today) future(item.url, item.title, datesOf(articles.get(item.url), item), item.date);
  }

  for (const [url, article] of articles) {
    const listedItem = listedByUrl.get(url);
    const articleDay = article.published?.iso.slice(0, 10);
    const listDisagrees =
      listedItem !== undefined &&
      articleDay !== undefined &&
      (listedItem.yearInferred
        ? listedItem.date.slice(5) !== articleDay.slice(5)
        : listedItem.date !== articleDay);
    if (!listDisagrees && !article.disagree) continue;
    const parts: string[] = [];
    if (listDisagrees) parts.push(`列表页显示 ${listedItem.date}，正文显示 ${articleDay}`);
    if (article.disagree)
      parts.push(
        `正文显示 ${article.displayed!.iso.slice(0, 10)}，PubDate 为 ${article.meta!.iso.slice(0, 10)}`,
      );
    findings.push(
      dateFinding("content.date-mismatch", site, url, "warn", {
        message: `发布日期不一致：“${article.title}”${parts.join("；")}`,
        evidence: { title: article.title, ...datesOf(article, listedItem) },
      }),
    );
  }
  return findings;
}

/** Both date checks point at the item's publish date and need a person to confirm. */
function dateFinding(
  check: string,
  site: string,
  url: string,
  severity: "veto" | "warn",
  text: Pick<FindingDraft, "message" | "evidence">,
): FindingDraft {
  return {
    check,
    indicator: checkDefinition(check).indicator,
    site,
    url,
    locator: "publish-date",
    ...text,
    severity,
    confidence: "suspected",
  };
}

function datesOf(article: DatedArticle | undefined, listed: ListedItem | undefined): Record<string, unknown> {
  return {
    listDate: listed?.date ?? null,
    listDateText: listed?.dateText ?? null,
    column: listed?.column ?? null,
    columnUrl: listed?.columnUrl ?? null,
    displayedDate: article?.displayed ?? null,
    metaDate: article?.meta ?? null,
  };
}
