import type Decimal from "decimal.js";
import { AppError } from "../errors/index.ts";
import { parseDecimal, toDecimalString } from "./decimal.ts";
import type { Aggregation, DecimalString, Direction, KeyResultType } from "./types.ts";
import { NUMERIC_TYPES } from "./types.ts";

/** Progress of one key result: `raw` may exceed 1 (over-achievement, shown as 120 %); `clamped` is in [0, 1]. */
export type Progress = { raw: number; clamped: number };

/** Something that counts in a weighted mean: a KR in its objective, an objective under a rollup KR. */
export type WeightedProgress = { weight: number; progress: number };

/** One checklist item of a milestone KR, as far as progress cares. */
export type MilestoneState = { weight: number; done: boolean };

/** The inputs of a numeric KR's progress; measures as decimal text or numbers. */
export type NumericProgressInput = {
  start: DecimalString | number;
  target: DecimalString | number;
  current: DecimalString | number;
  direction: Direction;
};

/** Limits a number to [0, 1]; NaN counts as no progress. */
export function clampProgress(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** Progress of a numeric KR: the share of the way from start to target, computed exactly and converted at the end. */
export function numericProgress({ start, target, current, direction }: NumericProgressInput): Progress {
  const s = parseDecimal(start);
  const t = parseDecimal(target);
  const c = parseDecimal(current);
  if (s.eq(t)) {
    // Creation rejects target == start; stored data that still has it counts as done once the target is
    // reached, so a bad row never divides by zero.
    const reached = direction === "decrease" ? c.lte(t) : c.gte(t);
    return reached ? { raw: 1, clamped: 1 } : { raw: 0, clamped: 0 };
  }
  const ratio = direction === "decrease" ? s.minus(c).div(s.minus(t)) : c.minus(s).div(t.minus(s));
  const raw = ratio.toNumber();
  return { raw, clamped: clampProgress(raw) };
}

/** What the current value of a KR that is not a rollup is derived from. */
type CurrentValueInput = {
  type: KeyResultType;
  startValue: DecimalString | null;
  /** The value of the KR's latest check-in, or null before its first. */
  checkedInValue: DecimalString | null;
  /** The start value the KR had when that check-in was made. */
  checkedInStart: DecimalString | null;
};

/**
 * The current value of a KR, derived — never typed in, never patched. Check-ins hold the history, so:
 * - numeric: the latest check-in's value while it measures the KR as it is defined now — that is, while the
 *   start value is the one it was measured from —, else the start value. Before any check-in the KR stands
 *   at its start, whatever the start is edited to. Changing only the target moves the goal, not the
 *   measurement: the value stays. Changing the start re-bases the measure: a value measured from another
 *   start measures something else (120 → 200 redefined as 35 → 60 would read a value of 120 as 340 %), so
 *   the KR stands at its new start until the next check-in; the old check-ins stay in its history.
 * - boolean: the latest check-in's 0 or 1, else 0 (not done).
 * - milestone: none (its milestones carry the progress); rollup: computed from below by the roll-up.
 */
export function currentValueOf(kr: CurrentValueInput): DecimalString | null {
  if (NUMERIC_TYPES.has(kr.type)) {
    if (kr.startValue === null) return kr.checkedInValue;
    const measuresThisStart =
      kr.checkedInValue !== null &&
      kr.checkedInStart !== null &&
      parseDecimal(kr.checkedInStart).eq(parseDecimal(kr.startValue));
    return measuresThisStart ? kr.checkedInValue : kr.startValue;
  }
  if (kr.type === "boolean") return kr.checkedInValue ?? "0";
  return null;
}

// Weights come validated from the API; a negative or non-finite one would still be counted as zero
// here so that a bad row can never flip a mean outside [0, 1].
function usableWeight(weight: number): number {
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/** Progress of a milestone KR: done weight over total weight (0 with no milestones or no weight). */
export function milestoneProgress(milestones: readonly MilestoneState[]): number {
  let total = 0;
  let done = 0;
  for (const milestone of milestones) {
    const weight = usableWeight(milestone.weight);
    total += weight;
    if (milestone.done) done += weight;
  }
  return total === 0 ? 0 : clampProgress(done / total);
}

/** Progress of a boolean KR: 1 when its current value is 1 (as text or number, "1.0000" included), else 0. */
export function booleanProgress(current: DecimalString | number | null | undefined): number {
  if (current === null || current === undefined) return 0;
  try {
    return parseDecimal(current).eq(1) ? 1 : 0;
  } catch {
    return 0;
  }
}

/** Weighted mean of progress values (0 when empty or when the weights add up to 0). */
export function weightedMean(items: readonly WeightedProgress[]): number {
  let total = 0;
  let sum = 0;
  for (const item of items) {
    const weight = usableWeight(item.weight);
    total += weight;
    sum += weight * item.progress;
  }
  return total === 0 ? 0 : sum / total;
}

/** Progress of an objective: the weighted mean of its KRs' progress, clamped to [0, 1] (0 with no KRs). */
export function objectiveProgress(krs: readonly WeightedProgress[]): number {
  return clampProgress(weightedMean(krs));
}

/** The fields that define how a KR measures progress, as a create or update request gives them. */
export type KeyResultDefinitionInput<M extends { weight: number } = MilestoneState> = {
  type: KeyResultType;
  startValue?: DecimalString | number | null;
  targetValue?: DecimalString | number | null;
  direction?: Direction | null;
  milestones?: readonly M[] | null;
  aggregation?: Aggregation | null;
};

/** A validated KR definition: measures in canonical text, defaults filled, fields foreign to the type null. */
export type KeyResultDefinition<M extends { weight: number } = MilestoneState> = {
  type: KeyResultType;
  startValue: DecimalString | null;
  targetValue: DecimalString | null;
  direction: Direction | null;
  milestones: M[] | null;
  aggregation: Aggregation | null;
};

// Start, target and direction of a numeric KR or a sum rollup: both move from a start to a target.
function validateMeasureRange(
  type: KeyResultType,
  startValue: DecimalString | number | null | undefined,
  targetValue: DecimalString | number | null | undefined,
  direction: Direction | null | undefined,
): { startValue: DecimalString; targetValue: DecimalString; direction: Direction } {
  if (targetValue === null || targetValue === undefined || targetValue === "") {
    throw new AppError("kr.fields", { type, fields: "targetValue" });
  }
  const start: Decimal = parseDecimal(startValue === null || startValue === undefined ? "0" : startValue);
  const target: Decimal = parseDecimal(targetValue);
  if (start.eq(target)) throw new AppError("kr.target_equals_start", {});
  // Without an explicit direction the numbers say it: a target below the start means "bring it down".
  const resolved: Direction = direction ?? (target.lt(start) ? "decrease" : "increase");
  if (resolved === "increase" && target.lt(start)) {
    throw new AppError("kr.direction", { direction: resolved, relation: "above" });
  }
  if (resolved === "decrease" && target.gt(start)) {
    throw new AppError("kr.direction", { direction: resolved, relation: "below" });
  }
  return { startValue: toDecimalString(start), targetValue: toDecimalString(target), direction: resolved };
}

/**
 * The most milestones one milestone key result holds, however they arrive (a KR created on its own or with
 * its objective, a whole save): a milestone KR is a few checkpoints, not a task list (issue 15: an unbounded
 * list made one objective's answer tens of megabytes).
 */
export const MAX_MILESTONES_PER_KEY_RESULT = 50;

/**
 * Validates how a KR measures progress and returns it normalized; throws AppError `kr.fields`,
 * `kr.milestone_limit`, `kr.target_equals_start` or `kr.direction`. Fields that do not belong to the type are dropped (null).
 */
export function validateKeyResultDefinition<M extends { weight: number } = MilestoneState>(
  kr: KeyResultDefinitionInput<M>,
): KeyResultDefinition<M> {
  const empty = { startValue: null, targetValue: null, direction: null, milestones: null, aggregation: null };
  if (NUMERIC_TYPES.has(kr.type)) {
    return {
      ...empty,
      type: kr.type,
      ...validateMeasureRange(kr.type, kr.startValue, kr.targetValue, kr.direction),
    };
  }
  switch (kr.type) {
    case "milestone": {
      if (!kr.milestones || kr.milestones.length === 0) {
        throw new AppError("kr.fields", { type: kr.type, fields: "milestones" });
      }
      if (kr.milestones.length > MAX_MILESTONES_PER_KEY_RESULT) {
        throw new AppError("kr.milestone_limit", { max: MAX_MILESTONES_PER_KEY_RESULT });
      }
      return { ...empty, type: kr.type, milestones: [...kr.milestones] };
    }
    case "boolean":
      return { ...empty, type: kr.type };
    case "rollup": {
      if (!kr.aggregation) throw new AppError("kr.fields", { type: kr.type, fields: "aggregation" });
      if (kr.aggregation === "progress") return { ...empty, type: kr.type, aggregation: "progress" };
      return {
        ...empty,
        type: kr.type,
        aggregation: "sum",
        ...validateMeasureRange(kr.type, kr.startValue, kr.targetValue, kr.direction),
      };
    }
    default:
      // Numeric types were handled above; this keeps the switch honest if a type is ever added.
      throw new AppError("kr.fields", { type: kr.type, fields: "type" });
  }
}
