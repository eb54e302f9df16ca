import assert from "node:assert/strict";
import mammoth from "mammoth";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkCatalogue } from "../../src/checks/catalogue.ts";
import { renderChecksDoc } from "../../src/checks/catalogueDoc.ts";
import { parseResolve } from "../../src/fetch/hostMapping.ts";
import { probeHomepage } from "../../src/fetch/probe.ts";
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
  // A bare test site also lacks every page-standard element; those checks have their own tests.
  const siteAndLinks = report.sites[0].findings.filter((finding: { check: string }) =>
    /^(?:site|link)\./u.test(finding.check),
  );
  assert.deepEqual(
    siteAndLinks.map((finding: { check: string; url: string }) => [finding.check, finding.url]),
    [
      // Nothing on this homepage carries a date: 首页不更新.
      ["site.homepage-stale", `http://www.cli-test.gov.cn:${site.port}/`],
      ["link.dead", `http://www.cli-test.gov.cn:${site.port}/nothing.html`],
    ],
  );
});

test("--format docx writes the Word 问题清单 and an unknown format is a usage error", async () => {
  const out = join(await mkdtemp(join(tmpdir(), "zhijian-cli-")), "问题清单.docx");
  const common = [
    "inspect",
    `www.cli-test.gov.cn:${site.port}`,
    "--resolve",
    `www.cli-test.gov.cn:${site.port}:127.0.0.1`,
    "--mapped-only",
    "--as-of",
    "2026-11-20",
    "--quiet",
  ];
  const run = await zhijian([...common, "--format", "docx", "--out", out]);
  assert.equal(run.code, 0, run.stderr);
  const { value: text } = await mammoth.extractRawText({ buffer: await readFile(out) });
  assert.match(text, /问题清单/u);
  assert.match(text, /链接失效：HTTP 404/u);
  const bad = await zhijian([...common, "--format", "odt"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format 只能是 json、docx、xlsx、pdf 之一/u);
});

test("a broken --site-config stops before any crawl with exit 2 and the place of the error", async () => {
  const dir = await mkdtemp(join(tmpdir(), "zhijian-cli-"));
  const config = join(dir, "sites.json");
  await writeFile(
    config,
    JSON.stringify({ sites: { "www.x.gov.cn": { columns: [{ name: "通知公告", period: "2w" }] } } }),
  );
  const requestsBefore = site.requests.length;
  const run = await zhijian([
    "inspect",
    `www.cli-test.gov.cn:${site.port}`,
    "--site-config",
    config,
    "--mapped-only",
  ]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /columns\[0\]\.period/);
  assert.equal(site.requests.length, requestsBefore);
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

test("inspect --probes judges availability over the week before the time point", async () => {
  const dir = await mkdtemp(join(tmpdir(), "zhijian-cli-"));
  const series = join(dir, "probes.jsonl");
  const host = `www.cli-test.gov.cn:${site.port}`;
  // One real probe of the test site is the template; the week is laid out from it, 24 a day.
  const template = await probeHomepage(`http://${host}/`, {
    mappings: [parseResolve(`www.cli-test.gov.cn:${site.port}:127.0.0.1`)],
    mappedOnly: true,
  });
  assert.equal(template.ok, true, JSON.stringify(template.error));
  const asOf = Date.parse("2026-11-20T00:00:00+08:00");
  const lines: string[] = [];
  for (let i = 0; i < 7 * 24; i++) {
    const at = new Date(asOf - (i + 0.5) * 3_600_000).toISOString();
    const failed = i % 17 === 0; // 10 of 168: 5.95 %
    const record = failed
      ? {
          ...template,
          startedAt: at,
          scheduledAt: at,
          ok: false,
          status: 0,
          error: { code: "TIMEOUT", message: "超时", detail: null },
        }
      : { ...template, startedAt: at, scheduledAt: at };
    lines.push(JSON.stringify(record));
  }
  await writeFile(series, `${lines.join("\n")}\n`);
  const out = join(dir, "report.json");
  const run = await zhijian([
    "inspect",
    host,
    "--resolve",
    `www.cli-test.gov.cn:${site.port}:127.0.0.1`,
    "--mapped-only",
    "--as-of",
    "2026-11-20",
    "--probes",
    series,
    "--out",
    out,
    "--quiet",
  ]);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(await readFile(out, "utf8"));
  const availability = report.sites[0].availability;
  assert.equal(availability.probes, 168);
  assert.equal(availability.failures, 10);
  assert.equal(availability.verdict, "veto");
  const finding = report.sites[0].findings.find((f: { check: string }) => f.check === "site.availability");
  assert.equal(finding.severity, "veto");
  assert.equal(finding.confidence, "confirmed");
});
