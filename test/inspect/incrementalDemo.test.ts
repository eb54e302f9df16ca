/**
 * Incremental crawls give the findings a full crawl gives: the demo sites inspected with the memory
 * of a previous crawl (text findings per page, healthy link checks) and without it produce the same
 * fingerprints, while the second crawl requests fewer link targets.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startDemoServer, type DemoServer } from "../../demo/server.ts";
import { demoSites } from "../../demo/sites.ts";
import { inspect, type InspectCache, type InspectOptions } from "../../src/inspect/inspect.ts";
import type { SiteMemory } from "../../src/inspect/inspectSite.ts";
import type { InspectionReport } from "../../src/report/schema.ts";
import { demoInspectOptions, testSlowMs } from "../helpers/demoInspection.ts";

let demo: DemoServer;
let options: InspectOptions;

before(async () => {
  demo = await startDemoServer({ slowMs: testSlowMs });
  options = { ...(await demoInspectOptions(demo)), standards: { searchProbe: false } };
});

after(() => demo.close());

/** An in-memory cache: what each site's last crawl remembered, by homepage. */
function memoryCache(): InspectCache & { memory: Map<string, SiteMemory> } {
  const memory = new Map<string, SiteMemory>();
  return {
    memory,
    recall: (homepage) => memory.get(homepage),
    remember: (homepage, learned) => void memory.set(homepage, learned),
  };
}

function fingerprints(report: InspectionReport): Map<string, string[]> {
  return new Map(report.sites.map((site) => [site.site, site.findings.map((f) => f.fingerprint).sort()]));
}

test("a crawl with the previous crawl's memory finds exactly what a full crawl finds", async () => {
  const cache = memoryCache();
  // With nothing remembered yet, the first crawl is the full one.
  const full = await inspect({ ...options, cache });
  assert.equal(cache.memory.size, demoSites.length, "every reachable demo site is remembered");
  const remembered = [...cache.memory.values()];
  assert.ok(remembered.every((site) => site.texts.size > 0 && site.links.size > 0));
  const second = await inspect({ ...options, cache });
  assert.deepEqual(fingerprints(second), fingerprints(full));
  const textFindings = full.sites
    .flatMap((site) => site.findings)
    .filter((f) => f.check.startsWith("content."));
  assert.ok(textFindings.length > 0, "the demo's planted text problems are part of the comparison");
  const requested = (report: InspectionReport): number =>
    report.sites.reduce((sum, site) => sum + site.stats.linksChecked, 0);
  assert.ok(
    requested(second) < requested(full) / 2,
    `link targets requested: ${requested(second)} with memory, ${requested(full)} without`,
  );
});
