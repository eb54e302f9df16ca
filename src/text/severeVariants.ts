/**
 * Near misses of a protected term: the strings a writer produces by picking the wrong homophone in
 * a pinyin input method, by confusing a similar-looking character, by dropping a character, or (for
 * names) by swapping two. Every variant changes exactly one thing, so each one maps back to a
 * single correct form.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pinyin, polyphonic } from "pinyin-pro";

export type VariantKind = "homophone" | "shape" | "omission" | "swap";

export interface Variant {
  text: string;
  kind: VariantKind;
  /** Index in the correct term of the character changed (for a swap, the first of the two). */
  at: number;
}

/** Which edits a kind of term admits. */
export interface VariantRules {
  omit: boolean;
  swap: boolean;
  /** Read the first character as a surname (单 shan, 解 xie). */
  isName: boolean;
}

/**
 * Numerals are never changed: 二十届二中全会 and 十届全国人大 are real meetings, so an edit to a
 * numeral yields another correct term far more often than a typo.
 */
const numerals = new Set("〇零一二三四五六七八九十百千万两");

/** Dropping these gives an accepted short form (人力资源社会保障部), not an error. */
const optionalChars = new Set("的和与及之并暨、");

/** 总 before 局 or 署: without it the name is a real local body (市场监管总局 → 浙江金融监管局). */
const optionalBefore: Record<string, string> = { 总: "局署" };

/**
 * Endings whose last character cannot be dropped without breaking a word (委员会 → 委员, 思想 → 思,
 * 书记 → 书). Other terms end in a one-character suffix (局, 部, 法) whose loss leaves an ordinary
 * phrase: 国家知识产权战略, 道路交通安全工作.
 */
const truncatableEndings = ["委员会", "代表大会", "全会", "思想", "主义", "理论", "书记"];

/** Characters that never stand for a typo: 某 marks anonymised names (张某某). */
const neverCandidates = new Set("某");

export interface Confusions {
  /** Characters with the same toneless pinyin as `reading`, from the common-character pool. */
  homophones(reading: string): readonly string[];
  /** Characters that look like `char` (ECSpell shape set and the look-alike groups). */
  shapes(char: string): readonly string[];
}

const shapeFile = fileURLToPath(new URL("../../data/typos/shapeConfusion.json", import.meta.url));

const lookalikeFile = fileURLToPath(new URL("../../data/severe/lookalikes.json", import.meta.url));

/** The ECSpell shape confusion set shipped in data/typos (MIT, see data/typos/README.md). */
export function loadShapeConfusion(): Record<string, string[]> {
  return JSON.parse(readFileSync(shapeFile, "utf8")) as Record<string, string[]>;
}

/**
 * Hand-curated groups of look-alike characters (data/severe/lookalikes.json) for pairs the ECSpell
 * set lacks, such as 沪 and 泸.
 */
export function loadLookalikes(): string[] {
  const file = JSON.parse(readFileSync(lookalikeFile, "utf8")) as { groups?: unknown };
  if (!Array.isArray(file.groups) || !file.groups.every((g) => typeof g === "string")) {
    throw new Error("形近字数据文件 data/severe/lookalikes.json 无效：缺少 groups");
  }
  return file.groups as string[];
}

const isHan = (char: string): boolean => /^\p{Script=Han}$/u.test(char);

/**
 * Confusions from a shape set and look-alike groups. The shape set's 4,751 keys double as the pool of common characters that
 * homophones are drawn from: an input method offers rare characters far down its list, so they
 * are seldom picked by mistake, and leaving them out keeps the variant set small.
 */
export function createConfusions(
  shape: Readonly<Record<string, readonly string[]>>,
  lookalikes: readonly string[] = [],
): Confusions {
  const byReading = new Map<string, string[]>();
  const pool = Object.keys(shape).filter((char) => isHan(char) && !neverCandidates.has(char));
  // One call for the whole pool: per-character calls take ten times as long.
  polyphonic(pool.join(""), { toneType: "none", type: "array" }).forEach((all, i) => {
    for (const reading of all) {
      const chars = byReading.get(reading);
      if (chars) chars.push(pool[i]!);
      else byReading.set(reading, [pool[i]!]);
    }
  });
  const shapes = new Map<string, string[]>();
  for (const [char, similar] of Object.entries(shape)) {
    shapes.set(
      char,
      similar.filter((c) => c !== char && isHan(c) && !neverCandidates.has(c)),
    );
  }
  for (const group of lookalikes) {
    for (const char of group) {
      const similar = shapes.get(char) ?? [];
      for (const other of group) if (other !== char && !similar.includes(other)) similar.push(other);
      shapes.set(char, similar);
    }
  }
  return {
    homophones: (reading) => byReading.get(reading) ?? [],
    shapes: (char) => shapes.get(char) ?? [],
  };
}

/**
 * The toneless readings of each character of the term: the one pinyin-pro gives in context (with
 * the surname reading for names: 单 shan) and every other reading of the character, since context
 * rules misread some terms (委员长 as wei yuan chang) and writers hear what they know.
 */
export function readings(term: string, isName: boolean): string[][] {
  const inContext = pinyin(term, { toneType: "none", type: "array", surname: isName ? "head" : "off" });
  const all = polyphonic(term, { toneType: "none", type: "array" });
  return inContext.map((reading, i) => [...new Set([reading, ...(all[i] ?? [])])]);
}

/** Every near miss of the term allowed by the rules (duplicates and the term itself removed). */
export function nearMisses(term: string, rules: VariantRules, confusions: Confusions): Variant[] {
  const chars = [...term];
  const read = readings(term, rules.isName);
  const truncatable = truncatableEndings.some((ending) => term.endsWith(ending));
  const seen = new Set<string>([term]);
  const out: Variant[] = [];
  const add = (text: string, kind: VariantKind, at: number): void => {
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ text, kind, at });
  };
  const changeable = (char: string): boolean => isHan(char) && !numerals.has(char);
  chars.forEach((char, i) => {
    if (!changeable(char)) return;
    const before = chars.slice(0, i).join("");
    const after = chars.slice(i + 1).join("");
    const replace = (c: string): string => before + c + after;
    for (const reading of read[i] ?? []) {
      for (const c of confusions.homophones(reading)) if (c !== char) add(replace(c), "homophone", i);
    }
    for (const c of confusions.shapes(char)) if (!numerals.has(c)) add(replace(c), "shape", i);
  });
  if (rules.omit) {
    // Never the first character: the rest of the term is then a plain substring of it.
    chars.forEach((char, i) => {
      if (i === 0 || !changeable(char) || optionalChars.has(char)) return;
      if (optionalBefore[char]?.includes(chars[i + 1] ?? "")) return;
      const shorter = [...chars.slice(0, i), ...chars.slice(i + 1)].join("");
      // Dropping one of a doubled character (立法法 → 立法) is dropping the last one.
      if (!truncatable && term.startsWith(shorter)) return;
      add(shorter, "omission", i);
    });
  }
  if (rules.swap) {
    for (let i = 0; i + 1 < chars.length; i++) {
      const swapped = [...chars];
      [swapped[i], swapped[i + 1]] = [chars[i + 1]!, chars[i]!];
      add(swapped.join(""), "swap", i);
    }
  }
  return out;
}
