import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fixedClock, systemClock } from "../core/clock.ts";
import { inspect } from "../inspect/inspect.ts";
import type { InspectionReport } from "../report/schema.ts";
import { problemListDocx } from "../report/docx.ts";
import { convertToPdf } from "../report/pdf.ts";
import { formatSummary } from "../report/summary.ts";
import { problemListXlsx } from "../report/xlsx.ts";
import { UsageError } from "../core/errors.ts";
import { loadManualFindings } from "../rules/manual.ts";
import { defaultRuleSetFile, loadRuleSet } from "../rules/ruleSet.ts";
import { asOfFrom, crawlConfigFrom, fetchOptionsFrom, type CrawlCliOptions } from "./options.ts";
import { createProgress } from "./progress.ts";
import { readProbeSeries } from "./probeSeries.ts";
import { loadSiteConfig } from "./siteConfigFile.ts";

export interface InspectCliOptions extends CrawlCliOptions {
  out?: string;
  quiet?: boolean;
  siteConfig?: string;
  probes?: string;
  lexicon?: string[];
  allow?: string[];
  /** commander's --no-search: false skips the site-search probe. */
  search?: boolean;
  a11y?: boolean;
  rules?: string;
  manual?: string;
  /** json (default), docx, xlsx or pdf (the Word list through LibreOffice): what --out receives. */
  format?: string;
  /** The demo writes the Word and Excel problem lists beside the JSON report. */
  problemLists?: string;
}

const formats = ["json", "docx", "xlsx", "pdf"] as const;
type Format = (typeof formats)[number];

/** Runs an inspection, writes the JSON report, prints the summary; returns the report. */
export async function runInspection(urls: string[], options: InspectCliOptions): Promise<InspectionReport> {
  const format = formatOf(options.format);
  const asOf = asOfFrom(options);
  const scoring = {
    ruleSet: loadRuleSet(options.rules ?? defaultRuleSetFile),
    manual: options.manual ? loadManualFindings(options.manual) : [],
  };
  const siteConfig = options.siteConfig ? await loadSiteConfig(options.siteConfig) : undefined;
  const probes = options.probes ? await readProbeSeries(options.probes) : undefined;
  for (const warning of probes?.warnings ?? []) process.stderr.write(`注意：${warning}\n`);
  const progress = createProgress();
  const report = await inspect({
    urls,
    clock: asOf ? fixedClock(asOf) : systemClock,
    fetch: fetchOptionsFrom(options),
    crawl: crawlConfigFrom(options),
    siteConcurrency: 4,
    siteConfig,
    probes: probes?.records,
    content: { lexiconFiles: options.lexicon ?? [], allow: options.allow ?? [] },
    standards: { searchProbe: options.search !== false, a11y: options.a11y === true },
    scoring,
    onProgress: options.quiet ? undefined : progress.update,
  });
  progress.done();
  const written: string[] = [];
  const out = options.out ?? (format === "json" ? undefined : `report.${format}`);
  if (out) written.push(await writeReport(report, format, out));
  if (options.problemLists) {
    for (const extra of ["docx", "xlsx"] as const) {
      written.push(await writeReport(report, extra, `${options.problemLists}.${extra}`));
    }
  }
  if (!options.quiet) {
    process.stdout.write(`${formatSummary(report)}\n`);
    for (const line of written) process.stdout.write(`${line}\n`);
  }
  return report;
}

function formatOf(raw: string | undefined): Format {
  const format = (raw ?? "json").toLowerCase();
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`--format 只能是 ${formats.join("、")} 之一，收到“${raw}”`);
  }
  return format as Format;
}

/** Writes the report in one format; returns the line that tells the user where. */
async function writeReport(report: InspectionReport, format: Format, file: string): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  const results = report.sites.flatMap((site) => (site.result ? [site.result] : []));
  if (format === "json") {
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    return `JSON 报告已写入 ${file}`;
  }
  const document =
    format === "xlsx" ? await problemListXlsx(report, results) : await problemListDocx(report, results);
  await writeFile(file, format === "pdf" ? await pdfOf(document) : document);
  return `问题清单（${{ docx: "Word", xlsx: "Excel", pdf: "PDF" }[format]}）已写入 ${file}`;
}

async function pdfOf(docx: Buffer): Promise<Buffer> {
  try {
    return await convertToPdf(docx, "docx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new UsageError("--format pdf 需要 LibreOffice（apt-get install libreoffice-writer-nogui）");
    }
    throw error;
  }
}
