/** The breadcrumb trail (首页 > 信息公开 > 信息公开年报) and the first-level column it names. */
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { crumbLabel } from "./documentIndex.ts";
import { inFooter, isLink, parentElement, skippedTags } from "./markup.ts";
import type { Crumb } from "./model.ts";
import { cleanName, hasCjkOrLetter, isColumnName } from "./names.ts";
import type { PageIndex } from "./pageIndex.ts";

interface FoundCrumbs {
  container: Element;
  crumbs: Crumb[];
}

const crumbSeparators = /\s*(?:>>|>|»|›|≫|＞|→|\/|\\|\||｜)\s*/;
const homeName = /首页|主页|home/i;

/** Prefers a container labelled 当前位置/您的位置 over class names like position/crumb/dqwz. */
export function findBreadcrumb(page: PageIndex): FoundCrumbs | null {
  for (const label of page.index.crumbLabels.slice(0, 10)) {
    const container = labelledContainer(page, label);
    if (container === null) continue;
    const crumbs = readCrumbs(page, container, label);
    if (crumbs.length >= 1) return { container, crumbs };
  }
  for (const container of page.index.crumbCandidates.slice(0, 20)) {
    const count = page.anchorCount(container);
    if (count < 1 || count > 15 || inFooter(container)) continue;
    const crumbs = readCrumbs(page, container, null);
    if (crumbs.length >= 2 && plausibleTrail(crumbs)) return { container, crumbs };
  }
  return null;
}

/** The URL of the current first-level column: the crumb after 首页, else the page itself. */
export function sectionUrl(breadcrumb: Crumb[], pageUrl: string): string {
  const trail =
    breadcrumb.length > 0 && homeName.test(breadcrumb[0]!.name) ? breadcrumb.slice(1) : breadcrumb;
  return trail[0]?.url ?? pageUrl;
}

/**
 * The label may sit in its own <span> or <li>; the trail is the nearest ancestor that also holds
 * links, widened from an inline element or list item to the list or line that holds the rest.
 */
function labelledContainer(page: PageIndex, label: AnyNode): Element | null {
  let node = parentElement(label);
  for (let depth = 0; node !== null && depth < 4; depth++) {
    const count = page.anchorCount(node);
    if (count > 15) return null;
    if (count > 0 || crumbTextAfterLabel(label) !== "") return widenCrumbs(page, node);
    node = parentElement(node);
  }
  return null;
}

const crumbPieceTags = new Set(["li", "span", "em", "strong", "b", "font", "label", "i"]);

function widenCrumbs(page: PageIndex, el: Element): Element {
  let node = el;
  for (let depth = 0; depth < 2 && crumbPieceTags.has(node.name); depth++) {
    const parent = parentElement(node);
    if (parent === null || page.anchorCount(parent) > 15) break;
    node = parent;
  }
  return node;
}

function crumbTextAfterLabel(label: AnyNode): string {
  if (!isText(label)) return "";
  const match = crumbLabel.exec(label.data);
  if (match === null) return "";
  return label.data
    .slice(match.index + match[0].length)
    .replace(/^[^:：]*[:：]/, "")
    .trim();
}

const crumbToolTags = new Set(["div", "p", "ul", "ol", "dl", "table", "form", "section"]);

function readCrumbs(page: PageIndex, container: Element, label: AnyNode | null): Crumb[] {
  const crumbs: Crumb[] = [];
  let started = label === null;
  const stack: AnyNode[] = [...container.children].reverse();
  let visited = 0;
  while (stack.length > 0 && visited++ < 500 && crumbs.length < 12) {
    const node = stack.pop()!;
    if (node === label) {
      started = true;
      pushTextCrumbs(crumbs, crumbTextAfterLabel(node));
      continue;
    }
    if (isText(node)) {
      if (started) pushTextCrumbs(crumbs, labelFree(node.data));
      continue;
    }
    if (!isTag(node) || skippedTags.has(node.name)) continue;
    // Tool boxes (字号 大 中 小 | 打印) nested in the trail's line hold no links.
    if (crumbs.length > 0 && crumbToolTags.has(node.name) && page.anchorCount(node) === 0) continue;
    if (isLink(node)) {
      if (!started) continue;
      const name = page.nameOf(node);
      if (name !== "") crumbs.push({ name, url: page.urlOf(node) });
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return crumbs;
}

/** A tool bar (简 | 繁 | EN | 登录) is not a trail: most crumbs must read as column names. */
function plausibleTrail(crumbs: Crumb[]): boolean {
  const named = crumbs.filter((c, i) => (i === 0 && homeName.test(c.name)) || isColumnName(c.name));
  return named.length * 2 > crumbs.length && named.length >= 2;
}

/** Text before a colon that names the trail ("您现在的位置是：") is not a crumb. */
function labelFree(text: string): string {
  return /位置|location/i.test(text) ? text.replace(/^[^:：]*[:：]/, "") : text;
}

function pushTextCrumbs(crumbs: Crumb[], text: string): void {
  for (const part of text.split(crumbSeparators)) {
    // Dates and weekdays printed after the trail are not part of the last crumb.
    const name = cleanName(part.replace(/\s*(?:\d{4}\s*[-年/.]\s*\d{1,2}|星期|周[一二三四五六日]).*$/, ""));
    if (name.length < 2 || !hasCjkOrLetter.test(name) || name.length > 40) continue;
    crumbs.push({ name, url: null });
  }
}
