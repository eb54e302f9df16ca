/**
 * The optional full accessibility audit (--a11y): pages are opened in Debian's chromium (never a
 * downloaded browser) and axe-core runs inside them. Rendering is what a static parse cannot do:
 * contrast, focus order, computed ARIA names. Failures come back as data; nothing here throws.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type axe from "axe-core";
import type { Browser } from "playwright-core";
import type { HostMapping } from "./types.ts";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export interface AxeAuditOptions {
  /** Default /usr/bin/chromium (apt-get install chromium). */
  executablePath?: string;
  /** The same host mappings as the fetcher (--resolve/--connect-to), given to chromium's resolver. */
  mappings?: readonly HostMapping[];
  /** As FetchOptions.mappedOnly: no DNS for unmapped hosts, loopback literals still reachable. */
  mappedOnly?: boolean;
  /** Per page, for loading and the audit together. Default 30 s. */
  timeoutMs?: number;
  userAgent?: string;
}

export type AxeImpact = "critical" | "serious" | "moderate" | "minor";

export interface AxeViolation {
  /** axe rule id, e.g. "color-contrast", "image-alt". */
  id: string;
  impact: AxeImpact | null;
  /** The rule's one-line help, in Chinese (axe's zh_CN locale). */
  help: string;
  helpUrl: string;
  /** Elements that violate it on this page. */
  nodes: number;
  /** CSS selectors of the first few of them. */
  targets: string[];
}

export type AxePageAudit = { url: string; violations: AxeViolation[] } | { url: string; error: string };

export type AxeAudit = { status: "done"; pages: AxePageAudit[] } | { status: "unavailable"; reason: string };

const MAX_TARGETS = 5;
const require = createRequire(import.meta.url);
/** Loaded lazily: most inspections never audit. */
let zhLocale: unknown;

/** Audits the pages one after another in one browser (one tab at a time: politeness). */
export async function auditAccessibility(
  urls: readonly string[],
  options: AxeAuditOptions = {},
): Promise<AxeAudit> {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    return {
      status: "unavailable",
      reason: `未找到 chromium：${executablePath}（apt-get install chromium）`,
    };
  }
  const rules = hostResolverRules(options.mappings ?? [], options.mappedOnly ?? false);
  let browser: Browser;
  try {
    // Loaded on use: the browser driver and axe take most of a second to import, which every other
    // command would pay at start-up.
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath,
      args: rules === undefined ? [] : [`--host-resolver-rules=${rules}`],
    });
  } catch (error) {
    return { status: "unavailable", reason: `chromium 无法启动：${messageOf(error)}` };
  }
  try {
    const pages: AxePageAudit[] = [];
    for (const url of urls) pages.push(await auditPage(browser, url, options));
    return { status: "done", pages };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

async function auditPage(browser: Browser, url: string, options: AxeAuditOptions): Promise<AxePageAudit> {
  const context = await browser.newContext(options.userAgent ? { userAgent: options.userAgent } : {});
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 30_000);
    const response = await page.goto(url, { waitUntil: "load" });
    if (response !== null && response.status() >= 400) return { url, error: `HTTP ${response.status()}` };
    await page.addScriptTag({ content: (await import("axe-core")).default.source });
    zhLocale ??= JSON.parse(readFileSync(require.resolve("axe-core/locales/zh_CN.json"), "utf8"));
    const result = await page.evaluate(async (locale) => {
      // Runs in the page, where axe.source has defined the global axe (and the whole document is audited).
      const engine = (globalThis as unknown as { axe: typeof axe }).axe;
      engine.configure({ locale: locale as axe.Locale });
      return engine.run({ resultTypes: ["violations"] });
    }, zhLocale);
    return {
      url,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, MAX_TARGETS).map((node) => node.target.join(" ")),
      })),
    };
  } catch (error) {
    return { url, error: messageOf(error) };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * The fetcher's host mappings as chromium --host-resolver-rules, so the browser reaches the same
 * (loopback) servers; with mappedOnly every other name fails to resolve, except loopback literals.
 */
export function hostResolverRules(mappings: readonly HostMapping[], mappedOnly: boolean): string | undefined {
  // --resolve entries win over --connect-to ones (as in curl), and chromium takes the first match.
  const ordered = [...mappings].sort((a, b) => Number(b.kind === "resolve") - Number(a.kind === "resolve"));
  const rules = ordered.map((m) => {
    const from = `${m.host === "" ? "*" : m.host}${m.port === null ? "" : `:${m.port}`}`;
    const address = m.address.includes(":") ? `[${m.address}]` : m.address;
    return `MAP ${from} ${address}${m.toPort === null ? "" : `:${m.toPort}`}`;
  });
  // chromium applies the rules to IP literals too, so loopback needs an explicit exception.
  if (mappedOnly) rules.push("EXCLUDE 127.*", "EXCLUDE [::1]", "MAP * ~NOTFOUND");
  return rules.length === 0 ? undefined : rules.join(", ");
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
