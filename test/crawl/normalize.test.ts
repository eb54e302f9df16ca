import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeUrl } from "../../src/crawl/normalize.ts";

test("two spellings of one resource normalise to one key", () => {
  const spellings = [
    "HTTP://WWW.Example.GOV.CN:80/a/./b/../c.html#top",
    "http://www.example.gov.cn/a/c.html",
    "http://www.example.gov.cn/a/%63.html",
    "http://user:pw@www.example.gov.cn/a/c.html",
  ];
  const keys = new Set(spellings.map((url) => normalizeUrl(url)));
  assert.deepEqual([...keys], ["http://www.example.gov.cn/a/c.html"]);
});

test("query strings keep their order and meaning; an empty query is dropped", () => {
  assert.equal(normalizeUrl("http://x.gov.cn/list?b=2&a=1"), "http://x.gov.cn/list?b=2&a=1");
  assert.equal(normalizeUrl("http://x.gov.cn/list?"), "http://x.gov.cn/list");
  assert.notEqual(normalizeUrl("http://x.gov.cn/p?id=1"), normalizeUrl("http://x.gov.cn/p?id=2"));
});

test("reserved escapes stay escaped, relative URLs resolve, other schemes are refused", () => {
  assert.equal(normalizeUrl("http://x.gov.cn/a%2Fb"), "http://x.gov.cn/a%2Fb");
  assert.equal(normalizeUrl("../up.html", "http://x.gov.cn/a/b/c.html"), "http://x.gov.cn/a/up.html");
  assert.equal(normalizeUrl("mailto:office@x.gov.cn"), null);
  assert.equal(normalizeUrl("http://"), null);
});
