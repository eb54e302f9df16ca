import type { CheckDefinition } from "../catalogue.ts";

/** Checks of the area 站内搜索. */
export const searchChecks: readonly CheckDefinition[] = [];
