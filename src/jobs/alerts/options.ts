export interface AlertOptions {
  smtp?: { host: string; port: number; secure?: boolean; user?: string; pass?: string; from: string };
  /** The platform's address as people open it (e.g. https://zhijian.example.gov.cn), for links in alerts. */
  dashboardUrl?: string;
  /** Per channel and attempt; default 10 s. */
  timeoutMs?: number;
}

export const defaultTimeoutMs = 10_000;
