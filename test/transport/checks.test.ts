import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { domainFacts, domainFindings, type DomainInput } from "../../src/checks/domain.ts";
import { annualReportFindings, compareContent, mixedContentFindings } from "../../src/checks/transport.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { demoAsOf, demoHosts } from "../../demo/sites.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";

const SITE = "http://www.bd.gov.cn";

function page(body: string, url = `${SITE}/`, title = "保定市人民政府"): ReturnType<typeof parsePage> {
  return parsePage(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`,
    url,
  );
}

/** A Beijing wall-clock time as an instant. */
function china(isoLocal: string): Date {
  return new Date(`${isoLocal}+08:00`);
}

describe("annual report (12号)", () => {
  const report = (text: string) => page(`<ul><li><a href="/ndbb/">${text}</a></li></ul>`);

  it("31 January still accepts the report of Y−2; from 1 February the report of Y−1 is due", () => {
    const only2024 = report("2024年政府网站工作年度报表");
    assert.deepEqual(annualReportFindings(SITE, only2024, china("2026-01-31T23:59:59")), []);
    const [late] = annualReportFindings(SITE, only2024, china("2026-02-01T00:00:00"));
    assert.equal(late?.check, "standards.annual-report");
    assert.equal(late?.severity, "deduct");
    assert.equal(late?.confidence, "confirmed");
    assert.equal(late?.evidence.expectedYear, 2025);
    assert.match(late?.message ?? "", /2024 年度，缺少 2025 年度/);
    assert.match(late?.indicator ?? "", /^12号/);
  });

  it("the Y−1 report satisfies the rule all year", () => {
    const current = report("2025年度政府网站工作年度报表");
    assert.deepEqual(annualReportFindings(SITE, current, china("2026-02-01T00:00:00")), []);
    assert.deepEqual(annualReportFindings(SITE, current, china("2026-12-31T12:00:00")), []);
  });

  it("counts the UTC instant in China time: 31 January 16:00 UTC is already 1 February", () => {
    const only2024 = report("2024年政府网站工作年度报表");
    assert.equal(annualReportFindings(SITE, only2024, new Date("2026-01-31T16:00:00Z")).length, 1);
    assert.equal(annualReportFindings(SITE, only2024, new Date("2026-01-31T15:59:00Z")).length, 0);
  });

  it("an undated link is only a suspected fulfilment", () => {
    const [undated] = annualReportFindings(SITE, report("政府网站年度报表"), china("2026-03-01T09:00:00"));
    assert.equal(undated?.confidence, "suspected");
    assert.deepEqual(undated?.evidence.links, [
      { url: `${SITE}/ndbb/`, text: "政府网站年度报表", year: null, yearFrom: null },
    ]);
  });

  it("reads the year from text beside the link", () => {
    const nearby = page(`<div class="bb"><span>2025年</span><a href="/ndbb/">政府网站工作年度报表</a></div>`);
    assert.deepEqual(annualReportFindings(SITE, nearby, china("2026-03-01T09:00:00")), []);
  });

  it("a missing report is confirmed; 监管年度报表 and 信息公开工作年度报告 do not count", () => {
    const others = page(
      `<a href="/jg/">2025年政府网站监管年度报表</a><a href="/xxgk/">2025年政府信息公开工作年度报告</a>`,
    );
    const [missing] = annualReportFindings(SITE, others, china("2026-03-01T09:00:00"));
    assert.equal(missing?.confidence, "confirmed");
    assert.deepEqual(missing?.evidence.links, []);
    assert.match(missing?.message ?? "", /未发现/);
  });
});

describe("mixed content", () => {
  const body =
    `<link rel="stylesheet" href="http://cdn.bd.gov.cn/a.css"><script src="http://tj.bd.gov.cn/t.js"></script>` +
    `<script src="https://www.bd.gov.cn/ok.js"></script><img src="http://img.bd.gov.cn/logo.png" alt="logo">` +
    `<iframe src="http://map.bd.gov.cn/"></iframe><a href="http://www.gov.cn/">中国政府网</a><img src="/rel.png">`;

  it("separates active (warn) from passive (info) content on an https page; hyperlinks do not count", () => {
    const findings = mixedContentFindings("https://www.bd.gov.cn", page(body, "https://www.bd.gov.cn/"));
    assert.deepEqual(
      findings.map((f) => [f.locator, f.severity, f.evidence.count]),
      [
        ["active", "warn", 3],
        ["passive", "info", 1],
      ],
    );
  });

  it("says nothing about an http page", () => {
    assert.deepEqual(mixedContentFindings(SITE, page(body)), []);
  });
});

describe("content over IPv4 and IPv6", () => {
  const news = (count: number, offset = 0, label = "要闻") =>
    Array.from(
      { length: count },
      (_, i) => `<li><a href="/xw/${i + offset}.html">${label}${i + offset}</a></li>`,
    ).join("");

  it("tolerates changing digits (clocks, counters)", () => {
    const a = page(`<p>访问量 1234，2026-11-20 10:00</p><ul>${news(3)}</ul>`);
    const b = page(`<p>访问量 1240，2026-11-20 10:01</p><ul>${news(3)}</ul>`);
    assert.equal(compareContent(a, b).same, true);
  });

  it("tolerates one rotated item out of twenty links, not a different site", () => {
    const a = page(`<ul>${news(20)}</ul>`);
    assert.equal(
      compareContent(a, page(`<ul>${news(19)}<li><a href="/xw/new.html">新要闻</a></li></ul>`)).same,
      true,
    );
    assert.equal(compareContent(a, page(`<ul>${news(20, 100, "旧闻")}</ul>`)).same, false);
    assert.equal(compareContent(a, page(`<ul>${news(20)}</ul>`, `${SITE}/`, "旧版网站")).same, false);
  });
});

describe("domain rules (47号)", () => {
  const input = (homepageUrl: string, extra: Partial<DomainInput> = {}): DomainInput => ({
    site: new URL(homepageUrl).origin,
    homepageUrl,
    chains: [{ url: homepageUrl, finalUrl: homepageUrl, redirects: [] }],
    ...extra,
  });
  const checks = (value: DomainInput) => domainFindings(value).map((f) => f.check);

  it("portal: www.<x>.gov.cn passes, deeper names fail; the bare domain redirecting to www passes", () => {
    assert.deepEqual(checks(input("http://www.bd.gov.cn/", { kind: "portal" })), []);
    assert.deepEqual(checks(input("http://www.gov.cn/", { kind: "portal" })), []);
    assert.deepEqual(checks(input("http://www.bd.hebei.gov.cn/", { kind: "portal" })), ["standards.domain"]);
    const bare = input("http://bd.gov.cn/", {
      kind: "portal",
      chains: [
        {
          url: "http://bd.gov.cn/",
          finalUrl: "http://www.bd.gov.cn/",
          redirects: [{ url: "http://bd.gov.cn/", status: 301, location: "http://www.bd.gov.cn/" }],
        },
      ],
    });
    assert.deepEqual(checks(bare), [], "www and bare forms are one domain");
  });

  it("department: a subdomain of the parent portal's domain", () => {
    assert.deepEqual(
      checks(input("http://slj.bd.gov.cn/", { kind: "department", parent: "www.bd.gov.cn" })),
      [],
    );
    const [wrong] = domainFindings(
      input("http://www.bdslj.gov.cn/", { kind: "department", parent: "www.bd.gov.cn" }),
    );
    assert.equal(wrong?.check, "standards.domain");
    assert.match(wrong?.message ?? "", /○○○\.bd\.gov\.cn/);
    const noParent = domainFacts(input("http://slj.bd.gov.cn/", { kind: "department" }));
    assert.equal(noParent.structure.verdict, "skipped");
  });

  it("a non-government suffix is reported, and an unknown kind is said in the evidence", () => {
    const [finding] = domainFindings(input("http://www.bdzf.com/"));
    assert.equal(finding?.check, "standards.domain");
    assert.deepEqual(finding?.evidence.structure, {
      verdict: "skipped",
      reason: "未配置站点类型（kind：portal 或 department）",
    });
  });

  it("accepts a .政务 Chinese domain (punycode), skipping the English structure rules", () => {
    const facts = domainFacts(input("http://保定.政务/", { kind: "portal" }));
    assert.equal(facts.governmentSuffix, true);
    assert.equal(facts.structure.verdict, "skipped");
    assert.deepEqual(checks(input("http://保定.政务/", { kind: "portal" })), []);
  });

  it("redirects off government domains, and several registered domains", () => {
    const offsite = input("http://www.bd.gov.cn/", {
      chains: [
        {
          url: "http://www.bd.gov.cn/",
          finalUrl: "https://www.bd-tour.com/",
          redirects: [{ url: "http://www.bd.gov.cn/", status: 302, location: "https://www.bd-tour.com/" }],
        },
      ],
    });
    assert.deepEqual(checks(offsite), ["standards.domain-offsite-redirect", "standards.domain-multiple"]);
    const twoGov = input("http://www.baoding.gov.cn/", {
      chains: [
        {
          url: "http://www.baoding.gov.cn/",
          finalUrl: "http://www.bd.gov.cn/",
          redirects: [{ url: "http://www.baoding.gov.cn/", status: 301, location: "http://www.bd.gov.cn/" }],
        },
      ],
    });
    const [multiple] = domainFindings(twoGov);
    assert.equal(multiple?.check, "standards.domain-multiple");
    assert.deepEqual(multiple?.evidence.domains, ["baoding.gov.cn", "bd.gov.cn"]);
  });
});

describe("the demo homepages", () => {
  const asOf = china(`${demoAsOf}T10:00:00`);
  const inspected = [
    "www.demo-city.gov.cn",
    "fgw.demo-city.gov.cn",
    "www.demo-county.gov.cn",
    "jyj.demo-city.gov.cn",
  ];
  const demo = inspected.map((host) => {
    const url = `http://${host}/`;
    return { host, url, page: parsePage(readDemoPage(url) ?? "", url) };
  });

  it("are the four inspected demo sites", () => {
    assert.deepEqual(
      demoHosts().filter((host) => readDemoPage(`http://${host}/`) !== null),
      inspected,
    );
  });

  it("link the 2025 annual report, except the education bureau (planted)", () => {
    for (const { host, url, page: homepage } of demo) {
      const findings = annualReportFindings(`http://${host}`, homepage, asOf);
      if (host !== "jyj.demo-city.gov.cn") {
        assert.deepEqual(findings, [], host);
        continue;
      }
      assert.equal(findings[0]?.evidence.expectedYear, 2025, host);
      assert.equal(findings[0]?.url, url);
    }
  });

  it("are served over http, so they have no mixed content; over https the city portal's http: images would be", () => {
    for (const { host, page: homepage } of demo)
      assert.deepEqual(mixedContentFindings(`http://${host}`, homepage), []);
    const city = readDemoPage("http://www.demo-city.gov.cn/")!;
    const overHttps = parsePage(city, "https://www.demo-city.gov.cn/");
    const findings = mixedContentFindings("https://www.demo-city.gov.cn", overHttps);
    assert.ok(findings.some((f) => f.locator === "passive"));
  });

  it("follow the domain rules: portals www.<x>.gov.cn, departments under www.demo-city.gov.cn", () => {
    const kinds: Record<string, Partial<DomainInput>> = {
      "www.demo-city.gov.cn": { kind: "portal" },
      "www.demo-county.gov.cn": { kind: "portal" },
      "fgw.demo-city.gov.cn": { kind: "department", parent: "www.demo-city.gov.cn" },
      "jyj.demo-city.gov.cn": { kind: "department", parent: "www.demo-city.gov.cn" },
    };
    for (const { host, url } of demo) {
      const value: DomainInput = { site: `http://${host}`, homepageUrl: url, chains: [], ...kinds[host] };
      assert.deepEqual(domainFindings(value), [], host);
      assert.equal(domainFacts(value).structure.verdict, "ok", host);
    }
  });
});
