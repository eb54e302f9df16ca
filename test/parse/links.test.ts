import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePage } from "../../src/parse/index.ts";
import type { LinkRef } from "../../src/parse/model.ts";

const PAGE = "http://www.example.gov.cn/dir/page.html";

function links(html: string, url = PAGE): LinkRef[] {
  return parsePage(html, url).links;
}

/** The compact facts most tests check: element, attribute, kind and resolved URL. */
function facts(html: string, url = PAGE): string[] {
  return links(html, url).map((l) => `${l.element}[${l.attribute}] ${l.kind} ${l.url}`);
}

describe("link-bearing elements and attributes", () => {
  it("reads a[href] and area[href] as pages, with rel", () => {
    const found = links(`<a href="a.html" rel="nofollow">A</a><map><area href="/b.html" alt="区域B"></map>`);
    assert.deepEqual(
      found.map((l) => [l.element, l.attribute, l.kind, l.url, l.text, l.rel]),
      [
        ["a", "href", "page", "http://www.example.gov.cn/dir/a.html", "A", "nofollow"],
        ["area", "href", "page", "http://www.example.gov.cn/b.html", "区域B", undefined],
      ],
    );
  });

  it("reads img src, srcset candidates and lazy-load attributes", () => {
    assert.deepEqual(
      facts(
        `<img src="1.gif" data-src="2.jpg" data-original="3.png" srcset="4.png 1x, 5.png 2x,6.png" alt="图">` +
          `<picture><source srcset="7.webp 100w, 8,9.webp 200w" type="image/webp"></picture>`,
      ),
      [
        "img[src] image http://www.example.gov.cn/dir/1.gif",
        "img[data-src] image http://www.example.gov.cn/dir/2.jpg",
        "img[data-original] image http://www.example.gov.cn/dir/3.png",
        "img[srcset] image http://www.example.gov.cn/dir/4.png",
        "img[srcset] image http://www.example.gov.cn/dir/5.png",
        "img[srcset] image http://www.example.gov.cn/dir/6.png",
        "source[srcset] image http://www.example.gov.cn/dir/7.webp",
        "source[srcset] image http://www.example.gov.cn/dir/8,9.webp",
      ],
    );
  });

  it("gives each srcset candidate its own raw value", () => {
    assert.deepEqual(
      links(`<img srcset=" a.png  1.5x , b.png">`).map((l) => l.raw),
      ["a.png", "b.png"],
    );
  });

  it("reads scripts, stylesheets, icons and other <link>s by rel", () => {
    const found = links(
      `<head><script src="/js/app.js"></script><link rel="stylesheet" href="s.css">` +
        `<link rel="shortcut icon" href="/favicon.ico"><link rel="apple-touch-icon" href="/t.png">` +
        `<link rel="canonical" href="http://www.example.gov.cn/c.html"><link href="norel.xml"></head>`,
    );
    assert.deepEqual(
      found.map((l) => [l.element, l.kind, l.rel]),
      [
        ["script", "script", undefined],
        ["link", "stylesheet", "stylesheet"],
        ["link", "image", "shortcut icon"],
        ["link", "image", "apple-touch-icon"],
        ["link", "other", "canonical"],
        ["link", "other", undefined],
      ],
    );
  });

  it("reads frames, forms, embed, object, video, audio, source, track and poster", () => {
    assert.deepEqual(
      facts(
        `<iframe src="f.html" title="嵌入"></iframe><form action="/search"></form>` +
          `<embed src="x.swf"><object data="y.swf"></object>` +
          `<video src="v.mp4" poster="p.jpg"><source src="v.webm"><track src="c.vtt"></video>` +
          `<audio src="a.mp3"></audio>`,
      ),
      [
        "iframe[src] frame http://www.example.gov.cn/dir/f.html",
        "form[action] form http://www.example.gov.cn/search",
        "embed[src] media http://www.example.gov.cn/dir/x.swf",
        "object[data] media http://www.example.gov.cn/dir/y.swf",
        "video[src] media http://www.example.gov.cn/dir/v.mp4",
        "video[poster] image http://www.example.gov.cn/dir/p.jpg",
        "source[src] media http://www.example.gov.cn/dir/v.webm",
        "track[src] media http://www.example.gov.cn/dir/c.vtt",
        "audio[src] media http://www.example.gov.cn/dir/a.mp3",
      ],
    );
    assert.equal(links(`<iframe src="f.html" title=" 嵌入 "></iframe>`)[0]!.text, "嵌入");
  });

  it("reads frameset frames", () => {
    assert.deepEqual(facts(`<frameset rows="*"><frame src="http://www.npc.gov.cn/a.htm"></frameset>`), [
      "frame[src] frame http://www.npc.gov.cn/a.htm",
    ]);
  });

  it("reads background attributes on body, table and cells", () => {
    assert.deepEqual(
      facts(
        `<body background="b.jpg"><table background="t.gif"><tr><td background="c.png">x</td></tr></table>`,
      ),
      [
        "body[background] image http://www.example.gov.cn/dir/b.jpg",
        "table[background] image http://www.example.gov.cn/dir/t.gif",
        "td[background] image http://www.example.gov.cn/dir/c.png",
      ],
    );
  });

  it("reads url() in style attributes, quoted or not", () => {
    const found = links(
      `<div style="background:url('/bg.png') no-repeat; list-style-image: URL( dot.gif )">x</div>` +
        `<span style='background-image:url("a b.jpg")'></span>`,
    );
    assert.deepEqual(
      found.map((l) => [l.element, l.attribute, l.kind, l.raw, l.url]),
      [
        ["div", "style", "image", "/bg.png", "http://www.example.gov.cn/bg.png"],
        ["div", "style", "image", "dot.gif", "http://www.example.gov.cn/dir/dot.gif"],
        ["span", "style", "image", "a b.jpg", "http://www.example.gov.cn/dir/a%20b.jpg"],
      ],
    );
  });

  it("reads the meta refresh target as a link and as metaRefresh", () => {
    const model = parsePage(`<meta http-equiv="Refresh" content="5; URL='/new/index.html'">`, PAGE);
    assert.deepEqual(model.metaRefresh, { url: "http://www.example.gov.cn/new/index.html", delaySeconds: 5 });
    assert.deepEqual(
      model.links.map((l) => [l.element, l.attribute, l.kind, l.raw, l.url]),
      [["meta", "content", "page", "/new/index.html", "http://www.example.gov.cn/new/index.html"]],
    );
  });

  it("treats a meta refresh without a URL as a refresh of the page itself, with no link", () => {
    const model = parsePage(`<meta http-equiv="refresh" content="30">`, PAGE);
    assert.deepEqual(model.metaRefresh, { url: PAGE, delaySeconds: 30 });
    assert.equal(model.links.length, 0);
  });

  it("reads image inputs", () => {
    assert.deepEqual(facts(`<form><input type="image" src="go.png" alt="搜索"></form>`), [
      "input[src] image http://www.example.gov.cn/dir/go.png",
    ]);
  });
});

describe("URL resolution", () => {
  it("resolves against the first <base href>, itself resolved against the page URL", () => {
    const model = parsePage(
      `<head><base href="/sub/"><base href="http://other.example/"></head><a href="x.html">x</a>`,
      PAGE,
    );
    assert.equal(model.baseUrl, "http://www.example.gov.cn/sub/");
    assert.equal(model.links[0]!.url, "http://www.example.gov.cn/sub/x.html");
  });

  it("applies a base that appears after the link, as browsers do", () => {
    assert.equal(
      links(`<a href="x.html">x</a><base href="http://cdn.example.gov.cn/root/">`)[0]!.url,
      "http://cdn.example.gov.cn/root/x.html",
    );
  });

  it("ignores a base without href", () => {
    const model = parsePage(`<base target="_blank"><base href="/b/"><a href="x">x</a>`, PAGE);
    assert.equal(model.links[0]!.url, "http://www.example.gov.cn/b/x");
  });

  it("resolves relative forms like a browser", () => {
    const cases: [string, string][] = [
      ["../up.html", "http://www.example.gov.cn/up.html"],
      ["./same.html", "http://www.example.gov.cn/dir/same.html"],
      ["/root.html", "http://www.example.gov.cn/root.html"],
      ["//cdn.example.gov.cn/x.js", "http://cdn.example.gov.cn/x.js"],
      ["?page=2", "http://www.example.gov.cn/dir/page.html?page=2"],
      ["HTTPS://Other.Example/A", "https://other.example/A"],
      ["中文/附件.doc", "http://www.example.gov.cn/dir/%E4%B8%AD%E6%96%87/%E9%99%84%E4%BB%B6.doc"],
      ["a\\b.html", "http://www.example.gov.cn/dir/a/b.html"],
    ];
    for (const [href, expected] of cases) {
      assert.equal(links(`<a href="${href}">x</a>`)[0]!.url, expected, href);
    }
  });

  it("strips tab and newline anywhere and trims spaces, but keeps the raw value", () => {
    const [link] = links(`<a href="  /a\n/b\t.html  ">x</a>`);
    assert.equal(link!.url, "http://www.example.gov.cn/a/b.html");
    assert.equal(link!.raw, "  /a\n/b\t.html  ");
  });

  it("decodes entities in attribute values", () => {
    assert.equal(
      links(`<a href="list.jsp?a=1&amp;b=2&copy=3">x</a>`)[0]!.url,
      "http://www.example.gov.cn/dir/list.jsp?a=1&b=2&copy=3",
    );
  });

  it("keeps unresolvable values with url null", () => {
    const [bad] = links(`<a href="http://exa mple.com/">x</a>`);
    assert.equal(bad!.url, null);
    assert.equal(bad!.raw, "http://exa mple.com/");
    const [relative] = links(`<a href="x.html">x</a>`, "not a url");
    assert.equal(relative!.url, null);
    assert.equal(links(`<a href="http://a.example/">x</a>`, "not a url")[0]!.url, "http://a.example/");
  });
});

describe("values that are not links", () => {
  it("skips javascript:, mailto:, tel:, data:, about:, fragment-only and empty values", () => {
    const found = links(
      `<a href="javascript:void(0)">1</a><a href=" JavaScript:go()">2</a><a href="java\nscript:x">3</a>` +
        `<a href="mailto:a@b.cn">4</a><a href="tel:12345">5</a><img src="data:image/png;base64,AAAA">` +
        `<a href="about:blank">6</a><a href="#top">7</a><a href="">8</a><a>9</a><a href="  ">10</a>` +
        `<iframe src="about:blank"></iframe><a href="ok.html">11</a>`,
    );
    assert.deepEqual(
      found.map((l) => [l.text, l.index]),
      [["11", 0]],
    );
  });
});

describe("link kinds by extension", () => {
  it("classifies attachments, images and media by the path's extension", () => {
    const found = links(
      ["a.doc", "b.DOCX", "c.xls", "d.xlsx", "e.ppt", "f.pptx", "g.pdf", "h.wps", "i.et", "j.dps", "k.ofd"]
        .concat(["l.ceb", "m.txt", "n.csv", "o.zip", "p.rar", "q.7z", "r.tar", "s.tar.gz", "t.pdf?x=1#p"])
        .map((h) => `<a href="${h}">x</a>`)
        .join("") + `<a href="photo.JPG">p</a><a href="v.mp4">v</a><a href="download.jsp?f=a.pdf">d</a>`,
    );
    assert.deepEqual(
      found.map((l) => l.kind),
      [...Array<string>(20).fill("attachment"), "image", "media", "page"],
    );
  });

  it("lets an attachment extension override frame and media kinds, but not image or script", () => {
    assert.deepEqual(
      links(
        `<iframe src="doc.pdf"></iframe><object data="x.pdf"></object><img src="a.pdf"><script src="a.txt"></script>`,
      ).map((l) => l.kind),
      ["attachment", "attachment", "image", "script"],
    );
  });
});

describe("anchor text", () => {
  it("collapses whitespace (incl. &nbsp; and U+3000) and cuts at 200 characters", () => {
    const found = links(
      `<a href="a">  通知\n\t公告&nbsp;\u3000 <b>全文</b> </a><a href="b">${"字".repeat(300)}</a>`,
    );
    assert.equal(found[0]!.text, "通知 公告 全文");
    assert.equal(found[1]!.text.length, 200);
  });

  it("falls back to the title attribute, then an inner image's alt", () => {
    const found = links(
      `<a href="a" title=" 标题 "><img src="i.png" alt="图片"></a><a href="b"><img src="j.png" alt="党政机关"></a>`,
    );
    assert.deepEqual(
      found.filter((l) => l.element === "a").map((l) => l.text),
      ["标题", "党政机关"],
    );
    assert.equal(found.find((l) => l.element === "img")!.text, "图片");
  });

  it("uses alt, then title, for images", () => {
    assert.deepEqual(
      links(`<img src="a.png" alt="甲" title="乙"><img src="b.png" title="乙">`).map((l) => l.text),
      ["甲", "乙"],
    );
  });

  it("ends an anchor at the next <a>, as browsers do with nested anchors", () => {
    assert.deepEqual(
      links(`<a href="1">one<a href="2">two</a>`).map((l) => l.text),
      ["one", "two"],
    );
  });

  it("numbers links in document order", () => {
    assert.deepEqual(
      links(`<a href="a"><img src="b.png"></a><script src="c.js"></script>`).map((l) => [l.index, l.element]),
      [
        [0, "a"],
        [1, "img"],
        [2, "script"],
      ],
    );
  });
});
