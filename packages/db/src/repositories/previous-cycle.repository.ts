import { NUMERIC_TYPES } from "@luodi/core";
import type { Selectable } from "kysely";
import type { KeyResultTable, ObjectiveTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

/** A key result of the cycle before, as the coach reads it, with what decides whether the caller may see it. */
type PreviousCycleKeyResultRow = Pick<
  Selectable<KeyResultTable>,
  "title" | "type" | "unit" | "currentValue"
> &
  Pick<Selectable<ObjectiveTable>, "level" | "visibility" | "ownerUserId" | "ownerDepartmentId">;

/**
 * The measured key results (number, percentage, currency, with a value) one owner — a person, or a department
 * (the company's is the root department) — had in the cycle just before `cycleId` of the same kind: the latest
 * one that starts before it, as cycles are ordered everywhere (start date, then end date). At most `limit`, live
 * objectives only, in one query: the current and the previous cycle are subqueries.
 */
export async function listPreviousCycleKeyResults(
  db: Executor,
  orgId: string,
  options: { cycleId: string; ownerUserId: string | null; ownerDepartmentId: string | null; limit: number },
): Promise<PreviousCycleKeyResultRow[]> {
  const { cycleId, ownerUserId, ownerDepartmentId } = options;
  if (ownerUserId === null && ownerDepartmentId === null) return [];
  const current = db
    .selectFrom("cycle as current")
    .where("current.orgId", "=", orgId)
    .where("current.id", "=", cycleId);
  const previousCycle = db
    .selectFrom("cycle")
    .select("cycle.id")
    .where("cycle.orgId", "=", orgId)
    .where("cycle.id", "!=", cycleId)
    .where((eb) => eb("cycle.kind", "=", current.select("current.kind")))
    .where((eb) => eb("cycle.startDate", "<", current.select("current.startDate")))
    .orderBy("cycle.startDate", "desc")
    .orderBy("cycle.endDate", "desc")
    .limit(1);
  let query = db
    .selectFrom("keyResult")
    .innerJoin("objective", (join) =>
      join
        .onRef("objective.orgId", "=", "keyResult.orgId")
        .onRef("objective.id", "=", "keyResult.objectiveId"),
    )
    .select([
      "keyResult.title",
      "keyResult.type",
      "keyResult.unit",
      "keyResult.currentValue",
      "objective.level",
      "objective.visibility",
      "objective.ownerUserId",
      "objective.ownerDepartmentId",
    ])
    .where("keyResult.orgId", "=", orgId)
    .where("keyResult.deletedAt", "is", null)
    .where("keyResult.type", "in", [...NUMERIC_TYPES])
    .where("keyResult.currentValue", "is not", null)
    .where("objective.deletedAt", "is", null)
    .where("objective.cycleId", "=", previousCycle);
  // A person's objectives carry their user; a department's carry none.
  query =
    ownerUserId !== null
      ? query.where("objective.ownerUserId", "=", ownerUserId)
      : query
          .where("objective.ownerDepartmentId", "=", ownerDepartmentId)
          .where("objective.ownerUserId", "is", null);
  return query.orderBy("objective.createdAt").orderBy("keyResult.id").limit(options.limit).execute();
}
