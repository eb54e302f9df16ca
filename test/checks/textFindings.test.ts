import assert from "node:assert/strict";
import { test } from "node:test";
import { contextOf, textIssueFindings } from "../../src/checks/textFindings.ts";
import type { TextIssue } from "../../src/text/issue.ts";

function privacy(text: string, value: string, found: string): TextIssue {
  const start = text.indexOf(value);
  return {
    kind: "privacy",
    start,
    end: start + value.length,
    found,
    category: "id-number",
    severity: "veto",
    confidence: "confirmed",
    message: `疑似泄露居民身份证号码 ${found}`,
  };
}

test("evidence context never shows a neighbouring number in full", () => {
  const text = "张某某 110105194912310021 电话 13812345678 李某某 110105195001010039 低保";
  const id1 = privacy(text, "110105194912310021", "110105********0021");
  const phone = { ...privacy(text, "13812345678", "138****5678"), category: "mobile" };
  const id2 = privacy(text, "110105195001010039", "110105********0039");
  const issues = [id1, phone, id2];
  const context = contextOf(text, phone, issues);
  assert.equal(context, "… 电话 【138****5678】 李某某 110105********0039");
  for (const finding of textIssueFindings(
    "http://x.gov.cn",
    "http://x.gov.cn/a.html",
    text,
    issues,
    "text",
  )) {
    assert.doesNotMatch(JSON.stringify(finding), /194912310021|12345678|195001010039/);
  }
});

test("a window that starts inside a value leaves its tail out", () => {
  const text = `${"说明".repeat(2)}110105194912310021后面紧跟一个错别字再接再励的句子`;
  const id = privacy(text, "110105194912310021", "110105********0021");
  const start = text.indexOf("再接再励");
  const typo: TextIssue = {
    kind: "typo",
    start,
    end: start + 4,
    found: "再接再励",
    suggestion: "再接再厉",
    severity: "deduct",
    confidence: "suspected",
    message: "疑似错别字",
  };
  const context = contextOf(text, typo, [id, typo]);
  assert.match(context, /^…后面紧跟一个错别字【再接再励】的句子$/);
});

test("findings are identified by what was found, not by its offset", () => {
  const text = "一分快3-开户";
  const issue: TextIssue = {
    kind: "sensitive",
    start: 0,
    end: text.length,
    found: text,
    category: "gambling",
    severity: "veto",
    confidence: "suspected",
    message: "疑似博彩垃圾信息",
  };
  const [finding] = textIssueFindings("http://x.gov.cn", "http://x.gov.cn/", text, [issue], "hidden-text");
  assert.equal(finding?.check, "content.sensitive");
  assert.deepEqual(finding?.identity, ["found", "category"]);
  assert.equal(finding?.locator, "hidden-text");
});
