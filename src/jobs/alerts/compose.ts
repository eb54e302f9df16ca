/**
 * Alert messages, written once and rendered as markdown (企业微信, 钉钉) or plain text (e-mail).
 *
 * Site names, problem messages and URLs come from crawled pages or forms: untrusted. In markdown
 * they are cut short, kept on one line, and their markup characters replaced by full-width look-alikes,
 * so a page cannot put a link, an image, a heading, a <font> tag or an @-mention into an alert.
 */

/** Text the platform wrote, text from outside (cut to `max` characters), or a link. */
export type Part = string | { untrusted: string; max: number } | { href: string; label: Part };

export interface Line {
  kind: "heading" | "item" | "text";
  parts: Part[];
}

export interface AlertMessage {
  title: string;
  lines: Line[];
}

export const line = (kind: Line["kind"], ...parts: Part[]): Line => ({ kind, parts });
export const untrusted = (text: string | null | undefined, max: number): Part => ({
  untrusted: text ?? "",
  max,
});
export const link = (href: string, label: Part): Part => ({ href, label });

const truncatedNote = "……（内容过多，其余请在平台查看）";

/** Markdown within `maxBytes` of UTF-8: whole lines are dropped from the end, with a note, when it would not fit. */
export function toMarkdown(message: AlertMessage, maxBytes: number): string {
  const rendered = message.lines.map((l) => {
    const text = l.parts.map((part) => renderPart(part, true)).join("");
    return l.kind === "heading" ? `### ${text}` : l.kind === "item" ? `- ${text}` : text;
  });
  return fitLines(rendered, "\n\n", maxBytes);
}

export function toText(message: AlertMessage): string {
  return message.lines
    .map((l) => (l.kind === "item" ? "  · " : "") + l.parts.map((part) => renderPart(part, false)).join(""))
    .join("\n");
}

function fitLines(lines: string[], separator: string, maxBytes: number): string {
  const size = (text: string) => Buffer.byteLength(text, "utf8");
  const all = lines.join(separator);
  if (size(all) <= maxBytes) return all;
  const kept: string[] = [];
  let used = size(separator + truncatedNote);
  for (const text of lines) {
    const cost = size(text) + (kept.length > 0 ? size(separator) : 0);
    if (used + cost > maxBytes) break;
    kept.push(text);
    used += cost;
  }
  return [...kept, truncatedNote].join(separator);
}

function renderPart(part: Part, markdown: boolean): string {
  if (typeof part === "string") return part;
  if ("untrusted" in part) {
    const text = cut(part.untrusted.replace(/\s+/g, " ").trim(), part.max);
    return markdown ? neutralise(text) : text;
  }
  const label = renderPart(part.label, markdown);
  const href = safeHref(part.href);
  if (href === undefined) return label;
  if (markdown) return `[${label}](${href})`;
  const labelIsUrl =
    typeof part.label === "object" && "untrusted" in part.label && part.label.untrusted === part.href;
  return labelIsUrl ? href : `${label}（${href}）`;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

const fullWidth: Record<string, string> = {
  "\\": "＼",
  "`": "｀",
  "*": "＊",
  _: "＿",
  "[": "［",
  "]": "］",
  "(": "（",
  ")": "）",
  "#": "＃",
  "<": "＜",
  ">": "＞",
  "|": "｜",
  "~": "～",
  "!": "！",
  "@": "＠",
};

function neutralise(text: string): string {
  return text.replace(/[\\`*_[\]()#<>|~!@]/g, (char) => fullWidth[char]!);
}

/** An http(s) URL with the characters that could end a markdown link target encoded; else undefined. */
function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.href.replace(
      /[()<>[\]\s"'`]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
    );
  } catch {
    return undefined;
  }
}
