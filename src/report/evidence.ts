/**
 * A finding's evidence as one short Chinese line for a 问题清单 cell. Checks keep raw, machine-shaped
 * evidence (request methods, retry flags, shingle counts…); a reader needs only what locates and
 * proves the problem. So the line is built from the fields named below, in this order, and a field
 * whose text the message already shows, or that is the URL itself, is left out. Values are shown as stored: privacy
 * findings store masked numbers, and they stay masked.
 */
import type { Finding } from "../core/finding.ts";

type Format = (value: unknown, evidence: Record<string, unknown>) => string | null;

const maxSamples = 3;
const maxLength = 240;

const text: Format = (value) =>
  typeof value === "string" && value !== ""
    ? value
    : typeof value === "number"
      ? String(value)
      : Array.isArray(value) && value.every((v) => typeof v === "string") && value.length > 0
        ? value.join("、")
        : null;

/** Where a problem shows: link occurrences, page lists, or a single page, with their count. */
const where: Format = (value, evidence) => {
  const pages = Array.isArray(value)
    ? value.map((entry) => (typeof entry === "string" ? entry : (entry as { page?: string }).page))
    : [];
  const first = pages.find((page): page is string => typeof page === "string");
  if (!first) return null;
  const count = Number(evidence.occurrenceCount ?? evidence.pageCount ?? pages.length);
  return count > 1 ? `${first} 等 ${count} 处` : first;
};

const samples: Format = (value) => {
  if (!Array.isArray(value)) return null;
  const urls = value
    .map((entry: { url?: string; page?: string }) => entry.url ?? entry.page)
    .filter((url): url is string => typeof url === "string");
  return urls.length > 0 ? urls.slice(0, maxSamples).join("、") : null;
};

const httpStatus: Format = (value) =>
  typeof value === "number" && value > 0 ? `HTTP ${value}` : typeof value === "string" ? value : null;

const datedItem: Format = (value) => {
  const item = value as { title?: string; date?: string } | null;
  return item?.date ? `${item.date}${item.title ? `“${item.title}”` : ""}` : null;
};

const shownDate: Format = (value) => (value as { text?: string } | null)?.text ?? null;

const percent: Format = (value) => (typeof value === "number" ? `${Math.round(value * 100)}%` : null);

const count: Format = (value) => (Array.isArray(value) && value.length > 0 ? `${value.length} 次` : null);

const fields: readonly (readonly [key: string, label: string, format: Format])[] = [
  ["occurrences", "所在页面", where],
  ["pages", "所在页面", where],
  ["page", "所在页面", text],
  ["context", "原文", text],
  ["newest", "最新信息", datedItem],
  ["placeholder", "占位文字", text],
  ["listDate", "列表日期", text],
  ["displayedDate", "正文日期", shownDate],
  ["metaDate", "PubDate 标签", shownDate],
  ["column", "栏目", text],
  ["targetHost", "指向", text],
  ["hiddenReason", "隐藏方式", text],
  ["hiddenBy", "隐藏元素", text],
  ["hiddenRule", "样式规则", text],
  ["policy", "政策文件", text],
  ["interpretation", "解读", text],
  ["policyDate", "文件日期", text],
  ["interpretationDate", "解读日期", text],
  ["containment", "与原文相同", percent],
  ["asked", "留言时间", text],
  ["deadline", "答复期限", text],
  ["status", "状态", httpStatus],
  ["errorMessage", "错误", text],
  ["redirects", "跳转", count],
  ["finalUrl", "最终地址", text],
  ["term", "检索词", text],
  ["request", "检索请求", text],
  ["emptyMarker", "结果页提示", text],
  ["missing", "缺少", text],
  ["values", "各处取值", text],
  ["samples", "示例", samples],
  ["ipv4", "IPv4 地址", text],
  ["due", "发布期限", text],
];

export function evidenceLine(finding: Pick<Finding, "message" | "url" | "evidence">): string {
  // The URL is compared whole: the page a link sits on is often a prefix of the link's own URL.
  const shown = [finding.message];
  const parts: string[] = [];
  for (const [key, label, format] of fields) {
    if (!(key in finding.evidence)) continue;
    const value = format(finding.evidence[key], finding.evidence);
    if (value === null || value === finding.url || shown.some((already) => already.includes(value))) continue;
    parts.push(`${label}：${value}`);
    shown.push(value);
  }
  const line = parts.join("；");
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
