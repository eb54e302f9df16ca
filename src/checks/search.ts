import type { FindingDraft } from "../core/finding.ts";
import type { SearchRequest, SearchResponse } from "../fetch/searchProbe.ts";
import type { FormField, FormModel, LinkRef, PageModel } from "../parse/model.ts";
import { parsePage } from "../parse/parsePage.ts";
import { sharedSegmenter } from "../text/segmenter.ts";
import { checkDefinition } from "./catalogue.ts";

/**
 * Site search (47号 功能设计). Planning and judging are pure: planSearch picks the homepage's
 * search form and a word certain to be on the site and describes the submission; the fetch stage
 * (probeSearch) sends it; searchFindings judges the result page.
 */
export type SearchPlan =
  | { kind: "missing" }
  /** No form, but a link labelled 搜索 leads to a search page: not probed. */
  | { kind: "link"; link: LinkRef }
  /** A search box only a script can submit. */
  | { kind: "scripted"; form: FormModel; reason: string }
  /** A form, but no article title on the homepage to take a word from. */
  | { kind: "no-term"; form: FormModel }
  | { kind: "submit"; form: FormModel; term: string; termSource: string; request: SearchRequest };

export interface SearchContext {
  site: string;
}

/** Title words that say nothing about the content: a search for them proves little. */
const genericWords = new Set(
  (
    "关于 印发 通知 公告 公示 工作 开展 召开 举行 会议 进一步 加强 做好 全市 我市 全县 我县 全区 我区 全省 " +
    "政府 人民政府 市政府 县政府 实施 方案 意见 办法 情况 信息 公开 有关 相关 年度 第一 第二 第三 第四"
  ).split(" "),
);
const wordShape = /^[\u4e00-\u9fff]{2,6}$/;
/** Homepage links with at least this many Chinese characters read as article titles, not navigation. */
const MIN_TITLE_CHARS = 8;
const MAX_TITLES = 12;
const searchLinkText = /^(站内|全站|网站)?(搜索|检索)$/;
/** How result pages say "nothing found". */
const emptyResult =
  /(共|找到|检索到|搜索到|查询到)[^0-9\n]{0,8}\b0\s*(条|个|篇|项|页)|(没有|未)(找到|检索到)(相关|符合)?(的?(结果|信息|内容|记录))?|无相关|没有(相关|符合)|暂无(相关)?(结果|信息|数据|记录|内容)/;

/** Which search form to use and what to submit; `charset` is the homepage's decoded charset. */
export function planSearch(home: PageModel, charset = home.declaredCharset ?? "utf-8"): SearchPlan {
  const searchForms = home.forms.filter((form) => form.isSearch);
  if (searchForms.length === 0) {
    const link = home.links.find((l) => l.element === "a" && l.url !== null && searchLinkText.test(l.text));
    return link === undefined ? { kind: "missing" } : { kind: "link", link };
  }
  // A real form with an action and a named box beats a script-driven one elsewhere on the page.
  const form = searchForms.find((f) => unsubmittable(f) === undefined) ?? searchForms[0]!;
  const reason = unsubmittable(form);
  if (reason !== undefined) return { kind: "scripted", form, reason };
  const chosen = chooseSearchTerm(home);
  if (chosen === undefined) return { kind: "no-term", form };
  const box = searchBox(form)!;
  return {
    kind: "submit",
    form,
    term: chosen.term,
    termSource: chosen.source,
    request: {
      action: form.action!,
      method: form.method === "post" ? "post" : "get",
      fields: submittedFields(form, box, chosen.term),
      charset,
    },
  };
}

/**
 * A word from the homepage's article titles: lists there run newest first, so these are recent
 * articles, certainly on the site. A word found in two titles is preferred (one article may not be
 * indexed yet), then the longer (more distinctive) one; generic words and the site's own name are
 * left out, since every page's template carries them.
 */
export function chooseSearchTerm(home: PageModel): { term: string; source: string } | undefined {
  const host = hostOf(home.url);
  const titles = [
    ...new Set(
      home.links
        .filter(
          (l) =>
            l.element === "a" &&
            !l.hidden &&
            l.url !== null &&
            hostOf(l.url) === host &&
            chineseCount(l.text) >= MIN_TITLE_CHARS,
        )
        .map((l) => l.text),
    ),
  ].slice(0, MAX_TITLES);
  const seen = new Map<string, Candidate>();
  for (const title of titles) {
    const words = new Set(sharedSegmenter().cut(title, false));
    for (const word of words) {
      if (!wordShape.test(word) || genericWords.has(word) || home.title.includes(word)) continue;
      const entry = seen.get(word);
      if (entry === undefined) seen.set(word, { titles: 1, source: title });
      else entry.titles++;
    }
  }
  // Map order is first appearance, so on a tie the word from the newer title stays.
  let best: [string, Candidate] | undefined;
  for (const candidate of seen) {
    if (best === undefined || better(candidate, best)) best = candidate;
  }
  return best === undefined ? undefined : { term: best[0], source: best[1].source };
}

interface Candidate {
  titles: number;
  source: string;
}

function better([word, a]: [string, Candidate], [bestWord, b]: [string, Candidate]): boolean {
  const inTwoA = a.titles >= 2;
  const inTwoB = b.titles >= 2;
  if (inTwoA !== inTwoB) return inTwoA;
  return word.length > bestWord.length;
}

/** Findings for the homepage's search: missing, or (when the probe ran) not working. */
export function searchFindings(
  home: PageModel,
  plan: SearchPlan,
  response: SearchResponse | undefined,
  context: SearchContext,
): FindingDraft[] {
  switch (plan.kind) {
    case "missing":
      return [
        draft("standards.search-missing", context, home.url, "html>body", {
          message: "首页未发现站内搜索：没有搜索表单或搜索框，也没有“搜索”入口链接",
          evidence: { page: home.url, forms: home.forms.length },
          severity: "deduct",
          confidence: "suspected",
        }),
      ];
    case "link":
      return [
        inconclusive(
          context,
          plan.link.url!,
          plan.link.locator,
          `首页只有搜索入口链接“${plan.link.text}”，未自动检测搜索是否可用`,
          {
            page: home.url,
            searchPage: plan.link.url,
          },
        ),
      ];
    case "scripted":
      return [
        inconclusive(
          context,
          home.url,
          plan.form.locator,
          `站内搜索由脚本驱动，无法自动提交：${plan.reason}`,
          {
            page: home.url,
            reason: plan.reason,
            fields: plan.form.fields.map((f) => f.name || f.id || f.tag),
          },
        ),
      ];
    case "no-term":
      return [
        inconclusive(
          context,
          plan.form.action ?? home.url,
          plan.form.locator,
          "首页没有可用于检索的文章标题，未检测搜索是否可用",
          {
            page: home.url,
          },
        ),
      ];
    case "submit":
      return response === undefined ? [] : judge(home, plan, response, context);
  }
}

function judge(
  home: PageModel,
  plan: Extract<SearchPlan, { kind: "submit" }>,
  response: SearchResponse,
  context: SearchContext,
): FindingDraft[] {
  const url = plan.request.action;
  const locator = plan.form.locator;
  const evidence: Record<string, unknown> = {
    page: home.url,
    term: plan.term,
    termSource: plan.termSource,
    method: response.method.toUpperCase(),
    request: response.url,
    ...(response.body !== undefined ? { body: response.body } : {}),
    status: response.status,
    finalUrl: response.finalUrl,
  };
  const broken = (message: string, extra: Record<string, unknown>, confirmed = true): FindingDraft[] => [
    draft("standards.search-broken", context, url, locator, {
      message,
      evidence: { ...evidence, ...extra },
      severity: "deduct",
      confidence: confirmed ? "confirmed" : "suspected",
    }),
  ];

  if (response.error !== undefined) {
    const definite = response.error.code === "ENOTFOUND" || response.error.code === "ECONNREFUSED";
    return broken(`站内搜索无法访问：${response.error.message}`, { error: response.error.code }, definite);
  }
  if (response.status >= 400 || response.html === undefined) {
    return broken(`站内搜索出错：检索“${plan.term}”返回 HTTP ${response.status}`, {});
  }
  const result = parsePage(response.html, response.finalUrl);
  if (sameUrl(response.finalUrl, home.url) || (result.title === home.title && result.text === home.text)) {
    return broken(`站内搜索不可用：检索“${plan.term}”回到了首页`, { resultTitle: result.title });
  }
  const items = resultItems(result, home, plan.term);
  if (items.length > 0) return [];
  const empty = emptyResult.exec(result.text);
  if (empty !== null) {
    return broken(`站内搜索查不到站内已有的内容：检索首页文章中的“${plan.term}”，结果页显示“${empty[0]}”`, {
      resultTitle: result.title,
      emptyMarker: empty[0],
    });
  }
  return [
    inconclusive(
      context,
      url,
      locator,
      `检索“${plan.term}”的结果页没有含该词的结果条目，结果可能由脚本加载`,
      {
        ...evidence,
        resultTitle: result.title,
      },
    ),
  ];
}

/**
 * Links on the result page whose text holds the term, other than the template's: a link at the
 * same place to the same target on the homepage is navigation, not a result. (The echo of the
 * query in the page text or the search box is not a link, so it never counts.)
 */
function resultItems(result: PageModel, home: PageModel, term: string): LinkRef[] {
  const template = new Set(home.links.map((l) => `${l.locator} ${l.url}`));
  return result.links.filter(
    (l) =>
      l.element === "a" && l.url !== null && l.text.includes(term) && !template.has(`${l.locator} ${l.url}`),
  );
}

/** Why a search form cannot be submitted without running its script, if it cannot. */
function unsubmittable(form: FormModel): string | undefined {
  if (form.formless) return "搜索框不在 <form> 中";
  if (form.action === null) return "表单 action 为脚本（javascript:）或无法解析";
  if (form.method !== "get" && form.method !== "post") return `表单 method 为 ${form.method}`;
  if (searchBox(form) === undefined) return "搜索框没有 name 属性，由脚本读取";
  return undefined;
}

/** The box a person types into: a search input, else a keyword-like name, else the first text box. */
function searchBox(form: FormModel): FormField | undefined {
  const boxes = form.fields.filter(
    (f) => f.tag === "input" && (f.type === "text" || f.type === "search") && f.name !== "",
  );
  return (
    boxes.find((f) => f.type === "search") ??
    boxes.find((f) => /key|word|search|^q$|^wd$|^kw$|^sw$/i.test(f.name)) ??
    boxes[0]
  );
}

/**
 * The form data set a browser submits on Enter: named hidden and text fields with their values,
 * the box with the term, and the first named submit button (implicit submission clicks it).
 * Checkboxes, radios and selects are left out: the model does not know which are checked.
 */
function submittedFields(form: FormModel, box: FormField, term: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  let submitterSeen = false;
  for (const field of form.fields) {
    const isSubmit = field.type === "submit" && (field.tag === "input" || field.tag === "button");
    const first = isSubmit && !submitterSeen;
    if (isSubmit) submitterSeen = true;
    if (field.name === "") continue;
    if (field === box) fields.push([field.name, term]);
    else if (
      field.tag === "textarea" ||
      (field.tag === "input" && ["hidden", "text", "search"].includes(field.type))
    ) {
      fields.push([field.name, field.value]);
    } else if (first) fields.push([field.name, field.value]);
  }
  return fields;
}

function draft(
  check: string,
  context: SearchContext,
  url: string,
  locator: string,
  rest: Pick<FindingDraft, "message" | "evidence" | "severity" | "confidence">,
): FindingDraft {
  return { check, indicator: checkDefinition(check).indicator, site: context.site, url, locator, ...rest };
}

function inconclusive(
  context: SearchContext,
  url: string,
  locator: string,
  message: string,
  evidence: Record<string, unknown>,
): FindingDraft {
  return draft("standards.search-broken", context, url, locator, {
    message,
    evidence,
    severity: "info",
    confidence: "inconclusive",
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

function sameUrl(a: string, b: string): boolean {
  const strip = (u: string): string => u.replace(/#.*$/, "").replace(/\/(index\.s?html?)?$/i, "");
  return strip(a) === strip(b);
}

function chineseCount(text: string): number {
  return text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
}
