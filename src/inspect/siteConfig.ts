/**
 * Per-site settings an office keeps between inspections (`--site-config FILE`, docs/site-config.md):
 * whether the homepage is only a navigation entry, and each column's type, update period or exclusion
 * where the automatic reading is wrong for that site.
 */
import type { UpdateWindow } from "../core/chinaDate.ts";
import { UsageError } from "../core/errors.ts";
import { columnTypeNames, type ColumnType } from "../checks/columnTypes.ts";
import type { IdentityExtension } from "../checks/identityReference.ts";

export interface ColumnOverride {
  /** Matches a column by its first list page URL or by its name (either or both). */
  url?: string;
  name?: string;
  type?: ColumnType;
  /** null: the column has no update duty. */
  window?: UpdateWindow | null;
  level?: 1 | 2;
  ignore?: boolean;
}

export interface SiteSettings {
  /** "navigation": judge homepage freshness by second-level pages; "content": by the homepage itself. */
  homepage?: "navigation" | "content";
  columns: ColumnOverride[];
  /** Words and names never reported as typos or lexicon hits on this site. */
  allow: string[];
  /** 门户网站 or 部门网站: decides the domain rules (www.x.gov.cn, or under the parent portal). */
  kind?: SiteKind;
  /** The parent portal's host, for a department site (slj.bd.gov.cn under www.bd.gov.cn). */
  parent?: string;
  /** The 网站标识码 on record (全国政府网站信息报送系统); the page's code must equal it. */
  siteIdCode?: string;
  /** A department without public services: its 办事服务 area is not scored (19号 4/3 rule). */
  noExternalServices?: boolean;
}

export type SiteKind = "portal" | "department";

export interface SiteConfig {
  sites: Map<string, SiteSettings>;
  /** Divisions and province abbreviations to accept beyond GB/T 2260 (new districts, test sites). */
  identity?: IdentityExtension;
}

export const emptySiteConfig: SiteConfig = { sites: new Map() };

/** Settings for a site, looked up by host name (www.x.gov.cn) or origin. */
export function settingsFor(config: SiteConfig, site: string): SiteSettings {
  const host = hostOf(site);
  return config.sites.get(host) ?? { columns: [], allow: [] };
}

export function findOverride(settings: SiteSettings, url: string, name: string): ColumnOverride | undefined {
  return settings.columns.find(
    (override) =>
      (override.url === undefined || sameUrl(override.url, url)) &&
      (override.name === undefined || override.name === name) &&
      (override.url !== undefined || override.name !== undefined),
  );
}

/** Validates the parsed JSON; every error names the place in the file. */
export function parseSiteConfig(json: unknown, file: string): SiteConfig {
  const fail = (where: string, what: string): never => {
    throw new UsageError(`站点配置 ${file} 有误：${where} ${what}`);
  };
  if (!isObject(json) || !isObject(json.sites)) fail("顶层", '应为 { "sites": { "<主机名>": {…} } }');
  const sites = new Map<string, SiteSettings>();
  for (const [key, raw] of Object.entries((json as { sites: Record<string, unknown> }).sites)) {
    const where = `sites["${key}"]`;
    if (!isObject(raw)) fail(where, "应为对象");
    const entry = raw as Record<string, unknown>;
    const homepage = entry.homepage;
    if (homepage !== undefined && homepage !== "navigation" && homepage !== "content") {
      fail(`${where}.homepage`, '只能是 "navigation"（栏目导航入口）或 "content"');
    }
    const columns = entry.columns ?? [];
    if (!Array.isArray(columns)) fail(`${where}.columns`, "应为数组");
    const allow = entry.allow ?? [];
    if (!Array.isArray(allow) || allow.some((word) => typeof word !== "string" || word.trim() === "")) {
      fail(`${where}.allow`, "应为非空字符串的数组");
    }
    const kind = entry.kind;
    if (kind !== undefined && kind !== "portal" && kind !== "department") {
      fail(`${where}.kind`, '只能是 "portal"（政府门户网站）或 "department"（部门网站）');
    }
    const parent =
      entry.parent === undefined ? undefined : stringField(entry.parent, `${where}.parent`, fail);
    const siteIdCode =
      entry.siteIdCode === undefined ? undefined : stringField(entry.siteIdCode, `${where}.siteIdCode`, fail);
    const noExternalServices = entry.noExternalServices;
    if (noExternalServices !== undefined && typeof noExternalServices !== "boolean") {
      fail(`${where}.noExternalServices`, "应为 true 或 false");
    }
    sites.set(hostOf(key), {
      ...(noExternalServices === true ? { noExternalServices } : {}),
      ...(kind === undefined ? {} : { kind: kind as SiteKind }),
      ...(parent === undefined ? {} : { parent: hostOf(parent) }),
      ...(siteIdCode === undefined ? {} : { siteIdCode }),
      homepage: homepage as SiteSettings["homepage"],
      allow: (allow as string[]).map((word) => word.trim()),
      columns: (columns as unknown[]).map((column, index) =>
        parseOverride(column, `${where}.columns[${index}]`, fail),
      ),
    });
  }
  const identity = (json as { identity?: unknown }).identity;
  return identity === undefined ? { sites } : { sites, identity: parseIdentity(identity, fail) };
}

/** `identity: { provinces: { "演": "99" }, divisions: { "990100": "演示省示范市" } }`. */
function parseIdentity(raw: unknown, fail: (where: string, what: string) => never): IdentityExtension {
  if (!isObject(raw)) fail("identity", "应为对象");
  const entry = raw as Record<string, unknown>;
  const table = (name: "provinces" | "divisions", key: RegExp, value: RegExp, shape: string) => {
    const map = entry[name];
    if (map === undefined) return undefined;
    if (!isObject(map)) fail(`identity.${name}`, "应为对象");
    for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
      if (!key.test(k) || typeof v !== "string" || !value.test(v)) fail(`identity.${name}["${k}"]`, shape);
    }
    return map as Record<string, string>;
  };
  const provinces = table(
    "provinces",
    /^\p{Script=Han}$/u,
    /^\d{2}$/,
    '应为 一个汉字简称 → 两位代码，如 "演": "99"',
  );
  const divisions = table(
    "divisions",
    /^\d{6}$/,
    /\S/,
    '应为 六位区划代码 → 名称，如 "990100": "演示省示范市"',
  );
  return { ...(provinces ? { provinces } : {}), ...(divisions ? { divisions } : {}) };
}

function parseOverride(
  raw: unknown,
  where: string,
  fail: (where: string, what: string) => never,
): ColumnOverride {
  if (!isObject(raw)) fail(where, "应为对象");
  const entry = raw as Record<string, unknown>;
  const override: ColumnOverride = {};
  if (entry.url !== undefined) override.url = stringField(entry.url, `${where}.url`, fail);
  if (entry.name !== undefined) override.name = stringField(entry.name, `${where}.name`, fail);
  if (override.url === undefined && override.name === undefined) fail(where, "需要 url 或 name 以指明栏目");
  if (entry.type !== undefined) {
    if (typeof entry.type !== "string" || !(entry.type in columnTypeNames)) {
      fail(`${where}.type`, `应为 ${Object.keys(columnTypeNames).join("、")} 之一`);
    }
    override.type = entry.type as ColumnType;
  }
  if (entry.period !== undefined) override.window = parsePeriod(entry.period, `${where}.period`, fail);
  if (entry.level !== undefined) {
    if (entry.level !== 1 && entry.level !== 2) fail(`${where}.level`, "只能是 1 或 2");
    override.level = entry.level as 1 | 2;
  }
  if (entry.ignore !== undefined) {
    if (typeof entry.ignore !== "boolean") fail(`${where}.ignore`, "应为 true 或 false");
    override.ignore = entry.ignore as boolean;
  }
  return override;
}

/** "14d", "6m", "1y", or null / "none" for no update duty. */
export function parsePeriod(
  raw: unknown,
  where: string,
  fail: (where: string, what: string) => never,
): UpdateWindow | null {
  if (raw === null || raw === "none") return null;
  const match = typeof raw === "string" ? /^(\d+)\s*([dmy])$/i.exec(raw.trim()) : null;
  if (match === null || Number(match[1]) === 0) fail(where, "应写作 14d、6m、1y 或 null（无更新要求）");
  const count = Number(match![1]);
  const unit = match![2]!.toLowerCase();
  return unit === "d" ? { days: count } : { months: unit === "y" ? count * 12 : count };
}

function stringField(value: unknown, where: string, fail: (where: string, what: string) => never): string {
  if (typeof value !== "string" || value.trim() === "") fail(where, "应为非空字符串");
  return (value as string).trim();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hostOf(site: string): string {
  try {
    return new URL(site.includes("://") ? site : `http://${site}`).hostname.toLowerCase();
  } catch {
    return site.toLowerCase();
  }
}

function sameUrl(a: string, b: string): boolean {
  const strip = (url: string): string =>
    url
      .replace(/^https?:\/\//i, "")
      .replace(/\/(?:index\.\w+)?$/i, "/")
      .toLowerCase();
  return strip(a) === strip(b);
}
