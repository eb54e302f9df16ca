import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  interpretationFindings,
  pairInterpretations,
  sketchSimilarity,
  textSketch,
  type InterpretationColumn,
  type PolicyDocRecord,
} from "../../src/checks/policyInterpretation.ts";
import { PolicyPairs } from "../../src/inspect/policyPairs.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import type { CrawledPage } from "../../src/crawl/crawler.ts";
import { demoSite } from "../../demo/sites.ts";
import { demoCrawl } from "./demoPages.ts";

function collect(host: string, limits?: ConstructorParameters<typeof PolicyPairs>[0]): PolicyPairs {
  const pairs = new PolicyPairs(limits);
  for (const page of demoCrawl(host)) pairs.add(page, (url) => new URL(url).host === host);
  return pairs;
}

function columnsOf(host: string): InterpretationColumn[] {
  return demoSite(host)!.columns.map((c) => ({
    name: c.name,
    url: c.url,
    type: c.kind,
    state: "read" as const,
  }));
}

function judge(host: string) {
  const pairs = collect(host);
  return interpretationFindings(`http://${host}`, {
    homepageUrl: `http://${host}/`,
    columns: columnsOf(host),
    records: pairs.records,
    dropped: pairs.dropped,
  });
}

const paths = (findings: { check: string; url: string }[], check: string) =>
  findings.filter((f) => f.check === check).map((f) => new URL(f.url).pathname);

describe("政策解读 on the demo sites", () => {
  it("city: the two policies that do not link back to their interpretations", () => {
    const { findings, summary } = judge("www.demo-city.gov.cn");
    assert.deepEqual(paths(findings, "interpretation.link-missing").sort(), [
      "/zcwj/202607/t20260708_2006.html",
      "/zcwj/202610/t20261009_2003.html",
    ]);
    const one = findings.find((f) => f.url.endsWith("t20261009_2003.html"))!;
    assert.deepEqual(one.evidence.missing, ["原文→解读"]);
    assert.equal(one.confidence, "confirmed");
    assert.match(one.message, /未链接其解读/);
    assert.equal(summary.bothWays, 3);
    assert.equal(summary.oneWay, 2);
    // 2003 of 10-09 and its reading of 10-12: three days is still in time.
    assert.deepEqual(paths(findings, "interpretation.late"), []);
    assert.deepEqual(paths(findings, "interpretation.copied"), []);
    assert.deepEqual(paths(findings, "interpretation.column-missing"), []);
  });

  it("county: the copied interpretation (planted) and the 一图读懂 whose policy does not link back", () => {
    const { findings } = judge("www.demo-county.gov.cn");
    const [copied, ...more] = findings.filter((f) => f.check === "interpretation.copied");
    assert.equal(more.length, 0);
    assert.equal(new URL(copied!.url).pathname, "/zcjd/2026-06/11/content_5901.shtml");
    assert.ok((copied!.evidence.containment as number) >= 0.8);
    assert.match(copied!.message, /照抄政策原文：约 \d+% 的文字/);
    assert.deepEqual(paths(findings, "interpretation.link-missing"), ["/zcwj/2026-08/18/content_5801.shtml"]);
  });

  it("fgw: a one-way link, and the 图解 matched by name only that came 17 days late (planted)", () => {
    const { findings, summary } = judge("fgw.demo-city.gov.cn");
    assert.deepEqual(paths(findings, "interpretation.link-missing").sort(), [
      "/art/2026/4/27/art_1232_3303.html",
      "/art/2026/9/25/art_1231_3201.html",
    ]);
    const byName = findings.find(
      (f) => f.url.endsWith("art_1232_3303.html") && f.check === "interpretation.link-missing",
    )!;
    assert.deepEqual(byName.evidence.missing, ["解读→原文", "原文→解读"]);
    assert.equal(byName.confidence, "suspected");
    const [late] = findings.filter((f) => f.check === "interpretation.late");
    assert.equal(late!.evidence.days, 17);
    assert.equal(late!.evidence.policyDate, "2026-04-10");
    assert.equal(summary.nameOnly, 1);
  });

  it("jyj: policy documents but no 解读 column", () => {
    const { findings } = judge("jyj.demo-city.gov.cn");
    assert.deepEqual(
      findings.map((f) => f.check),
      ["interpretation.column-missing"],
    );
  });
});

describe("text similarity", () => {
  const policy =
    "为持续改善农村人居环境，现就有关事项通知如下。一、扎实推进农村厕所革命，普及卫生厕所。二、加快推进农村生活垃圾治理，建立收运处置体系。" +
    "三、梯次推进农村生活污水治理，因地制宜采用纳管、集中和分散处理方式。四、全面提升村容村貌，开展村庄清洁行动，拆除违章建筑和废弃设施。";
  const own =
    "此次出台的文件着眼群众关心的突出问题，坚持因地制宜、分类指导，把改善环境同发展乡村产业结合起来，让农民群众有实实在在的获得感。";

  it("is 1 for the same text and 0 for unrelated text", () => {
    const a = textSketch(policy, 128);
    assert.equal(sketchSimilarity(a, a).containment, 1);
    assert.equal(sketchSimilarity(a, a).jaccard, 1);
    assert.equal(sketchSimilarity(textSketch(own, 128), a).containment, 0);
  });

  it("measures the share of the interpretation found in the policy, not the share of the policy", () => {
    const half = textSketch(policy.slice(0, 60) + own, 128);
    const c = sketchSimilarity(half, textSketch(policy, 128)).containment;
    assert.ok(c > 0.3 && c < 0.6, String(c));
    const excerpt = textSketch(policy.slice(20, 80), 128);
    const full = sketchSimilarity(excerpt, textSketch(policy, 128));
    assert.equal(full.containment, 1);
    assert.ok(full.jaccard < 0.6, "an excerpt is not similar by Jaccard");
  });

  it("estimates from truncated sketches of long texts within ±0.1", () => {
    // Long texts: 4000 distinct characters of policy, an interpretation copying 70 % of it.
    const long = Array.from({ length: 4000 }, (_, i) =>
      String.fromCodePoint(0x4e00 + ((i * 7919) % 20000)),
    ).join("");
    const mine = Array.from({ length: 300 }, (_, i) =>
      String.fromCodePoint(0x4e00 + ((i * 104729 + 13) % 20000)),
    ).join("");
    const copy = long.slice(1000, 1700) + mine;
    const estimate = sketchSimilarity(textSketch(copy, 128), textSketch(long, 128)).containment;
    const exact = 696 / (copy.length - 4);
    assert.ok(Math.abs(estimate - exact) < 0.1, `${estimate} vs ${exact}`);
  });

  it("flags at the threshold and not above it", () => {
    const pairs = collect("www.demo-county.gov.cn");
    const input = {
      homepageUrl: "h",
      columns: columnsOf("www.demo-county.gov.cn"),
      records: pairs.records,
      dropped: pairs.dropped,
    };
    const measured = interpretationFindings("s", input).findings.find(
      (f) => f.check === "interpretation.copied",
    )!.evidence.containment as number;
    const at = { copiedContainment: measured - 0.001, minShingles: 40, lateDays: 3, maxLinkers: 10 };
    assert.equal(interpretationFindings("s", input, at).summary.copied, 1);
    assert.equal(
      interpretationFindings("s", input, { ...at, copiedContainment: measured + 0.01 }).summary.copied,
      0,
    );
    assert.equal(interpretationFindings("s", input, { ...at, minShingles: 10_000 }).summary.copied, 0);
  });
});

function page(url: string, title: string, body: string, column = ""): CrawledPage {
  const meta = column ? `<meta name="ColumnName" content="${column}">` : "";
  return {
    url,
    finalUrl: url,
    depth: 1,
    isHomepage: false,
    fetch: {} as CrawledPage["fetch"],
    page: parsePage(
      `<html><head><title>${title}</title><meta name="ArticleTitle" content="${title}"><meta name="PubDate" content="2026-05-01">${meta}</head><body><h1>${title}</h1>${body}</body></html>`,
      url,
    ),
    bytes: 0,
  };
}

describe("the collector", () => {
  const inScope = () => true;

  it("tells policy documents from interpretations by column, title and 文号", () => {
    const pairs = new PolicyPairs();
    pairs.add(
      page("http://x/a/t1.html", "关于印发加强政策解读工作实施办法的通知", "<p>文件正文内容</p>"),
      inScope,
    );
    pairs.add(page("http://x/a/t2.html", "城乡居民医保政策调整问答", "<p>问答</p>", "政策解读"), inScope);
    pairs.add(
      page("http://x/a/t3.html", "关于开展安全检查的通知", "<p>某政发〔2026〕3号</p><p>正文</p>"),
      inScope,
    );
    pairs.add(page("http://x/a/t4.html", "我市召开工作会议", "<p>会议强调</p>"), inScope);
    pairs.add(page("http://x/a/t5.html", "关于开展消防检查的通知", "<p>无文号的通知</p>"), inScope);
    assert.deepEqual(
      pairs.records.map((r) => [r.title, r.kind]),
      [
        ["关于印发加强政策解读工作实施办法的通知", "policy"],
        ["城乡居民医保政策调整问答", "interpretation"],
        ["关于开展安全检查的通知", "policy"],
      ],
    );
  });

  it("stops keeping records at the cap, counts the rest, and then does not call interpretations unmatched", () => {
    const pairs = new PolicyPairs({ maxPolicies: 1, maxInterpretations: 5, sketchSize: 16, maxLinks: 4 });
    pairs.add(page("http://x/a/p1.html", "某市甲管理办法", "<p>甲</p>"), inScope);
    pairs.add(page("http://x/a/p2.html", "某市乙管理办法", "<p>乙</p>"), inScope);
    pairs.add(page("http://x/a/i1.html", "《某市乙管理办法》解读", "<p>乙的解读</p>"), inScope);
    assert.equal(pairs.records.length, 2);
    assert.deepEqual(pairs.dropped, { policies: 1, interpretations: 0 });
    assert.ok(pairs.records.every((r) => r.sketch.length <= 16));
    const input = { homepageUrl: "h", columns: [], records: pairs.records, dropped: pairs.dropped };
    assert.equal(interpretationFindings("s", input).summary.unmatched, 1);
    assert.deepEqual(
      interpretationFindings("s", input).findings.filter((f) => f.check === "interpretation.link-missing"),
      [],
    );
    const uncapped = interpretationFindings("s", { ...input, dropped: { policies: 0, interpretations: 0 } });
    assert.equal(uncapped.findings.filter((f) => f.check === "interpretation.link-missing").length, 1);
  });

  it("ignores links every page carries (a side list of the latest interpretations)", () => {
    const side = `<ul class="side"><li><a href="http://x/jd/i1.html">《某市甲管理办法》解读</a></li></ul>`;
    const pairs = new PolicyPairs();
    for (let n = 0; n < 12; n += 1)
      pairs.add(page(`http://x/wj/p${n}.html`, `某市第${n}号管理办法`, `<p>正文${n}</p>${side}`), inScope);
    pairs.add(page("http://x/jd/i1.html", "《某市甲管理办法》解读", "<p>解读</p>"), inScope);
    assert.deepEqual(pairInterpretations(pairs.records), []);
    const few = pairs.records.filter(
      (r: PolicyDocRecord) => r.kind === "interpretation" || r.url.endsWith("p0.html"),
    );
    assert.equal(pairInterpretations(few)[0]!.toInterpretation, true);
  });
});
