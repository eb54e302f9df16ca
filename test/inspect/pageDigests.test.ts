import assert from "node:assert/strict";
import { test } from "node:test";
import type { CrawledPage } from "../../src/crawl/crawler.ts";
import { PageDigests } from "../../src/inspect/pageDigests.ts";
import { parsePage } from "../../src/parse/parsePage.ts";

const origin = "http://www.x.gov.cn";
const asOf = new Date("2026-11-20T00:00:00+08:00");

/** A crawled page as the crawler hands it over; the digests read only the URL, model and HTML. */
function crawled(path: string, html: string, isHomepage = false): CrawledPage {
  const url = `${origin}${path}`;
  return {
    url,
    finalUrl: url,
    depth: isHomepage ? 0 : 1,
    isHomepage,
    fetch: {} as CrawledPage["fetch"],
    page: parsePage(html, url),
    html,
    bytes: html.length,
  };
}

const menu = `<ul class="nav"><li><a href="/">首页</a></li><li><a href="/gzdt/">工作动态</a></li>
<li><a href="/tzgg/">通知公告</a></li><li><a href="/zcwj/">政策文件</a></li><li><a href="/hdjl/">互动交流</a></li></ul>`;

function listPage(prefix: string, dates: string[]): string {
  const rows = dates
    .map(
      (date, i) =>
        `<li><a href="${prefix}${date.replace(/-/g, "")}_${i}.html">关于开展第${i}项工作的通知</a><span>${date}</span></li>`,
    )
    .join("");
  return `<html><body>${menu}<ul class="list">${rows}</ul></body></html>`;
}

function article(date: string): string {
  return `<html><head><meta name="PubDate" content="${date} 09:00"></head><body><h1>关于开展工作的通知</h1><p>发布时间：${date}</p><p>正文。</p></body></html>`;
}

test("past the budget only menu-named pages are digested; list items decide which articles are kept", () => {
  const digests = new PageDigests(asOf, 2);
  digests.add(crawled("/", `<html><body>${menu}</body></html>`, true), () => true);
  digests.add(crawled("/x/", listPage("/x/t", ["2026-11-01", "2026-11-02"])), () => true);
  digests.add(crawled("/y/", listPage("/y/t", ["2026-11-03", "2026-11-04"])), () => true);
  digests.add(crawled("/z/", listPage("/z/t", ["2026-11-05", "2026-11-06"])), () => true);
  digests.add(crawled("/tzgg/index.html", listPage("/tzgg/t", ["2026-11-07", "2026-11-08"])), () => true);
  assert.deepEqual([...digests.pages.keys()].sort(), [
    `${origin}/tzgg/index.html`,
    `${origin}/x/`,
    `${origin}/y/`,
  ]);
  assert.equal(digests.skipped, 1);

  digests.add(crawled("/x/t20261101_0.html", article("2026-11-01")), () => true);
  digests.add(crawled("/elsewhere/t20261001_9.html", article("2026-10-01")), () => true);
  digests.add(crawled("/elsewhere/t20270105_1.html", article("2027-01-05")), () => true);
  assert.deepEqual([...digests.articles.keys()].sort(), [
    `${origin}/elsewhere/t20270105_1.html`,
    `${origin}/x/t20261101_0.html`,
  ]);
});

test("a page the analysis cannot read is recorded, and the next page is still digested", () => {
  const digests = new PageDigests(asOf);
  digests.add(crawled("/", `<html><body>${menu}</body></html>`, true), () => true);
  const broken = crawled("/gzdt/", "<html></html>");
  Object.defineProperty(broken, "page", {
    get() {
      throw new Error("模型损坏");
    },
  });
  digests.add(broken, () => true);
  digests.add(crawled("/tzgg/", listPage("/tzgg/t", ["2026-11-07", "2026-11-08"])), () => true);
  assert.deepEqual(digests.failures, [{ url: `${origin}/gzdt/`, error: "模型损坏" }]);
  assert.ok(digests.pages.has(`${origin}/tzgg/`));
});
