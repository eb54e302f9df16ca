import { readFile } from "node:fs/promises";
import { UsageError } from "../core/errors.ts";
import { parseSiteConfig, type SiteConfig } from "../inspect/siteConfig.ts";

/** Reads `--site-config FILE`; a missing file or broken JSON is a usage error naming the file. */
export async function loadSiteConfig(file: string): Promise<SiteConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`无法读取站点配置 ${file}：${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`站点配置 ${file} 不是有效的 JSON：${(error as Error).message}`);
  }
  return parseSiteConfig(json, file);
}
