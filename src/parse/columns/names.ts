/** Names as a reader sees them: the text of links and headings, cleaned, and whether it names a column. */
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { attr, skippedTags } from "./markup.ts";

/**
 * Collapsed text of a subtree. Reading stops once it is longer than maxChars (the result is then
 * longer than maxChars, never cut short: a cut title could pass for a short heading), or after a
 * bounded number of nodes, so a huge subtree stays cheap.
 */
export function textOf(node: AnyNode, maxChars: number): string {
  let out = "";
  let visited = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && visited++ < 400) {
    const n = stack.pop()!;
    if (isText(n)) {
      out += n.data;
      if (out.length > maxChars && collapse(out).length > maxChars) break;
    } else if (isTag(n) && !skippedTags.has(n.name)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return collapse(out);
}

export function imageAlt(a: Element): string {
  const stack: AnyNode[] = [...a.children].reverse();
  for (let visited = 0; stack.length > 0 && visited < 50; visited++) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === "img") return attr(node, "alt") ?? "";
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return "";
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const cjk = "\\u3400-\\u9fff\\uf900-\\ufaff";
const spaceBetweenCjk = new RegExp(`(?<=[${cjk}]) +(?=[${cjk}])`, "g");
export const hasCjkOrLetter = new RegExp(`[${cjk}A-Za-z]`);
/** Bullets and arrows that templates put around menu and block names. */
const edgeDecoration =
  /^[\s·•●○■□◆◇▪▸▶►>»›<«‹|｜:：、,，.。\-—_~*+]+|[\s·•●○■□◆◇▪▸▶►>»›<«‹|｜:：、,，.。\-—_~*+]+$/g;
const wrappingBrackets = /^[【[〖「](.+)[】\]〗」]$/;

/** "首\u3000页" → "首页", "· 通知公告 >>" → "通知公告", "【专题】" → "专题". */
export function cleanName(raw: string): string {
  if (raw === "") return "";
  const name = collapse(raw).replace(spaceBetweenCjk, "").replace(edgeDecoration, "");
  return name.replace(wrappingBrackets, "$1").trim();
}

/** Entries of menus and lists that are not columns: home, language, accessibility, account, pager. */
const notColumnName =
  /^(?:首页|网站首页|返回首页|回到首页|回首页|主页|home|homepage|english|en|eng|无障碍|无障碍浏览|长者模式|关怀版|适老化|老年模式|登录|注册|用户登录|个人登录|法人登录|退出|设为首页|加入收藏|收藏本站|网站地图|手机版|移动版|繁体|繁體|简体|繁体版|简体版|搜索|高级搜索|rss|更多|查看更多|more|上一页|下一页|上页|下页|尾页|末页|前一页|后一页|第?\d+页?|跳转|go)$/i;
export const moreName = /^(?:更多|查看更多|more|更多信息|更多内容|更多新闻)/i;

export function isColumnName(name: string, maxLength = 30): boolean {
  return (
    name.length >= 2 &&
    name.length <= maxLength &&
    hasCjkOrLetter.test(name) &&
    !notColumnName.test(name) &&
    !moreName.test(name)
  );
}

/** A block heading: short (column names are 2–16 characters), not a date, not a 更多 link. */
export function isHeadingName(name: string): boolean {
  return (
    isColumnName(name, 16) &&
    // "当前位置：首页 > 政务公开", "来源：…" are labelled lines, not headings.
    !/[:：>»›]/.test(name) &&
    !/\d{4}[-/年.]\d{1,2}/.test(name)
  );
}

/** Headings of link lists to other sites; what they list are not this site's columns. */
export const linkListHeading = /链接$|^链接|友情|网站群|网站导航|部门网站$|政府网站$|兄弟网站/;
