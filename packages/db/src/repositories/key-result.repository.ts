import type { Insertable, Selectable, Updateable } from "kysely";
import type { KeyResultTable, MilestoneTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type KeyResultRow = Selectable<KeyResultTable>;
export type MilestoneRow = Selectable<MilestoneTable>;

export async function insertKeyResults(db: Executor, rows: Insertable<KeyResultTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("keyResult").values(rows).execute();
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
    .selectFrom("keyResult")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .where("deletedAt", "is", null);
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
    .selectFrom("keyResult")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "in", [...ids])
    .where("deletedAt", "is", null)
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
    .selectFrom("keyResult")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("objectiveId", "in", [...objectiveIds])
    .where("deletedAt", "is", null)
    .orderBy("objectiveId")
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
    .selectFrom("keyResult")
    .innerJoin("objective", (join) =>
      join
        .onRef("objective.orgId", "=", "keyResult.orgId")
        .onRef("objective.id", "=", "keyResult.objectiveId"),
    )
    .selectAll("keyResult")
    .where("keyResult.orgId", "=", orgId)
    .where("objective.cycleId", "in", [...cycleIds])
    .where("objective.deletedAt", "is", null)
    .where("keyResult.deletedAt", "is", null)
    .orderBy("keyResult.objectiveId")
    .orderBy("keyResult.position")
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
    .selectFrom("keyResult")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("parentKeyResultId", "in", [...parentIds])
    .where("deletedAt", "is", null)
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
    .where("orgId", "=", orgId)
    .where("keyResultId", "in", [...keyResultIds])
    .orderBy("keyResultId")
    .orderBy("position")
    .execute();
}

/** Renames, reweighs or moves one milestone; its id (named by check-ins) and done state stay. */
export async function updateMilestone(
  db: Executor,
  orgId: string,
  id: string,
  patch: Pick<Updateable<MilestoneTable>, "title" | "weight" | "position">,
): Promise<void> {
  await db.updateTable("milestone").set(patch).where("orgId", "=", orgId).where("id", "=", id).execute();
}

/** Removes milestones a save left out (check-ins keep the ids they named, as history). */
export async function deleteMilestones(db: Executor, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom("milestone")
    .where("orgId", "=", orgId)
    .where("id", "in", [...ids])
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
    .where("orgId", "=", orgId)
    .where("keyResultId", "=", keyResultId)
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
    .updateTable("keyResult")
    .set({ ...patch, version: version + 1 })
    .where("orgId", "=", orgId)
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
    | "currentValue"
    | "checkedInValue"
    | "checkedInStart"
    | "confidence"
    | "progress"
    | "progressRaw"
    | "health"
    | "selfScore"
    | "managerScore"
    | "score"
    | "scoreComment"
    | "lastCheckInAt"
    | "updatedAt"
  >,
): Promise<void> {
  await db.updateTable("keyResult").set(values).where("orgId", "=", orgId).where("id", "=", id).execute();
}

export async function softDeleteKeyResultsOfObjective(
  db: Executor,
  orgId: string,
  objectiveId: string,
  deletedAt: string | null,
  onlyDeletedAt?: string,
): Promise<void> {
  let query = db
    .updateTable("keyResult")
    .set({ deletedAt: deletedAt })
    .where("orgId", "=", orgId)
    .where("objectiveId", "=", objectiveId);
  query = onlyDeletedAt ? query.where("deletedAt", "=", onlyDeletedAt) : query.where("deletedAt", "is", null);
  await query.execute();
}
