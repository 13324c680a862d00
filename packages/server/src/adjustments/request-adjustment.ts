import { canApprove, type OrgGraph } from "@luodi/core";
import { type Executor, findObjective, insertAdjustment, type ObjectiveRow } from "@luodi/db";
import type { Caller } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { deciders } from "../notifications/workflow-notices.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { camelKeys, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";

/** What an edit did: applied at once, or waiting for the manager's approval as an adjustment. */
export type UpdateOutcome = { applied: true } | { applied: false; adjustmentId: string };

/** An adjustment waits when the organization requires approval and the one adjusting cannot approve it. */
export function needsApproval(caller: Caller, objective: ObjectiveRow, graph: OrgGraph): boolean {
  return (
    caller.auth.settings.approvalRequired &&
    !canApprove(caller.auth.actor, policyObjectiveOf(objective), graph)
  );
}

/** Records an adjustment to approve later; the objective stays as it was until then. */
export async function requestAdjustment(
  caller: Caller,
  trx: Executor,
  request: {
    objectiveId: string;
    keyResultId: string | null;
    reason: string;
    changes: { before: Record<string, unknown>; after: Record<string, unknown> };
    /** A whole-objective save: the changes approval applies (see save-objective.ts). */
    save?: Record<string, unknown>;
  },
): Promise<UpdateOutcome> {
  const { ctx, auth } = caller;
  const id = newId();
  const now = ctx.config.now().toISOString();
  await insertAdjustment(trx, {
    orgId: auth.org.id,
    id,
    objectiveId: request.objectiveId,
    keyResultId: request.keyResultId,
    requestedBy: auth.user.id,
    reason: request.reason,
    changes: JSON.stringify({
      before: camelKeys(request.changes.before),
      after: camelKeys(request.changes.after),
      ...(request.save ? { save: request.save } : {}),
    }),
    status: "pending",
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    createdAt: now,
  });
  await recordAudit(trx, [
    {
      orgId: auth.org.id,
      actorId: auth.user.id,
      action: "adjustment.request",
      entityType: request.keyResultId ? "key_result" : "objective",
      entityId: request.keyResultId ?? request.objectiveId,
      objectiveId: request.objectiveId,
      reason: request.reason,
      before: request.changes.before,
      after: request.changes.after,
      at: now,
    },
  ]);
  const objective = await findObjective(trx, auth.org.id, request.objectiveId);
  if (objective) {
    await notify(caller, trx, {
      kind: "adjustment_requested",
      recipientIds: deciders(policyObjectiveOf(objective), await graphOf(caller, trx)),
      subject: { type: "objective", id: objective.id, title: objective.title },
      excerpt: request.reason,
    });
  }
  return { applied: false, adjustmentId: id };
}

/**
 * KRs added to or removed from a published objective past aligning one at a time (POST
 * /objectives/:id/key-results, DELETE /key-results/:id, carrying a KR forward) wait like a
 * whole-objective save (PUT /objectives/:id): the adjustment keeps them in the save's stored form
 * (save-objective.ts, `storedSaveSchema`: new KRs with their position, the ids of KRs to delete), so
 * approving applies them through the same checks and writes as an approved save.
 */
export async function requestKeyResultSetChange(
  caller: Caller,
  trx: Executor,
  request: {
    objectiveId: string;
    keyResultId: string | null;
    reason: string;
    creates: ReadonlyArray<{ input: Record<string, unknown>; position: number }>;
    removes: ReadonlyArray<{ id: string; title: string }>;
  },
): Promise<UpdateOutcome> {
  return requestAdjustment(caller, trx, {
    objectiveId: request.objectiveId,
    keyResultId: request.keyResultId,
    reason: request.reason,
    changes: {
      before: { keyResults: request.removes.map((kr) => ({ id: kr.id, title: kr.title })) },
      after: { keyResults: request.creates.map(({ input }) => ({ ...input })) },
    },
    save: {
      objective: {},
      keyResults: request.creates.map(({ input, position }) => ({ ...input, position })),
      removeKeyResultIds: request.removes.map((kr) => kr.id),
    },
  });
}
