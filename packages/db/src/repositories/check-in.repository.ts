import type { Insertable, Selectable } from "kysely";
import type { CheckInTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type CheckInRow = Selectable<CheckInTable> & { author_name: string | null };

export async function insertCheckIns(db: Executor, rows: Insertable<CheckInTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("check_in").values(rows).execute();
}

/** A KR's history, newest first. */
export async function listCheckIns(
  db: Executor,
  orgId: string,
  keyResultId: string,
  limit = 500,
): Promise<CheckInRow[]> {
  return db
    .selectFrom("check_in")
    .leftJoin("user", "user.id", "check_in.author_id")
    .selectAll("check_in")
    .select("user.name as author_name")
    .where("check_in.org_id", "=", orgId)
    .where("check_in.key_result_id", "=", keyResultId)
    .orderBy("check_in.created_at", "desc")
    .orderBy("check_in.id", "desc")
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
    .selectFrom("check_in")
    .innerJoin("objective", (join) =>
      join
        .onRef("objective.org_id", "=", "check_in.org_id")
        .onRef("objective.id", "=", "check_in.objective_id"),
    )
    .select("check_in.key_result_id")
    .distinct()
    .where("check_in.org_id", "=", orgId)
    .where("objective.cycle_id", "in", [...cycleIds])
    .where("check_in.created_at", ">=", since)
    .execute();
  return new Set(rows.map((r) => r.key_result_id));
}

/** When each check-in of the cycles' KRs happened at or after `since` (the weekly check-in trend). */
export async function listCheckInMoments(
  db: Executor,
  orgId: string,
  cycleIds: readonly string[],
  since: string,
): Promise<Array<{ key_result_id: string; created_at: string }>> {
  if (cycleIds.length === 0) return [];
  return db
    .selectFrom("check_in")
    .innerJoin("objective", (join) =>
      join
        .onRef("objective.org_id", "=", "check_in.org_id")
        .onRef("objective.id", "=", "check_in.objective_id"),
    )
    .select(["check_in.key_result_id", "check_in.created_at"])
    .where("check_in.org_id", "=", orgId)
    .where("objective.cycle_id", "in", [...cycleIds])
    .where("check_in.created_at", ">=", since)
    .execute();
}
