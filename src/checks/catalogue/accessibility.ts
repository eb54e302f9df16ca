import type { CheckDefinition } from "../catalogue.ts";

/** Checks of the area 无障碍与适老化. */
export const accessibilityChecks: readonly CheckDefinition[] = [];
