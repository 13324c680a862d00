import { assertPhaseAllows, type ReviewInput } from "@luodi/core";
import { findCycle, readJson, updateObjective } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadObjectiveFor } from "./objective-access.ts";

/** The retrospective (复盘) of an objective, written in the reviewing phase by those who may write it. */
export async function reviewObjective(caller: Caller, id: string, input: ReviewInput): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { objective } = await loadObjectiveFor(caller, trx, id, { write: true, lock: true });
    const cycle = await findCycle(trx, orgId, objective.cycleId);
    assertPhaseAllows(cycle?.phase ?? "planning", "review");
    const now = ctx.config.now().toISOString();
    const review = { ...input, reviewedBy: auth.user.id, reviewedAt: now };
    await updateObjective(trx, orgId, id, objective.version, {
      review: JSON.stringify(review),
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "objective.review",
        entityType: "objective",
        entityId: id,
        objectiveId: id,
        before: objective.review ? readJson(objective.review) : null,
        after: review,
        at: now,
      },
    ]);
  });
}
