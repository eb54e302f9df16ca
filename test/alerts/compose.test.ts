import assert from "node:assert/strict";
import { test } from "node:test";
import {
  line,
  link,
  toMarkdown,
  toText,
  untrusted,
  type AlertMessage,
} from "../../src/jobs/alerts/compose.ts";

test("untrusted text is cut, kept on one line and cannot add markup; links are encoded", () => {
  const message: AlertMessage = {
    title: "t",
    lines: [
      line("item", "站点：", untrusted("**加粗**\n# 标题\n<@zhangsan> `code` | 表格 ~删~ \\ _斜_", 200)),
      line("text", untrusted("一二三四五六七八九十", 5)),
      line("text", link("http://a.gov.cn/x)(y [z]", untrusted("http://a.gov.cn/x)(y [z]", 100))),
      line("text", link("javascript:alert(1)", "不是网址")),
    ],
  };
  assert.equal(
    toMarkdown(message, 4096),
    [
      "- 站点：＊＊加粗＊＊ ＃ 标题 ＜＠zhangsan＞ ｀code｀ ｜ 表格 ～删～ ＼ ＿斜＿",
      "一二三四…",
      "[http://a.gov.cn/x）（y ［z］](http://a.gov.cn/x%29%28y%20%5Bz%5D)",
      "不是网址",
    ].join("\n\n"),
  );
  assert.equal(
    toText(message),
    [
      "  · 站点：**加粗** # 标题 <@zhangsan> `code` | 表格 ~删~ \\ _斜_",
      "一二三四…",
      "http://a.gov.cn/x%29%28y%20%5Bz%5D",
      "不是网址",
    ].join("\n"),
  );
});

test("markdown over the byte limit drops whole lines from the end and says so", () => {
  const message: AlertMessage = {
    title: "t",
    lines: [
      line("heading", "标题"),
      ...Array.from({ length: 100 }, (_, i) => line("item", `第 ${i} 项：${"很长的问题描述".repeat(5)}`)),
    ],
  };
  const markdown = toMarkdown(message, 4096);
  assert.ok(Buffer.byteLength(markdown) <= 4096);
  assert.ok(Buffer.byteLength(markdown) > 3800);
  assert.ok(markdown.startsWith("### 标题\n\n- 第 0 项："));
  assert.ok(markdown.endsWith("\n\n……（内容过多，其余请在平台查看）"));
  assert.equal(
    markdown.split("\n\n").filter((l) => l.startsWith("- 第")).length,
    markdown.split("\n\n").length - 2,
  );
});
