/**
 * Two sites of the demo inspection (demo-report.json, from `npm run demo`: 示范市人民政府 and
 * 演示县人民政府) with SiteResults built by hand as the scoring engine would give them: the county
 * fails on vetoes (hidden links, a leaked ID number, and one veto an inspector entered), the city
 * passes with deductions.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import type { Finding } from "../../src/core/finding.ts";
import type { InspectionReport } from "../../src/report/schema.ts";
import type { FindingRef, ItemResult, PointsResult, SiteResult } from "../../src/rules/result.ts";
import { attachmentText } from "../../src/text/attachmentText.ts";

export const city = "http://www.demo-city.gov.cn";
export const county = "http://www.demo-county.gov.cn";

export function demoReport(): InspectionReport {
  return JSON.parse(readFileSync(new URL("./demo-report.json", import.meta.url), "utf8")) as InspectionReport;
}

const ruleSet = {
  id: "national-2019",
  version: "2019.1",
  title: "政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）",
  provisional: true,
};

function ref(finding: Finding): FindingRef {
  const { fingerprint, check, url, message, severity, confidence } = finding;
  return { fingerprint, check, url, message, severity, confidence, manual: false };
}

function cites(report: InspectionReport, site: string, match: (finding: Finding) => boolean): FindingRef[] {
  const findings = report.sites.find((s) => s.site === site)!.findings.filter(match);
  if (findings.length === 0) throw new Error(`fixture: no finding matches in ${site}`);
  return findings.map(ref);
}

function item(title: string, indicator: string, reason: string, findings: FindingRef[]): ItemResult {
  return { item: `item.${title}`, title, indicator, reason, findings, provisional: false };
}

function points(base: ItemResult, points: number, maxPoints: number, area: string): PointsResult {
  return { ...base, points, maxPoints, area };
}

/** The veto an inspector entered: the report has no finding behind it. */
export const manualVeto: FindingRef = {
  fingerprint: "manual-0001",
  check: "content.severe-typo",
  url: "http://www.demo-county.gov.cn/zwgk/ldjj/",
  message: "领导简介栏目中国家领导人职务表述错误（人工检查发现）",
  severity: "veto",
  confidence: "confirmed",
  manual: true,
};

export function demoResults(report: InspectionReport): SiteResult[] {
  const base = { kind: "portal" as const, ruleSet, asOf: report.asOf };
  const countyResult: SiteResult = {
    ...base,
    site: county,
    siteName: "演示县人民政府",
    verdict: "fail",
    verdictName: "不合格",
    score: null,
    deductionScore: null,
    bonusScore: 0,
    vetoes: [
      item(
        "安全（网站被篡改植入暗链）",
        "19号·单项否决·安全",
        "首页有 4 条隐藏的外部链接指向博彩网站",
        cites(report, county, (f) => f.check === "content.hidden-link"),
      ),
      item("严重表述错误", "19号·单项否决·严重问题", "领导人职务表述错误（人工录入）", [manualVeto]),
      item(
        "泄露个人隐私",
        "19号·单项否决·严重问题",
        "通知公告附表中公开了 2 个居民身份证号码",
        cites(report, county, (f) => f.check === "content.privacy" && f.severity === "veto"),
      ),
    ],
    deductions: [],
    bonus: [],
    warnings: [],
    reasons: ["首页被植入暗链，单项否决", "泄露个人隐私，单项否决"],
  };
  const cityResult: SiteResult = {
    ...base,
    site: city,
    siteName: "示范市人民政府",
    verdict: "pass",
    verdictName: "合格",
    score: 92,
    deductionScore: 92,
    bonusScore: 0,
    vetoes: [],
    deductions: [
      points(
        item(
          "链接可用性",
          "19号·扣分·网站可用性",
          "首页及页面有 7 处链接、图片或附件失效",
          cites(report, city, (f) => f.check.startsWith("link.") && f.severity === "deduct"),
        ),
        5,
        10,
        "网站可用性",
      ),
      points(
        item(
          "错别字",
          "19号·扣分·信息发布",
          "2 处疑似错别字",
          cites(report, city, (f) => f.check === "content.typo"),
        ),
        3,
        5,
        "信息发布",
      ),
    ],
    bonus: [],
    warnings: [
      item(
        "安全防护",
        "47号·安全防护",
        "首页缺少 4 个安全响应头",
        cites(report, city, (f) => f.check === "standards.security-headers"),
      ),
    ],
    reasons: ["未触及单项否决，扣分 8 分，得分 92 分"],
  };
  return [cityResult, countyResult];
}

/** Why the LibreOffice tests cannot run here, or false when soffice is on the PATH. */
export function sofficeMissing(): string | false {
  const found = (process.env.PATH ?? "")
    .split(path.delimiter)
    .some((dir) => dir !== "" && existsSync(path.join(dir, "soffice")));
  return found ? false : "soffice (LibreOffice) 不在 PATH 上，无法转换 PDF";
}

/** The text of a PDF as pdf.js reads it (through the attachment reader). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const read = await attachmentText(pdf, "report.pdf");
  if ("error" in read) throw new Error(read.error);
  return read.text;
}

/** One file of a zip (docx, xlsx) by its name, from the local headers (the writers here store sizes there). */
export function zipEntry(zip: Buffer, name: string): string | null {
  for (let at = zip.indexOf(localHeader); at >= 0; at = zip.indexOf(localHeader, at + 4)) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    if (zip.toString("utf8", at + 30, at + 30 + nameLength) !== name) continue;
    const data = zip.subarray(start, start + size);
    return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
  }
  return null;
}

const localHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
