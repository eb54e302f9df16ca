import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { icpProblem, policeFilingProblem, siteIdCodeProblem } from "../../src/checks/identity.ts";
import {
  extendIdentityReference,
  loadIdentityReference,
  readDivision,
} from "../../src/checks/identityReference.ts";

const shipped = loadIdentityReference();
const demo = extendIdentityReference(shipped, {
  provinces: { 演: "99" },
  divisions: { "990000": "演示省", "990100": "演示省示范市" },
});
const problemOf = (result: { problem: string } | null) => result?.problem ?? null;

describe("identity reference data", () => {
  it("holds the 31 provinces and their divisions", () => {
    assert.equal(shipped.provinces.size, 31);
    assert.equal(shipped.provinces.get("京"), "11");
    assert.equal(shipped.provinces.get("新"), "65");
    assert.equal(shipped.divisions.get("110102"), "北京市西城区");
    assert.equal(shipped.divisions.get("510903"), "四川省遂宁市船山区");
    assert.ok(shipped.divisions.size > 3000);
  });

  it("reads a prefix as known, unknown under a valid province (merged since), or invalid", () => {
    assert.deepEqual(readDivision("120000", shipped), { status: "known", name: "天津市" });
    // 新津 510132 became 510118 in 2020: old codes keep the old prefix.
    assert.deepEqual(readDivision("510132", shipped), { status: "unknown", province: "四川省" });
    assert.deepEqual(readDivision("990100", shipped), { status: "invalid" });
    assert.deepEqual(readDivision("990100", demo), { status: "known", name: "演示省示范市" });
    assert.deepEqual(readDivision("990121", demo), { status: "unknown", province: "演示省" });
  });

  it("extends without changing the shipped reference, and refuses malformed entries", () => {
    assert.equal(shipped.provinces.has("演"), false);
    assert.throws(() => extendIdentityReference(shipped, { divisions: { "9901": "x" } }));
    assert.throws(() => extendIdentityReference(shipped, { provinces: { 演示: "99" } }));
    assert.throws(() => extendIdentityReference(shipped, { provinces: { 演: "9" } }));
  });
});

describe("网站标识码", () => {
  it("accepts bm codes and division codes from the table (INDICATORS.md §5.4)", () => {
    for (const code of ["bm01000001", "bm29000002", "1101020002", "1200000052", "3600000010", "5109030018"]) {
      assert.equal(siteIdCodeProblem(code, shipped), null, code);
    }
  });

  it("reports odd shapes as format problems", () => {
    for (const code of [
      "310000000044",
      "bm236554412",
      "BM01000001",
      "CA330000000604123690003",
      "待分配",
      "",
    ]) {
      assert.equal(problemOf(siteIdCodeProblem(code, shipped)), "format", code);
    }
  });

  it("a bad province prefix is confirmed; an unlisted division under a valid province only suspected", () => {
    const bad = siteIdCodeProblem("9901000001", shipped);
    assert.equal(bad?.problem, "province");
    assert.equal(bad?.confidence, "confirmed");
    const merged = siteIdCodeProblem("5101320017", shipped);
    assert.equal(merged?.problem, "division");
    assert.equal(merged?.confidence, "suspected");
    assert.equal(siteIdCodeProblem("9901000001", demo), null);
  });
});

describe("ICP 备案编号", () => {
  it("accepts the usual forms, with -n", () => {
    for (const icp of [
      "京ICP备05070218号",
      "京ICP备13021685号-2",
      "蒙ICP备13001412号-2",
      "演ICP备26000101号",
    ]) {
      assert.equal(icpProblem(icp, demo), null, icp);
    }
  });

  it("reports missing 号, a licence number, no abbreviation and unknown abbreviations", () => {
    assert.equal(problemOf(icpProblem("京ICP备05070218", shipped)), "format");
    assert.equal(problemOf(icpProblem("京ICP证030173号", shipped)), "format");
    assert.equal(problemOf(icpProblem("ICP备05070218号", shipped)), "format");
    assert.equal(problemOf(icpProblem("演ICP备26000101号", shipped)), "province");
    assert.equal(problemOf(icpProblem("中ICP备05070218号", shipped)), "province");
  });
});

describe("公安机关备案号", () => {
  it("accepts 14 digits of the abbreviation's province, ending in 号", () => {
    assert.equal(policeFilingProblem("京公网安备11010202000001号", shipped), null);
    assert.equal(policeFilingProblem("浙公网安备33010602009328号", shipped), null);
  });

  it("reports a missing 号, a wrong length, a province mismatch, an invalid and an unlisted division", () => {
    const noHao = policeFilingProblem("京公网安备11010102001509", shipped);
    assert.equal(noHao?.problem, "format");
    assert.match(noHao!.reason, /缺少“号”/);
    assert.match(policeFilingProblem("京公网安备1101010200150号", shipped)!.reason, /13 位/);
    assert.equal(problemOf(policeFilingProblem("京公网安备33010602009328号", shipped)), "province-mismatch");
    assert.equal(problemOf(policeFilingProblem("演公网安备99010202000101号", shipped)), "province");
    const unlisted = policeFilingProblem("演公网安备99010202000101号", demo);
    assert.equal(unlisted?.problem, "division");
    assert.equal(unlisted?.confidence, "suspected");
    assert.equal(problemOf(policeFilingProblem("公网安备11010202000001号", shipped)), "format");
  });
});
