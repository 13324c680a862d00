import type { Insertable, Selectable } from "kysely";
import type { CheckInTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type CheckInRow = Selectable<CheckInTable> & { authorName: string | null };

export async function insertCheckIns(db: Executor, rows: Insertable<CheckInTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("checkIn").values(rows).execute();
}

/** A KR's history, newest first. */
export async function listCheckIns(
  db: Executor,
  orgId: string,
  keyResultId: string,
  limit = 500,
): Promise<CheckInRow[]> {
  return db
    .selectFrom("checkIn")
    .leftJoin("user", "user.id", "checkIn.authorId")
    .selectAll("checkIn")
    .select("user.name as authorName")
    .where("checkIn.orgId", "=", orgId)
    .where("checkIn.keyResultId", "=", keyResultId)
    .orderBy("checkIn.createdAt", "desc")
    .orderBy("checkIn.id", "desc")
    .limit(limit)
    .execute();
}

/** Ids of the KRs, among those of the cycles, that got a check-in at or after `since`. */
export async function keyResultsCheckedInSince(
  db: Executor,
  orgId: string,
  cycleIds: readonly string[],
  since: string,
): Promise<Set<string>> {
  if (cycleIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("checkIn")
    .innerJoin("objective", (join) =>
      join.onRef("objective.orgId", "=", "checkIn.orgId").onRef("objective.id", "=", "checkIn.objectiveId"),
    )
    .select("checkIn.keyResultId")
    .distinct()
    .where("checkIn.orgId", "=", orgId)
    .where("objective.cycleId", "in", [...cycleIds])
    .where("checkIn.createdAt", ">=", since)
    .execute();
  return new Set(rows.map((r) => r.keyResultId));
}

/** When each check-in of the cycles' KRs happened at or after `since` (the weekly check-in trend). */
export async function listCheckInMoments(
  db: Executor,
  orgId: string,
  cycleIds: readonly string[],
  since: string,
): Promise<Array<{ keyResultId: string; createdAt: string }>> {
  if (cycleIds.length === 0) return [];
  return db
    .selectFrom("checkIn")
    .innerJoin("objective", (join) =>
      join.onRef("objective.orgId", "=", "checkIn.orgId").onRef("objective.id", "=", "checkIn.objectiveId"),
    )
    .select(["checkIn.keyResultId", "checkIn.createdAt"])
    .where("checkIn.orgId", "=", orgId)
    .where("objective.cycleId", "in", [...cycleIds])
    .where("checkIn.createdAt", ">=", since)
    .execute();
}
