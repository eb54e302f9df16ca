/**
 * Accuracy of the dates the inspection goes by, on labelled real government pages and on the demo
 * sites: list pages' newest item date and item count, article pages' displayed and meta publish
 * dates. Prints both figures; each must stay at or above 95 %.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { siteModules } from "../../demo/content/index.ts";
import { DEMO_AS_OF } from "../../demo/content/model.ts";
import { demoSites } from "../../demo/sites.ts";
import { articleDates } from "../../src/parse/articleDate.ts";
import { buildDom } from "../../src/parse/dom.ts";
import { parsePage } from "../../src/parse/index.ts";
import { extractListItems } from "../../src/parse/listItems.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";
import { readLabels, readRealPage, realPagesSkip, realPageUrl } from "../helpers/realPages.ts";

const demoAsOf = new Date(`${DEMO_AS_OF}T00:00:00+08:00`);
const REQUIRED = 0.95;

/** Counts checks and keeps the failed ones for the assertion message. */
class Tally {
  checked = 0;
  correct = 0;
  readonly wrong: string[] = [];

  check(ok: boolean, what: string): void {
    this.checked += 1;
    if (ok) this.correct += 1;
    else this.wrong.push(what);
  }

  summary(name: string): string {
    const pct = this.checked === 0 ? 0 : (100 * this.correct) / this.checked;
    return `${name}: ${this.correct}/${this.checked} dates correct (${pct.toFixed(pct === 100 ? 0 : 1)}%)`;
  }

  assertAccurate(name: string): void {
    assert.ok(this.checked > 0, `${name}: nothing checked`);
    assert.ok(this.correct / this.checked >= REQUIRED, `${this.summary(name)}\n${this.wrong.join("\n")}`);
  }
}

/** The end of the capture month ("2018-03 (Common Crawl…)" → 2018-03-31): no item is newer. */
function capturedAsOf(captured: string): Date {
  const m = /(\d{4})-(\d{2})/.exec(captured);
  if (m === null) return new Date();
  return new Date(Date.UTC(Number(m[1]), Number(m[2]), 0, 15, 59));
}

/** "2023-12-01 14:43" (label form) → "2023-12-01T14:43" (DateReading.iso form). */
function isoOf(label: string | null): string | null {
  return label === null ? null : label.replace(" ", "T");
}

describe("date accuracy", () => {
  it("reads the labelled dates of the real government pages", { skip: realPagesSkip }, (t) => {
    const tally = new Tally();
    for (const label of readLabels()) {
      const { list, article } = label.labels;
      if (list === undefined && article === undefined) continue;
      const html = readRealPage(label.file);
      const url = realPageUrl(label);
      if (list !== undefined) {
        const r = extractListItems(buildDom(html), url, capturedAsOf(label.captured));
        tally.check(
          r.newest === list.newest_item_date,
          `${label.file}: newest ${r.newest} != ${list.newest_item_date}`,
        );
        tally.check(
          r.items.length === list.item_count,
          `${label.file}: ${r.items.length} items != ${list.item_count}`,
        );
      }
      if (article !== undefined) {
        const d = articleDates(parsePage(html, url));
        const displayed = d.displayed?.iso ?? null;
        tally.check(
          displayed === isoOf(article.publish_date) &&
            (article.publish_date_text === null ||
              article.publish_date_text.includes(d.displayed?.text ?? "\0")),
          `${label.file}: displayed ${JSON.stringify(d.displayed)} != ${article.publish_date_text}`,
        );
        const meta = article.publish_date_meta;
        tally.check(
          meta === null
            ? d.meta === null
            : d.meta !== null && d.meta.text === meta && d.meta.iso.slice(0, 10) === meta.slice(0, 10),
          `${label.file}: meta ${JSON.stringify(d.meta)} != ${meta}`,
        );
      }
    }
    t.diagnostic(tally.summary("real pages"));
    tally.assertAccurate("real pages");
  });

  it("reads the dates of every demo column and demo article", (t) => {
    const tally = new Tally();
    for (const site of demoSites) {
      for (const column of site.columns) {
        const html = readDemoPage(column.url);
        if (html === null) {
          tally.check(false, `${column.url}: no local file`);
          continue;
        }
        const r = extractListItems(buildDom(html), column.url, demoAsOf);
        if (column.newest === undefined) {
          tally.check(
            r.items.length === 0 && r.placeholder !== null,
            `${column.url}: blank column read as listing`,
          );
        } else {
          tally.check(r.newest === column.newest, `${column.url}: newest ${r.newest} != ${column.newest}`);
        }
      }
    }
    for (const mod of siteModules) {
      for (const column of mod.columns) {
        for (const a of column.articles) {
          if (a.missing === true || a.href !== undefined) continue;
          const url = `http://${mod.host}${mod.articleUrl(column, a)}`;
          const html = readDemoPage(url);
          if (html === null) {
            tally.check(false, `${url}: no local file`);
            continue;
          }
          const d = articleDates(parsePage(html, url));
          const want = a.date.replace(" ", "T");
          tally.check(d.displayed?.iso === want, `${url}: displayed ${d.displayed?.iso} != ${want}`);
          tally.check(d.meta?.iso === want, `${url}: meta ${d.meta?.iso} != ${want}`);
        }
      }
    }
    t.diagnostic(tally.summary("demo sites"));
    assert.ok(tally.checked >= 300, `only ${tally.checked} demo dates checked`);
    tally.assertAccurate("demo sites");
  });
});
