/**
 * The curated terms behind the severe-typo check (data/severe/*.json): leaders with their titles,
 * central organisations, major meetings, standard political expressions and law names. Offices
 * update these files after personnel and institutional changes, so they are read at run time and
 * checked here rather than compiled in.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const severeDir = fileURLToPath(new URL("../../data/severe/", import.meta.url));

/** The finer class of a severe typo (TextIssue.category). */
export type SevereCategory =
  "leader-name" | "leader-title" | "organisation" | "meeting" | "expression" | "law";

/** Categories whose terms come from a plain term file. */
export type TermCategory = Exclude<SevereCategory, "leader-name" | "leader-title">;

/** Every data file says what it is, when it was last verified and where it comes from. */
export interface DataFileHeader {
  version: string;
  /** The date up to which the content was verified, YYYY-MM-DD. */
  asOf: string;
  sources: string[];
  note?: string;
}

export interface ProtectedTerm {
  /** The full normative name. */
  name: string;
  /** Other forms that are just as correct (normative short names); protected the same way. */
  aliases?: string[];
}

export interface TermFile extends DataFileHeader {
  terms: ProtectedTerm[];
}

export interface TitleDefinition {
  /** The title as usually written before a name, e.g. 国务院总理. */
  title: string;
  /** Other unambiguous forms of the same title (总理, 中华人民共和国主席). */
  aliases: string[];
  /** Forms shared with local offices (主席, 书记): they support a leader's name but never accuse. */
  shortForms?: string[];
  /** Membership of a body rather than an office: context only, never a wrong title. */
  membership?: boolean;
}

export interface LeaderDefinition {
  name: string;
  /**
   * A near miss of this name is a typo even without a title beside it: no real person is likely
   * to be one character away from it on a government site.
   */
  distinctive?: boolean;
  /** Every title from the file's title list that the person holds or has held. */
  titles: { title: string; status: "current" | "former" }[];
}

export interface LeaderFile extends DataFileHeader {
  titles: TitleDefinition[];
  leaders: LeaderDefinition[];
}

export interface SevereTypoData {
  leaders: LeaderFile;
  organisations: TermFile;
  meetings: TermFile;
  expressions: TermFile;
  laws: TermFile;
}

/** The term files by category, in the order their terms are indexed. */
export const termFiles: Record<TermCategory, string> = {
  organisation: "organisations.json",
  meeting: "meetings.json",
  expression: "expressions.json",
  law: "laws.json",
};

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(`${severeDir}${file}`, "utf8")) as unknown;
}

/** Reads and validates the shipped data files; throws naming the file and the fault. */
export function loadSevereTypoData(): SevereTypoData {
  const read = (file: string): TermFile => validateTermFile(readJson(file), file);
  return {
    leaders: validateLeaderFile(readJson("leaders.json"), "leaders.json"),
    organisations: read(termFiles.organisation),
    meetings: read(termFiles.meeting),
    expressions: read(termFiles.expression),
    laws: read(termFiles.law),
  };
}

function fail(file: string, fault: string): never {
  throw new Error(`严重错误数据文件 ${file} 无效：${fault}`);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" && item !== "");
}

function validateHeader(value: unknown, file: string): asserts value is DataFileHeader {
  if (typeof value !== "object" || value === null) fail(file, "不是 JSON 对象");
  const header = value as Partial<DataFileHeader>;
  if (typeof header.version !== "string" || header.version === "") fail(file, "缺少 version");
  if (typeof header.asOf !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(header.asOf)) {
    fail(file, "asOf 须为 YYYY-MM-DD");
  }
  if (!isStringArray(header.sources) || header.sources.length === 0) fail(file, "缺少 sources");
}

export function validateTermFile(value: unknown, file: string): TermFile {
  validateHeader(value, file);
  const terms = (value as Partial<TermFile>).terms;
  if (!Array.isArray(terms)) fail(file, "缺少 terms");
  for (const term of terms) {
    if (typeof term?.name !== "string" || term.name === "") fail(file, "条目缺少 name");
    if (term.aliases !== undefined && !isStringArray(term.aliases))
      fail(file, `${term.name} 的 aliases 无效`);
  }
  return value as TermFile;
}

export function validateLeaderFile(value: unknown, file: string): LeaderFile {
  validateHeader(value, file);
  const { titles, leaders } = value as Partial<LeaderFile>;
  if (!Array.isArray(titles) || !Array.isArray(leaders)) fail(file, "缺少 titles 或 leaders");
  const known = new Set<string>();
  for (const title of titles) {
    if (typeof title?.title !== "string" || !isStringArray(title.aliases)) fail(file, "职务条目无效");
    if (title.shortForms !== undefined && !isStringArray(title.shortForms))
      fail(file, `${title.title} 的 shortForms 无效`);
    known.add(title.title);
  }
  for (const leader of leaders) {
    if (typeof leader?.name !== "string" || leader.name.length < 2) fail(file, "领导人条目缺少 name");
    if (!Array.isArray(leader.titles)) fail(file, `${leader.name} 缺少 titles`);
    for (const held of leader.titles) {
      if (!known.has(held?.title)) fail(file, `${leader.name} 的职务“${String(held?.title)}”不在 titles 中`);
      if (held.status !== "current" && held.status !== "former")
        fail(file, `${leader.name} 的职务状态须为 current 或 former`);
    }
  }
  return value as LeaderFile;
}
