import type { Insertable, Selectable, Updateable } from "kysely";
import type { KeyResultTable, MilestoneTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type KeyResultRow = Selectable<KeyResultTable>;
export type MilestoneRow = Selectable<MilestoneTable>;

export async function insertKeyResults(db: Executor, rows: Insertable<KeyResultTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("key_result").values(rows).execute();
}

export async function insertMilestones(db: Executor, rows: Insertable<MilestoneTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("milestone").values(rows).execute();
}

export async function findKeyResult(
  db: Executor,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<KeyResultRow | undefined> {
  let query = db
    .selectFrom("key_result")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("deleted_at", "is", null);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findKeyResults(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<KeyResultRow[]> {
  if (ids.length === 0) return [];
  let query = db
    .selectFrom("key_result")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "in", [...ids])
    .where("deleted_at", "is", null)
    .orderBy("id");
  if (options.forUpdate) query = query.forUpdate();
  return query.execute();
}

export async function listKeyResultsOfObjectives(
  db: Executor,
  orgId: string,
  objectiveIds: readonly string[],
): Promise<KeyResultRow[]> {
  if (objectiveIds.length === 0) return [];
  return db
    .selectFrom("key_result")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("objective_id", "in", [...objectiveIds])
    .where("deleted_at", "is", null)
    .orderBy("objective_id")
    .orderBy("position")
    .execute();
}

/** Every live KR of every live objective in the cycles, in one query (tree, dashboard, rollout). */
export async function listKeyResultsOfCycles(
  db: Executor,
  orgId: string,
  cycleIds: readonly string[],
): Promise<KeyResultRow[]> {
  if (cycleIds.length === 0) return [];
  return db
    .selectFrom("key_result")
    .innerJoin("objective", (join) =>
      join
        .onRef("objective.org_id", "=", "key_result.org_id")
        .onRef("objective.id", "=", "key_result.objective_id"),
    )
    .selectAll("key_result")
    .where("key_result.org_id", "=", orgId)
    .where("objective.cycle_id", "in", [...cycleIds])
    .where("objective.deleted_at", "is", null)
    .where("key_result.deleted_at", "is", null)
    .orderBy("key_result.objective_id")
    .orderBy("key_result.position")
    .execute();
}

/** KRs that add their value into any of the given `sum` KRs. */
export async function listKeyResultsContributingTo(
  db: Executor,
  orgId: string,
  parentIds: readonly string[],
): Promise<KeyResultRow[]> {
  if (parentIds.length === 0) return [];
  return db
    .selectFrom("key_result")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("parent_key_result_id", "in", [...parentIds])
    .where("deleted_at", "is", null)
    .execute();
}

export async function listMilestones(
  db: Executor,
  orgId: string,
  keyResultIds: readonly string[],
): Promise<MilestoneRow[]> {
  if (keyResultIds.length === 0) return [];
  return db
    .selectFrom("milestone")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("key_result_id", "in", [...keyResultIds])
    .orderBy("key_result_id")
    .orderBy("position")
    .execute();
}
export async function setMilestonesDone(
  db: Executor,
  orgId: string,
  keyResultId: string,
  doneIds: readonly string[],
): Promise<void> {
  await db
    .updateTable("milestone")
    .set((eb) => ({
      done: doneIds.length
        ? eb
            .case()
            .when("id", "in", [...doneIds])
            .then(1)
            .else(0)
            .end()
        : 0,
    }))
    .where("org_id", "=", orgId)
    .where("key_result_id", "=", keyResultId)
    .execute();
}

export async function updateKeyResult(
  db: Executor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<KeyResultTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("key_result")
    .set({ ...patch, version: version + 1 })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** Writes measured and derived values (check-ins, roll-ups, scores) without changing the edit version. */
export async function setKeyResultValues(
  db: Executor,
  orgId: string,
  id: string,
  values: Pick<
    Updateable<KeyResultTable>,
    | "current_value"
    | "confidence"
    | "progress"
    | "progress_raw"
    | "health"
    | "self_score"
    | "manager_score"
    | "score"
    | "score_comment"
    | "last_check_in_at"
    | "updated_at"
  >,
): Promise<void> {
  await db.updateTable("key_result").set(values).where("org_id", "=", orgId).where("id", "=", id).execute();
}

export async function softDeleteKeyResultsOfObjective(
  db: Executor,
  orgId: string,
  objectiveId: string,
  deletedAt: string | null,
  onlyDeletedAt?: string,
): Promise<void> {
  let query = db
    .updateTable("key_result")
    .set({ deleted_at: deletedAt })
    .where("org_id", "=", orgId)
    .where("objective_id", "=", objectiveId);
  query = onlyDeletedAt
    ? query.where("deleted_at", "=", onlyDeletedAt)
    : query.where("deleted_at", "is", null);
  await query.execute();
}
