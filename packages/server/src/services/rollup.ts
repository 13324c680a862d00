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
  type AlignedObjectiveInput,
  type Executor,
  findKeyResults,
  findObjectives,
  type KeyResultRow,
  listAlignedObjectiveInputs,
  listChainKeyResults,
  listKeyResultsContributingTo,
  listKeyResultsOfObjectives,
  listMilestones,
  type MilestoneRow,
  type ObjectiveRow,
  setKeyResultValues,
  setObjectiveDerived,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import type { RollupGraph } from "./rollup-graph-cache.ts";

const MAX_DEPTH = 32;

/** What a check-in measures on a KR, written with the roll-up's own values of that row. */
type MeasuredValues = Partial<
  Pick<
    KeyResultRow,
    "currentValue" | "checkedInValue" | "checkedInStart" | "confidence" | "lastCheckInAt" | "updatedAt"
  >
>;

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

function toRollupObjective(row: AlignedObjectiveInput): RollupObjective {
  return { id: row.id, weight: row.weight, parentKeyResultId: row.parentKeyResultId };
}

/**
 * Where the walk up the chain reads its rows: the database, relation by relation and level by level, or
 * the rows read ahead in a few statements from what the organization's roll-up graph predicts.
 */
type ChainSource = {
  keyResults: (ids: readonly string[]) => Promise<KeyResultRow[]> | KeyResultRow[];
  objectives: (ids: readonly string[]) => Promise<ObjectiveRow[]> | ObjectiveRow[];
  keyResultsOf: (objectiveIds: readonly string[]) => Promise<KeyResultRow[]> | KeyResultRow[];
  contributorsTo: (sumIds: readonly string[]) => Promise<KeyResultRow[]> | KeyResultRow[];
  alignedTo: (keyResultIds: readonly string[]) => Promise<AlignedObjectiveInput[]> | AlignedObjectiveInput[];
};

/** The walk asked for rows the read-ahead did not cover: the graph was out of date. */
class OutsidePrediction extends Error {}

function databaseSource(trx: Executor, orgId: string, lock: boolean): ChainSource {
  return {
    keyResults: (ids) => findKeyResults(trx, orgId, ids, { forUpdate: lock }),
    objectives: (ids) => findObjectives(trx, orgId, ids, { forUpdate: lock }),
    keyResultsOf: (ids) => listKeyResultsOfObjectives(trx, orgId, ids),
    contributorsTo: (ids) => listKeyResultsContributingTo(trx, orgId, ids),
    alignedTo: (ids) => listAlignedObjectiveInputs(trx, orgId, ids),
  };
}

/** What the graph says a change at the starting points reads: the same walk as `walkChain`, in memory. */
type Prediction = {
  /** KRs read by id (locked on PostgreSQL): the starting KRs and every parent KR on the way up. */
  keyResultIds: Set<string>;
  /** Objectives on the chain (locked on PostgreSQL), whose KRs are read too. */
  objectiveIds: Set<string>;
  /** Sum KRs whose contributors are read. */
  sumIds: Set<string>;
  /** Progress roll-up KRs whose aligned objectives are read. */
  progressIds: Set<string>;
};

function predictChain(
  graph: RollupGraph,
  startKrIds: readonly string[],
  startObjectiveIds: readonly string[],
): Prediction {
  const prediction: Prediction = {
    keyResultIds: new Set(startKrIds),
    objectiveIds: new Set(),
    sumIds: new Set(),
    progressIds: new Set(),
  };
  const readInputsOf = (id: string) => {
    const kr = graph.keyResults.get(id);
    if (kr?.type !== "rollup") return false;
    if (kr.aggregation === "sum") prediction.sumIds.add(id);
    if (kr.aggregation === "progress") prediction.progressIds.add(id);
    return true;
  };
  const expanded = new Set(startKrIds.filter(readInputsOf));
  let chainKrIds = startKrIds.filter((id) => graph.keyResults.has(id));
  let chainObjectiveIds: readonly string[] = startObjectiveIds;
  for (let depth = 0; depth < MAX_DEPTH && (chainKrIds.length || chainObjectiveIds.length); depth++) {
    const objectiveIds = new Set(chainObjectiveIds);
    const parentKrIds = new Set<string>();
    for (const id of chainKrIds) {
      const kr = graph.keyResults.get(id);
      if (!kr) continue;
      objectiveIds.add(kr.objectiveId);
      if (kr.parentKeyResultId) parentKrIds.add(kr.parentKeyResultId);
    }
    for (const id of objectiveIds) {
      prediction.objectiveIds.add(id);
      const parent = graph.objectives.get(id)?.parentKeyResultId;
      if (parent) parentKrIds.add(parent);
    }
    const toExpand = [...parentKrIds].filter((id) => !expanded.has(id));
    for (const id of toExpand) {
      expanded.add(id);
      prediction.keyResultIds.add(id);
    }
    chainKrIds = toExpand.filter(readInputsOf);
    chainObjectiveIds = [];
  }
  return prediction;
}

/**
 * Reads every row the predicted chain needs in a few statements and answers the walk from them. On
 * PostgreSQL the KRs and objectives the chain writes are locked first (ordered by id) and their inputs read
 * after, so a sum sees every committed input, as the walk's level-by-level locking does. The reads go by
 * relation (KRs of an objective, contributors of a sum, objectives aligned to a KR), so rows added since
 * the graph was loaded are read too; a request outside the prediction throws `OutsidePrediction`.
 */
async function readAhead(
  trx: Executor,
  orgId: string,
  lock: boolean,
  prediction: Prediction,
): Promise<{
  source: ChainSource;
  keyResults: KeyResultRow[];
  objectives: ObjectiveRow[];
  aligned: AlignedObjectiveInput[];
}> {
  const krIds = [...prediction.keyResultIds];
  const objectiveIds = [...prediction.objectiveIds];
  const sumIds = [...prediction.sumIds];
  const progressIds = [...prediction.progressIds];
  let keyResults: KeyResultRow[];
  let objectives: ObjectiveRow[];
  if (lock) {
    const lockedKrs = await findKeyResults(trx, orgId, krIds, { forUpdate: true });
    objectives = await findObjectives(trx, orgId, objectiveIds, { forUpdate: true });
    const inputs = await listChainKeyResults(trx, orgId, { ids: [], objectiveIds, sumIds });
    keyResults = [...new Map([...lockedKrs, ...inputs].map((row) => [row.id, row])).values()];
  } else {
    keyResults = await listChainKeyResults(trx, orgId, { ids: krIds, objectiveIds, sumIds });
    objectives = await findObjectives(trx, orgId, objectiveIds);
  }
  const aligned = await listAlignedObjectiveInputs(trx, orgId, progressIds);
  const covered = (ids: readonly string[], set: ReadonlySet<string>) => {
    for (const id of ids) if (!set.has(id)) throw new OutsidePrediction(id);
    return new Set(ids);
  };
  const source: ChainSource = {
    keyResults: (ids) => {
      const wanted = covered(ids, prediction.keyResultIds);
      return keyResults.filter((row) => wanted.has(row.id)).sort(byId);
    },
    objectives: (ids) => {
      const wanted = covered(ids, prediction.objectiveIds);
      return objectives.filter((row) => wanted.has(row.id)).sort(byId);
    },
    keyResultsOf: (ids) => {
      const wanted = covered(ids, prediction.objectiveIds);
      return keyResults
        .filter((row) => wanted.has(row.objectiveId))
        .sort((a, b) => compare(a.objectiveId, b.objectiveId) || a.position - b.position);
    },
    contributorsTo: (ids) => {
      const wanted = covered(ids, prediction.sumIds);
      return keyResults.filter((row) => row.parentKeyResultId !== null && wanted.has(row.parentKeyResultId));
    },
    alignedTo: (ids) => {
      const wanted = covered(ids, prediction.progressIds);
      return aligned.filter((row) => row.parentKeyResultId !== null && wanted.has(row.parentKeyResultId));
    },
  };
  return { source, keyResults, objectives, aligned };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => compare(a.id, b.id);

/** Whether the rows read agree with the graph on everything it holds (else it is dropped and reloaded). */
function agrees(
  graph: RollupGraph,
  prediction: Prediction,
  keyResults: readonly KeyResultRow[],
  objectives: readonly ObjectiveRow[],
  aligned: readonly AlignedObjectiveInput[],
): boolean {
  for (const row of keyResults) {
    const link = graph.keyResults.get(row.id);
    if (
      !link ||
      link.objectiveId !== row.objectiveId ||
      link.type !== row.type ||
      link.aggregation !== row.aggregation ||
      link.parentKeyResultId !== row.parentKeyResultId ||
      link.weight !== row.weight
    )
      return false;
  }
  for (const row of [...objectives, ...aligned]) {
    const link = graph.objectives.get(row.id);
    if (!link || link.parentKeyResultId !== row.parentKeyResultId || link.weight !== row.weight) return false;
  }
  // Rows the graph holds but the database no longer has (deleted elsewhere).
  const readKrs = new Set(keyResults.map((row) => row.id));
  const readObjectives = new Set(objectives.map((row) => row.id));
  for (const id of prediction.keyResultIds) if (graph.keyResults.has(id) && !readKrs.has(id)) return false;
  for (const id of prediction.objectiveIds)
    if (graph.objectives.has(id) && !readObjectives.has(id)) return false;
  return true;
}

/** Reads what roll-up KRs aggregate: the KRs adding into sums, the objectives aligned to progress roll-ups. */
async function loadRollupInputs(
  source: ChainSource,
  rollups: readonly KeyResultRow[],
  krs: Map<string, KeyResultRow>,
  inputs: Map<string, AlignedObjectiveInput>,
): Promise<void> {
  const sums = rollups.filter((kr) => kr.aggregation === "sum").map((kr) => kr.id);
  const progressRollups = rollups.filter((kr) => kr.aggregation === "progress").map((kr) => kr.id);
  for (const row of await source.contributorsTo(sums)) if (!krs.has(row.id)) krs.set(row.id, row);
  for (const row of await source.alignedTo(progressRollups)) if (!inputs.has(row.id)) inputs.set(row.id, row);
}

/**
 * What the roll-up read: KRs (whole rows), the chain's objectives (whole rows), and the objectives aligned
 * to its progress roll-ups (only what those read of them).
 */
type ChainRows = {
  krs: Map<string, KeyResultRow>;
  objectives: Map<string, ObjectiveRow>;
  inputs: Map<string, AlignedObjectiveInput>;
};

/**
 * The rows a change at the starting points reads: the chain above it level by level (one request per
 * relation and level) with the siblings each step reads.
 */
async function walkChain(
  source: ChainSource,
  startKrIds: readonly string[],
  startObjectiveIds: readonly string[],
): Promise<ChainRows> {
  const krs = new Map<string, KeyResultRow>();
  const objectives = new Map<string, ObjectiveRow>();
  const inputs = new Map<string, AlignedObjectiveInput>();
  for (const row of await source.keyResults(startKrIds)) krs.set(row.id, row);
  // A roll-up KR that is itself a starting point is recomputed from what lies below it, so that must be
  // read too; otherwise a confidence-only check-in on a sum would find no inputs and write 0.
  const startRollups = [...krs.values()].filter((kr) => kr.type === "rollup");
  await loadRollupInputs(source, startRollups, krs, inputs);

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
    for (const row of await source.objectives(newObjectiveIds)) objectives.set(row.id, row);
    // Every KR of a chain objective, since its progress is their weighted mean.
    for (const row of await source.keyResultsOf(newObjectiveIds)) if (!krs.has(row.id)) krs.set(row.id, row);
    for (const id of objectiveIds) {
      const parent = objectives.get(id)?.parentKeyResultId;
      if (parent) parentKrIds.add(parent);
    }
    // Parents are read afresh (and locked) before the inputs they sum, so the sum sees every committed input.
    const toExpand = [...parentKrIds].filter((id) => !expanded.has(id));
    const parents = await source.keyResults(toExpand);
    for (const row of parents) krs.set(row.id, row);
    const rollups = parents.filter((kr) => kr.type === "rollup");
    for (const kr of parents) expanded.add(kr.id);
    await loadRollupInputs(source, rollups, krs, inputs);
    chainKrIds = rollups.map((kr) => kr.id);
    chainObjectiveIds = [];
  }
  return { krs, objectives, inputs };
}

/**
 * The chain's rows: read ahead from the organization's roll-up graph when it is kept and agrees with what
 * the rows say, by the level-by-level walk otherwise. Both give the same rows (the read-ahead is checked
 * against the walk's every request), so the numbers never depend on the cache.
 */
async function readChain(
  caller: Caller,
  trx: Executor,
  startKrIds: readonly string[],
  startObjectiveIds: readonly string[],
): Promise<ChainRows> {
  const { ctx } = caller;
  const orgId = caller.auth.org.id;
  const lock = ctx.dialect === "postgres";
  const graph = await ctx.rollups.get(trx, orgId);
  if (graph) {
    const prediction = predictChain(graph, startKrIds, startObjectiveIds);
    const ahead = await readAhead(trx, orgId, lock, prediction);
    if (!agrees(graph, prediction, ahead.keyResults, ahead.objectives, ahead.aligned))
      ctx.rollups.drop(orgId);
    try {
      return await walkChain(ahead.source, startKrIds, startObjectiveIds);
    } catch (error) {
      if (!(error instanceof OutsidePrediction)) throw error;
      ctx.rollups.drop(orgId);
    }
  }
  return walkChain(databaseSource(trx, orgId, lock), startKrIds, startObjectiveIds);
}

/**
 * After a write, recomputes the progress of the changed KRs and objectives and of every roll-up above
 * them, in the caller's transaction. It reads only the chain above the change with the siblings each step
 * reads — in a few statements when the organization's roll-up graph is kept (services/rollup-graph-cache.ts),
 * level by level otherwise — and locks the chain on PostgreSQL so that concurrent check-ins below one
 * roll-up serialize on it instead of overwriting each other's sums.
 */
export async function applyRollup(
  caller: Caller,
  trx: Executor,
  start: {
    keyResultIds?: readonly string[];
    objectiveIds?: readonly string[];
    /**
     * New measured values of starting KRs (a check-in's), not yet written: the roll-up reads the rows,
     * applies these, and writes each such row once, with its derived values.
     */
    values?: ReadonlyMap<string, MeasuredValues>;
  },
): Promise<RollupOutcome> {
  const { ctx } = caller;
  const orgId = caller.auth.org.id;
  const milestonesByKr = new Map<string, MilestoneRow[]>();
  const startKrIds = [...new Set(start.keyResultIds ?? [])];
  const startObjectiveIds = [...new Set(start.objectiveIds ?? [])];

  const { krs, objectives, inputs } = await readChain(caller, trx, startKrIds, startObjectiveIds);
  // The chain's own rows over the inputs: an objective may be both.
  const allObjectives = new Map<string, AlignedObjectiveInput>([...inputs, ...objectives]);
  for (const [id, values] of start.values ?? []) {
    const row = krs.get(id);
    if (row) Object.assign(row, values);
  }
  const milestoneKrIds = startKrIds.filter((id) => krs.get(id)?.type === "milestone");
  for (const m of await listMilestones(trx, orgId, milestoneKrIds)) {
    const list = milestonesByKr.get(m.keyResultId);
    if (list) list.push(m);
    else milestonesByKr.set(m.keyResultId, [m]);
  }

  const snapshot: RollupSnapshot = {
    keyResults: new Map(
      [...krs.values()].map((row) => [row.id, toRollupKr(row, milestonesByKr.get(row.id))]),
    ),
    objectives: new Map([...allObjectives.values()].map((row) => [row.id, toRollupObjective(row)])),
  };
  const state: RollupState = {
    krProgress: new Map(
      [...krs.values()].map((row) => [row.id, { raw: row.progressRaw, clamped: row.progress }]),
    ),
    krCurrent: new Map([...krs.values()].map((row) => [row.id, row.currentValue])),
    objectiveProgress: new Map([...allObjectives.values()].map((row) => [row.id, row.progress])),
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
    const pending = start.values?.get(id);
    const derivedMoved =
      before.progress !== row.progress ||
      before.raw !== row.progressRaw ||
      before.current !== row.currentValue ||
      before.health !== row.health;
    if (!derivedMoved && !pending) continue;
    if (derivedMoved) row.updatedAt = at;
    await setKeyResultValues(trx, orgId, id, {
      ...pending,
      progress: row.progress,
      progressRaw: row.progressRaw,
      currentValue: row.currentValue,
      health: row.health,
      updatedAt: row.updatedAt,
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
