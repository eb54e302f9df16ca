import type { FindingDraft } from "../core/finding.ts";
import type { AxeAudit, AxeImpact } from "../fetch/axeAudit.ts";
import type { FormField, PageModel } from "../parse/model.ts";
import { checkDefinition } from "./catalogue.ts";

/**
 * Accessibility (无障碍与适老化, 国办公开办函〔2021〕28号, GB/T 37668). The static checks are
 * per page but template-driven: one missing alt in the header repeats on every page, so the site
 * gets one finding per problem with counts and sample pages instead of thousands.
 */
export interface AccessibilityContext {
  site: string;
  /** Sample pages kept per finding (default 5). */
  sampleLimit?: number;
}

export interface EntryContext {
  site: string;
  /** Script URL or inline-script fragments of accessibility toolbars (data/accessibility/toolbars.txt). */
  toolbarMarkers: readonly string[];
}

interface Sample {
  page: string;
  count: number;
  locators: string[];
}

/** Problems of one kind across the site: how many pages, how many elements, which pages as samples. */
class Count {
  pages = 0;
  elements = 0;
  readonly samples: Sample[] = [];

  constructor(private readonly sampleLimit: number) {}

  note(page: string, locators: string[], count = locators.length): void {
    if (count === 0) return;
    this.pages++;
    this.elements += count;
    if (this.samples.length < this.sampleLimit) {
      this.samples.push({ page, count, locators: locators.slice(0, LOCATORS_PER_SAMPLE) });
    }
  }
}

const LOCATORS_PER_SAMPLE = 3;
/** Controls that carry their own name (value or default caption) or are never seen. */
const selfNamedTypes = new Set(["hidden", "submit", "reset", "button", "image"]);
/** Entries are short labels; a longer link text is an article about the subject. */
const MAX_ENTRY_LABEL = 8;
/** Entry labels of 无障碍 / 适老化 versions as portals write them. */
const entryWords = /无障碍|长者|适老|关怀版|老年版|老年模式|大字版|读屏/;
/** The same in running text, as whole phrases only: articles about 无障碍环境建设 are no entry. */
const entryPhrases =
  /无障碍(浏览|阅读|模式|服务|通道)|长者模式|关怀版|适老化(版|模式)|老年(版|模式)|大字版|读屏模式/;

/** Tally of the static checks; add every crawled page, then take the findings. */
export class AccessibilityTally {
  private readonly imgAlt: Count;
  private readonly lang: Count;
  private readonly title: Count;
  private readonly unlabelled: Count;
  private readonly placeholderOnly: Count;

  constructor(private readonly context: AccessibilityContext) {
    const limit = context.sampleLimit ?? 5;
    this.imgAlt = new Count(limit);
    this.lang = new Count(limit);
    this.title = new Count(limit);
    this.unlabelled = new Count(limit);
    this.placeholderOnly = new Count(limit);
  }

  add(page: PageModel): void {
    const images = new Set<string>();
    for (const link of page.links) {
      if (link.element === "img" && link.altMissing && !link.hidden) images.add(link.locator);
    }
    this.imgAlt.note(page.url, [...images]);
    if (page.lang.trim() === "") this.lang.note(page.url, ["html"]);
    if (page.title.trim() === "") this.title.note(page.url, ["head>title"]);
    const unlabelled: string[] = [];
    const placeholderOnly: string[] = [];
    for (const form of page.forms) {
      for (const field of form.fields) {
        const name = accessibleName(field);
        if (name === "none") unlabelled.push(controlLocator(form.locator, field));
        else if (name === "placeholder") placeholderOnly.push(controlLocator(form.locator, field));
      }
    }
    this.unlabelled.note(page.url, unlabelled);
    this.placeholderOnly.note(page.url, placeholderOnly);
  }

  findings(): FindingDraft[] {
    const findings: FindingDraft[] = [];
    const add = (
      check: string,
      locator: string,
      message: string,
      severity: "warn" | "info",
      evidence: Record<string, unknown>,
    ): void => {
      findings.push({
        check,
        indicator: checkDefinition(check).indicator,
        site: this.context.site,
        url: this.context.site,
        locator,
        message,
        evidence,
        severity,
        confidence: "confirmed",
      });
    };
    const { imgAlt, lang, title, unlabelled, placeholderOnly } = this;
    if (imgAlt.pages > 0) {
      const message = `${imgAlt.pages} 个页面共 ${imgAlt.elements} 张图片缺少 alt 替代文本`;
      add("accessibility.img-alt", "img:not([alt])", message, "warn", summary(imgAlt));
    }
    if (lang.pages > 0) {
      const message = `${lang.pages} 个页面的 <html> 未声明 lang 语言属性`;
      add("accessibility.lang", "html:not([lang])", message, "info", summary(lang));
    }
    if (title.pages > 0) {
      add(
        "accessibility.title",
        "head>title",
        `${title.pages} 个页面缺少 <title> 或标题为空`,
        "warn",
        summary(title),
      );
    }
    if (unlabelled.pages > 0 || placeholderOnly.pages > 0) {
      const message = [
        unlabelled.pages > 0 ? `${unlabelled.pages} 个页面共 ${unlabelled.elements} 个表单控件没有标签` : "",
        placeholderOnly.pages > 0
          ? `${placeholderOnly.pages} 个页面共 ${placeholderOnly.elements} 个控件仅有 placeholder 提示`
          : "",
      ]
        .filter((part) => part !== "")
        .join("；");
      add(
        "accessibility.form-labels",
        "input,select,textarea",
        message,
        unlabelled.pages > 0 ? "warn" : "info",
        {
          unlabelled: summary(unlabelled),
          placeholderOnly: summary(placeholderOnly),
        },
      );
    }
    return findings;
  }
}

function summary(count: Count): Record<string, unknown> {
  return { pages: count.pages, elements: count.elements, samples: count.samples };
}

/** How a control is named: by a label, aria or title; only by its placeholder; or not at all. */
function accessibleName(field: FormField): "named" | "placeholder" | "none" | "exempt" {
  if (field.tag === "button" || (field.tag === "input" && selfNamedTypes.has(field.type))) return "exempt";
  if (field.labelled || (field.text ?? "").trim() !== "") return "named";
  return field.placeholder.trim() !== "" ? "placeholder" : "none";
}

function controlLocator(formLocator: string, field: FormField): string {
  const key = field.id !== "" ? `#${field.id}` : field.name !== "" ? `[name=${field.name}]` : "";
  return `${formLocator} ${field.tag}${key}`;
}

/**
 * The homepage's 无障碍 / 适老化 entry: a link or button so labelled, a phrase such as 长者模式 in
 * the visible text (entries are often javascript: links, which the model does not keep), or a
 * known toolbar script, loaded by src or written by an inline script.
 */
export function accessibilityEntryFindings(home: PageModel, context: EntryContext): FindingDraft[] {
  const markers = context.toolbarMarkers.map((marker) => marker.toLowerCase());
  const hasMarker = (text: string): boolean => markers.some((marker) => text.toLowerCase().includes(marker));
  const isEntry = (label: string): boolean => label.length <= MAX_ENTRY_LABEL && entryWords.test(label);
  const found =
    home.links.some(
      (l) => (l.element === "a" || l.element === "area" || l.element === "img") && isEntry(l.text),
    ) ||
    home.forms.some((f) => f.fields.some((field) => isEntry(field.text ?? field.value))) ||
    entryPhrases.test(home.text) ||
    home.links.some((l) => l.kind === "script" && l.url !== null && hasMarker(l.url)) ||
    (home.inlineScripts ?? []).some(hasMarker);
  if (found) return [];
  const check = "accessibility.entry";
  return [
    {
      check,
      indicator: checkDefinition(check).indicator,
      site: context.site,
      url: home.url,
      locator: "html>body",
      message: "首页未发现无障碍/适老化（长者模式、关怀版）入口，也未加载无障碍浏览工具条",
      evidence: { page: home.url, scripts: home.links.filter((l) => l.kind === "script").length },
      severity: "warn",
      confidence: "suspected",
    },
  ];
}

const impactOrder: AxeImpact[] = ["critical", "serious", "moderate", "minor"];

/** One finding per violated axe rule across the audited pages. */
export function axeFindings(audit: AxeAudit, context: AccessibilityContext): FindingDraft[] {
  if (audit.status !== "done") return [];
  const limit = context.sampleLimit ?? 5;
  const rules = new Map<string, { help: string; helpUrl: string; impact: AxeImpact | null; count: Count }>();
  for (const page of audit.pages) {
    if ("error" in page) continue;
    for (const v of page.violations) {
      let rule = rules.get(v.id);
      if (rule === undefined) {
        rule = { help: v.help, helpUrl: v.helpUrl, impact: v.impact, count: new Count(limit) };
        rules.set(v.id, rule);
      } else if (rank(v.impact) < rank(rule.impact)) rule.impact = v.impact;
      rule.count.note(page.url, v.targets, v.nodes);
    }
  }
  const check = "accessibility.axe";
  return [...rules].map(([id, rule]) => ({
    check,
    indicator: checkDefinition(check).indicator,
    site: context.site,
    url: context.site,
    locator: `axe:${id}`,
    message: `${rule.help}（axe 规则 ${id}，${rule.impact ?? "未定级"}）：${rule.count.pages} 个页面共 ${rule.count.elements} 处`,
    evidence: {
      rule: id,
      impact: rule.impact,
      helpUrl: rule.helpUrl,
      pages: rule.count.pages,
      elements: rule.count.elements,
      samples: rule.count.samples,
    },
    severity: rule.impact === "critical" || rule.impact === "serious" ? "warn" : "info",
    confidence: "confirmed",
  }));
}

function rank(impact: AxeImpact | null): number {
  return impact === null ? impactOrder.length : impactOrder.indexOf(impact);
}
