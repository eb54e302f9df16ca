import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPubDate, MetaTagTally, metaTagProblems } from "../../src/checks/metaTags.ts";
import { parsePage } from "../../src/parse/index.ts";

const origin = "http://www.example.gov.cn";
function page(path: string, metas: Record<string, string>) {
  const tags = Object.entries(metas)
    .map(([name, content]) => `<meta name="${name}" content="${content}">`)
    .join("");
  return parsePage(`<html><head>${tags}</head><body><p>正文</p></body></html>`, `${origin}${path}`);
}
const site = { SiteName: "示范市人民政府", SiteDomain: "www.example.gov.cn", SiteIDCode: "9901000001" };
const article = { ...site, ArticleTitle: "标题", PubDate: "2026-11-18 09:30", ContentSource: "示范市" };

describe("metaTagProblems", () => {
  it("asks each page type for its own tags", () => {
    assert.deepEqual(metaTagProblems(page("/", site), "home"), []);
    assert.deepEqual(
      metaTagProblems(page("/zwdt/", site), "list").map((p) => `${p.tag} ${p.problem}`),
      ["ColumnName missing", "ColumnType missing"],
    );
    assert.deepEqual(metaTagProblems(page("/a.html", article), "article"), []);
    assert.deepEqual(metaTagProblems(page("/a.html", { ...article, ContentSource: "" }), "article"), [
      { tag: "ContentSource", problem: "missing", value: "" },
    ]);
  });

  it("checks PubDate's format and SiteDomain against the page's host", () => {
    const bad = page("/a.html", { ...article, PubDate: "2026/11/18", SiteDomain: "old.example.gov.cn" });
    assert.deepEqual(
      metaTagProblems(bad, "article").map((p) => `${p.tag} ${p.problem} ${p.value}`),
      ["SiteDomain domain-mismatch old.example.gov.cn", "PubDate pubdate-format 2026/11/18"],
    );
    const listed = page("/", { ...site, SiteDomain: "fgw.zj.gov.cn,www.example.gov.cn" });
    assert.deepEqual(metaTagProblems(listed, "home"), []);
    const withScheme = page("/", { ...site, SiteDomain: "http://WWW.example.gov.cn/" });
    assert.deepEqual(metaTagProblems(withScheme, "home"), []);
  });

  it("accepts yyyy-MM-dd HH:mm with or without seconds, and only real times", () => {
    for (const ok of ["2026-11-18 09:30", "2024-02-29 23:59:59"]) assert.equal(isPubDate(ok), true, ok);
    for (const bad of [
      "2026-11-18",
      "2026-11-18T09:30",
      "2025-02-29 10:00",
      "2026-11-18 24:00",
      "18/11/2026 09:30",
    ]) {
      assert.equal(isPubDate(bad), false, bad);
    }
  });
});

describe("MetaTagTally", () => {
  it("reports a missing tag once per page type, with counts and a few samples", () => {
    const tally = new MetaTagTally(origin, 2);
    tally.add(page("/", site), "home");
    for (let i = 0; i < 30; i++) {
      const { PubDate: _omitted, ...noDate } = article;
      tally.add(page(`/a${i}.html`, i < 20 ? noDate : article), "article");
    }
    const findings = tally.findings();
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding?.check, "standards.meta-tags");
    assert.equal(finding?.url, origin);
    assert.equal(finding?.locator, "meta:article:PubDate");
    assert.deepEqual(
      { pages: finding?.evidence.pages, ofPages: finding?.evidence.ofPages },
      { pages: 20, ofPages: 30 },
    );
    assert.equal((finding?.evidence.samples as unknown[]).length, 2);
    assert.match(finding!.message, /^20 个文章页（共 30 个）缺少网页标签 PubDate/);
  });

  it("reports a bad value once per tag across page types", () => {
    const tally = new MetaTagTally(origin);
    const wrong = { ...site, SiteDomain: "old.example.gov.cn" };
    tally.add(page("/", wrong), "home");
    tally.add(page("/a.html", { ...article, SiteDomain: "old.example.gov.cn" }), "article");
    const [finding, ...rest] = tally.findings();
    assert.equal(rest.length, 0);
    assert.equal(finding?.check, "standards.meta-tag-value");
    assert.equal(finding?.locator, "meta:all:SiteDomain:domain-mismatch");
    assert.equal(finding?.evidence.pages, 2);
    assert.equal(finding?.evidence.ofPages, 2);
  });

  it("has nothing to say about good pages", () => {
    const tally = new MetaTagTally(origin);
    tally.add(page("/", site), "home");
    tally.add(page("/a.html", article), "article");
    assert.deepEqual(tally.findings(), []);
  });
});
