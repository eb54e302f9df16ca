import type { FetchResult, LinkCheckResult, TlsFacts } from "../fetch/types.ts";
import type { LinkKind } from "../parse/model.ts";

/**
 * Every link target seen in a crawl, checked once. Occurrences (where the link stands) are kept only
 * while the target is unchecked or failing, and capped, so memory follows the number of distinct
 * targets rather than the number of links on all pages.
 */
export interface LinkOccurrence {
  page: string;
  element: string;
  attribute: string;
  text: string;
  locator: string;
  hidden: boolean;
  onHomepage: boolean;
}

/** What a check needs of a fetch, without headers and body. */
export interface LinkProbe {
  method: FetchResult["method"];
  status: number;
  finalUrl: string;
  error?: FetchResult["error"];
  redirects: FetchResult["redirects"];
  tls?: TlsFacts;
  contentType?: string;
  attempts: number;
  totalMs: number;
  usedGetFallback: boolean;
  usedBrowserHeaders: boolean;
}

export type SkipReason = "robots" | "trap" | "not-checked";

export interface LinkTarget {
  url: string;
  kind: LinkKind;
  internal: boolean;
  onHomepage: boolean;
  occurrenceCount: number;
  occurrences: LinkOccurrence[];
  probe?: LinkProbe;
  /** The probe came from a link check (a page fetch settles targets too). */
  linkChecked?: boolean;
  /** When the probe was taken, if it was remembered from an earlier crawl instead of requested. */
  checkedAt?: string;
  skipped?: SkipReason;
}

/** A healthy link check remembered between crawls, so the next crawl need not request it again. */
export interface LinkCheckMemory {
  probe: LinkProbe;
  /** ISO time of the request. */
  checkedAt: string;
}

/** Enough pages for an inspector to find the link; pending targets hold these, so it bounds memory. */
export const maxOccurrencesKept = 3;

/** Kinds ranked so a target linked both as page and as attachment is reported as the more specific. */
const kindRank: Record<LinkKind, number> = {
  attachment: 6,
  image: 5,
  script: 4,
  stylesheet: 4,
  media: 3,
  frame: 2,
  page: 1,
  form: 0,
  other: 0,
};

export function isHealthy(probe: LinkProbe): boolean {
  return !probe.error && probe.status >= 200 && probe.status < 400;
}

export function probeOf(result: FetchResult | LinkCheckResult): LinkProbe {
  const link = result as Partial<LinkCheckResult>;
  return {
    method: result.method,
    status: result.status,
    finalUrl: result.finalUrl,
    ...(result.error ? { error: result.error } : {}),
    redirects: result.redirects,
    ...(result.tls ? { tls: result.tls } : {}),
    ...(result.headers["content-type"] ? { contentType: result.headers["content-type"] } : {}),
    attempts: result.attempts,
    totalMs: Math.round(result.timings.totalMs),
    usedGetFallback: link.usedGetFallback ?? false,
    usedBrowserHeaders: link.usedBrowserHeaders ?? false,
  };
}

export class LinkTable {
  private readonly targets = new Map<string, LinkTarget>();
  occurrenceTotal = 0;

  get size(): number {
    return this.targets.size;
  }

  get(url: string): LinkTarget | undefined {
    return this.targets.get(url);
  }

  /** Returns the target and whether it is new. */
  touch(url: string, kind: LinkKind, internal: boolean): { target: LinkTarget; created: boolean } {
    const existing = this.targets.get(url);
    if (existing) {
      if (kindRank[kind] > kindRank[existing.kind]) existing.kind = kind;
      return { target: existing, created: false };
    }
    const target: LinkTarget = {
      url,
      kind,
      internal,
      onHomepage: false,
      occurrenceCount: 0,
      occurrences: [],
    };
    this.targets.set(url, target);
    return { target, created: true };
  }

  addOccurrence(target: LinkTarget, occurrence: LinkOccurrence): void {
    this.occurrenceTotal += 1;
    target.occurrenceCount += 1;
    if (occurrence.onHomepage) target.onHomepage = true;
    if (target.probe !== undefined && isHealthy(target.probe)) return;
    if (target.occurrences.length < maxOccurrencesKept) {
      target.occurrences.push(detached(occurrence));
    } else if (occurrence.onHomepage && !target.occurrences.some((kept) => kept.onHomepage)) {
      // Indicators count homepage links apart, so the homepage occurrence must survive the cap.
      target.occurrences[maxOccurrencesKept - 1] = detached(occurrence);
    }
  }

  settle(target: LinkTarget, probe: LinkProbe): void {
    target.probe = probe;
    if (isHealthy(probe)) target.occurrences = [];
  }

  /** Site attachments that opened: the ones whose content can be read for privacy leaks. */
  *healthyAttachments(): Generator<LinkTarget> {
    for (const target of this.targets.values()) {
      if (target.kind === "attachment" && target.internal && target.probe && isHealthy(target.probe))
        yield target;
    }
  }

  /** Healthy link checks (not page fetches) worth remembering, each with when it was requested. */
  *healthyChecks(requestedAt: string): Generator<[string, LinkCheckMemory]> {
    for (const target of this.targets.values()) {
      if (!target.linkChecked || !target.probe || !isHealthy(target.probe)) continue;
      yield [target.url, { probe: target.probe, checkedAt: target.checkedAt ?? requestedAt }];
    }
  }

  /** Targets worth reporting: failing, or skipped while linked from somewhere. */
  *unhealthy(): Generator<LinkTarget> {
    for (const target of this.targets.values()) {
      if (target.probe ? !isHealthy(target.probe) : target.occurrenceCount > 0) yield target;
    }
  }
}

/**
 * Strings cut from a parsed page (anchor text, locators) can be V8 slices that keep the whole page
 * alive; an occurrence outlives its page, so it keeps copies instead.
 */
function detached(occurrence: LinkOccurrence): LinkOccurrence {
  return { ...occurrence, text: copyString(occurrence.text), locator: copyString(occurrence.locator) };
}

function copyString(text: string): string {
  return text.length === 0 ? text : (" " + text).slice(1);
}
