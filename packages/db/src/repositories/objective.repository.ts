import type { Insertable, Selectable, Updateable } from "kysely";
import type { ObjectiveSupportTable, ObjectiveTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type ObjectiveRow = Selectable<ObjectiveTable>;

export type ObjectiveFilter = {
  cycleId?: string | undefined;
  cycleIds?: string[] | undefined;
  level?: string | undefined;
  ownerUserId?: string | undefined;
  ownerDepartmentId?: string | undefined;
  keyResultOwnerUserId?: string | undefined;
  status?: string | undefined;
  includeDeleted?: boolean | undefined;
};

export async function insertObjectives(db: Executor, rows: Insertable<ObjectiveTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("objective").values(rows).execute();
}

export async function findObjective(
  db: Executor,
  orgId: string,
  id: string,
  options: { includeDeleted?: boolean; forUpdate?: boolean } = {},
): Promise<ObjectiveRow | undefined> {
  let query = db.selectFrom("objective").selectAll().where("org_id", "=", orgId).where("id", "=", id);
  if (!options.includeDeleted) query = query.where("deleted_at", "is", null);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findObjectives(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<ObjectiveRow[]> {
  if (ids.length === 0) return [];
  let query = db
    .selectFrom("objective")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "in", [...ids])
    .where("deleted_at", "is", null)
    .orderBy("id");
  if (options.forUpdate) query = query.forUpdate();
  return query.execute();
}

export async function listObjectives(
  db: Executor,
  orgId: string,
  filter: ObjectiveFilter,
): Promise<ObjectiveRow[]> {
  let query = db.selectFrom("objective").selectAll().where("org_id", "=", orgId);
  if (filter.cycleId) query = query.where("cycle_id", "=", filter.cycleId);
  if (filter.cycleIds)
    query = filter.cycleIds.length
      ? query.where("cycle_id", "in", filter.cycleIds)
      : query.where("id", "=", "");
  if (filter.level) query = query.where("level", "=", filter.level);
  if (filter.ownerUserId) query = query.where("owner_user_id", "=", filter.ownerUserId);
  if (filter.ownerDepartmentId) query = query.where("owner_department_id", "=", filter.ownerDepartmentId);
  if (filter.keyResultOwnerUserId) {
    const owner = filter.keyResultOwnerUserId;
    query = query.where("id", "in", (eb) =>
      eb
        .selectFrom("key_result")
        .select("key_result.objective_id")
        .where("key_result.org_id", "=", orgId)
        .where("key_result.owner_user_id", "=", owner)
        .where("key_result.deleted_at", "is", null),
    );
  }
  if (filter.status) query = query.where("status", "=", filter.status);
  if (!filter.includeDeleted) query = query.where("deleted_at", "is", null);
  return query.orderBy("created_at").orderBy("id").execute();
}

/** Objectives aligned to any of the given KRs (the inputs of `progress` roll-ups). */
export async function listObjectivesAlignedToKeyResults(
  db: Executor,
  orgId: string,
  keyResultIds: readonly string[],
): Promise<ObjectiveRow[]> {
  if (keyResultIds.length === 0) return [];
  return db
    .selectFrom("objective")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("parent_key_result_id", "in", [...keyResultIds])
    .where("deleted_at", "is", null)
    .execute();
}

/** Live objectives whose parent is the objective or one of its KRs. */
export async function listChildObjectives(
  db: Executor,
  orgId: string,
  objectiveId: string,
  keyResultIds: readonly string[],
): Promise<ObjectiveRow[]> {
  return db
    .selectFrom("objective")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("deleted_at", "is", null)
    .where((eb) =>
      keyResultIds.length
        ? eb.or([
            eb("parent_objective_id", "=", objectiveId),
            eb("parent_key_result_id", "in", [...keyResultIds]),
          ])
        : eb("parent_objective_id", "=", objectiveId),
    )
    .orderBy("created_at")
    .execute();
}

export async function countOwnerObjectives(
  db: Executor,
  orgId: string,
  cycleId: string,
  owner: { userId: string | null; departmentId: string | null; level: string },
): Promise<number> {
  let query = db
    .selectFrom("objective")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("cycle_id", "=", cycleId)
    .where("level", "=", owner.level)
    .where("deleted_at", "is", null);
  query =
    owner.level === "personal"
      ? query.where("owner_user_id", "=", owner.userId)
      : query.where("owner_department_id", "=", owner.departmentId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Updates the user-editable fields when the stored version is `version`; false on conflict. */
export async function updateObjective(
  db: Executor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<ObjectiveTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("objective")
    .set({ ...patch, version: version + 1 })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** Writes derived numbers (progress, health, score) without touching the version users edit against. */
export async function setObjectiveDerived(
  db: Executor,
  orgId: string,
  id: string,
  values: Pick<Updateable<ObjectiveTable>, "progress" | "health" | "score" | "updated_at">,
): Promise<void> {
  await db.updateTable("objective").set(values).where("org_id", "=", orgId).where("id", "=", id).execute();
}

export async function listSupports(
  db: Executor,
  orgId: string,
  objectiveIds: readonly string[],
): Promise<Selectable<ObjectiveSupportTable>[]> {
  if (objectiveIds.length === 0) return [];
  return db
    .selectFrom("objective_support")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("objective_id", "in", [...objectiveIds])
    .orderBy("created_at")
    .execute();
}

export async function replaceSupports(
  db: Executor,
  orgId: string,
  objectiveId: string,
  supportedIds: readonly string[],
  now: string,
): Promise<void> {
  await db
    .deleteFrom("objective_support")
    .where("org_id", "=", orgId)
    .where("objective_id", "=", objectiveId)
    .execute();
  if (supportedIds.length > 0) {
    await db
      .insertInto("objective_support")
      .values(
        supportedIds.map((sid) => ({
          org_id: orgId,
          objective_id: objectiveId,
          supported_objective_id: sid,
          created_at: now,
        })),
      )
      .execute();
  }
}

/** Closes every published objective of a cycle in one statement; returns their ids. */
export async function closePublishedObjectives(
  db: Executor,
  orgId: string,
  cycleId: string,
  now: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("objective")
    .select("id")
    .where("org_id", "=", orgId)
    .where("cycle_id", "=", cycleId)
    .where("status", "=", "published")
    .where("deleted_at", "is", null)
    .execute();
  if (rows.length === 0) return [];
  await db
    .updateTable("objective")
    .set((eb) => ({ status: "closed", updated_at: now, version: eb("version", "+", 1) }))
    .where("org_id", "=", orgId)
    .where("cycle_id", "=", cycleId)
    .where("status", "=", "published")
    .where("deleted_at", "is", null)
    .execute();
  return rows.map((r) => r.id);
}
