/**
 * Footer extraction against the labelled real pages (shared/data/real-pages/labels.jsonl). Field
 * accuracy is counted over every page and field; fields the labels mark "uncertain" are left out of
 * the asserted figure (and counted apart), since a reader could not settle them from the HTML.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { footerFactsOf, metaValue, siteIdCodeOf } from "../../src/parse/footerFacts.ts";
import { parsePage } from "../../src/parse/index.ts";
import {
  readLabels,
  readRealPage,
  realPagesSkip,
  realPageUrl,
  type RealPageLabel,
} from "../helpers/realPages.ts";

/** Label fields the shared helper does not type. */
type Label = RealPageLabel & {
  labels: { organizer: string | null; copyright_holder: string | null };
  uncertain: { field: string; reason: string }[];
};

const metaNames = [
  "SiteName",
  "SiteDomain",
  "SiteIDCode",
  "ColumnName",
  "ColumnType",
  "ArticleTitle",
  "PubDate",
];
const TARGET = 0.95;

interface Comparison {
  page: string;
  field: string;
  expected: unknown;
  actual: unknown;
  uncertain: boolean;
}

function compare(label: Label): Comparison[] {
  const page = parsePage(readRealPage(label.file), realPageUrl(label));
  const facts = footerFactsOf(page);
  const l = label.labels;
  const fields: [string, unknown, unknown][] = [
    ["site_id_code", l.site_id_code, siteIdCodeOf(facts)?.raw ?? null],
    ["icp", l.icp, facts.icp[0]?.raw ?? null],
    ["police_filing", l.police_filing, facts.police[0]?.raw ?? null],
    ["organizer", l.organizer, facts.organizer[0]?.raw ?? null],
    ["copyright_holder", l.copyright_holder, facts.copyright[0]?.raw ?? null],
    ["has_conac_badge", l.has_conac_badge, facts.conacBadge.present],
    ["has_jiucuo_link", l.has_jiucuo_link, facts.jiucuo.present],
    ...metaNames.map((name): [string, unknown, unknown] => [
      `meta.${name}`,
      l.meta[name] ?? null,
      metaValue(page, name)?.raw ?? null,
    ]),
  ];
  const uncertain = new Set(label.uncertain.map((u) => u.field));
  return fields.map(([field, expected, actual]) => ({
    page: label.file,
    field,
    expected,
    actual,
    uncertain: uncertain.has(field) || (field.startsWith("meta.") && uncertain.has("meta")),
  }));
}

describe("footer facts of the real pages", { skip: realPagesSkip }, () => {
  const comparisons = (readLabels() as Label[]).flatMap(compare);

  it(`field accuracy ≥ ${TARGET * 100} % (uncertain fields excluded)`, () => {
    const byField = new Map<string, { right: number; total: number }>();
    for (const c of comparisons.filter((c) => !c.uncertain)) {
      const tally = byField.get(c.field) ?? { right: 0, total: 0 };
      tally.total++;
      if (c.actual === c.expected) tally.right++;
      byField.set(c.field, tally);
    }
    for (const [field, { right, total }] of byField) console.log(`  ${field}: ${right}/${total}`);
    const certain = comparisons.filter((c) => !c.uncertain);
    const right = certain.filter((c) => c.actual === c.expected).length;
    const uncertain = comparisons.filter((c) => c.uncertain);
    const uncertainRight = uncertain.filter((c) => c.actual === c.expected).length;
    const accuracy = right / certain.length;
    console.log(
      `  field accuracy ${(accuracy * 100).toFixed(1)} % (${right}/${certain.length}); ` +
        `uncertain fields excluded: ${uncertainRight}/${uncertain.length} agree`,
    );
    for (const c of comparisons.filter((c) => c.actual !== c.expected)) {
      console.log(
        `  differs${c.uncertain ? " (uncertain)" : ""}: ${c.page} ${c.field} expected ${JSON.stringify(c.expected)} got ${JSON.stringify(c.actual)}`,
      );
    }
    assert.ok(accuracy >= TARGET, `field accuracy ${accuracy}`);
  });

  it("reads every labelled 网站标识码, filing number and 主办单位 exactly", () => {
    const exact = ["site_id_code", "icp", "police_filing", "organizer"];
    const wrong = comparisons.filter(
      (c) => exact.includes(c.field) && !c.uncertain && c.actual !== c.expected,
    );
    assert.deepEqual(wrong, []);
  });
});
