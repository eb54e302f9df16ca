import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  guideElementFindings,
  serviceSiteFindings,
  ServiceSurvey,
  type ServiceSiteInput,
} from "../../src/checks/serviceGuide.ts";
import type { LinkProbe } from "../../src/crawl/linkTable.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { readServiceGuide } from "../../src/parse/serviceGuide.ts";
import { demoCrawl, demoPage } from "./demoPages.ts";

const C = "http://www.demo-city.gov.cn";
const J = "http://jyj.demo-city.gov.cn";

function guidePage(
  body: string,
  title = "食品经营许可办事指南",
  url = "http://x.gov.cn/bszn/202611/t20261101_1.html",
) {
  return parsePage(
    `<html><head><title>${title}_某市人民政府</title></head><body><h1>${title}</h1>${body}</body></html>`,
    url,
  );
}

const complete: [string, string][] = [
  ["事项名称", "食品经营许可"],
  ["设定依据", "《中华人民共和国食品安全法》"],
  ["申请条件", "具有与经营的食品品种、数量相适应的经营场所。"],
  ["办理材料", "食品经营许可申请书；营业执照复印件。"],
  ["办理地点", "市政务服务中心一楼"],
  ["收费标准", "不收费"],
  ["办理时间", "周一至周五 9:00—17:00"],
  ["联系电话", "0999-1234567"],
  ["办理流程", "申请—受理—审查—决定"],
];

const findingsOf = (body: string, title?: string) => {
  const guide = readServiceGuide(guidePage(body, title));
  assert.ok(guide, "recognised as a guide");
  return guideElementFindings("http://x.gov.cn", guide);
};

describe("办事指南 elements on the demo sites", () => {
  it("finds the planted incomplete city guide, and only the four elements it lacks", () => {
    const findings = new ServiceSurvey(C).add(demoPage(`${C}/bsfw/bszn/202608/t20260810_1604.html`));
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding!.check, "services.guide-elements");
    assert.deepEqual(finding!.evidence.missing, ["设定依据", "收费标准", "办理时间", "办理流程"]);
    assert.equal(finding!.severity, "deduct");
    assert.equal(finding!.confidence, "confirmed");
    assert.match(finding!.message, /^办事指南“建筑工程施工许可证核发办事指南”要素不全：缺少设定依据/);
  });

  it("finds the jyj guide that has only four elements (label：value lines)", () => {
    const [finding] = new ServiceSurvey(J).add(demoPage(`${J}/bszn/20260518/c4502.htm`));
    assert.deepEqual(finding!.evidence.missing, ["申请条件", "办理材料", "收费标准", "办理时间", "办理流程"]);
  });

  it("passes every complete demo guide (th/td table, label lines, inline spans) and ignores list pages", () => {
    for (const host of [
      "www.demo-city.gov.cn",
      "www.demo-county.gov.cn",
      "jyj.demo-city.gov.cn",
      "fgw.demo-city.gov.cn",
    ]) {
      const survey = new ServiceSurvey(`http://${host}`);
      const flagged = demoCrawl(host)
        .flatMap((page) => survey.add(page.page!))
        .map((f) => f.url);
      const expected =
        {
          "www.demo-city.gov.cn": [`${C}/bsfw/bszn/202608/t20260810_1604.html`],
          "jyj.demo-city.gov.cn": [`${J}/bszn/20260518/c4502.htm`],
        }[host as "www.demo-city.gov.cn"] ?? [];
      assert.deepEqual(flagged, expected, host);
      const guides = { "www.demo-city.gov.cn": 5, "www.demo-county.gov.cn": 2, "jyj.demo-city.gov.cn": 2 }[
        host as "www.demo-city.gov.cn"
      ];
      assert.equal(survey.guideCount, guides ?? 0, host);
    }
  });

  it("reads the county's run-together spans, marked as loosely read", () => {
    const county = "http://www.demo-county.gov.cn/bsfw/bszn/2026-09/15/content_6301.shtml";
    const guide = readServiceGuide(demoPage(county))!;
    assert.ok(guide.elements.every((e) => e.name === "办理机构" || e.state === "ok"));
    assert.ok(guide.elements.some((e) => e.loose));
  });
});

describe("办事指南 templates", () => {
  const table = (rows: [string, string][]) =>
    `<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("")}</table>`;

  it("reads a th/td table, a dl, label lines and headings alike", () => {
    const templates = [
      table(complete),
      `<dl>${complete.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`,
      complete.map(([k, v]) => `<p>${k}：${v}</p>`).join(""),
      complete.map(([k, v], i) => `<h3>${"一二三四五六七八九"[i]}、${k}</h3><p>${v}</p>`).join(""),
    ];
    for (const body of templates) assert.deepEqual(findingsOf(body), [], body.slice(0, 30));
  });

  it("reads a table whose header row holds the labels and the next row the values", () => {
    const head = complete.slice(0, 5);
    const body =
      `<table><tr>${head.map(([k]) => `<th>${k}</th>`).join("")}</tr><tr>${head.map(([, v]) => `<td>${v}</td>`).join("")}</tr></table>` +
      complete
        .slice(5)
        .map(([k, v]) => `<p>${k}：${v}</p>`)
        .join("");
    assert.deepEqual(findingsOf(body), []);
  });

  it("judges a guide read from run-together spans as suspected", () => {
    const spans = complete
      .filter(([k]) => k !== "办理流程")
      .map(([k, v]) => `<div class="item"><span>${k}</span><span>${v}</span></div>`)
      .join("");
    const [finding] = findingsOf(spans);
    assert.deepEqual(finding!.evidence.missing, ["办理流程"]);
    assert.equal(finding!.confidence, "suspected");
  });

  it("knows the synonyms", () => {
    const synonyms = complete.map(([k, v]): [string, string] => [
      (
        {
          申请条件: "受理条件",
          办理材料: "申请材料",
          办理地点: "受理地点",
          收费标准: "是否收费",
          联系电话: "咨询电话",
          办理流程: "办理程序",
        } as Record<string, string>
      )[k] ?? k,
      v,
    ]);
    assert.deepEqual(findingsOf(table(synonyms)), []);
  });

  it("flags placeholders, empty values and 见附件 without an attachment", () => {
    const rows = complete.map(([k, v]): [string, string] =>
      k === "设定依据"
        ? [k, "详见相关规定"]
        : k === "办理材料"
          ? [k, "见附件"]
          : k === "办理时间"
            ? [k, "暂无"]
            : k === "办理流程"
              ? [k, "/"]
              : [k, v],
    );
    const [finding] = findingsOf(table(rows));
    assert.deepEqual(
      (finding!.evidence.placeholder as { name: string }[]).map((p) => p.name),
      ["设定依据", "办理材料", "办理时间", "办理流程"],
    );
    assert.match(finding!.message, /设定依据只写“详见相关规定”/);
    const empty = findingsOf(
      table(complete.map(([k, v]): [string, string] => (k === "联系电话" ? [k, ""] : [k, v]))),
    );
    assert.deepEqual(empty[0]!.evidence.empty, ["联系电话"]);
  });

  it("accepts 见附件 when the page has the attachment, and 无 as a fee", () => {
    const rows = complete.map(([k, v]): [string, string] =>
      k === "办理材料" ? [k, "详见附件"] : k === "收费标准" ? [k, "无"] : [k, v],
    );
    assert.deepEqual(findingsOf(`${table(rows)}<a href="/u/sqb.docx">申请表.docx</a>`), []);
    const noFee = complete.map(([k, v]): [string, string] => (k === "设定依据" ? [k, "无"] : [k, v]));
    assert.equal(findingsOf(table(noFee)).length, 1, "无 is no 设定依据");
  });

  it("recognises a guide by its labels alone, as suspected, and not a page with a few of them", () => {
    const labelled = guidePage(
      complete
        .slice(0, 4)
        .map(([k, v]) => `<p>${k}：${v}</p>`)
        .join(""),
      "食品经营许可",
    );
    const guide = readServiceGuide(labelled)!;
    assert.equal(guide.recognisedBy, "labels");
    assert.equal(guideElementFindings("s", guide)[0]!.confidence, "suspected");
    const notice = guidePage(
      complete
        .slice(0, 3)
        .map(([k, v]) => `<p>${k}：${v}</p>`)
        .join(""),
      "关于开展许可工作的通知",
    );
    assert.equal(readServiceGuide(notice), null);
  });

  it("judges a titled guide with no readable elements as suspected (content may be an image or frame)", () => {
    const [finding] = findingsOf(`<p><img src="/g.png" alt="指南"></p>`);
    assert.equal(finding!.confidence, "suspected");
    assert.equal((finding!.evidence.missing as string[]).length, 9);
  });
});

function probe(status: number, error?: string): LinkProbe {
  return {
    method: "GET",
    status,
    finalUrl: "",
    ...(error ? { error: { code: error, message: error } as LinkProbe["error"] } : {}),
    redirects: [],
    attempts: 1,
    totalMs: 1,
    usedGetFallback: false,
    usedBrowserHeaders: false,
  };
}

describe("办事服务 after the crawl", () => {
  const input = (over: Partial<ServiceSiteInput> = {}): ServiceSiteInput => ({
    homepageUrl: "http://x.gov.cn/",
    columns: [],
    probe: () => undefined,
    complete: true,
    ...over,
  });

  it("finds the city's 政务服务网 entry on its homepage", () => {
    const survey = new ServiceSurvey(C);
    survey.add(demoPage(`${C}/`));
    assert.ok(survey.entries.has("http://zwfw.demo-province.gov.cn/sfs/"));
    assert.deepEqual(serviceSiteFindings(C, survey, input()), []);
  });

  it("vetoes a site with no guide, no 办事服务 column and no working platform link", () => {
    const bare = new ServiceSurvey("http://x.gov.cn");
    bare.add(guidePage("<p>新闻</p>", "我市召开会议"));
    const [veto] = serviceSiteFindings("http://x.gov.cn", bare, input());
    assert.equal(veto!.check, "services.none");
    assert.equal(veto!.severity, "veto");
    assert.equal(veto!.confidence, "confirmed");
    assert.equal(serviceSiteFindings("s", bare, input({ complete: false }))[0]!.confidence, "suspected");
    const column = input({
      columns: [{ name: "办事服务", url: "http://x.gov.cn/bsfw/", type: "SERVICE_GUIDE", state: "read" }],
    });
    assert.deepEqual(serviceSiteFindings("s", bare, column), []);

    const linked = new ServiceSurvey("s");
    linked.add(guidePage(`<a href="http://www.gdzwfw.gov.cn/">广东政务服务网</a>`, "首页"));
    assert.deepEqual(serviceSiteFindings("s", linked, input()), []);
    const dead = serviceSiteFindings("s", linked, input({ probe: () => probe(0, "ENOTFOUND") }));
    assert.equal(dead[0]!.check, "services.none");
    assert.match(dead[0]!.message, /均无法访问/);
  });

  it("reports a guide attachment that does not download, with the guide it belongs to", () => {
    const survey = new ServiceSurvey(J);
    survey.add(demoPage(`${J}/bszn/20261008/c4501.htm`));
    const dead = `${J}/uploads/2026/10/jszg-tjb.pdf`;
    const findings = serviceSiteFindings(
      J,
      survey,
      input({ probe: (url) => (url === dead ? probe(404) : probe(200)) }),
    );
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.check, "services.guide-attachment");
    assert.equal(findings[0]!.url, dead);
    assert.equal(findings[0]!.confidence, "confirmed");
    assert.equal(findings[0]!.evidence.page, `${J}/bszn/20261008/c4501.htm`);
    assert.deepEqual(serviceSiteFindings(J, survey, input({ probe: () => probe(200) })), []);
  });
});
