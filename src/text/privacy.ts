/**
 * Personal data left in published text: resident ID numbers, mobile numbers and bank card numbers.
 * Inspectors act on every finding, so a number is reported only when its structure proves what it
 * is (check digits, a real birth date) and nothing around it says it is an order number, a document
 * number or an office line. Masked forms (610902********1234, 138****1234) are what the rules ask
 * for; they are counted, never reported.
 */
import { systemClock } from "../core/clock.ts";
import type { Confidence, Severity } from "../core/finding.ts";
import type { TextIssue } from "./issue.ts";

export type PrivacyCategory = "id-number" | "mobile" | "bank-card";

export interface PrivacyOptions {
  /**
   * The inspection's time point: a birth date after it is impossible. Checks pass it; without it
   * the system clock is read once per call.
   */
  asOf?: Date;
  /** The kinds to look for; default all three. */
  categories?: readonly PrivacyCategory[];
  /**
   * 15-digit IDs (issued before 1999) have no check digit, so one is reported only with a valid
   * region and date and an ID word (身份证…) shortly before it. Default true.
   */
  oldIds?: boolean;
  /** Issues returned at most (a leaked roster can hold thousands); stats keep counting. Default 1000. */
  maxIssues?: number;
}

export interface PrivacyStats {
  /** Leaks found per category, including any beyond maxIssues. */
  leaks: Record<PrivacyCategory, number>;
  /** Masked values seen per category (compliant publication). */
  masked: Record<PrivacyCategory, number>;
  /** Structurally valid numbers left out because a context word says they are not personal. */
  suppressed: number;
}

export interface PrivacyScan {
  issues: TextIssue[];
  stats: PrivacyStats;
}

/**
 * Province-level codes, the first two digits of an ID's address code. Source: GB/T 2260-2007
 * 《中华人民共和国行政区划代码》 (province level unchanged since 1997, when 50 重庆 was added).
 * 83 is not in GB/T 2260: it is the address code 830000 that 《港澳台居民居住证申领发放办法》
 * (国办发〔2018〕81号) gives the ID numbers of Taiwan residents' residence permits.
 */
const provinceCodes: ReadonlyMap<string, string> = new Map([
  ["11", "北京市"],
  ["12", "天津市"],
  ["13", "河北省"],
  ["14", "山西省"],
  ["15", "内蒙古自治区"],
  ["21", "辽宁省"],
  ["22", "吉林省"],
  ["23", "黑龙江省"],
  ["31", "上海市"],
  ["32", "江苏省"],
  ["33", "浙江省"],
  ["34", "安徽省"],
  ["35", "福建省"],
  ["36", "江西省"],
  ["37", "山东省"],
  ["41", "河南省"],
  ["42", "湖北省"],
  ["43", "湖南省"],
  ["44", "广东省"],
  ["45", "广西壮族自治区"],
  ["46", "海南省"],
  ["50", "重庆市"],
  ["51", "四川省"],
  ["52", "贵州省"],
  ["53", "云南省"],
  ["54", "西藏自治区"],
  ["61", "陕西省"],
  ["62", "甘肃省"],
  ["63", "青海省"],
  ["64", "宁夏回族自治区"],
  ["65", "新疆维吾尔自治区"],
  ["71", "台湾省"],
  ["81", "香港特别行政区"],
  ["82", "澳门特别行政区"],
  ["83", "台湾居民居住证"],
]);

/** GB 11643-1999 check digit (ISO 7064 MOD 11-2): weights 2^(17-i) mod 11 over the first 17 digits. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = "10X98765432";

/**
 * Words that say the number after them is not a person's: document, order and registration
 * numbers for every kind; office lines for mobiles; institutions' accounts for cards.
 */
const impersonalWords: Record<PrivacyCategory, readonly string[]> = (() => {
  const common = [
    "订单",
    "编号",
    "文号",
    "流水号",
    "单号",
    "批次",
    "代码",
    "档案号",
    "合同号",
    "发票",
    "邮编",
    "邮政编码",
    "传真",
    "证书号",
    "注册号",
    "许可证",
    "备案号",
    "序列号",
    "交易号",
    "受理号",
    "案号",
    "批准号",
    "条码",
    "条形码",
    "税号",
    "识别号",
    "登记号",
    "标识码",
    "项目号",
    "工单",
    "运单",
    "快递",
    "凭证号",
    "票号",
    "准考证",
    "考号",
  ];
  const officeLines = [
    "客服",
    "热线",
    "服务电话",
    "咨询电话",
    "举报电话",
    "投诉电话",
    "监督电话",
    "值班电话",
    "办公电话",
    "座机",
  ];
  const institutionAccounts = [
    "对公",
    "单位账户",
    "单位帐户",
    "收款单位",
    "开户单位",
    "单位名称",
    "基本账户",
    "基本户",
    "非税",
    "专户",
  ];
  return {
    "id-number": common,
    mobile: [...common, ...officeLines],
    "bank-card": [...common, ...institutionAccounts],
  };
})();

/** Words that put a personal label nearer to the number than any impersonal one (table headers, forms). */
const personalWords: readonly string[] = [
  "身份证",
  "身份证编号",
  "证件编号",
  "身份号码",
  "证件号",
  "手机",
  "联系电话",
  "联系方式",
  "联系人",
  "卡号",
  "银行卡",
  "账号",
  "帐号",
  "存折",
  "姓名",
];

/** An old ID needs one of these before it; a card outside UnionPay's 62 range needs a card word. */
const idWords: readonly string[] = ["身份证", "身份号码", "证件号", "公民身份"];
const cardWords: readonly string[] = [
  "卡号",
  "银行卡",
  "账号",
  "帐号",
  "存折",
  "借记卡",
  "信用卡",
  "储蓄卡",
  "社保卡",
  "社会保障卡",
  "开户行",
  "银行",
];

/** How far before a number a label is looked for: a label sits next to its value. */
const LABEL_WINDOW = 24;
/** How far a supporting word may be: table headers are a few cells above the first row. */
const SUPPORT_WINDOW = 80;

/** Characters people mask digits with; an ID's trailing X is told apart by position. */
function isMask(code: number): boolean {
  return code === 0x2a || code === 0x78 || code === 0x58 || code === 0xd7 || code === 0x25cf;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/** Units after a number make it an amount or a count, not a phone or a card. */
const UNIT_AFTER = new Set("元万亿千百吨斤克米亩人户次个件台辆套份张本篇项条%‰");
const CURRENCY_BEFORE = new Set("¥￥$");

/** Runs of digits and masks, with any masks before the first digit (x and X only after it: letters). */
const RUN = /[*\u00d7\u25cf]*[0-9][0-9*xX\u00d7\u25cf]{3,}/g;

/** Full-width digits and asterisks: the only reason to rewrite a text before scanning it. */
const WIDE_DIGITS = /[\uff0a\uff10-\uff19]/;
/** Full-width digits, letters, * + - . as ASCII, so boundaries and masks read as in ASCII text. */
const WIDE_ALL = /[\uff0a\uff0b\uff0d\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/**
 * One UTF-16 unit for one, so offsets into the result are offsets into the input. Most pages have
 * no full-width digit and are scanned as they are (rewriting every "：" would cost a third of the scan).
 */
function normalise(text: string): string {
  if (!WIDE_DIGITS.test(text)) return text;
  return text.replace(WIDE_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Separators people group digits with: spaces (also no-break and ideographic) and dashes. */
const SEPARATOR = "[ \\u00a0\\u3000\\-\\u2010-\\u2015\\u2212\\uff0d]";
const SEPARATORS = new Set(" \u00a0\u3000-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d");
const DASHES = new Set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d");

/**
 * The grouped forms in one pass: 138 1234 5678 (mobile), 6222 0212 3456 7890 123 (card),
 * 110105 19491231 0021 (ID); each group joined by the same separator.
 */
const GROUPED = new RegExp(
  [
    `(?<mobile>1[3-9]\\d(${SEPARATOR})\\d{4}\\2\\d{4})`,
    `(?<card>\\d{4}(${SEPARATOR})\\d{4}\\4\\d{4}\\4\\d{4}(?:\\4\\d{1,3})?)`,
    `(?<id>\\d{6}(${SEPARATOR})\\d{8}\\6\\d{3}[\\dXx])`,
  ].join("|"),
  "y",
);
const GROUP_HINT = new RegExp(`\\d${SEPARATOR}\\d{4}`, "g");

/** A value found, before context and limits are applied; digits are the value without separators. */
interface Candidate {
  category: PrivacyCategory;
  start: number;
  end: number;
  digits: string;
  severity: Severity;
  confidence: Confidence;
  message: string;
}

/** YYYYMMDD of a time point in China time, where ID birth dates are counted. */
function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "");
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function birthDateValid(yyyymmdd: string, today: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  if (year < 1900 || yyyymmdd > today) return false;
  return isRealDate(year, Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)));
}

function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? "";
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Card ranges people in China carry: 62 (China UnionPay, 16–19 digits) needs nothing more; Visa (4),
 * Mastercard (51–55) and JCB (35) also number many other things, so they need a card word nearby.
 */
function cardPrefix(digits: string): "unionpay" | "international" | null {
  if (digits.startsWith("62")) return "unionpay";
  if (/^(?:4|5[1-5]|35)/.test(digits)) return "international";
  return null;
}

/** Keeps the first `head` and last `tail` characters, the rest as *. */
function keepEnds(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return "*".repeat(value.length);
  return value.slice(0, head) + "*".repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/**
 * The value as findings show it: 6 + 4 of an ID or a card, 3 + 4 of a mobile (the forms 政务公开
 * guidance gives for de-identified lists). Separators and a +86/0086 prefix are dropped first.
 */
export function maskValue(category: PrivacyCategory, value: string): string {
  const compact = normalise(value).replace(/[^0-9Xx]/g, "");
  switch (category) {
    case "id-number":
      return keepEnds(compact.toUpperCase(), 6, 4);
    case "mobile": {
      const national = compact.length > 11 ? compact.replace(/^(?:0086|86)/, "") : compact;
      return keepEnds(national, 3, 4);
    }
    case "bank-card":
      return keepEnds(compact, 6, 4);
  }
}

/** Finds leaked personal numbers in `text`; offsets are UTF-16 offsets into `text` as given. */
export function findPrivacyLeaks(text: string, options: PrivacyOptions = {}): TextIssue[] {
  return scanPrivacy(text, options).issues;
}

/** findPrivacyLeaks with counts of masked and suppressed values, for summaries ("已脱敏 12 处"). */
export function scanPrivacy(text: string, options: PrivacyOptions = {}): PrivacyScan {
  return new PrivacyScanner(normalise(text), options).run();
}

class PrivacyScanner {
  private readonly today: string;
  private readonly wanted: ReadonlySet<PrivacyCategory>;
  private readonly oldIds: boolean;
  private readonly maxIssues: number;
  private readonly candidates: Candidate[] = [];
  private readonly stats: PrivacyStats = {
    leaks: { "id-number": 0, mobile: 0, "bank-card": 0 },
    masked: { "id-number": 0, mobile: 0, "bank-card": 0 },
    suppressed: 0,
  };

  constructor(
    private readonly s: string,
    options: PrivacyOptions,
  ) {
    this.today = chinaDay(options.asOf ?? systemClock.now());
    this.wanted = new Set(options.categories ?? ["id-number", "mobile", "bank-card"]);
    this.oldIds = options.oldIds ?? true;
    this.maxIssues = options.maxIssues ?? 1000;
  }

  run(): PrivacyScan {
    this.scanRuns();
    this.scanGrouped();
    // Grouped forms are found in a second pass; report in text order, one issue per span.
    this.candidates.sort((a, b) => a.start - b.start);
    const issues: TextIssue[] = [];
    let lastEnd = -1;
    for (const c of this.candidates) {
      if (c.start < lastEnd) continue;
      lastEnd = c.end;
      this.stats.leaks[c.category]++;
      if (issues.length >= this.maxIssues) continue;
      issues.push({
        kind: "privacy",
        start: c.start,
        end: c.end,
        found: maskValue(c.category, c.digits),
        category: c.category,
        severity: c.severity,
        confidence: c.confidence,
        message: c.message,
      });
    }
    return { issues, stats: this.stats };
  }

  /**
   * Maximal runs of digits and mask characters, the common unseparated way numbers are written.
   * Runs under 5 characters cannot hold anything; the regex skips them faster than a loop would.
   */
  private scanRuns(): void {
    const s = this.s;
    for (const m of s.matchAll(RUN)) {
      const from = m.index;
      const to = from + m[0].length;
      let start = from;
      while (!isDigit(s.charCodeAt(start))) start++;
      // A mask before the digits (****1234) or between them (138****1234) makes a masked form.
      let masked = start > from;
      let lastDigit = start;
      for (let k = start + 1; k < to; k++) {
        if (isDigit(s.charCodeAt(k))) {
          if (k !== lastDigit + 1) masked = true;
          lastDigit = k;
        }
      }
      let end = lastDigit + 1;
      // 17 digits and an X: the ID check digit, not a mask.
      if (!masked && end - start === 17 && to - end === 1 && (s[end] === "X" || s[end] === "x")) end++;
      if (end < to) masked = true;
      if (masked) this.countMasked(from, to);
      else this.classifyRun(start, end);
    }
  }

  private countMasked(from: number, to: number): void {
    const length = to - from;
    if (length === 18 || length === 15) this.stats.masked["id-number"]++;
    else if (length === 11 && this.s[from] === "1") this.stats.masked.mobile++;
    else if (length >= 16 && length <= 19) this.stats.masked["bank-card"]++;
  }

  /** An unmasked run of digits (and an ID's X) standing alone, by its length. */
  private classifyRun(start: number, end: number): void {
    const length = end - start;
    if (length < 11 || length > 19) return;
    if (this.joined(start, end, false)) return;
    const digits = this.s.slice(start, end);
    if (length === 18 && this.tryId18(start, end, digits)) return;
    if (length === 11) this.tryMobile(start, end, digits);
    else if (length === 13 && digits.startsWith("86") && this.s[start - 1] === "+")
      this.tryMobile(start + 2, end, digits.slice(2));
    else if (length === 15 && digits.startsWith("0086")) this.tryMobile(start + 4, end, digits.slice(4));
    else if (length === 15) this.tryId15(start, end, digits);
    else if (length >= 16 && /^\d+$/.test(digits)) this.tryCard(start, end, digits);
  }

  /** Numbers written in groups: 138 1234 5678, 6222 0212 3456 7890 123, 110105 19491231 0021. */
  private scanGrouped(): void {
    const s = this.s;
    let next = 0;
    // The full pattern is slow to try at every digit; a separator followed by four digits is rare
    // and marks where a grouped number can be. Its groups start at most 23 characters earlier.
    for (const hint of s.matchAll(GROUP_HINT)) {
      let at = Math.max(next, hint.index - 24);
      for (; at <= hint.index; at++) {
        if (!isDigit(s.charCodeAt(at)) || isDigit(s.charCodeAt(at - 1))) continue;
        GROUPED.lastIndex = at;
        const m = GROUPED.exec(s);
        if (m === null) continue;
        const end = at + m[0].length;
        next = end;
        if (!this.joined(at, end, true)) {
          const digits = m[0].replace(/[^0-9Xx]/g, "");
          if (m.groups?.mobile) this.tryMobile(at, end, digits);
          else if (m.groups?.card) this.tryCard(at, end, digits);
          else this.tryId18(at, end, digits);
        }
        break;
      }
      next = Math.max(next, at);
    }
  }

  /**
   * True when the span is part of something longer: more digits, a code with letters, a decimal,
   * a hyphen- or space-joined series, or a URL.
   */
  private joined(start: number, end: number, grouped: boolean): boolean {
    const s = this.s;
    const before = s.charCodeAt(start - 1);
    const after = s.charCodeAt(end);
    if (isDigit(before) || isAsciiLetter(before) || isMask(before)) return true;
    if (isDigit(after) || isAsciiLetter(after) || isMask(after)) return true;
    // Digits on the far side of a point, a dash or (for grouped forms) a space continue the number.
    const glue = (c: string | undefined): boolean =>
      c !== undefined && (c === "." || DASHES.has(c) || (grouped && SEPARATORS.has(c)));
    const countryCode = /(?:\+|00)86\D?$/.test(s.slice(Math.max(0, start - 5), start));
    if (glue(s[start - 1]) && isDigit(s.charCodeAt(start - 2)) && !countryCode) return true;
    if (glue(s[end]) && isDigit(s.charCodeAt(end + 1))) return true;
    return this.inUrl(start);
  }

  private inUrl(start: number): boolean {
    let from = start;
    while (from > 0 && start - from < 200) {
      const code = this.s.charCodeAt(from - 1);
      if (code <= 0x20 || code >= 0x7f) break;
      from--;
    }
    if (from === start) return false;
    const token = this.s.slice(from, start);
    return token.includes("://") || /^www\.|\.(?:cn|com|net|org|s?html?|jsp|php|aspx?)\/|[?&=]/i.test(token);
  }

  /**
   * The text before a number, at most `size` chars. For labels, only its own sentence, and its own
   * line when that line has text before the number; a number alone on its line is a table cell
   * (parsed pages put cells on lines of their own) whose label is the cell before.
   */
  private windowBefore(start: number, size: number, sameClause: boolean): string {
    let window = this.s.slice(Math.max(0, start - size), start);
    if (!sameClause) return window;
    const sentence = Math.max(window.lastIndexOf("。"), window.lastIndexOf("；"));
    if (sentence >= 0) window = window.slice(sentence + 1);
    const line = window.lastIndexOf("\n");
    if (line >= 0 && window.slice(line + 1).trim() !== "") window = window.slice(line + 1);
    return window;
  }

  /**
   * True when the label nearest before the number is an impersonal one (订单号, 文号, 咨询电话…).
   * The nearest label wins, so a header such as 编号 姓名 身份证号码 does not hide the IDs below.
   */
  private impersonal(category: PrivacyCategory, start: number): boolean {
    const window = this.windowBefore(start, LABEL_WINDOW, true);
    if (window === "") return false;
    const nearest = (words: readonly string[]): number => {
      let best = -1;
      for (const word of words) {
        const at = window.lastIndexOf(word);
        if (at >= 0) best = Math.max(best, at + word.length);
      }
      return best;
    };
    const against = nearest(impersonalWords[category]);
    return against >= 0 && against > nearest(personalWords);
  }

  private supported(start: number, words: readonly string[]): boolean {
    const window = this.windowBefore(start, SUPPORT_WINDOW, false);
    return words.some((word) => window.includes(word));
  }

  /** Amounts and counts (1500000000元, ￥6222…) are not phones or cards. */
  private isQuantity(start: number, end: number): boolean {
    return UNIT_AFTER.has(this.s[end] ?? "") || CURRENCY_BEFORE.has(this.s[start - 1] ?? "");
  }

  private add(candidate: Candidate): boolean {
    if (this.impersonal(candidate.category, candidate.start)) {
      this.stats.suppressed++;
      return true;
    }
    this.candidates.push(candidate);
    return true;
  }

  /**
   * An 18-digit ID: the birth date and check digit must hold (together they leave about one random
   * number in 20 000); the region decides between confirmed and suspected. Returns true when the
   * number is taken as an ID, so it is not also read as a card.
   */
  private tryId18(start: number, end: number, value: string): boolean {
    const id = value.toUpperCase();
    if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
    if (!birthDateValid(id.slice(6, 14), this.today)) return false;
    const province = provinceCodes.get(id.slice(0, 2));
    // A wrong check digit is not reported, but with a real region and date it is no card either.
    if (idCheckChar(id) !== id[17]) return province !== undefined;
    if (!this.wanted.has("id-number")) return true;
    const masked = maskValue("id-number", id);
    return this.add({
      category: "id-number",
      start,
      end,
      digits: id,
      severity: "veto",
      confidence: province ? "confirmed" : "suspected",
      message: province
        ? `泄露完整的居民身份证号码 ${masked}（地区码、出生日期、校验位均有效），应脱敏后发布`
        : `疑似泄露居民身份证号码 ${masked}（出生日期、校验位有效，地区码不是已知的省级代码），应脱敏后发布`,
    });
  }

  private tryId15(start: number, end: number, digits: string): void {
    if (!this.oldIds || !this.wanted.has("id-number")) return;
    if (!provinceCodes.has(digits.slice(0, 2))) return;
    if (!birthDateValid(`19${digits.slice(6, 12)}`, this.today)) return;
    if (!this.supported(start, idWords)) return;
    this.add({
      category: "id-number",
      start,
      end,
      digits,
      severity: "deduct",
      confidence: "suspected",
      message: `疑似泄露15位旧居民身份证号码 ${maskValue("id-number", digits)}，应脱敏后发布`,
    });
  }

  /** 1[3-9] and nine digits; placeholders such as 13800000000 are left out. */
  private tryMobile(start: number, end: number, digits: string): void {
    if (!this.wanted.has("mobile")) return;
    if (!/^1[3-9]\d{9}$/.test(digits) || /^\d{3}(\d)\1{7}$/.test(digits)) return;
    if (this.isQuantity(start, end)) return;
    const masked = maskValue("mobile", digits);
    this.add({
      category: "mobile",
      start,
      end,
      digits,
      severity: "warn",
      confidence: "suspected",
      message: `疑似泄露个人手机号码 ${masked}，应脱敏后发布；如为公开的工作电话可忽略`,
    });
  }

  private tryCard(start: number, end: number, digits: string): void {
    if (!this.wanted.has("bank-card")) return;
    if (digits.length < 16 || digits.length > 19) return;
    const prefix = cardPrefix(digits);
    if (prefix === null || !luhnValid(digits) || this.isQuantity(start, end)) return;
    if (prefix === "international" && !this.supported(start, cardWords)) return;
    this.add({
      category: "bank-card",
      start,
      end,
      digits,
      severity: "deduct",
      confidence: "suspected",
      message: `疑似泄露银行卡号 ${maskValue("bank-card", digits)}（Luhn 校验通过），应脱敏后发布`,
    });
  }
}
