/**
 * Signed-in sessions (issue 7, item 5). The cookie carries a random token; only its SHA-256 is stored,
 * so a copy of the database does not let anyone sign in as someone else.
 */
import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "./open.ts";
import { sessions, users } from "./schema.ts";
import { publicColumns, type User } from "./userRepository.ts";

export interface NewSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, session: NewSession): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The user and CSRF token of a live session; undefined when expired, unknown or the user is disabled. */
export async function sessionUser(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ user: User; csrfToken: string } | undefined> {
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      user: publicColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  return row;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user: after a password change or when the user is disabled. */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
}
