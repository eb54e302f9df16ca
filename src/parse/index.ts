/** The parse stage: HTML → PageModel. Pure, no I/O. */
export type * from "./model.ts";
export { createPageParser, parsePage, type PageParser } from "./parsePage.ts";
export { findDates, isValidDate, parseDateText, type ParsedDate } from "./dates.ts";
