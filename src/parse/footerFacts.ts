/**
 * Footer facts of a page (mainly the homepage): 网站标识码, ICP and 公安 filing numbers, 主办/承办单位,
 * 版权所有, contact, the 党政机关网站标识 and the 我为政府网站找错 entry (INDICATORS.md §5.3–§5.4).
 * Values are kept as written beside a normalised form, and each source of the 标识码 apart, so the
 * checks can report odd values instead of losing them. Pure, no I/O.
 */
import type { LinkRef, PageModel } from "./model.ts";

export interface FoundValue {
  /** As written, whitespace collapsed (e.g. "蒙公网安备 15062102000168号"). */
  raw: string;
  /** Full-width forms folded and whitespace removed (e.g. "蒙公网安备15062102000168号"). */
  value: string;
  /** "text@<offset in PageModel.text>", an element locator, or "meta:<name>". */
  locator: string;
}

/** How a badge or entry appears: an element pointing at its service, an inline script writing it, or words. */
export type EntryForm = "link" | "image" | "script" | "inline-script" | "text";

export interface EntryFact {
  present: boolean;
  forms: EntryForm[];
  /** Every element of the entry is hidden (display:none…): it is in the HTML, but nobody sees it. */
  hidden: boolean;
  /** URLs of the elements found, or the text that named the entry. */
  evidence: string[];
}

export interface FooterFacts {
  siteIdCode: {
    /** "网站标识码：…" / "政府网站标识码…" in the page text. */
    footer: FoundValue[];
    /** site_code / sitecode of the 找错 link or script. */
    jiucuo: FoundValue[];
    /** <meta name="SiteIDCode">, first occurrence; value "" when the tag is empty. */
    meta: FoundValue | null;
  };
  icp: FoundValue[];
  police: FoundValue[];
  /** recordcode of links to beian.gov.cn / beian.mps.gov.cn (the 公安 filing's own page). */
  policeRecordCodes: FoundValue[];
  organizer: FoundValue[];
  undertaker: FoundValue[];
  copyright: FoundValue[];
  contact: { phones: FoundValue[]; emails: FoundValue[]; addresses: FoundValue[]; pages: FoundValue[] };
  conacBadge: EntryFact;
  jiucuo: EntryFact;
  /**
   * The page's own text shows a footer (a filing number, 标识码, 主办 or 版权所有): elements missing
   * from it are missing, not drawn later by a frame or a script.
   */
  footerSeen: boolean;
}

/** Words that start the next footer item when a value runs on without a space. */
const nextItem =
  /(?:承办|协办|运行维护|运维|维护单位|技术支持|联系|地址|电话|传真|邮编|邮箱|电子邮件|版权|网站标识码|ICP|备案|公网安备|中文域名|网站地图|Copyright|©)/i;
const trailingPunctuation = /[，,。;；、|｜:：]+$/u;
const footerMarker = /ICP|公网安备|网站标识码|版权所有|技术支持|承办|运行维护|联系电话|地址/i;

export function footerFactsOf(page: PageModel): FooterFacts {
  const text = new PageText(page.text);
  const scripts = (page.inlineScripts ?? []).map(unescapeScript);
  const siteIdCode = {
    footer: siteIdCodesInText(text),
    jiucuo: jiucuoCodes(page.links, scripts),
    meta: metaValue(page, "SiteIDCode"),
  };
  const icp = matches(text, /\p{Script=Han}?ICP\s*[备证]\s*\d+(?: \d+)*(?:\s?号)?(?:\s?-\s?\d+)?/giu);
  const police = matches(text, /\p{Script=Han}?公网安备(?:案?号)?\s*:?\s*\d+(?: \d+)*(?:\s?号)?/gu);
  const organizer = labelled(text, "主办(?:单位)?").concat(suffixed(page, text, "主办"));
  const copyright = copyrightHolders(text);
  return {
    siteIdCode,
    icp,
    police,
    policeRecordCodes: recordCodes(page.links),
    organizer: distinct(organizer),
    undertaker: distinct(labelled(text, "承办(?:单位)?").concat(suffixed(page, text, "承办"))),
    copyright,
    contact: {
      phones: labelled(text, "(?:联系|咨询|服务|客服|值班)?(?:电话|热线)", /^\+?[\d(][\d()\-— 转]{3,28}\d/u),
      emails: matches(text, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g),
      addresses: labelled(text, "(?:通讯|联系|办公)?地址"),
      pages: page.links
        .filter((link) => /联系我们|联系方式/.test(link.text))
        .map((link) => ({ raw: link.text, value: link.url ?? link.raw, locator: link.locator })),
    },
    conacBadge: entry(page, scripts, { isServiceUrl: isConacUrl, script: /conac\.cn|_ideConac/i }),
    jiucuo: entry(page, scripts, {
      isServiceUrl: isJiucuoUrl,
      script: /jiucuo/i,
      linkText: /我为政府网站找错|网站纠错|网站找错/,
      pageText: /我为政府网站找错/,
    }),
    footerSeen:
      icp.length + police.length + siteIdCode.footer.length + organizer.length + copyright.length > 0,
  };
}

/** The site's 网站标识码 as the page states it: the footer's, else the 找错 widget's. */
export function siteIdCodeOf(facts: FooterFacts): FoundValue | undefined {
  return facts.siteIdCode.footer[0] ?? facts.siteIdCode.jiucuo[0];
}

/** The first <meta name=…> with this name (case-insensitive), content as written. */
export function metaValue(page: PageModel, name: string): FoundValue | null {
  const wanted = name.toLowerCase();
  const tag = page.metas.find((meta) => meta.key === "name" && meta.name.toLowerCase() === wanted);
  return tag ? found(tag.content.trim(), `meta:${tag.name}`) : null;
}

/**
 * Full-width ASCII (：，０-９, Ａ-Ｚ) to half-width, one character for one so offsets stay valid;
 * footers mix both widths freely.
 */
function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function found(raw: string, locator: string): FoundValue {
  return { raw, value: foldWidth(raw).replace(/\s+/g, ""), locator };
}

/** The page text folded for matching, and as written for raw values (same offsets). */
class PageText {
  readonly folded: string;

  constructor(readonly original: string) {
    this.folded = foldWidth(original);
  }

  at(offset: number, length: number): FoundValue {
    return found(this.original.slice(offset, offset + length).trim(), `text@${offset}`);
  }
}

function matches(text: PageText, pattern: RegExp): FoundValue[] {
  return distinct([...text.folded.matchAll(pattern)].map((m) => text.at(m.index, m[0].length)));
}

/** One entry per normalised value, first occurrence kept. */
function distinct(values: FoundValue[]): FoundValue[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.value) && seen.add(v.value));
}

/**
 * Codes after "网站标识码": digit groups split by spaces are joined ("9901 000001"); when what
 * follows is no code at all, the next word is kept as the odd value it is.
 */
function siteIdCodesInText(text: PageText): FoundValue[] {
  const values: FoundValue[] = [];
  for (const m of text.folded.matchAll(/网站标识码\s*(?::\s*)?/g)) {
    const start = m.index + m[0].length;
    const rest = text.folded.slice(start, start + 40);
    const code = /^[A-Za-z]{0,4} ?\d+(?: \d+)*/.exec(rest) ?? /^[^\s]{0,20}/.exec(rest);
    values.push(text.at(start, code![0].length));
  }
  return distinct(values);
}

/**
 * "主办单位：X" forms: the value runs to the next space or the next footer item. `shape`, when
 * given, is what the value must look like (phone numbers).
 */
function labelled(text: PageText, label: string, shape?: RegExp): FoundValue[] {
  const values: FoundValue[] = [];
  for (const m of text.folded.matchAll(new RegExp(`(?:网站)?${label}\\s*:\\s*`, "gu"))) {
    const start = m.index + m[0].length;
    const rest = text.folded.slice(start, start + 80);
    const word = shape ? shape.exec(rest)?.[0] : /^[^\s|｜]+/.exec(rest)?.[0];
    const value = cutAtNextItem(word ?? "");
    if (value !== "") values.push(text.at(start, value.length));
  }
  return distinct(values);
}

/**
 * "国家税务总局办公厅主办" forms. Only in footer-like blocks: elsewhere "XX主办的论坛" is news.
 */
function suffixed(page: PageModel, text: PageText, verb: string): FoundValue[] {
  const values: FoundValue[] = [];
  const pattern = new RegExp(`([^\\s|｜,，:;；()]{2,40})${verb}(?!单位|方|:)`, "gu");
  for (const block of page.blocks) {
    const line = text.folded.slice(block.start, block.end);
    if (!footerMarker.test(line)) continue;
    for (const m of line.matchAll(pattern)) {
      const value = cutAtNextItem(m[1]!);
      if (value.length >= 2) values.push(text.at(block.start + m.index, value.length));
    }
  }
  return values;
}

/** "版权所有：X" names the holder after it; "X 版权所有" (same line) before it; else the word after. */
function copyrightHolders(text: PageText): FoundValue[] {
  const values: FoundValue[] = [];
  const folded = text.folded;
  for (const m of folded.matchAll(/版权所有/g)) {
    const rest = folded.slice(m.index + 4, m.index + 84);
    const from = Math.max(folded.lastIndexOf("\n", m.index) + 1, m.index - 60);
    const before = /([^\s©|｜:]+)\s*$/u.exec(folded.slice(from, m.index))?.[1];
    const holder =
      /^\s*(?::|©|\(c\))\s*©?\s*([^\s|｜]+)/iu.exec(rest)?.[1] ??
      (before !== undefined && !/^\d{4}/.test(before) ? before : /^\s*([^\s|｜]+)/u.exec(rest)?.[1]);
    const value = cutAtNextItem(holder ?? "");
    if (value !== "") values.push(text.at(folded.indexOf(value, from), value.length));
  }
  return distinct(values);
}

function cutAtNextItem(value: string): string {
  const next = nextItem.exec(value);
  const cut = next && next.index > 0 ? value.slice(0, next.index) : next ? "" : value;
  return cut.replace(trailingPunctuation, "").trim();
}

/** The 公安 filing's number from links to its record page (…registerSystemInfo?recordcode=…). */
function recordCodes(links: LinkRef[]): FoundValue[] {
  const values: FoundValue[] = [];
  for (const link of links) {
    const url = parseUrl(link.url);
    if (url === null || !/(^|\.)beian\.(mps\.)?gov\.cn$/.test(url.hostname)) continue;
    const code = url.searchParams.get("recordcode") ?? url.searchParams.get("code");
    if (code) values.push(found(code, link.locator));
  }
  return distinct(values);
}

/** site_code of 找错 links and sitecode of 找错 scripts (attribute, or written by an inline script). */
function jiucuoCodes(links: LinkRef[], scripts: string[]): FoundValue[] {
  const values: FoundValue[] = [];
  for (const link of links) {
    if (link.siteCode !== undefined) values.push(found(link.siteCode, link.locator));
    const url = parseUrl(link.url);
    if (url === null || !isJiucuoUrl(url)) continue;
    const code = url.searchParams.get("site_code") ?? url.searchParams.get("sitecode");
    if (code) values.push(found(code, link.locator));
  }
  scripts.forEach((script, index) => {
    for (const m of script.matchAll(/sitecode\s*=\s*(['"])\s*([A-Za-z0-9]+)\s*\1/gi)) {
      values.push(found(m[2]!, `inline-script[${index}]`));
    }
  });
  return distinct(values);
}

function isConacUrl(url: URL): boolean {
  return /(^|\.)conac\.cn$/.test(url.hostname);
}

/** The national 找错 platform (zfwzgl.www.gov.cn, formerly pucha.kaipuyun.cn) or a copy of its /exposure/jiucuo path. */
function isJiucuoUrl(url: URL): boolean {
  return (
    url.hostname === "zfwzgl.www.gov.cn" ||
    url.hostname === "pucha.kaipuyun.cn" ||
    /\/exposure\/jiucuo/i.test(url.pathname)
  );
}

interface EntrySigns {
  /** The service the badge or entry links to or loads from. */
  isServiceUrl: (url: URL) => boolean;
  /** What an inline script writing it contains. */
  script: RegExp;
  /** Words of a link that is the entry (a site's own 纠错 page). */
  linkText?: RegExp;
  /** Words in the page text that are the entry. */
  pageText?: RegExp;
}

function entry(page: PageModel, scripts: string[], signs: EntrySigns): EntryFact {
  const forms = new Set<EntryForm>();
  const evidence: string[] = [];
  let visible = false;
  for (const link of page.links) {
    const url = parseUrl(link.url);
    const byUrl = url !== null && signs.isServiceUrl(url);
    if (!byUrl && !(link.element === "a" && signs.linkText?.test(link.text))) continue;
    forms.add(link.element === "script" ? "script" : link.element === "img" ? "image" : "link");
    evidence.push(link.url ?? link.raw);
    // A script draws where it stands; only rendered elements can be seen or hidden.
    if (!link.hidden) visible = true;
  }
  const script = scripts.find((s) => signs.script.test(s));
  if (script !== undefined) {
    forms.add("inline-script");
    evidence.push(script.slice(0, 200));
    visible = true;
  }
  const words = signs.pageText?.exec(page.text);
  if (words) {
    forms.add("text");
    evidence.push(words[0]);
    visible = true;
  }
  return { present: forms.size > 0, forms: [...forms], hidden: forms.size > 0 && !visible, evidence };
}

/** Decodes what unescape("%3Cspan…") would write, so the markup an inline script inserts can be read. */
function unescapeScript(script: string): string {
  return script.replace(/%u([0-9a-f]{4})|%([0-9a-f]{2})/gi, (_, wide: string | undefined, byte: string) =>
    String.fromCharCode(parseInt(wide ?? byte, 16)),
  );
}

function parseUrl(url: string | null): URL | null {
  if (url === null) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
