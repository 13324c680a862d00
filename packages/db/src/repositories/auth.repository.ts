import { type Insertable, type Selectable, sql } from "kysely";
import type { ApiTokenTable, SessionTable, UserTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export async function insertSession(db: Executor, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto("session").values(row).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("session").where("id", "=", id).execute();
}

/** Ends every session of a user (their password was reset or changed), but the one named in `except`. */
export async function deleteSessionsOfUser(
  db: Executor,
  userId: string,
  except?: string | null,
): Promise<void> {
  let query = db.deleteFrom("session").where("userId", "=", userId);
  if (except) query = query.where("id", "!=", except);
  await query.execute();
}

export async function insertApiToken(db: Executor, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto("apiToken").values(row).execute();
}

export type ApiTokenRow = Pick<
  Selectable<ApiTokenTable>,
  "id" | "name" | "createdAt" | "lastUsedAt" | "expiresAt"
>;

/** The tokens of a user that still work (neither revoked nor expired), newest first; never their hash. */
export async function listLiveApiTokens(db: Executor, userId: string, now: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom("apiToken")
    .select(["id", "name", "createdAt", "lastUsedAt", "expiresAt"])
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .where((eb) => eb.or([eb("expiresAt", "is", null), eb("expiresAt", ">", now)]))
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .execute();
}

/**
 * Revokes tokens of a user: the one named by `id`, or with `except` every other one. Answers how many
 * were revoked (a token already revoked, or someone else's, is not).
 */
export async function revokeApiTokens(
  db: Executor,
  userId: string,
  at: string,
  which: { id: string } | { except: string | null },
): Promise<number> {
  let query = db
    .updateTable("apiToken")
    .set({ revokedAt: at })
    .where("userId", "=", userId)
    .where("revokedAt", "is", null);
  if ("id" in which) query = query.where("id", "=", which.id);
  else if (which.except) query = query.where("id", "!=", which.except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Notes when a token was last used (the authentication cache makes this at most about once a minute). */
export async function touchApiToken(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable("apiToken").set({ lastUsedAt: at }).where("id", "=", id).execute();
}

/**
 * Counts one failed sign-in against a key in one atomic upsert, and answers the count and the start of its
 * window. A window that started at or before `expiredAt` starts again at `now` with a count of one. Parallel
 * requests and other server instances each get their own count, so none reads a stale one.
 */
export async function countLoginFailure(
  db: Executor,
  key: string,
  now: string,
  expiredAt: string,
): Promise<{ failures: number; windowStart: string }> {
  return db
    .insertInto("loginAttempt")
    .values({ key, failures: 1, windowStart: now })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => {
        const expired = eb("loginAttempt.windowStart", "<=", expiredAt);
        return {
          failures: eb
            .case()
            .when(expired)
            .then(sql.lit(1))
            .else(eb("loginAttempt.failures", "+", sql.lit(1)))
            .end(),
          windowStart: eb.case().when(expired).then(now).else(eb.ref("loginAttempt.windowStart")).end(),
        };
      }),
    )
    .returning(["failures", "windowStart"])
    .executeTakeFirstOrThrow();
}

/** Takes back one counted failure (the attempt turned out to be a good sign-in). */
export async function uncountLoginFailure(db: Executor, key: string): Promise<void> {
  await db
    .updateTable("loginAttempt")
    .set((eb) => ({ failures: eb("failures", "-", sql.lit(1)) }))
    .where("key", "=", key)
    .where("failures", ">", 0)
    .execute();
}

export async function clearLoginAttempt(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("loginAttempt").where("key", "=", key).execute();
}

/** Sweeps the counters whose window is over. */
export async function deleteExpiredLoginAttempts(db: Executor, expiredAt: string): Promise<void> {
  await db.deleteFrom("loginAttempt").where("windowStart", "<=", expiredAt).execute();
}

/** The user behind a live session, and until when it lives, in one query. */
export async function findUserBySession(
  db: Executor,
  sessionId: string,
  now: string,
): Promise<{ user: Selectable<UserTable>; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .selectAll("user")
    .select("session.expiresAt as sessionExpiresAt")
    .where("session.id", "=", sessionId)
    .where("session.expiresAt", ">", now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { sessionExpiresAt, ...user } = row;
  return { user, expiresAt: sessionExpiresAt };
}

/** The user behind an API token that is neither revoked nor expired, with the token's own fields, in one query. */
export async function findUserByTokenHash(
  db: Executor,
  hash: string,
  now: string,
): Promise<
  | { user: Selectable<UserTable>; tokenId: string; lastUsedAt: string | null; expiresAt: string | null }
  | undefined
> {
  const row = await db
    .selectFrom("apiToken")
    .innerJoin("user", "user.id", "apiToken.userId")
    .selectAll("user")
    .select([
      "apiToken.id as tokenId",
      "apiToken.lastUsedAt as tokenLastUsedAt",
      "apiToken.expiresAt as tokenExpiresAt",
    ])
    .where("apiToken.tokenHash", "=", hash)
    .where("apiToken.revokedAt", "is", null)
    .where((eb) => eb.or([eb("apiToken.expiresAt", "is", null), eb("apiToken.expiresAt", ">", now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const { tokenId, tokenLastUsedAt, tokenExpiresAt, ...user } = row;
  return { user, tokenId, lastUsedAt: tokenLastUsedAt, expiresAt: tokenExpiresAt };
}
