import type { CheckDefinition } from "../catalogue.ts";

/** Checks of the area 办事服务（办事指南要素、附件）与政策解读. */
export const servicesChecks: readonly CheckDefinition[] = [];
