import type { Insertable, Selectable, Updateable } from "kysely";
import type { UserTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type UserRow = Selectable<UserTable>;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("user").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUser(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  let query = db.selectFrom("user").selectAll().where("id", "=", id);
  // PostgreSQL only: SQLite has no FOR UPDATE (nor needs it, one writer at a time).
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertUser(db: Executor, row: Insertable<UserTable>): Promise<void> {
  await db
    .insertInto("user")
    .values({ ...row, email: row.email.trim().toLowerCase() })
    .execute();
}

export async function insertUsers(db: Executor, rows: Insertable<UserTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("user").values(rows).execute();
}

/**
 * Locks a user's row until the transaction ends, so a check of what a person has (how many tokens) and the
 * write that follows are not interleaved. PostgreSQL only: SQLite has no row locks, and runs one transaction
 * at a time anyway.
 */
export async function lockUser(db: Executor, id: string): Promise<void> {
  await db.selectFrom("user").select("id").where("id", "=", id).forUpdate().execute();
}

export async function updateUser(db: Executor, id: string, patch: Updateable<UserTable>): Promise<void> {
  await db.updateTable("user").set(patch).where("id", "=", id).execute();
}
