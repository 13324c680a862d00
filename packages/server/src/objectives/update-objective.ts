import {
  AppError,
  assertPhaseAllows,
  type CyclePhase,
  needsAdjustmentReason,
  type ObjectiveStatus,
  type Visibility,
} from "@luodi/core";
import { findCycle, type ObjectiveRow, updateObjective as updateObjectiveRow } from "@luodi/db";
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
  reason?: string | undefined;
};

/** Fields whose change, once a cycle is past aligning, is an adjustment (调整) that needs a reason. */
const ADJUSTED_FIELDS = ["title", "weight"] as const;

/**
 * Edits an objective. Past `aligning`, changing a published objective's title or weight is an adjustment:
 * it needs a reason, and the log keeps the before and after.
 */
export async function updateObjective(
  caller: Caller,
  id: string,
  patch: ObjectivePatch,
  version: number | undefined,
): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { objective } = await loadObjectiveFor(caller, trx, id, { write: true, lock: true });
    if (version !== undefined && version !== objective.version)
      throw new AppError("version.conflict", { current: objective.version });
    const cycle = await findCycle(trx, orgId, objective.cycle_id);
    const phase = (cycle?.phase ?? "planning") as CyclePhase;
    assertPhaseAllows(phase, "edit_plan");
    const changed = diffFields<ObjectiveRow>(objective, {
      title: patch.title,
      description: patch.description,
      weight: patch.weight,
      visibility: patch.visibility,
    });
    if (!changed) return;
    const isAdjustment =
      needsAdjustmentReason(phase, objective.status as ObjectiveStatus) &&
      ADJUSTED_FIELDS.some((f) => f in changed.after);
    if (isAdjustment && !patch.reason) {
      throw new AppError("objective.reason_required", {}, [
        { path: "reason", message: "Required for an adjustment" },
      ]);
    }
    const now = ctx.config.now().toISOString();
    if (
      !(await updateObjectiveRow(trx, orgId, id, objective.version, { ...changed.after, updated_at: now }))
    ) {
      throw new AppError("version.conflict", { current: objective.version + 1 });
    }
    if ("weight" in changed.after) await applyRollup(ctx, trx, orgId, { objectiveIds: [id] });
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
  });
}
