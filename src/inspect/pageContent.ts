/**
 * Content checks on crawled pages. Every page repeats the site's header, menus and footer; each text
 * block is scanned the first time it is seen on the site, so a template's problem is one finding on
 * the first page that showed it, and the scan costs follow the site's distinct text, not its pages.
 */
import type { FindingDraft } from "../core/finding.ts";
import { textIssueFindings, type TextSource } from "../checks/textFindings.ts";
import type { PageModel } from "../parse/model.ts";
import type { ContentScanner } from "../text/contentScanner.ts";

/** Distinct blocks remembered per site; past this, blocks are scanned again rather than remembered. */
const maxBlocksRemembered = 200_000;

export class PageContentChecks {
  private readonly seen = new Set<string>();

  constructor(
    private readonly site: string,
    private readonly scanner: ContentScanner,
    /** This site's allow-list: names and terms that are right here though they look wrong. */
    private readonly allow: readonly string[] = [],
  ) {}

  check(page: PageModel): FindingDraft[] {
    const text = this.newText(page);
    const findings = text === "" ? [] : this.findings(page.url, text, this.scanner.scan(text), "text");
    if (page.hiddenText.trim() !== "" && this.isNew(`hidden\u0000${page.hiddenText}`)) {
      // Hidden text is where injected spam hides; only the lexicon applies to it.
      findings.push(
        ...this.findings(page.url, page.hiddenText, this.scanner.scanHidden(page.hiddenText), "hidden-text"),
      );
    }
    return findings;
  }

  /** The page's blocks not seen on this site before, joined with newlines (offsets refer to this). */
  private newText(page: PageModel): string {
    const parts: string[] = [];
    for (const block of page.blocks) {
      const text = page.text.slice(block.start, block.end);
      if (text.trim() !== "" && this.isNew(text)) parts.push(text);
    }
    return parts.join("\n");
  }

  private isNew(text: string): boolean {
    const key = blockKey(text);
    if (this.seen.has(key)) return false;
    if (this.seen.size < maxBlocksRemembered) this.seen.add(key);
    return true;
  }

  private findings(
    url: string,
    text: string,
    issues: ReturnType<ContentScanner["scan"]>,
    source: TextSource,
  ): FindingDraft[] {
    const kept = issues.filter((issue) => !this.allow.includes(issue.found));
    return kept.length === 0 ? [] : textIssueFindings(this.site, url, text, kept, source);
  }
}

/**
 * Two independent 32-bit hashes and the length: a short key instead of the block itself, so the set
 * stays small, with collisions (a block wrongly taken as seen) vanishingly rare at this size.
 */
function blockKey(text: string): string {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    djb = (Math.imul(djb, 33) + code) | 0;
  }
  return `${(fnv >>> 0).toString(36)}.${(djb >>> 0).toString(36)}.${text.length}`;
}
