import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { axeFindings } from "../../src/checks/accessibility.ts";
import { auditAccessibility, DEFAULT_CHROMIUM, hostResolverRules } from "../../src/fetch/axeAudit.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import { html, serveSite, type TestSite } from "../helpers/httpSite.ts";

test("host mappings become chromium resolver rules; mappedOnly blocks the rest but not loopback", () => {
  const mapping = parseConnectTo("www.a11y.gov.cn:80:127.0.0.1:8123");
  assert.equal(hostResolverRules([mapping], false), "MAP www.a11y.gov.cn:80 127.0.0.1:8123");
  assert.equal(
    hostResolverRules([mapping], true),
    "MAP www.a11y.gov.cn:80 127.0.0.1:8123, EXCLUDE 127.*, EXCLUDE [::1], MAP * ~NOTFOUND",
  );
  assert.equal(hostResolverRules([], false), undefined);
});

test("without chromium the audit says how to install it instead of throwing", async () => {
  const audit = await auditAccessibility(["http://127.0.0.1/"], { executablePath: "/nonexistent/chromium" });
  assert.equal(audit.status, "unavailable");
  assert.match(audit.status === "unavailable" ? audit.reason : "", /apt-get install chromium/);
});

const noChromium = existsSync(DEFAULT_CHROMIUM)
  ? false
  : `${DEFAULT_CHROMIUM} is absent (apt-get install chromium)`;

describe("axe audit in Debian chromium", { skip: noChromium }, () => {
  let site: TestSite;
  before(async () => {
    site = await serveSite({
      "/": html(`<main><h1>示例</h1><img src="/seal.png"><p>正文</p></main>`),
    });
  });
  after(() => site.close());

  test("finds the image without alt on a mapped host name, in Chinese", async () => {
    const host = "www.a11y-test.gov.cn";
    const audit = await auditAccessibility([`http://${host}/`, `http://${host}/missing`], {
      mappings: [parseConnectTo(`${host}:80:127.0.0.1:${site.port}`)],
      mappedOnly: true,
    });
    assert.equal(audit.status, "done");
    if (audit.status !== "done") return;
    const [first, second] = audit.pages;
    assert.ok(first && "violations" in first, JSON.stringify(first));
    const imageAlt = first.violations.find((v) => v.id === "image-alt");
    assert.deepEqual(imageAlt && [imageAlt.impact, imageAlt.nodes, imageAlt.targets], [
      "critical",
      1,
      ["img"],
    ]);
    assert.match(imageAlt!.help, /[\u4e00-\u9fff]/);
    assert.deepEqual(second, { url: `http://${host}/missing`, error: "HTTP 404" });
    // The page was reached through the mapping, with the site's own Host name.
    assert.ok(site.requests.includes("GET /"));

    const findings = axeFindings(audit, { site: `http://${host}` });
    const finding = findings.find((f) => f.locator === "axe:image-alt");
    assert.equal(finding?.check, "accessibility.axe");
    assert.equal(finding?.severity, "warn");
    assert.deepEqual([finding?.evidence["pages"], finding?.evidence["elements"]], [1, 1]);
  });
});
