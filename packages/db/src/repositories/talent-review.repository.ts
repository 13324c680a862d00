import type { Insertable, Selectable, Updateable } from "kysely";
import type { TalentPlacementTable, TalentReviewTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type TalentReviewRow = Selectable<TalentReviewTable>;
export type TalentPlacementRow = Selectable<TalentPlacementTable>;
export type TalentPlacementHistoryRow = TalentPlacementRow & { id: string };

/** Stores a new review. */
export async function insertTalentReview(db: Executor, row: Insertable<TalentReviewTable>): Promise<void> {
  await db.insertInto("talentReview").values(row).execute();
}

/** One review, or undefined; `lock` holds it for the transaction on PostgreSQL. */
export async function findTalentReview(
  db: Executor,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TalentReviewRow | undefined> {
  let query = db.selectFrom("talentReview").selectAll().where("orgId", "=", orgId).where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The organization's reviews, newest first; `cycleId` keeps one cycle's. */
export async function listTalentReviews(
  db: Executor,
  orgId: string,
  filter: { cycleId?: string | undefined },
): Promise<TalentReviewRow[]> {
  let query = db.selectFrom("talentReview").selectAll().where("orgId", "=", orgId);
  if (filter.cycleId) query = query.where("cycleId", "=", filter.cycleId);
  return query.orderBy("id", "desc").execute();
}

/** Changes a review. */
export async function updateTalentReview(
  db: Executor,
  orgId: string,
  id: string,
  patch: Updateable<TalentReviewTable>,
): Promise<void> {
  await db.updateTable("talentReview").set(patch).where("orgId", "=", orgId).where("id", "=", id).execute();
}

/** The current placements of reviews. */
export async function listTalentPlacements(
  db: Executor,
  orgId: string,
  reviewIds: readonly string[],
): Promise<TalentPlacementRow[]> {
  if (reviewIds.length === 0) return [];
  return db
    .selectFrom("talentPlacement")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("reviewId", "in", [...reviewIds])
    .execute();
}

/** Every placement a review ever had, oldest first. */
export async function listTalentPlacementHistory(
  db: Executor,
  orgId: string,
  reviewId: string,
): Promise<TalentPlacementHistoryRow[]> {
  return db
    .selectFrom("talentPlacementHistory")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("reviewId", "=", reviewId)
    .orderBy("id")
    .execute();
}

/** Places people: their current placement replaced, and the placement appended to the history. */
export async function placeInReview(
  db: Executor,
  rows: ReadonlyArray<Insertable<TalentPlacementTable> & { id: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  const current = rows.map(({ id: _id, ...row }) => row);
  await db
    .insertInto("talentPlacement")
    .values(current)
    .onConflict((oc) =>
      oc.columns(["orgId", "reviewId", "userId"]).doUpdateSet((eb) => ({
        performance: eb.ref("excluded.performance"),
        potential: eb.ref("excluded.potential"),
        reason: eb.ref("excluded.reason"),
        evidence: eb.ref("excluded.evidence"),
        placedBy: eb.ref("excluded.placedBy"),
        placedAt: eb.ref("excluded.placedAt"),
      })),
    )
    .execute();
  await db
    .insertInto("talentPlacementHistory")
    .values([...rows])
    .execute();
}
