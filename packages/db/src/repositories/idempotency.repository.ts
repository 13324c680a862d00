import type { Selectable } from "kysely";
import type { IdempotencyKeyTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;

/**
 * The answer kept for a key, if one was kept at or after `since`. On PostgreSQL, a concurrent transaction
 * that is writing the same key is waited for (`FOR UPDATE`), so its answer is the one read.
 */
export async function findIdempotencyKey(
  db: Executor,
  row: { orgId: string; userId: string; key: string },
  options: { forUpdate: boolean },
): Promise<IdempotencyKeyRow | undefined> {
  let query = db
    .selectFrom("idempotencyKey")
    .selectAll()
    .where("orgId", "=", row.orgId)
    .where("userId", "=", row.userId)
    .where("key", "=", row.key);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Claims a key for a request: inserts it (answered later by `keepIdempotentAnswer`, in the same transaction)
 * and says whether it did. While another transaction holds the same key, PostgreSQL waits for it to end,
 * then answers false if it committed.
 */
export async function claimIdempotencyKey(db: Executor, row: IdempotencyKeyRow): Promise<boolean> {
  const inserted = await db
    .insertInto("idempotencyKey")
    .values(row)
    .onConflict((oc) => oc.columns(["orgId", "userId", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Claims again a key whose answer is older than `expiredAt`: it is free once 24 hours have passed. */
export async function reclaimIdempotencyKey(
  db: Executor,
  row: IdempotencyKeyRow,
  expiredAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable("idempotencyKey")
    .set({ requestHash: row.requestHash, status: row.status, body: row.body, createdAt: row.createdAt })
    .where("orgId", "=", row.orgId)
    .where("userId", "=", row.userId)
    .where("key", "=", row.key)
    .where("createdAt", "<=", expiredAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Keeps the answer of the request that claimed the key. */
export async function keepIdempotentAnswer(
  db: Executor,
  row: Pick<IdempotencyKeyRow, "orgId" | "userId" | "key" | "status" | "body">,
): Promise<void> {
  await db
    .updateTable("idempotencyKey")
    .set({ status: row.status, body: row.body })
    .where("orgId", "=", row.orgId)
    .where("userId", "=", row.userId)
    .where("key", "=", row.key)
    .execute();
}

/** Forgets the answers older than `expiredAt`. */
export async function deleteExpiredIdempotencyKeys(db: Executor, expiredAt: string): Promise<void> {
  await db.deleteFrom("idempotencyKey").where("createdAt", "<=", expiredAt).execute();
}
