/** The generated demo site files (demo/sites/<host>/…) behind demo URLs, decoded as the server's pages are. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { demoSite } from "../../demo/sites.ts";

const sitesDir = fileURLToPath(new URL("../../demo/sites/", import.meta.url));

/**
 * Local file of a demo page: directory URLs serve index.*, and query pages are stored as
 * name@query.ext (demo/README.md). Null when there is no such file.
 */
export function demoFile(url: string): string | null {
  const u = new URL(url);
  const dir = path.join(sitesDir, u.host);
  const p = decodeURIComponent(u.pathname);
  const candidates = p.endsWith("/")
    ? ["index.html", "index.shtml", "index.htm"].map((f) => path.join(dir, p, f))
    : [path.join(dir, p)];
  const files =
    u.search === "" ? candidates : candidates.map((c) => c.replace(/(\.[a-z]+)$/, `@${u.search.slice(1)}$1`));
  return files.find((f) => existsSync(f)) ?? null;
}

/** The text of the demo page at url, or null when it has no local file. The GBK site's files are GBK bytes. */
export function readDemoPage(url: string): string | null {
  const file = demoFile(url);
  if (file === null) return null;
  const bytes = readFileSync(file);
  return demoSite(new URL(url).host)?.encoding === "gbk"
    ? iconv.decode(bytes, "gbk")
    : bytes.toString("utf8");
}
