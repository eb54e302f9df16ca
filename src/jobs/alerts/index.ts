/** Alerts (issue 7, item 8): vetoes and severe problems as they are found, and a daily digest. */
export { alertInspection, severeChecks } from "./inspectionAlerts.ts";
export { sendDailyDigest } from "./dailyDigest.ts";
export { sendTestAlert, type SendCounts } from "./dispatch.ts";
export type { AlertOptions } from "./options.ts";
