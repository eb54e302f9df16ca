import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleDates, normaliseMetaDate, type ArticleDates } from "../../src/parse/articleDate.ts";
import { parsePage } from "../../src/parse/index.ts";

function dates(html: string): ArticleDates {
  return articleDates(parsePage(html, "http://www.example.gov.cn/art/1.html"));
}

function article(opts: {
  title?: string;
  metas?: string;
  byline?: string;
  body?: string;
  before?: string;
}): string {
  const title = opts.title ?? "关于做好冬季供暖期间安全用气工作的通告";
  return (
    `<html><head><title>${title}_示范市人民政府</title>${opts.metas ?? ""}</head><body>` +
    `<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>${opts.before ?? ""}` +
    `<div class="article"><h1>${title}</h1>${opts.byline ?? ""}` +
    `<div class="content">${opts.body ?? "<p>各区县人民政府，市政府各部门：为切实做好今冬明春供暖期间安全用气工作，现通告如下。</p>"}</div></div>` +
    `<div class="footer">主办单位：示范市人民政府办公室</div></body></html>`
  );
}

describe("articleDates", () => {
  it("reads the labelled line under the title in every common form", () => {
    const cases: Array<[string, string, string]> = [
      [
        '<div class="info">发布时间：2026-11-18 08:30　来源：市城管局</div>',
        "2026-11-18T08:30",
        "发布时间：2026-11-18 08:30",
      ],
      ['<div class="info">发布日期：2026/11/18</div>', "2026-11-18", "发布日期：2026/11/18"],
      [
        "<p>发布时间：2026年11月18日 10:00 来源：县民政局</p>",
        "2026-11-18T10:00",
        "发布时间：2026年11月18日 10:00",
      ],
      ["<p>来源：市政府办公室 | 时间：2026-11-18</p>", "2026-11-18", "时间：2026-11-18"],
      ["<p>日期: 2026.11.18 浏览次数：12</p>", "2026-11-18", "日期: 2026.11.18"],
      [
        "<table><tr><td>发布日期：</td><td>2026-11-18</td></tr></table>",
        "2026-11-18",
        "发布日期：\n2026-11-18",
      ],
      ["<p>【发布时间：２０２６年１１月１８日】</p>", "2026-11-18", "发布时间：２０２６年１１月１８日"],
    ];
    for (const [byline, iso, text] of cases) {
      const d = dates(article({ byline }));
      assert.deepEqual(d.displayed, { iso, text, source: "text" }, byline);
      assert.deepEqual(d.published, d.displayed);
      assert.equal(d.meta, null);
      assert.equal(d.disagree, false);
    }
  });

  it("takes a date standing alone under the title when there is no label", () => {
    const d = dates(article({ byline: "<p>来源：新华社</p><p>作者：</p><p>2023-12-01 14:43</p>" }));
    assert.deepEqual(d.displayed, { iso: "2023-12-01T14:43", text: "2023-12-01 14:43", source: "text" });
  });

  it("does not take 成文日期, 留言时间 or a date inside the text for the publish date", () => {
    const d = dates(
      article({
        before: '<div class="side"><p>请问如何查询金融许可证？</p><p>留言时间： 2025-04-16</p></div>',
        byline: "<table><tr><td>成文日期：2026年11月02日</td><td>发布日期：2026年11月05日</td></tr></table>",
        body: "<p>二、时间：2026年12月1日至2027年3月15日。</p><p>（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</p>",
      }),
    );
    assert.equal(d.displayed?.iso, "2026-11-05");

    const updated = dates(article({ byline: "<p>更新时间：2026-11-19</p><p>发布时间：2026-11-05</p>" }));
    assert.equal(updated.displayed?.iso, "2026-11-05", "发布时间 over 更新时间");

    const onlyBody = dates(
      article({
        body: "<p>（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</p><p>现予公布。</p>",
      }),
    );
    assert.equal(onlyBody.displayed, null);

    const onlyOthers = dates(
      article({
        before: "<p>留言时间： 2025-04-16</p>",
        byline: "<p>成文日期：2026-11-02</p>",
        body: "<p>作出处罚决定的日期</p><p>2024年7月8日</p>",
      }),
    );
    assert.equal(onlyOthers.displayed, null);
  });

  it("reads PubDate and its kin, normalised, and keeps both when they disagree", () => {
    const d = dates(
      article({
        metas:
          '<meta name="PubDate" content="2026-11-17 09:00"><meta name="Maketime" content="2026-11-20 12:00:00">',
        byline: "<p>发布时间：2026-11-18 08:30</p>",
      }),
    );
    assert.deepEqual(d.meta, { iso: "2026-11-17T09:00", text: "2026-11-17 09:00", source: "meta" });
    assert.equal(d.published?.iso, "2026-11-18T08:30");
    assert.equal(d.disagree, true);

    const metaOnly = dates(
      article({ metas: '<meta name="firstpublishedtime" content="2007-08-20-23:59:59">' }),
    );
    assert.equal(metaOnly.displayed, null);
    assert.deepEqual(metaOnly.published, {
      iso: "2007-08-20T23:59",
      text: "2007-08-20-23:59:59",
      source: "meta",
    });
    assert.equal(metaOnly.disagree, false);

    const preferred = dates(
      article({
        metas:
          '<meta property="article:published_time" content="2026-11-16T02:00:00Z"><meta name="pubdate" content="2026-11-16">',
      }),
    );
    assert.deepEqual(preferred.meta, { iso: "2026-11-16", text: "2026-11-16", source: "meta" });
  });

  it("normalises the meta date forms found on government and CMS pages", () => {
    const cases: Array<[string, string | null]> = [
      ["2016-11-22 09:53", "2016-11-22T09:53"],
      ["2007-08-20-23:59:59", "2007-08-20T23:59"],
      ["2026/1/5", "2026-01-05"],
      ["2026年11月20日 08:30", "2026-11-20T08:30"],
      ["2026-11-20T08:30:00+08:00", "2026-11-20T08:30"],
      ["2026-11-19T18:30:00Z", "2026-11-20T02:30"],
      ["2026-11-20 08:30:00.0", "2026-11-20T08:30"],
      ["20261120", "2026-11-20"],
      ["2026-02-30", null],
      ["", null],
      ["{$pubdate}", null],
    ];
    for (const [content, iso] of cases) assert.equal(normaliseMetaDate(content), iso, content);
  });

  it("finds no publish date on list pages and homepages", () => {
    const rows = Array.from(
      { length: 6 },
      (_, i) =>
        `<li><a href="/a/${i}.html">演示县第${i}批重点项目：开工建设情况通报</a><span>2026-11-1${i}</span></li>`,
    ).join("");
    const list = `<html><head><title>通知公告_示范市人民政府</title></head><body><h2>通知公告</h2><ul>${rows}</ul></body></html>`;
    assert.equal(dates(list).published, null);
    const grid = `<html><head><title>政策文件-演示县人民政府</title></head><body><div>政策文件</div>${Array.from(
      { length: 4 },
      (_, i) =>
        `<div class="row"><div><a href="/z/${i}.shtml">演示县人民政府关于印发第${i}号方案的通知</a></div><div>2026年08月1${i}日</div></div>`,
    ).join("")}</body></html>`;
    assert.equal(dates(grid).published, null);
  });

  it("never throws", () => {
    for (const html of ["", "<<<", "<title>时间：</title>发布时间：", "<meta name=pubdate content='x'>"]) {
      const d = dates(html);
      assert.equal(d.published, null);
      assert.equal(d.disagree, false);
    }
  });
});
