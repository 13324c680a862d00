import { AppError, canApprove } from "@luodi/core";
import { decideAdjustment as decideAdjustmentRow, findAdjustment, readJson } from "@luodi/db";
import type { Caller } from "../context.ts";
import { applyKeyResultUpdate, type KeyResultPatch } from "../key-results/key-result-writes.ts";
import { notify } from "../notifications/notify.ts";
import { loadObjectiveFor, policyObjectiveOf } from "../objectives/objective-access.ts";
import { applyApprovedSave } from "../objectives/save-objective.ts";
import { applyObjectiveUpdate, type ObjectivePatch } from "../objectives/update-objective.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";

/**
 * The manager decides a waiting adjustment. Approving applies the requested change as it was asked, with
 * its reason, in the same transaction that marks it approved; rejecting keeps the objective as it is.
 */
export async function decideAdjustment(
  caller: Caller,
  id: string,
  decision: { approve: boolean; reason?: string | undefined },
): Promise<string> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const adjustment = await findAdjustment(trx, orgId, id);
    if (!adjustment) throw new AppError("adjustment.not_found");
    const { objective, graph } = await loadObjectiveFor(caller, trx, adjustment.objectiveId).catch(() => {
      throw new AppError("adjustment.not_found");
    });
    if (!canApprove(auth.actor, policyObjectiveOf(objective), graph)) throw new AppError("permission.denied");
    if (adjustment.status !== "pending")
      throw new AppError("adjustment.decided", { status: adjustment.status });
    const now = ctx.config.now().toISOString();
    if (decision.approve) {
      const { after, save } = readJson(adjustment.changes);
      const patch = { ...after, reason: adjustment.reason };
      if (save) {
        // A whole-objective save: all of it applies now, in this transaction.
        await applyApprovedSave(caller, trx, adjustment.objectiveId, save, adjustment.reason);
      } else if (adjustment.keyResultId) {
        await applyKeyResultUpdate(caller, trx, adjustment.keyResultId, patch as KeyResultPatch, undefined);
      } else {
        await applyObjectiveUpdate(caller, trx, adjustment.objectiveId, patch as ObjectivePatch, undefined);
      }
    }
    const status = decision.approve ? "approved" : "rejected";
    if (
      !(await decideAdjustmentRow(trx, orgId, id, {
        status,
        decidedBy: auth.user.id,
        decidedAt: now,
        decisionReason: decision.reason ?? null,
      }))
    ) {
      throw new AppError("adjustment.decided", { status: "decided" });
    }
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: `adjustment.${decision.approve ? "approve" : "reject"}`,
        entityType: "adjustment",
        entityId: id,
        objectiveId: adjustment.objectiveId,
        reason: decision.reason ?? null,
        after: { status, requestedBy: adjustment.requestedBy },
        at: now,
      },
    ]);
    await notify(caller, trx, {
      kind: "approval_decided",
      recipientIds: [adjustment.requestedBy],
      subject: { type: "objective", id: adjustment.objectiveId, title: objective.title },
      excerpt: decision.reason ?? null,
    });
    return adjustment.objectiveId;
  });
}
