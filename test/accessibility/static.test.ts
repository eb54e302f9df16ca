import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AccessibilityTally, accessibilityEntryFindings } from "../../src/checks/accessibility.ts";
import { readDataList } from "../../src/core/dataFiles.ts";
import type { PageModel } from "../../src/parse/model.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";

const site = "http://www.example.gov.cn";
const toolbarMarkers = readDataList("accessibility/toolbars.txt");

function page(body: string, path = "/", head = "<title>示例</title>", lang = ' lang="zh-CN"'): PageModel {
  return parsePage(
    `<!DOCTYPE html><html${lang}><head>${head}</head><body>${body}</body></html>`,
    `${site}${path}`,
  );
}

function tally(...pages: PageModel[]): AccessibilityTally {
  const t = new AccessibilityTally({ site, sampleLimit: 2 });
  for (const p of pages) t.add(p);
  return t;
}

describe("parse: what accessibility needs from the model", () => {
  test("a missing alt is told apart from an empty (decorative) one", () => {
    const model = page(`<img src="/a.png"><img src="/b.png" alt=""><img src="/c.png" alt="市徽">`);
    assert.deepEqual(
      model.links.map((l) => [l.raw, l.altMissing ?? false]),
      [
        ["/a.png", true],
        ["/b.png", false],
        ["/c.png", false],
      ],
    );
  });

  test("labels by for=, by wrapping and by aria mark the control labelled", () => {
    const model = page(
      `<form action="/s"><input id="a" name="a"><label for="a">姓名</label>` +
        `<label>电话 <input name="b"></label><input name="c" aria-label="地址"><input name="d"></form>`,
    );
    assert.deepEqual(
      model.forms[0]!.fields.map((f) => [f.name, f.labelled ?? false]),
      [
        ["a", true],
        ["b", true],
        ["c", true],
        ["d", false],
      ],
    );
  });
});

describe("AccessibilityTally", () => {
  test("a clean page gives nothing", () => {
    const clean = page(
      `<img src="/logo.png" alt="示例市人民政府"><img src="/line.png" alt="">` +
        `<form action="/s"><label for="q">搜索</label><input id="q" name="q"><select name="t" title="范围"></select><input type="submit" value="搜索"></form>`,
    );
    assert.deepEqual(tally(clean).findings(), []);
  });

  test("each problem becomes one site finding with counts and sample pages", () => {
    const broken = (path: string): PageModel =>
      page(
        `<img src="/a.png"><img src="/b.png" style="display:none"><a href="/x"><img src="/c.png"></a>`,
        path,
        "<title> </title>",
        "",
      );
    const findings = tally(broken("/1.html"), broken("/2.html"), broken("/3.html")).findings();
    assert.deepEqual(
      findings.map((f) => [f.check, f.severity, f.evidence["pages"], f.evidence["elements"]]),
      [
        // The hidden image is not counted; alt="" would not be either.
        ["accessibility.img-alt", "warn", 3, 6],
        ["accessibility.lang", "info", 3, 3],
        ["accessibility.title", "warn", 3, 3],
      ],
    );
    const samples = findings[0]!.evidence["samples"] as Array<{ page: string; count: number }>;
    assert.deepEqual(
      samples.map((s) => [s.page, s.count]),
      [
        [`${site}/1.html`, 2],
        [`${site}/2.html`, 2],
      ],
    );
    assert.equal(findings[0]!.url, site);
  });

  test("form controls: no name is warn, a placeholder alone is counted apart as info", () => {
    const weak = page(
      `<form action="/s"><input name="q" placeholder="请输入关键词"><button>搜索</button></form>`,
    );
    const [onlyWeak] = tally(weak).findings();
    assert.equal(onlyWeak!.check, "accessibility.form-labels");
    assert.equal(onlyWeak!.severity, "info");

    const bare = page(
      `<form action="/login"><input name="user"><textarea name="memo"></textarea><input type="hidden" name="t"></form>`,
    );
    const [both] = tally(weak, bare).findings();
    assert.equal(both!.severity, "warn");
    assert.deepEqual(both!.evidence["unlabelled"], {
      pages: 1,
      elements: 2,
      samples: [
        {
          page: `${site}/`,
          count: 2,
          locators: ["html>body>form input[name=user]", "html>body>form textarea[name=memo]"],
        },
      ],
    });
    assert.match(both!.message, /1 个页面共 2 个表单控件没有标签；1 个页面共 1 个控件仅有 placeholder 提示/);
  });
});

describe("accessibility entry on the homepage", () => {
  const entry = (body: string, head = "<title>示例</title>"): string[] =>
    accessibilityEntryFindings(page(body, "/", head), { site, toolbarMarkers }).map((f) => f.check);

  test("found by link text, by a phrase of a script-driven entry, or by a toolbar script", () => {
    assert.deepEqual(entry(`<a href="/slh/">长者模式</a>`), []);
    assert.deepEqual(entry(`<span onclick="toggle()">无障碍浏览</span>`), []);
    assert.deepEqual(entry("", `<script src="//gov.govwza.cn/dist/aria.js?appid=1"></script>`), []);
    assert.deepEqual(
      entry(`<script>document.writeln("<script src='//gov.govwza.cn/dist/aria.js'><\\/script>")</script>`),
      [],
    );
  });

  test("missing when only articles mention the subject", () => {
    assert.deepEqual(
      entry(`<a href="/a/1.html">我市推进无障碍环境建设</a><script src="/js/jquery.js"></script>`),
      ["accessibility.entry"],
    );
  });
});

describe("demo sites", () => {
  const demo = (url: string): PageModel => parsePage(readDemoPage(url)!, url);

  test("the city's pages declare lang and give every image an alt; the fgw site declares no lang", () => {
    const city = tally(demo("http://www.demo-city.gov.cn/"))
      .findings()
      .map((f) => f.check);
    assert.deepEqual(city, ["accessibility.form-labels"]);
    const fgw = tally(demo("http://fgw.demo-city.gov.cn/"))
      .findings()
      .map((f) => f.check);
    assert.ok(fgw.includes("accessibility.lang"));
  });

  test("the city's admin login has unlabelled fields", () => {
    const [finding] = tally(demo("http://www.demo-city.gov.cn/admin/login.html")).findings();
    assert.equal(finding!.severity, "warn");
    assert.equal((finding!.evidence["unlabelled"] as { elements: number }).elements, 2);
  });

  test("the city and county homepages offer 长者模式; fgw and jyj offer no entry (planted)", () => {
    const entries = {
      "www.demo-city.gov.cn": 0,
      "www.demo-county.gov.cn": 0,
      "fgw.demo-city.gov.cn": 1,
      "jyj.demo-city.gov.cn": 1,
    };
    for (const [host, count] of Object.entries(entries)) {
      const findings = accessibilityEntryFindings(demo(`http://${host}/`), {
        site: `http://${host}`,
        toolbarMarkers,
      });
      assert.equal(findings.length, count, host);
    }
  });
});
