import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkCatalogue } from "../../src/checks/catalogue.ts";
import { renderChecksDoc } from "../../src/checks/catalogueDoc.ts";
import { closedPort, html, serveSite, type TestSite } from "../helpers/httpSite.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

function zhijian(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["bin/zhijian.js", ...args], { cwd: root });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

let site: TestSite;
before(async () => {
  site = await serveSite({
    "/": html(
      `<h1>测试市人民政府</h1><a href="/about.html">机构概况</a><a href="/nothing.html">通知公告</a>`,
    ),
    "/about.html": html(`<a href="/">首页</a>`),
  });
});
after(() => site.close());

test("inspect writes a versioned report and a Chinese summary, exit 0", async () => {
  const out = join(await mkdtemp(join(tmpdir(), "zhijian-cli-")), "report.json");
  const run = await zhijian([
    "inspect",
    `www.cli-test.gov.cn:${site.port}`,
    "--resolve",
    `www.cli-test.gov.cn:${site.port}:127.0.0.1`,
    "--mapped-only",
    "--as-of",
    "2026-11-20",
    "--out",
    out,
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /首页：HTTP 200/);
  assert.match(run.stdout, /链接失效：HTTP 404 页面不存在（“通知公告”）/);
  const report = JSON.parse(await readFile(out, "utf8"));
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.asOf, "2026-11-19T16:00:00.000Z", "a date without a zone is China time");
  assert.equal(report.sites[0].site, `http://www.cli-test.gov.cn:${site.port}`);
  assert.deepEqual(
    report.sites[0].findings.map((finding: { check: string; url: string }) => [finding.check, finding.url]),
    [["link.dead", `http://www.cli-test.gov.cn:${site.port}/nothing.html`]],
  );
});

test("an unreachable site exits 3 and still writes its report", async () => {
  const out = join(await mkdtemp(join(tmpdir(), "zhijian-cli-")), "report.json");
  const port = await closedPort();
  const run = await zhijian([
    "inspect",
    "http://www.down.gov.cn/",
    "--connect-to",
    `www.down.gov.cn:80:127.0.0.1:${port}`,
    "--mapped-only",
    "--quiet",
    "--out",
    out,
  ]);
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /无法访问的网站：http:\/\/www\.down\.gov\.cn/);
  const report = JSON.parse(await readFile(out, "utf8"));
  assert.equal(report.sites[0].reachable, false);
  assert.deepEqual(
    report.sites[0].findings.map((finding: { check: string }) => finding.check),
    ["site.unreachable"],
  );
  assert.equal(report.sites[0].facts.error.code, "ECONNREFUSED");
});

test("bad usage exits 2 with a clear message", async () => {
  const badMapping = await zhijian(["inspect", "http://x.gov.cn/", "--connect-to", "nonsense"]);
  assert.equal(badMapping.code, 2);
  assert.match(badMapping.stderr, /用法错误/);
  const badScheme = await zhijian(["inspect", "ftp://x.gov.cn/"]);
  assert.equal(badScheme.code, 2);
  assert.match(badScheme.stderr, /只支持 http 和 https/);
  const badNumber = await zhijian(["inspect", "http://x.gov.cn/", "--max-pages", "many"]);
  assert.equal(badNumber.code, 2);
  const noUrl = await zhijian(["inspect"]);
  assert.equal(noUrl.code, 2);
  const badDate = await zhijian(["inspect", "http://x.gov.cn/", "--as-of", "yesterday"]);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--as-of/);
});

test("docs/checks.md is generated from the catalogue and up to date", async () => {
  const committed = await readFile(join(root, "docs/checks.md"), "utf8");
  assert.equal(committed, renderChecksDoc(), "run `npm run docs:checks`");
  for (const check of checkCatalogue) assert.ok(committed.includes(`\`${check.id}\``));
});
