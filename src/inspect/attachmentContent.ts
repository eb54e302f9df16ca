/**
 * Privacy and spam checks inside the site's attachments (docx, xlsx, csv, pdf, txt): lists of
 * subsidy recipients and exam results are where ID numbers leak. The crawl only checked that they
 * open; here the readable ones are downloaded, within a budget, and their text scanned.
 */
import type { FindingDraft } from "../core/finding.ts";
import { textIssueFindings } from "../checks/textFindings.ts";
import type { LinkTable } from "../crawl/linkTable.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import { attachmentText } from "../text/attachmentText.ts";
import type { ContentScanner } from "../text/contentScanner.ts";

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
}

const maxUnreadListed = 20;

export async function scanAttachments(
  site: string,
  links: LinkTable,
  fetcher: Fetcher,
  scanner: ContentScanner,
  budget: AttachmentBudget,
): Promise<AttachmentScan> {
  const scan: AttachmentScan = { findings: [], read: 0, unread: [], skipped: 0 };
  const noteUnread = (url: string, reason: string): void => {
    if (scan.unread.length < maxUnreadListed) scan.unread.push({ url, reason });
  };
  const queue: string[] = [];
  for (const target of links.healthyAttachments()) {
    const path = new URL(target.url).pathname;
    if (!readable.test(path)) continue;
    if (queue.length >= budget.maxFiles) scan.skipped += 1;
    else queue.push(target.url);
  }
  // The fetcher keeps per-host politeness; a few at a time keep the pipeline busy without bursts.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const url = queue[next++]!;
      const result = await fetcher.fetch(url, { method: "GET", maxBodyBytes: budget.maxBytes });
      if (result.error || !result.body || result.bodyTruncated) {
        noteUnread(
          url,
          result.error?.message ?? (result.bodyTruncated ? "文件过大，未读取" : `HTTP ${result.status}`),
        );
        continue;
      }
      const extracted = await attachmentText(result.body, new URL(url).pathname);
      if ("error" in extracted) {
        noteUnread(url, extracted.error);
        continue;
      }
      scan.read += 1;
      const issues = scanner.scanAttachment(extracted.text);
      scan.findings.push(...textIssueFindings(site, url, extracted.text, issues, "attachment"));
    }
  };
  await Promise.all(Array.from({ length: 2 }, worker));
  return scan;
}
