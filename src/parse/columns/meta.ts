/** The ColumnName / ColumnType metas that CMSs (TRS, Hanweb) write into column and article pages. */
import type { Element } from "domhandler";
import { attr } from "./markup.ts";
import type { ColumnMeta } from "./model.ts";
import { collapse } from "./names.ts";

/** Names match in any letter case; the first non-empty value of each wins. */
export function readColumnMeta(el: Element, meta: ColumnMeta): void {
  const name = attr(el, "name")?.trim().toLowerCase();
  if (name !== "columnname" && name !== "columntype") return;
  const key = name === "columnname" ? "name" : "type";
  if (meta[key] !== undefined) return;
  const value = collapse(attr(el, "content") ?? "");
  if (value !== "") meta[key] = value;
}
