/**
 * Checks a URL the public submitted (我为政府网站找错) before the server would ever fetch it
 * (DESIGN.md, "Politeness and safety"): a fetch from inside the network to a loopback, private,
 * link-local (cloud metadata at 169.254.169.254) or otherwise internal address would let anyone on the
 * internet probe or reach machines behind the firewall.
 *
 * IPv4 spellings in decimal, octal or hex (http://2130706433/, http://0x7f.1/) are normalised by the
 * WHATWG URL parser, so only the canonical dotted form is judged. IPv6 is allowed only inside global
 * unicast (2000::/3) minus its special blocks; IPv6 forms that carry an IPv4 address (mapped,
 * translated, compatible, NAT64, 6to4) are judged by that address.
 *
 * A caller that fetches must connect to the addresses checked here (or check again at connect time):
 * a name can resolve differently a moment later (DNS rebinding).
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export type HostLookup = (host: string) => Promise<string[]>;

const internalV4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
] as const)
  internalV4.addSubnet(network, prefix, "ipv4");

const specialGlobalV6 = new BlockList();
for (const [network, prefix] of [
  ["2001::", 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation
] as const)
  specialGlobalV6.addSubnet(network, prefix, "ipv6");

/** Why a URL may not be fetched: malformed, internal (or resolving there), or its name does not resolve. */
export interface UrlRefusal {
  kind: "malformed" | "internal" | "unresolved";
  /** In Chinese, for the person who submitted it. */
  reason: string;
}

/** Null when the URL may be fetched; otherwise why not, in Chinese. */
export async function checkPublicUrl(url: string, lookup: HostLookup = lookupAll): Promise<string | null> {
  return (await refusePublicUrl(url, lookup))?.reason ?? null;
}

/**
 * Null when the URL may be fetched. A 找错 report keeps a URL whose name does not resolve (the page
 * being unreachable may be the very error reported) since nothing fetches it then; the other refusals
 * it does not keep.
 */
export async function refusePublicUrl(
  url: string,
  lookup: HostLookup = lookupAll,
): Promise<UrlRefusal | null> {
  const malformed = (reason: string): UrlRefusal => ({ kind: "malformed", reason });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return malformed("网址格式不正确");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return malformed("只接受 http 或 https 网址");
  if (parsed.username !== "" || parsed.password !== "") return malformed("网址不能包含用户名或密码");
  const host = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname;
  if (host === "") return malformed("网址缺少主机名");
  if (isIP(host) !== 0)
    return isInternalAddress(host)
      ? { kind: "internal", reason: `网址指向内部网络地址（${host}），不予访问` }
      : null;
  const unresolved: UrlRefusal = { kind: "unresolved", reason: `网址的域名无法解析：${host}` };
  let addresses: string[];
  try {
    addresses = await lookup(host);
  } catch {
    return unresolved;
  }
  if (addresses.length === 0) return unresolved;
  const internal = addresses.find(isInternalAddress);
  return internal === undefined
    ? null
    : { kind: "internal", reason: `网址的域名 ${host} 解析到内部网络地址（${internal}），不予访问` };
}

async function lookupAll(host: string): Promise<string[]> {
  return (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}

/** True for any address a public URL must not reach; anything unparsable counts as internal. */
export function isInternalAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return internalV4.check(address, "ipv4");
  if (version !== 6) return true;
  const groups = ipv6Groups(address);
  if (groups === undefined) return true;
  const embedded = embeddedIpv4(groups);
  if (embedded !== undefined) return isInternalAddress(embedded);
  // 64:ff9b:1::/48, local-use NAT64: translates to whatever the local network chooses.
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups[2] === 1) return true;
  const globalUnicast = (groups[0]! & 0xe000) === 0x2000;
  return !globalUnicast || specialGlobalV6.check(address, "ipv6");
}

/** The IPv4 address an IPv6 address stands for, for the forms that carry one. */
function embeddedIpv4(g: number[]): string | undefined {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const last32 = () => v4(g[6]!, g[7]!);
  if (zeros(0, 5) && g[5] === 0xffff) return last32(); // ::ffff:a.b.c.d, mapped
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return last32(); // ::ffff:0:a.b.c.d, translated
  if (zeros(0, 6) && (g[6] !== 0 || g[7]! > 1)) return last32(); // ::a.b.c.d, compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return last32(); // 64:ff9b::/96, NAT64
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!); // 2002::/16, 6to4
  return undefined;
}

function v4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The eight 16-bit groups of an IPv6 address (zone stripped, a dotted IPv4 tail converted). */
export function ipv6Groups(address: string): number[] | undefined {
  let text = address.split("%")[0]!.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted !== null) {
    const parts = dotted[1]!.split(".").map(Number);
    if (parts.some((part) => part > 255)) return undefined;
    const [a, b, c, d] = parts as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] === "" ? [] : halves[0]!.split(":");
  const tail = halves.length === 2 && halves[1] !== "" ? halves[1]!.split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => parseInt(group, 16));
}
