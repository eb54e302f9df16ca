/**
 * Generates the static files of the demo sites under demo/sites/<host>/ from the content modules
 * in demo/content/. The output is committed; run this after changing content:
 *
 *   npx tsx demo/build-sites.ts
 *
 * Text files are written in the site's encoding: UTF-8, or GBK for fgw.demo-city.gov.cn (encoded
 * here with iconv-lite, so the server sends the committed bytes unchanged and never transcodes).
 * Every GBK file is checked to round-trip, so a character outside GBK fails the build.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { siteModules } from "./content/index.ts";
import type { SiteModule } from "./content/model.ts";

export const SITES_DIR = fileURLToPath(new URL("./sites/", import.meta.url));

function encode(site: SiteModule, path: string, content: string | Buffer): Buffer {
  if (Buffer.isBuffer(content)) return content;
  if (site.encoding === "utf-8") return Buffer.from(content, "utf8");
  const bytes = iconv.encode(content, "gbk");
  const back = iconv.decode(bytes, "gbk");
  if (back !== content) {
    const at = [...content].findIndex((ch, i) => ch !== [...back][i]);
    throw new Error(`${site.host}/${path}: character ${JSON.stringify([...content][at])} is not in GBK`);
  }
  return bytes;
}

/** Every file of every demo site as bytes, keyed by host then by path relative to the site root. */
export function buildAllSites(): Map<string, Map<string, Buffer>> {
  const out = new Map<string, Map<string, Buffer>>();
  for (const site of siteModules) {
    const files = new Map<string, Buffer>();
    for (const [path, content] of site.build()) {
      if (path.startsWith("/") || path.includes("..")) throw new Error(`bad path ${path}`);
      files.set(path, encode(site, path, content));
    }
    out.set(site.host, files);
  }
  return out;
}

/** The files now on disk under demo/sites/<host>/, same shape as buildAllSites(). */
export function readSitesFromDisk(root = SITES_DIR): Map<string, Map<string, Buffer>> {
  const out = new Map<string, Map<string, Buffer>>();
  let hosts: string[] = [];
  try {
    hosts = readdirSync(root);
  } catch {
    return out;
  }
  for (const host of hosts) {
    const base = join(root, host);
    if (!statSync(base).isDirectory()) continue;
    const files = new Map<string, Buffer>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.set(relative(base, full).split(sep).join("/"), readFileSync(full));
      }
    };
    walk(base);
    out.set(host, files);
  }
  return out;
}

export function writeSites(root = SITES_DIR): { hosts: number; files: number } {
  const sites = buildAllSites();
  let count = 0;
  for (const [host, files] of sites) {
    const base = join(root, host);
    rmSync(base, { recursive: true, force: true });
    for (const [path, bytes] of files) {
      const full = join(base, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
      count++;
    }
  }
  return { hosts: sites.size, files: count };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { hosts, files } = writeSites();
  console.log(`demo/sites: ${files} files for ${hosts} sites written to ${SITES_DIR}`);
}
