import type { Insertable, Selectable, Updateable } from "kysely";
import { sql } from "kysely";
import type { OrganizationTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type OrganizationRow = Selectable<OrganizationTable>;

export async function countOrganizations(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("organization")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertOrganization(db: Executor, row: Insertable<OrganizationTable>): Promise<void> {
  await db.insertInto("organization").values(row).execute();
}

export async function findOrganization(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom("organization").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Updates when the stored version is `version`; returns false on a version conflict. */
export async function updateOrganization(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<OrganizationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("organization")
    .set({ ...patch, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** Serializes first-run setup so two concurrent requests cannot both create the first organization. */
export async function lockOrganizationsForSetup(db: Executor, dialect: "sqlite" | "postgres"): Promise<void> {
  // SQLite transactions are already serialized by the single connection.
  if (dialect === "postgres") await sql`LOCK TABLE organization IN EXCLUSIVE MODE`.execute(db);
}

/** Tells every server instance listening on PostgreSQL that something changed (no-op elsewhere). */
export async function notifyChange(db: Executor, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
