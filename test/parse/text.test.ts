import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePage } from "../../src/parse/index.ts";

const PAGE = "http://www.example.gov.cn/";

describe("visible text and blocks", () => {
  it("separates blocks with a newline and collapses whitespace inside them", () => {
    const model = parsePage(
      `<div>  第一段\n   文字 <span>内联</span>&nbsp;&nbsp;结尾 </div><p>第二段\u3000全角</p>行<br>换行<h1>标题</h1>`,
      PAGE,
    );
    assert.equal(model.text, "第一段 文字 内联 结尾\n第二段 全角\n行\n换行\n标题");
  });

  it("records each block's offsets and the block element it belongs to", () => {
    const model = parsePage(
      `<div>前<p>段落</p>后</div><table><tr><td>格</td><th>头</th></tr></table><li>项`,
      PAGE,
    );
    assert.deepEqual(
      model.blocks.map((b) => [model.text.slice(b.start, b.end), b.tag]),
      [
        ["前", "div"],
        ["段落", "p"],
        ["后", "div"],
        ["格", "td"],
        ["头", "th"],
        ["项", "li"],
      ],
    );
    for (const block of model.blocks) assert.notEqual(model.text.charAt(block.end), " ");
  });

  it("does not break blocks at inline elements", () => {
    const model = parsePage(`<p>发布时间：<span>2026</span>-<b>11-20</b></p>`, PAGE);
    assert.equal(model.text, "发布时间：2026-11-20");
    assert.equal(model.dates[0]!.iso, "2026-11-20");
  });

  it("leaves out script, style, noscript, template, head, title, textarea and select", () => {
    const model = parsePage(
      `<html><head><title>标题</title><style>p{}</style><script>var a="字";</script></head><body>` +
        `<noscript>请开启JavaScript</noscript><template><p>模板</p></template><p>正文</p>` +
        `<textarea>输入</textarea><select><option>选项</option></select></body></html>`,
      PAGE,
    );
    assert.equal(model.text, "正文");
    assert.equal(model.hiddenText, "");
  });

  it("keeps hidden text apart", () => {
    const model = parsePage(`<p>看得见</p><div style="display:none">看不见<p>也看不见</p></div>`, PAGE);
    assert.equal(model.text, "看得见");
    assert.equal(model.hiddenText, "看不见\n也看不见");
  });

  it("puts text that follows the head into the body", () => {
    assert.equal(parsePage(`<title>t</title>正文`, PAGE).text, "正文");
  });
});

describe("title, lang and meta tags", () => {
  it("reads the first title, whitespace collapsed, entities decoded", () => {
    const model = parsePage(
      `<title>\n  首页 &amp; 新闻\n  - 某某市人民政府 </title><svg><title>图标</title></svg><title>第二个</title>`,
      PAGE,
    );
    assert.equal(model.title, "首页 & 新闻 - 某某市人民政府");
  });

  it("reads lang of <html>", () => {
    assert.equal(parsePage(`<html lang=" zh-CN "><body></body></html>`, PAGE).lang, "zh-CN");
    assert.equal(parsePage(`<p>x</p>`, PAGE).lang, "");
  });

  it("reads every meta with name, property, http-equiv, itemprop or charset, names as written", () => {
    const model = parsePage(
      `<meta charset="UTF-8"><meta name="SiteName" content="某某市人民政府"><meta name=ColumnName content=首页>` +
        `<meta property="og:title" content="T"><meta http-equiv="X-UA-Compatible" content="IE=edge">` +
        `<meta itemprop="name" content="N"><meta name="SiteIDCode" content=""><meta content="orphan">`,
      PAGE,
    );
    assert.deepEqual(
      model.metas.map((m) => [m.key, m.name, m.content]),
      [
        ["charset", "charset", "UTF-8"],
        ["name", "SiteName", "某某市人民政府"],
        ["name", "ColumnName", "首页"],
        ["property", "og:title", "T"],
        ["http-equiv", "X-UA-Compatible", "IE=edge"],
        ["itemprop", "name", "N"],
        ["name", "SiteIDCode", ""],
      ],
    );
  });

  it("takes the declared charset from the first meta charset or Content-Type", () => {
    assert.equal(
      parsePage(
        `<meta http-equiv="Content-Type" content="text/html; charset=GB2312"><meta charset="utf-8">`,
        PAGE,
      ).declaredCharset,
      "gb2312",
    );
    assert.equal(parsePage(`<meta charset=" GBK ">`, PAGE).declaredCharset, "gbk");
    assert.equal(parsePage(`<p>x</p>`, PAGE).declaredCharset, undefined);
  });

  it("counts elements", () => {
    assert.equal(parsePage(`<html><head></head><body><p><br></p></body></html>`, PAGE).elementCount, 5);
  });
});
