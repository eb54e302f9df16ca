import { formatSummary } from "../../src/report/summary.ts";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startDemoServer, type DemoServer } from "../../demo/server.ts";
import { demoSites, type DemoDefectKind } from "../../demo/sites.ts";
import { inspect } from "../../src/inspect/inspect.ts";
import type { InspectionReport } from "../../src/report/schema.ts";
import { demoInspectOptions, testSlowMs } from "../helpers/demoInspection.ts";

/** What the inspection must say about each planted link defect: check id family and confidence. */
const expectedLinkVerdict: Partial<Record<DemoDefectKind, string>> = {
  "broken-link": "confirmed",
  "broken-attachment": "confirmed",
  "broken-image": "confirmed",
  gone: "confirmed",
  "unknown-host": "confirmed",
  "redirect-loop": "confirmed",
  "server-error": "suspected",
  slow: "suspected",
};
const expectedCheck: Partial<Record<DemoDefectKind, string>> = {
  "broken-attachment": "link.attachment-dead",
  "broken-image": "link.image-dead",
};
const fineKinds: DemoDefectKind[] = ["bot-protected", "redirect-chain"];

let demo: DemoServer;
let report: InspectionReport;

before(async () => {
  demo = await startDemoServer({ slowMs: testSlowMs });
  report = await inspect(await demoInspectOptions(demo));
});

after(() => demo.close());

test("every planted link defect of every demo site is found with the right verdict", () => {
  for (const site of demoSites) {
    const findings = report.sites.find((entry) => entry.site === new URL(site.homepage).origin)!.findings;
    for (const defect of site.defects) {
      const confidence = expectedLinkVerdict[defect.kind];
      const linkFinding = findings.find(
        (finding) => finding.check.startsWith("link.") && finding.url === defect.url,
      );
      if (confidence) {
        assert.ok(linkFinding, `${site.host}: ${defect.kind} ${defect.url} not found`);
        assert.equal(linkFinding.confidence, confidence, `${defect.kind} ${defect.url}`);
        assert.equal(linkFinding.check, expectedCheck[defect.kind] ?? linkFinding.check);
        if (defect.on) {
          const pages = (linkFinding.evidence.occurrences as Array<{ page: string }>).map((o) => o.page);
          assert.ok(pages.includes(defect.on), `${defect.url} should be reported on ${defect.on}`);
        }
      }
      if (fineKinds.includes(defect.kind))
        assert.equal(linkFinding, undefined, `${defect.kind} ${defect.url}`);
      if (defect.kind === "hidden-link") {
        assert.ok(
          findings.some((finding) => finding.check === "content.hidden-link" && finding.url === defect.url),
          `hidden link ${defect.url} not flagged`,
        );
      }
      if (defect.kind === "trap") {
        assert.ok(
          findings.some((finding) => finding.check === "crawl.trap"),
          `${site.host}: trap not reported`,
        );
      }
    }
  }
});

test("no internal link is reported broken unless it was planted", () => {
  const planted = new Set(demoSites.flatMap((site) => site.defects.map((defect) => defect.url)));
  for (const site of report.sites) {
    for (const finding of site.findings) {
      if (!finding.check.startsWith("link.") || finding.evidence.internal !== true) continue;
      assert.ok(planted.has(finding.url), `unexpected broken link ${finding.url}: ${finding.message}`);
    }
  }
});

test("the GBK site is decoded from its meta tag and the crawl stays polite and within robots.txt", () => {
  const fgw = report.sites.find((site) => site.site === "http://fgw.demo-city.gov.cn")!;
  assert.equal(fgw.facts.charset?.name, "gbk");
  assert.equal(fgw.facts.charset?.source, "meta");
  assert.match(fgw.facts.title ?? "", /示范市发展和改革委员会/);
  for (const site of demoSites) {
    assert.ok(
      demo.maxInFlight(site.host) <= 2,
      `${site.host} saw ${demo.maxInFlight(site.host)} requests at once`,
    );
    for (const rule of site.robotsDisallow) {
      // The one site search a visitor would make is not crawling (standards.search-broken says so).
      const searched = site.host === "www.demo-city.gov.cn" ? "/search/?q=" : undefined;
      const crawled = demo.requests.filter(
        (r) =>
          r.host === site.host &&
          r.method === "GET" &&
          r.url.startsWith(rule) &&
          !(searched !== undefined && r.url.startsWith(searched)),
      );
      assert.deepEqual(crawled, [], `${site.host} crawled ${rule} despite robots.txt`);
    }
  }
});

test("pages listed only in the sitemap are crawled", () => {
  for (const site of demoSites) {
    for (const feature of site.features.filter((f) => f.kind === "sitemap-only")) {
      const path = new URL(feature.url).pathname;
      assert.ok(
        demo.requests.some((r) => r.host === site.host && r.url === path),
        `${feature.url} from the sitemap was not crawled`,
      );
    }
  }
});

const canon = (url: string) => url.replace(/\/(?:index\.\w+)?$/u, "/");

test("every demo column is found with its level, parent, type and newest item", () => {
  for (const site of demoSites) {
    const columns = report.sites.find((entry) => entry.site === new URL(site.homepage).origin)!.columns!;
    for (const expected of site.columns) {
      const found = columns.find((column) => canon(column.url) === canon(expected.url));
      assert.ok(found, `${site.host}: column ${expected.name} ${expected.url} not found`);
      assert.equal(found.name, expected.name, expected.url);
      assert.equal(found.level, expected.parent ? 2 : 1, `${expected.name} level`);
      assert.equal(found.parentName, expected.parent ?? null, `${expected.name} parent`);
      assert.equal(found.type, expected.kind, `${site.host} ${expected.name} type`);
      if (expected.newest && expected.newest <= "2026-11-20")
        assert.equal(found.newest?.date, expected.newest, expected.name);
    }
  }
});

test("planted stale, blank and future-dated columns are reported, and nothing else is", () => {
  const columnChecks = [
    "column.stale",
    "column.blank",
    "content.future-date",
    "content.date-mismatch",
    "site.homepage-stale",
  ];
  const expectedCheck: Partial<Record<DemoDefectKind, string>> = {
    "stale-column": "column.stale",
    "blank-column": "column.blank",
    "future-date": "content.future-date",
  };
  for (const site of demoSites) {
    const siteReport = report.sites.find((entry) => entry.site === new URL(site.homepage).origin)!;
    const planted = site.defects.filter((defect) => expectedCheck[defect.kind]);
    for (const defect of planted) {
      const finding = siteReport.findings.find(
        (f) => f.check === expectedCheck[defect.kind] && canon(f.url) === canon(defect.url),
      );
      assert.ok(finding, `${site.host}: ${defect.kind} ${defect.url} not reported`);
      if (defect.kind !== "future-date")
        assert.ok(finding.evidence.window !== undefined || finding.check === "column.blank");
    }
    // A broken column entry (首页“网上信访”入口失效) is also a blank column, suspected: that rule is practice.
    const brokenEntries = site.defects
      .filter((defect) => defect.kind === "broken-link")
      .map((defect) => defect.url);
    const unexpected = siteReport.findings.filter(
      (f) =>
        columnChecks.includes(f.check) &&
        !planted.some(
          (defect) => expectedCheck[defect.kind] === f.check && canon(defect.url) === canon(f.url),
        ) &&
        !(f.check === "column.blank" && f.confidence === "suspected" && brokenEntries.includes(f.url)),
    );
    assert.deepEqual(
      unexpected.map((f) => `${f.check} ${f.url} ${f.message}`),
      [],
      `${site.host}: false alarms`,
    );
    assert.equal(siteReport.freshness?.homepage?.verdict, "fresh", `${site.host} homepage`);
  }
});

test("the demo's site configuration sets periods and excludes an archived 专题", () => {
  const columnsOf = (origin: string) => report.sites.find((entry) => entry.site === origin)!.columns!;
  const price = columnsOf("http://fgw.demo-city.gov.cn").find((column) => column.name === "价格管理")!;
  assert.deepEqual(price.window, { months: 3 });
  assert.equal(price.verdict, "fresh");
  const archived = columnsOf("http://www.demo-city.gov.cn").find((column) =>
    column.name.startsWith("2019年"),
  )!;
  assert.equal(archived.state, "broken");
  assert.equal(archived.verdict, "exempt");
});

test("content checks find the planted privacy leak, spam and typos, and nothing else on the demo pages", () => {
  const county = report.sites.find((entry) => entry.site === "http://www.demo-county.gov.cn")!;
  const privacyDefect = demoSites
    .flatMap((site) => site.defects)
    .find((defect) => defect.kind === "privacy")!;
  const leaks = county.findings.filter((f) => f.check === "content.privacy" && f.url === privacyDefect.url);
  assert.deepEqual(leaks.map((f) => f.evidence.category).sort(), [
    "id-number",
    "id-number",
    "mobile",
    "mobile",
  ]);
  for (const leak of leaks)
    assert.match(String(leak.evidence.found), /\*{4}/u, "evidence shows the value masked");
  const spam = county.findings.filter(
    (f) => f.check === "content.sensitive" && f.url === "http://www.demo-county.gov.cn/",
  );
  assert.ok(spam.length >= 1, "hidden gambling spam on the county homepage");
  assert.ok(spam.every((f) => f.evidence.source === "hidden-text"));

  const typoDefects = demoSites.flatMap((site) => site.defects).filter((defect) => defect.kind === "typo");
  const typoFindings = report.sites
    .flatMap((site) => site.findings)
    .filter((f) => f.check === "content.typo" || f.check === "content.severe-typo");
  for (const defect of typoDefects) {
    const [, wrong, right] = /“(.+?)”应为“(.+?)”/u.exec(defect.note)!;
    const found = typoFindings.find(
      (f) =>
        f.url === defect.url &&
        String(f.evidence.found).length > 0 &&
        wrong!.includes(String(f.evidence.found)),
    );
    assert.ok(found, `typo ${wrong} on ${defect.url} not found`);
    assert.ok(
      right!.includes(String(found.evidence.suggestion)),
      `${wrong}: suggestion ${found.evidence.suggestion}`,
    );
  }

  const planted = new Set([
    privacyDefect.url,
    "http://www.demo-county.gov.cn/",
    ...typoDefects.map((defect) => defect.url),
  ]);
  const textChecks = [
    "content.privacy",
    "content.sensitive",
    "content.typo",
    "content.severe-typo",
    "content.english-spelling",
  ];
  const unexpected = report.sites
    .flatMap((site) => site.findings)
    .filter((f) => textChecks.includes(f.check) && !planted.has(f.url));
  assert.deepEqual(
    unexpected.map((f) => `${f.check} ${f.url} ${f.message} ${f.evidence.context}`),
    [],
  );
});

test("page standards, interaction, services and interpretation report exactly the planted defects", () => {
  const areas = /^(?:standards|accessibility|interaction|services|interpretation)\./u;
  const pairs = (items: { check: string; url: string }[]) =>
    items.map((item) => `${item.check} ${new URL(item.url).href}`).sort();
  const planted = demoSites.flatMap((site) =>
    site.defects.flatMap((defect) => (defect.check ? [{ check: defect.check, url: defect.url }] : [])),
  );
  const found = report.sites.flatMap((site) =>
    site.findings.filter((finding) => areas.test(finding.check) && finding.severity !== "info"),
  );
  assert.deepEqual(pairs(found), pairs(planted));
  for (const site of report.sites) {
    assert.ok(site.facts.standards, `${site.site}: standards facts`);
    assert.ok(site.interaction && site.services && site.interpretation, `${site.site}: survey summaries`);
  }
  const city = report.sites.find((site) => site.site === "http://www.demo-city.gov.cn")!;
  assert.equal(city.facts.standards!.search.probed, true);
  const searches = demo.requests.filter(
    (r) => r.host === "www.demo-city.gov.cn" && r.url.startsWith("/search/"),
  );
  assert.equal(searches.length, 1, "one search request, no crawl of the search pages");
  assert.equal(city.facts.standards!.footer.siteIdCode.footer[0]?.value, "9901000001");
});

test("the Chinese summary shows each site's footer facts and letters beside the findings", () => {
  const summary = formatSummary(report);
  assert.match(
    summary,
    /页尾：网站标识码 9901000001，演ICP备26000101号，演公网安备99010202000101号，.*找错入口 有/u,
  );
  assert.match(summary, /页尾：网站标识码 9901000025，演ICP备26000125号，公安备案号未见，.*找错入口 无/u);
  assert.match(summary, /互动：近一年留言 5 封，已答复 4，超过期限未答复 1/u);
});

test("each demo site gets a verdict whose reasons lead back to findings of the report", () => {
  const verdicts = Object.fromEntries(
    report.sites.map((site) => [new URL(site.site).host, [site.result!.verdict, site.result!.kind]]),
  );
  assert.deepEqual(verdicts, {
    "www.demo-city.gov.cn": ["pass", "portal"],
    "fgw.demo-city.gov.cn": ["pass", "department"],
    "www.demo-county.gov.cn": ["pass", "portal"],
    "jyj.demo-city.gov.cn": ["fail", "department"],
  });
  const jyj = report.sites.find((site) => site.site === "http://jyj.demo-city.gov.cn")!.result!;
  assert.equal(jyj.score, null);
  assert.deepEqual(
    jyj.vetoes.map((veto) => veto.findings.map((finding) => finding.check)),
    [["interaction.unanswered"]],
  );
  const county = report.sites.find((site) => site.site === "http://www.demo-county.gov.cn")!.result!;
  assert.equal(county.reviewRequired, true, "suspected 暗链 and privacy leaks wait for a person");
  for (const site of report.sites) {
    const result = site.result!;
    const findings = new Map(site.findings.map((finding) => [finding.fingerprint, finding]));
    const items = [...result.vetoes, ...result.deductions, ...result.bonus, ...result.warnings];
    assert.ok(result.reasons.length > 0, result.site);
    for (const item of items) {
      assert.ok(item.findings.length > 0, `${result.site} ${item.item}`);
      assert.ok(
        result.reasons.some((reason) => reason.includes(item.title)),
        `${item.item} has no reason`,
      );
      for (const ref of item.findings) {
        assert.equal(findings.get(ref.fingerprint)?.check, ref.check, `${item.item}: ${ref.fingerprint}`);
      }
    }
    // No double counting across the whole result.
    const cited = items.flatMap((item) => item.findings.map((ref) => ref.fingerprint));
    assert.equal(new Set(cited).size, cited.length, result.site);
    // A site fails exactly when a confirmed veto finding exists; a scored site's points add up.
    const confirmedVeto = site.findings.some((f) => f.severity === "veto" && f.confidence === "confirmed");
    assert.equal(result.verdict, confirmedVeto ? "fail" : "pass", site.site);
    if (result.deductionScore !== null) {
      const lost = result.deductions.reduce((sum, item) => sum + item.points, 0);
      assert.equal(result.deductionScore, Math.round((100 - lost) * 100) / 100, site.site);
      assert.equal(result.score, result.deductionScore + result.bonusScore);
    }
  }
});
