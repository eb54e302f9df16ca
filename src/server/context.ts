/** What every route module is given: the store and the services around it, built once by app.ts. */
import type { AlertOptions } from "../jobs/alerts/index.ts";
import type { PlatformJobs } from "../jobs/platformJobs.ts";
import type { Db } from "../store/open.ts";
import type { SlidingWindowLimiter } from "./rateLimiter.ts";

export interface ServerContext {
  db: Db;
  jobs: PlatformJobs | undefined;
  /** Signs form tokens and keys the hash of senders' addresses. */
  secret: Buffer;
  clock: () => Date;
  alertOptions: AlertOptions | undefined;
  secureCookies: boolean;
  /** Failed sign-ins per IP and username. */
  loginLimiter: SlidingWindowLimiter;
  /** Public error reports per sender. */
  publicLimiter: SlidingWindowLimiter;
}
