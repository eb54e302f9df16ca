import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import { UsageError } from "../core/errors.ts";
import type { HostMapping } from "./types.ts";

/** Where a connection for host:port actually goes. */
export interface ConnectTarget {
  /** Host name or IP literal to connect to; IPv6 without brackets (what net.connect wants). */
  address: string;
  port: number;
}

const RESOLVE_EXAMPLE =
  "主机:端口:地址，例如 www.example.gov.cn:443:127.0.0.1 或 www.example.gov.cn:80:[::1]";
const CONNECT_TO_EXAMPLE =
  "主机:端口:目标主机:目标端口，例如 www.example.gov.cn:443:127.0.0.1:8443（主机或端口留空表示任意）";

/**
 * --resolve [+]HOST:PORT:ADDR[,ADDR…] as in curl. "*" as HOST matches any host. Only the first
 * address of a list is used: one connection target per name is all a crawl needs.
 */
export function parseResolve(spec: string): HostMapping {
  const fail = (why: string): never => {
    throw new UsageError(`--resolve 参数无效：${spec}（${why}；格式应为 ${RESOLVE_EXAMPLE}）`);
  };
  let rest = spec.trim();
  if (rest.startsWith("-")) fail("不支持以 - 开头的删除写法");
  if (rest.startsWith("+")) rest = rest.slice(1);

  const hostField = takeField(rest);
  if (!hostField) return fail("缺少端口和地址");
  const portField = takeField(hostField.rest);
  if (!portField) return fail("缺少地址");

  const host = hostField.value === "*" ? "" : asciiHost(hostField.value);
  if (host === "" && hostField.value !== "*") fail("主机不能为空（任意主机请写 *）");
  if (host !== "" && !isHostName(host)) fail(`主机名不合法：${hostField.value}`);

  const port = parsePort(portField.value);
  if (port === null) fail(`端口应为 1–65535 的整数：${portField.value || "（空）"}`);

  const firstAddress = portField.rest.split(",")[0] ?? "";
  const address = stripBrackets(firstAddress.trim());
  if (isIP(address) === 0)
    fail(`地址应为 IPv4 或 IPv6 地址（IPv6 可写在方括号中）：${firstAddress || "（空）"}`);

  return { host, port, address, toPort: null, spec, kind: "resolve" };
}

/**
 * --connect-to HOST1:PORT1:HOST2:PORT2 as in curl: an empty HOST1 or PORT1 matches any; an empty
 * HOST2 or PORT2 keeps the requested one. IPv6 literals must be bracketed, since ":" separates fields.
 */
export function parseConnectTo(spec: string): HostMapping {
  const fail = (why: string): never => {
    throw new UsageError(`--connect-to 参数无效：${spec}（${why}；格式应为 ${CONNECT_TO_EXAMPLE}）`);
  };
  const fields = splitFields(spec.trim());
  if (fields === null) return fail("方括号不匹配");
  if (fields.length !== 4) return fail(`应有 4 个以冒号分隔的部分，实际为 ${fields.length} 个`);
  const [fromHostText, fromPortText, toHostText, toPortText] = fields as [string, string, string, string];

  const host = asciiHost(fromHostText);
  if (host !== "" && !isHostName(host)) fail(`主机名不合法：${fromHostText}`);

  const port = fromPortText === "" ? null : parsePort(fromPortText);
  if (fromPortText !== "" && port === null) fail(`端口应为 1–65535 的整数：${fromPortText}`);

  const address = asciiHost(toHostText);
  if (address !== "" && !isHostName(address)) fail(`目标主机不合法：${toHostText}`);

  const toPort = toPortText === "" ? null : parsePort(toPortText);
  if (toPortText !== "" && toPort === null) fail(`目标端口应为 1–65535 的整数：${toPortText}`);

  return { host, port, address, toPort, spec, kind: "connect-to" };
}

/**
 * The mapped target for host:port, or null when no mapping matches. --resolve entries are
 * consulted before --connect-to ones (curl applies --resolve at name resolution, which comes
 * first); within a kind the first match wins.
 */
export function mapTarget(
  mappings: readonly HostMapping[],
  host: string,
  port: number,
): ConnectTarget | null {
  // As in curl: --connect-to picks where to connect, then --resolve gives that name its address.
  const matches = (m: HostMapping, name: string, at: number) =>
    (m.host === "" || normaliseHost(m.host) === name) && (m.port === null || m.port === at);
  const wanted = normaliseHost(host);
  const connectTo = mappings.find((m) => m.kind !== "resolve" && matches(m, wanted, port));
  const targetHost = connectTo ? stripBrackets(connectTo.address) || wanted : wanted;
  const targetPort = connectTo?.toPort ?? port;
  const resolve = mappings.find(
    (m) => m.kind === "resolve" && matches(m, targetHost.toLowerCase(), targetPort),
  );
  if (resolve) return { address: stripBrackets(resolve.address), port: targetPort };
  return connectTo ? { address: targetHost, port: targetPort } : null;
}

/** Why a host may not be connected to: it would need a DNS lookup that is not allowed. */
export type RouteRefusal = { code: "ENOTFOUND"; message: string };

/**
 * Applies the mapping plus the two rules that keep traffic off DNS: names under .invalid
 * (RFC 6761) never resolve, and with mappedOnly an unmapped name is not looked up at all.
 */
export function routeHost(
  mappings: readonly HostMapping[],
  mappedOnly: boolean,
  host: string,
  port: number,
): ConnectTarget | RouteRefusal {
  const mapped = mapTarget(mappings, host, port);
  if (mapped) return mapped;
  const name = normaliseHost(host);
  if (name === "invalid" || name.endsWith(".invalid")) {
    return { code: "ENOTFOUND", message: `${name}：.invalid 域名按 RFC 6761 不可解析` };
  }
  if (mappedOnly && !isLoopbackLiteral(name)) {
    return { code: "ENOTFOUND", message: `${name}：未配置主机映射，且已禁止 DNS 查询（mappedOnly）` };
  }
  return { address: name, port };
}

export function isRouteRefusal(route: ConnectTarget | RouteRefusal): route is RouteRefusal {
  return "code" in route;
}

/** Lower-case, no IPv6 brackets, no trailing root dot: the form hosts are compared in. */
export function normaliseHost(host: string): string {
  return stripBrackets(host.trim().toLowerCase()).replace(/\.$/, "");
}

export function isLoopbackLiteral(host: string): boolean {
  const name = normaliseHost(host);
  if (isIP(name) === 4) return name.startsWith("127.");
  return name === "::1" || name === "0:0:0:0:0:0:0:1";
}

/**
 * The host as URLs spell it: Chinese domain names (政府.cn, .政务) become punycode, so a mapping
 * written in Chinese matches the URL's hostname. Invalid names are returned unchanged and fail
 * the later syntax check.
 */
function asciiHost(text: string): string {
  const host = normaliseHost(text);
  if (host === "" || isIP(host) !== 0 || /^[\x00-\x7f]*$/.test(host)) return host;
  return domainToASCII(host) || host;
}

function stripBrackets(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}

function isHostName(host: string): boolean {
  return (
    isIP(host) !== 0 || /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/.test(host)
  );
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/** The next ":"-terminated field, where a field starting with "[" runs to its "]". */
function takeField(text: string): { value: string; rest: string } | null {
  let end = 0;
  if (text.startsWith("[")) {
    end = text.indexOf("]");
    if (end < 0) return null;
    end += 1;
    if (text[end] !== ":") return null;
  } else {
    end = text.indexOf(":");
    if (end < 0) return null;
  }
  return { value: text.slice(0, end), rest: text.slice(end + 1) };
}

function splitFields(text: string): string[] | null {
  const fields: string[] = [];
  let rest = text;
  for (;;) {
    const field = takeField(rest);
    if (!field) break;
    fields.push(field.value);
    rest = field.rest;
  }
  if (rest.startsWith("[") && !rest.endsWith("]")) return null;
  fields.push(rest);
  return fields;
}
