import type { CheckDefinition } from "../catalogue.ts";

/** Checks of the area 域名与传输（gov.cn 域名、HTTPS、IPv6、混合内容、安全响应头、年度报表）. */
export const transportChecks: readonly CheckDefinition[] = [];
