import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePage } from "../../src/parse/index.ts";
import type { LinkRef } from "../../src/parse/model.ts";

const PAGE = "http://www.example.gov.cn/";

/** The link to http://spam.example/ in the snippet. */
function spam(html: string): LinkRef {
  const link = parsePage(html, PAGE).links.find((l) => l.url === "http://spam.example/");
  assert.ok(link, "the spam link is extracted");
  return link;
}

const A = `<a href="http://spam.example/">博彩</a>`;

describe("hidden links (暗链)", () => {
  const hiddenCases: [string, string, string][] = [
    ["display:none", `<a style="display:none" href="http://spam.example/">x</a>`, "display:none"],
    [
      "display:none !important, upper case",
      `<div style="DISPLAY: NONE !important">${A}</div>`,
      "display:none",
    ],
    ["visibility:hidden", `<div style="visibility:hidden">${A}</div>`, "visibility:hidden"],
    ["visibility:collapse", `<div style="visibility: collapse">${A}</div>`, "visibility:hidden"],
    ["hidden attribute", `<div hidden>${A}</div>`, "hidden-attr"],
    ["height:0 + overflow:hidden", `<div style="height:0;overflow:hidden">${A}</div>`, "zero-size"],
    ["width:1px + overflow:hidden", `<div style="width:1px; overflow: hidden">${A}</div>`, "zero-size"],
    [
      "max-height:0 + overflow:hidden",
      `<div style="max-height:0px;overflow-y:hidden">${A}</div>`,
      "zero-size",
    ],
    ["font-size:0", `<div style="font-size:0">${A}</div>`, "font-size:0"],
    ["font shorthand 0/0", `<p style="font:0/0 a">${A}</p>`, "font-size:0"],
    ["absolute, left -9999px", `<div style="position:absolute;left:-9999px">${A}</div>`, "off-screen"],
    ["fixed, top -1000px", `<div style="position:fixed; top:-1000px">${A}</div>`, "off-screen"],
    [
      "absolute, left -999px (boundary)",
      `<div style="position:absolute;left:-999px">${A}</div>`,
      "off-screen",
    ],
    ["absolute, left in em", `<div style="position:absolute;left:-100em">${A}</div>`, "off-screen"],
    ["text-indent:-9999px", `<div style="text-indent:-9999px">${A}</div>`, "off-screen"],
    ["margin-left:-3000px", `<div style="margin-left:-3000px">${A}</div>`, "off-screen"],
    ["opacity:0", `<div style="opacity:0">${A}</div>`, "opacity:0"],
    ["opacity:0.0", `<div style="opacity: 0.0">${A}</div>`, "opacity:0"],
    ["IE alpha filter", `<div style="filter:alpha(opacity=0)">${A}</div>`, "opacity:0"],
    ["tiny marquee (attributes)", `<marquee height="1" width="1">${A}</marquee>`, "marquee"],
    ["tiny marquee (style)", `<marquee style="height:2px">${A}</marquee>`, "marquee"],
    ["very fast marquee", `<marquee scrollamount="3000">${A}</marquee>`, "marquee"],
  ];
  for (const [name, html, reason] of hiddenCases) {
    it(`flags ${name}`, () => {
      const link = spam(html);
      assert.equal(link.hidden, true);
      assert.equal(link.hiddenReason, reason);
    });
  }

  it("flags a 0×0 iframe by its attributes or style", () => {
    for (const html of [
      `<iframe src="http://spam.example/" width="0" height="0"></iframe>`,
      `<iframe src="http://spam.example/" width="1" height="1"></iframe>`,
      `<iframe src="http://spam.example/" style="width:0;height:0"></iframe>`,
    ]) {
      assert.equal(spam(html).hiddenReason, "zero-size", html);
    }
  });

  it("inherits hiding from any open ancestor and names the hiding element", () => {
    const link = spam(
      `<div id="wrap"><div class="x" style="display:none"><ul><li><span>${A}</span></li></ul></div></div>`,
    );
    assert.equal(link.hidden, true);
    assert.equal(link.hiddenReason, "display:none");
    assert.equal(link.hiddenBy, "html>body>div#wrap>div.x");
    assert.equal(link.locator, "html>body>div#wrap>div.x>ul>li>span>a");
  });

  it("keeps the text of hidden links and puts it in hiddenText, not text", () => {
    const model = parsePage(`<p>正文</p><div style="display:none">${A}</div>`, PAGE);
    assert.equal(model.links[0]!.text, "博彩");
    assert.equal(model.hiddenText, "博彩");
    assert.equal(model.text, "正文");
  });

  it("ends the hiding with the hiding element, including implied ends", () => {
    const model = parsePage(
      `<div style="display:none"><a href="/a">a</a></div><a href="/b">b</a>` +
        `<p style="display:none">p<div><a href="/c">c</a></div>` +
        `<ul><li style="display:none">x<li><a href="/d">d</a></ul>`,
      PAGE,
    );
    assert.deepEqual(
      model.links.map((l) => [l.text, l.hidden]),
      [
        ["a", true],
        ["b", false],
        ["c", false],
        ["d", false],
      ],
    );
  });

  it("lets a descendant undo visibility:hidden, font-size:0 and text-indent", () => {
    const cases = [
      `<div style="visibility:hidden"><span style="visibility:visible">${A}</span></div>`,
      `<div style="visibility:hidden"><a href="http://spam.example/"><span style="visibility:visible">可见</span></a></div>`,
      `<ul style="font-size:0"><li style="font-size:14px">${A}</li></ul>`,
      `<div style="text-indent:-9999px"><p style="text-indent:0">${A}</p></div>`,
    ];
    for (const html of cases) assert.equal(spam(html).hidden, false, html);
  });

  it("does not let a descendant undo display:none", () => {
    const link = spam(
      `<div style="display:none"><div style="display:block;visibility:visible">${A}</div></div>`,
    );
    assert.equal(link.hiddenReason, "display:none");
  });

  it("does not flag visible links", () => {
    const visible = [
      A,
      `<div style="display:block;color:red">${A}</div>`,
      `<div style="visibility:visible">${A}</div>`,
      `<div style="height:0">${A}</div>`, // no overflow clipping: content shows
      `<div style="height:0;padding-bottom:56%;overflow:hidden">${A}</div>`, // responsive box
      `<div style="width:0;height:0">${A}</div>`,
      `<div style="overflow:hidden;height:20px">${A}</div>`,
      `<div style="position:absolute;left:-500px">${A}</div>`,
      `<div style="left:-9999px">${A}</div>`, // not positioned: left does nothing
      `<div style="position:absolute;left:50%;margin-left:-1000px">${A}</div>`, // centring idiom
      `<div style="text-indent:-9999px;background:url(logo.png)">${A}</div>`, // image replacement
      `<div style="text-indent:2em">${A}</div>`,
      `<div style="opacity:0.5">${A}</div>`,
      `<div style="font-size:0.5em">${A}</div>`,
      `<div style="font-size:0"><a href="http://spam.example/"><img src="logo.png"></a></div>`,
      `<marquee scrollamount="3" height="20">${A}</marquee>`,
      `<div hidden style="display:block">${A}</div>`,
      `<div aria-hidden="true">${A}</div>`,
      `<noscript>${A}</noscript>`,
      `<div style="display:none"></div>${A}`,
      `<div style="display:none"><p>x</p></div></div>${A}`,
    ];
    for (const html of visible) {
      const link = spam(html);
      assert.equal(link.hidden, false, html);
      assert.equal(link.hiddenReason, undefined, html);
      assert.equal(link.hiddenBy, undefined, html);
    }
  });

  it("treats <span/> as an open span, as HTML parsers do, so what follows is inside it", () => {
    assert.equal(spam(`<span style="display:none"/>${A}`).hiddenReason, "display:none");
    assert.equal(spam(`<svg><rect style="display:none"/></svg>${A}`).hidden, false);
  });

  it("does not flag links of elements that are never rendered", () => {
    const model = parsePage(
      `<div style="display:none"><script src="a.js"></script><link rel="stylesheet" href="b.css"></div>`,
      PAGE,
    );
    assert.deepEqual(
      model.links.map((l) => l.hidden),
      [false, false],
    );
  });

  it("flags images under hidden ancestors but not under font-size:0", () => {
    const model = parsePage(
      `<div style="display:none"><img src="a.png"></div><div style="font-size:0"><img src="b.png"></div>`,
      PAGE,
    );
    assert.deepEqual(
      model.links.map((l) => [l.raw, l.hidden]),
      [
        ["a.png", true],
        ["b.png", false],
      ],
    );
  });
});

describe("hidden links by the page's own <style> rules", () => {
  const hiddenCases: [string, string, string, string][] = [
    [
      "class rule in the head",
      `<html><head><style>.lk{display:none}</style></head><body><div class="lk">${A}</div></body></html>`,
      "display:none",
      ".lk",
    ],
    [
      "id rule off-screen, right before the block (the usual injection)",
      `<style type="text/css">#hdlinks { position:absolute; top:-9999px }</style><div id="hdlinks">${A}</div>`,
      "off-screen",
      "#hdlinks",
    ],
    [
      "tag.class selector in a selector list, after a comment",
      `<style>/* 版权 */ h1, p.x {height:0;overflow:hidden}</style><p class="y x">${A}</p>`,
      "zero-size",
      "p.x",
    ],
    [
      "rule on the link itself",
      `<style>a.s{visibility:hidden}</style><a class="s" href="http://spam.example/">x</a>`,
      "visibility:hidden",
      "a.s",
    ],
  ];
  for (const [name, html, reason, rule] of hiddenCases) {
    it(`flags ${name}`, () => {
      const link = spam(html);
      assert.equal(link.hidden, true);
      assert.equal(link.hiddenReason, reason);
      assert.equal(link.hiddenRule, rule);
    });
  }

  const visibleCases: [string, string][] = [
    ["a rule for another class", `<style>.other{display:none}</style><div class="lk">${A}</div>`],
    [
      "a rule needing a class the element lacks",
      `<style>div.a.b{display:none}</style><div class="a">${A}</div>`,
    ],
    ["a rule for another tag", `<style>span.lk{display:none}</style><div class="lk">${A}</div>`],
    ["a print stylesheet", `<style media="print">.lk{display:none}</style><div class="lk">${A}</div>`],
    [
      "a rule inside @media",
      `<style>@media (max-width:600px){.lk{display:none}}</style><div class="lk">${A}</div>`,
    ],
    [
      "a drop-down the page reveals on hover",
      `<style>.sub{display:none} .nav li:hover .sub{display:block}</style><ul class="nav"><li><div class="sub">${A}</div></li></ul>`,
    ],
    [
      "a drop-down revealed by a later <style> block",
      `<style>.sub{display:none}</style><style>.nav .on .sub{display:block}</style><div class="sub">${A}</div>`,
    ],
    [
      "an inline style that shows what the rule hid",
      `<style>.lk{display:none}</style><a class="lk" style="display:inline" href="http://spam.example/">x</a>`,
    ],
    [
      "image replacement by a rule",
      `<style>.logo{text-indent:-9999px;background:url(logo.png)}</style><h1 class="logo">${A}</h1>`,
    ],
    ["a rule written after the element", `<div class="lk">${A}</div><style>.lk{display:none}</style>`],
  ];
  for (const [name, html] of visibleCases) {
    it(`does not flag ${name}`, () => {
      const link = spam(html);
      assert.equal(link.hidden, false, JSON.stringify(link));
    });
  }

  it("puts the text of a block hidden by a rule into hiddenText", () => {
    const page = parsePage(
      `<style>.lk{display:none}</style><p>正文</p><div class="lk">一分快3开户</div>`,
      PAGE,
    );
    assert.match(page.hiddenText, /一分快3开户/);
    assert.doesNotMatch(page.text, /一分快3/);
  });
});
