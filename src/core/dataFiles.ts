import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository's data/ folder, where shipped reference data lives with its source noted. */
const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));

/** Reads a one-entry-per-line list, skipping blank lines and # comments. */
export function readDataList(name: string): string[] {
  return readFileSync(`${dataDir}${name}`, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}
