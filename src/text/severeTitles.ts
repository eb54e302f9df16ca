/**
 * Leaders and the titles written beside their names. A title is read only where it touches the
 * name (国务院总理李强, 习近平总书记, or a 、-joined chain of titles before the name), because lists
 * (习近平、李强、赵乐际等) put names next to each other without titles.
 */
import type { LeaderFile, TitleDefinition } from "./severeData.ts";

export interface Leader {
  name: string;
  distinctive: boolean;
  /** Titles the person holds or has held (canonical forms). */
  held: ReadonlySet<string>;
  /** The title to suggest when a wrong one is written: the first current office, else 原 + the first former. */
  mainTitle: string;
}

/** One written form of one or more titles. */
interface TitleForm {
  form: string;
  titles: TitleDefinition[];
  /** Only unambiguous office forms may accuse a name of a wrong title; 主席 and memberships never do. */
  accuses: boolean;
}

export interface WrongTitle {
  start: number;
  end: number;
  /** Canonical form of the wrong title. */
  title: string;
}

export interface LeaderIndex {
  leaders: ReadonlyMap<string, Leader>;
  /** Title forms to protect against typos: canonical forms and unambiguous aliases. */
  titleForms(): string[];
  /** Wrong titles written beside a correctly written name at [start, end). */
  wrongTitles(text: string, start: number, end: number, leader: Leader): WrongTitle[];
  /**
   * Whether the text around a misspelt name at [start, end) shows it means this leader: one of
   * their titles beside it, or another leader's name next to it in a list.
   */
  supports(text: string, start: number, end: number, leader: Leader): "title" | "list" | null;
}

/** What may separate names in a list. */
const listSeparators = new Set(["、", "，", ",", " ", "\u3000"]);

export function createLeaderIndex(file: LeaderFile): LeaderIndex {
  const forms = new Map<string, TitleForm>();
  const addForm = (form: string, title: TitleDefinition, accuses: boolean): void => {
    const known = forms.get(form);
    if (known) {
      known.titles.push(title);
      known.accuses &&= accuses;
    } else forms.set(form, { form, titles: [title], accuses });
  };
  for (const title of file.titles) {
    const office = title.membership !== true;
    for (const form of [title.title, ...title.aliases]) addForm(form, title, office);
    for (const form of title.shortForms ?? []) addForm(form, title, false);
  }
  const lengths = [...new Set([...forms.keys()].map((form) => form.length))].sort((a, b) => b - a);

  const leaders = new Map<string, Leader>();
  for (const leader of file.leaders) {
    const current = leader.titles.find((t) => t.status === "current" && !isMembership(file, t.title));
    const former = leader.titles.find((t) => !isMembership(file, t.title));
    leaders.set(leader.name, {
      name: leader.name,
      distinctive: leader.distinctive === true,
      held: new Set(leader.titles.map((t) => t.title)),
      mainTitle: current ? current.title : former ? `原${former.title}` : "",
    });
  }

  const endingAt = (text: string, at: number): TitleForm | undefined => {
    for (const length of lengths) {
      if (length > at) continue;
      const form = forms.get(text.slice(at - length, at));
      if (form) return form;
    }
    return undefined;
  };
  const startingAt = (text: string, at: number): TitleForm | undefined => {
    for (const length of lengths) {
      const form = forms.get(text.slice(at, at + length));
      if (form) return form;
    }
    return undefined;
  };
  /** The titles written before a name, nearest first, with where each starts. */
  const chainBefore = (text: string, at: number): { form: TitleForm; start: number }[] => {
    const chain: { form: TitleForm; start: number }[] = [];
    let end = at;
    for (;;) {
      const form = endingAt(text, end);
      // 副委员长 is not 委员长: a deputy title this file does not know says nothing.
      if (!form || text[end - form.form.length - 1] === "副") break;
      chain.push({ form, start: end - form.form.length });
      end -= form.form.length;
      if (text[end - 1] !== "、") break;
      end -= 1;
    }
    return chain;
  };
  const heldBy = (form: TitleForm, leader: Leader): boolean =>
    form.titles.some((t) => leader.held.has(t.title));

  return {
    leaders,
    titleForms() {
      return [...forms.values()]
        .filter((form) => form.accuses || form.form.length >= 4)
        .map((form) => form.form);
    },
    wrongTitles(text, start, end, leader) {
      const wrong: WrongTitle[] = [];
      for (const { form, start: at } of chainBefore(text, start)) {
        if (form.accuses && !heldBy(form, leader))
          wrong.push({ start: at, end, title: form.titles[0]!.title });
      }
      const after = startingAt(text, end);
      if (after && after.accuses && !heldBy(after, leader)) {
        wrong.push({ start, end: end + after.form.length, title: after.titles[0]!.title });
      }
      return wrong;
    },
    supports(text, start, end, leader) {
      const before = chainBefore(text, start)[0];
      if (before && heldBy(before.form, leader)) return "title";
      const after = startingAt(text, end);
      if (after && heldBy(after, leader)) return "title";
      const prev = text[start - 1];
      const next = text[end];
      for (const other of leaders.keys()) {
        if (other === leader.name) continue;
        if (prev !== undefined && listSeparators.has(prev) && text.endsWith(other, start - 1)) return "list";
        if (next !== undefined && listSeparators.has(next) && text.startsWith(other, end + 1)) return "list";
      }
      return null;
    },
  };
}

function isMembership(file: LeaderFile, title: string): boolean {
  return file.titles.find((t) => t.title === title)?.membership === true;
}
