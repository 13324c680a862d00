import type { Executor } from "./executor.ts";
import type { ObjectiveRow } from "./objective.repository.ts";

/*
 * What people's OKR records read: the committed objectives each person answers for, their check-ins, the
 * praise they received. Every query takes many people at once, so team insights cost a few queries, not a
 * few per person.
 */

/** An objective of someone's record, with whose record it belongs to. */
export type RecordObjectiveRow = ObjectiveRow & { holderId: string };

/**
 * The published and closed objectives each person answers for: those they own, those of the departments
 * they lead, and those with a KR they own. `cycleIds` narrows to those cycles.
 */
export async function listRecordObjectives(
  db: Executor,
  orgId: string,
  people: ReadonlyArray<{ userId: string; ledDepartmentIds: readonly string[] }>,
  cycleIds?: readonly string[],
): Promise<RecordObjectiveRow[]> {
  if (people.length === 0 || cycleIds?.length === 0) return [];
  const userIds = people.map((p) => p.userId);
  const leaderOf = new Map(people.flatMap((p) => p.ledDepartmentIds.map((d) => [d, p.userId] as const)));
  const base = () => {
    let query = db
      .selectFrom("objective")
      .selectAll("objective")
      .where("objective.orgId", "=", orgId)
      .where("objective.deletedAt", "is", null)
      .where("objective.status", "in", ["published", "closed"]);
    if (cycleIds) query = query.where("objective.cycleId", "in", [...cycleIds]);
    return query;
  };
  const [owned, led, throughKeyResults] = await Promise.all([
    base().where("objective.level", "=", "personal").where("objective.ownerUserId", "in", userIds).execute(),
    leaderOf.size === 0
      ? Promise.resolve([])
      : base()
          .where("objective.level", "in", ["department", "company"])
          .where("objective.ownerDepartmentId", "in", [...leaderOf.keys()])
          .execute(),
    base()
      .innerJoin("keyResult", (join) =>
        join
          .onRef("keyResult.orgId", "=", "objective.orgId")
          .onRef("keyResult.objectiveId", "=", "objective.id"),
      )
      .select("keyResult.ownerUserId as krOwnerId")
      .where("keyResult.deletedAt", "is", null)
      .where("keyResult.ownerUserId", "in", userIds)
      .execute(),
  ]);
  const seen = new Set<string>();
  const rows: RecordObjectiveRow[] = [];
  const add = (row: ObjectiveRow, holderId: string | null | undefined) => {
    if (!holderId || seen.has(`${holderId}|${row.id}`)) return;
    seen.add(`${holderId}|${row.id}`);
    rows.push({ ...row, holderId });
  };
  for (const row of owned) add(row, row.ownerUserId);
  for (const row of led) add(row, leaderOf.get(row.ownerDepartmentId ?? ""));
  for (const { krOwnerId, ...row } of throughKeyResults) add(row as ObjectiveRow, krOwnerId);
  return rows;
}

/** When each of these people checked in, and in which cycle; `cycleIds` narrows to those cycles. */
export async function listCheckInsByAuthors(
  db: Executor,
  orgId: string,
  authorIds: readonly string[],
  cycleIds?: readonly string[],
): Promise<Array<{ authorId: string; cycleId: string; createdAt: string }>> {
  if (authorIds.length === 0 || cycleIds?.length === 0) return [];
  let query = db
    .selectFrom("checkIn")
    .innerJoin("objective", (join) =>
      join.onRef("objective.orgId", "=", "checkIn.orgId").onRef("objective.id", "=", "checkIn.objectiveId"),
    )
    .select(["checkIn.authorId", "objective.cycleId", "checkIn.createdAt"])
    .where("checkIn.orgId", "=", orgId)
    .where("checkIn.authorId", "in", [...authorIds]);
  if (cycleIds) query = query.where("objective.cycleId", "in", [...cycleIds]);
  return query.orderBy("checkIn.createdAt").execute();
}

/** When each of these people was praised (表扬). */
export async function listPraiseReceived(
  db: Executor,
  orgId: string,
  userIds: readonly string[],
): Promise<Array<{ userId: string; createdAt: string }>> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("recognitionRecipient")
    .innerJoin("recognition", (join) =>
      join
        .onRef("recognition.orgId", "=", "recognitionRecipient.orgId")
        .onRef("recognition.id", "=", "recognitionRecipient.recognitionId"),
    )
    .select(["recognitionRecipient.userId", "recognition.createdAt"])
    .where("recognitionRecipient.orgId", "=", orgId)
    .where("recognitionRecipient.userId", "in", [...userIds])
    .execute();
}
