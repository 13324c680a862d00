import type { ObjectiveLevel, ObjectiveStatus } from "@luodi/core";
import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { ObjectiveSupportTable, ObjectiveTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type ObjectiveRow = Selectable<ObjectiveTable>;

export type ObjectiveFilter = {
  cycleId?: string | undefined;
  cycleIds?: string[] | undefined;
  level?: ObjectiveLevel | undefined;
  ownerUserId?: string | undefined;
  ownerDepartmentId?: string | undefined;
  keyResultOwnerUserId?: string | undefined;
  status?: ObjectiveStatus | undefined;
  includeDeleted?: boolean | undefined;
  /**
   * Only what this person answers for: their personal objectives, those of the departments they lead
   * (`departmentIds`), and those where they own a live KR.
   */
  answerableBy?: { userId: string; departmentIds: readonly string[] } | undefined;
  /** Only personal objectives whose owner is a member of this department (not of the ones below). */
  memberDepartmentId?: string | undefined;
  /** Only objectives whose title, or a live KR's title, holds this text (any case, a plain substring). */
  q?: string | undefined;
};

/** A stretch of `listObjectives`' order (oldest first): the rows strictly after `after`, at most `limit`. */
export type ObjectiveRange = {
  limit: number;
  after?: { createdAt: string; id: string } | undefined;
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
  let query = db.selectFrom("objective").selectAll().where("orgId", "=", orgId).where("id", "=", id);
  if (!options.includeDeleted) query = query.where("deletedAt", "is", null);
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
    .where("orgId", "=", orgId)
    .where("id", "in", [...ids])
    .where("deletedAt", "is", null)
    .orderBy("id");
  if (options.forUpdate) query = query.forUpdate();
  return query.execute();
}

export async function listObjectives(
  db: Executor,
  orgId: string,
  filter: ObjectiveFilter,
  range?: ObjectiveRange,
): Promise<ObjectiveRow[]> {
  let query = db.selectFrom("objective").selectAll().where("orgId", "=", orgId);
  if (filter.cycleId) query = query.where("cycleId", "=", filter.cycleId);
  if (filter.cycleIds)
    query = filter.cycleIds.length
      ? query.where("cycleId", "in", filter.cycleIds)
      : query.where("id", "=", "");
  if (filter.level) query = query.where("level", "=", filter.level);
  if (filter.ownerUserId) query = query.where("ownerUserId", "=", filter.ownerUserId);
  if (filter.ownerDepartmentId) query = query.where("ownerDepartmentId", "=", filter.ownerDepartmentId);
  if (filter.keyResultOwnerUserId) {
    const owner = filter.keyResultOwnerUserId;
    query = query.where("id", "in", (eb) =>
      eb
        .selectFrom("keyResult")
        .select("keyResult.objectiveId")
        .where("keyResult.orgId", "=", orgId)
        .where("keyResult.ownerUserId", "=", owner)
        .where("keyResult.deletedAt", "is", null),
    );
  }
  if (filter.answerableBy) {
    const { userId, departmentIds } = filter.answerableBy;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb("level", "=", "personal"), eb("ownerUserId", "=", userId)]),
        ...(departmentIds.length ? [eb("ownerDepartmentId", "in", [...departmentIds])] : []),
        eb(
          "id",
          "in",
          eb
            .selectFrom("keyResult")
            .select("keyResult.objectiveId")
            .where("keyResult.orgId", "=", orgId)
            .where("keyResult.ownerUserId", "=", userId)
            .where("keyResult.deletedAt", "is", null),
        ),
      ]),
    );
  }
  if (filter.memberDepartmentId) {
    const departmentId = filter.memberDepartmentId;
    query = query
      .where("level", "=", "personal")
      .where("ownerUserId", "in", (eb) =>
        eb
          .selectFrom("membership")
          .select("membership.userId")
          .where("membership.orgId", "=", orgId)
          .where("membership.departmentId", "=", departmentId),
      );
  }
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref("objective.title")}) like ${pattern} escape '\\'`,
        eb(
          "id",
          "in",
          eb
            .selectFrom("keyResult")
            .select("keyResult.objectiveId")
            .where("keyResult.orgId", "=", orgId)
            .where("keyResult.deletedAt", "is", null)
            .where(sql<boolean>`lower(${sql.ref("keyResult.title")}) like ${pattern} escape '\\'`),
        ),
      ]),
    );
  }
  if (filter.status) query = query.where("status", "=", filter.status);
  if (!filter.includeDeleted) query = query.where("deletedAt", "is", null);
  const after = range?.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("createdAt", ">", after.createdAt),
        eb.and([eb("createdAt", "=", after.createdAt), eb("id", ">", after.id)]),
      ]),
    );
  }
  query = query.orderBy("createdAt").orderBy("id");
  return (range ? query.limit(range.limit) : query).execute();
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
    .where("orgId", "=", orgId)
    .where("deletedAt", "is", null)
    .where((eb) =>
      keyResultIds.length
        ? eb.or([eb("parentObjectiveId", "=", objectiveId), eb("parentKeyResultId", "in", [...keyResultIds])])
        : eb("parentObjectiveId", "=", objectiveId),
    )
    .orderBy("createdAt")
    .execute();
}

export async function countOwnerObjectives(
  db: Executor,
  orgId: string,
  cycleId: string,
  owner: { userId: string | null; departmentId: string | null; level: ObjectiveLevel },
): Promise<number> {
  let query = db
    .selectFrom("objective")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("orgId", "=", orgId)
    .where("cycleId", "=", cycleId)
    .where("level", "=", owner.level)
    .where("deletedAt", "is", null);
  query =
    owner.level === "personal"
      ? query.where("ownerUserId", "=", owner.userId)
      : query.where("ownerDepartmentId", "=", owner.departmentId);
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
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return affected(result) === 1;
}

/**
 * Counts an edit of the objective's key results as an edit of the objective: its version moves, so a
 * whole-objective save based on the old version (If-Match) is refused instead of overwriting it.
 */
export async function bumpObjectiveVersion(
  db: Executor,
  orgId: string,
  id: string,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable("objective")
    .set((eb) => ({ version: eb("version", "+", 1), updatedAt }))
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .execute();
}

/** Writes derived numbers (progress, health, score) without touching the version users edit against. */
export async function setObjectiveDerived(
  db: Executor,
  orgId: string,
  id: string,
  values: Pick<Updateable<ObjectiveTable>, "progress" | "health" | "score" | "updatedAt">,
): Promise<void> {
  await db.updateTable("objective").set(values).where("orgId", "=", orgId).where("id", "=", id).execute();
}

export async function listSupports(
  db: Executor,
  orgId: string,
  objectiveIds: readonly string[],
): Promise<Selectable<ObjectiveSupportTable>[]> {
  if (objectiveIds.length === 0) return [];
  return db
    .selectFrom("objectiveSupport")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("objectiveId", "in", [...objectiveIds])
    .orderBy("createdAt")
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
    .deleteFrom("objectiveSupport")
    .where("orgId", "=", orgId)
    .where("objectiveId", "=", objectiveId)
    .execute();
  if (supportedIds.length > 0) {
    await db
      .insertInto("objectiveSupport")
      .values(
        supportedIds.map((sid) => ({
          orgId: orgId,
          objectiveId: objectiveId,
          supportedObjectiveId: sid,
          createdAt: now,
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
    .where("orgId", "=", orgId)
    .where("cycleId", "=", cycleId)
    .where("status", "=", "published")
    .where("deletedAt", "is", null)
    .execute();
  if (rows.length === 0) return [];
  await db
    .updateTable("objective")
    .set((eb) => ({ status: "closed", updatedAt: now, version: eb("version", "+", 1) }))
    .where("orgId", "=", orgId)
    .where("cycleId", "=", cycleId)
    .where("status", "=", "published")
    .where("deletedAt", "is", null)
    .execute();
  return rows.map((r) => r.id);
}
