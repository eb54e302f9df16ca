import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { demoSites } from "../../demo/sites.ts";
import { DEMO_AS_OF } from "../../demo/content/model.ts";
import { extractListItems, inferYear } from "../../src/parse/listItems.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const realDir = "/work/shared/data/real-pages";
const asOf = new Date(`${DEMO_AS_OF}T12:00:00+08:00`);

interface Label {
  file: string;
  labels: { list?: { item_count: number; newest_item_date: string } };
}

/** Local file of a demo column's first list page, or null when none is found. */
function demoFile(url: string): string | null {
  const u = new URL(url);
  const dir = path.join(root, "demo", "sites", u.host);
  const p = decodeURIComponent(u.pathname);
  const candidates = p.endsWith("/")
    ? ["index.html", "index.shtml", "index.htm"].map((f) => path.join(dir, p, f))
    : [path.join(dir, p)];
  return candidates.find((c) => existsSync(c)) ?? null;
}

function readDemo(file: string, encoding: string): string {
  const bytes = readFileSync(file);
  const enc = /gb/i.test(encoding) ? "gbk" : "utf-8";
  return new TextDecoder(enc).decode(bytes);
}

describe("extractListItems", () => {
  it("finds the newest list date of the real ordos.gov.cn list page (label)", (t) => {
    const labelsFile = path.join(realDir, "labels.jsonl");
    if (!existsSync(labelsFile)) {
      t.skip("real pages not available");
      return;
    }
    const labels = readFileSync(labelsFile, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Label);
    const label = labels.find((l) => l.file === "ordos.gov.cn__list__1.html");
    assert.ok(label?.labels.list, "label for the ordos list page");
    const html = readFileSync(path.join(realDir, label.file), "utf8");
    const result = extractListItems(html, "http://www.ordos.gov.cn/xxgk/xxgknb/index.html", asOf);
    assert.equal(result.newest, label.labels.list.newest_item_date);
    assert.equal(result.items.length, label.labels.list.item_count);
    assert.ok(
      result.pagination.some((p) => p.endsWith("/index_1.html")),
      result.pagination.join(),
    );
  });

  it("finds the declared newest date of every demo column's first list page", () => {
    let checked = 0;
    let correct = 0;
    const wrong: string[] = [];
    for (const site of demoSites) {
      for (const column of site.columns) {
        const file = demoFile(column.url);
        if (file === null) continue;
        checked += 1;
        const result = extractListItems(readDemo(file, site.encoding), column.url, asOf);
        if (column.newest === undefined) {
          if (result.items.length === 0) correct += 1;
          else wrong.push(`${column.url}: blank column gave ${result.items.length} items`);
        } else if (result.newest === column.newest) {
          correct += 1;
        } else {
          wrong.push(`${column.url}: ${result.newest} (${result.container}) != ${column.newest}`);
        }
      }
    }
    console.log(`demo columns correct: ${correct}/${checked}`);
    assert.ok(checked >= 10, `only ${checked} columns located`);
    assert.deepEqual(wrong, []);
  });

  it("reads each template's rows, dates and next-page links", () => {
    const city = demoSites.find((s) => s.host === "www.demo-city.gov.cn")!;
    const tzgg = city.columns.find((c) => c.url.endsWith("/tzgg/"))!;
    const r = extractListItems(readDemo(demoFile(tzgg.url)!, city.encoding), tzgg.url, asOf);
    assert.ok(r.items.length > 0 && r.items.length <= tzgg.items);
    assert.ok(r.items.every((i) => i.date !== null && !i.yearInferred && i.url.startsWith(tzgg.url)));
    assert.match(r.container, /ul/);
    assert.ok(r.pagination.includes(new URL("index_1.html", tzgg.url).href), r.pagination.join());

    const fgw = demoSites.find((s) => s.host === "fgw.demo-city.gov.cn")!;
    const col = fgw.columns.find((c) => c.url.includes("col1211"))!;
    const f = extractListItems(readDemo(demoFile(col.url)!, fgw.encoding), col.url, asOf);
    assert.match(f.container, /tbody|table/);
    assert.ok(f.pagination.includes(new URL("?page=2", col.url).href), f.pagination.join());
  });

  it("infers the year of month-day dates from asOf", () => {
    const html =
      '<div class="list"><div class="row"><a href="/a/1.html">关于冬季供暖安全的通知</a><span>[11-18]</span></div>' +
      '<div class="row"><a href="/a/2.html">关于元旦假期值班安排的通知</a><span>[12-28]</span></div>' +
      '<div class="row"><a href="/a/3.html">关于开展安全大检查的通知</a><span>11月21日</span></div></div>' +
      '<div class="nav"><a href="/">首页</a><a href="/x/">新闻</a></div>';
    const r = extractListItems(html, "http://example.gov.cn/list/", asOf);
    assert.deepEqual(
      r.items.map((i) => [i.date, i.dateText, i.yearInferred]),
      [
        ["2026-11-18", "[11-18]", true],
        ["2025-12-28", "[12-28]", true],
        ["2026-11-21", "11月21日", true],
      ],
    );
    assert.equal(r.newest, "2026-11-21");
    assert.equal(inferYear(2, 29, asOf), "2024-02-29");
  });

  it("never throws and returns nothing for pages without a dated list", () => {
    for (const html of ["", "<<<>>>", '<ul><li><a href="/">首页</a></li></ul>']) {
      const r = extractListItems(html, "not a url", new Date(Number.NaN));
      assert.deepEqual(r.items, []);
      assert.equal(r.newest, null);
    }
  });
});
