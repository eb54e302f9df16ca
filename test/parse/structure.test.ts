import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createPageParser, parsePage } from "../../src/parse/index.ts";
import type { PageModel } from "../../src/parse/model.ts";
import { readRealPage, realPageFiles, realPagesSkip } from "../helpers/realPages.ts";

const PAGE = "http://www.example.gov.cn/";

function locators(html: string): string[] {
  return parsePage(html, PAGE).links.map((l) => l.locator);
}

describe("locators", () => {
  it("use the id, else the first class, plus the nth-of-type index when > 1", () => {
    assert.deepEqual(
      locators(
        `<div id="main"><ul class="list  news"><li><a href="1">1</a></li><li><a href="2">2</a></li>` +
          `<li class="x"><span></span><a href="3">3</a><a href="4">4</a></li></ul>` +
          `<div id="side"></div><div><a href="5">5</a></div></div>`,
      ),
      [
        "html>body>div#main>ul.list>li>a",
        "html>body>div#main>ul.list>li[2]>a",
        "html>body>div#main>ul.list>li.x[3]>a",
        "html>body>div#main>ul.list>li.x[3]>a[2]",
        "html>body>div#main>div[2]>a",
      ],
    );
  });

  it("count siblings by tag name only, whatever comes between", () => {
    assert.deepEqual(locators(`<p>a</p><div></div><p>b</p><p><a href="x">x</a></p>`), ["html>body>p[3]>a"]);
  });

  it("include the html, head and body a browser would create", () => {
    assert.deepEqual(locators(`<a href="x">x</a>`), ["html>body>a"]);
    assert.deepEqual(locators(`<link rel="stylesheet" href="a.css"><p><a href="x">x</a>`), [
      "html>head>link",
      "html>body>p>a",
    ]);
    assert.deepEqual(locators(`<html><head></head><script src="a.js"></script><body></body></html>`), [
      "html>head>script",
    ]);
  });

  it("include the tbody and tr a browser would create", () => {
    assert.deepEqual(locators(`<table><td><a href="x">x</a><td><a href="y">y</a></table>`), [
      "html>body>table>tbody>tr>td>a",
      "html>body>table>tbody>tr>td[2]>a",
    ]);
    assert.deepEqual(locators(`<table><tr><td>1</td></tr><tr><td><a href="x">x</a></td></tr></table>`), [
      "html>body>table>tbody>tr[2]>td>a",
    ]);
  });

  it("are deterministic for the same HTML, and unchanged by chunking", { skip: realPagesSkip }, () => {
    const html = readRealPage("court.gov.cn__home__1.html");
    const a = parsePage(html, PAGE).links.map((l) => l.locator);
    const b = parsePage(html, PAGE).links.map((l) => l.locator);
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size > a.length / 2, true, "locators tell links apart");
  });
});

describe("tree building like a browser", () => {
  it("closes <p> and <li> implicitly", () => {
    const model = parsePage(`<p>one<p>two<ul><li>a<li>b</ul>`, PAGE);
    assert.equal(model.text, "one\ntwo\na\nb");
    assert.deepEqual(
      model.blocks.map((b) => b.tag),
      ["p", "p", "li", "li"],
    );
  });

  it("ignores a stray </div> inside a table cell instead of closing the table", () => {
    assert.deepEqual(locators(`<div id="d"><table><tr><td></div><a href="x">x</a></td></tr></table></div>`), [
      "html>body>div#d>table>tbody>tr>td>a",
    ]);
  });

  it("keeps content after </body> and </html> in the body", () => {
    const model = parsePage(`<html><body><p>a</p></body></html><a href="/late">late</a>`, PAGE);
    assert.equal(model.links[0]!.locator, "html>body>a");
    assert.equal(model.text, "a\nlate");
  });

  it("attaches controls to a form whose element a table closed early", () => {
    const model = parsePage(
      `<table><form action="/search"><tr><td><input name="q"><input type="submit" value="搜索"></td></tr></form></table>`,
      PAGE,
    );
    assert.equal(model.forms.length, 1);
    assert.deepEqual(
      model.forms[0]!.fields.map((f) => f.name || f.value),
      ["q", "搜索"],
    );
  });
});

describe("malformed HTML never throws", () => {
  const samples: [string, string][] = [
    ["unclosed tags", `<div><p><span><a href="a">x<table><tr><td>y`],
    ["stray end tags", `</div></span></p></td></tr></table></a></body></html></li><p>ok</p></div>`],
    [
      "unquoted and odd attributes",
      `<a href=/a/b.html title=x class=y\\="" =z>t</a><img src=a.png alt=图 / >`,
    ],
    ["unterminated attribute", `<a href="unterminated>text`],
    ["unterminated comment", `<p>a</p><!-- never closed <a href="x">`],
    ["lonely angle brackets", `< > <> </ > <<a href="x">>x</a> 1 < 2 > 0`],
    ["garbage bytes", "\u0000\u0001\ufffd\ud800<a\u0000 href='\u0000x'>\udfff</a>\u00ff\uffff"],
    [
      "entities",
      `&nbsp &amp &#0; &#xD800; &#x110000; &#99999999999; &unknown; <a href="?a=1&b=2&lt=3">x</a>`,
    ],
    ["svg and math", `<svg><a href="x"><title>t</title></a><foreignObject><p>p</svg><math><mi>x</math>`],
    ["frames in body", `<body><frameset><frame src="a"></frameset><noframes><a href="n">n</a></noframes>`],
    ["misnested formatting", `<b><i>x</b>y</i><a href="1"><div>z</a>w</div><font color=red><p>q</font>`],
  ];
  for (const [name, html] of samples) {
    it(name, () => {
      const model = parsePage(html, PAGE);
      assert.equal(model.parseError, undefined);
    });
  }

  it("a <script> holding </div> and <a href> strings yields no links and no text", () => {
    const model = parsePage(
      `<div id="c"><script>document.write("</div><a href='http://evil.example/'>x</a>");var s="<a href=\\"y\\">";</script>` +
        `<style>a[href="z"]{}</style><a href="/real">real</a></div>`,
      PAGE,
    );
    assert.deepEqual(
      model.links.map((l) => [l.url, l.locator]),
      [["http://www.example.gov.cn/real", "html>body>div#c>a"]],
    );
    assert.equal(model.text, "real");
  });

  it("1 MB of nested divs, with stray end tags, in reasonable time", () => {
    const html =
      "<div>".repeat(200_000) +
      `<a href="/deep">deep</a>` +
      "</span>".repeat(50_000) +
      "</div>".repeat(200_000);
    const model = parsePage(html, PAGE);
    assert.equal(model.links.length, 1);
    assert.equal(model.links[0]!.text, "deep");
    assert.equal(model.elementCount, 200_003);
    // Depth is capped (as in browsers) so the path stays bounded.
    assert.ok(model.links[0]!.locator.length < 10_000);
  });

  it("200 000 unclosed anchors", () => {
    const model = parsePage(`<a href="x">a`.repeat(200_000), PAGE);
    assert.equal(model.links.length, 200_000);
  });

  it("random markup soup", () => {
    const pieces = [
      "<div>",
      "</div>",
      "<a href='x'>",
      "</a>",
      "<p>",
      "<table>",
      "<td>",
      "</tr>",
      "<li>",
      "text ",
      "&amp;",
    ];
    pieces.push(
      "<script>",
      "</script>",
      "<!--",
      "-->",
      "<style>",
      "<b>",
      "</i>",
      '"',
      "'",
      "=",
      "<",
      ">",
      "/",
      "\u0000",
    );
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 50; round++) {
      let html = "";
      for (let i = 0; i < 400; i++) html += pieces[Math.floor(random() * pieces.length)];
      assert.equal(parsePage(html, PAGE).parseError, undefined, html);
    }
  });
});

describe("streaming", () => {
  /** Splits text into pieces of varying size, deterministic for a seed. */
  function chunks(text: string, seed: number): string[] {
    const out: string[] = [];
    let s = seed;
    for (let i = 0; i < text.length;) {
      s = (s * 16807) % 2147483647;
      const size = 1 + (s % 97);
      out.push(text.slice(i, i + size));
      i += size;
    }
    return out;
  }

  function streamed(html: string, seed: number): PageModel {
    const parser = createPageParser(PAGE);
    for (const piece of chunks(html, seed)) parser.write(piece);
    return parser.end();
  }

  it(
    "gives the same model whatever the chunk boundaries, on every real page",
    { skip: realPagesSkip },
    () => {
      for (const file of realPageFiles()) {
        const html = readRealPage(file);
        assert.deepEqual(streamed(html, 7), parsePage(html, PAGE), file);
      }
    },
  );

  it("splits inside tag names, attribute names, values and entities", () => {
    const html = `<DIV CLASS="a&amp;b" Style="display:none"><A HREF="x.html">t&nbsp;&#20013;</A></DIV>`;
    const parser = createPageParser(PAGE);
    for (const ch of html) parser.write(ch);
    assert.deepEqual(parser.end(), parsePage(html, PAGE));
  });

  it("returns the same model from repeated end() and ignores writes after it", () => {
    const parser = createPageParser(PAGE);
    parser.write(`<a href="a">a</a>`);
    const model = parser.end();
    parser.write(`<a href="b">b</a>`);
    assert.equal(parser.end(), model);
    assert.equal(model.links.length, 1);
  });
});
