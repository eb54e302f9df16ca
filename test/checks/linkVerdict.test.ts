import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyLink } from "../../src/checks/linkVerdict.ts";
import type { LinkProbe } from "../../src/crawl/linkTable.ts";

function probe(overrides: Partial<LinkProbe>): LinkProbe {
  return {
    method: "HEAD",
    status: 200,
    finalUrl: "http://x.gov.cn/a",
    redirects: [],
    attempts: 1,
    totalMs: 5,
    usedGetFallback: false,
    usedBrowserHeaders: false,
    ...overrides,
  };
}

test("404, 410, unknown host, refused connections and redirect loops are confirmed broken", () => {
  for (const status of [404, 410]) assert.equal(classifyLink(probe({ status })).verdict, "confirmed");
  for (const code of ["ENOTFOUND", "ECONNREFUSED", "REDIRECT_LOOP", "TOO_MANY_REDIRECTS"] as const) {
    assert.equal(classifyLink(probe({ status: 0, error: { code, message: "" } })).verdict, "confirmed", code);
  }
});

test("timeouts, 5xx after retries and TLS failures are only suspected", () => {
  assert.equal(
    classifyLink(probe({ status: 0, error: { code: "TIMEOUT", message: "" } })).verdict,
    "suspected",
  );
  assert.equal(classifyLink(probe({ status: 503, attempts: 3 })).verdict, "suspected");
  assert.equal(classifyLink(probe({ status: 0, error: { code: "TLS", message: "" } })).verdict, "suspected");
  assert.equal(
    classifyLink(probe({ status: 200, tls: { authorized: false, error: "CERT_HAS_EXPIRED" } })).verdict,
    "suspected",
  );
});

test("bot protection is inconclusive, success and redirects are ok", () => {
  for (const status of [401, 403, 429]) {
    assert.equal(classifyLink(probe({ status, usedBrowserHeaders: true })).verdict, "inconclusive");
  }
  assert.equal(classifyLink(probe({ status: 200 })).verdict, "ok");
  assert.equal(classifyLink(probe({ status: 204 })).verdict, "ok");
  assert.equal(
    classifyLink(probe({ status: 200, error: { code: "BODY_TOO_LARGE", message: "" } })).verdict,
    "ok",
  );
});

test("the reason is written for people, in Chinese", () => {
  assert.equal(classifyLink(probe({ status: 404 })).reason, "HTTP 404 页面不存在");
  assert.equal(
    classifyLink(probe({ status: 0, error: { code: "ENOTFOUND", message: "" } })).reason,
    "域名无法解析",
  );
});
