import type { Insertable, Selectable, Updateable } from "kysely";
import type { IntegrationTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

/** A chat channel as stored, secret included: only the server's senders read the secret. */
export type IntegrationRow = Selectable<IntegrationTable>;

export async function insertIntegration(db: Executor, row: Insertable<IntegrationTable>): Promise<void> {
  await db.insertInto("integration").values(row).execute();
}

export async function findIntegration(
  db: Executor,
  orgId: string,
  id: string,
): Promise<IntegrationRow | undefined> {
  return db
    .selectFrom("integration")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** An organization's chat channels, oldest first; only the enabled ones when asked. */
export async function listIntegrations(
  db: Executor,
  orgId: string,
  options: { enabledOnly?: boolean } = {},
): Promise<IntegrationRow[]> {
  let query = db.selectFrom("integration").selectAll().where("orgId", "=", orgId);
  if (options.enabledOnly) query = query.where("enabled", "=", 1);
  return query.orderBy("createdAt").orderBy("id").execute();
}

/** Changes a channel; false when it is gone. */
export async function updateIntegration(
  db: Executor,
  orgId: string,
  id: string,
  patch: Updateable<Omit<IntegrationTable, "orgId" | "id" | "createdAt" | "createdBy">>,
): Promise<boolean> {
  const result = await db
    .updateTable("integration")
    .set(patch)
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** Removes a channel; false when it was already gone. */
export async function deleteIntegration(db: Executor, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("integration")
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return affected(result) === 1;
}
