/**
 * 首页不更新 (19号 单项否决 V3): no homepage item dated within the last 2 weeks. A homepage that is
 * only a navigation entry is judged by its second-level pages: it passes when any of them was
 * updated within the window.
 */
import { chinaDay, daysBetween, describeWindow, windowStart, type UpdateWindow } from "../core/chinaDate.ts";
import type { FindingDraft } from "../core/finding.ts";
import { checkDefinition } from "./catalogue.ts";
import type { ColumnItem, SiteColumn } from "./columnModel.ts";

export interface HomepageFreshnessPolicy {
  window: UpdateWindow;
  /** Practice early warning: 「首页超过10天未更新」. */
  warnAfterDays: number;
}

export const national2019HomepageFreshness: HomepageFreshnessPolicy = {
  window: { days: 14 },
  warnAfterDays: 10,
};

export interface HomepageDates {
  url: string;
  /** Newest homepage item dated on or before the time point. */
  newest: ColumnItem | null;
  /** Linked entries that look like items (titles of articles), with or without a date. */
  itemRows: number;
  datedRows: number;
  /** The homepage is only a navigation entry (no item lists of its own). */
  navigationOnly: boolean;
}

export interface HomepageFreshness {
  newest: ColumnItem | null;
  /** For a navigation-only homepage: the second-level page that carried the newest item. */
  via: { column: string; url: string } | null;
  since: string;
  ageDays: number | null;
  verdict: "fresh" | "warn" | "stale";
}

export function assessHomepage(
  homepage: HomepageDates,
  firstLevel: readonly SiteColumn[],
  asOf: Date,
  policy: HomepageFreshnessPolicy,
): HomepageFreshness {
  const today = chinaDay(asOf);
  const since = windowStart(today, policy.window);
  let newest = homepage.newest;
  let via: HomepageFreshness["via"] = null;
  if (homepage.navigationOnly) {
    newest = null;
    for (const column of firstLevel) {
      if (column.newest !== null && (newest === null || column.newest.date! > newest.date!)) {
        newest = column.newest;
        via = { column: column.name, url: column.url };
      }
    }
  }
  const ageDays = newest === null ? null : daysBetween(newest.date!, today);
  const verdict =
    newest === null || newest.date! < since
      ? "stale"
      : ageDays !== null && ageDays > policy.warnAfterDays
        ? "warn"
        : "fresh";
  return { newest, via, since, ageDays, verdict };
}

export function homepageFreshnessFindings(
  site: string,
  homepage: HomepageDates,
  result: HomepageFreshness,
  policy: HomepageFreshnessPolicy,
): FindingDraft[] {
  if (result.verdict === "fresh") return [];
  const check = "site.homepage-stale";
  const subject = homepage.navigationOnly ? "首页为栏目导航入口，其二级页面" : "首页";
  const latest =
    result.newest === null
      ? homepage.itemRows > 0 && homepage.datedRows === 0
        ? "信息均未注明发布时间（视为未更新）"
        : "没有带日期的信息"
      : `最新信息为 ${result.newest.date}（${result.ageDays} 天前）`;
  const message =
    result.verdict === "stale"
      ? `${subject}${describeWindow(policy.window)}内无信息更新：${latest}`
      : `首页更新预警：${latest}，超过 ${policy.warnAfterDays} 天未更新`;
  return [
    {
      check,
      indicator: checkDefinition(check).indicator,
      site,
      url: homepage.url,
      locator: "homepage",
      message,
      evidence: {
        window: describeWindow(policy.window),
        since: result.since,
        newest: result.newest,
        ageDays: result.ageDays,
        navigationOnly: homepage.navigationOnly,
        via: result.via,
        itemRows: homepage.itemRows,
        datedRows: homepage.datedRows,
        warnAfterDays: policy.warnAfterDays,
      },
      severity: result.verdict === "stale" ? "veto" : "warn",
      confidence: result.newest === null && homepage.itemRows === 0 ? "suspected" : "confirmed",
    },
  ];
}
