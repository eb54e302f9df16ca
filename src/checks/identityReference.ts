/**
 * Reference data of the identity checks (data/identity/): GB/T 2260 division codes and the province
 * abbreviations that start ICP and 公安 filing numbers. Offices add what the shipped lists lack (a
 * fictitious province in a demo, a division created after the data was taken) through an extension.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface IdentityReference {
  /** Six-digit division code → full name ("110102" → "北京市西城区"). */
  divisions: ReadonlyMap<string, string>;
  /** Province abbreviation → two-digit code ("京" → "11"). */
  provinces: ReadonlyMap<string, string>;
}

/** What a site configuration adds: divisions by six-digit code, provinces by abbreviation. */
export interface IdentityExtension {
  divisions?: Record<string, string>;
  /** Abbreviation → two-digit code, e.g. { "演": "99" }. */
  provinces?: Record<string, string>;
}

/** How a six-digit prefix reads against the division list. */
export type DivisionReading =
  | { status: "known"; name: string }
  /** Province valid, rest unknown: likely a division merged or renamed since (or created after the data). */
  | { status: "unknown"; province: string }
  | { status: "invalid" };

interface DivisionsFile {
  divisions: Record<string, string>;
}

interface ProvincesFile {
  provinces: { abbreviation: string; code: string; name: string }[];
}

const identityDir = fileURLToPath(new URL("../../data/identity/", import.meta.url));
let shipped: IdentityReference | undefined;

/** The shipped reference data, read once. */
export function loadIdentityReference(): IdentityReference {
  if (shipped === undefined) {
    const divisions = readJson<DivisionsFile>("divisions.json").divisions;
    const provinces = readJson<ProvincesFile>("provinces.json").provinces;
    shipped = {
      divisions: new Map(Object.entries(divisions)),
      provinces: new Map(provinces.map((p) => [p.abbreviation, p.code])),
    };
  }
  return shipped;
}

/** A reference with the extension's entries added (they win over shipped ones). */
export function extendIdentityReference(
  base: IdentityReference,
  extension: IdentityExtension,
): IdentityReference {
  for (const code of Object.keys(extension.divisions ?? {})) {
    if (!/^\d{6}$/.test(code)) throw new Error(`division code must have six digits: ${code}`);
  }
  for (const [abbreviation, code] of Object.entries(extension.provinces ?? {})) {
    if (!/^\p{Script=Han}$/u.test(abbreviation) || !/^\d{2}$/.test(code)) {
      throw new Error(
        `province abbreviation must be one character with a two-digit code: ${abbreviation}=${code}`,
      );
    }
  }
  return {
    divisions: new Map([...base.divisions, ...Object.entries(extension.divisions ?? {})]),
    provinces: new Map([...base.provinces, ...Object.entries(extension.provinces ?? {})]),
  };
}

/** Reads the first six digits of a code: a known division, a valid province only, or nothing valid. */
export function readDivision(code6: string, reference: IdentityReference): DivisionReading {
  const name = reference.divisions.get(code6);
  if (name !== undefined) return { status: "known", name };
  const provinceCode = code6.slice(0, 2);
  const province =
    reference.divisions.get(`${provinceCode}0000`) ??
    [...reference.provinces].find(([, code]) => code === provinceCode)?.[0];
  return province === undefined ? { status: "invalid" } : { status: "unknown", province };
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(`${identityDir}${name}`, "utf8")) as T;
}
