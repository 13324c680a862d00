import type { Insertable, Selectable, Updateable } from "kysely";
import type { AdjustmentTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type AdjustmentRow = Selectable<AdjustmentTable> & { requestedByName: string | null };

export async function insertAdjustment(db: Executor, row: Insertable<AdjustmentTable>): Promise<void> {
  await db.insertInto("adjustment").values(row).execute();
}

function selectAdjustments(db: Executor) {
  return db
    .selectFrom("adjustment")
    .leftJoin("user", "user.id", "adjustment.requestedBy")
    .selectAll("adjustment")
    .select("user.name as requestedByName");
}

export async function findAdjustment(
  db: Executor,
  orgId: string,
  id: string,
): Promise<AdjustmentRow | undefined> {
  return selectAdjustments(db)
    .where("adjustment.orgId", "=", orgId)
    .where("adjustment.id", "=", id)
    .executeTakeFirst();
}

/** Adjustments of an objective (and its KRs), newest first; only pending ones when asked. */
export async function listAdjustments(
  db: Executor,
  orgId: string,
  objectiveIds: readonly string[],
  options: { pendingOnly?: boolean } = {},
): Promise<AdjustmentRow[]> {
  if (objectiveIds.length === 0) return [];
  let query = selectAdjustments(db)
    .where("adjustment.orgId", "=", orgId)
    .where("adjustment.objectiveId", "in", [...objectiveIds]);
  if (options.pendingOnly) query = query.where("adjustment.status", "=", "pending");
  return query.orderBy("adjustment.createdAt", "desc").orderBy("adjustment.id", "desc").execute();
}

/** Decides a pending adjustment; false when it was decided meanwhile. */
export async function decideAdjustment(
  db: Executor,
  orgId: string,
  id: string,
  decision: Pick<Updateable<AdjustmentTable>, "status" | "decidedBy" | "decidedAt" | "decisionReason">,
): Promise<boolean> {
  const result = await db
    .updateTable("adjustment")
    .set(decision)
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return affected(result) === 1;
}
