/** Every HTML page of a built demo site with its URL, in file order, as a crawl would deliver them. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readDemoPage } from "../helpers/demoFiles.ts";

const sitesDir = fileURLToPath(new URL("../../demo/sites/", import.meta.url));

export function* demoPages(host: string): Generator<{ url: string; html: string }> {
  const root = path.join(sitesDir, host);
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" }).sort()) {
    // name@query.ext files are query pages (search results), not part of the site's tree.
    if (!/\.s?html?$/.test(file) || file.includes("@")) continue;
    const pathname = `/${file.split(path.sep).join("/")}`.replace(/\/index\.s?html?$/, "/");
    const url = `http://${host}${pathname}`;
    const html = readDemoPage(url);
    if (html !== null) yield { url, html };
  }
}
