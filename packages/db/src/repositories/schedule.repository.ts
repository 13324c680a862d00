import type { Insertable } from "kysely";
import type { ScheduledRunTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

/**
 * Takes an occurrence of a job for this transaction: true when it was free. A second instance inserting
 * the same key waits for the first's transaction and then finds it taken (PostgreSQL), or runs after it
 * (SQLite, one writer); either way it answers false, and only one sends.
 */
export async function claimScheduledRun(db: Executor, row: Insertable<ScheduledRunTable>): Promise<boolean> {
  const result = await db
    .insertInto("scheduledRun")
    .values(row)
    .onConflict((oc) => oc.columns(["orgId", "job", "occurrence"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Records how many were told, once the run knows. */
export async function finishScheduledRun(
  db: Executor,
  key: { orgId: string; job: string; occurrence: string },
  recipients: number,
): Promise<void> {
  await db
    .updateTable("scheduledRun")
    .set({ recipients })
    .where("orgId", "=", key.orgId)
    .where("job", "=", key.job)
    .where("occurrence", "=", key.occurrence)
    .execute();
}

/** The organizations the scheduler looks after. */
export async function listOrganizationsForSchedule(db: Executor) {
  return db.selectFrom("organization").selectAll().execute();
}

/**
 * Who owns key results to check in on, in cycles under way, that have had no check-in since `since`
 * (or none ever): the KR's owner, else its objective's owner, else its department's leader. Published
 * objectives only — drafts take no check-ins.
 */
export async function ownersWithoutCheckInSince(
  db: Executor,
  orgId: string,
  since: string,
): Promise<{ userId: string; keyResultId: string; title: string }[]> {
  const rows = await db
    .selectFrom("keyResult as kr")
    .innerJoin("objective as o", (join) =>
      join.onRef("o.orgId", "=", "kr.orgId").onRef("o.id", "=", "kr.objectiveId"),
    )
    .innerJoin("cycle as c", (join) => join.onRef("c.orgId", "=", "o.orgId").onRef("c.id", "=", "o.cycleId"))
    .leftJoin("department as d", (join) =>
      join.onRef("d.orgId", "=", "o.orgId").onRef("d.id", "=", "o.ownerDepartmentId"),
    )
    .select([
      "kr.id",
      "kr.ownerUserId as krOwner",
      "o.ownerUserId as objectiveOwner",
      "d.leaderId",
      "kr.title",
    ])
    .where("kr.orgId", "=", orgId)
    .where("kr.deletedAt", "is", null)
    .where("o.deletedAt", "is", null)
    .where("o.status", "=", "published")
    .where("c.phase", "=", "in_progress")
    .where((eb) => eb.or([eb("kr.lastCheckInAt", "is", null), eb("kr.lastCheckInAt", "<", since)]))
    .orderBy("kr.id")
    .execute();
  const byOwner = new Map<string, { userId: string; keyResultId: string; title: string }>();
  for (const row of rows) {
    const owner = row.krOwner ?? row.objectiveOwner ?? row.leaderId;
    if (owner && !byOwner.has(owner))
      byOwner.set(owner, { userId: owner, keyResultId: row.id, title: row.title });
  }
  return [...byOwner.values()];
}

/** Everyone who owns a published objective of a cycle: personal owners and owning departments' leaders. */
export async function listObjectiveOwnersInCycle(
  db: Executor,
  orgId: string,
  cycleId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("objective as o")
    .leftJoin("department as d", (join) =>
      join.onRef("d.orgId", "=", "o.orgId").onRef("d.id", "=", "o.ownerDepartmentId"),
    )
    .select(["o.ownerUserId", "d.leaderId"])
    .where("o.orgId", "=", orgId)
    .where("o.cycleId", "=", cycleId)
    .where("o.status", "=", "published")
    .where("o.deletedAt", "is", null)
    .execute();
  return [...new Set(rows.map((row) => row.ownerUserId ?? row.leaderId).filter((id): id is string => !!id))];
}

/**
 * The key results people own (as KR owner, or as owner of the objective when the KR names nobody) in
 * published objectives of cycles under way, with what their health is computed from.
 */
export async function keyResultsUnderWayOf(db: Executor, orgId: string, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return [];
  const rows = await db
    .selectFrom("keyResult as kr")
    .innerJoin("objective as o", (join) =>
      join.onRef("o.orgId", "=", "kr.orgId").onRef("o.id", "=", "kr.objectiveId"),
    )
    .innerJoin("cycle as c", (join) => join.onRef("c.orgId", "=", "o.orgId").onRef("c.id", "=", "o.cycleId"))
    .select([
      "kr.id",
      "kr.ownerUserId as krOwner",
      "o.ownerUserId as objectiveOwner",
      "kr.progress",
      "kr.confidence",
      "kr.lastCheckInAt",
      "o.status",
      "c.startDate",
      "c.endDate",
    ])
    .where("kr.orgId", "=", orgId)
    .where("kr.deletedAt", "is", null)
    .where("o.deletedAt", "is", null)
    .where("o.status", "=", "published")
    .where("c.phase", "=", "in_progress")
    .where((eb) =>
      eb.or([
        eb("kr.ownerUserId", "in", [...ownerIds]),
        eb.and([eb("kr.ownerUserId", "is", null), eb("o.ownerUserId", "in", [...ownerIds])]),
      ]),
    )
    .execute();
  return rows.map(({ krOwner, objectiveOwner, ...row }) => ({
    ...row,
    ownerId: (krOwner ?? objectiveOwner) as string,
  }));
}
