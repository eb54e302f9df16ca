/** User administration (docs/api.md, Administration): admin only. Passwords are hashed here, never stored. */
import type { FastifyInstance } from "fastify";
import { deleteUserSessions } from "../../store/sessionRepository.ts";
import {
  createUser,
  getUser,
  getUserByUsername,
  listUsers,
  updateUser,
  userRoles,
  type UserInput,
  type UserRole,
} from "../../store/userRepository.ts";
import { requireRole } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { badRequest, conflict, idParam, notFound } from "../httpError.ts";
import { hashPassword, minPasswordLength } from "../password.ts";

const userBody = {
  type: "object",
  properties: {
    username: { type: "string", pattern: "^[A-Za-z0-9_.@-]{2,64}$" },
    displayName: { type: "string", minLength: 1, maxLength: 100 },
    password: { type: "string", maxLength: 1000 },
    role: { type: "string", enum: userRoles },
    unit: { type: ["string", "null"], maxLength: 200 },
    disabled: { type: "boolean" },
  },
};
const idParams = { type: "object", properties: { id: { type: "string" } } };

interface UserBody {
  username?: string;
  displayName?: string;
  password?: string;
  role?: UserRole;
  unit?: string | null;
  disabled?: boolean;
}

/**
 * The stored fields of a request: a hashed password, and a unit only for owners, who need one (it
 * is what they see).
 */
async function userFields(
  body: UserBody,
  role: UserRole,
  unit: string | null | undefined,
): Promise<Partial<UserInput>> {
  const fields: Partial<UserInput> = {};
  if (body.username !== undefined) fields.username = body.username;
  if (body.displayName !== undefined) fields.displayName = body.displayName.trim();
  if (body.role !== undefined) fields.role = body.role;
  if (body.disabled !== undefined) fields.disabled = body.disabled;
  if (body.password !== undefined) {
    if ([...body.password].length < minPasswordLength)
      throw badRequest(`密码至少 ${minPasswordLength} 个字符`, "password");
    fields.passwordHash = await hashPassword(body.password);
  }
  const trimmedUnit = unit?.trim() || null;
  if (role === "owner" && trimmedUnit === null)
    throw badRequest("主办单位用户须填写所属单位（与网站的主办单位一致）", "unit");
  fields.unit = role === "owner" ? trimmedUnit : null;
  return fields;
}

export function userRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get("/api/users", { schema: { tags: ["admin"], summary: "用户列表" } }, async (request) => {
    requireRole(request, "admin");
    return listUsers(ctx.db);
  });

  app.get(
    "/api/users/:id",
    { schema: { tags: ["admin"], summary: "用户", params: idParams } },
    async (request) => {
      requireRole(request, "admin");
      const user = await getUser(ctx.db, idParam((request.params as { id: string }).id, "用户"));
      if (user === undefined) throw notFound("用户");
      return user;
    },
  );

  app.post(
    "/api/users",
    {
      schema: {
        tags: ["admin"],
        summary: "新建用户",
        body: { ...userBody, required: ["username", "displayName", "password", "role"] },
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, "admin");
      const body = request.body as Required<
        Pick<UserBody, "username" | "displayName" | "password" | "role">
      > &
        UserBody;
      if ((await getUserByUsername(ctx.db, body.username)) !== undefined)
        throw conflict(`用户名已存在：${body.username}`, "duplicate");
      const fields = (await userFields(body, body.role, body.unit)) as UserInput;
      return reply.code(201).send(await createUser(ctx.db, fields, admin.username));
    },
  );

  app.put(
    "/api/users/:id",
    { schema: { tags: ["admin"], summary: "修改用户", params: idParams, body: userBody } },
    async (request) => {
      const admin = requireRole(request, "admin");
      const id = idParam((request.params as { id: string }).id, "用户");
      const before = await getUser(ctx.db, id);
      if (before === undefined) throw notFound("用户");
      const body = request.body as UserBody;
      if (id === admin.id && (body.disabled === true || (body.role !== undefined && body.role !== "admin")))
        throw badRequest("不能停用自己或取消自己的管理员角色", body.disabled === true ? "disabled" : "role");
      if (
        body.username !== undefined &&
        body.username !== before.username &&
        (await getUserByUsername(ctx.db, body.username)) !== undefined
      )
        throw conflict(`用户名已存在：${body.username}`, "duplicate");
      const role = body.role ?? before.role;
      const fields = await userFields(body, role, body.unit === undefined ? before.unit : body.unit);
      const user = await updateUser(ctx.db, id, fields, admin.username);
      if (user === undefined) throw notFound("用户");
      // A new password or a disabled account ends the sessions signed in with the old state.
      if (fields.passwordHash !== undefined || user.disabled) await deleteUserSessions(ctx.db, id);
      return user;
    },
  );
}
