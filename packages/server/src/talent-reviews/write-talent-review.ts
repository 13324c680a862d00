import {
  AppError,
  canAccessTalentReview,
  isNextReviewStatus,
  placeableInReview,
  type TalentReviewStatus,
} from "@luodi/core";
import {
  findCycle,
  insertTalentReview,
  listRecordObjectives,
  placeInReview,
  updateTalentReview,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { ledDepartments } from "../people/okr-record.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadTalentReviewFor } from "./talent-review-access.ts";

/** Opens a talent review of a department the caller leads (or any, for admins), in a cycle. */
export async function createTalentReview(
  caller: Caller,
  input: { cycleId: string; departmentId: string; title: string },
): Promise<string> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const graph = await graphOf(caller, trx);
    if (!graph.departments.has(input.departmentId))
      throw new AppError("department.not_found", {}, [{ path: "departmentId" }]);
    // Who may open a review is who may read it; a new one has no one placed on it yet.
    if (!canAccessTalentReview(auth.actor, { departmentId: input.departmentId, placedUserIds: [] }, graph))
      throw new AppError("permission.denied");
    if (!(await findCycle(trx, orgId, input.cycleId)))
      throw new AppError("cycle.not_found", {}, [{ path: "cycleId" }]);
    const id = newId();
    const now = ctx.config.now().toISOString();
    await insertTalentReview(trx, {
      orgId,
      id,
      cycleId: input.cycleId,
      departmentId: input.departmentId,
      title: input.title,
      status: "draft",
      createdBy: auth.user.id,
      createdAt: now,
      updatedAt: now,
      finalizedAt: null,
      finalizedBy: null,
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "talent_review.create",
        entityType: "talent_review",
        entityId: id,
        after: input,
        at: now,
      },
    ]);
    return id;
  });
}

/** A placement as the route validated it. */
export type PlacementInput = {
  userId: string;
  performance: number;
  potential: number;
  reason: string;
  evidence: string[];
};

/**
 * Renames a review, moves it one status forward, or places people on its grid — each placement replacing
 * that person's place and appended to the review's history. A final review is frozen.
 */
export async function changeTalentReview(
  caller: Caller,
  id: string,
  patch: {
    title?: string | undefined;
    status?: TalentReviewStatus | undefined;
    placements?: PlacementInput[] | undefined;
  },
): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { review, graph } = await loadTalentReviewFor(caller, trx, id, { lock: true });
    if (review.status === "final") throw new AppError("talent_review.final");
    if (
      patch.status !== undefined &&
      patch.status !== review.status &&
      !isNextReviewStatus(review.status, patch.status)
    )
      throw new AppError("talent_review.invalid_transition", {}, [{ path: "status" }]);
    const placements = patch.placements ?? [];
    const placeable = new Set(placeableInReview(graph, review.departmentId));
    placements.forEach((p, i) => {
      if (!placeable.has(p.userId))
        throw new AppError("talent_review.not_placeable", {}, [{ path: `placements.${i}.userId` }]);
    });
    const records = await listRecordObjectives(
      trx,
      orgId,
      placements.map((p) => ({ userId: p.userId, ledDepartmentIds: ledDepartments(graph, p.userId) })),
    );
    const theirs = new Set(records.map((o) => `${o.holderId}|${o.id}`));
    placements.forEach((p, i) => {
      p.evidence.forEach((objectiveId, j) => {
        if (!theirs.has(`${p.userId}|${objectiveId}`))
          throw new AppError("talent_review.unknown_evidence", {}, [
            { path: `placements.${i}.evidence.${j}` },
          ]);
      });
    });
    const now = ctx.config.now().toISOString();
    await placeInReview(
      trx,
      placements.map((p) => ({
        orgId,
        id: newId(),
        reviewId: id,
        userId: p.userId,
        performance: p.performance,
        potential: p.potential,
        reason: p.reason,
        evidence: JSON.stringify([...new Set(p.evidence)]),
        placedBy: auth.user.id,
        placedAt: now,
      })),
    );
    const finalizing = patch.status === "final";
    await updateTalentReview(trx, orgId, id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(finalizing ? { finalizedAt: now, finalizedBy: auth.user.id } : {}),
      updatedAt: now,
    });
    // The audit names who was placed, not where: the grid stays inside the review.
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "talent_review.update",
        entityType: "talent_review",
        entityId: id,
        before: { title: review.title, status: review.status },
        after: {
          title: patch.title ?? review.title,
          status: patch.status ?? review.status,
          placedUserIds: placements.map((p) => p.userId),
        },
        at: now,
      },
    ]);
  });
}
