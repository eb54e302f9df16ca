/** Host-name rules shared by the checks. */
export function isGovernmentHost(host: string): boolean {
  const lower = host.toLowerCase();
  return lower === "gov.cn" || lower.endsWith(".gov.cn");
}

/** true when host equals one of the listed hosts or is a subdomain of one. */
export function matchesHostList(host: string, list: ReadonlySet<string>): boolean {
  let candidate = host.toLowerCase();
  for (;;) {
    if (list.has(candidate)) return true;
    const dot = candidate.indexOf(".");
    if (dot < 0) return false;
    candidate = candidate.slice(dot + 1);
  }
}

/** The hosts a page may point to without suspicion: the site's own, government, or listed ones. */
export interface HostContext {
  site: string;
  /** Hosts of the inspected site. */
  scopeHosts: ReadonlySet<string>;
  /** Non-government hosts that are not spam (official media, the 党政机关 badge, common services). */
  trustedHosts: ReadonlySet<string>;
}

export function isOutsideGovernment(host: string, context: Omit<HostContext, "site">): boolean {
  return !(
    context.scopeHosts.has(host) ||
    isGovernmentHost(host) ||
    matchesHostList(host, context.trustedHosts)
  );
}
