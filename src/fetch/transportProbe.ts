import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { Fetcher } from "./fetcher.ts";
import { isRouteRefusal, normaliseHost, routeHost } from "./hostMapping.ts";
import { errorCode, type NetError } from "./netErrors.ts";
import type { FetchResult, HostMapping, RedirectHop, TlsFacts } from "./types.ts";

/**
 * Transport facts of a site's homepage for the standards checks (INDICATORS.md §5.6): HTTPS and its
 * certificate, the http:// → https:// redirect, IPv6 (AAAA, reachability, same content) and the
 * security headers. A handful of requests per site. Never throws: every failure is a recorded fact.
 */

/** A part of the probe that could not be run here, with the reason in Chinese. */
export interface Skipped {
  skipped: string;
}

export interface ResponseFacts {
  url: string;
  finalUrl: string;
  /** 0 when no response arrived. */
  status: number;
  redirects: RedirectHop[];
  error: NetError | null;
}

export interface HttpsFacts extends ResponseFacts {
  /** The final https hop's handshake; null when none completed. */
  tls: TlsFacts | null;
}

export interface Ipv6Facts {
  /** Where the addresses came from: host mapping, DNS, the URL's own IP literal, or nowhere. */
  source: "mapping" | "dns" | "literal" | "skipped";
  /** Why the addresses could not be learnt (mappedOnly, proxy, a DNS failure other than "no records"). */
  skipped?: string;
  ipv4: string[];
  /** The AAAA addresses. */
  ipv6: string[];
  /** The homepage fetched over the first address of each family; both null without an AAAA address. */
  overIpv4: ResponseFacts | null;
  overIpv6: ResponseFacts | null;
}

export const securityHeaderNames = [
  "strict-transport-security",
  "content-security-policy",
  "x-frame-options",
  "x-content-type-options",
  "referrer-policy",
] as const;
export type SecurityHeaderName = (typeof securityHeaderNames)[number];

export interface SecurityHeaderFacts {
  /** The response the headers were read from: the final response for the homepage URL. */
  url: string;
  headers: Record<SecurityHeaderName, string | null>;
}

/** JSON-serialisable: the report keeps it with the site facts. */
export interface TransportFacts {
  homepage: string;
  host: string;
  https: HttpsFacts | Skipped;
  /** The homepage asked for over http://, to see whether it is sent on to https://. */
  http: ResponseFacts | Skipped;
  ipv6: Ipv6Facts;
  securityHeaders: SecurityHeaderFacts | Skipped;
}

export interface TransportProbe {
  facts: TransportFacts;
  /**
   * The homepage as fetched over IPv4 and over IPv6 (bodies included), for the content comparison
   * after parsing; null unless both families answered. Not for the report.
   */
  byFamily: { ipv4: FetchResult; ipv6: FetchResult } | null;
}

export function isSkipped<T extends object>(part: T | Skipped): part is Skipped {
  return "skipped" in part;
}

/**
 * Probes `homepageUrl` (pass the crawled homepage's final URL) through the fetcher's options: the
 * same host mapping, proxy, timeouts and extra CAs. The fetcher's own pool serves the http and https
 * requests; the per-family requests use short-lived fetchers pinned to one address each.
 */
export async function probeTransport(homepageUrl: string, fetcher: Fetcher): Promise<TransportProbe> {
  let home: URL;
  try {
    home = new URL(homepageUrl);
  } catch {
    const skipped = { skipped: `无法解析的网址：${homepageUrl}` };
    const ipv6: Ipv6Facts = {
      source: "skipped",
      ...skipped,
      ipv4: [],
      ipv6: [],
      overIpv4: null,
      overIpv6: null,
    };
    return {
      facts: {
        homepage: homepageUrl,
        host: "",
        https: skipped,
        http: skipped,
        ipv6,
        securityHeaders: skipped,
      },
      byFamily: null,
    };
  }
  const host = normaliseHost(home.hostname);
  const httpsUrl = withScheme(home, "https:");
  const httpUrl = withScheme(home, "http:");
  // Two requests at a time, as the politeness default allows: the pinned fetchers have their own
  // politeness queues, so they only start once the shared fetcher's requests are done.
  const [https, http] = await Promise.all([
    fetchUnlessUnrouted(fetcher, httpsUrl),
    fetchUnlessUnrouted(fetcher, httpUrl),
  ]);
  const family = await probeFamilies(home, host, fetcher);
  const asked = home.protocol === "https:" ? https : http;
  return {
    facts: {
      homepage: home.href,
      host,
      https: isSkipped(https) ? https : { ...responseFacts(https), tls: https.tls ?? null },
      http: isSkipped(http) ? http : responseFacts(http),
      ipv6: family.facts,
      securityHeaders: isSkipped(asked)
        ? asked
        : asked.error
          ? { skipped: `首页未返回响应：${asked.error.message}` }
          : { url: asked.finalUrl, headers: securityHeadersOf(asked.headers) },
    },
    byFamily: family.byFamily,
  };
}

/** The URL with another scheme, on that scheme's default port unless it already had the scheme. */
function withScheme(url: URL, scheme: "http:" | "https:"): string {
  if (url.protocol === scheme) return url.href;
  const other = new URL(url.href);
  other.protocol = scheme;
  other.port = "";
  return other.href;
}

/**
 * With mappedOnly, an unmapped port (e.g. only :80 mapped in the demo) would fail as "unknown host";
 * that is the inspector's configuration, not the site's fault, so it is recorded as not probed.
 */
async function fetchUnlessUnrouted(fetcher: Fetcher, url: string): Promise<FetchResult | Skipped> {
  const target = new URL(url);
  const port = Number(target.port || (target.protocol === "https:" ? 443 : 80));
  const route = routeHost(fetcher.options.mappings, fetcher.options.mappedOnly, target.hostname, port);
  if (isRouteRefusal(route) && fetcher.options.mappedOnly) return { skipped: `未探测（${route.message}）` };
  return fetcher.fetch(url, { noRetry: true });
}

function responseFacts(result: FetchResult): ResponseFacts {
  return {
    url: result.url,
    finalUrl: result.finalUrl,
    status: result.status,
    redirects: result.redirects,
    error: result.error ?? null,
  };
}

function securityHeadersOf(headers: Record<string, string>): SecurityHeaderFacts["headers"] {
  return Object.fromEntries(securityHeaderNames.map((name) => [name, headers[name] ?? null])) as Record<
    SecurityHeaderName,
    string | null
  >;
}

interface FamilyProbe {
  facts: Ipv6Facts;
  byFamily: TransportProbe["byFamily"];
}

/** The homepage's port's addresses, each family fetched over its first address. */
async function probeFamilies(home: URL, host: string, fetcher: Fetcher): Promise<FamilyProbe> {
  const port = Number(home.port || (home.protocol === "https:" ? 443 : 80));
  const found = await addressesOf(host, port, fetcher);
  if ("skipped" in found) {
    return {
      facts: {
        source: "skipped",
        skipped: found.skipped,
        ipv4: [],
        ipv6: [],
        overIpv4: null,
        overIpv6: null,
      },
      byFamily: null,
    };
  }
  const over = (address: string | undefined): Promise<FetchResult | null> =>
    address === undefined
      ? Promise.resolve(null)
      : fetchPinned(fetcher, home.href, pinnedMappings(fetcher.options.mappings, host, port, address, found));
  // Without an AAAA address there is nothing to compare the IPv4 homepage with: no requests.
  const [ipv4, ipv6] =
    found.ipv6.length === 0 ? [null, null] : await Promise.all([over(found.ipv4[0]), over(found.ipv6[0])]);
  const answered = (result: FetchResult | null): result is FetchResult =>
    result !== null && !result.error && result.status >= 200 && result.status < 300;
  return {
    facts: {
      source: found.source,
      ipv4: found.ipv4,
      ipv6: found.ipv6,
      overIpv4: ipv4 && responseFacts(ipv4),
      overIpv6: ipv6 && responseFacts(ipv6),
    },
    byFamily: answered(ipv4) && answered(ipv6) ? { ipv4, ipv6 } : null,
  };
}

interface Addresses {
  source: "mapping" | "dns" | "literal";
  ipv4: string[];
  ipv6: string[];
  /** The mappings the addresses came from, by address (their target port must be kept). */
  mappings: Map<string, HostMapping>;
}

/**
 * A mapping stands for DNS (curl's --resolve), so the IP literals it maps the host to are the host's
 * A and AAAA records; only without any mapping is DNS asked, and never under mappedOnly or a proxy.
 */
async function addressesOf(host: string, port: number, fetcher: Fetcher): Promise<Addresses | Skipped> {
  if (isIP(host) !== 0) {
    return {
      source: "literal",
      ipv4: isIP(host) === 4 ? [host] : [],
      ipv6: isIP(host) === 6 ? [host] : [],
      mappings: new Map(),
    };
  }
  const { mappings, mappedOnly, proxy } = fetcher.options;
  const matching = mappings.filter((m) => mappingMatches(m, host, port));
  if (matching.length > 0) {
    const literals = matching.filter((m) => isIP(normaliseHost(m.address)) !== 0);
    if (literals.length === 0) return { skipped: "主机映射的目标不是 IP 地址，无法判断 IPv4/IPv6" };
    const byAddress = new Map(literals.map((m) => [normaliseHost(m.address), m]));
    const addresses = [...byAddress.keys()];
    return {
      source: "mapping",
      ipv4: addresses.filter((a) => isIP(a) === 4),
      ipv6: addresses.filter((a) => isIP(a) === 6),
      mappings: byAddress,
    };
  }
  if (mappedOnly) return { skipped: "未配置主机映射，且已禁止 DNS 查询（mappedOnly）" };
  if (proxy) return { skipped: "经代理访问时由代理解析域名，无法分别经 IPv4/IPv6 访问" };
  const [ipv4, ipv6] = await Promise.all([
    lookup(() => dns.resolve4(host)),
    lookup(() => dns.resolve6(host)),
  ]);
  const failed = [ipv4, ipv6].find((result): result is Skipped => "skipped" in result);
  if (failed) return failed;
  return { source: "dns", ipv4: ipv4 as string[], ipv6: ipv6 as string[], mappings: new Map() };
}

/** "No such records" is an answer (an empty list); any other DNS failure leaves the question open. */
async function lookup(resolve: () => Promise<string[]>): Promise<string[] | Skipped> {
  try {
    return await resolve();
  } catch (err) {
    const code = errorCode(err);
    if (code === "ENODATA" || code === "ENOTFOUND") return [];
    return { skipped: `DNS 查询失败：${code ?? String(err)}` };
  }
}

function mappingMatches(mapping: HostMapping, host: string, port: number): boolean {
  return (
    (mapping.host === "" || normaliseHost(mapping.host) === host) &&
    (mapping.port === null || mapping.port === port)
  );
}

/** The mappings with every other route for host:port removed, so the request must use `address`. */
function pinnedMappings(
  mappings: readonly HostMapping[],
  host: string,
  port: number,
  address: string,
  found: Addresses,
): HostMapping[] {
  const pin: HostMapping = found.mappings.get(address) ?? {
    host,
    port,
    address,
    toPort: null,
    spec: `${host}:${port}:${address}`,
    kind: "resolve",
  };
  return [pin, ...mappings.filter((m) => !mappingMatches(m, host, port))];
}

async function fetchPinned(fetcher: Fetcher, url: string, mappings: HostMapping[]): Promise<FetchResult> {
  const pinned = new Fetcher({ ...fetcher.options, mappings });
  try {
    return await pinned.fetch(url, { noRetry: true });
  } finally {
    await pinned.close();
  }
}
