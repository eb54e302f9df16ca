/**
 * A real server on 127.0.0.1 over a real store (PGlite or PostgreSQL, test/store/engines.ts), and a
 * small client that keeps the session cookie and sends the CSRF token as a browser page would.
 */
import { after, before } from "node:test";
import { sql } from "drizzle-orm";
import { startPlatformJobs, type RunningPlatformJobs } from "../../src/jobs/platformJobs.ts";
import type { InspectionReport } from "../../src/report/schema.ts";
import { startServer, type RunningServer } from "../../src/server/app.ts";
import { hashPassword } from "../../src/server/password.ts";
import { recordInspection } from "../../src/store/inspectionRepository.ts";
import type { Db, Store } from "../../src/store/open.ts";
import * as schema from "../../src/store/schema.ts";
import { createSite, type Site } from "../../src/store/siteRepository.ts";
import { createUser, type UserRole } from "../../src/store/userRepository.ts";
import { city, county, demoReport, demoResults } from "../report/fixtures.ts";
import { openTestStore, type Engine, type TestStore } from "../store/engines.ts";

export const password = "correct horse battery";
export const cityUnit = "示范市人民政府办公室";
export const countyUnit = "演示县人民政府办公室";
/** The time every test server's clock starts at (China time 2026-11-23 10:00). */
export const startTime = new Date("2026-11-23T02:00:00Z");

/** Cheap scrypt parameters: tests create many users; the stored hash names its own cost. */
const testCost = { N: 1024, r: 8, p: 1 };

export interface TestServer {
  url: string;
  readonly store: Store;
  readonly db: Db;
  /** The server's clock; tests move it on. */
  now: Date;
  /** The jobs of a queue the server enqueued, oldest first (pg-boss's own table). */
  queued(queue: string): Promise<Record<string, unknown>[]>;
}

/**
 * One server and store per test file (before/after): a new PGlite store takes seconds. The clock is
 * a field tests set. The job system is the real one on the same database, enqueueing only: what the
 * jobs then do is the job system's tests' business.
 */
export function useServer(engine: Engine): TestServer {
  let testStore: TestStore | undefined;
  let jobs: RunningPlatformJobs | undefined;
  let running: RunningServer | undefined;
  const server: TestServer = {
    url: "",
    get store() {
      return testStore!.store;
    },
    get db() {
      return testStore!.store.db;
    },
    now: startTime,
    queued: async (queue) => {
      const result = await testStore!.store.db.execute(
        sql`select data from pgboss.job where name = ${queue} order by created_on, id`,
      );
      return (result as unknown as { rows: { data: Record<string, unknown> }[] }).rows.map((row) => row.data);
    },
  };
  before(async () => {
    testStore = await openTestStore(engine);
    jobs = await startPlatformJobs(testStore.store, { workers: false, schedules: false, log: () => {} });
    running = await startServer({
      store: testStore.store,
      jobs,
      webRoot: "test/server/no-such-web-root",
      clock: () => server.now,
      port: 0,
    });
    server.url = running.url;
  });
  after(async () => {
    await running?.close();
    await jobs?.stop();
    await testStore?.dispose();
  });
  return server;
}

export async function addUser(db: Db, username: string, role: UserRole, unit: string | null = null) {
  return createUser(
    db,
    { username, displayName: username, passwordHash: await hashPassword(password, testCost), role, unit },
    "test",
  );
}

/** The demo inspection with its scoring results, as `zhijian inspect` would have written it. */
export function scoredReport(): InspectionReport {
  const report = demoReport();
  const results = demoResults(report);
  for (const site of report.sites) site.result = results.find((result) => result.site === site.site)!;
  return report;
}

/**
 * The two demo sites registered with their 主办单位, the demo inspection recorded (the county
 * fails, the city passes) and one user of each role: admin, inspector, readonly, and an owner
 * per unit.
 */
export async function seed(db: Db): Promise<{ city: Site; county: Site; inspectionId: number }> {
  const citySite = await createSite(db, { name: "示范市人民政府", homepage: city, organizer: cityUnit });
  const countySite = await createSite(db, {
    name: "演示县人民政府",
    homepage: county,
    organizer: countyUnit,
  });
  const { inspectionId } = await recordInspection(db, scoredReport(), "2026年第四季度");
  await addUser(db, "admin", "admin");
  await addUser(db, "inspector", "inspector");
  await addUser(db, "reader", "readonly");
  await addUser(db, "city", "owner", cityUnit);
  await addUser(db, "county", "owner", countyUnit);
  return { city: citySite, county: countySite, inspectionId };
}

/** Empties every table, children first. */
export async function emptyStore(db: Db): Promise<void> {
  for (const table of [
    schema.alertsSent,
    schema.alertChannels,
    schema.errorReports,
    schema.sessions,
    schema.users,
    schema.auditLog,
    schema.findings,
    schema.problems,
    schema.siteResults,
    schema.siteCrawls,
    schema.probes,
    schema.inspections,
    schema.accounts,
    schema.sites,
  ])
    await db.delete(table);
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  bytes: Buffer;
}

/** A browser-like client: keeps the session cookie, sends the CSRF token on writes. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  static async signedIn(baseUrl: string, username: string): Promise<Client> {
    const client = new Client(baseUrl);
    const answer = await client.login(username);
    if (answer.status !== 200)
      throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return client;
  }

  async login(username: string, secret = password): Promise<Answer> {
    const answer = await this.request("POST", "/api/auth/login", { username, password: secret });
    if (answer.status === 200) this.csrfToken = answer.body.csrfToken;
    return answer;
  }

  get(path: string): Promise<Answer> {
    return this.request("GET", path);
  }
  post(path: string, body?: unknown): Promise<Answer> {
    return this.request("POST", path, body);
  }
  put(path: string, body: unknown): Promise<Answer> {
    return this.request("PUT", path, body);
  }
  delete(path: string): Promise<Answer> {
    return this.request("DELETE", path);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== "GET" ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=");
      if (name === "zj_session") this.cookie = value ? `zj_session=${value}` : undefined;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get("content-type") ?? "";
    return {
      status: response.status,
      headers: response.headers,
      body: type.includes("json") ? JSON.parse(bytes.toString("utf8")) : bytes.toString("utf8"),
      bytes,
    };
  }
}
