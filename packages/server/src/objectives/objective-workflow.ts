import {
  AppError,
  assertPhaseAllows,
  canApprove,
  type ObjectiveAction,
  transitionObjective,
} from "@luodi/core";
import { findCycle, updateObjective } from "@luodi/db";
import type { Caller } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { deciders, ownersOf } from "../notifications/workflow-notices.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadObjectiveFor, policyObjectiveOf } from "./objective-access.ts";

export type WorkflowAction = Extract<ObjectiveAction, "submit" | "approve" | "reject" | "publish">;

/**
 * Moves an objective through its workflow. Writers submit and publish; approving and sending back
 * belong to the owner's manager chain (or the leaders above a department, or admins).
 */
export async function changeObjectiveStatus(
  caller: Caller,
  id: string,
  action: WorkflowAction,
  reason?: string,
): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const isReview = action === "approve" || action === "reject";
    const { objective, graph } = await loadObjectiveFor(caller, trx, id, { write: !isReview, lock: true });
    if (isReview && !canApprove(auth.actor, policyObjectiveOf(objective), graph))
      throw new AppError("permission.denied");
    const cycle = await findCycle(trx, orgId, objective.cycleId);
    assertPhaseAllows(cycle?.phase ?? "planning", "edit_plan");
    const status = transitionObjective(objective.status, action, {
      approvalRequired: auth.settings.approvalRequired,
    });
    const now = ctx.config.now().toISOString();
    await updateObjective(trx, orgId, id, objective.version, {
      status,
      rejectReason:
        action === "reject" ? (reason ?? null) : action === "submit" ? null : objective.rejectReason,
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: `objective.${action}`,
        entityType: "objective",
        entityId: id,
        objectiveId: id,
        reason: reason ?? null,
        before: { status: objective.status },
        after: { status },
        at: now,
      },
    ]);
    const subject = { type: "objective" as const, id, title: objective.title };
    const policy = policyObjectiveOf(objective);
    if (status === "submitted") {
      await notify(caller, trx, {
        kind: "approval_requested",
        recipientIds: deciders(policy, graph),
        subject,
      });
    } else if (isReview) {
      await notify(caller, trx, {
        kind: "approval_decided",
        recipientIds: ownersOf(policy, graph),
        subject,
        excerpt: reason ?? null,
      });
    }
  });
}
