/**
 * The labelled real government pages (README.md in that folder): saved HTML beside the repository,
 * with one JSON label per page in labels.jsonl. Machines without the shared data skip their tests.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const realPagesDir = "/work/shared/data/real-pages";

const labelsFile = path.join(realPagesDir, "labels.jsonl");

/** node:test `skip` option for tests of the real pages: the reason when they are missing, else false. */
export const realPagesSkip: string | false = existsSync(labelsFile) ? false : "real pages not available";

/** The fields of a label that the tests check. */
export interface RealPageLabel {
  file: string;
  /** The page's address when its source states it. */
  url: string | null;
  domain: string;
  page_type: string;
  page_subtype: string;
  /** When the page was saved, e.g. "2018-03 (Common Crawl CC-MAIN-2018-13)". */
  captured: string;
  title: string | null;
  declared_charset: string | null;
  labels: {
    site_id_code: string | null;
    site_id_code_source: string | null;
    icp: string | null;
    police_filing: string | null;
    has_conac_badge: boolean;
    conac_form: string | null;
    has_jiucuo_link: boolean;
    jiucuo_form: string | null;
    has_search: boolean;
    meta: Record<string, string>;
    list?: { column: string; item_count: number; newest_item_date: string };
    article?: {
      publish_date: string | null;
      publish_date_text: string | null;
      publish_date_meta: string | null;
    };
  };
}

/** Every label, in file order; none when the real pages are missing. */
export function readLabels(): RealPageLabel[] {
  if (realPagesSkip !== false) return [];
  return readFileSync(labelsFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RealPageLabel);
}

/** The saved pages' file names. */
export function realPageFiles(): string[] {
  return readdirSync(realPagesDir).filter((f) => f.endsWith(".html"));
}

/** A saved page's HTML (stored decoded, as UTF-8). */
export function readRealPage(file: string): string {
  return readFileSync(path.join(realPagesDir, file), "utf8");
}

/** The page's address, else its domain's root. */
export function realPageUrl(label: RealPageLabel): string {
  return label.url ?? `http://${label.domain}/`;
}
