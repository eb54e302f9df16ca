import type { CheckDefinition } from "../catalogue.ts";

/** Checks of the area 互动交流（咨询渠道、留言答复时限）. */
export const interactionChecks: readonly CheckDefinition[] = [];
