import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { footerFactsOf, metaValue, siteIdCodeOf } from "../../src/parse/footerFacts.ts";
import { parsePage } from "../../src/parse/index.ts";

const URL_ = "http://www.example.gov.cn/";
const facts = (body: string, head = "") =>
  footerFactsOf(parsePage(`<html><head>${head}</head><body>${body}</body></html>`, URL_));
const raws = (values: { raw: string }[]) => values.map((v) => v.raw);

describe("parse: what the identity checks need from the page model", () => {
  it("keeps a script's sitecode attribute on its link, trimmed", () => {
    const page = parsePage(
      `<script id="_jiucuo_" sitecode="bm55000001\n" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>`,
      URL_,
    );
    assert.equal(page.links[0]?.siteCode, "bm55000001");
  });

  it("keeps the text of inline scripts, not of external ones, cut at 2 000 characters", () => {
    const long = "x".repeat(5000);
    const page = parsePage(
      `<script>document.write("a")</script><script src="/a.js">ignored()</script><script>${long}</script>`,
      URL_,
    );
    assert.deepEqual(page.inlineScripts?.[0], 'document.write("a")');
    assert.equal(page.inlineScripts?.length, 2);
    assert.equal(page.inlineScripts?.[1]?.length, 2000);
    assert.ok(!page.text.includes("document.write"));
  });
});

describe("footerFactsOf", () => {
  it("reads a complete footer", () => {
    const f = facts(
      `<p>主办单位：示范市人民政府办公室&nbsp;&nbsp;承办单位：示范市大数据中心</p>
       <p>地址：示范市人民大道1号&nbsp;&nbsp;联系电话：0999-81234567&nbsp;&nbsp;电子邮箱：web@demo.gov.cn</p>
       <p>网站标识码：9901000001&nbsp;&nbsp;<a href="http://beian.miit.gov.cn/">演ICP备26000101号</a>
       <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=99010202000101">演公网安备99010202000101号</a></p>
       <p>版权所有：示范市人民政府</p>`,
    );
    assert.deepEqual(raws(f.siteIdCode.footer), ["9901000001"]);
    assert.deepEqual(raws(f.icp), ["演ICP备26000101号"]);
    assert.deepEqual(raws(f.police), ["演公网安备99010202000101号"]);
    assert.deepEqual(raws(f.policeRecordCodes), ["99010202000101"]);
    assert.deepEqual(raws(f.organizer), ["示范市人民政府办公室"]);
    assert.deepEqual(raws(f.undertaker), ["示范市大数据中心"]);
    assert.deepEqual(raws(f.copyright), ["示范市人民政府"]);
    assert.deepEqual(raws(f.contact.phones), ["0999-81234567"]);
    assert.deepEqual(raws(f.contact.emails), ["web@demo.gov.cn"]);
    assert.deepEqual(raws(f.contact.addresses), ["示范市人民大道1号"]);
    assert.equal(f.footerSeen, true);
  });

  it("folds full-width colons and digits, and joins codes split by spaces or &nbsp;", () => {
    const f = facts("<p>网站标识码：９９０１&nbsp;000001　京ICP备０５０７０２１８号</p><p>主办：某某局</p>");
    assert.deepEqual(
      f.siteIdCode.footer.map((v) => v.value),
      ["9901000001"],
    );
    assert.equal(f.siteIdCode.footer[0]?.raw, "９９０１ 000001");
    assert.deepEqual(
      f.icp.map((v) => v.value),
      ["京ICP备05070218号"],
    );
    assert.deepEqual(raws(f.organizer), ["某某局"]);
  });

  it("keeps odd values as written: a 12-digit code, a word, an ICP with -2, a police number without 号", () => {
    const f = facts(
      "<p>网站标识码：310000000044 政府网站标识码：待分配</p><p>蒙ICP备13001412号-2 京公网安备11010102001509 版权所有</p>",
    );
    assert.deepEqual(raws(f.siteIdCode.footer), ["310000000044", "待分配"]);
    assert.deepEqual(raws(f.icp), ["蒙ICP备13001412号-2"]);
    assert.deepEqual(raws(f.police), ["京公网安备11010102001509"]);
  });

  it("reads “XX主办” only in footer-like blocks, and “X 版权所有” before the words", () => {
    const f = facts(
      "<p>省文化厅主办的艺术节开幕</p><p>国家税务总局办公厅主办 电子税务管理中心技术支持</p><p>中华人民共和国最高人民法院 版权所有</p>",
    );
    assert.deepEqual(raws(f.organizer), ["国家税务总局办公厅"]);
    assert.deepEqual(raws(f.copyright), ["中华人民共和国最高人民法院"]);
  });

  it("cuts a value where the next footer item starts without a space", () => {
    const f = facts("<p>主办单位：示范市教育局承办单位：示范市信息中心</p>");
    assert.deepEqual(raws(f.organizer), ["示范市教育局"]);
    assert.deepEqual(raws(f.undertaker), ["示范市信息中心"]);
  });

  it("finds the conac badge as link and image, and as a document.write(unescape(…)) script", () => {
    const linked = facts(
      `<span id="_ideConac"><a href="http://bszs.conac.cn/sitename?method=show&id=1"><img src="http://dcs.conac.cn/image/red.png"></a></span>`,
    );
    assert.deepEqual(linked.conacBadge.forms, ["link", "image"]);
    const written = facts(
      `<script>document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='http://dcs.conac.cn/js/33/000/0000/1/CA1.js'%3E%3C/script%3E"));</script>`,
    );
    assert.equal(written.conacBadge.present, true);
    assert.deepEqual(written.conacBadge.forms, ["inline-script"]);
    assert.equal(facts("<p>党政机关</p>").conacBadge.present, false);
  });

  it("finds the 找错 entry with its site codes, and tells a hidden one", () => {
    const script = facts(
      `<script id="_jiucuo_" sitecode='1100000241' src='https://pucha.kaipuyun.cn/exposure/jiucuo.js'></script>`,
    );
    assert.deepEqual(script.jiucuo.forms, ["script"]);
    assert.deepEqual(raws(script.siteIdCode.jiucuo), ["1100000241"]);
    assert.equal(siteIdCodeOf(script)?.value, "1100000241");

    const hidden = facts(
      `<a style="display:none" href="http://121.43.68.40/exposure/jiucuo.html?site_code=3300000020&url=x">找错</a>`,
    );
    assert.equal(hidden.jiucuo.present, true);
    assert.equal(hidden.jiucuo.hidden, true);
    assert.deepEqual(raws(hidden.siteIdCode.jiucuo), ["3300000020"]);

    const written = facts(
      `<script>$(".f").html(unescape("%3Cscript id='_jiucuo_' sitecode='bm55000001' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'%3E%3C/script%3E"))</script>`,
    );
    assert.deepEqual(raws(written.siteIdCode.jiucuo), ["bm55000001"]);
    assert.equal(facts(`<a href="/fuwu/jiucuopage.html">网站纠错</a>`).jiucuo.present, true);
    assert.equal(facts(`<a href="/news/1.html">信息公开</a>`).jiucuo.present, false);
  });

  it("reads the SiteIDCode meta apart from the footer, an empty tag as an empty value", () => {
    const f = facts("<p>网站标识码：9901000025</p>", `<meta name="siteidcode" content="9901000052">`);
    assert.equal(f.siteIdCode.meta?.value, "9901000052");
    assert.equal(siteIdCodeOf(f)?.value, "9901000025");
    const empty = parsePage(`<meta name="SiteIDCode" content="">`, URL_);
    assert.equal(metaValue(empty, "SiteIDCode")?.value, "");
    assert.equal(metaValue(empty, "SiteName"), null);
  });

  it("sees no footer on a page without one", () => {
    const f = facts("<p>欢迎访问</p>");
    assert.equal(f.footerSeen, false);
    assert.equal(f.icp.length + f.police.length + f.organizer.length, 0);
  });
});
