/**
 * Sensitive and spam content: lexicon hits in page text and in links, as TextIssues.
 *
 * Inspectors switch off a checker that cries wolf, so three things keep reports to real spam:
 * - the default lexicon holds spam phrases, not topic words (data/lexicons/spam-default.txt);
 * - allow lists (global, per site, and the lexicon's own allow entries) shield a term wherever it
 *   lies inside an allowed phrase;
 * - in visible text, a hit in a sentence that speaks of enforcement or warning (打击、查处、警惕、
 *   反诈…) is news about the problem, not the problem, and is not reported. Hidden text and links
 *   skip this rule: injected spam lives there, and news articles do not.
 * Every hit is "suspected": a person confirms before a veto counts.
 */
import type { Severity } from "../core/finding.ts";
import type { TextIssue } from "./issue.ts";
import type { Lexicon, LexiconCategory, LexiconEntry } from "./lexicon.ts";
import { createMatcher, type Matcher, type MatchHit } from "./matcher.ts";

export { defaultLexicon } from "./lexicon.ts";

/** Phrases never to report, compiled once; build with createAllowList and reuse across pages. */
export interface AllowList {
  readonly phrases: readonly string[];
  readonly matcher: Matcher;
}

/** An allow list, compiled or as phrases (an array is compiled once and cached: do not mutate it). */
export type AllowInput = AllowList | readonly string[];

export interface SensitiveOptions {
  /** Global and per-site allow lists; the lexicon's own allow entries always apply. */
  allow?: AllowInput | readonly AllowInput[];
  /**
   * Drop hits in sentences about enforcement or warnings (see newsContextWords). Default true; pass
   * false for hidden text, where spam hides and news does not.
   */
  newsContext?: boolean;
  /** Report only these categories. */
  categories?: readonly LexiconCategory[];
  /**
   * A word segmenter (e.g. jieba's cut) whose words, joined, give back its input. When given, a hit
   * must begin and end on word boundaries of its sentence, so "性服务" in "公益性服务" or "低制" in
   * "降低制度" is dropped. Worth it for broad third-party lists; the default lexicon does not need it.
   */
  segment?: (sentence: string) => string[];
}

/** A link as the parser gives it (LinkRef fits): anchor text and resolved URL. */
export interface LinkLike {
  text: string;
  url: string | null;
}

/** A hit in a link; start/end are offsets into the link's text or url, as `field` says. */
export interface LinkIssue extends TextIssue {
  /** Index of the link in the list passed in. */
  link: number;
  field: "text" | "url";
}

/**
 * 19号 单项否决 V1: "发布或链接反动、暴力、色情等内容"; gambling spam is treated alike. Fraud and
 * other lists are too mixed to veto on a word.
 */
const categorySeverity: Readonly<Record<LexiconCategory, Severity>> = {
  gambling: "veto",
  porn: "veto",
  reactionary: "veto",
  violence: "veto",
  fraud: "warn",
  other: "warn",
};

const textLabels: Readonly<Record<LexiconCategory, string>> = {
  gambling: "疑似博彩垃圾信息",
  porn: "疑似色情垃圾信息",
  violence: "疑似暴力内容",
  fraud: "疑似诈骗信息",
  reactionary: "疑似反动内容",
  other: "疑似敏感信息",
};

const linkLabels: Readonly<Record<LexiconCategory, string>> = {
  gambling: "疑似博彩垃圾链接",
  porn: "疑似色情垃圾链接",
  violence: "疑似暴力内容链接",
  fraud: "疑似诈骗链接",
  reactionary: "疑似反动内容链接",
  other: "疑似敏感信息链接",
};

/**
 * Words of enforcement, warning and reporting that government news about gambling, porn and fraud
 * uses and spam never does. Exported so a check's documentation can list them.
 */
export const newsContextWords: readonly string[] = [
  "打击",
  "严打",
  "整治",
  "专项行动",
  "专项治理",
  "查处",
  "查获",
  "破获",
  "侦破",
  "取缔",
  "抓获",
  "捣毁",
  "铲除",
  "涉嫌",
  "犯罪",
  "违法",
  "非法",
  "案件",
  "嫌疑人",
  "公安",
  "警方",
  "民警",
  "法院",
  "检察",
  "判处",
  "判决",
  "起诉",
  "警惕",
  "提醒",
  "防范",
  "谨防",
  "严禁",
  "禁止",
  "举报",
  "反诈",
  "防诈",
  "扫黄打非",
  "赌博",
  "涉赌",
  "聚赌",
  "涉黄",
  "淫秽",
  "诈骗",
  "敲诈",
  "停售",
  "曝光",
  "危害",
  "远离",
  "拒绝",
];

/** How far a sentence may reach on either side of a hit when looking for news context. */
const sentenceReach = 60;
const sentenceEnd = /[。！？!?；;\n]/;

/** Lexicon terms are matched through separators and on ASCII word boundaries (see MatcherOptions). */
const lexiconMatching = { skipSeparators: true, asciiWordBoundaries: true } as const;

let newsMatcher: Matcher | undefined;

interface Compiled {
  matcher: Matcher;
  entries: readonly LexiconEntry[];
  allow: AllowList | null;
}

const compiled = new WeakMap<Lexicon, Compiled>();

/** The automaton of a lexicon, built on first use and kept as long as the lexicon lives. */
function compile(lexicon: Lexicon): Compiled {
  let c = compiled.get(lexicon);
  if (c === undefined) {
    c = {
      matcher: createMatcher(
        lexicon.entries.map((e) => e.term),
        lexiconMatching,
      ),
      entries: lexicon.entries,
      allow: lexicon.allow.length > 0 ? createAllowList(lexicon.allow) : null,
    };
    compiled.set(lexicon, c);
  }
  return c;
}

/** Compiles allow phrases (matched the way lexicon terms are: folded, through separators). */
export function createAllowList(phrases: Iterable<string>): AllowList {
  const list = [...new Set([...phrases].map((p) => p.trim()).filter((p) => p !== ""))];
  return { phrases: list, matcher: createMatcher(list, { ...lexiconMatching, overlapping: true }) };
}

/** Lexicon hits in a piece of text, as issues of kind "sensitive" in text order. */
export function findSensitive(text: string, lexicon: Lexicon, options: SensitiveOptions = {}): TextIssue[] {
  const issues: TextIssue[] = [];
  for (const { hit, entry } of keptHits(text, lexicon, options)) {
    const found = text.slice(hit.start, hit.end);
    issues.push(issue(hit, entry, found, `${textLabels[entry.category]}：“${found}”`));
  }
  return issues;
}

/**
 * Spam links: lexicon hits in anchor texts, else in the URL (spam domains such as "…-casino…").
 * At most one issue per link, which is one problem for a person to confirm. The news-context rule
 * does not apply: a link's text is a label, not a sentence of an article.
 */
export function findSensitiveInLinks(
  links: readonly LinkLike[],
  lexicon: Lexicon,
  options: SensitiveOptions = {},
): LinkIssue[] {
  const linkOptions = { ...options, newsContext: false };
  const issues: LinkIssue[] = [];
  links.forEach((link, index) => {
    const anchor = link.text.trim() === "" ? undefined : keptHits(link.text, lexicon, linkOptions)[0];
    if (anchor !== undefined) {
      const { hit, entry } = anchor;
      const found = link.text.slice(hit.start, hit.end);
      const target = link.url === null ? "" : `（指向 ${hostOf(link.url)}）`;
      const message = `${linkLabels[entry.category]}：“${clip(link.text)}”${target}`;
      issues.push({ ...issue(hit, entry, found, message), link: index, field: "text" });
      return;
    }
    if (link.url === null) return;
    const inUrl = keptHits(link.url, lexicon, linkOptions)[0];
    if (inUrl === undefined) return;
    const { hit, entry } = inUrl;
    const found = link.url.slice(hit.start, hit.end);
    const message = `${linkLabels[entry.category]}：${clip(link.url, 80)}（网址含“${found}”）`;
    issues.push({ ...issue(hit, entry, found, message), link: index, field: "url" });
  });
  return issues;
}

function issue(hit: MatchHit, entry: LexiconEntry, found: string, message: string): TextIssue {
  return {
    kind: "sensitive",
    start: hit.start,
    end: hit.end,
    found,
    category: entry.category,
    severity: entry.severity ?? categorySeverity[entry.category],
    confidence: "suspected",
    message,
  };
}

function keptHits(
  text: string,
  lexicon: Lexicon,
  options: SensitiveOptions,
): { hit: MatchHit; entry: LexiconEntry }[] {
  const c = compile(lexicon);
  const hits = c.matcher.find(text);
  if (hits.length === 0) return [];
  const only = options.categories === undefined ? null : new Set(options.categories);
  let kept = hits
    .map((hit) => ({ hit, entry: c.entries[hit.index]! }))
    .filter(({ entry }) => only === null || only.has(entry.category));
  const allowLists = [c.allow, ...allowListsOf(options.allow)];
  for (const list of allowLists) {
    if (list === null || kept.length === 0) continue;
    const shields = list.matcher.find(text);
    if (shields.length > 0) {
      kept = kept.filter(({ hit }) => !shields.some((s) => s.start <= hit.start && hit.end <= s.end));
    }
  }
  if (options.newsContext !== false && kept.length > 0) {
    kept = kept.filter(({ hit }) => !inNewsSentence(text, hit));
  }
  const segment = options.segment;
  if (segment !== undefined && kept.length > 0) {
    kept = kept.filter(({ hit }) => onWordBoundaries(text, hit, segment));
  }
  return kept;
}

const compiledAllow = new WeakMap<readonly string[], AllowList>();

function allowListsOf(allow: SensitiveOptions["allow"]): AllowList[] {
  if (allow === undefined) return [];
  if (!Array.isArray(allow)) return [allow as AllowList];
  // An array of phrases is one list; an array of lists is several.
  if (allow.every((item) => typeof item === "string"))
    return allow.length === 0 ? [] : [compiledPhrases(allow)];
  return (allow as readonly AllowInput[]).flatMap((item) => allowListsOf(item));
}

function compiledPhrases(phrases: readonly string[]): AllowList {
  let list = compiledAllow.get(phrases);
  if (list === undefined) {
    list = createAllowList(phrases);
    compiledAllow.set(phrases, list);
  }
  return list;
}

/** The hit's sentence: bounded by sentence ends, and by sentenceReach on either side. */
function sentenceAround(text: string, hit: MatchHit): [number, number] {
  let from = hit.start;
  while (from > 0 && hit.start - from < sentenceReach && !sentenceEnd.test(text[from - 1]!)) from--;
  let to = hit.end;
  while (to < text.length && to - hit.end < sentenceReach && !sentenceEnd.test(text[to]!)) to++;
  return [from, to];
}

/** The hit's sentence names enforcement or a warning. */
function inNewsSentence(text: string, hit: MatchHit): boolean {
  const [from, to] = sentenceAround(text, hit);
  // The hit itself is left out: a lexicon may list a word that is also a context word ("赌博").
  newsMatcher ??= createMatcher(newsContextWords);
  return (
    newsMatcher.find(text.slice(from, hit.start)).length > 0 ||
    newsMatcher.find(text.slice(hit.end, to)).length > 0
  );
}

/** The segmenter puts word boundaries where the hit begins and ends (kept when it loses characters). */
function onWordBoundaries(text: string, hit: MatchHit, segment: (sentence: string) => string[]): boolean {
  const [from, to] = sentenceAround(text, hit);
  const words = segment(text.slice(from, to));
  const boundaries = new Set<number>([from]);
  let at = from;
  for (const word of words) {
    at += word.length;
    boundaries.add(at);
  }
  if (at !== to) return true;
  return boundaries.has(hit.start) && boundaries.has(hit.end);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}
