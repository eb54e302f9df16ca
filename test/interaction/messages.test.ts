import assert from "node:assert/strict";
import { test } from "node:test";
import { discoverChannels } from "../../src/checks/interactionChannels.ts";
import { buildDom } from "../../src/parse/dom.ts";
import { readMessages, type MessagePage } from "../../src/parse/messages.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";

function read(html: string, url = "http://www.x.gov.cn/hdjl/zxly/202611/t1.html"): MessagePage {
  return readMessages(parsePage(html, url), buildDom(html));
}

function demo(url: string): MessagePage {
  const html = readDemoPage(url);
  assert.ok(html !== null, url);
  return read(html, url);
}

test("demo letter pages: th/td table, dl/dt/dd, label lines, two labels on one line", () => {
  const city = demo("http://www.demo-city.gov.cn/hdjl/zxly/202611/t20261116_1501.html");
  assert.equal(city.kind, "detail");
  assert.deepEqual(
    { ...city.records[0]!, url: undefined },
    {
      url: undefined,
      title: "关于城东区人民大道夜间施工噪音的咨询",
      asked: "2026-11-16T21:14",
      replied: "2026-11-18T10:20",
      status: "replied",
      statusText: null,
      hasReply: true,
      source: "detail",
      confidence: "confirmed",
    },
  );
  const jyj = demo("http://jyj.demo-city.gov.cn/jzxx/20260715/c4604.htm").records[0]!;
  assert.deepEqual(
    [jyj.asked, jyj.replied, jyj.status, jyj.statusText],
    ["2026-07-15T21:40", null, "unreplied", "待回复"],
  );
  const fgw = demo("http://fgw.demo-city.gov.cn/art/2026/11/8/art_1261_3601.html");
  assert.deepEqual(
    [fgw.records[0]?.asked, fgw.records[0]?.replied],
    ["2026-11-08T19:20", "2026-11-11T10:00"],
  );
  const county = demo("http://www.demo-county.gov.cn/hdjl/xzxx/2026-10/21/content_6202.shtml").records[0]!;
  assert.deepEqual(
    [county.title, county.asked, county.replied],
    ["咨询农村危房改造补助政策", "2026-10-21", "2026-10-24"],
  );
});

test("an ordinary column list and an ordinary article are no messages", () => {
  assert.equal(demo("http://www.demo-city.gov.cn/hdjl/zxly/").kind, "none");
  const article = read(
    "<title>办事指南</title><h1>公共场所卫生许可</h1><p>办理时间：周一至周五</p><p>发布时间：2026-11-02</p>",
  );
  assert.equal(article.kind, "none");
});

test("a list table with a header row", () => {
  const page = read(
    `<table><tr><th>标题</th><th>留言时间</th><th>答复时间</th><th>状态</th></tr>
<tr><td><a href="/hdjl/x/1.html">路灯不亮</a></td><td>2026-08-01</td><td></td><td>办理中</td></tr>
<tr><td><a href="/hdjl/x/2.html">公交改线</a></td><td>2026-10-01</td><td>2026-10-09</td><td>已办结</td></tr></table>`,
    "http://www.x.gov.cn/hdjl/x/",
  );
  assert.equal(page.kind, "list");
  assert.deepEqual(
    page.records.map((r) => [r.url, r.title, r.asked, r.replied, r.status, r.confidence]),
    [
      ["http://www.x.gov.cn/hdjl/x/1.html", "路灯不亮", "2026-08-01", null, "processing", "confirmed"],
      ["http://www.x.gov.cn/hdjl/x/2.html", "公交改线", "2026-10-01", "2026-10-09", "replied", "confirmed"],
    ],
  );
});

test("list rows with status badges, labelled or bare dates", () => {
  const labelled = read(
    `<ul><li><a href="a.html">噪音扰民</a><span>留言时间：2026-07-01</span><em class="badge">未回复</em></li>
<li><a href="b.html">学位咨询</a><span>留言时间：2026-10-01</span><span>回复时间：2026-10-02</span><em>已回复</em></li></ul>`,
    "http://www.x.gov.cn/ly/",
  );
  assert.deepEqual(
    labelled.records.map((r) => [r.title, r.asked, r.replied, r.status, r.confidence]),
    [
      ["噪音扰民", "2026-07-01", null, "unreplied", "confirmed"],
      ["学位咨询", "2026-10-01", "2026-10-02", "replied", "confirmed"],
    ],
  );
  const bare = read(
    `<div class="list"><div class="row"><a href="1.html">一</a><i>未办结</i><span>2026-06-01</span></div>
<div class="row"><a href="2.html">二</a><i>已办结</i><span>2026-09-01</span><span>2026-09-03</span></div></div>`,
    "http://www.x.gov.cn/ly/",
  );
  assert.deepEqual(
    bare.records.map((r) => [r.asked, r.replied, r.status, r.confidence]),
    [
      ["2026-06-01", null, "unreplied", "suspected"],
      ["2026-09-01", "2026-09-03", "replied", "suspected"],
    ],
  );
  // One badge alone is a sidebar note, not a list.
  assert.equal(
    read(`<ul><li><a href="1.html">一</a> 已办结</li><li><a href="2.html">二</a></li></ul>`).kind,
    "none",
  );
});

test("a letter page with label: value lines and a processing status", () => {
  const page = read(
    `<title>关于小区停车的咨询_某市</title><div>来信人：张先生\u3000提问时间：2026年05月06日 08:30</div>
<div>问题内容：小区停车位不够。</div><div>处理状态：处理中</div>`,
  );
  assert.deepEqual(
    [page.kind, page.records[0]?.title, page.records[0]?.asked, page.records[0]?.status],
    ["detail", "关于小区停车的咨询", "2026-05-06T08:30", "processing"],
  );
});

test("channel discovery keeps consultation channels, sets aside the excluded and mail-only ones", () => {
  const channels = discoverChannels([
    { url: "http://x.gov.cn/hdjl/szxx/", text: "市长信箱" },
    { url: "http://x.gov.cn/hdjl/zxly/", text: "咨询留言" },
    { url: "https://12345.x.gov.cn/", text: "12345政务服务便民热线" },
    { url: "http://x.gov.cn/xf/", text: "网上信访" },
    { url: "http://x.gov.cn/jb/", text: "纪检举报" },
    { url: "http://x.gov.cn/zxft/", text: "在线访谈" },
    { url: "http://x.gov.cn/dczj/", text: "调查征集" },
    { url: "mailto:jzxx@x.gov.cn", text: "局长信箱" },
    { url: "mailto:web@x.gov.cn", text: "电子信箱" },
    { url: "http://x.gov.cn/news/1.html", text: "市长信箱今年共收到群众来信一万余件办结率百分之百" },
    { url: "http://x.gov.cn/hdjl/szxx/", text: "市长信箱" },
  ]);
  assert.deepEqual(
    channels.map((c) => [c.kind, c.text]),
    [
      ["consultation", "市长信箱"],
      ["consultation", "咨询留言"],
      ["consultation", "12345政务服务便民热线"],
      ["excluded", "网上信访"],
      ["excluded", "纪检举报"],
      ["excluded", "在线访谈"],
      ["excluded", "调查征集"],
      ["mail-only", "局长信箱"],
    ],
  );
});
