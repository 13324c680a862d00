import {
  AppError,
  assertPhaseAllows,
  type CyclePhase,
  type Direction,
  type KeyResultInput,
  MAX_KEY_RESULTS_PER_OBJECTIVE,
  NUMERIC_TYPES,
  needsAdjustmentReason,
  type OrgGraph,
  validateKeyResultDefinition,
} from "@luodi/core";
import {
  bumpObjectiveVersion,
  type Executor,
  findCycle,
  findMember,
  insertKeyResults,
  insertMilestones,
  type KeyResultRow,
  listKeyResultsOfObjectives,
  listMilestones,
  type ObjectiveRow,
  updateKeyResult as updateKeyResultRow,
} from "@luodi/db";
import {
  needsApproval,
  requestAdjustment,
  requestKeyResultSetChange,
  type UpdateOutcome,
} from "../adjustments/request-adjustment.ts";
import type { Caller } from "../context.ts";
import { loadObjectiveFor } from "../objectives/objective-access.ts";
import { diffFields, recordAudit } from "../services/audit.ts";
import { applyRollup } from "../services/rollup.ts";
import { inTransaction } from "../services/transaction.ts";
import { atPath, buildKeyResultRows, checkKeyResultLinks } from "./build-key-results.ts";
import { loadKeyResultFor } from "./key-result-access.ts";

/** What adding a KR did: added at once, or waiting for the manager's approval as an adjustment. */
export type CreateOutcome = { applied: true; id: string } | { applied: false; adjustmentId: string };

/**
 * Past aligning, adding a KR to a published objective or deleting one changes what it promises and how
 * its progress is counted, like an edit of a KR's weight or target: it is an adjustment. It needs a
 * reason, and where the organization requires approval it waits for the manager — whole, in the form
 * of a whole-objective save, so approving applies it (see requestKeyResultSetChange). Returns the
 * waiting outcome, or null when the change applies now.
 */
async function keyResultSetAdjustment(
  caller: Caller,
  trx: Executor,
  context: { objective: ObjectiveRow; graph: OrgGraph; phase: CyclePhase; reason: string | undefined },
  change: {
    keyResultId: string | null;
    creates: ReadonlyArray<{ input: KeyResultInput; position: number }>;
    removes: ReadonlyArray<{ id: string; title: string }>;
  },
): Promise<{ applied: false; adjustmentId: string } | null> {
  const { objective, graph, phase, reason } = context;
  if (!needsAdjustmentReason(phase, objective.status)) return null;
  if (!reason) throw new AppError("objective.reason_required", {}, [{ path: "reason" }]);
  if (!needsApproval(caller, objective, graph)) return null;
  const outcome = await requestKeyResultSetChange(caller, trx, {
    objectiveId: objective.id,
    keyResultId: change.keyResultId,
    reason,
    creates: change.creates,
    removes: change.removes,
  });
  return outcome.applied ? null : outcome;
}

/**
 * Adds a KR to an objective. Past aligning, on a published objective, it is an adjustment (see
 * keyResultSetAdjustment): `reason` is then required, and the KR may wait for approval.
 */
export async function createKeyResult(
  caller: Caller,
  objectiveId: string,
  input: KeyResultInput,
  reason?: string,
): Promise<CreateOutcome> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const { objective, graph } = await loadObjectiveFor(caller, trx, objectiveId, {
      write: true,
      lock: true,
    });
    const cycle = await findCycle(trx, orgId, objective.cycleId);
    const phase = cycle?.phase ?? "planning";
    assertPhaseAllows(phase, "edit_plan");
    const existing = await listKeyResultsOfObjectives(trx, orgId, [objectiveId]);
    // One at a time, as in a whole save: the objective holds at most so many (issue 15).
    if (existing.length >= MAX_KEY_RESULTS_PER_OBJECTIVE) {
      throw new AppError("objective.key_result_limit", { max: MAX_KEY_RESULTS_PER_OBJECTIVE });
    }
    const defaultOwnerId =
      objective.ownerUserId ??
      graph.departments.get(objective.ownerDepartmentId ?? "")?.leaderId ??
      auth.user.id;
    const { keyResults, milestones } = await buildKeyResultRows(caller, trx, objective, [input], {
      firstPosition: existing.reduce((max, kr) => Math.max(max, kr.position + 1), 0),
      pathPrefix: "",
      defaultOwnerId,
    });
    const [row] = keyResults;
    if (!row) throw new Error("no key result built");
    const waiting = await keyResultSetAdjustment(
      caller,
      trx,
      { objective, graph, phase, reason },
      { keyResultId: null, creates: [{ input, position: row.position }], removes: [] },
    );
    if (waiting) return waiting;
    await insertKeyResults(trx, keyResults);
    await insertMilestones(trx, milestones);
    const now = ctx.config.now().toISOString();
    await bumpObjectiveVersion(trx, orgId, objectiveId, now);
    await applyRollup(caller, trx, { keyResultIds: [row.id] });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "key_result.create",
        entityType: "key_result",
        entityId: row.id,
        objectiveId,
        reason: reason ?? null,
        after: input,
        at: now,
      },
    ]);
    return { applied: true, id: row.id };
  });
}

export type KeyResultPatch = {
  title?: string | undefined;
  unit?: string | null | undefined;
  startValue?: string | undefined;
  targetValue?: string | undefined;
  direction?: Direction | undefined;
  weight?: number | undefined;
  ownerUserId?: string | null | undefined;
  parentKeyResultId?: string | null | undefined;
  reason?: string | undefined;
};

/**
 * What makes a KR edit an adjustment past aligning: what it promises and how much it counts — and where it
 * counts: moving its contribution to another `sum` KR (or away from one) changes that sum's number as much
 * as adding or deleting a KR there does, so it waits under the same approval rule (issue 15).
 */
export const ADJUSTED_FIELDS = [
  "title",
  "startValue",
  "targetValue",
  "direction",
  "weight",
  "parentKeyResultId",
] as const;

/**
 * Edits a KR. Past aligning, changing a published objective's KR title, target, weight or sum parent is an
 * adjustment: it needs a reason and, where the organization requires approval, waits for the manager.
 */
export async function updateKeyResult(
  caller: Caller,
  id: string,
  patch: KeyResultPatch,
  version: number | undefined,
): Promise<UpdateOutcome> {
  return inTransaction(caller.ctx, (trx) => applyKeyResultUpdate(caller, trx, id, patch, version));
}

/** The KR update inside the caller's transaction (an approved adjustment applies through it too). */
export async function applyKeyResultUpdate(
  caller: Caller,
  trx: Executor,
  id: string,
  patch: KeyResultPatch,
  version: number | undefined,
): Promise<UpdateOutcome> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const { keyResult, objective, graph } = await loadKeyResultFor(caller, trx, id, {
    write: true,
    lock: true,
  });
  if (version !== undefined && version !== keyResult.version) {
    throw new AppError("version.conflict", { current: keyResult.version });
  }
  const cycle = await findCycle(trx, orgId, objective.cycleId);
  const phase = cycle?.phase ?? "planning";
  assertPhaseAllows(phase, "edit_plan");
  const type = keyResult.type;
  const touchesMeasure =
    patch.startValue !== undefined || patch.targetValue !== undefined || patch.direction !== undefined;
  let measure: Partial<KeyResultRow> = {};
  if (touchesMeasure) {
    if (type !== "rollup" && !NUMERIC_TYPES.has(type)) {
      throw new AppError("kr.fields", { type, fields: "startValue/targetValue" }, [{ path: "targetValue" }]);
    }
    const movesNumbers = patch.startValue !== undefined || patch.targetValue !== undefined;
    const definition = atPath("targetValue", () =>
      validateKeyResultDefinition({
        type,
        aggregation: keyResult.aggregation,
        startValue: patch.startValue ?? keyResult.startValue,
        targetValue: patch.targetValue ?? keyResult.targetValue,
        // New numbers without a direction let the numbers say it, as on create.
        direction: patch.direction ?? (movesNumbers ? undefined : keyResult.direction),
      }),
    );
    measure = {
      startValue: definition.startValue,
      targetValue: definition.targetValue,
      direction: definition.direction,
    };
  }
  if (patch.ownerUserId) {
    const owner = await findMember(trx, orgId, patch.ownerUserId);
    if (owner?.status !== "active") {
      throw new AppError("member.not_found", {}, [{ path: "ownerUserId" }]);
    }
  }
  if (patch.parentKeyResultId && patch.parentKeyResultId !== keyResult.parentKeyResultId) {
    // A contribution to a sum is an alignment: visibility, period, loop and level, as on create.
    await checkKeyResultLinks(caller, trx, objective, [
      { path: "", parentKeyResultId: patch.parentKeyResultId },
    ]);
  }
  const changed = diffFields<KeyResultRow>(keyResult, {
    title: patch.title,
    unit: patch.unit,
    weight: patch.weight,
    ownerUserId: patch.ownerUserId,
    parentKeyResultId: patch.parentKeyResultId,
    ...measure,
  });
  if (!changed) return { applied: true };
  const isAdjustment =
    needsAdjustmentReason(phase, objective.status) && ADJUSTED_FIELDS.some((f) => f in changed.after);
  if (isAdjustment && !patch.reason) {
    throw new AppError("objective.reason_required", {}, [{ path: "reason" }]);
  }
  if (isAdjustment && needsApproval(caller, objective, graph)) {
    return requestAdjustment(caller, trx, {
      objectiveId: objective.id,
      keyResultId: id,
      reason: patch.reason ?? "",
      changes: changed,
    });
  }
  const now = ctx.config.now().toISOString();
  if (!(await updateKeyResultRow(trx, orgId, id, keyResult.version, { ...changed.after, updatedAt: now }))) {
    throw new AppError("version.conflict", { current: keyResult.version + 1 });
  }
  await bumpObjectiveVersion(trx, orgId, objective.id, now);
  const oldSumParent = "parentKeyResultId" in changed.after ? keyResult.parentKeyResultId : null;
  await applyRollup(caller, trx, {
    keyResultIds: [id, ...(oldSumParent ? [oldSumParent] : [])],
    objectiveIds: [objective.id],
  });
  await recordAudit(trx, [
    {
      orgId,
      actorId: auth.user.id,
      action: isAdjustment ? "key_result.adjust" : "key_result.update",
      entityType: "key_result",
      entityId: id,
      objectiveId: objective.id,
      reason: patch.reason ?? null,
      before: changed.before,
      after: changed.after,
      at: now,
    },
  ]);
  return { applied: true };
}

/**
 * Soft-deletes a KR; its objective and the sum it fed are recomputed without it. Past aligning, on a
 * published objective, it is an adjustment (see keyResultSetAdjustment): `reason` is then required, and
 * the deletion may wait for approval.
 */
export async function deleteKeyResult(caller: Caller, id: string, reason?: string): Promise<UpdateOutcome> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const { keyResult, objective, graph } = await loadKeyResultFor(caller, trx, id, {
      write: true,
      lock: true,
    });
    const cycle = await findCycle(trx, orgId, objective.cycleId);
    const phase = cycle?.phase ?? "planning";
    assertPhaseAllows(phase, "edit_plan");
    const waiting = await keyResultSetAdjustment(
      caller,
      trx,
      { objective, graph, phase, reason },
      { keyResultId: id, creates: [], removes: [keyResult] },
    );
    if (waiting) return waiting;
    const now = ctx.config.now().toISOString();
    await updateKeyResultRow(trx, orgId, id, keyResult.version, { deletedAt: now, updatedAt: now });
    await bumpObjectiveVersion(trx, orgId, objective.id, now);
    await applyRollup(caller, trx, {
      keyResultIds: keyResult.parentKeyResultId ? [keyResult.parentKeyResultId] : [],
      objectiveIds: [objective.id],
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "key_result.delete",
        entityType: "key_result",
        entityId: id,
        objectiveId: objective.id,
        reason: reason ?? null,
        before: { title: keyResult.title },
        at: now,
      },
    ]);
    return { applied: true };
  });
}

/**
 * Carries a KR into the next cycle (复盘: what to carry forward): a copy in an objective of a later cycle,
 * starting from where this one stands, with its milestones open again. The original keeps its history.
 */
export async function carryKeyResultForward(
  caller: Caller,
  id: string,
  targetObjectiveId: string,
  reason?: string,
): Promise<CreateOutcome> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const { keyResult, objective: source } = await loadKeyResultFor(caller, trx, id);
    const { objective: target, graph } = await loadObjectiveFor(caller, trx, targetObjectiveId, {
      write: true,
      lock: true,
    });
    const [sourceCycle, targetCycle] = await Promise.all([
      findCycle(trx, orgId, source.cycleId),
      findCycle(trx, orgId, target.cycleId),
    ]);
    if (!sourceCycle || !targetCycle || targetCycle.startDate <= sourceCycle.startDate) {
      throw new AppError("kr.carry_forward_cycle", {}, [{ path: "objectiveId" }]);
    }
    assertPhaseAllows(targetCycle.phase, "edit_plan");
    const numeric = NUMERIC_TYPES.has(keyResult.type);
    const milestones = keyResult.type === "milestone" ? await listMilestones(trx, orgId, [id]) : [];
    const input: KeyResultInput = {
      title: keyResult.title,
      type: keyResult.type,
      unit: keyResult.unit,
      // Where it stands now is the next cycle's start, unless it already passed the target.
      startValue: numeric ? (keyResult.currentValue ?? keyResult.startValue) : keyResult.startValue,
      targetValue: keyResult.targetValue,
      weight: keyResult.weight,
      ownerUserId: keyResult.ownerUserId,
      ...(keyResult.direction ? { direction: keyResult.direction } : {}),
      ...(keyResult.aggregation ? { aggregation: keyResult.aggregation } : {}),
      ...(milestones.length
        ? { milestones: milestones.map((m) => ({ title: m.title, weight: m.weight })) }
        : {}),
    };
    const existing = await listKeyResultsOfObjectives(trx, orgId, [target.id]);
    const { keyResults, milestones: newMilestones } = await buildKeyResultRows(caller, trx, target, [input], {
      firstPosition: existing.reduce((max, kr) => Math.max(max, kr.position + 1), 0),
      pathPrefix: "",
      defaultOwnerId: keyResult.ownerUserId,
    });
    const [row] = keyResults;
    if (!row) throw new Error("no key result built");
    // Into a published objective past aligning, a KR carried forward is a KR added: an adjustment.
    const waiting = await keyResultSetAdjustment(
      caller,
      trx,
      { objective: target, graph, phase: targetCycle.phase, reason },
      { keyResultId: null, creates: [{ input, position: row.position }], removes: [] },
    );
    if (waiting) return waiting;
    await insertKeyResults(trx, keyResults);
    await insertMilestones(trx, newMilestones);
    const now = ctx.config.now().toISOString();
    await bumpObjectiveVersion(trx, orgId, target.id, now);
    await applyRollup(caller, trx, { keyResultIds: [row.id] });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "key_result.carry_forward",
        entityType: "key_result",
        entityId: id,
        objectiveId: source.id,
        after: { keyResultId: row.id, objectiveId: target.id },
        at: now,
      },
      {
        orgId,
        actorId: auth.user.id,
        action: "key_result.create",
        entityType: "key_result",
        entityId: row.id,
        objectiveId: target.id,
        reason: reason ?? null,
        after: { ...input, carriedFrom: id },
        at: now,
      },
    ]);
    return { applied: true, id: row.id };
  });
}
