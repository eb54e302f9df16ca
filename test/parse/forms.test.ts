import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePage } from "../../src/parse/index.ts";

const PAGE = "http://www.example.gov.cn/dir/page.html";

function forms(html: string) {
  return parsePage(html, PAGE).forms;
}

describe("forms", () => {
  it("reads action (resolved), method and fields", () => {
    const [form] = forms(
      `<form action="search.jsp" method="POST" id="f"><input type="hidden" name="site" value="1">` +
        `<input name="kw" placeholder="请输入关键词"><select name="scope"><option>全站</option></select>` +
        `<textarea name="memo"> 备 注 </textarea><button>搜 索</button></form>`,
    );
    assert.equal(form!.action, "http://www.example.gov.cn/dir/search.jsp");
    assert.equal(form!.method, "post");
    assert.equal(form!.locator, "html>body>form#f");
    assert.deepEqual(
      form!.fields.map((f) => [f.tag, f.type, f.name, f.placeholder, f.value, f.text]),
      [
        ["input", "hidden", "site", "", "1", undefined],
        ["input", "text", "kw", "请输入关键词", "", undefined],
        ["select", "select-one", "scope", "", "", undefined],
        ["textarea", "textarea", "memo", "", "备 注", undefined],
        ["button", "submit", "", "", "", "搜 索"],
      ],
    );
  });

  it("submits to the page itself when there is no action, and to nowhere for javascript:", () => {
    assert.equal(forms(`<base href="/other/"><form><input name="q"></form>`)[0]!.action, PAGE);
    assert.equal(forms(`<form action="javascript:void(0)"><input name="q"></form>`)[0]!.action, null);
  });

  it("defaults method to get", () => {
    assert.equal(forms(`<form action="/x"></form>`)[0]!.method, "get");
  });
});

describe("site-search recognition", () => {
  const searchForms: [string, string][] = [
    ["type=search", `<form action="/a"><input type="search" name="x"></form>`],
    ["field named q", `<form action="/a"><input name="q"></form>`],
    ["field named keyword", `<form action="/a"><input type="text" name="keyword"></form>`],
    ["field id searchWord", `<form><input id="searchWord"></form>`],
    ["field named headSearchword", `<form><input name="headSearchword"></form>`],
    ["field named wd", `<form><input name="wd"></form>`],
    ["搜索 button", `<form action="/a"><input name="t1"><input type="submit" value="搜索"></form>`],
    ["检索 button element", `<form action="/a"><input name="t1"><button type="button">检索</button></form>`],
    [
      "查询 button with one text box",
      `<form action="/a"><input name="t1"><input type="button" value="查询"></form>`,
    ],
    [
      "search placeholder",
      `<form action="/a"><input name="t1" placeholder="请输入您要搜索的内容..."></form>`,
    ],
    [
      "image button with alt",
      `<form action="/a"><input name="t1"><input type="image" src="s.png" alt="站内搜索"></form>`,
    ],
    ["link labelled 搜索", `<form action="/a"><input name="t1"><a href="javascript:go()">搜索</a></form>`],
    ["action /search/", `<form action="/search/site_search.jsp"><input type="hidden" name="x"></form>`],
    [
      "action host search.",
      `<form action="http://search.zj.gov.cn/jrobotfront/search.do"><input name="x"></form>`,
    ],
    ["action sousuo", `<form action="/sousuo/index"><input name="x"></form>`],
    ["action s.jsp", `<form action="/s.jsp"><input name="x"></form>`],
    ["action so.", `<form action="http://so.example.gov.cn/"><input name="x"></form>`],
  ];
  for (const [name, html] of searchForms) {
    it(`recognises ${name}`, () => {
      assert.equal(forms(html)[0]!.isSearch, true);
    });
  }

  const otherForms: [string, string][] = [
    [
      "login form, even with a keyword-like field",
      `<form action="/search/login"><input name="key"><input type="password" name="pwd"><input type="submit" value="查询"></form>`,
    ],
    [
      "comment form",
      `<form action="/comment"><input name="author"><textarea name="body"></textarea><button>提交</button></form>`,
    ],
    [
      "查询 form with two text boxes",
      `<form action="/progress"><input name="name"><input name="idcard"><button>查询</button></form>`,
    ],
    ["research path", `<form action="/research/apply"><input name="title"></form>`],
    ["no action and nothing search-like", `<form><input name="email"></form>`],
  ];
  for (const [name, html] of otherForms) {
    it(`does not take a ${name} for search`, () => {
      assert.equal(forms(html)[0]!.isSearch, false);
    });
  }

  it("groups controls outside any form by parent element", () => {
    const found = forms(
      `<div class="search"><input name="searchKey" id="searchKeyword"><button id="go">搜</button></div>` +
        `<input type="hidden" id="count" value="1"><button class="close">×</button>` +
        `<div class="login"><input name="user"><input type="password" name="pwd"></div>`,
    );
    assert.deepEqual(
      found.map((f) => [f.locator, f.formless, f.action, f.isSearch, f.fields.length]),
      [
        ["html>body>div.search", true, null, true, 2],
        ["html>body>div.login[2]", true, null, false, 2],
      ],
    );
  });
});
