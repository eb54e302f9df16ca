/**
 * `zhijian serve` (the platform: API, web UI, and in the embedded setup the job workers, in one
 * process) and `zhijian user add|passwd` (accounts, the first admin included, from the command line).
 */
import { createHash } from "node:crypto";
import { text } from "node:stream/consumers";
import { Option, type Command } from "commander";
import { fixedClock, systemClock } from "../core/clock.ts";
import { UsageError } from "../core/errors.ts";
import type { AlertOptions } from "../jobs/alerts/index.ts";
import {
  startPlatformJobs,
  type PlatformJobsOptions,
  type RunningPlatformJobs,
} from "../jobs/platformJobs.ts";
import { defaultRuleSetFile, loadRuleSet } from "../rules/ruleSet.ts";
import { startServer, type RunningServer, type ServerOptions } from "../server/app.ts";
import { hashPassword, minPasswordLength } from "../server/password.ts";
import { defaultWebRoot } from "../server/staticUi.ts";
import { openStore, withoutPassword, type Store } from "../store/open.ts";
import { deleteUserSessions } from "../store/sessionRepository.ts";
import {
  createUser,
  getUserByUsername,
  updateUser,
  userRoles,
  type UserRole,
} from "../store/userRepository.ts";
import { addCrawlOptions } from "./crawlOptions.ts";
import {
  asOfFrom,
  collect,
  crawlConfigFrom,
  fetchOptionsFrom,
  positiveInteger,
  type CrawlCliOptions,
} from "./options.ts";
import { loadSiteConfig } from "./siteConfigFile.ts";

export interface ServeCliOptions extends CrawlCliOptions {
  db?: string;
  host: string;
  port: number;
  /** commander's --no-workers. */
  workers: boolean;
  secureCookies?: boolean;
  webRoot: string;
  siteConfig?: string;
  rules?: string;
  /** commander's --no-content. */
  content: boolean;
  smtp?: string;
  publicUrl?: string;
  trustProxy: string[];
}

interface UserCliOptions {
  db?: string;
  role?: string;
  unit?: string;
  name?: string;
}

const dbHelp = "数据库：PGlite 数据目录或 postgres:// 地址（默认环境变量 ZHIJIAN_DB，否则 ./data-store）";
/** The actor of changes made from the command line, in the audit log. */
const cliActor = "cli";

export function addServeCommands(program: Command): void {
  const serve = program
    .command("serve")
    .description("启动智检平台：接口、网页界面和后台任务 (serve the platform)")
    .option("--db <url|dir>", dbHelp)
    .option("--host <host>", "监听地址", "127.0.0.1")
    .option("--port <port>", "监听端口", positiveInteger, 8080)
    .option("--no-workers", "本进程不执行后台任务，只排队（任务由 zhijian worker 执行，需 PostgreSQL）")
    .option("--secure-cookies", "登录 Cookie 加 Secure 标记（经 HTTPS 反向代理访问时使用）")
    .option("--site-config <file>", "站点配置：栏目类型、更新周期、导航型首页 (per-site overrides, JSON)")
    .option("--rules <file>", "评分规则集（默认 national-2019） (rule set)")
    .option("--no-content", "不做文字内容检查（错别字、敏感词、隐私） (skip text checks)")
    .option(
      "--smtp <url>",
      "告警邮件的 SMTP 服务器，如 smtps://用户:密码@mail.example.gov.cn:465?from=zhijian@example.gov.cn（默认环境变量 ZHIJIAN_SMTP）",
    )
    .option(
      "--trust-proxy <address>",
      "信任的反向代理地址（如 127.0.0.1），按其 X-Forwarded-For 识别来访者，可重复",
      collect,
      [],
    )
    .option("--public-url <url>", "平台对外访问地址，用于告警消息中的链接（默认为监听地址）")
    .addOption(new Option("--web-root <dir>", "网页界面文件目录（Vite 构建结果）").default(defaultWebRoot));
  addCrawlOptions(serve, { timeout: 15, maxPages: 2000 }).action(runServe);

  const user = program.command("user").description("管理平台用户 (manage users)");
  user
    .command("add")
    .description("新建用户；密码取自环境变量 ZHIJIAN_PASSWORD，否则从标准输入读取")
    .argument("<username>", "用户名")
    .requiredOption("--role <role>", `角色：${userRoles.join("、")}`)
    .option("--unit <unit>", "所属单位（主办单位用户必填，与网站登记的主办单位一致）")
    .option("--name <name>", "显示名称（默认同用户名）")
    .option("--db <url|dir>", dbHelp)
    .action(runUserAdd);
  user
    .command("passwd")
    .description("重设用户密码；密码取自环境变量 ZHIJIAN_PASSWORD，否则从标准输入读取")
    .argument("<username>", "用户名")
    .option("--db <url|dir>", dbHelp)
    .action(runUserPasswd);
}

export async function runServe(options: ServeCliOptions): Promise<void> {
  const location = options.db ?? process.env.ZHIJIAN_DB;
  const postgres = location !== undefined && /^postgres(ql)?:\/\//.test(location);
  if (!options.workers && !postgres)
    throw new UsageError(
      "--no-workers 需要 PostgreSQL（--db postgres://…），PGlite 数据目录只能由本进程执行任务",
    );
  const asOf = asOfFrom(options);
  const clock = asOf ? fixedClock(asOf) : systemClock;
  const siteConfig = options.siteConfig ? await loadSiteConfig(options.siteConfig) : undefined;
  const smtp = options.smtp ?? process.env.ZHIJIAN_SMTP;
  const publicUrl =
    options.publicUrl ??
    `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${options.port}`;
  const alerts: AlertOptions = { dashboardUrl: publicUrl, ...(smtp ? { smtp: smtpOptions(smtp) } : {}) };
  const store = await openStore(location);
  const platform = await startPlatform(store, {
    jobs: {
      workers: options.workers,
      fetch: fetchOptionsFrom(options),
      crawl: crawlConfigFrom(options),
      ...(siteConfig ? { siteConfig } : {}),
      ...(options.content ? {} : { content: false as const }),
      ruleSet: loadRuleSet(options.rules ?? defaultRuleSetFile),
      clock,
      alerts,
    },
    server: {
      webRoot: options.webRoot,
      secureCookies: options.secureCookies === true,
      trustProxy: options.trustProxy,
      clock: () => clock.now(),
      host: options.host,
      port: options.port,
    },
  });
  const where = postgres ? withoutPassword(location!) : (location ?? "./data-store");
  logLine(
    `智检平台已启动：${platform.url}/（数据库 ${where}${options.workers ? "" : "，后台任务由 zhijian worker 执行"}）；按 Ctrl+C 停止`,
  );
  await platform.stopOnSignal();
}

export function logLine(line: string): void {
  process.stdout.write(`[${new Date().toISOString()}] ${line}\n`);
}

export interface PlatformSettings {
  /** Everything but the schedules (always on) and the log (to standard output). */
  jobs: Omit<PlatformJobsOptions, "schedules" | "log">;
  server: Omit<ServerOptions, "store" | "jobs" | "secret" | "alertOptions"> & { host: string; port: number };
}

export interface RunningPlatform {
  url: string;
  jobs: RunningPlatformJobs;
  /** Stops the server, then the jobs, then closes the store. */
  stop(): Promise<void>;
  /** Waits for Ctrl+C or SIGTERM, then stops. */
  stopOnSignal(): Promise<void>;
}

/**
 * The platform on an open store: jobs (handlers in this process unless workers is false) and the
 * HTTP server. The store is closed if starting fails, and by stop().
 */
export async function startPlatform(store: Store, settings: PlatformSettings): Promise<RunningPlatform> {
  let jobs: RunningPlatformJobs | undefined;
  let server: RunningServer;
  try {
    jobs = await startPlatformJobs(store, { ...settings.jobs, schedules: true, log: logLine });
    server = await startServer({
      ...settings.server,
      store,
      jobs,
      secret: serverSecret(),
      alertOptions: settings.jobs.alerts ?? {},
    });
  } catch (error) {
    await jobs?.stop();
    await store.close();
    throw error;
  }
  const running = jobs;
  const stop = async (): Promise<void> => {
    await server.close();
    await running.stop();
    await store.close();
  };
  return {
    url: server.url,
    jobs: running,
    stop,
    async stopOnSignal() {
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      logLine(`收到 ${signal}，正在停止……`);
      await stop();
      logLine("智检平台已停止");
    },
  };
}

/** smtp://user:pass@host:port?from=address (smtps:// for TLS from the start, port 465 by default). */
export function smtpOptions(text: string): NonNullable<AlertOptions["smtp"]> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`SMTP 地址无效：${text}`);
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new UsageError(`SMTP 地址须以 smtp:// 或 smtps:// 开头：${url.protocol}`);
  const secure = url.protocol === "smtps:";
  const from = url.searchParams.get("from") ?? (url.username ? decodeURIComponent(url.username) : "");
  if (!from.includes("@")) throw new UsageError("SMTP 地址须用 ?from=发件地址 指明发件人");
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : {}),
    from,
  };
}

/**
 * The key of public form tokens and senders' hashes. ZHIJIAN_SECRET keeps tokens valid across
 * restarts and several servers; without it each start makes a new one.
 */
function serverSecret(): Buffer | undefined {
  const secret = process.env.ZHIJIAN_SECRET;
  return secret ? createHash("sha256").update(secret).digest() : undefined;
}

async function runUserAdd(username: string, options: UserCliOptions): Promise<void> {
  const role = options.role as UserRole;
  if (!userRoles.includes(role))
    throw new UsageError(`--role 只能是 ${userRoles.join("、")} 之一，收到“${options.role}”`);
  const unit = options.unit?.trim() || null;
  if (role === "owner" && unit === null)
    throw new UsageError("主办单位用户（owner）须用 --unit 指定所属单位");
  if (!/^[A-Za-z0-9_.@-]{2,64}$/.test(username))
    throw new UsageError("用户名须为 2–64 个字母、数字或 _ . @ - 字符");
  const passwordHash = await hashPassword(await readPassword());
  await withStore(options.db, async (store) => {
    if ((await getUserByUsername(store.db, username)) !== undefined)
      throw new UsageError(`用户名已存在：${username}`);
    await createUser(
      store.db,
      {
        username,
        displayName: options.name?.trim() || username,
        passwordHash,
        role,
        unit: role === "owner" ? unit : null,
      },
      cliActor,
    );
  });
  process.stdout.write(`已新建用户 ${username}（${role}${role === "owner" ? `，${unit}` : ""}）\n`);
}

async function runUserPasswd(username: string, options: UserCliOptions): Promise<void> {
  const passwordHash = await hashPassword(await readPassword());
  await withStore(options.db, async (store) => {
    const user = await getUserByUsername(store.db, username);
    if (user === undefined) throw new UsageError(`用户不存在：${username}`);
    await updateUser(store.db, user.id, { passwordHash }, cliActor);
    await deleteUserSessions(store.db, user.id);
  });
  process.stdout.write(`已重设 ${username} 的密码，其已登录的会话均已退出\n`);
}

async function withStore(location: string | undefined, work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(location);
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

/** From ZHIJIAN_PASSWORD, else the first line of standard input (so it never shows in the process list). */
async function readPassword(): Promise<string> {
  const password = process.env.ZHIJIAN_PASSWORD ?? (await text(process.stdin)).split(/\r?\n/)[0] ?? "";
  if ([...password].length < minPasswordLength)
    throw new UsageError(`密码至少 ${minPasswordLength} 个字符（环境变量 ZHIJIAN_PASSWORD 或标准输入）`);
  return password;
}
