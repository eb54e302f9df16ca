import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { identityFindings, type IdentityContext } from "../../src/checks/identity.ts";
import { extendIdentityReference, loadIdentityReference } from "../../src/checks/identityReference.ts";
import { MetaTagTally } from "../../src/checks/metaTags.ts";
import { footerFactsOf } from "../../src/parse/footerFacts.ts";
import { parsePage } from "../../src/parse/index.ts";
import type { FindingDraft } from "../../src/core/finding.ts";
import { siteModules } from "../../demo/content/index.ts";
import { demoSite } from "../../demo/sites.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";

/** What a site configuration would add for the demo's fictitious province. */
const demoReference = extendIdentityReference(loadIdentityReference(), {
  provinces: { 演: "99" },
  divisions: {
    "990000": "演示省",
    "990100": "演示省示范市",
    "990102": "演示省示范市城东区",
    "990121": "演示省示范市演示县",
  },
});
const site = "http://www.example.gov.cn";
const context: IdentityContext = { site, url: `${site}/`, reference: demoReference };

const COMPLETE = `<span id="_ideConac"><a href="http://bszs.conac.cn/sitename?id=1"><img src="http://dcs.conac.cn/image/red.png"></a></span>
<a href="http://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=9901000001"><img src="/j.png" alt="我为政府网站找错"></a>
<p>主办单位：示范市人民政府办公室 地址：示范市人民大道1号 联系电话：0999-81234567</p>
<p>网站标识码：9901000001 演ICP备26000101号 演公网安备99010202000101号</p>`;

function findingsOf(html: string, extra: Partial<IdentityContext> = {}): FindingDraft[] {
  return identityFindings(footerFactsOf(parsePage(html, context.url)), { ...context, ...extra });
}
const summary = (findings: FindingDraft[]) =>
  findings.map((f) => `${f.check} ${f.severity} ${f.confidence}`).sort();

describe("identityFindings", () => {
  it("finds nothing wrong with a complete footer", () => {
    assert.deepEqual(findingsOf(COMPLETE), []);
  });

  it("reports each missing element, confirmed when the footer is in the page", () => {
    const findings = findingsOf("<p>版权所有：示范市人民政府</p>");
    assert.deepEqual(summary(findings), [
      "standards.conac-badge deduct confirmed",
      "standards.contact deduct confirmed",
      "standards.icp deduct confirmed",
      "standards.jiucuo-entry deduct confirmed",
      "standards.organizer deduct confirmed",
      "standards.police-filing deduct confirmed",
      "standards.site-id-code deduct confirmed",
    ]);
    assert.ok(findings.every((f) => f.indicator?.includes("19号") && f.message.startsWith("首页")));
  });

  it("is inconclusive when the page shows no footer at all (a frame or script may draw it)", () => {
    const findings = findingsOf(`<iframe src="/footer.html"></iframe>`);
    assert.equal(findings.length, 7);
    assert.ok(findings.every((f) => f.confidence === "inconclusive"));
  });

  it("reports a code only in the 找错 script as not shown, suspected", () => {
    const html = COMPLETE.replace("网站标识码：9901000001", "");
    const [finding] = findingsOf(html);
    assert.equal(finding?.check, "standards.site-id-code");
    assert.equal(finding?.confidence, "suspected");
    assert.match(finding!.message, /9901000001/);
  });

  it("reports disagreeing codes once, with every source, and the registry value", () => {
    const html = `<html><head><meta name="SiteIDCode" content="9901000052"></head><body>${COMPLETE}</body></html>`;
    const [mismatch, ...rest] = findingsOf(html);
    assert.equal(rest.length, 0);
    assert.equal(mismatch?.check, "standards.site-id-code-mismatch");
    assert.equal(mismatch?.severity, "deduct");
    assert.equal(
      mismatch?.message,
      "网站标识码不一致：页尾 9901000001；找错入口 9901000001；SiteIDCode 标签 9901000052",
    );
    const registry = findingsOf(COMPLETE, { registeredSiteIdCode: "9901000002" });
    assert.deepEqual(summary(registry), ["standards.site-id-code-mismatch deduct confirmed"]);
    assert.match(registry[0]!.message, /登记值 9901000002/);
  });

  it("reports odd values as written, never dropping them", () => {
    const html = COMPLETE.replace(
      "9901000001 演ICP备26000101号 演公网安备99010202000101号",
      "310000000044 演ICP备26000101 演公网安备99010202000101",
    );
    const findings = findingsOf(html);
    assert.deepEqual(summary(findings), [
      "standards.icp warn confirmed",
      "standards.police-filing warn confirmed",
      "standards.site-id-code deduct confirmed",
      "standards.site-id-code-mismatch deduct confirmed",
    ]);
    const code = findings.find((f) => f.check === "standards.site-id-code")!;
    assert.equal(code.evidence.raw, "310000000044");
    assert.deepEqual(code.identity, ["value"]);
  });

  it("an unlisted division is a suspected warning, not a deduction", () => {
    const html = COMPLETE.replaceAll("9901000001", "9909000001");
    const findings = findingsOf(html);
    assert.deepEqual(summary(findings), ["standards.site-id-code warn suspected"]);
  });

  it("reports a hidden 找错 entry", () => {
    const html = COMPLETE.replace('<a href="http://zfwzgl', '<a style="display:none" href="http://zfwzgl');
    assert.deepEqual(summary(findingsOf(html)), ["standards.jiucuo-entry deduct suspected"]);
  });
});

describe("the demo sites", () => {
  const homepages = siteModules.map((module) => {
    const url = `http://${module.host}/`;
    const page = parsePage(readDemoPage(url)!, url);
    return { module, url, page, facts: footerFactsOf(page) };
  });

  for (const { module, url, facts } of homepages.filter((h) => h.module.host !== "jyj.demo-city.gov.cn")) {
    it(`${module.host}: complete footer read as the site module wrote it, no findings`, () => {
      const footer = module.footer;
      assert.equal(facts.siteIdCode.footer[0]?.value, footer.siteIdCode);
      assert.equal(facts.siteIdCode.jiucuo[0]?.value, footer.siteIdCode);
      assert.equal(facts.icp[0]?.raw, footer.icp);
      assert.equal(facts.police[0]?.raw, footer.psb);
      assert.equal(facts.policeRecordCodes[0]?.value, footer.psbCode);
      assert.equal(facts.organizer[0]?.raw, footer.sponsor);
      assert.equal(facts.contact.phones[0]?.raw, footer.phone);
      assert.deepEqual(identityFindings(facts, { site: url, url, reference: demoReference }), []);
    });
  }

  it("jyj: the planted footer defects are found, and nothing else", () => {
    const jyj = homepages.find((h) => h.module.host === "jyj.demo-city.gov.cn")!;
    const expected = demoSite(jyj.module.host)!;
    const findings = identityFindings(jyj.facts, { site: jyj.url, url: jyj.url, reference: demoReference });
    assert.deepEqual(summary(findings), [
      "standards.jiucuo-entry deduct confirmed",
      "standards.police-filing deduct confirmed",
      "standards.site-id-code-mismatch deduct confirmed",
    ]);
    const mismatch = findings.find((f) => f.check === "standards.site-id-code-mismatch")!;
    assert.deepEqual(
      (mismatch.evidence.stated as { value: string }[]).map((s) => s.value),
      [expected.siteIdCode, expected.metaSiteIdCode],
    );
  });

  it("meta tags: only jyj's list pages lack ColumnType", () => {
    const found: FindingDraft[] = [];
    for (const module of siteModules) {
      const origin = `http://${module.host}`;
      const tally = new MetaTagTally(origin);
      tally.add(homepages.find((h) => h.module === module)!.page, "home");
      for (const column of module.columns) {
        const listUrl = `${origin}${module.listUrl(column, 0)}`;
        const list = readDemoPage(listUrl);
        if (list !== null) tally.add(parsePage(list, listUrl), "list");
        for (const article of column.articles.filter((a) => !a.missing && !a.href).slice(0, 2)) {
          const articleUrl = `${origin}${module.articleUrl(column, article)}`;
          tally.add(parsePage(readDemoPage(articleUrl)!, articleUrl), "article");
        }
      }
      found.push(...tally.findings());
    }
    assert.deepEqual(
      found.map((f) => `${f.site} ${f.locator}`),
      ["http://jyj.demo-city.gov.cn meta:list:ColumnType"],
    );
    assert.equal(found[0]!.evidence.pages, found[0]!.evidence.ofPages);
  });
});
