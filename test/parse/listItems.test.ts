import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { siteModules } from "../../demo/content/index.ts";
import { DEMO_AS_OF } from "../../demo/content/model.ts";
import { demoSites, type DemoColumn, type DemoSite } from "../../demo/sites.ts";
import { buildDom } from "../../src/parse/dom.ts";
import { extractListItems, inferYear, type ListExtraction } from "../../src/parse/listItems.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";
import { readLabels, readRealPage, realPagesSkip } from "../helpers/realPages.ts";

const asOf = new Date(`${DEMO_AS_OF}T00:00:00+08:00`);

function extractDemo(url: string): ListExtraction {
  const html = readDemoPage(url);
  assert.ok(html !== null, `no local file for ${url}`);
  return extractListItems(buildDom(html), url, asOf);
}

/** Rows a demo column's list pages show: DemoColumn.items leaves out entries whose page is missing. */
function listedRows(site: DemoSite, column: DemoColumn): number {
  const mod = siteModules.find((m) => m.host === site.host)!;
  const def = mod.columns.find((c) => `http://${site.host}${mod.listUrl(c, 0)}` === column.url)!;
  return def.articles.length;
}

/** Follows a column's pagination over the local files, within a budget of pages. */
function crawlColumn(site: DemoSite, column: DemoColumn, budget = 20): { pages: string[]; items: number } {
  const seen = new Set<string>([column.url]);
  const queue = [column.url];
  let items = 0;
  const pages: string[] = [];
  while (queue.length > 0 && pages.length < budget) {
    const url = queue.shift()!;
    const r = extractDemo(url);
    pages.push(url);
    items += r.items.length;
    for (const p of r.pagination) {
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  return { pages, items };
}

describe("extractListItems", () => {
  it(
    "finds the newest list date and item count of the real ordos.gov.cn list page (label)",
    { skip: realPagesSkip },
    () => {
      const label = readLabels().find((l) => l.file === "ordos.gov.cn__list__1.html");
      assert.ok(label?.labels.list, "label for the ordos list page");
      const html = readRealPage(label.file);
      const url = "http://www.ordos.gov.cn/xxgk/xxgknb/index.html";
      const result = extractListItems(buildDom(html), url, new Date("2021-10-01T00:00:00+08:00"));
      assert.equal(result.newest, label.labels.list.newest_item_date);
      assert.equal(result.items.length, label.labels.list.item_count);
      assert.equal(result.placeholder, null);
      assert.equal(result.next, "http://www.ordos.gov.cn/xxgk/xxgknb/index_1.html");
      assert.ok(
        result.pagination.some((p) => p.endsWith("/index_1.html")),
        result.pagination.join(),
      );
    },
  );

  it("finds the declared newest date of every demo column's first list page, and blank columns' placeholders", () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const site of demoSites) {
      for (const column of site.columns) {
        checked += 1;
        const r = extractDemo(column.url);
        if (column.newest === undefined) {
          if (r.items.length !== 0 || r.placeholder === null) {
            wrong.push(
              `${column.url}: blank column gave ${r.items.length} items, placeholder ${r.placeholder}`,
            );
          }
        } else if (r.newest !== column.newest || r.placeholder !== null) {
          wrong.push(
            `${column.url}: ${r.newest} (${r.container}) != ${column.newest}, placeholder ${r.placeholder}`,
          );
        }
      }
    }
    assert.ok(checked >= 30, `only ${checked} columns`);
    assert.deepEqual(wrong, []);
  });

  it("reads the placeholder of each blank demo column as written", () => {
    const county = demoSites.find((s) => s.host === "www.demo-county.gov.cn")!;
    const rsxx = county.columns.find((c) => c.url.endsWith("/zwgk/rsxx/"))!;
    assert.equal(extractDemo(rsxx.url).placeholder, "暂无信息");
    const jyj = demoSites.find((s) => s.host === "jyj.demo-city.gov.cn")!;
    const zxft = jyj.columns.find((c) => c.url.endsWith("/zxft/index.htm"))!;
    assert.equal(extractDemo(zxft.url).placeholder, "栏目建设中，敬请期待……");
  });

  it("links each template's first list page to its next page", () => {
    const expected: Record<string, [string, string]> = {
      "www.demo-city.gov.cn": [
        "http://www.demo-city.gov.cn/tzgg/",
        "http://www.demo-city.gov.cn/tzgg/index_1.html",
      ],
      "fgw.demo-city.gov.cn": [
        "http://fgw.demo-city.gov.cn/col/col1211/index.html",
        "http://fgw.demo-city.gov.cn/col/col1211/index.html?page=2",
      ],
      "www.demo-county.gov.cn": [
        "http://www.demo-county.gov.cn/xwzx/gzdt/",
        "http://www.demo-county.gov.cn/xwzx/gzdt/index_2.shtml",
      ],
      "jyj.demo-city.gov.cn": [
        "http://jyj.demo-city.gov.cn/jyxw/index.htm",
        "http://jyj.demo-city.gov.cn/jyxw/page_2.htm",
      ],
    };
    for (const site of demoSites) {
      const [first, second] = expected[site.host]!;
      const r = extractDemo(first);
      assert.deepEqual(r.pagination, [second], `${site.template}: ${r.pagination.join()}`);
      assert.equal(r.next, second, site.template);
      const last = extractDemo(second);
      assert.deepEqual(last.pagination, [], `${site.template} last page: ${last.pagination.join()}`);
      assert.equal(last.next, null);
    }
  });

  it("adds up every demo column's items over all its list pages", () => {
    const wrong: string[] = [];
    let multiPage = 0;
    for (const site of demoSites) {
      for (const column of site.columns) {
        const { pages, items } = crawlColumn(site, column);
        if (pages.length > 1) multiPage += 1;
        const expected = listedRows(site, column);
        if (items !== expected)
          wrong.push(`${column.url}: ${items} items over ${pages.length} pages != ${expected}`);
      }
    }
    assert.ok(multiPage >= 4, `only ${multiPage} multi-page columns`);
    assert.deepEqual(wrong, []);
  });

  it("reads each template's rows and dates", () => {
    const city = demoSites.find((s) => s.host === "www.demo-city.gov.cn")!;
    const tzgg = city.columns.find((c) => c.url.endsWith("/tzgg/"))!;
    const r = extractDemo(tzgg.url);
    assert.ok(r.items.length > 0 && r.items.length <= tzgg.items);
    assert.ok(r.items.every((i) => i.date !== null && !i.yearInferred && i.url.startsWith(tzgg.url)));
    assert.match(r.container, /ul/);

    const fgw = demoSites.find((s) => s.host === "fgw.demo-city.gov.cn")!;
    const col = fgw.columns.find((c) => c.url.includes("col1211"))!;
    const f = extractDemo(col.url);
    assert.match(f.container, /tbody|table/);
    assert.equal(f.items[0]?.title, "市发展改革委召开2027年重大项目谋划工作推进会");
    assert.equal(f.items[0]?.dateText, "2026-11-17");
  });

  it("recognises numbered page links without a 下一页 link (page_2.htm, index_2.shtml, ?page=2)", () => {
    const rows = Array.from(
      { length: 3 },
      (_, i) => `<li><a href="/a/${i}.htm">关于第${i}批项目的公示</a><span>2026-11-1${i}</span></li>`,
    ).join("");
    for (const [href, want] of [
      ["page_2.htm", "http://example.gov.cn/col/page_2.htm"],
      ["index_2.shtml", "http://example.gov.cn/col/index_2.shtml"],
      ["list-2.html", "http://example.gov.cn/col/list-2.html"],
      ["?page=2", "http://example.gov.cn/col/index.htm?page=2"],
      ["index.jsp?pageNo=2&col=3", "http://example.gov.cn/col/index.jsp?pageNo=2&col=3"],
    ] as const) {
      const html = `<ul class="list">${rows}</ul><div class="pages"><b>1</b> <a href="${href}">2</a></div>`;
      const r = extractListItems(buildDom(html), "http://example.gov.cn/col/index.htm", asOf);
      assert.deepEqual(r.pagination, [want], href);
      assert.equal(r.next, null, "no 下一页 link");
      assert.equal(r.items.length, 3);
    }
    // A link text that is not a page number is not pagination, whatever its href.
    const r = extractListItems(
      buildDom(`<ul>${rows}</ul><a href="page_2.htm">更多新闻</a>`),
      "http://example.gov.cn/col/index.htm",
      asOf,
    );
    assert.deepEqual(r.pagination, []);
  });

  it("reads the next page from TRS pager scripts", () => {
    const rows = `<ul><li><a href="/a/1.html">关于冬季供暖安全的通知</a><span>2026-11-18</span></li></ul>`;
    const page = (script: string, url: string): ListExtraction =>
      extractListItems(buildDom(`${rows}<script>${script}</script>`), url, asOf);
    const first = page('createPageHTML(5, 0, "index", "shtml");', "http://example.gov.cn/tzgg/index.shtml");
    assert.equal(first.next, "http://example.gov.cn/tzgg/index_1.shtml");
    assert.deepEqual(first.pagination, ["http://example.gov.cn/tzgg/index_1.shtml"]);
    const middle = page("createPageHTML(5, 3, 'index', 'html');", "http://example.gov.cn/tzgg/index_3.html");
    assert.equal(middle.next, "http://example.gov.cn/tzgg/index_4.html");
    const last = page('createPageHTML(5, 4, "index", "html");', "http://example.gov.cn/tzgg/index_4.html");
    assert.equal(last.next, null);
    const vars = page(
      "var currentPage = 1;//所在页从0开始\nvar countPage = 3//共多少页",
      "http://example.gov.cn/x/index_1.htm",
    );
    assert.equal(vars.next, "http://example.gov.cn/x/index_2.htm");
  });

  it("reports a placeholder only for a page without items, and not from its chrome", () => {
    const url = "http://example.gov.cn/col/";
    const blank =
      '<div class="header"><a href="/">首页</a></div><div class="main"><h2>人事信息</h2><div class="list-empty">暂无相关信息！</div></div>';
    assert.equal(extractListItems(buildDom(blank), url, asOf).placeholder, "暂无相关信息！");

    const withItems =
      '<div class="main"><ul class="list"><li><a href="/a/1.html">关于冬季供暖安全的通知</a><span>2026-11-18</span></li>' +
      '<li><a href="/a/2.html">关于元旦假期值班安排的通知</a><span>2026-11-10</span></li></ul></div>' +
      '<div class="box"><h3>在线访谈</h3><p>暂无数据</p></div>';
    const r = extractListItems(buildDom(withItems), url, asOf);
    assert.equal(r.items.length, 2);
    assert.equal(r.placeholder, null);

    const chromeOnly =
      '<div class="main"><p>本栏目介绍本局的机构职能与内设机构设置情况，以及领导分工。</p></div>' +
      '<div id="sidebar"><p>暂无数据</p></div><div class="footer">网站建设中如有问题请联系</div><nav>敬请期待</nav>';
    assert.equal(extractListItems(buildDom(chromeOnly), url, asOf).placeholder, null);

    const undated =
      '<div class="main"><ul><li><a href="/a/1.html">示范市机构编制委员会办公室主要职责</a></li>' +
      '<li><a href="/a/2.html">示范市机构编制委员会办公室内设机构</a></li>' +
      '<li><a href="/a/3.html">示范市机构编制委员会办公室领导分工</a></li></ul>' +
      '<div class="box"><h3>在线访谈</h3><p>暂无数据</p></div></div>';
    const u = extractListItems(buildDom(undated), url, asOf);
    assert.deepEqual([u.items.length, u.placeholder], [0, null], "undated items are items too");

    const sentence =
      '<div class="main"><p>2026年全市新建5G基站3000个，暂无信息化水平较低的乡镇未覆盖的情况，各项工作稳步推进。</p></div>';
    assert.equal(extractListItems(buildDom(sentence), url, asOf).placeholder, null);
  });

  it("infers the year of month-day dates from asOf", () => {
    const html =
      '<div class="list"><div class="row"><a href="/a/1.html">关于冬季供暖安全的通知</a><span>[11-18]</span></div>' +
      '<div class="row"><a href="/a/2.html">关于元旦假期值班安排的通知</a><span>[12-28]</span></div>' +
      '<div class="row"><a href="/a/3.html">关于开展安全大检查的通知</a><span>11月21日</span></div></div>' +
      '<div class="nav"><a href="/">首页</a><a href="/x/">新闻</a></div>';
    const r = extractListItems(buildDom(html), "http://example.gov.cn/list/", asOf);
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
      const r = extractListItems(buildDom(html), "not a url", new Date(Number.NaN));
      assert.deepEqual(r.items, []);
      assert.equal(r.newest, null);
      assert.equal(r.placeholder, null);
    }
  });

  it("stays linear on 1 MB hostile pages (deep nesting, many links, stray tags)", (t) => {
    const row = '<li><a href="/a/1.html">关于冬季供暖安全的通知</a><span>2026-11-18</span></li>';
    const cases: Array<[string, string]> = [
      ["nested links", '<div><a href="/x/1.html">关于冬季供暖安全的通知 2026-11-18</a>'.repeat(20_000)],
      ["flat list", `<ul>${row.repeat(15_000)}</ul>`],
      [
        "nested lists",
        `<ul>${'<li><a href="/a/1.html">关于冬季供暖安全的通知</a><span>2026-11-18</span><ul>'.repeat(16_000)}`,
      ],
      ["stray tags", '</p><td><a href="/a">x</a></div>'.repeat(35_000)],
    ];
    for (const [name, html] of cases) {
      assert.ok(html.length >= 1_000_000, `${name}: ${html.length} chars`);
      const start = performance.now();
      const dom = buildDom(html);
      const built = performance.now();
      const r = extractListItems(dom, "http://example.gov.cn/list/", asOf);
      const end = performance.now();
      t.diagnostic(
        `${name}: ${(html.length / 1e6).toFixed(2)} MB, buildDom ${(built - start).toFixed(0)} ms, ` +
          `extractListItems ${(end - built).toFixed(0)} ms, ${r.items.length} items`,
      );
      // Quadratic walks take tens of seconds here; a generous bound keeps loaded CI machines green.
      assert.ok(end - start < 3000, `${name}: ${(end - start).toFixed(0)} ms`);
    }
  });
});
