/**
 * The trained typo model shipped as data/typos/typo-model.json, built by bench/build-typo-model.ts
 * (`npm run build:typo-model`) from the training part of the ECSpell official-document sentences,
 * confusion sets and clean government text; data/typos/README.md says what went in.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** How a candidate replacement relates to the character written; bits, since sets overlap. */
export const ConfusionKind = {
  sound: 1,
  shape: 2,
  /** Same pinyin without tones (pinyin-pro), beyond the sound set. */
  homophone: 4,
  /** Written for this character in the training sentences. */
  seen: 8,
} as const;

export interface TypoModel {
  format: 1;
  /** Where the data came from, for people reading the file. */
  about: string;
  /** Names of the features, in the order of `weights` (see typoFeatures.ts). */
  features: string[];
  weights: number[];
  bias: number;
  /** Score from which a candidate is reported (severity warn). */
  threshold: number;
  /** Score from which a report is confident enough to deduct points. */
  strongThreshold: number;
  /** Per character: its candidate replacements and, per candidate, a hex digit of ConfusionKind bits. */
  confusions: Record<string, [string, string]>;
  /** Counts of adjacent character pairs in clean government text. */
  bigrams: Record<string, number>;
  /** Counts of characters standing alone as one-character words in that text once segmented. */
  singles: Record<string, number>;
  /** "wrong right" character pairs and how often the training sentences had them. */
  seen: Record<string, number>;
  /** Figures measured when the model was built, for the record. */
  measured?: Record<string, unknown>;
}

const defaultFile = fileURLToPath(new URL("../../data/typos/typo-model.json", import.meta.url));
let shared: TypoModel | undefined;

/** Reads a model file written by the build script. */
export function loadTypoModel(file: string = defaultFile): TypoModel {
  const model = JSON.parse(readFileSync(file, "utf8")) as TypoModel;
  if (model.format !== 1 || model.weights.length !== model.features.length)
    throw new Error(`错别字模型格式不符：${file}`);
  return model;
}

/** The shipped model, read once per process. */
export function defaultTypoModel(): TypoModel {
  shared ??= loadTypoModel();
  return shared;
}
