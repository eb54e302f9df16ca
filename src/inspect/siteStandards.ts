/**
 * The homepage's page-standard checks, run after the crawl (issue 5): identity and footer (标识码,
 * filings, badge, 找错 entry), and those that need requests of their own: transport
 * (HTTPS, http→https, IPv6, security headers) and domain rules, the 年度报表 link, one site search as
 * a visitor would make it, and, when asked, an axe audit in Debian chromium. Everything they learn
 * goes into the report's `standards` facts beside the findings.
 */
import type { FindingDraft } from "../core/finding.ts";
import { readDataList } from "../core/dataFiles.ts";
import { accessibilityEntryFindings, axeFindings } from "../checks/accessibility.ts";
import { domainFacts, domainFindings, type DomainFacts } from "../checks/domain.ts";
import { identityFindings } from "../checks/identity.ts";
import type { IdentityReference } from "../checks/identityReference.ts";
import { planSearch, searchFindings } from "../checks/search.ts";
import { annualReportFindings, transportFindings } from "../checks/transport.ts";
import type { CrawlOutcome } from "../crawl/crawler.ts";
import { auditAccessibility, type AxeAudit } from "../fetch/axeAudit.ts";
import { decodeBody } from "../fetch/charset.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import { probeSearch, searchFetcherOf } from "../fetch/searchProbe.ts";
import { probeTransport, type TransportFacts } from "../fetch/transportProbe.ts";
import type { FetchOptions, FetchResult } from "../fetch/types.ts";
import { footerFactsOf, type FooterFacts } from "../parse/footerFacts.ts";
import { parsePage } from "../parse/parsePage.ts";
import type { SiteSettings } from "./siteConfig.ts";

export interface StandardsOptions {
  /** Submit one search through the homepage's search form (default on). */
  searchProbe: boolean;
  /** Audit the homepage with axe-core in Debian chromium (`--a11y`; default off). */
  a11y: boolean;
}

export const defaultStandardsOptions: StandardsOptions = { searchProbe: true, a11y: false };

export interface StandardsFacts {
  /** 标识码 (footer, 找错 entry, meta), filings, 主办/承办/版权, contact, badge and 找错 entry as read. */
  footer: FooterFacts;
  transport: TransportFacts;
  domain: DomainFacts;
  search: {
    plan: string;
    term?: string;
    termSource?: string;
    url?: string;
    status?: number;
    probed: boolean;
  };
  a11yAudit?: { status: AxeAudit["status"]; reason?: string; pagesFailed: { url: string; error: string }[] };
}

let toolbarMarkers: readonly string[] | undefined;

export async function standardsChecks(input: {
  site: string;
  homepageUrl: string;
  outcome: CrawlOutcome;
  fetcher: Fetcher;
  fetch: Pick<FetchOptions, "mappings" | "mappedOnly">;
  settings: SiteSettings;
  asOf: Date;
  options: StandardsOptions;
  identity: IdentityReference;
}): Promise<{ findings: FindingDraft[]; facts: StandardsFacts }> {
  const { site, outcome, fetcher, asOf, options } = input;
  const homepage = outcome.homepage!;
  const home = homepage.page!;
  const finalUrl = homepage.finalUrl;
  const footer = footerFactsOf(home);
  const findings: FindingDraft[] = identityFindings(footer, {
    site,
    url: finalUrl,
    reference: input.identity,
    ...(input.settings.siteIdCode ? { registeredSiteIdCode: input.settings.siteIdCode } : {}),
  });

  const transport = await probeTransport(finalUrl, fetcher);
  const byFamily = transport.byFamily && {
    ipv4: parseResult(transport.byFamily.ipv4),
    ipv6: parseResult(transport.byFamily.ipv6),
  };
  findings.push(
    ...transportFindings({ site, facts: transport.facts, homepageFinalUrl: finalUrl, byFamily, asOf }),
    ...annualReportFindings(site, home, asOf),
  );
  const chains = [homepage.fetch, transport.facts.http, transport.facts.https].filter(
    (chain): chain is Exclude<typeof chain, undefined | { skipped: string }> =>
      chain !== undefined && !("skipped" in chain),
  );
  const domainInput = {
    site,
    homepageUrl: input.homepageUrl,
    chains,
    ...(input.settings.kind ? { kind: input.settings.kind } : {}),
    ...(input.settings.parent ? { parent: input.settings.parent } : {}),
  };
  findings.push(...domainFindings(domainInput));

  const plan = planSearch(home, homepage.decoded?.charset);
  const response =
    plan.kind === "submit" && options.searchProbe
      ? await probeSearch(searchFetcherOf(fetcher), plan.request)
      : undefined;
  findings.push(...searchFindings(home, plan, response, { site }));

  toolbarMarkers ??= readDataList("accessibility/toolbars.txt");
  findings.push(...accessibilityEntryFindings(home, { site, toolbarMarkers }));
  const audit = options.a11y
    ? await auditAccessibility([finalUrl], {
        mappings: input.fetch.mappings,
        mappedOnly: input.fetch.mappedOnly,
      })
    : undefined;
  if (audit) findings.push(...axeFindings(audit, { site }));

  return {
    findings,
    facts: {
      footer,
      transport: transport.facts,
      domain: domainFacts(domainInput),
      search: {
        plan: plan.kind,
        ...(plan.kind === "submit" ? { term: plan.term, termSource: plan.termSource } : {}),
        ...(response ? { url: response.url, status: response.status } : {}),
        probed: response !== undefined,
      },
      ...(audit ? { a11yAudit: auditFacts(audit) } : {}),
    },
  };
}

function parseResult(result: FetchResult) {
  const text = result.body ? decodeBody(result.body, result.headers["content-type"]).text : "";
  return parsePage(text, result.finalUrl);
}

function auditFacts(audit: AxeAudit): NonNullable<StandardsFacts["a11yAudit"]> {
  if (audit.status === "unavailable") return { status: audit.status, reason: audit.reason, pagesFailed: [] };
  return {
    status: audit.status,
    pagesFailed: audit.pages.flatMap((page) =>
      "error" in page ? [{ url: page.url, error: page.error }] : [],
    ),
  };
}
