/**
 * PDF through LibreOffice headless: the Word or Excel export converted as the office suite prints
 * it, so the PDF and the editable file never disagree. The one impure module of src/report: it
 * writes a temporary directory and runs soffice. Each conversion gets its own LibreOffice profile,
 * because two soffice processes sharing one profile fail or wait on its lock.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PdfOptions {
  /** The soffice executable (default "soffice" on the PATH). */
  soffice?: string;
  /** Default 120 s: the first start of a fresh profile takes several seconds. */
  timeoutMs?: number;
}

/** Converts a docx or xlsx document to PDF. */
export async function convertToPdf(
  document: Buffer,
  format: "docx" | "xlsx",
  options: PdfOptions = {},
): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), "zhijian-pdf-"));
  try {
    const input = path.join(dir, `document.${format}`);
    await writeFile(input, document);
    await run(
      options.soffice ?? "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        input,
      ],
      { timeout: options.timeoutMs ?? 120_000 },
    );
    // soffice exits 0 even when it could not convert; the missing output says so.
    return await readFile(path.join(dir, "document.pdf")).catch(() => {
      throw new Error(`LibreOffice 未能把 ${format} 转换为 PDF`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
