import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fixedClock, systemClock } from "../core/clock.ts";
import { inspect } from "../inspect/inspect.ts";
import type { InspectionReport } from "../report/schema.ts";
import { formatSummary } from "../report/summary.ts";
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
}

/** Runs an inspection, writes the JSON report, prints the summary; returns the report. */
export async function runInspection(urls: string[], options: InspectCliOptions): Promise<InspectionReport> {
  const asOf = asOfFrom(options);
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
    onProgress: options.quiet ? undefined : progress.update,
  });
  progress.done();
  if (options.out) {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (!options.quiet) {
    process.stdout.write(`${formatSummary(report)}\n`);
    if (options.out) process.stdout.write(`JSON 报告已写入 ${options.out}\n`);
  }
  return report;
}
