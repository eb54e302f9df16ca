import { createHash } from "node:crypto";
import type { Finding, FindingDraft } from "./finding.ts";

/**
 * A fingerprint must stay the same across crawls so a problem can be followed from detection to
 * re-check; so only stable parts go in: the check, the normalised URL, the locator and the evidence
 * fields the check names as identifying (never timings or counts).
 */
export function fingerprintOf(draft: FindingDraft): string {
  const identity = (draft.identity ?? []).map((key) => `${key}=${normaliseEvidence(draft.evidence[key])}`);
  const material = [draft.check, normaliseUrlForFingerprint(draft.url), draft.locator, ...identity].join(
    "\n",
  );
  return createHash("sha256").update(material).digest("hex").slice(0, 24);
}

export function stampFinding(draft: FindingDraft, seenAt: Date): Finding {
  const { identity: _identity, ...rest } = draft;
  const at = seenAt.toISOString();
  return { ...rest, fingerprint: fingerprintOf(draft), firstSeen: at, lastSeen: at };
}

function normaliseUrlForFingerprint(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
    return parsed.href.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

function normaliseEvidence(value: unknown): string {
  return String(value ?? "")
    .replace(/\s+/g, " ")
    .trim();
}
