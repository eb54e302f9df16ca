import { hostOf } from "./normalize.ts";

/** Which URLs belong to the inspected site: its own host plus hosts the user names. */
export interface Scope {
  hosts: ReadonlySet<string>;
  contains(url: string): boolean;
}

export function createScope(homepage: string, extraHosts: readonly string[] = []): Scope {
  const hosts = new Set([hostOf(homepage), ...extraHosts.map((host) => host.toLowerCase())].filter(Boolean));
  return { hosts, contains: (url) => hosts.has(hostOf(url)) };
}
