import assert from "node:assert/strict";
import { test } from "node:test";
import { externalScriptFindings } from "../../src/checks/externalScripts.ts";
import { parsePage } from "../../src/parse/parsePage.ts";

const context = {
  site: "http://www.x.gov.cn",
  scopeHosts: new Set(["www.x.gov.cn"]),
  trustedHosts: new Set(["hm.baidu.com", "conac.cn"]),
};

test("scripts and frames from unknown non-government hosts are reported; hidden ones at veto level", () => {
  const page = parsePage(
    `<html><head><script src="/js/main.js"></script><script src="https://hm.baidu.com/hm.js?x"></script>
<script src="https://dcs.conac.cn/js/33/000/0000/60429971/CA330000000604299710000.js"></script>
<script src="https://www.zwfw.demo.gov.cn/widget.js"></script><script src="https://cdn.evil-tongji.com/t.js"></script></head>
<body><iframe src="https://www.hg-sports-bet.com/" style="display:none"></iframe><a href="https://www.other.com/">外链</a></body></html>`,
    "http://www.x.gov.cn/",
  );
  const findings = externalScriptFindings(page, context);
  assert.deepEqual(
    findings.map((f) => [f.evidence.targetHost, f.severity]),
    [
      ["cdn.evil-tongji.com", "warn"],
      ["www.hg-sports-bet.com", "veto"],
    ],
  );
  assert.ok(
    findings.every((f) => f.confidence === "suspected" && f.evidence.page === "http://www.x.gov.cn/"),
  );
});
