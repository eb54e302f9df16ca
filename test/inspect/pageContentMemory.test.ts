/**
 * PageContentChecks with the previous crawl's memory: unchanged pages are not scanned again, changed
 * and new pages are, and the findings are those of a full scan even when the pages arrive in another
 * order (a template block's problem belongs to whichever page shows it first in this crawl).
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { stampFinding } from "../../src/core/fingerprint.ts";
import type { FindingDraft } from "../../src/core/finding.ts";
import { PageContentChecks, type TextMemory } from "../../src/inspect/pageContent.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { createContentScanner, type ContentScanner } from "../../src/text/contentScanner.ts";

const site = "http://www.memory-test.gov.cn";
let scanner: ContentScanner;

before(async () => {
  scanner = await createContentScanner({ asOf: new Date("2026-11-20T10:00:00+08:00") });
});

/** The real scanner, counting the texts it is asked to scan. */
function counting(): { scanner: ContentScanner; scanned: string[] } {
  const scanned: string[] = [];
  return {
    scanned,
    scanner: {
      scan: (text) => (scanned.push(text), scanner.scan(text)),
      scanHidden: (text) => (scanned.push(text), scanner.scanHidden(text)),
      scanAttachment: (text) => scanner.scanAttachment(text),
    },
  };
}

const sidebar = "<p>各单位要再接再励，把工作做好。</p>";
const pages: Record<string, string> = {
  "/a.html": `<h1>通知一</h1>${sidebar}<p>本周工作按步就班推进。</p>`,
  "/b.html": `<h1>通知二</h1>${sidebar}<p>会议定于下周召开。</p>`,
  "/c.html": `<h1>通知三</h1><p>请联系办公室。</p><div style="display:none"><a href="/x">新葡京娱乐-注册送彩金</a></div>`,
};

function check(checks: PageContentChecks, order: string[], edits: Record<string, string> = {}): string[] {
  const drafts: FindingDraft[] = [];
  for (const path of order) {
    const page = parsePage(`<html><body>${edits[path] ?? pages[path]}</body></html>`, site + path);
    drafts.push(...checks.check(page));
  }
  return drafts.map((draft) => stampFinding(draft, new Date()).fingerprint).sort();
}

test("unchanged pages reuse their findings, in any order, and give a full scan's fingerprints", () => {
  const first = new PageContentChecks(site, scanner, [], "tag");
  const firstFindings = check(first, ["/a.html", "/b.html", "/c.html"]);
  assert.ok(firstFindings.length >= 3, "the typos and the hidden spam are found");
  const memory: ReadonlyMap<string, TextMemory> = first.memory;

  const spy = counting();
  const reordered = ["/c.html", "/b.html", "/a.html"];
  const incremental = check(new PageContentChecks(site, spy.scanner, [], "tag", memory), reordered);
  assert.deepEqual(spy.scanned, [], "nothing is scanned again");
  assert.deepEqual(incremental, check(new PageContentChecks(site, scanner, [], "tag"), reordered));
  assert.notDeepEqual(incremental, firstFindings, "the sidebar's typo now belongs to /b.html");
});

test("a changed page is scanned again, and new scanner settings mean scanning everything", () => {
  const first = new PageContentChecks(site, scanner, [], "tag");
  check(first, ["/a.html", "/b.html", "/c.html"]);
  const edits = { "/b.html": `<h1>通知二</h1>${sidebar}<p>会议改期，大家要按步就班。</p>` };

  const spy = counting();
  const order = ["/a.html", "/b.html", "/c.html"];
  const incremental = check(new PageContentChecks(site, spy.scanner, [], "tag", first.memory), order, edits);
  assert.equal(spy.scanned.length, 1, "only the changed page");
  assert.ok(spy.scanned[0]!.includes("按步就班"));
  assert.deepEqual(incremental, check(new PageContentChecks(site, scanner, [], "tag"), order, edits));

  const other = counting();
  check(new PageContentChecks(site, other.scanner, [], "other lexicons", first.memory), order);
  assert.equal(other.scanned.length, 3 + 1, "three pages' text and one hidden text");
});

test("a site allow-list added since the last crawl applies to remembered findings", () => {
  const first = new PageContentChecks(site, scanner, [], "tag");
  const all = check(first, ["/a.html", "/b.html", "/c.html"]);
  const allowed = check(new PageContentChecks(site, scanner, ["再接再励"], "tag", first.memory), [
    "/a.html",
    "/b.html",
    "/c.html",
  ]);
  assert.equal(allowed.length, all.length - 1);
});
