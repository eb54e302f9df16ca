import type { CheckDefinition } from "../catalogue.ts";

/** Checks of the area 网站标识与页面规范（标识码、备案、党政机关标识、找错入口、网页标签）. */
export const identityChecks: readonly CheckDefinition[] = [];
