/**
 * Content checks on crawled pages. Every page repeats the site's header, menus and footer; each text
 * block is scanned the first time it is seen on the site, so a template's problem is one finding on
 * the first page that showed it, and the scan costs follow the site's distinct text, not its pages.
 *
 * Incremental crawls: what the previous crawl found is remembered per page (its text hash and, per
 * block first seen there, that block's findings). A page whose text is unchanged is not scanned
 * again; each of its blocks that is new in this crawl gets the findings remembered for that block,
 * wherever it was scanned, so the findings (and their fingerprints) are those a full scan gives.
 */
import { createHash } from "node:crypto";
import type { FindingDraft } from "../core/finding.ts";
import { textIssueFindings, type TextSource } from "../checks/textFindings.ts";
import type { PageModel } from "../parse/model.ts";
import type { ContentScanner } from "../text/contentScanner.ts";

/** Distinct blocks remembered per site; past this, blocks are scanned again rather than remembered. */
const maxBlocksRemembered = 200_000;

/** A text finding as remembered: the draft without the page it was on. */
export type RememberedFinding = Omit<FindingDraft, "url">;

export interface BlockMemory {
  /** blockKey() of the block's text. */
  key: string;
  findings: RememberedFinding[];
}

/** What the text checks of one crawl made of a page (or an attachment, as one block). */
export interface TextMemory {
  /** Hash of the text that was checked. */
  hash: string;
  /** The checks' identity (version, lexicons, allow-lists): other checks, other findings. */
  scanner: string;
  /** The blocks first seen on this page in that crawl, with their findings. */
  blocks: BlockMemory[];
}

interface Block {
  key: string;
  text: string;
  source: TextSource;
}

export class PageContentChecks {
  private readonly seen = new Set<string>();
  /** Findings of every block scanned in the previous crawl, by block key. */
  private readonly known = new Map<string, RememberedFinding[]>();
  /** What this crawl made of each page, for the next one. */
  readonly memory = new Map<string, TextMemory>();
  private readonly scannerTag: string;

  constructor(
    private readonly site: string,
    private readonly scanner: ContentScanner,
    /** This site's allow-list: names and terms that are right here though they look wrong. */
    private readonly allow: readonly string[] = [],
    /** The scanner's identity; the site's allow-list is added here. */
    scannerTag = "",
    /** Pages as the previous crawl of the site checked them; absent: every page is scanned. */
    private readonly previous?: ReadonlyMap<string, TextMemory>,
  ) {
    this.scannerTag = hashOf(`${scannerTag}\u0000${JSON.stringify(allow)}`);
    for (const page of previous?.values() ?? []) {
      if (page.scanner !== this.scannerTag) continue;
      for (const block of page.blocks) this.known.set(block.key, block.findings);
    }
  }

  check(page: PageModel): FindingDraft[] {
    const blocks = this.blocksOf(page);
    const hash = hashOf(blocks.map((block) => block.text).join("\u0001") + "\u0002" + page.hiddenText);
    const before = this.previous?.get(page.url);
    const unchanged = before?.hash === hash && before.scanner === this.scannerTag;
    const fresh = blocks.filter((block) => this.isNew(block.key));
    const results = new Map<Block, RememberedFinding[]>();
    const toScan: Block[] = [];
    for (const block of fresh) {
      const known = unchanged ? this.known.get(block.key) : undefined;
      if (known) results.set(block, known);
      else toScan.push(block);
    }
    this.scan(
      page.url,
      toScan.filter((block) => block.source === "text"),
      results,
    );
    this.scan(
      page.url,
      toScan.filter((block) => block.source === "hidden-text"),
      results,
    );
    this.memory.set(page.url, {
      hash,
      scanner: this.scannerTag,
      blocks: fresh.map((block) => ({ key: block.key, findings: results.get(block) ?? [] })),
    });
    return fresh.flatMap((block) =>
      (results.get(block) ?? [])
        .filter((finding) => !this.allow.includes(String(finding.evidence.found)))
        .map((finding) => ({ ...finding, url: page.url })),
    );
  }

  /** The page's non-empty text blocks, then its hidden text (where injected spam hides) as one more. */
  private blocksOf(page: PageModel): Block[] {
    const blocks: Block[] = [];
    for (const block of page.blocks) {
      const text = page.text.slice(block.start, block.end);
      if (text.trim() !== "") blocks.push({ key: blockKey(text), text, source: "text" });
    }
    if (page.hiddenText.trim() !== "") {
      blocks.push({
        key: blockKey(`hidden\u0000${page.hiddenText}`),
        text: page.hiddenText,
        source: "hidden-text",
      });
    }
    return blocks;
  }

  /**
   * Scans blocks of one source joined with newlines, as one text (offsets refer to it), and gives
   * each block the findings that start in it.
   */
  private scan(url: string, blocks: Block[], results: Map<Block, RememberedFinding[]>): void {
    if (blocks.length === 0) return;
    const source = blocks[0]!.source;
    const text = blocks.map((block) => block.text).join("\n");
    // Only the lexicon applies to hidden text.
    const issues = (
      source === "hidden-text" ? this.scanner.scanHidden(text) : this.scanner.scan(text)
    ).filter((issue) => !this.allow.includes(issue.found));
    const drafts = issues.length === 0 ? [] : textIssueFindings(this.site, url, text, issues, source);
    const ends: number[] = [];
    let end = -1;
    for (const block of blocks) {
      end += block.text.length + 1;
      ends.push(end);
      results.set(block, []);
    }
    let at = 0;
    issues.forEach((issue, index) => {
      while (at < ends.length - 1 && issue.start >= ends[at]!) at += 1;
      const { url: _url, ...finding } = drafts[index]!;
      results.get(blocks[at]!)!.push(finding);
    });
  }

  private isNew(key: string): boolean {
    if (this.seen.has(key)) return false;
    if (this.seen.size < maxBlocksRemembered) this.seen.add(key);
    return true;
  }
}

export function hashOf(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 22);
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
