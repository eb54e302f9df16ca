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
