/**
 * The demo platform (issue 7, item 9): the demo sites registered with their 主办单位, demo accounts
 * for every role, the demo inspection recorded as the quarter's inspection, and `zhijian serve`
 * started on them with the jobs reaching the demo sites through host mapping.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { extendIdentityReference, loadIdentityReference } from "../checks/identityReference.ts";
import type { InspectionReport } from "../report/schema.ts";
import { hashPassword } from "../server/password.ts";
import { hasInspection, recordInspection } from "../store/inspectionRepository.ts";
import type { Db } from "../store/open.ts";
import { readRegistryFile } from "../store/registryFile.ts";
import { importSites } from "../store/siteRepository.ts";
import { createUser, getUserByUsername, type UserRole } from "../store/userRepository.ts";
import type { SiteConfig } from "../inspect/siteConfig.ts";

/** The quarter the demo's time point falls in; the demo inspection is recorded under it. */
export const demoPeriod = "2026年第四季度";

/** One password for every demo account: the demo runs on loopback with invented data only. */
export const demoPassword = "zhijian-demo";

export interface DemoAccount {
  username: string;
  displayName: string;
  role: UserRole;
  unit: string | null;
}

/** Owners' units are the 主办单位 of demo/registry.csv, which is what scopes what they see. */
export const demoAccounts: readonly DemoAccount[] = [
  { username: "admin", displayName: "系统管理员", role: "admin", unit: null },
  { username: "jianguan", displayName: "示范市政务公开办（监管）", role: "inspector", unit: null },
  {
    username: "shizhengfu",
    displayName: "示范市人民政府办公室",
    role: "owner",
    unit: "示范市人民政府办公室",
  },
  {
    username: "fagaiwei",
    displayName: "示范市发展和改革委员会",
    role: "owner",
    unit: "示范市发展和改革委员会",
  },
  { username: "jiaoyuju", displayName: "示范市教育局", role: "owner", unit: "示范市教育局" },
  {
    username: "xianzhengfu",
    displayName: "演示县人民政府办公室",
    role: "owner",
    unit: "演示县人民政府办公室",
  },
  { username: "guest", displayName: "只读用户", role: "readonly", unit: null },
];

const registryFile = fileURLToPath(new URL("../../demo/registry.csv", import.meta.url));

/**
 * Registers the demo sites and accounts (both idempotent, so the demo can run again on the same data
 * directory) and records the demo inspection once per data directory.
 */
export async function seedDemoPlatform(
  db: Db,
  siteConfig: SiteConfig,
  report?: InspectionReport,
): Promise<{ inspectionRecorded: boolean }> {
  const registry = await readRegistryFile(await readFile(registryFile), "registry.csv");
  // The demo's 标识码 use its invented province 99 (演), known only from its site configuration.
  const reference = extendIdentityReference(loadIdentityReference(), siteConfig.identity ?? {});
  const imported = await importSites(db, registry.rows, { reference });
  if (imported.errors.length > 0)
    throw new Error(
      `示例网站登记失败：${imported.errors.map((e) => `第 ${e.row} 行 ${e.message}`).join("；")}`,
    );
  const passwordHash = await hashPassword(demoPassword);
  for (const account of demoAccounts) {
    if ((await getUserByUsername(db, account.username)) === undefined)
      await createUser(db, { ...account, passwordHash }, "demo");
  }
  if (report === undefined || (await hasInspection(db, demoPeriod, "定期")))
    return { inspectionRecorded: false };
  await recordInspection(db, report, demoPeriod, { kind: "定期" });
  return { inspectionRecorded: true };
}

/** The sign-in table the demo prints. */
export function demoAccountsText(url: string): string {
  const rows = demoAccounts.map(
    (a) => `  ${a.username.padEnd(12)} ${roleLabels[a.role]}${a.unit ? `（${a.unit}）` : ""}`,
  );
  return [
    `智检平台：${url}/    （公众找错页面：${url}/report）`,
    `演示账号（密码均为 ${demoPassword}）：`,
    ...rows,
  ].join("\n");
}

const roleLabels: Record<UserRole, string> = {
  admin: "管理员",
  inspector: "监管单位",
  owner: "主办单位",
  readonly: "只读",
};
