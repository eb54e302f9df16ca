/**
 * Assembles a site's columns (栏目) from the page digests of one crawl: first-level columns from the
 * homepage menu, second-level ones from nested menus and column side menus, homepage blocks (更多),
 * breadcrumbs, ColumnName metas and list pages whose URL reads like a column. Each column then gets
 * its type, its list pages (following pagination within a budget) and its newest item.
 */
import { chinaDay } from "../core/chinaDate.ts";
import type { ColumnItem, ColumnSource, SiteColumn } from "../checks/columnModel.ts";
import { classifyColumn } from "../checks/columnTypes.ts";
import type { ListedItem } from "../checks/timeTravel.ts";
import { looksLikeColumnUrl, type ColumnLink } from "../parse/columns.ts";
import { findOverride, type SiteSettings } from "./siteConfig.ts";
import { canonicalColumnUrl as canon, key, type PageDigest, type PageDigests } from "./pageDigests.ts";

export interface LinkState {
  state: "ok" | "broken" | "unknown";
  /** Where the link ended after redirects, when it was followed. */
  finalUrl?: string;
  status?: number;
  error?: string;
}

export interface ColumnAssembly {
  homepageUrl: string;
  digests: PageDigests;
  linkState(url: string): LinkState;
  inScope(url: string): boolean;
  settings: SiteSettings;
  asOf: Date;
  /** List pages read per column, the first included. */
  maxListPages: number;
}

interface Candidate {
  name: string;
  url: string;
  level: 1 | 2;
  parentName: string | null;
  parentUrl: string | null;
  sources: Set<ColumnSource>;
  /** The level came from a menu's nesting and is not revised by breadcrumbs. */
  levelKnown: boolean;
}

/** Names of menu entries that are not columns. */
const notColumn =
  /^(?:首页|网站首页|返回首页|主页|english|无障碍|长者模式|登录|注册|网站地图|联系我们|更多|more)$/iu;
/** A numbered list page beyond the first: index_2.html, list_3.shtml, page_2.htm, ?page=2. */
const laterListPage =
  /(?:_\d+\.[a-z]+$)|[?&](?:page|pageNo|pageno|pageIndex|pageindex|p|curPage|currentPage|pn)=\d+/iu;

export function assembleColumns(input: ColumnAssembly): { columns: SiteColumn[]; listed: ListedItem[] } {
  const byCanon = new Map<string, PageDigest>();
  for (const digest of input.digests.pages.values()) byCanon.set(canon(digest.url), digest);
  const lookup = (url: string): PageDigest | undefined =>
    input.digests.pages.get(key(url)) ?? byCanon.get(canon(url));
  // A column link that redirects (an old address kept alive) is read where it lands.
  const digestOf = (url: string): PageDigest | undefined => {
    const direct = lookup(url);
    if (direct) return direct;
    const landed = input.linkState(url).finalUrl;
    return landed ? lookup(landed) : undefined;
  };

  const candidates = new Map<string, Candidate>();
  const homepageCanon = canon(input.homepageUrl);
  const add = (
    link: { name: string; url: string },
    level: 1 | 2,
    source: ColumnSource,
    parent: Candidate | null,
    levelKnown: boolean,
  ): Candidate | null => {
    const name = link.name.trim();
    if (name === "" || notColumn.test(name) || !input.inScope(link.url)) return null;
    const id = canon(link.url);
    if (id === homepageCanon) return null;
    const existing = candidates.get(id);
    if (existing) {
      existing.sources.add(source);
      if (levelKnown && !existing.levelKnown)
        Object.assign(existing, placement(level, parent), { levelKnown });
      return existing;
    }
    const candidate: Candidate = {
      name,
      url: link.url,
      ...placement(level, parent),
      sources: new Set([source]),
      levelKnown,
    };
    candidates.set(id, candidate);
    return candidate;
  };

  const homepage = input.digests.homepage;
  const addMenu = (
    links: readonly ColumnLink[],
    source: ColumnSource,
    parent: Candidate | null,
    levelKnown: boolean,
  ): void => {
    for (const link of links) {
      // A dropdown heading without a page of its own still names its second-level columns.
      const column =
        link.url === ""
          ? headingOnly(link.name, source)
          : add(link, parent === null ? 1 : 2, source, parent, levelKnown);
      if (column !== null && parent === null) addMenu(link.children, source, column, true);
    }
  };
  if (homepage) {
    addMenu(homepage.columns.nav, "nav", null, true);
    addMenu(homepage.columns.blocks, "block", null, false);
  }
  for (const column of [...candidates.values()]) {
    if (column.level !== 1) continue;
    const digest = digestOf(column.url);
    if (digest) for (const link of digest.columns.subNav) add(link, 2, "sub-nav", column, true);
  }

  const claimed = new Set<PageDigest>();
  const chains = new Map<Candidate, PageDigest[]>();
  for (const column of candidates.values())
    chains.set(column, claimChain(column.url, digestOf, claimed, input.maxListPages));

  for (const digest of new Set(input.digests.pages.values())) {
    if (claimed.has(digest) || laterListPage.test(digest.url)) continue;
    const source = columnEvidenceOf(digest);
    if (source === null) continue;
    const crumbs = trail(digest);
    const name = digest.columns.meta.name?.trim() || crumbs.at(-1)?.name || digest.title;
    const parentCrumb = crumbs.length >= 2 ? crumbs.at(-2)! : null;
    const parent = parentCrumb ? findByName(candidates, parentCrumb.name) : null;
    const column = add({ name, url: digest.url }, parentCrumb ? 2 : 1, source, parent, false);
    if (column === null) continue;
    if (parentCrumb && !parent)
      Object.assign(column, { parentName: parentCrumb.name, parentUrl: parentCrumb.url });
    chains.set(column, claimChain(column.url, digestOf, claimed, input.maxListPages));
  }

  for (const column of candidates.values()) {
    if (column.levelKnown) continue;
    const first = chains.get(column)?.[0];
    if (!first) continue;
    const crumbs = trail(first);
    if (crumbs.length >= 2) {
      const parentCrumb = crumbs.at(-2)!;
      const parent = findByName(candidates, parentCrumb.name);
      Object.assign(column, {
        level: 2,
        parentName: parent?.name ?? parentCrumb.name,
        parentUrl: parent?.url ?? parentCrumb.url,
      });
    } else if (crumbs.length === 1) Object.assign(column, { level: 1, parentName: null, parentUrl: null });
  }

  mergeSameLanding(candidates, chains);
  const today = chinaDay(input.asOf);
  const columns: SiteColumn[] = [];
  const listed: ListedItem[] = [];
  const parents = new Set([...candidates.values()].map((candidate) => candidate.parentUrl));
  for (const candidate of candidates.values()) {
    const column = siteColumn(
      candidate,
      chains.get(candidate) ?? [],
      input,
      today,
      parents.has(candidate.url),
    );
    columns.push(column);
    // One dated link on a content page is usually the page's own date, not an item's.
    if (column.datedItems < 2) continue;
    for (const item of chainItems(chains.get(candidate) ?? [])) {
      if (item.date === null) continue;
      listed.push({ ...item, date: item.date, column: column.name, columnUrl: column.url });
    }
  }
  return { columns, listed };
}

/** A parent known only by name (a menu heading that links nowhere); it is not a column itself. */
function headingOnly(name: string, source: ColumnSource): Candidate | null {
  const trimmed = name.trim();
  if (trimmed === "" || notColumn.test(trimmed)) return null;
  return {
    name: trimmed,
    url: "",
    level: 1,
    parentName: null,
    parentUrl: null,
    sources: new Set([source]),
    levelKnown: true,
  };
}

/** Two entries that land on the same list page (an old address redirecting to it) are one column. */
function mergeSameLanding(candidates: Map<string, Candidate>, chains: Map<Candidate, PageDigest[]>): void {
  const byLanding = new Map<PageDigest, Candidate>();
  for (const [id, candidate] of candidates) {
    const landing = chains.get(candidate)?.[0];
    if (!landing) continue;
    const kept = byLanding.get(landing);
    if (!kept) {
      byLanding.set(landing, candidate);
      continue;
    }
    const [keep, drop] = canon(candidate.url) === canon(landing.url) ? [candidate, kept] : [kept, candidate];
    for (const source of drop.sources) keep.sources.add(source);
    byLanding.set(landing, keep);
    candidates.delete(keep === candidate ? canon(kept.url) : id);
  }
}

function placement(
  level: 1 | 2,
  parent: Candidate | null,
): Pick<Candidate, "level" | "parentName" | "parentUrl"> {
  return parent === null || level === 1
    ? { level, parentName: null, parentUrl: null }
    : { level, parentName: parent.name, parentUrl: parent.url || null };
}

/** Why a list page not named by any menu is a column, or null when it is not one. */
function columnEvidenceOf(digest: PageDigest): ColumnSource | null {
  const dated = digest.list.items.filter((item) => item.date !== null).length;
  const hasList = dated >= 3 || digest.list.placeholder !== null;
  if (!hasList) return null;
  if (digest.columns.meta.name) return "meta";
  if (trail(digest).length > 0) return "breadcrumb";
  return looksLikeColumnUrl(digest.url) && dated >= 3 ? "url" : null;
}

/** The breadcrumb without its leading 首页 crumb. */
function trail(digest: PageDigest): { name: string; url: string | null }[] {
  const crumbs = digest.columns.breadcrumb.filter((crumb) => crumb.name.trim() !== "");
  if (crumbs.length > 0 && /首页|主页|home/iu.test(crumbs[0]!.name)) return crumbs.slice(1);
  return crumbs;
}

function findByName(candidates: ReadonlyMap<string, Candidate>, name: string): Candidate | null {
  for (const candidate of candidates.values()) if (candidate.name === name.trim()) return candidate;
  return null;
}

/** The column's first list page and its further pages, breadth-first, within the budget. */
function claimChain(
  url: string,
  digestOf: (url: string) => PageDigest | undefined,
  claimed: Set<PageDigest>,
  budget: number,
): PageDigest[] {
  const first = digestOf(url);
  if (!first) return [];
  const chain: PageDigest[] = [first];
  claimed.add(first);
  for (let index = 0; index < chain.length && chain.length < budget; index++) {
    for (const next of chain[index]!.list.pagination) {
      const digest = digestOf(next);
      if (!digest || chain.includes(digest) || chain.length >= budget) continue;
      chain.push(digest);
      claimed.add(digest);
    }
  }
  return chain;
}

function chainItems(chain: readonly PageDigest[]): ColumnItem[] {
  const seen = new Set<string>();
  const items: ColumnItem[] = [];
  for (const digest of chain) {
    for (const item of digest.list.items) {
      if (seen.has(item.url)) continue;
      seen.add(item.url);
      items.push({
        title: item.title,
        url: item.url,
        date: item.date,
        dateText: item.dateText,
        yearInferred: item.yearInferred,
      });
    }
  }
  return items;
}

function siteColumn(
  candidate: Candidate,
  chain: readonly PageDigest[],
  input: ColumnAssembly,
  today: string,
  hasChildren: boolean,
): SiteColumn {
  const first = chain[0];
  // The CMS's own ColumnName beats a menu label, which is often shortened or a section's name.
  const metaName = first?.columns.meta.name?.trim();
  const name = metaName && !notColumn.test(metaName) ? metaName : candidate.name;
  const override =
    findOverride(input.settings, candidate.url, name) ??
    findOverride(input.settings, candidate.url, candidate.name);
  const items = chainItems(chain);
  const current = items.filter((item) => item.date !== null && item.date <= today);
  const newest = current.reduce<ColumnItem | null>(
    (best, item) => (best === null || item.date! > best.date! ? item : best),
    null,
  );
  const level = override?.level ?? candidate.level;
  const classification = override?.type
    ? { type: override.type, source: "override" }
    : classifyColumn({
        name,
        metaType: first?.columns.meta.type,
        parentName: candidate.parentName ?? undefined,
        url: candidate.url,
        itemTitles: items.slice(0, 20).map((item) => item.title),
      });
  const link = first ? null : input.linkState(candidate.url);
  const column: SiteColumn = {
    name,
    url: candidate.url,
    level,
    parentName: level === 1 ? null : candidate.parentName,
    parentUrl: level === 1 ? null : candidate.parentUrl,
    type: classification.type,
    typeSource: classification.source,
    sources: [...candidate.sources],
    state: first ? "read" : link?.state === "broken" ? "broken" : "not-read",
    items: chain.reduce((sum, digest) => sum + digest.list.itemCount, 0),
    datedItems: items.filter((item) => item.date !== null).length,
    pagesRead: chain.length,
    newest,
    future: items.filter((item) => item.date !== null && item.date > today),
    placeholder: first && first.list.itemCount === 0 ? first.list.placeholder : null,
    layout: layoutOf(first, hasChildren),
  };
  if (link?.state === "broken") Object.assign(column, { status: link.status, error: link.error });
  if (override?.window !== undefined) column.windowOverride = override.window;
  if (override?.ignore) column.ignored = true;
  return column;
}

/** Text of its own (not shared with the homepage's header and footer) that makes a page a 单页栏目. */
const singlePageChars = 60;

function layoutOf(first: PageDigest | undefined, hasChildren: boolean): SiteColumn["layout"] {
  if (first === undefined || first.list.itemCount > 0 || first.list.placeholder !== null) return "list";
  if (hasChildren) return "hub";
  return first.hasForm || first.bodyChars >= singlePageChars ? "page" : "list";
}
