import type { Insertable, Selectable } from "kysely";
import type { CheckInTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type CheckInRow = Selectable<CheckInTable> & { authorName: string | null };

export async function insertCheckIns(db: Executor, rows: Insertable<CheckInTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("checkIn").values(rows).execute();
}

function selectCheckIns(db: Executor) {
  return db
    .selectFrom("checkIn")
    .leftJoin("user", "user.id", "checkIn.authorId")
    .selectAll("checkIn")
    .select("user.name as authorName");
}

export async function findCheckIn(db: Executor, orgId: string, id: string): Promise<CheckInRow | undefined> {
  return selectCheckIns(db)
    .where("checkIn.orgId", "=", orgId)
    .where("checkIn.id", "=", id)
    .executeTakeFirst();
}

/**
 * A page of a KR's history, newest first (by time, then id). `after` is the last check-in of the page
 * before: the next page starts strictly below it, so check-ins written meanwhile (newer) neither shift nor
 * repeat it. Reads `limit + 1` rows so the caller knows whether more follow.
 */
export async function listCheckIns(
  db: Executor,
  orgId: string,
  keyResultId: string,
  page: { limit: number; after?: { createdAt: string; id: string } | undefined },
): Promise<CheckInRow[]> {
  let query = selectCheckIns(db)
    .where("checkIn.orgId", "=", orgId)
    .where("checkIn.keyResultId", "=", keyResultId);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("checkIn.createdAt", "<", after.createdAt),
        eb.and([eb("checkIn.createdAt", "=", after.createdAt), eb("checkIn.id", "<", after.id)]),
      ]),
    );
  }
  return query
    .orderBy("checkIn.createdAt", "desc")
    .orderBy("checkIn.id", "desc")
    .limit(page.limit + 1)
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

/** A check-in as the team view reads it: when, how sure, and what was written. */
export type RecentCheckIn = {
  keyResultId: string;
  value: string | null;
  confidence: number;
  note: string;
  createdAt: string;
};

/**
 * The latest check-ins of each KR, newest first: at most `perKeyResult` of each, only those with a note
 * when `withNote` is set. One query for every 1,000 KRs (a window over each KR's history).
 */
export async function listRecentCheckIns(
  db: Executor,
  orgId: string,
  keyResultIds: readonly string[],
  options: { perKeyResult: number; withNote?: boolean },
): Promise<RecentCheckIn[]> {
  const rows: RecentCheckIn[] = [];
  for (let i = 0; i < keyResultIds.length; i += 1000) {
    const ids = keyResultIds.slice(i, i + 1000);
    let ranked = db
      .selectFrom("checkIn")
      .select((eb) => [
        "checkIn.keyResultId",
        "checkIn.value",
        "checkIn.confidence",
        "checkIn.note",
        "checkIn.createdAt",
        eb.fn
          .agg<number>("row_number")
          .over((over) =>
            over
              .partitionBy("checkIn.keyResultId")
              .orderBy("checkIn.createdAt", "desc")
              .orderBy("checkIn.id", "desc"),
          )
          .as("rank"),
      ])
      .where("checkIn.orgId", "=", orgId)
      .where("checkIn.keyResultId", "in", ids);
    if (options.withNote) ranked = ranked.where("checkIn.note", "<>", "");
    const found = await db
      .selectFrom(ranked.as("ranked"))
      .select(["ranked.keyResultId", "ranked.value", "ranked.confidence", "ranked.note", "ranked.createdAt"])
      .where("ranked.rank", "<=", options.perKeyResult)
      .orderBy("ranked.keyResultId")
      .orderBy("ranked.rank")
      .execute();
    rows.push(...found);
  }
  return rows;
}

/** Every check-in of these objectives' KRs with its author's email, oldest first: what an export carries. */
export async function listCheckInsOfObjectives(
  db: Executor,
  orgId: string,
  objectiveIds: readonly string[],
): Promise<Array<CheckInRow & { authorEmail: string | null }>> {
  if (objectiveIds.length === 0) return [];
  return selectCheckIns(db)
    .select("user.email as authorEmail")
    .where("checkIn.orgId", "=", orgId)
    .where("checkIn.objectiveId", "in", [...objectiveIds])
    .orderBy("checkIn.createdAt")
    .orderBy("checkIn.id")
    .execute();
}
