import {
  currentValueOf,
  elapsedFraction,
  keyResultHealth,
  objectiveHealth,
  propagateFrom,
  type RollupKr,
  type RollupObjective,
  type RollupSnapshot,
  type RollupState,
} from "@luodi/core";
import {
  type Executor,
  findKeyResults,
  findObjectives,
  type KeyResultRow,
  listKeyResultsContributingTo,
  listKeyResultsOfObjectives,
  listMilestones,
  listObjectivesAlignedToKeyResults,
  type MilestoneRow,
  type ObjectiveRow,
  setKeyResultValues,
  setObjectiveDerived,
} from "@luodi/db";
import type { Caller } from "../context.ts";

const MAX_DEPTH = 32;

/** What changed, and the rows the roll-up read, with their derived values brought up to date. */
export type RollupOutcome = {
  keyResults: string[];
  objectives: string[];
  rows: {
    keyResults: Map<string, KeyResultRow>;
    objectives: Map<string, ObjectiveRow>;
    milestones: Map<string, MilestoneRow[]>;
  };
};

function toRollupKr(row: KeyResultRow, milestones: readonly MilestoneRow[] = []): RollupKr {
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    type: row.type,
    aggregation: row.aggregation,
    startValue: row.startValue,
    targetValue: row.targetValue,
    // A KR's own value is derived from its check-ins and its start; a rollup's comes from below.
    currentValue: row.type === "rollup" ? row.currentValue : currentValueOf(row),
    direction: row.direction,
    weight: row.weight,
    milestones: milestones.map((m) => ({ weight: m.weight, done: m.done === 1 })),
    parentKeyResultId: row.parentKeyResultId,
  };
}

function toRollupObjective(row: ObjectiveRow): RollupObjective {
  return { id: row.id, weight: row.weight, parentKeyResultId: row.parentKeyResultId };
}

/** Reads what roll-up KRs aggregate: the KRs adding into sums, the objectives aligned to progress roll-ups. */
async function loadRollupInputs(
  trx: Executor,
  orgId: string,
  rollups: readonly KeyResultRow[],
  krs: Map<string, KeyResultRow>,
  objectives: Map<string, ObjectiveRow>,
): Promise<void> {
  const sums = rollups.filter((kr) => kr.aggregation === "sum").map((kr) => kr.id);
  const progressRollups = rollups.filter((kr) => kr.aggregation === "progress").map((kr) => kr.id);
  for (const row of await listKeyResultsContributingTo(trx, orgId, sums))
    if (!krs.has(row.id)) krs.set(row.id, row);
  for (const row of await listObjectivesAlignedToKeyResults(trx, orgId, progressRollups)) {
    if (!objectives.has(row.id)) objectives.set(row.id, row);
  }
}

/**
 * After a write, recomputes the progress of the changed KRs and objectives and of every roll-up above
 * them, in the caller's transaction. It loads only the chain above the change (level by level, one query
 * per relation and level) with the siblings each step reads, and locks the chain on PostgreSQL so that
 * concurrent check-ins below one roll-up serialize on it instead of overwriting each other's sums.
 */
export async function applyRollup(
  caller: Caller,
  trx: Executor,
  start: { keyResultIds?: readonly string[]; objectiveIds?: readonly string[] },
): Promise<RollupOutcome> {
  const { ctx } = caller;
  const orgId = caller.auth.org.id;
  const lock = ctx.dialect === "postgres";
  const krs = new Map<string, KeyResultRow>();
  const objectives = new Map<string, ObjectiveRow>();
  const milestonesByKr = new Map<string, MilestoneRow[]>();
  const startKrIds = [...new Set(start.keyResultIds ?? [])];
  const startObjectiveIds = [...new Set(start.objectiveIds ?? [])];

  for (const row of await findKeyResults(trx, orgId, startKrIds, { forUpdate: lock })) krs.set(row.id, row);
  const milestoneKrIds = [...krs.values()].filter((kr) => kr.type === "milestone").map((kr) => kr.id);
  for (const m of await listMilestones(trx, orgId, milestoneKrIds)) {
    const list = milestonesByKr.get(m.keyResultId);
    if (list) list.push(m);
    else milestonesByKr.set(m.keyResultId, [m]);
  }
  // A roll-up KR that is itself a starting point is recomputed from what lies below it, so that must be
  // read too; otherwise a confidence-only check-in on a sum would find no inputs and write 0.
  const startRollups = [...krs.values()].filter((kr) => kr.type === "rollup");
  await loadRollupInputs(trx, orgId, startRollups, krs, objectives);

  // Walk upward: chain KRs lead to their objectives and sum parents; chain objectives to their rollup parents.
  let chainKrIds = startKrIds.filter((id) => krs.has(id));
  let chainObjectiveIds = startObjectiveIds;
  const expanded = new Set<string>(startRollups.map((kr) => kr.id));
  const chainObjectives = new Set<string>();
  for (let depth = 0; depth < MAX_DEPTH && (chainKrIds.length || chainObjectiveIds.length); depth++) {
    const objectiveIds = new Set(chainObjectiveIds);
    const parentKrIds = new Set<string>();
    for (const id of chainKrIds) {
      const kr = krs.get(id);
      if (!kr) continue;
      objectiveIds.add(kr.objectiveId);
      if (kr.parentKeyResultId) parentKrIds.add(kr.parentKeyResultId);
    }
    const newObjectiveIds = [...objectiveIds].filter((id) => !chainObjectives.has(id));
    for (const id of newObjectiveIds) chainObjectives.add(id);
    for (const row of await findObjectives(trx, orgId, newObjectiveIds, { forUpdate: lock }))
      objectives.set(row.id, row);
    // Every KR of a chain objective, since its progress is their weighted mean.
    for (const row of await listKeyResultsOfObjectives(trx, orgId, newObjectiveIds))
      if (!krs.has(row.id)) krs.set(row.id, row);
    for (const id of objectiveIds) {
      const parent = objectives.get(id)?.parentKeyResultId;
      if (parent) parentKrIds.add(parent);
    }
    // Parents are read afresh (and locked) before the inputs they sum, so the sum sees every committed input.
    const toExpand = [...parentKrIds].filter((id) => !expanded.has(id));
    const parents = await findKeyResults(trx, orgId, toExpand, { forUpdate: lock });
    for (const row of parents) krs.set(row.id, row);
    const rollups = parents.filter((kr) => kr.type === "rollup");
    for (const kr of parents) expanded.add(kr.id);
    await loadRollupInputs(trx, orgId, rollups, krs, objectives);
    chainKrIds = rollups.map((kr) => kr.id);
    chainObjectiveIds = [];
  }

  const snapshot: RollupSnapshot = {
    keyResults: new Map(
      [...krs.values()].map((row) => [row.id, toRollupKr(row, milestonesByKr.get(row.id))]),
    ),
    objectives: new Map([...objectives.values()].map((row) => [row.id, toRollupObjective(row)])),
  };
  const state: RollupState = {
    krProgress: new Map(
      [...krs.values()].map((row) => [row.id, { raw: row.progressRaw, clamped: row.progress }]),
    ),
    krCurrent: new Map([...krs.values()].map((row) => [row.id, row.currentValue])),
    objectiveProgress: new Map([...objectives.values()].map((row) => [row.id, row.progress])),
  };
  const result = propagateFrom(snapshot, state, {
    keyResultIds: startKrIds,
    objectiveIds: startObjectiveIds,
  });

  // Health is cached for queries (answers recompute it with the clock, as time alone moves it). It moves
  // with confidence too, so the starting KRs and their objectives are written even when progress did not.
  // The cache holds the health an OKR has once committed, whatever its status, so publishing needs no
  // rewrite; answers show none for drafts (core's keyResultHealthIn).
  const now = ctx.config.now();
  const cycleRows = [...(await ctx.cycles.get(ctx, trx, orgId)).values()];
  const timezone = caller.auth.org.timezone;
  const elapsedByCycle = new Map(
    cycleRows.map((c) => [
      c.id,
      elapsedFraction({ startDate: c.startDate, endDate: c.endDate }, now, timezone),
    ]),
  );
  const elapsedOf = (objectiveId: string) =>
    elapsedByCycle.get(objectives.get(objectiveId)?.cycleId ?? "") ?? 0;
  const healthOfKr = (row: KeyResultRow) =>
    keyResultHealth({
      progress: row.progress,
      confidence: row.confidence,
      elapsed: elapsedOf(row.objectiveId),
    });
  const at = now.toISOString();
  const krIds = new Set([...result.changed.keyResults, ...startKrIds]);
  const objectiveIds = new Set([...result.changed.objectives, ...startObjectiveIds]);
  for (const id of krIds) {
    const row = krs.get(id);
    const progress = result.state.krProgress.get(id);
    if (!row || !progress) continue;
    const before = {
      progress: row.progress,
      raw: row.progressRaw,
      current: row.currentValue,
      health: row.health,
    };
    row.progress = progress.clamped;
    row.progressRaw = progress.raw;
    row.currentValue = result.state.krCurrent.get(id) ?? row.currentValue;
    row.health = healthOfKr(row);
    objectiveIds.add(row.objectiveId);
    if (
      before.progress === row.progress &&
      before.raw === row.progressRaw &&
      before.current === row.currentValue &&
      before.health === row.health
    ) {
      continue;
    }
    row.updatedAt = at;
    await setKeyResultValues(trx, orgId, id, {
      progress: row.progress,
      progressRaw: row.progressRaw,
      currentValue: row.currentValue,
      health: row.health,
      updatedAt: at,
    });
  }
  for (const id of objectiveIds) {
    const row = objectives.get(id);
    const progress = result.state.objectiveProgress.get(id);
    if (!row || progress === undefined) continue;
    const healths = [...krs.values()].filter((kr) => kr.objectiveId === id).map(healthOfKr);
    const health = objectiveHealth(healths);
    if (row.progress === progress && row.health === health) continue;
    Object.assign(row, { progress, health, updatedAt: at });
    await setObjectiveDerived(trx, orgId, id, { progress, health, updatedAt: at });
  }
  return { ...result.changed, rows: { keyResults: krs, objectives, milestones: milestonesByKr } };
}
