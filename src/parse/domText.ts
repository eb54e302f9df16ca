/** Small readers over the domhandler tree that the DOM-based parsers (lists, messages) share. */
import type { AnyNode, Element } from "domhandler";

export function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

/** The text of a text node (domhandler's Text, typed loosely by AnyNode). */
export function textData(node: AnyNode): string {
  return (node as unknown as { data: string }).data;
}

/**
 * Text of a subtree (scripts and styles skipped, one excluded subtree read as a space), with
 * element boundaries as spaces; stops once `limit` characters are gathered.
 */
export function textOf(node: AnyNode, exclude: AnyNode | null = null, limit = Infinity): string {
  let out = "";
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()!;
    if (n === exclude) {
      out += " ";
      continue;
    }
    if (n.type === "text") {
      out += textData(n);
    } else if (isElement(n)) {
      if (n !== node && (n.name === "script" || n.name === "style")) continue;
      out += " ";
      const children = n.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out.length > limit ? out.slice(0, limit) : out;
}

export function collapse(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** An href worth following: not empty, not a fragment, not a script, mail, phone or data URL. */
export function usableHref(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  // Some CMSs escape the quotes around attribute values (href=\"/a.html\").
  const href = raw
    .trim()
    .replace(/^\\?["']/, "")
    .replace(/\\?["']$/, "")
    .trim();
  if (href === "" || href.startsWith("#")) return null;
  if (/^(?:javascript|mailto|tel|data):/iu.test(href)) return null;
  return href;
}

/** The absolute URL of an href, or the href as written when it cannot be resolved. */
export function resolveHref(href: string, base: string): string {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return href;
  }
}
