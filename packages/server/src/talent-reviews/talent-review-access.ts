import { AppError, canAccessTalentReview, type OrgGraph } from "@luodi/core";
import {
  type Executor,
  findTalentReview,
  listTalentPlacements,
  type TalentPlacementRow,
  type TalentReviewRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";

/**
 * The review as the caller may open it: 404 (talent_review.not_found) when it does not exist, when they do
 * not lead its department or one above and are no admin, and when they are placed on it — so nobody learns
 * that a review of them exists.
 */
export async function loadTalentReviewFor(
  caller: Caller,
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ review: TalentReviewRow; placements: TalentPlacementRow[]; graph: OrgGraph }> {
  const orgId = caller.auth.org.id;
  const review = await findTalentReview(db, orgId, id, {
    forUpdate: (options.lock ?? false) && caller.ctx.dialect === "postgres",
  });
  if (!review) throw new AppError("talent_review.not_found");
  const placements = await listTalentPlacements(db, orgId, [id]);
  const graph = await graphOf(caller, db);
  const placedUserIds = placements.map((p) => p.userId);
  if (!canAccessTalentReview(caller.auth.actor, { departmentId: review.departmentId, placedUserIds }, graph))
    throw new AppError("talent_review.not_found");
  return { review, placements, graph };
}
