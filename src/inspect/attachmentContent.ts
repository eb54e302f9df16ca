/**
 * Privacy and spam checks inside the site's attachments (docx, xlsx, csv, pdf, txt): lists of
 * subsidy recipients and exam results are where ID numbers leak. The crawl only checked that they
 * open; here the readable ones are downloaded, within a budget, and their text scanned.
 *
 * Incremental crawls: an attachment whose link check was remembered (not requested again) keeps the
 * findings remembered for it without being downloaded; one downloaded with the same bytes as last
 * time is not read again.
 */
import type { FindingDraft } from "../core/finding.ts";
import { textIssueFindings } from "../checks/textFindings.ts";
import type { LinkTable, LinkTarget } from "../crawl/linkTable.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import { attachmentText } from "../text/attachmentText.ts";
import type { ContentScanner } from "../text/contentScanner.ts";
import { hashOf, type RememberedFinding, type TextMemory } from "./pageContent.ts";

export interface AttachmentBudget {
  /** Attachments read per site. */
  maxFiles: number;
  /** Larger files are left unread (and said so). */
  maxBytes: number;
}

export const defaultAttachmentBudget: AttachmentBudget = { maxFiles: 200, maxBytes: 20 * 1024 * 1024 };

const readable = /\.(?:docx|xlsx|csv|pdf|txt)$/iu;

export interface AttachmentScan {
  findings: FindingDraft[];
  read: number;
  /** Attachments that could not be read (too large, corrupt, old binary format), first few. */
  unread: { url: string; reason: string }[];
  /** Readable attachments left out by the budget. */
  skipped: number;
  /** What was found in each attachment read, for the next crawl. */
  memory: Map<string, TextMemory>;
}

/** What the previous crawl of the site found in its attachments, and the scanner it used then. */
export interface AttachmentMemory {
  scanner: string;
  previous?: ReadonlyMap<string, TextMemory>;
}

const wholeFile = "file";

const maxUnreadListed = 20;

export async function scanAttachments(
  site: string,
  links: LinkTable,
  fetcher: Fetcher,
  scanner: ContentScanner,
  budget: AttachmentBudget,
  remembered: AttachmentMemory = { scanner: "" },
): Promise<AttachmentScan> {
  const scan: AttachmentScan = { findings: [], read: 0, unread: [], skipped: 0, memory: new Map() };
  const noteUnread = (url: string, reason: string): void => {
    if (scan.unread.length < maxUnreadListed) scan.unread.push({ url, reason });
  };
  const queue: LinkTarget[] = [];
  for (const target of links.healthyAttachments()) {
    const path = new URL(target.url).pathname;
    if (!readable.test(path)) continue;
    if (queue.length >= budget.maxFiles) scan.skipped += 1;
    else queue.push(target);
  }
  // The fetcher keeps per-host politeness; a few at a time keep the pipeline busy without bursts.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const target = queue[next++]!;
      const url = target.url;
      const before = remembered.previous?.get(url);
      const usable = before?.scanner === remembered.scanner ? before : undefined;
      const found = (findings: RememberedFinding[], memory: TextMemory): void => {
        scan.read += 1;
        scan.memory.set(url, memory);
        scan.findings.push(...findings.map((finding) => ({ ...finding, url })));
      };
      if (usable && target.checkedAt !== undefined) {
        found(usable.blocks[0]?.findings ?? [], usable);
        continue;
      }
      const result = await fetcher.fetch(url, { method: "GET", maxBodyBytes: budget.maxBytes });
      if (result.error || !result.body || result.bodyTruncated) {
        noteUnread(
          url,
          result.error?.message ?? (result.bodyTruncated ? "文件过大，未读取" : `HTTP ${result.status}`),
        );
        continue;
      }
      const hash = hashOf(result.body);
      if (usable?.hash === hash) {
        found(usable.blocks[0]?.findings ?? [], usable);
        continue;
      }
      const extracted = await attachmentText(result.body, new URL(url).pathname);
      if ("error" in extracted) {
        noteUnread(url, extracted.error);
        continue;
      }
      const issues = scanner.scanAttachment(extracted.text);
      const findings = textIssueFindings(site, url, extracted.text, issues, "attachment").map(
        ({ url: _url, ...finding }) => finding,
      );
      found(findings, { hash, scanner: remembered.scanner, blocks: [{ key: wholeFile, findings }] });
    }
  };
  await Promise.all(Array.from({ length: 2 }, worker));
  return scan;
}
