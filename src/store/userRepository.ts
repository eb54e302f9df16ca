/**
 * People who sign in (issue 7, item 5). The password hash never leaves this module except to the
 * login check (userForLogin); every change leaves an audit_log row without it.
 */
import { asc, eq } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import type { Db } from "./open.ts";
import { users, userRole } from "./schema.ts";

export type UserRole = (typeof userRole.enumValues)[number];
export const userRoles: readonly UserRole[] = userRole.enumValues;

/** A user as the rest of the platform sees one: without the password hash. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  unit: string | null;
  disabled: boolean;
}

export interface UserInput {
  username: string;
  displayName: string;
  passwordHash: string;
  role: UserRole;
  unit?: string | null;
  disabled?: boolean;
}

/** The columns of a User: everything but the password hash. */
export const publicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unit: users.unit,
  disabled: users.disabled,
};

/** What the audit log keeps of a user: everything but the hash. */
function audited(user: User): Record<string, unknown> {
  return { ...user };
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.select(publicColumns).from(users).orderBy(asc(users.id));
}

export async function getUser(db: Db, id: number): Promise<User | undefined> {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return user;
}

export async function getUserByUsername(db: Db, username: string): Promise<User | undefined> {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.username, username));
  return user;
}

/** The user and its hash, for checking a password at sign-in only. */
export async function userForLogin(
  db: Db,
  username: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const [user] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, username));
  return user;
}

export async function createUser(db: Db, input: UserInput, actor: string): Promise<User> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ ...input, unit: input.unit ?? null })
      .returning(publicColumns);
    await writeAudit(tx, [
      { actor, action: "user.create", entity: "user", entityId: user!.id, after: audited(user!) },
    ]);
    return user!;
  });
}

/** Changes a user; undefined when there is none with this id. A new password is audited as a fact only. */
export async function updateUser(
  db: Db,
  id: number,
  changes: Partial<UserInput>,
  actor: string,
): Promise<User | undefined> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(publicColumns).from(users).where(eq(users.id, id)).for("update");
    if (before === undefined) return undefined;
    const [after] = await tx
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning(publicColumns);
    await writeAudit(tx, [
      {
        actor,
        action: "user.update",
        entity: "user",
        entityId: id,
        before: audited(before),
        after: {
          ...audited(after!),
          ...(changes.passwordHash === undefined ? {} : { passwordChanged: true }),
        },
      },
    ]);
    return after!;
  });
}
