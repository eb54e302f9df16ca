/** The parsed pages of a demo site as a crawl hands them over: homepage first, then every built HTML file. */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CrawledPage } from "../../src/crawl/crawler.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import type { PageModel } from "../../src/parse/model.ts";
import { demoSite } from "../../demo/sites.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";

const sitesDir = fileURLToPath(new URL("../../demo/sites/", import.meta.url));

export function demoPage(url: string): PageModel {
  const html = readDemoPage(url);
  if (html === null) throw new Error(`no demo page ${url}`);
  return parsePage(html, url);
}

/** Pages of one demo host (query variants left out), the homepage first. */
export function demoCrawl(host: string): CrawledPage[] {
  const root = path.join(sitesDir, host);
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.s?html?$/u.test(name) && !name.includes("@")) files.push(file);
    }
  };
  walk(root);
  const homepage = demoSite(host)!.homepage;
  const urls = files.map((file) => `http://${host}/${path.relative(root, file).split(path.sep).join("/")}`);
  const home = urls.find((url) => /^http:\/\/[^/]+\/index\.s?html?$/u.test(url))!;
  return [home, ...urls.filter((url) => url !== home)].map((url) => ({
    url: url === home ? homepage : url,
    finalUrl: url === home ? homepage : url,
    depth: url === home ? 0 : 1,
    isHomepage: url === home,
    fetch: {} as CrawledPage["fetch"],
    page: demoPage(url),
    bytes: 0,
  }));
}
