import type { Attributes } from "./attributes.ts";
import type { Frame } from "./frame.ts";
import type { FormField, FormModel } from "./model.ts";

interface FormDraft {
  /** The action attribute as written; undefined when absent. */
  action: string | undefined;
  method: string;
  fields: FormField[];
  locator: string;
  formless: boolean;
  /** Labels near the controls: button text, image alt, link text inside the form. */
  words: string[];
  /** For form-less groups: the element whose children form the group. */
  parent: Frame | null;
}

/** Input types that are not free text; anything else (including unknown types) renders as a text box. */
const nonTextTypes = new Set(
  "hidden password submit button image reset checkbox radio file color range date datetime-local month week time".split(
    " ",
  ),
);
const keywordNames = new Set(
  "q query keyword keywords searchword kw wd key keys word sw text search searchkey searchtext".split(" "),
);
/** Words that mark a site search wherever they appear on the form's labels. */
const searchWords = /搜索|检索|search|关键字|关键词|^\s*搜\s*$/i;
/** 查询 also labels service look-ups (进度查询: 姓名 + 证件号), so it only counts with a single text box. */
const queryWords = /查询/;
const searchAction = /(^|[^a-z])j?search|sousuo|jiansuo|(^|[/.])so\.|(^|\/)s\.jsp/;

/**
 * Forms and their controls. Controls attach to the open form by the browser's form element
 * pointer (so `<table><form><tr><td><input>`, where the form element itself is closed early, still
 * works). Controls outside any form are grouped by parent element into form-less entries, since
 * many portals wire a bare search box to a script.
 */
export class FormCollector {
  private readonly drafts: FormDraft[] = [];
  private current: FormDraft | null = null;
  private orphans: FormDraft | null = null;

  get open(): boolean {
    return this.current !== null;
  }

  openForm(frame: Frame, attrs: Attributes): void {
    const method = (attrs.get("method") ?? "").trim().toLowerCase();
    this.current = {
      action: attrs.get("action"),
      method: method === "" ? "get" : method,
      fields: [],
      locator: frame.locator(),
      formless: false,
      words: [],
      parent: null,
    };
    this.drafts.push(this.current);
  }

  /** A </form> end tag. */
  closeForm(): void {
    this.current = null;
  }

  /** Adds a control; returns it so the caller can fill in text that follows (button, textarea). */
  field(frame: Frame, attrs: Attributes): FormField | undefined {
    const tag = frame.name;
    const type = controlType(tag, attrs);
    const field: FormField = {
      tag,
      type,
      name: attrs.get("name") ?? "",
      placeholder: attrs.get("placeholder") ?? "",
      value: attrs.get("value") ?? "",
      id: attrs.get("id") ?? "",
    };
    const label = attrs.get("alt") ?? attrs.get("title");
    if (label !== undefined && label.trim() !== "") field.text = label.trim();
    const draft = this.current ?? this.orphanGroup(frame, type);
    if (draft === undefined) return undefined;
    draft.fields.push(field);
    return field;
  }

  /** Text of a link or image inside the open form, e.g. a 搜索 link that submits by script. */
  word(text: string): void {
    if (this.current !== null && text.length > 0) this.current.words.push(text);
  }

  finish(resolveAction: (action: string | undefined) => string | null): FormModel[] {
    return this.drafts.map((draft) => {
      const action = draft.formless ? null : resolveAction(draft.action);
      // Without an action attribute the form posts to its own page, whose URL says nothing.
      const explicit = draft.action !== undefined && draft.action.trim() !== "";
      const form: FormModel = {
        action,
        method: draft.method,
        fields: draft.fields,
        isSearch: isSearchForm(draft, explicit ? action : null),
        locator: draft.locator,
      };
      if (draft.formless) form.formless = true;
      return form;
    });
  }

  private orphanGroup(frame: Frame, type: string): FormDraft | undefined {
    const parent = frame.parent;
    if (this.orphans !== null && this.orphans.parent === parent) return this.orphans;
    // Only a place to type starts a group; a lone hidden input or close button is not a form.
    if (frame.name !== "textarea" && !(frame.name === "input" && (isTextType(type) || type === "password"))) {
      return undefined;
    }
    this.orphans = {
      action: undefined,
      method: "get",
      fields: [],
      locator: parent === null ? "" : parent.locator(),
      formless: true,
      words: [],
      parent,
    };
    this.drafts.push(this.orphans);
    return this.orphans;
  }
}

function controlType(tag: string, attrs: Attributes): string {
  const type = (attrs.get("type") ?? "").trim().toLowerCase();
  switch (tag) {
    case "input":
      return type === "" ? "text" : type;
    case "button":
      return type === "" ? "submit" : type;
    case "select":
      return attrs.has("multiple") ? "select-multiple" : "select-one";
    default:
      return tag;
  }
}

function isTextType(type: string): boolean {
  return !nonTextTypes.has(type);
}

/**
 * A site-search form: a search input, a keyword-like text field, a 搜索/检索/查询 label on its
 * button or in its placeholder, or a search-engine action. A password field rules it out (login).
 */
export function isSearchForm(draft: Pick<FormDraft, "fields" | "words">, action: string | null): boolean {
  const { fields } = draft;
  if (fields.some((f) => f.type === "password")) return false;
  if (fields.some((f) => f.tag === "input" && f.type === "search")) return true;
  if (action !== null && searchAction.test(actionPath(action))) return true;
  const textFields = fields.filter((f) => f.tag === "input" && isTextType(f.type));
  if (textFields.length === 0) return false;
  if (textFields.some((f) => looksLikeKeyword(f.name) || looksLikeKeyword(f.id))) return true;
  const words = draft.words.slice();
  for (const f of textFields) words.push(f.placeholder, f.value);
  for (const f of fields) {
    if (f.tag === "button" || (f.tag === "input" && !isTextType(f.type))) words.push(f.value, f.text ?? "");
  }
  if (words.some((w) => searchWords.test(w))) return true;
  return textFields.length === 1 && words.some((w) => queryWords.test(w));
}

function looksLikeKeyword(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return keywordNames.has(lower) || lower.includes("search") || lower.includes("keyword");
}

/** Host and path of an action URL, lower-cased (the query is left out: it names fields, not the engine). */
function actionPath(action: string): string {
  try {
    const url = new URL(action);
    return (url.host + url.pathname).toLowerCase();
  } catch {
    return action.toLowerCase();
  }
}
