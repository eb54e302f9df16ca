import assert from "node:assert/strict";
import { test } from "node:test";
import { demoAccounts, demoPassword, seedDemoPlatform } from "../../src/cli/demoPlatform.ts";
import { loadSiteConfig } from "../../src/cli/siteConfigFile.ts";
import { verifyPassword } from "../../src/server/password.ts";
import { listProblems } from "../../src/store/problemRepository.ts";
import { listSites } from "../../src/store/siteRepository.ts";
import { getUserByUsername, listUsers, userForLogin } from "../../src/store/userRepository.ts";
import { demoReport, demoResults } from "../report/fixtures.ts";
import { useStore } from "../store/engines.ts";

const store = useStore("pglite");

test("the demo platform registers its sites and accounts once and records the quarter's inspection once", async () => {
  const { db } = store;
  const siteConfig = await loadSiteConfig("demo/site-config.json");
  const report = demoReport();
  const results = demoResults(report);
  for (const site of report.sites) site.result = results.find((result) => result.site === site.site)!;

  assert.deepEqual(await seedDemoPlatform(db, siteConfig, report), { inspectionRecorded: true });
  const problems = (await listProblems(db)).length;
  // A second demo run on the same data directory adds nothing and keeps what people changed.
  assert.deepEqual(await seedDemoPlatform(db, siteConfig, report), { inspectionRecorded: false });
  assert.equal((await listProblems(db)).length, problems);
  assert.ok(problems > 0);

  const sites = await listSites(db);
  assert.equal(sites.length, 4);
  const jyj = sites.find((site) => site.homepage === "http://jyj.demo-city.gov.cn/")!;
  // The invented province 99 of the demo's 标识码 is accepted through the demo's site configuration.
  assert.equal(jyj.siteIdCode, "9901000025");
  assert.equal(jyj.parentId, sites.find((site) => site.homepage === "http://www.demo-city.gov.cn/")!.id);

  assert.equal((await listUsers(db)).length, demoAccounts.length);
  for (const account of demoAccounts.filter((a) => a.role === "owner")) {
    // An owner's unit is a 主办单位 of the registry, or it would see nothing.
    assert.ok(
      sites.some((site) => site.organizer === account.unit),
      account.username,
    );
  }
  const login = await userForLogin(db, "jianguan");
  assert.ok(login && (await verifyPassword(demoPassword, login.passwordHash)));
  assert.equal((await getUserByUsername(db, "guest"))?.role, "readonly");
});
