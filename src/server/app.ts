/**
 * The platform's HTTP server (docs/api.md): fastify with the JSON API under /api, its OpenAPI
 * description at /api/docs/json, and the web UI on every other path.
 */
import { randomBytes } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { toolVersion } from "../core/version.ts";
import type { AlertOptions } from "../jobs/alerts/index.ts";
import type { PlatformJobs } from "../jobs/platformJobs.ts";
import type { Store } from "../store/open.ts";
import { registerAuth } from "./auth.ts";
import type { ServerContext } from "./context.ts";
import { HttpError } from "./httpError.ts";
import { SlidingWindowLimiter } from "./rateLimiter.ts";
import { accountRoutes } from "./routes/accounts.ts";
import { alertChannelRoutes } from "./routes/alertChannels.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { errorReportRoutes } from "./routes/errorReports.ts";
import { inspectionRoutes } from "./routes/inspections.ts";
import { problemRoutes } from "./routes/problems.ts";
import { siteRoutes } from "./routes/sites.ts";
import { userRoutes } from "./routes/users.ts";
import { registerSecurityHeaders } from "./securityHeaders.ts";
import { defaultWebRoot, registerStaticUi } from "./staticUi.ts";

export interface ServerOptions {
  store: Store;
  /** Without jobs, problems are not re-checked automatically and POST /api/inspections answers 503. */
  jobs?: PlatformJobs;
  /** The Vite build of web/ (default web/dist). */
  webRoot?: string;
  /** Mark the session cookie Secure even over plain HTTP (behind a TLS-terminating proxy). */
  secureCookies?: boolean;
  /** Signs public form tokens and keys senders' hashes; default random (tokens end with the process). */
  secret?: Buffer;
  clock?: () => Date;
  alertOptions?: AlertOptions;
  /** fastify's request log (default off). */
  logger?: boolean;
  /**
   * Addresses of reverse proxies whose X-Forwarded-For names the client (fastify's trustProxy).
   * Without it, behind a proxy every sign-in and public report would seem to come from the proxy.
   */
  trustProxy?: string[];
}

/** Failed sign-ins allowed per IP and username in the window (docs/api.md, Auth). */
const loginFailures = { limit: 5, windowMs: 15 * 60_000 };
/** Public error reports per sender per hour (docs/api.md, 找错). */
const publicSubmissions = { limit: 5, windowMs: 3600_000 };

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    ...(options.trustProxy?.length ? { trustProxy: options.trustProxy } : {}),
  });
  const ctx: ServerContext = {
    db: options.store.db,
    jobs: options.jobs,
    secret: options.secret ?? randomBytes(32),
    clock: options.clock ?? (() => new Date()),
    alertOptions: options.alertOptions,
    secureCookies: options.secureCookies ?? false,
    loginLimiter: new SlidingWindowLimiter(loginFailures.limit, loginFailures.windowMs),
    publicLimiter: new SlidingWindowLimiter(publicSubmissions.limit, publicSubmissions.windowMs),
  };

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "智检平台 API", description: "docs/api.md", version: toolVersion },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "zj_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
  });
  registerSecurityHeaders(app);
  app.setErrorHandler(errorHandler);
  registerAuth(app, ctx);
  for (const routes of [
    dashboardRoutes,
    siteRoutes,
    accountRoutes,
    problemRoutes,
    inspectionRoutes,
    errorReportRoutes,
    userRoutes,
    alertChannelRoutes,
  ])
    routes(app, ctx);
  for (const url of ["/api/docs", "/api/docs/json"])
    app.get(url, { schema: { hide: true } }, async () => app.swagger());

  const uiFallback = await registerStaticUi(app, options.webRoot ?? defaultWebRoot);
  app.setNotFoundHandler((request, reply) => {
    if (
      (request.method === "GET" || request.method === "HEAD") &&
      !request.url.startsWith("/api/") &&
      request.url !== "/api"
    )
      return uiFallback(request, reply);
    return reply
      .code(404)
      .send({ error: `接口不存在：${request.method} ${request.url.split("?")[0]}`, code: "not_found" });
  });
  return app;
}

function errorHandler(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) {
    if (error.retryAfter !== undefined) reply.header("retry-after", String(error.retryAfter));
    return reply.code(error.statusCode).send({
      error: error.message,
      code: error.code,
      ...(error.field === undefined ? {} : { field: error.field }),
    });
  }
  if (error.validation) {
    const [first] = error.validation;
    const field =
      (first?.params as { missingProperty?: string } | undefined)?.missingProperty ??
      first?.instancePath.replace(/^\//, "").split("/")[0] ??
      undefined;
    return reply.code(400).send({
      error: `请求内容不正确${field ? `（字段 ${field}）` : ""}：${first?.message ?? error.message}`,
      code: "bad_request",
      ...(field ? { field } : {}),
    });
  }
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return reply.code(413).send({ error: "请求内容过大", code: "too_large" });
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return reply
      .code(error.statusCode)
      .send({ error: `请求无法处理：${error.message}`, code: error.code ?? "bad_request" });
  request.log.error(error);
  process.stderr.write(
    `服务器内部错误（${request.method} ${request.url}）：${error.stack ?? error.message}\n`,
  );
  return reply.code(500).send({ error: "服务器内部错误，详情见服务器日志", code: "internal" });
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(
  options: ServerOptions & { host?: string; port?: number },
): Promise<RunningServer> {
  const app = await buildServer(options);
  const host = options.host ?? "127.0.0.1";
  await app.listen({ host, port: options.port ?? 8080 });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : (options.port ?? 8080);
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, app, close: () => app.close() };
}
