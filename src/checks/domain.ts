import { isIP } from "node:net";
import type { FindingDraft } from "../core/finding.ts";
import type { RedirectHop } from "../fetch/types.ts";
import { checkDefinition } from "./catalogue.ts";

/**
 * Domain rules of 47号 (INDICATORS.md §5.2): .gov.cn or a .政务 中文域名; a portal uses
 * www.□□□.gov.cn; a department site uses a subdomain of its parent portal's domain
 * (slj.bd.gov.cn under www.bd.gov.cn); the homepage stays on government domains; one domain per site.
 */

export type SiteKind = "portal" | "department";

/** A homepage request and where it was sent: the crawl's, and the transport probe's http and https ones. */
export interface RedirectChain {
  url: string;
  finalUrl: string;
  redirects: readonly RedirectHop[];
}

export interface DomainInput {
  site: string;
  homepageUrl: string;
  chains: readonly RedirectChain[];
  /** From the site registry or site config; unknown: the kind-specific rule is skipped. */
  kind?: SiteKind;
  /** The parent portal's host, for a department site. */
  parent?: string;
}

export interface DomainFacts {
  /** The host the rules were applied to: the homepage's final host when on a government domain. */
  host: string;
  governmentSuffix: boolean;
  kind: SiteKind | null;
  /** The portal or department structure rule; `reason` says why it was skipped. */
  structure: { verdict: "ok" | "violated" | "skipped"; expected?: string; reason?: string };
  /** Every host the homepage requests passed through. */
  hosts: string[];
  /** The distinct registered domains among them (bd.gov.cn, 保定.政务 in punycode…). */
  domains: string[];
  /** Hosts the requests were sent to that are not government domains. */
  outsideGovernment: string[];
}

/** Punycode of .政务, as URLs spell the Chinese government TLD. */
const chineseGovernmentTld = "xn--zfr164b";

export function isGovernmentDomain(host: string): boolean {
  const name = host.toLowerCase();
  return name.endsWith(".gov.cn") || name === "gov.cn" || name.endsWith(`.${chineseGovernmentTld}`);
}

/**
 * The registered domain: x.gov.cn for any host under it (www.gov.cn is the central portal's own),
 * 名称.政务, and the last two labels elsewhere (close enough to tell a second domain apart).
 */
function registeredDomain(host: string): string {
  if (isIP(host) !== 0) return host;
  return host
    .split(".")
    .slice(host.endsWith(".gov.cn") ? -3 : -2)
    .join(".");
}

export function domainFacts(input: DomainInput): DomainFacts {
  const asked = hostOf(input.homepageUrl) ?? input.homepageUrl;
  // The hosts each request was redirected to (the final URL is the last of them).
  const targetsOf = (chain: RedirectChain): string[] =>
    chain.redirects.flatMap((hop) => hostOf(hop.location, hop.url) ?? []);
  const final = (input.chains[0] && targetsOf(input.chains[0]).at(-1)) ?? asked;
  const host = isGovernmentDomain(final) ? final : asked;
  const targets = input.chains.flatMap(targetsOf);
  const hosts = [...new Set([asked, ...input.chains.map((chain) => hostOf(chain.url) ?? asked), ...targets])];
  return {
    host,
    governmentSuffix: isGovernmentDomain(host),
    kind: input.kind ?? null,
    structure: structureRule(host, input.kind, input.parent),
    hosts,
    domains: [...new Set(hosts.map(registeredDomain))],
    outsideGovernment: [...new Set(targets.filter((name) => !isGovernmentDomain(name)))],
  };
}

function hostOf(url: string, base?: string): string | null {
  try {
    return new URL(url, base).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function structureRule(
  host: string,
  kind: SiteKind | undefined,
  parent: string | undefined,
): DomainFacts["structure"] {
  if (kind === undefined)
    return { verdict: "skipped", reason: "未配置站点类型（kind：portal 或 department）" };
  if (!host.endsWith(".gov.cn")) {
    return { verdict: "skipped", reason: "仅对 .gov.cn 英文域名检查门户、部门域名结构" };
  }
  if (kind === "portal") {
    const ok = host === "www.gov.cn" || /^www\.[a-z0-9-]+\.gov\.cn$/.test(host);
    return { verdict: ok ? "ok" : "violated", expected: "www.□□□.gov.cn" };
  }
  if (parent === undefined) return { verdict: "skipped", reason: "部门网站未配置上级门户（parent）" };
  const parentDomain = parent.toLowerCase().replace(/^www\./, "");
  const ok = host.endsWith(`.${parentDomain}`) && host !== parent.toLowerCase();
  return { verdict: ok ? "ok" : "violated", expected: `○○○.${parentDomain}` };
}

export function domainFindings(input: DomainInput): FindingDraft[] {
  const facts = domainFacts(input);
  const findings: FindingDraft[] = [];
  const push = (
    check: string,
    message: string,
    evidence: Record<string, unknown>,
    severity: "warn" | "info",
  ) =>
    findings.push({
      check,
      indicator: checkDefinition(check).indicator,
      site: input.site,
      url: input.homepageUrl,
      locator: "domain",
      message,
      evidence,
      severity,
      confidence: "confirmed",
    });
  const kindLabel = facts.kind === "portal" ? "政府门户网站" : "部门网站";
  if (!facts.governmentSuffix) {
    push(
      "standards.domain",
      `网站域名 ${facts.host} 不是以 .gov.cn 为后缀的英文域名，也不是 .政务 中文域名`,
      { ...facts },
      "warn",
    );
  } else if (facts.structure.verdict === "violated") {
    push(
      "standards.domain",
      `${kindLabel}域名 ${facts.host} 不符合“${facts.structure.expected}”结构`,
      { ...facts, parent: input.parent ?? null },
      "warn",
    );
  }
  if (facts.outsideGovernment.length > 0 && facts.governmentSuffix) {
    push(
      "standards.domain-offsite-redirect",
      `首页访问过程中跳转到非政府网站域名：${facts.outsideGovernment.join("、")}`,
      { outsideGovernment: facts.outsideGovernment, chains: input.chains },
      "warn",
    );
  }
  if (facts.domains.length > 1) {
    push(
      "standards.domain-multiple",
      `网站以多个域名提供访问：${facts.domains.join("、")}（政府网站不宜注册多个域名）`,
      { domains: facts.domains, hosts: facts.hosts },
      "info",
    );
  }
  return findings;
}
