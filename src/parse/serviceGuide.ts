/**
 * Reads a 办事指南 (service guide) page into its elements: 事项名称, 设定依据, 申请条件 … as the V6
 * indicator lists them. Guides come in every template: a two-column table (th/td or td/td), a
 * definition list (dt/dd), headings followed by a paragraph, "label：value" lines, or a div whose
 * label and value are inline spans with nothing between them. All of these reach the PageModel as
 * text blocks, so the reader works on blocks, not on the DOM.
 */
import { looksLikeColumnUrl } from "./columns.ts";
import type { LinkRef, PageModel } from "./model.ts";

export interface GuideElementDef {
  /** The indicator's name, shown to people. */
  name: string;
  /** Other labels CMS templates use for the same element. */
  synonyms: readonly string[];
  /** Counted as missing when absent; optional elements are read but never reported missing. */
  required: boolean;
  /** "无"/"否" is a real answer here (收费标准: no fee), not a placeholder. */
  noneIsAnswer?: boolean;
}

/**
 * The 15号 list (事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程) plus
 * 收费标准 and 办理机构 from the probable 19号 list (INDICATORS §2 V6, unverified). 办理机构 is read but
 * not required: many guides name the office only in 办理地点 or the page's 来源, and the 19号 text
 * that would require it is not known verbatim.
 */
export const defaultGuideElements: readonly GuideElementDef[] = [
  { name: "事项名称", synonyms: ["服务事项", "办理事项", "事项全称"], required: true },
  {
    name: "设定依据",
    synonyms: ["法律依据", "办理依据", "实施依据", "法定依据", "政策依据"],
    required: true,
  },
  { name: "申请条件", synonyms: ["受理条件", "办理条件", "申办条件", "受理标准"], required: true },
  {
    name: "办理材料",
    synonyms: ["申请材料", "申报材料", "所需材料", "提交材料", "申请资料", "材料清单"],
    required: true,
  },
  {
    name: "办理地点",
    synonyms: ["受理地点", "办公地点", "办理地址", "受理窗口", "办理窗口"],
    required: true,
  },
  {
    name: "办理机构",
    synonyms: ["实施主体", "实施机构", "受理机构", "受理部门", "办理部门", "承办机构"],
    required: false,
  },
  {
    name: "收费标准",
    synonyms: ["是否收费", "收费依据及标准", "收费情况", "收费依据"],
    required: true,
    noneIsAnswer: true,
  },
  { name: "办理时间", synonyms: ["受理时间", "办公时间", "工作时间"], required: true },
  {
    name: "联系电话",
    synonyms: ["咨询电话", "咨询方式", "监督电话", "投诉电话", "联系方式"],
    required: true,
  },
  {
    name: "办理流程",
    synonyms: ["办理程序", "办事流程", "办理步骤", "受理流程", "审批流程"],
    required: true,
  },
];

export type ElementState = "ok" | "missing" | "empty" | "placeholder";

export interface GuideElement {
  name: string;
  state: ElementState;
  /** The label as the page writes it (受理条件 for 申请条件); null when missing. */
  label: string | null;
  /** The value as read, cut to 80 characters. */
  value: string | null;
  /** Read from a block where label and value run together without a separator: less certain. */
  loose: boolean;
}

export interface ServiceGuide {
  url: string;
  title: string;
  /** title: the page's title names a guide; column: its ColumnName or breadcrumb; labels: only its content. */
  recognisedBy: "title" | "column" | "labels";
  elements: GuideElement[];
  /** Distinct elements found with a label. */
  labelsFound: number;
  attachments: { url: string; text: string }[];
}

export interface GuideReading {
  elements: readonly GuideElementDef[];
  /** Labels that make a page a guide on its content alone (default 4). */
  minLabels: number;
}

export const defaultGuideReading: GuideReading = { elements: defaultGuideElements, minLabels: 4 };

const guideTitle = /.{2,}(?:办事指南|服务指南|办理指南)/u;
const guideColumn = /办事指南|服务指南|办理指南/u;
/** 详见…, 相关法规, 按有关规定, bare dashes and slashes: a value that answers nothing. */
const placeholderValue =
  /^(?:无|暂无|空|略|待定|待补充|null|n\/?a|[-—－–/／\\、.。…·]+)$|^详见|^(?:相关|有关)(?:法律)?(?:法规|规定|表格|材料|文件)|^(?:按|依|根据)(?:照)?(?:相关|有关)规定/iu;
/** "见附件" answers only when the page has an attachment to see. */
const seeAttachment = /^(?:详)?(?:见|参见|参考)?附件/u;
const noneAnswer = /^(?:无|否|不收费|免费|免收|不收取)/u;
const maxValueChars = 80;

/** Reads a page as a service guide; null when it is not one. Pure; never throws. */
export function readServiceGuide(page: PageModel, reading = defaultGuideReading): ServiceGuide | null {
  const title = articleTitle(page);
  const article = !looksLikeColumnUrl(page.url);
  const labels = labelIndex(reading.elements);
  const found = readElements(page, labels);
  const recognisedBy =
    article && guideTitle.test(title)
      ? "title"
      : article && guideColumn.test(columnNameOf(page)) && found.size > 0
        ? "column"
        : found.size >= reading.minLabels
          ? "labels"
          : null;
  if (recognisedBy === null) return null;
  const attachments = page.links
    .filter((link) => link.kind === "attachment" && !link.hidden && link.url !== null)
    .map((link) => ({ url: link.url!, text: link.text }));
  const elements = reading.elements.map((def): GuideElement => {
    const hit = found.get(def.name);
    if (!hit) return { name: def.name, state: "missing", label: null, value: null, loose: false };
    const value = hit.value.replace(/[。；;，,\s]+$/u, "").trim();
    return {
      name: def.name,
      state: stateOf(value, def, attachments.length > 0),
      label: hit.label,
      value: value.slice(0, maxValueChars),
      loose: hit.loose,
    };
  });
  return { url: page.url, title, recognisedBy, elements, labelsFound: found.size, attachments };
}

function stateOf(value: string, def: GuideElementDef, hasAttachment: boolean): ElementState {
  if (value === "") return "empty";
  if (def.noneIsAnswer && noneAnswer.test(value)) return "ok";
  if (seeAttachment.test(value)) return hasAttachment ? "ok" : "placeholder";
  return placeholderValue.test(value) ? "placeholder" : "ok";
}

interface Hit {
  label: string;
  value: string;
  loose: boolean;
}

/** Label (and synonym) → element name; longest labels first so 收费依据及标准 wins over 收费依据. */
function labelIndex(defs: readonly GuideElementDef[]): [string, string][] {
  return defs
    .flatMap((def) => [def.name, ...def.synonyms].map((label): [string, string] => [label, def.name]))
    .sort((a, b) => b[0].length - a[0].length);
}

/** "一、", "1.", "（三）", "【", "★" before a label and "：" after it are layout, not the label. */
const labelDecoration = /^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*|[【[★●■◆·•]\s*)|[】\]]|[：:]\s*$/gu;

function readElements(page: PageModel, labels: readonly [string, string][]): Map<string, Hit> {
  const blocks = page.blocks.flatMap((block) =>
    page.text
      .slice(block.start, block.end)
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  );
  const labelOf = (text: string): [string, string] | undefined => {
    const bare = text.replace(labelDecoration, "").replace(/\s+/gu, "");
    return labels.find(([label]) => bare === label);
  };
  const strict = new Map<string, Hit>();
  const loose = new Map<string, Hit>();
  const keep = (into: Map<string, Hit>, name: string, hit: Hit): void => {
    if (!into.has(name)) into.set(name, hit);
  };
  for (let i = 0; i < blocks.length; i += 1) {
    const text = blocks[i]!;
    const alone = labelOf(text);
    if (alone) {
      // A run of labels (a table's header row) followed by as many values (its next row).
      let run = 1;
      while (i + run < blocks.length && labelOf(blocks[i + run]!)) run += 1;
      const values = blocks.slice(i + run, i + 2 * run);
      const rowOfValues =
        run > 1 && values.length === run && values.every((v) => !labelOf(v) && !startsWithLabel(v, labels));
      for (let j = 0; j < run; j += 1) {
        const [label, name] = labelOf(blocks[i + j]!)!;
        const next = rowOfValues ? values[j]! : j === run - 1 ? (blocks[i + run] ?? "") : "";
        keep(strict, name, { label, value: startsWithLabel(next, labels) ? "" : next, loose: false });
      }
      i += rowOfValues ? 2 * run - 1 : run - 1;
      continue;
    }
    const lead = startsWithLabel(text, labels);
    if (!lead) continue;
    const [label, name, rest] = lead;
    const colon = /^\s*[：:]/u.test(rest);
    keep(colon ? strict : loose, name, { label, value: rest.replace(/^\s*[：:]\s*/u, ""), loose: !colon });
  }
  for (const [name, hit] of loose) keep(strict, name, hit);
  return strict;
}

/** [label, element, rest of the line] when the line begins with a label (after numbering). */
function startsWithLabel(text: string, labels: readonly [string, string][]): [string, string, string] | null {
  const line = text.replace(/^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*|[【[★●■◆·•]\s*)/u, "");
  for (const [label, name] of labels) {
    if (!line.startsWith(label)) continue;
    const rest = line.slice(label.length).replace(/^[】\]]/u, "");
    return [label, name, rest];
  }
  return null;
}

/** The article's own title: ArticleTitle meta, else the first h1, else <title>. */
export function articleTitle(page: PageModel): string {
  const meta = page.metas.find((m) => m.name.toLowerCase() === "articletitle")?.content.trim();
  if (meta) return meta;
  const h1 = page.blocks.find((block) => block.tag === "h1");
  const heading = h1 ? page.text.slice(h1.start, h1.end).trim() : "";
  return heading || page.title.trim();
}

/** The column a page says it is in: ColumnName meta, else the breadcrumb's last step. */
export function columnNameOf(page: PageModel): string {
  const meta = page.metas.find((m) => m.name.toLowerCase() === "columnname")?.content.trim();
  if (meta) return meta;
  for (const block of page.blocks) {
    const text = page.text.slice(block.start, block.end);
    const crumb = /(?:当前位置|您的位置|所在位置|现在位置)[:：]?(.*)/u.exec(text);
    if (crumb)
      return crumb[1]!
        .split(/[>＞»/]|->/u)
        .pop()!
        .trim();
  }
  return "";
}

/** The provincial 政务服务网 and kin: zwfw.*.gov.cn, *zwfw.gov.cn, 一网通办 (ywtb) hosts. */
const serviceHost = /(?:^|\.)[a-z]*zwfw[a-z]*\.|(?:^|\.)ywtb\./u;
const serviceText = /政务服务网|一网通办|网上办事大厅|网上服务大厅|政务服务平台|政务服务中心网/u;

/** Links that lead to an online service platform: the site's 办事服务 entry. */
export function serviceEntryLinks(page: PageModel): LinkRef[] {
  return page.links.filter((link) => {
    if (link.element !== "a" || link.hidden || link.url === null || !/^https?:/u.test(link.url)) return false;
    return serviceHost.test(new URL(link.url).hostname) || serviceText.test(link.text);
  });
}
