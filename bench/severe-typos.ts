/**
 * Severe-typo recall and false alarms on a generated set (bench/severeTypoSet.ts), and throughput
 * on real and demo page text.
 *
 *   npx tsx bench/severe-typos.ts
 *   npx tsx bench/severe-typos.ts --per-category 1000 --seed 7
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import iconv from "iconv-lite";
import { parsePage } from "../src/parse/parsePage.ts";
import { loadSevereTypoData } from "../src/text/severeData.ts";
import { createSevereTypoChecker, type SevereTypoChecker } from "../src/text/severeTypos.ts";
import { loadLookalikes, loadShapeConfusion } from "../src/text/severeVariants.ts";
import { generateSevereTypoSet, type SevereTypoSample } from "./severeTypoSet.ts";

export interface RecallFigures {
  found: number;
  total: number;
  /** Found with the correct form as suggestion. */
  suggested: number;
  /** Issues reported on the correctly written sentences. */
  falseAlarms: number;
  misses: SevereTypoSample[];
}

/** Runs the checker over the samples: a typo counts as found when an issue overlaps it. */
export function measureRecall(
  checker: SevereTypoChecker,
  samples: readonly SevereTypoSample[],
): RecallFigures {
  const figures: RecallFigures = {
    found: 0,
    total: samples.length,
    suggested: 0,
    falseAlarms: 0,
    misses: [],
  };
  for (const sample of samples) {
    const hits = checker.check(sample.sentence).filter((i) => i.start < sample.end && sample.start < i.end);
    if (hits.length > 0) figures.found++;
    else figures.misses.push(sample);
    if (hits.some((i) => i.suggestion !== undefined && sample.term.includes(i.suggestion)))
      figures.suggested++;
    figures.falseAlarms += checker.check(sample.clean).length;
  }
  return figures;
}

export const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)} %`;

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : Number(args[at + 1]);
  };
  const data = loadSevereTypoData();
  const shape = loadShapeConfusion();
  const lookalikes = loadLookalikes();
  const started = performance.now();
  const checker = createSevereTypoChecker(data);
  console.log(`build: ${(performance.now() - started).toFixed(0)} ms`);

  const perCategory = option("--per-category", 250);
  const seed = option("--seed", 20240601);
  const samples = generateSevereTypoSet(data, shape, lookalikes, { perCategory, seed });
  const all = measureRecall(checker, samples);
  console.log(
    `severe typo recall ${percent(all.found, all.total)} (${all.found}/${all.total}), correct suggestion ${percent(all.suggested, all.total)}`,
  );
  console.log(`false alarms on the ${all.total} correct sentences: ${all.falseAlarms}`);
  for (const category of [...new Set(samples.map((s) => s.category))]) {
    const part = measureRecall(
      checker,
      samples.filter((s) => s.category === category),
    );
    console.log(`  ${category.padEnd(13)} ${percent(part.found, part.total)} (${part.found}/${part.total})`);
  }
  for (const edit of ["homophone", "shape", "omission"] as const) {
    const part = measureRecall(
      checker,
      samples.filter((s) => s.edit === edit),
    );
    if (part.total > 0)
      console.log(`  ${edit.padEnd(13)} ${percent(part.found, part.total)} (${part.found}/${part.total})`);
  }
  const bare = measureRecall(
    checker,
    generateSevereTypoSet(data, shape, lookalikes, { perCategory, seed, bareNames: true }),
  );
  console.log(
    `leader names with no title or list beside them: ${percent(bare.found, bare.total)} (${bare.found}/${bare.total}) — by design only distinctive names`,
  );
  console.log("some misses:");
  for (const miss of all.misses.slice(0, 15))
    console.log(`  ${miss.category} ${miss.edit} ${miss.term} → ${miss.typo}: ${miss.sentence}`);

  const texts = pageTexts();
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  checker.check("国务院总理李墙"); // builds the segmenter outside the timing
  const rounds = 10;
  let issues = 0;
  const checkRate = rate(bytes, rounds, () => {
    for (const text of texts) issues += checker.check(text).length;
  });
  // The peer: jieba segmenting the same text, the cheapest thing any Chinese text check must do.
  const jieba = Jieba.withDict(dict);
  const jiebaRate = rate(bytes, rounds, () => {
    for (const text of texts) jieba.cut(text, false);
  });
  console.log(
    `throughput: ${checkRate.toFixed(1)} MB/s of visible page text (${texts.length} pages, ${(bytes / 1e6).toFixed(2)} MB × ${rounds}, ` +
      `${issues / (rounds + 1)} issues); jieba cut ${jiebaRate.toFixed(1)} MB/s; ratio ${(checkRate / jiebaRate).toFixed(1)}×`,
  );
}

/** MB/s of `run` over `bytes`, after one warm-up round that lets the JIT compile the scan. */
function rate(bytes: number, rounds: number, run: () => void): number {
  run();
  const started = performance.now();
  for (let round = 0; round < rounds; round++) run();
  return (rounds * bytes) / 1e6 / ((performance.now() - started) / 1000);
}

/** Visible text of the demo pages and the saved real pages. */
function pageTexts(): string[] {
  const demoDir = fileURLToPath(new URL("../demo/sites/", import.meta.url));
  const realDir = "/work/shared/data/real-pages";
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
  const files = walk(demoDir).filter((file) => /\.s?html?$/.test(file));
  const texts = files.map((file) => {
    const bytes = readFileSync(file);
    const html = file.includes("fgw.demo-city.gov.cn") ? iconv.decode(bytes, "gbk") : bytes.toString("utf8");
    return parsePage(html, "http://demo/").text;
  });
  try {
    for (const file of readdirSync(realDir).filter((f) => f.endsWith(".html"))) {
      texts.push(parsePage(readFileSync(path.join(realDir, file), "utf8"), "http://real/").text);
    }
  } catch {
    // The real pages live beside the repository; without them only the demo pages are measured.
  }
  return texts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
