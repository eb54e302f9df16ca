/**
 * All text checks behind one call, as crawled pages and drafts both need them: severe wording
 * errors, typos, English spelling, lexicon hits and privacy leaks, sorted by position, with the
 * weaker of two issues on the same characters dropped.
 */
import { createEnglishSpeller } from "./englishSpelling.ts";
import type { TextIssue } from "./issue.ts";
import { defaultLexicon, loadLexiconFile, mergeLexicons, type Lexicon } from "./lexicon.ts";
import { findPrivacyLeaks } from "./privacy.ts";
import { findSensitive } from "./sensitive.ts";
import { createSevereTypoChecker } from "./severeTypos.ts";
import { createTypoChecker } from "./typos.ts";

export interface ContentScanner {
  /** Every check, for visible text and drafts. */
  scan(text: string): TextIssue[];
  /** The lexicon only: hidden text is where injected spam sits, and typos there matter to nobody. */
  scanHidden(text: string): TextIssue[];
  /** Privacy leaks and lexicon hits, for attachments. */
  scanAttachment(text: string): TextIssue[];
}

export interface ContentScannerOptions {
  /** Birth dates after the time point are not ID numbers. */
  asOf: Date;
  /** Users' own lexicons (txt or csv), added to the default spam lexicon. */
  lexiconFiles?: readonly string[];
  /** Words never reported (global allow-list; per-site lists are added by the caller). */
  allow?: readonly string[];
}

export async function createContentScanner(options: ContentScannerOptions): Promise<ContentScanner> {
  const lexicons: Lexicon[] = [defaultLexicon()];
  for (const file of options.lexiconFiles ?? []) lexicons.push(await loadLexiconFile(file));
  const lexicon = mergeLexicons(lexicons);
  const allow = [...(options.allow ?? [])];
  const severe = createSevereTypoChecker();
  const typos = createTypoChecker(undefined, { allow });
  const english = await createEnglishSpeller({ allow });
  const sensitive = (text: string): TextIssue[] => findSensitive(text, lexicon, { allow });
  // Injected spam hides in hidden text: no news sentence there excuses a hit.
  const hiddenSpam = (text: string): TextIssue[] =>
    findSensitive(text, lexicon, { allow, newsContext: false });
  const privacy = (text: string): TextIssue[] => findPrivacyLeaks(text, { asOf: options.asOf });
  return {
    scan: (text) =>
      strongestFirst([
        ...severe.check(text),
        ...sensitive(text),
        ...privacy(text),
        ...typos.check(text),
        ...english.check(text),
      ]),
    scanHidden: (text) => strongestFirst(hiddenSpam(text)),
    scanAttachment: (text) => strongestFirst([...privacy(text), ...sensitive(text)]),
  };
}

/**
 * Issues in text order; where two cover the same characters (a severe typo is also a typo), the one
 * listed first above wins, since the checks are called strongest first.
 */
function strongestFirst(issues: TextIssue[]): TextIssue[] {
  const kept: TextIssue[] = [];
  for (const issue of issues) {
    if (kept.some((other) => other.start < issue.end && issue.start < other.end)) continue;
    kept.push(issue);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
