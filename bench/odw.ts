/**
 * The ECSpell official-document sentences (/work/shared/data/typos/odw.train.tsv: n_errors, sentence
 * as written, corrected sentence) and their fixed split into a training part and a held-out part.
 *
 * The split is by a hash of the corrected sentence: FNV-1a (32 bit) of its UTF-8 bytes, held out when
 * the hash is 0 modulo 5 (about 20 %). Hashing the corrected text keeps every copy of a sentence, clean
 * or with errors, on the same side, so the held-out figures never see a sentence the model learnt.
 * The model is built from the training part only; tests measure on the held-out part.
 */
import { existsSync, readFileSync } from "node:fs";

export const odwFile = "/work/shared/data/typos/odw.train.tsv";
/** node:test `skip` option: the reason when the shared data is missing, else false. */
export const odwSkip: string | false = existsSync(odwFile) ? false : "odw.train.tsv not available";

export interface OdwRow {
  errors: number;
  written: string;
  corrected: string;
}

/** Every usable row: written and corrected of equal length, so errors are positions. */
export function readOdw(file: string = odwFile): OdwRow[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.split("\t"))
    .filter((cells) => cells.length === 3 && cells[1]!.length === cells[2]!.length)
    .map(([n, written, corrected]) => ({ errors: Number(n), written: written!, corrected: corrected! }));
}

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

export function isHeldOut(row: OdwRow): boolean {
  return fnv1a(row.corrected) % 5 === 0;
}

/** UTF-16 offsets where the written sentence differs from the corrected one. */
export function errorPositions(row: OdwRow): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i < row.written.length; i++) if (row.written[i] !== row.corrected[i]) at.add(i);
  return at;
}

export interface SentenceFigures {
  /** Flagged sentences with a flag on a real error / flagged sentences. */
  precision: number;
  /** Sentences with errors flagged on a real error / sentences with errors. */
  recall: number;
  /** Clean sentences flagged / clean sentences. */
  cleanFalsePositiveRate: number;
  flagged: number;
  correct: number;
  withErrors: number;
  caught: number;
  clean: number;
  cleanFlagged: number;
}

/** Sentence-level figures from the offsets flagged in each row's written sentence. */
export function sentenceFigures(
  rows: readonly OdwRow[],
  flagged: readonly (readonly number[])[],
): SentenceFigures {
  const f = { flagged: 0, correct: 0, withErrors: 0, caught: 0, clean: 0, cleanFlagged: 0 };
  rows.forEach((row, k) => {
    const at = flagged[k] ?? [];
    const errors = errorPositions(row);
    const hit = at.some((i) => errors.has(i));
    if (errors.size > 0) f.withErrors++;
    else f.clean++;
    if (at.length === 0) return;
    f.flagged++;
    if (hit) f.correct++;
    if (hit && errors.size > 0) f.caught++;
    if (errors.size === 0) f.cleanFlagged++;
  });
  return {
    precision: f.flagged === 0 ? 1 : f.correct / f.flagged,
    recall: f.withErrors === 0 ? 0 : f.caught / f.withErrors,
    cleanFalsePositiveRate: f.clean === 0 ? 0 : f.cleanFlagged / f.clean,
    ...f,
  };
}

export function describeFigures(name: string, f: SentenceFigures): string {
  return (
    `${name}: precision ${f.precision.toFixed(3)} (${f.correct}/${f.flagged}), ` +
    `recall ${f.recall.toFixed(3)} (${f.caught}/${f.withErrors}), ` +
    `clean FP ${(f.cleanFalsePositiveRate * 100).toFixed(1)} % (${f.cleanFlagged}/${f.clean})`
  );
}
