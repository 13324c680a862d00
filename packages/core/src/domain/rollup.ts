import { parseDecimal, sumDecimals } from "./decimal.ts";
import type { MilestoneState, Progress, WeightedProgress } from "./progress.ts";
import { booleanProgress, milestoneProgress, numericProgress, objectiveProgress } from "./progress.ts";
import type { Aggregation, DecimalString, Direction, KeyResultType } from "./types.ts";
import { NUMERIC_TYPES } from "./types.ts";

/** A KR as roll-up reads it. */
export type RollupKr = {
  id: string;
  objectiveId: string;
  type: KeyResultType;
  aggregation: Aggregation | null;
  startValue: DecimalString | null;
  targetValue: DecimalString | null;
  currentValue: DecimalString | null;
  direction: Direction | null;
  weight: number;
  milestones: MilestoneState[];
  /** The sum rollup KR this KR's current value adds to. */
  parentKeyResultId: string | null;
};

/** An objective as roll-up reads it. */
export type RollupObjective = {
  id: string;
  weight: number;
  /** The rollup KR (aggregation `progress`) this objective aligns to; its progress counts there. */
  parentKeyResultId: string | null;
};

/** The OKRs of one roll-up scope, in memory. */
export type RollupSnapshot = {
  objectives: Map<string, RollupObjective>;
  keyResults: Map<string, RollupKr>;
};

/** Everything roll-up derives: progress of each KR and objective, and the current value of each KR. */
export type RollupState = {
  krProgress: Map<string, Progress>;
  /** A KR's own current value, or the computed sum of a sum rollup (null for a progress rollup). */
  krCurrent: Map<string, DecimalString | null>;
  objectiveProgress: Map<string, number>;
};

/** Who feeds whom, downward: built once per snapshot and reusable while its structure does not change. */
export type RollupIndex = {
  /** Objective id → ids of its KRs. */
  krsByObjective: ReadonlyMap<string, readonly string[]>;
  /** KR id → ids of the KRs naming it as `parentKeyResultId` (they add to it when it sums). */
  sumContributors: ReadonlyMap<string, readonly string[]>;
  /** KR id → ids of the objectives aligned to it (they count in it when it rolls up progress). */
  alignedObjectives: ReadonlyMap<string, readonly string[]>;
};

/** What lies below a rollup KR: the aligned objectives' progress, or the sum of contributing values. */
export type RollupChildValues = {
  /** Weight and clamped progress of the objectives aligned to a progress rollup. */
  objectives?: readonly WeightedProgress[];
  /** Sum of the contributors' current values for a sum rollup; null or absent when nothing is below. */
  sum?: DecimalString | null;
};

/** The ids whose derived values changed in one propagation. */
export type RollupChanges = { keyResults: string[]; objectives: string[] };

const NO_PROGRESS: Progress = { raw: 0, clamped: 0 };

function isSumRollup(kr: RollupKr | undefined): boolean {
  return kr?.type === "rollup" && kr.aggregation === "sum";
}

function isProgressRollup(kr: RollupKr | undefined): boolean {
  return kr?.type === "rollup" && kr.aggregation === "progress";
}

// Progress from a start to a value; a missing start counts as 0 and a missing direction follows the numbers,
// as validateKeyResultDefinition would have normalized them.
function measureProgress(kr: RollupKr, value: DecimalString | null): Progress {
  if (value === null || kr.targetValue === null) return NO_PROGRESS;
  const start = kr.startValue ?? "0";
  const direction =
    kr.direction ?? (parseDecimal(kr.targetValue).lt(parseDecimal(start)) ? "decrease" : "increase");
  return numericProgress({ start, target: kr.targetValue, current: value, direction });
}

/** Progress of one KR by its type; rollup KRs read what lies below them from `childValues`. */
export function keyResultProgress(kr: RollupKr, childValues: RollupChildValues = {}): Progress {
  if (NUMERIC_TYPES.has(kr.type)) return measureProgress(kr, kr.currentValue);
  switch (kr.type) {
    case "milestone": {
      const progress = milestoneProgress(kr.milestones);
      return { raw: progress, clamped: progress };
    }
    case "boolean": {
      const progress = booleanProgress(kr.currentValue);
      return { raw: progress, clamped: progress };
    }
    case "rollup": {
      if (kr.aggregation === "sum") {
        // Nothing below yet: 0, rather than the progress a sum of 0 would give a decreasing target.
        return childValues.sum === null || childValues.sum === undefined
          ? NO_PROGRESS
          : measureProgress(kr, childValues.sum);
      }
      if (kr.aggregation === "progress") {
        const progress = objectiveProgress(childValues.objectives ?? []);
        return { raw: progress, clamped: progress };
      }
      return NO_PROGRESS;
    }
    default:
      return NO_PROGRESS;
  }
}

/** Indexes a snapshot downward, in the snapshot's order so that every computation sums in the same order. */
export function buildRollupIndex(snapshot: RollupSnapshot): RollupIndex {
  const krsByObjective = new Map<string, string[]>();
  const sumContributors = new Map<string, string[]>();
  const alignedObjectives = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const kr of snapshot.keyResults.values()) {
    push(krsByObjective, kr.objectiveId, kr.id);
    if (kr.parentKeyResultId !== null) push(sumContributors, kr.parentKeyResultId, kr.id);
  }
  for (const objective of snapshot.objectives.values()) {
    if (objective.parentKeyResultId !== null)
      push(alignedObjectives, objective.parentKeyResultId, objective.id);
  }
  return { krsByObjective, sumContributors, alignedObjectives };
}

// KR and objective ids live in different tables and may coincide, so graph nodes carry a kind.
type Node = { kind: "kr" | "objective"; id: string };

const keyOf = (node: Node): string => `${node.kind}:${node.id}`;

// The nodes a node's value flows into: a KR into its objective and into the sum it contributes to; an
// objective into the progress rollup it aligns to. Links to anything else move no numbers.
function parentsOf(snapshot: RollupSnapshot, node: Node): Node[] {
  const parents: Node[] = [];
  if (node.kind === "kr") {
    const kr = snapshot.keyResults.get(node.id);
    if (!kr) return parents;
    if (snapshot.objectives.has(kr.objectiveId)) parents.push({ kind: "objective", id: kr.objectiveId });
    if (kr.parentKeyResultId !== null && isSumRollup(snapshot.keyResults.get(kr.parentKeyResultId))) {
      parents.push({ kind: "kr", id: kr.parentKeyResultId });
    }
  } else {
    const objective = snapshot.objectives.get(node.id);
    const parentId = objective?.parentKeyResultId ?? null;
    if (parentId !== null && isProgressRollup(snapshot.keyResults.get(parentId))) {
      parents.push({ kind: "kr", id: parentId });
    }
  }
  return parents;
}

// Recomputes one node from the values of its inputs currently in `state`, writing the result into it.
function computeNode(snapshot: RollupSnapshot, index: RollupIndex, state: RollupState, node: Node): void {
  if (node.kind === "objective") {
    const krs = (index.krsByObjective.get(node.id) ?? []).map((id) => ({
      weight: snapshot.keyResults.get(id)?.weight ?? 0,
      progress: state.krProgress.get(id)?.clamped ?? 0,
    }));
    state.objectiveProgress.set(node.id, objectiveProgress(krs));
    return;
  }
  const kr = snapshot.keyResults.get(node.id);
  if (!kr) return;
  if (isSumRollup(kr)) {
    const values: DecimalString[] = [];
    for (const id of index.sumContributors.get(kr.id) ?? []) {
      const value = state.krCurrent.get(id);
      if (value !== null && value !== undefined) values.push(value);
    }
    const sum = values.length === 0 ? null : sumDecimals(values);
    state.krCurrent.set(kr.id, sum ?? "0");
    state.krProgress.set(kr.id, keyResultProgress(kr, { sum }));
    return;
  }
  if (isProgressRollup(kr)) {
    const objectives = (index.alignedObjectives.get(kr.id) ?? []).map((id) => ({
      weight: snapshot.objectives.get(id)?.weight ?? 0,
      progress: state.objectiveProgress.get(id) ?? 0,
    }));
    state.krCurrent.set(kr.id, null);
    state.krProgress.set(kr.id, keyResultProgress(kr, { objectives }));
    return;
  }
  state.krCurrent.set(kr.id, kr.type === "rollup" ? null : kr.currentValue);
  state.krProgress.set(kr.id, keyResultProgress(kr));
}

// Computes the given nodes once each, inputs before outputs (Kahn's order over the links among them).
// Nodes caught in a cycle — which the server forbids — are computed once afterwards in the given order,
// so a corrupt snapshot yields some numbers instead of an endless loop.
function computeInOrder(
  snapshot: RollupSnapshot,
  index: RollupIndex,
  state: RollupState,
  nodes: readonly Node[],
): void {
  const pending = new Map<string, number>();
  for (const node of nodes) pending.set(keyOf(node), 0);
  for (const node of nodes) {
    for (const parent of parentsOf(snapshot, node)) {
      const key = keyOf(parent);
      const count = pending.get(key);
      if (count !== undefined) pending.set(key, count + 1);
    }
  }
  const ready = nodes.filter((node) => pending.get(keyOf(node)) === 0);
  const done = new Set<string>();
  for (let i = 0; i < ready.length; i += 1) {
    const node = ready[i] as Node;
    computeNode(snapshot, index, state, node);
    done.add(keyOf(node));
    for (const parent of parentsOf(snapshot, node)) {
      const key = keyOf(parent);
      const count = pending.get(key);
      if (count === undefined) continue;
      pending.set(key, count - 1);
      if (count === 1) ready.push(parent);
    }
  }
  for (const node of nodes) {
    if (!done.has(keyOf(node))) computeNode(snapshot, index, state, node);
  }
}

/** Computes every KR's and objective's progress from scratch, leaves first. */
export function recomputeAll(snapshot: RollupSnapshot, index = buildRollupIndex(snapshot)): RollupState {
  const state: RollupState = { krProgress: new Map(), krCurrent: new Map(), objectiveProgress: new Map() };
  const nodes: Node[] = [
    ...[...snapshot.keyResults.keys()].map((id): Node => ({ kind: "kr", id })),
    ...[...snapshot.objectives.keys()].map((id): Node => ({ kind: "objective", id })),
  ];
  computeInOrder(snapshot, index, state, nodes);
  return state;
}

/** Where a change starts: KRs whose value changed, objectives whose KRs or alignment changed. */
export type RollupChangeStart = { keyResultIds?: readonly string[]; objectiveIds?: readonly string[] };

/**
 * Recomputes only what lies above the given starting points and returns the new state (the old one is not
 * touched) with the ids whose derived values changed. Ids no longer in the snapshot are dropped from the
 * state. Pass `index` when propagating many changes over one unchanged structure.
 */
export function propagateFrom(
  snapshot: RollupSnapshot,
  state: RollupState,
  start: RollupChangeStart,
  index = buildRollupIndex(snapshot),
): { state: RollupState; changed: RollupChanges } {
  const next: RollupState = {
    krProgress: new Map(state.krProgress),
    krCurrent: new Map(state.krCurrent),
    objectiveProgress: new Map(state.objectiveProgress),
  };
  const changed: RollupChanges = { keyResults: [], objectives: [] };
  const starts: Node[] = [];
  for (const id of start.keyResultIds ?? []) {
    if (snapshot.keyResults.has(id)) starts.push({ kind: "kr", id });
    else {
      // A deleted KR leaves the state; the caller also starts from its objective and sum parent.
      const hadProgress = next.krProgress.delete(id);
      const hadCurrent = next.krCurrent.delete(id);
      if (hadProgress || hadCurrent) changed.keyResults.push(id);
    }
  }
  for (const id of start.objectiveIds ?? []) {
    if (snapshot.objectives.has(id)) starts.push({ kind: "objective", id });
    else if (next.objectiveProgress.delete(id)) changed.objectives.push(id);
  }

  // The chain above the change: everything reachable upward, each node once even if links loop.
  const chain: Node[] = [];
  const seen = new Set<string>();
  const visit = (node: Node) => {
    const key = keyOf(node);
    if (seen.has(key)) return;
    seen.add(key);
    chain.push(node);
  };
  for (const node of starts) visit(node);
  for (let i = 0; i < chain.length; i += 1) {
    for (const parent of parentsOf(snapshot, chain[i] as Node)) visit(parent);
  }

  computeInOrder(snapshot, index, next, chain);

  for (const node of chain) {
    if (node.kind === "kr") {
      const before = state.krProgress.get(node.id);
      const after = next.krProgress.get(node.id);
      if (
        before?.raw !== after?.raw ||
        before?.clamped !== after?.clamped ||
        state.krCurrent.get(node.id) !== next.krCurrent.get(node.id)
      ) {
        changed.keyResults.push(node.id);
      }
    } else if (state.objectiveProgress.get(node.id) !== next.objectiveProgress.get(node.id)) {
      changed.objectives.push(node.id);
    }
  }
  return { state: next, changed };
}

/**
 * After a check-in on one KR: recomputes the KR, its objective, the rollup KRs and objectives above them,
 * and nothing else; returns the new state and the ids whose derived values changed.
 */
export function propagateChange(
  snapshot: RollupSnapshot,
  state: RollupState,
  changedKrId: string,
  index = buildRollupIndex(snapshot),
): { state: RollupState; changed: RollupChanges } {
  return propagateFrom(snapshot, state, { keyResultIds: [changedKrId] }, index);
}
