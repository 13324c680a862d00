import type { Insertable, Selectable, Updateable } from "kysely";
import type { CycleTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type CycleRow = Selectable<CycleTable>;

export async function listCycles(db: Executor, orgId: string): Promise<CycleRow[]> {
  return db
    .selectFrom("cycle")
    .selectAll()
    .where("orgId", "=", orgId)
    .orderBy("startDate", "desc")
    .orderBy("endDate")
    .execute();
}

export async function findCycle(db: Executor, orgId: string, id: string): Promise<CycleRow | undefined> {
  return db
    .selectFrom("cycle")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findCycles(db: Executor, orgId: string, ids: string[]): Promise<CycleRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("cycle").selectAll().where("orgId", "=", orgId).where("id", "in", ids).execute();
}

export async function insertCycle(db: Executor, row: Insertable<CycleTable>): Promise<void> {
  await db.insertInto("cycle").values(row).execute();
}

export async function updateCycle(
  db: Executor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<CycleTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("cycle")
    .set({ ...patch, version: version + 1 })
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return affected(result) === 1;
}
