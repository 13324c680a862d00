import type { Insertable, Selectable } from "kysely";
import type { AccountLinkKind, AccountLinkTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type AccountLinkRow = Selectable<AccountLinkTable>;

export async function insertAccountLinks(db: Executor, rows: Insertable<AccountLinkTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("accountLink").values(rows).execute();
}

/** The link with this secret's hash, used or not, expired or not (the caller judges). */
export async function findAccountLinkByHash(
  db: Executor,
  tokenHash: string,
): Promise<AccountLinkRow | undefined> {
  return db.selectFrom("accountLink").selectAll().where("tokenHash", "=", tokenHash).executeTakeFirst();
}

/**
 * Marks a link used, once: false when it was used already (or is gone), so two requests racing with the
 * same link cannot both succeed.
 */
export async function markAccountLinkUsed(db: Executor, id: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable("accountLink")
    .set({ usedAt })
    .where("id", "=", id)
    .where("usedAt", "is", null)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** Ends every unused link of a kind for a user (a new one replaces them, or the password was just set). */
export async function expireAccountLinks(
  db: Executor,
  userId: string,
  kinds: readonly AccountLinkKind[],
  at: string,
): Promise<void> {
  if (kinds.length === 0) return;
  await db
    .updateTable("accountLink")
    .set({ usedAt: at })
    .where("userId", "=", userId)
    .where("kind", "in", [...kinds])
    .where("usedAt", "is", null)
    .execute();
}

/** How many links of a kind a user was given since an instant (to bound reset emails). */
export async function countAccountLinksSince(
  db: Executor,
  userId: string,
  kind: AccountLinkKind,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom("accountLink")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("userId", "=", userId)
    .where("kind", "=", kind)
    .where("createdAt", ">=", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
