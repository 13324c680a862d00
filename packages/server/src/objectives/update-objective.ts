import {
  AppError,
  assertPhaseAllows,
  needsAdjustmentReason,
  type ObjectiveKind,
  type Visibility,
} from "@luodi/core";
import {
  type Executor,
  findCycle,
  type ObjectiveRow,
  updateObjective as updateObjectiveRow,
} from "@luodi/db";
import { needsApproval, requestAdjustment, type UpdateOutcome } from "../adjustments/request-adjustment.ts";
import type { Caller } from "../context.ts";
import { diffFields, recordAudit } from "../services/audit.ts";
import { applyRollup } from "../services/rollup.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadObjectiveFor } from "./objective-access.ts";

export type ObjectivePatch = {
  title?: string | undefined;
  description?: string | undefined;
  weight?: number | undefined;
  visibility?: Visibility | undefined;
  kind?: ObjectiveKind | undefined;
  reason?: string | undefined;
};

/** Fields whose change, once a cycle is past aligning, is an adjustment (调整) that needs a reason. */
// The kind too: turning a promise into a bet late in the quarter is a change people should see and may question.
export const ADJUSTED_FIELDS = ["title", "weight", "kind"] as const;

/**
 * Edits an objective. Past `aligning`, changing a published objective's title or weight is an adjustment:
 * it needs a reason, the log keeps the before and after, and where the organization requires approval it
 * waits for the manager unless the manager makes it.
 */
export async function updateObjective(
  caller: Caller,
  id: string,
  patch: ObjectivePatch,
  version: number | undefined,
): Promise<UpdateOutcome> {
  return inTransaction(caller.ctx, (trx) => applyObjectiveUpdate(caller, trx, id, patch, version));
}

/** The update inside the caller's transaction (an approved adjustment applies through it too). */
export async function applyObjectiveUpdate(
  caller: Caller,
  trx: Executor,
  id: string,
  patch: ObjectivePatch,
  version: number | undefined,
): Promise<UpdateOutcome> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const { objective, graph } = await loadObjectiveFor(caller, trx, id, { write: true, lock: true });
  if (version !== undefined && version !== objective.version) {
    throw new AppError("version.conflict", { current: objective.version });
  }
  const cycle = await findCycle(trx, orgId, objective.cycleId);
  const phase = cycle?.phase ?? "planning";
  assertPhaseAllows(phase, "edit_plan");
  const changed = diffFields<ObjectiveRow>(objective, {
    title: patch.title,
    description: patch.description,
    weight: patch.weight,
    visibility: patch.visibility,
    kind: patch.kind,
  });
  if (!changed) return { applied: true };
  const isAdjustment =
    needsAdjustmentReason(phase, objective.status) && ADJUSTED_FIELDS.some((f) => f in changed.after);
  if (isAdjustment && !patch.reason) {
    throw new AppError("objective.reason_required", {}, [{ path: "reason" }]);
  }
  if (isAdjustment && needsApproval(caller, objective, graph)) {
    return requestAdjustment(caller, trx, {
      objectiveId: id,
      keyResultId: null,
      reason: patch.reason ?? "",
      changes: changed,
    });
  }
  const now = ctx.config.now().toISOString();
  if (!(await updateObjectiveRow(trx, orgId, id, objective.version, { ...changed.after, updatedAt: now }))) {
    throw new AppError("version.conflict", { current: objective.version + 1 });
  }
  if ("weight" in changed.after) await applyRollup(caller, trx, { objectiveIds: [id] });
  await recordAudit(trx, [
    {
      orgId,
      actorId: auth.user.id,
      action: isAdjustment ? "objective.adjust" : "objective.update",
      entityType: "objective",
      entityId: id,
      objectiveId: id,
      reason: patch.reason ?? null,
      before: changed.before,
      after: changed.after,
      at: now,
    },
  ]);
  return { applied: true };
}
