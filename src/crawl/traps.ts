/**
 * Spider-trap detection. Government CMSs produce endless URL spaces (calendars, relative links that
 * grow a path on every click, session ids in the query); the crawl must bound them and say so,
 * instead of spending the whole budget inside one.
 */
export type TrapKind = "deep-path" | "repeating-segments" | "query-variations";

export interface TrapLimits {
  /** More path segments than this is a trap. */
  maxPathDepth: number;
  /** A segment that occurs this many times in one path is a trap. */
  maxSegmentRepeats: number;
  /** Distinct query strings allowed per path and set of parameter names. */
  maxQueryVariants: number;
}

export const defaultTrapLimits: TrapLimits = { maxPathDepth: 12, maxSegmentRepeats: 3, maxQueryVariants: 40 };

export interface TrapRecord {
  kind: TrapKind;
  /** A readable pattern, e.g. "/calendar/?date=*". */
  pattern: string;
  /** The first URLs refused, for evidence. */
  examples: string[];
  /** How many URLs were refused. */
  refused: number;
}

const maxExamples = 3;

export class TrapDetector {
  private readonly queryVariants = new Map<string, number>();
  private readonly traps = new Map<string, TrapRecord>();

  constructor(private readonly limits: TrapLimits = defaultTrapLimits) {}

  /** true when the URL may enter the frontier; false when it is refused as part of a trap. */
  admit(url: string): boolean {
    const parsed = new URL(url);
    const segments = parsed.pathname.split("/").filter(Boolean);
    const verdict = this.pathTrap(parsed, segments) ?? this.queryTrap(parsed);
    if (!verdict) return true;
    const key = `${verdict.kind} ${verdict.pattern}`;
    const record = this.traps.get(key) ?? { ...verdict, examples: [], refused: 0 };
    record.refused += 1;
    if (record.examples.length < maxExamples) record.examples.push(url);
    this.traps.set(key, record);
    return false;
  }

  found(): TrapRecord[] {
    return [...this.traps.values()];
  }

  private pathTrap(parsed: URL, segments: string[]): Pick<TrapRecord, "kind" | "pattern"> | null {
    const repeats = new Map<string, number>();
    for (const segment of segments) {
      const count = (repeats.get(segment) ?? 0) + 1;
      repeats.set(segment, count);
      if (count >= this.limits.maxSegmentRepeats) {
        const first = segments.indexOf(segment);
        const prefix = segments.slice(0, first).join("/");
        return {
          kind: "repeating-segments",
          pattern: `${parsed.origin}/${prefix ? `${prefix}/` : ""}${segment}/(${segment}/)+…`,
        };
      }
    }
    if (segments.length > this.limits.maxPathDepth) {
      return {
        kind: "deep-path",
        pattern: `${parsed.origin}/${segments.slice(0, 2).join("/")}/…（超过 ${this.limits.maxPathDepth} 级）`,
      };
    }
    return null;
  }

  private queryTrap(parsed: URL): Pick<TrapRecord, "kind" | "pattern"> | null {
    if (!parsed.search) return null;
    const names = [...new Set([...parsed.searchParams.keys()])].sort();
    const key = `${parsed.origin}${parsed.pathname}?${names.join("&")}`;
    const seen = (this.queryVariants.get(key) ?? 0) + 1;
    this.queryVariants.set(key, seen);
    if (seen <= this.limits.maxQueryVariants) return null;
    return {
      kind: "query-variations",
      pattern: `${parsed.origin}${parsed.pathname}?${names.map((n) => `${n}=*`).join("&")}`,
    };
  }
}
