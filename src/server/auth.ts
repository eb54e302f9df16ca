/**
 * Sessions, sign-in, CSRF and roles (docs/api.md, Conventions and Auth). Every /api request except
 * sign-in, the public 找错 routes and the API description needs a live session; every non-GET among
 * them also the session's CSRF token in `x-csrf-token`. An owner's visible sites are looked up once per
 * request and applied in the store's queries.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  sessionUser,
} from "../store/sessionRepository.ts";
import { siteIdsOfOrganizer } from "../store/siteRepository.ts";
import { userForLogin, type User, type UserRole } from "../store/userRepository.ts";
import type { ServerContext } from "./context.ts";
import { forbidden, HttpError, notFound, rateLimited } from "./httpError.ts";
import { unknownUserHash, verifyPassword } from "./password.ts";

export const sessionCookie = "zj_session";
export const sessionHours = 8;

export interface Session {
  user: User;
  csrfToken: string;
  tokenHash: string;
}

declare module "fastify" {
  interface FastifyRequest {
    session: Session | null;
    /** Memo of visibleSiteIds for this request. */
    visibleSites: Promise<number[] | undefined> | undefined;
  }
}

const openPaths = [/^\/api\/auth\/login$/, /^\/api\/public\//, /^\/api\/docs(\/|$)/];
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

const tokenHashOf = (token: string) => createHash("sha256").update(token).digest("hex");

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The signed-in user; throws 401 (the hook already did for /api, so this only narrows the type). */
export function userOf(request: FastifyRequest): User {
  if (request.session === null) throw new HttpError(401, "unauthenticated", "请先登录");
  return request.session.user;
}

/** Throws 403 unless the signed-in user has one of the roles. */
export function requireRole(request: FastifyRequest, ...roles: UserRole[]): User {
  const user = userOf(request);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

/**
 * The ids of the sites the caller may see: undefined (all) for every role but owner, whose scope is
 * the sites whose 主办单位 is its unit (none without a unit).
 */
export function visibleSiteIds(ctx: ServerContext, request: FastifyRequest): Promise<number[] | undefined> {
  const user = userOf(request);
  request.visibleSites ??=
    user.role !== "owner"
      ? Promise.resolve(undefined)
      : user.unit
        ? siteIdsOfOrganizer(ctx.db, user.unit)
        : Promise.resolve([]);
  return request.visibleSites;
}

/** Throws 404 unless the caller sees the site: another unit's site does not exist for an owner. */
export async function assertSiteVisible(
  ctx: ServerContext,
  request: FastifyRequest,
  siteId: number,
  what = "网站",
): Promise<void> {
  const visible = await visibleSiteIds(ctx, request);
  if (visible !== undefined && !visible.includes(siteId)) throw notFound(what);
}

/** The visible ids narrowed to those asked for (undefined when neither narrows). */
export async function narrowedSiteIds(
  ctx: ServerContext,
  request: FastifyRequest,
  asked: number[] | undefined,
): Promise<number[] | undefined> {
  const visible = await visibleSiteIds(ctx, request);
  if (asked === undefined) return visible;
  return visible === undefined ? asked : asked.filter((id) => visible.includes(id));
}

export function publicUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: user.unit,
  };
}

export function registerAuth(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest("session", null);
  app.decorateRequest("visibleSites", undefined);

  app.addHook("onRequest", async (request) => {
    const path = request.url.split("?")[0]!;
    // The route the router matched as well as the raw path: no spelling of a path reaches a
    // protected route while looking open here.
    const route = request.routeOptions.url ?? path;
    if (!path.startsWith("/api/") && !route.startsWith("/api/")) return;
    const token = request.cookies[sessionCookie];
    if (token) {
      const tokenHash = tokenHashOf(token);
      const found = await sessionUser(ctx.db, tokenHash, ctx.clock());
      if (found !== undefined) request.session = { ...found, tokenHash };
    }
    if (openPaths.some((pattern) => pattern.test(route))) return;
    if (request.session === null) throw new HttpError(401, "unauthenticated", "请先登录");
    if (safeMethods.has(request.method)) return;
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !sameText(sent, request.session.csrfToken))
      throw new HttpError(403, "csrf", "缺少或错误的 CSRF 令牌（请求头 x-csrf-token），请刷新页面后重试");
  });

  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "登录",
        body: {
          type: "object",
          required: ["username", "password"],
          properties: {
            username: { type: "string", minLength: 1, maxLength: 100 },
            password: { type: "string", minLength: 1, maxLength: 1000 },
          },
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const key = `${request.ip}|${username}`;
      const now = ctx.clock().getTime();
      const wait = ctx.loginLimiter.retryAfter(key, now);
      if (wait > 0) throw rateLimited(`登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, wait);
      const user = await userForLogin(ctx.db, username);
      // An unknown user costs a hash too, so the answer's timing does not tell which usernames exist.
      const matches = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash()));
      if (user === undefined || !matches || user.disabled) {
        ctx.loginLimiter.record(key, now);
        throw new HttpError(401, "bad_credentials", "用户名或密码不正确");
      }
      ctx.loginLimiter.clear(key);
      const token = randomBytes(32).toString("base64url");
      const csrfToken = randomBytes(24).toString("base64url");
      const expiresAt = new Date(now + sessionHours * 3600_000);
      await deleteExpiredSessions(ctx.db, ctx.clock());
      await createSession(ctx.db, { tokenHash: tokenHashOf(token), userId: user.id, csrfToken, expiresAt });
      setSessionCookie(reply, request, ctx, token, sessionHours * 3600);
      const { passwordHash: _hash, ...visible } = user;
      return { user: publicUser(visible), csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "退出登录" } },
    async (request, reply) => {
      await deleteSession(ctx.db, request.session!.tokenHash);
      setSessionCookie(reply, request, ctx, "", 0);
      return { ok: true };
    },
  );

  app.get("/api/auth/me", { schema: { tags: ["auth"], summary: "当前用户" } }, async (request) => {
    const session = request.session!;
    return { user: publicUser(session.user), csrfToken: session.csrfToken };
  });
}

function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  ctx: ServerContext,
  value: string,
  maxAge: number,
): void {
  reply.setCookie(sessionCookie, value, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure: ctx.secureCookies || request.protocol === "https",
    maxAge,
  });
}
