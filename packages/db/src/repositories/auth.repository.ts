import type { Insertable, Selectable } from "kysely";
import type { ApiTokenTable, LoginAttemptTable, SessionTable, UserTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export async function insertSession(db: Executor, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto("session").values(row).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("session").where("id", "=", id).execute();
}

/** Ends every session of a user (their password was reset). */
export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom("session").where("userId", "=", userId).execute();
}

export async function insertApiToken(db: Executor, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto("apiToken").values(row).execute();
}

export async function findLoginAttempt(
  db: Executor,
  key: string,
): Promise<Selectable<LoginAttemptTable> | undefined> {
  return db.selectFrom("loginAttempt").selectAll().where("key", "=", key).executeTakeFirst();
}

export async function saveLoginAttempt(db: Executor, row: Selectable<LoginAttemptTable>): Promise<void> {
  await db
    .insertInto("loginAttempt")
    .values(row)
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: row.failures,
        windowStart: row.windowStart,
        lockedUntil: row.lockedUntil,
      }),
    )
    .execute();
}

export async function clearLoginAttempt(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("loginAttempt").where("key", "=", key).execute();
}

/** The user behind a live session, in one query. */
export async function findUserBySession(
  db: Executor,
  sessionId: string,
  now: string,
): Promise<Selectable<UserTable> | undefined> {
  return db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .selectAll("user")
    .where("session.id", "=", sessionId)
    .where("session.expiresAt", ">", now)
    .executeTakeFirst();
}

/** The user behind an API token that is not revoked, in one query. */
export async function findUserByTokenHash(
  db: Executor,
  hash: string,
): Promise<Selectable<UserTable> | undefined> {
  return db
    .selectFrom("apiToken")
    .innerJoin("user", "user.id", "apiToken.userId")
    .selectAll("user")
    .where("apiToken.tokenHash", "=", hash)
    .where("apiToken.revokedAt", "is", null)
    .executeTakeFirst();
}
