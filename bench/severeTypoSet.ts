/**
 * A generated evaluation set for the severe-typo check: protected terms misspelt by one random
 * homophone, look-alike or dropped character (fixed seed), each embedded in a sentence of the
 * kind government pages carry, together with the same sentence written correctly.
 *
 * The misspellings are drawn independently of the checker's own variant rules (any changeable
 * position, any omission but the first character), so recall measures what the checker's filters
 * lose. They do share its sources of confusion (pinyin-pro readings over the same common-character
 * pool, the same shape sets): a typo outside those sources is not modelled here.
 */
import { pinyin, polyphonic } from "pinyin-pro";
import type { SevereCategory, SevereTypoData } from "../src/text/severeData.ts";
import { seededRandom as random } from "./seededRandom.ts";

export interface SevereTypoSample {
  category: SevereCategory;
  /** The correct term that was misspelt. */
  term: string;
  /** The misspelt form. */
  typo: string;
  edit: "homophone" | "shape" | "omission";
  /** The sentence with the typo, and where the typo is in it. */
  sentence: string;
  start: number;
  end: number;
  /** The same sentence written correctly. */
  clean: string;
}

export interface SevereTypoSetOptions {
  /** Samples per category (default 250). */
  perCategory?: number;
  seed?: number;
  /**
   * Leader names with no title or list beside them ("李墙在会上强调"). The checker reports those
   * only for distinctive names, so they are measured apart.
   */
  bareNames?: boolean;
}

const numerals = new Set("〇零一二三四五六七八九十百千万两");
const isHan = (char: string): boolean => /^\p{Script=Han}$/u.test(char);

const templates: Record<Exclude<SevereCategory, "leader-name" | "leader-title">, string[]> = {
  organisation: [
    "近日，{}印发《关于进一步做好政务公开工作的通知》。",
    "经{}批准，现将有关事项公告如下：",
    "根据{}有关要求，我市开展了专项检查。",
    "{}有关负责同志来我市调研指导工作。",
  ],
  meeting: [
    "深入学习贯彻{}精神，奋力开创各项工作新局面。",
    "{}胜利召开后，我市迅速掀起学习热潮。",
    "会议传达学习了{}精神。",
  ],
  expression: [
    "坚持以{}为指导，扎实推进各项工作。",
    "深入学习贯彻{}，切实把思想和行动统一起来。",
    "会议强调，要全面准确理解{}的丰富内涵。",
  ],
  law: [
    "根据《{}》有关规定，现予公告。",
    "依照《{}》第十二条的规定，作出如下决定。",
    "认真贯彻实施{}，推进法治政府建设。",
  ],
};

const nameBefore = ["{t}{n}主持召开会议并讲话。", "会议传达学习了{t}{n}的重要讲话精神。", "{t}{n}出席会议。"];
const nameAfter: Record<string, string> = {
  中共中央总书记: "总书记",
  国务院总理: "总理",
  全国人大常委会委员长: "委员长",
  国务院副总理: "副总理",
  全国政协主席: "主席",
  国家主席: "主席",
};
const bareTemplates = ["{n}在会上强调，要狠抓落实。", "{n}指出，要坚持稳中求进。"];

export function generateSevereTypoSet(
  data: SevereTypoData,
  shape: Readonly<Record<string, readonly string[]>>,
  lookalikes: readonly string[],
  options: SevereTypoSetOptions = {},
): SevereTypoSample[] {
  const next = random(options.seed ?? 20240601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const pool = Object.keys(shape).filter((char) => isHan(char) && char !== "某");
  const byReading = new Map<string, string[]>();
  polyphonic(pool.join(""), { toneType: "none", type: "array" }).forEach((readings, i) => {
    for (const r of readings) byReading.set(r, [...(byReading.get(r) ?? []), pool[i]!]);
  });
  const similar = (char: string): string[] => {
    const out = new Set(shape[char] ?? []);
    for (const group of lookalikes) if (group.includes(char)) for (const c of group) out.add(c);
    out.delete(char);
    return [...out].filter((c) => isHan(c) && !numerals.has(c));
  };
  const protectedForms = new Set<string>();
  for (const file of [data.organisations, data.meetings, data.expressions, data.laws]) {
    for (const term of file.terms)
      for (const form of [term.name, ...(term.aliases ?? [])]) protectedForms.add(form);
  }
  for (const leader of data.leaders.leaders) protectedForms.add(leader.name);
  for (const title of data.leaders.titles)
    for (const form of [title.title, ...title.aliases]) protectedForms.add(form);

  /** One random misspelling of the term, or null when the draw hit a dead end (caller redraws). */
  const misspell = (
    term: string,
    isName: boolean,
  ): { typo: string; edit: SevereTypoSample["edit"] } | null => {
    const chars = [...term];
    const positions = chars.map((c, i) => i).filter((i) => isHan(chars[i]!) && !numerals.has(chars[i]!));
    // Input-method homophones are the common case; names are never shortened.
    const roll = next();
    const edit = roll < 0.6 ? "homophone" : roll < 0.85 || isName ? "shape" : "omission";
    let typo: string | null = null;
    if (edit === "omission") {
      if (chars.length < 5) return null;
      const at = pick(positions.filter((i) => i > 0 && !"的和与及之、".includes(chars[i]!)));
      if (at === undefined) return null;
      typo = [...chars.slice(0, at), ...chars.slice(at + 1)].join("");
    } else {
      const at = pick(positions);
      const reading = pinyin(term, { toneType: "none", type: "array", surname: isName ? "head" : "off" })[at];
      const candidates =
        edit === "homophone"
          ? (byReading.get(reading ?? "") ?? []).filter((c) => c !== chars[at])
          : similar(chars[at]!);
      if (candidates.length === 0) return null;
      typo = [...chars.slice(0, at), pick(candidates), ...chars.slice(at + 1)].join("");
    }
    return protectedForms.has(typo) ? null : { typo, edit };
  };

  const samples: SevereTypoSample[] = [];
  const perCategory = options.perCategory ?? 250;
  const fill = (category: SevereCategory, draw: () => SevereTypoSample | null): void => {
    let made = 0;
    for (let tries = 0; made < perCategory && tries < perCategory * 20; tries++) {
      const sample = draw();
      if (sample) {
        samples.push(sample);
        made++;
      }
    }
  };
  const place = (
    category: SevereCategory,
    term: string,
    typo: string,
    edit: SevereTypoSample["edit"],
    template: string,
  ): SevereTypoSample => {
    const at = template.indexOf("{}");
    const sentence = template.replace("{}", typo);
    return {
      category,
      term,
      typo,
      edit,
      sentence,
      start: at,
      end: at + typo.length,
      clean: template.replace("{}", term),
    };
  };

  const leaders = data.leaders.leaders;
  const titleOf = (leader: (typeof leaders)[number]): { title: string; former: boolean } => {
    const held = leader.titles.filter(
      (t) => data.leaders.titles.find((d) => d.title === t.title)?.membership !== true,
    );
    const chosen = pick(held.length > 0 ? held : leader.titles);
    return { title: chosen.title, former: chosen.status === "former" };
  };
  const nameSentence = (leader: (typeof leaders)[number], typo: string, bare: boolean): [string, number] => {
    if (bare) {
      const template = pick(bareTemplates);
      return [template.replace("{n}", typo), template.indexOf("{n}")];
    }
    const { title, former } = titleOf(leader);
    const after = nameAfter[title];
    if (after && !former && next() < 0.4) {
      const template = "{n}{a}在会上发表重要讲话。";
      return [template.replace("{n}", typo).replace("{a}", after), 0];
    }
    if (next() < 0.2) {
      const others = leaders.filter((l) => l !== leader);
      const template = `${pick(others).name}、{n}、${pick(others).name}等出席会议。`;
      return [template.replace("{n}", typo), template.indexOf("{n}")];
    }
    const template = pick(nameBefore).replace("{t}", `${former ? "原" : ""}${title}`);
    return [template.replace("{n}", typo), template.indexOf("{n}")];
  };

  fill("leader-name", () => {
    const leader = pick(leaders);
    const miss = misspell(leader.name, true);
    if (!miss) return null;
    const bare = options.bareNames === true;
    const [sentence, start] = nameSentence(leader, miss.typo, bare);
    const clean = sentence.slice(0, start) + leader.name + sentence.slice(start + miss.typo.length);
    return {
      category: "leader-name",
      term: leader.name,
      ...miss,
      sentence,
      start,
      end: start + miss.typo.length,
      clean,
    };
  });
  if (options.bareNames === true) return samples;

  const titled = data.leaders.titles.filter((t) => t.title.length >= 4);
  fill("leader-title", () => {
    const title = pick(titled);
    const holders = leaders.filter((l) => l.titles.some((t) => t.title === title.title));
    if (holders.length === 0) return null;
    const holder = pick(holders);
    const miss = misspell(title.title, false);
    if (!miss) return null;
    return place("leader-title", title.title, miss.typo, miss.edit, `{}${holder.name}出席会议并讲话。`);
  });
  for (const [category, file] of [
    ["organisation", data.organisations],
    ["meeting", data.meetings],
    ["expression", data.expressions],
    ["law", data.laws],
  ] as const) {
    const forms = file.terms.flatMap((t) => [t.name, ...(t.aliases ?? [])]).filter((f) => f.length >= 3);
    fill(category, () => {
      const term = pick(forms);
      const miss = misspell(term, false);
      return miss ? place(category, term, miss.typo, miss.edit, pick(templates[category])) : null;
    });
  }
  return samples;
}
