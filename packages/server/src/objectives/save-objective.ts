import {
  AppError,
  assertPhaseAllows,
  idSchema,
  type KeyResultInput,
  type KeyResultSaveInput,
  keyResultSaveSchema,
  NUMERIC_TYPES,
  needsAdjustmentReason,
  type ObjectiveKind,
  type ObjectiveSaveInput,
  objectivePatchSchema,
  type Visibility,
  validateKeyResultDefinition,
} from "@luodi/core";
import {
  deleteMilestones,
  type Executor,
  findCycle,
  insertKeyResults,
  insertMilestones,
  type KeyResultRow,
  listKeyResultsOfObjectives,
  listMilestones,
  type MilestoneRow,
  type ObjectiveRow,
  updateKeyResult as updateKeyResultRow,
  updateMilestone,
  updateObjective as updateObjectiveRow,
} from "@luodi/db";
import { z } from "zod";
import { needsApproval, requestAdjustment, type UpdateOutcome } from "../adjustments/request-adjustment.ts";
import type { Caller } from "../context.ts";
import {
  atDefinitionPath,
  buildKeyResultRows,
  checkKeyResultLinks,
  type KeyResultLinks,
} from "../key-results/build-key-results.ts";
import { ADJUSTED_FIELDS as KEY_RESULT_ADJUSTED_FIELDS } from "../key-results/key-result-writes.ts";
import { type AuditEntry, diffFields, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { applyRollup } from "../services/rollup.ts";
import { inTransaction } from "../services/transaction.ts";
import { graphOf, loadObjectiveFor } from "./objective-access.ts";
import { ADJUSTED_FIELDS as OBJECTIVE_ADJUSTED_FIELDS } from "./update-objective.ts";

/**
 * One KR of a save: with `id` an existing KR and the fields to change (left out: kept), without one a new
 * KR. `position` places it among its objective's KRs (left out: kept).
 */
type KeyResultStep = Partial<KeyResultSaveInput> & { position?: number | undefined };

/** What to save: the objective's fields to change, its KRs to update or create, the ids of those to delete. */
type SaveSpec = {
  objective: {
    title?: string | undefined;
    description?: string | undefined;
    weight?: number | undefined;
    visibility?: Visibility | undefined;
    kind?: ObjectiveKind | undefined;
  };
  keyResults: readonly KeyResultStep[];
  removeKeyResultIds: readonly string[];
};

/**
 * A whole-objective save as an adjustment stores it until the manager approves: only what changed — the
 * objective's changed fields, each existing KR's id with its changed fields (and its whole milestone list
 * when that changed), each new KR's input with its position, and the ids of the KRs to delete. Approval
 * reads it back through this schema and applies it to the objective as it stands then.
 */
const storedSaveSchema = z
  .object({
    objective: objectivePatchSchema.pick({
      title: true,
      description: true,
      weight: true,
      visibility: true,
      kind: true,
    }),
    keyResults: z.array(
      keyResultSaveSchema
        .partial()
        .extend({ position: z.number().int().min(0).optional() })
        .strict(),
    ),
    removeKeyResultIds: z.array(idSchema),
  })
  .strict();

type MilestoneChange = {
  before: MilestoneRow[];
  /** The list as saved; new milestones carry the ids they get. */
  after: Array<{ id: string; title: string; weight: number; position: number; isNew: boolean }>;
};

type KeyResultChange = {
  row: KeyResultRow;
  fields: { before: Partial<KeyResultRow>; after: Partial<KeyResultRow> } | null;
  milestones: MilestoneChange | null;
};

/** What a save changes, worked out and validated against the stored objective before anything is written. */
type SavePlan = {
  objective: { before: Partial<ObjectiveRow>; after: Partial<ObjectiveRow> } | null;
  updates: KeyResultChange[];
  creates: {
    inputs: Array<{ input: KeyResultInput; position: number }>;
    keyResults: KeyResultRow[];
    milestones: MilestoneRow[];
  };
  removes: KeyResultRow[];
};

/**
 * Saves a whole objective — its fields, its KRs and their milestones — in one transaction
 * (PUT /objectives/:id), based on the version the caller edited. KRs with an id are updated, KRs without
 * are created, the objective's KRs left out are soft-deleted; milestones keep their ids. Past aligning,
 * for a published objective, the whole save is one adjustment: it needs a reason, and where the
 * organization requires approval it waits, whole, for the manager (see {@link applyApprovedSave}).
 */
export async function saveObjective(
  caller: Caller,
  id: string,
  input: ObjectiveSaveInput,
  version: number,
): Promise<UpdateOutcome> {
  const orgId = caller.auth.org.id;
  return inTransaction(caller.ctx, async (trx) => {
    const { objective, graph } = await loadObjectiveFor(caller, trx, id, { write: true, lock: true });
    if (version !== objective.version) {
      throw new AppError("version.conflict", { current: objective.version });
    }
    const phase = (await findCycle(trx, orgId, objective.cycleId))?.phase ?? "planning";
    assertPhaseAllows(phase, "edit_plan");
    const current = await listKeyResultsOfObjectives(trx, orgId, [id]);
    const named = new Set(input.keyResults.map((kr) => kr.id).filter((krId) => krId !== undefined));
    const spec: SaveSpec = {
      objective: {
        title: input.title,
        description: input.description,
        weight: input.weight,
        visibility: input.visibility,
        kind: input.kind,
      },
      keyResults: withPositions(input.keyResults, current),
      removeKeyResultIds: current.filter((kr) => !named.has(kr.id)).map((kr) => kr.id),
    };
    const plan = await planSave(caller, trx, objective, current, spec);
    if (isEmpty(plan)) return { applied: true };
    const isAdjustment = needsAdjustmentReason(phase, objective.status) && isAdjusting(plan);
    if (isAdjustment && !input.reason) {
      throw new AppError("objective.reason_required", {}, [{ path: "reason" }]);
    }
    if (isAdjustment && needsApproval(caller, objective, graph)) {
      return requestAdjustment(caller, trx, {
        objectiveId: id,
        keyResultId: null,
        reason: input.reason ?? "",
        changes: changesOf(plan),
        save: storedSaveOf(plan),
      });
    }
    await writeSave(caller, trx, objective, plan, { reason: input.reason ?? null, isAdjustment });
    return { applied: true };
  });
}

/**
 * Applies a whole-objective save that an adjustment kept (`changes.save`), inside the approver's
 * transaction, with the requester's reason: the same checks and writes as a direct save, against the
 * objective as it stands now: only the fields the save changed are set, KRs deleted meanwhile are left
 * deleted, KRs added meanwhile are kept.
 */
export async function applyApprovedSave(
  caller: Caller,
  trx: Executor,
  objectiveId: string,
  stored: Record<string, unknown>,
  reason: string,
): Promise<void> {
  const orgId = caller.auth.org.id;
  const saved = storedSaveSchema.parse(stored);
  const { objective } = await loadObjectiveFor(caller, trx, objectiveId, { write: true, lock: true });
  const phase = (await findCycle(trx, orgId, objective.cycleId))?.phase ?? "planning";
  assertPhaseAllows(phase, "edit_plan");
  const current = await listKeyResultsOfObjectives(trx, orgId, [objectiveId]);
  const live = new Set(current.map((kr) => kr.id));
  const plan = await planSave(caller, trx, objective, current, {
    objective: saved.objective,
    // A KR deleted meanwhile has nothing left to update or delete.
    keyResults: saved.keyResults.filter((step) => step.id === undefined || live.has(step.id)),
    removeKeyResultIds: saved.removeKeyResultIds.filter((krId) => live.has(krId)),
  });
  if (isEmpty(plan)) return;
  await writeSave(caller, trx, objective, plan, {
    reason,
    isAdjustment: needsAdjustmentReason(phase, objective.status) && isAdjusting(plan),
  });
}

/**
 * Positions that keep the request's order while moving as few KRs as possible: a KR keeps its position
 * when it still comes after the one before it, new KRs (and KRs moved up) take the next free one.
 */
function withPositions(
  steps: readonly KeyResultSaveInput[],
  current: readonly KeyResultRow[],
): KeyResultStep[] {
  const positions = new Map(current.map((kr) => [kr.id, kr.position]));
  let last = -1;
  return steps.map((step) => {
    const stored = step.id === undefined ? undefined : positions.get(step.id);
    const position = stored !== undefined && stored > last ? stored : last + 1;
    last = position;
    return { ...step, position };
  });
}

/** Checks every part of a save against the stored objective and works out what it changes; writes nothing. */
async function planSave(
  caller: Caller,
  trx: Executor,
  objective: ObjectiveRow,
  current: readonly KeyResultRow[],
  spec: SaveSpec,
): Promise<SavePlan> {
  const { auth } = caller;
  const orgId = auth.org.id;
  const byId = new Map(current.map((kr) => [kr.id, kr]));
  const milestoneRows = await listMilestones(
    trx,
    orgId,
    current.filter((kr) => kr.type === "milestone").map((kr) => kr.id),
  );
  const updates: KeyResultChange[] = [];
  const links: KeyResultLinks[] = [];
  const newSteps: Array<{ input: KeyResultInput; position: number; index: number }> = [];
  for (const [index, step] of spec.keyResults.entries()) {
    const path = `keyResults.${index}`;
    if (step.id === undefined) {
      newSteps.push({ input: newKeyResultInput(step, path), position: step.position ?? index, index });
      continue;
    }
    const row = byId.get(step.id);
    if (!row) throw new AppError("key_result.not_found", {}, [{ path: `${path}.id` }]);
    updates.push(
      planKeyResultUpdate(
        row,
        step,
        path,
        milestoneRows.filter((m) => m.keyResultId === row.id),
      ),
    );
    links.push({
      path,
      ...(step.ownerUserId !== row.ownerUserId ? { ownerUserId: step.ownerUserId } : {}),
      ...(step.parentKeyResultId !== row.parentKeyResultId
        ? { parentKeyResultId: step.parentKeyResultId }
        : {}),
    });
  }
  await checkKeyResultLinks(caller, trx, objective, links);
  const defaultOwnerId =
    objective.ownerUserId ??
    (await graphOf(caller, trx)).departments.get(objective.ownerDepartmentId ?? "")?.leaderId ??
    auth.user.id;
  const built = await buildKeyResultRows(
    caller,
    trx,
    objective,
    newSteps.map((s) => s.input),
    {
      firstPosition: 0,
      pathPrefix: "keyResults.",
      defaultOwnerId,
      indexes: newSteps.map((s) => s.index),
    },
  );
  // The index names a new KR's path in the request; its position comes from the save (withPositions).
  built.keyResults.forEach((row, i) => {
    row.position = newSteps[i]?.position ?? row.position;
  });
  return {
    objective: diffFields<ObjectiveRow>(objective, spec.objective),
    updates: updates.filter((u) => u.fields || u.milestones),
    creates: {
      inputs: newSteps.map(({ input, position }) => ({ input, position })),
      keyResults: built.keyResults,
      milestones: built.milestones,
    },
    removes: spec.removeKeyResultIds.map((krId) => {
      const row = byId.get(krId);
      if (!row) throw new AppError("key_result.not_found");
      return row;
    }),
  };
}

/** A new KR's input: a step without an id must say at least what a create says. */
function newKeyResultInput(step: KeyResultStep, path: string): KeyResultInput {
  const { id: _id, position: _position, title, type, milestones, ...rest } = step;
  if (!title)
    throw new AppError("kr.fields", { type: type ?? "—", fields: "title" }, [{ path: `${path}.title` }]);
  if (!type) throw new AppError("kr.fields", { type: "—", fields: "type" }, [{ path: `${path}.type` }]);
  return {
    ...rest,
    title,
    type,
    ...(milestones ? { milestones: milestones.map(({ id: _milestoneId, ...m }) => m) } : {}),
  };
}

/** The changes to one existing KR: its fields (type and aggregation fixed), and its milestones' list. */
function planKeyResultUpdate(
  row: KeyResultRow,
  step: KeyResultStep,
  path: string,
  milestones: readonly MilestoneRow[],
): KeyResultChange {
  if (step.type !== undefined && step.type !== row.type) {
    throw new AppError("kr.type_fixed", {}, [{ path: `${path}.type` }]);
  }
  if (row.type === "rollup" && step.aggregation !== undefined && step.aggregation !== row.aggregation) {
    throw new AppError("kr.type_fixed", {}, [{ path: `${path}.aggregation` }]);
  }
  const start = step.startValue ?? undefined;
  const target = step.targetValue ?? undefined;
  let measure: Partial<KeyResultRow> = {};
  const measured = NUMERIC_TYPES.has(row.type) || (row.type === "rollup" && row.aggregation === "sum");
  if (measured && (start !== undefined || target !== undefined || step.direction !== undefined)) {
    const movesNumbers = start !== undefined || target !== undefined;
    const definition = atDefinitionPath(path, () =>
      validateKeyResultDefinition({
        type: row.type,
        aggregation: row.aggregation,
        startValue: start ?? row.startValue,
        targetValue: target ?? row.targetValue,
        // New numbers without a direction let the numbers say it, as on create.
        direction: step.direction ?? (movesNumbers ? undefined : row.direction),
      }),
    );
    measure = {
      startValue: definition.startValue,
      targetValue: definition.targetValue,
      direction: definition.direction,
    };
  }
  const fields = diffFields<KeyResultRow>(row, {
    title: step.title,
    unit: step.unit,
    weight: step.weight,
    ownerUserId: step.ownerUserId,
    parentKeyResultId: step.parentKeyResultId,
    position: step.position,
    ...measure,
  });
  const milestoneChange =
    row.type === "milestone" && step.milestones !== undefined
      ? planMilestones(step.milestones, milestones, path)
      : null;
  return { row, fields, milestones: milestoneChange };
}

/** A milestone KR's new list: ids given are kept (check-ins name them), others created, missing ones removed. */
function planMilestones(
  given: NonNullable<KeyResultSaveInput["milestones"]>,
  stored: readonly MilestoneRow[],
  path: string,
): MilestoneChange | null {
  atDefinitionPath(path, () =>
    validateKeyResultDefinition({
      type: "milestone",
      milestones: given.map((m) => ({ title: m.title, weight: m.weight ?? 1 })),
    }),
  );
  const byId = new Map(stored.map((m) => [m.id, m]));
  const after = given.map((m, position) => {
    if (m.id !== undefined && !byId.has(m.id)) {
      throw new AppError("kr.unknown_milestone", {}, [{ path: `${path}.milestones.${position}.id` }]);
    }
    return {
      id: m.id ?? newId(),
      title: m.title,
      weight: m.weight ?? 1,
      position,
      isNew: m.id === undefined,
    };
  });
  const same =
    after.length === stored.length &&
    after.every((m) => {
      const before = byId.get(m.id);
      return (
        before && before.title === m.title && before.weight === m.weight && before.position === m.position
      );
    });
  return same ? null : { before: [...stored], after };
}

function isEmpty(plan: SavePlan): boolean {
  return (
    !plan.objective &&
    plan.updates.length === 0 &&
    plan.creates.keyResults.length === 0 &&
    plan.removes.length === 0
  );
}

/**
 * Whether a save changes what the objective promises (an adjustment once the cycle is past aligning): the
 * objective's title or weight, a KR's title, measure or weight, its milestones, or which KRs there are.
 */
function isAdjusting(plan: SavePlan): boolean {
  return (
    OBJECTIVE_ADJUSTED_FIELDS.some((f) => f in (plan.objective?.after ?? {})) ||
    plan.updates.some(
      (u) => u.milestones !== null || KEY_RESULT_ADJUSTED_FIELDS.some((f) => f in (u.fields?.after ?? {})),
    ) ||
    plan.creates.keyResults.length > 0 ||
    plan.removes.length > 0
  );
}

function milestoneList(milestones: ReadonlyArray<{ id: string; title: string; weight: number }>) {
  return milestones.map((m) => ({ id: m.id, title: m.title, weight: m.weight }));
}

/**
 * The save as a before/after diff in the API's names: the objective's changed fields, and under
 * `keyResults` each KR touched — changed fields (with its title), created, or deleted.
 */
function changesOf(plan: SavePlan): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Array<Record<string, unknown>> = [];
  const after: Array<Record<string, unknown>> = [];
  for (const u of plan.updates) {
    before.push({
      id: u.row.id,
      title: u.row.title,
      ...u.fields?.before,
      ...(u.milestones ? { milestones: milestoneList(u.milestones.before) } : {}),
    });
    after.push({
      id: u.row.id,
      title: u.row.title,
      ...u.fields?.after,
      ...(u.milestones
        ? { milestones: u.milestones.after.map((m) => ({ title: m.title, weight: m.weight })) }
        : {}),
    });
  }
  for (const { input } of plan.creates.inputs) after.push({ ...input });
  // A deleted KR is in `before` and not in `after`.
  for (const row of plan.removes) before.push({ id: row.id, title: row.title });
  const krs =
    before.length || after.length ? { before: { keyResults: before }, after: { keyResults: after } } : null;
  return {
    before: { ...plan.objective?.before, ...krs?.before },
    after: { ...plan.objective?.after, ...krs?.after },
  };
}

/** What an adjustment keeps to apply on approval (see storedSaveSchema). */
function storedSaveOf(plan: SavePlan): Record<string, unknown> {
  return {
    objective: { ...plan.objective?.after },
    keyResults: [
      ...plan.updates.map((u) => ({
        id: u.row.id,
        ...u.fields?.after,
        ...(u.milestones
          ? {
              milestones: u.milestones.after.map((m) =>
                m.isNew
                  ? { title: m.title, weight: m.weight }
                  : { id: m.id, title: m.title, weight: m.weight },
              ),
            }
          : {}),
      })),
      ...plan.creates.inputs.map(({ input, position }) => ({ ...input, position })),
    ],
    removeKeyResultIds: plan.removes.map((row) => row.id),
  };
}

/**
 * Writes a checked save: the objective (its version moves even when only its KRs changed, so a save based
 * on the old version is refused), the KRs updated, deleted and created, their milestones, the roll-up of
 * the objective and of everything above it, and one audit entry per thing changed — all in `trx`.
 */
async function writeSave(
  caller: Caller,
  trx: Executor,
  objective: ObjectiveRow,
  plan: SavePlan,
  options: { reason: string | null; isAdjustment: boolean },
): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const now = ctx.config.now().toISOString();
  const conflict = (current: number) => new AppError("version.conflict", { current });
  if (
    !(await updateObjectiveRow(trx, orgId, objective.id, objective.version, {
      ...plan.objective?.after,
      updatedAt: now,
    }))
  ) {
    throw conflict(objective.version + 1);
  }
  for (const u of plan.updates) {
    if (
      !(await updateKeyResultRow(trx, orgId, u.row.id, u.row.version, { ...u.fields?.after, updatedAt: now }))
    ) {
      throw conflict(objective.version + 1);
    }
  }
  for (const row of plan.removes) {
    if (!(await updateKeyResultRow(trx, orgId, row.id, row.version, { deletedAt: now, updatedAt: now }))) {
      throw conflict(objective.version + 1);
    }
  }
  await insertKeyResults(trx, plan.creates.keyResults);
  await insertMilestones(trx, plan.creates.milestones);
  const milestoneChanges = plan.updates.flatMap((u) =>
    u.milestones ? [{ row: u.row, ...u.milestones }] : [],
  );
  for (const change of milestoneChanges) {
    const kept = new Set(change.after.map((m) => m.id));
    await deleteMilestones(
      trx,
      orgId,
      change.before.filter((m) => !kept.has(m.id)).map((m) => m.id),
    );
    const stored = new Map(change.before.map((m) => [m.id, m]));
    for (const m of change.after) {
      const before = stored.get(m.id);
      if (
        before &&
        (before.title !== m.title || before.weight !== m.weight || before.position !== m.position)
      ) {
        await updateMilestone(trx, orgId, m.id, { title: m.title, weight: m.weight, position: m.position });
      }
    }
    await insertMilestones(
      trx,
      change.after
        .filter((m) => m.isNew)
        .map((m) => ({
          orgId,
          id: m.id,
          keyResultId: change.row.id,
          title: m.title,
          weight: m.weight,
          done: 0,
          position: m.position,
        })),
    );
  }

  // Everything whose numbers may move, and the sums the changed or deleted KRs added into before.
  const formerSums = [
    ...plan.updates.filter((u) => u.fields && "parentKeyResultId" in u.fields.after).map((u) => u.row),
    ...plan.removes,
  ].flatMap((row) => (row.parentKeyResultId ? [row.parentKeyResultId] : []));
  await applyRollup(caller, trx, {
    keyResultIds: [
      ...plan.updates.map((u) => u.row.id),
      ...plan.creates.keyResults.map((row) => row.id),
      ...formerSums,
    ],
    objectiveIds: [objective.id],
  });

  const verb = (adjusted: boolean) => (options.isAdjustment && adjusted ? "adjust" : "update");
  const entry = (
    action: string,
    entityType: string,
    entityId: string,
    diff: { before?: unknown; after?: unknown },
  ): AuditEntry => ({
    orgId,
    actorId: auth.user.id,
    action,
    entityType,
    entityId,
    objectiveId: objective.id,
    reason: options.reason,
    ...diff,
    at: now,
  });
  const entries: AuditEntry[] = [];
  if (plan.objective) {
    const adjusted = OBJECTIVE_ADJUSTED_FIELDS.some((f) => f in (plan.objective?.after ?? {}));
    entries.push(entry(`objective.${verb(adjusted)}`, "objective", objective.id, plan.objective));
  }
  for (const u of plan.updates) {
    const adjusted =
      u.milestones !== null || KEY_RESULT_ADJUSTED_FIELDS.some((f) => f in (u.fields?.after ?? {}));
    entries.push(
      entry(`key_result.${verb(adjusted)}`, "key_result", u.row.id, {
        before: {
          ...u.fields?.before,
          ...(u.milestones ? { milestones: milestoneList(u.milestones.before) } : {}),
        },
        after: {
          ...u.fields?.after,
          ...(u.milestones ? { milestones: milestoneList(u.milestones.after) } : {}),
        },
      }),
    );
  }
  plan.creates.keyResults.forEach((row, i) => {
    entries.push(entry("key_result.create", "key_result", row.id, { after: plan.creates.inputs[i]?.input }));
  });
  for (const row of plan.removes) {
    entries.push(entry("key_result.delete", "key_result", row.id, { before: { title: row.title } }));
  }
  await recordAudit(trx, entries);
}
