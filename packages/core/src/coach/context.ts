import type { CoachCode } from "./codes.ts";
import type { MessageParams } from "./messages.ts";
import { analyzeText, type TextAnalysis } from "./text-analysis.ts";
import type { CoachInput, CoachKeyResultInput, CoachTarget } from "./types.ts";

/** What the structured fields of a key result say, independent of its words. */
type StructuredFields = {
  /** Lower-cased `type`, or null. */
  type: string | null;
  /** `milestone` and `boolean` key results are verified by being done, not by a number. */
  isDoneOrNot: boolean;
  /** A `startValue` was given (0 counts). */
  hasStart: boolean;
  /** A `targetValue` was given. */
  hasTarget: boolean;
};

/** One key result, read. */
export type KeyResultContext = {
  index: number;
  target: CoachTarget;
  input: CoachKeyResultInput;
  analysis: TextAnalysis;
  structured: StructuredFields;
};

/** An OKR, read once and shared by all rules. */
export type OkrContext = {
  objective: TextAnalysis;
  keyResults: KeyResultContext[];
  ownerObjectiveCount: number | null;
};

/** A finding before it is given a severity and words. */
export type RawFinding = { code: CoachCode; target: CoachTarget; params: MessageParams };

function isGiven(value: number | string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  return typeof value === "number" ? Number.isFinite(value) : value.trim() !== "";
}

/** Reads the structured fields of a key result. */
function readStructuredFields(input: CoachKeyResultInput): StructuredFields {
  const type = input.type?.trim().toLowerCase() || null;
  return {
    type,
    isDoneOrNot: type === "milestone" || type === "boolean",
    hasStart: isGiven(input.startValue),
    hasTarget: isGiven(input.targetValue),
  };
}

/** Reads every text of an OKR once. */
export function buildContext(input: CoachInput): OkrContext {
  return {
    objective: analyzeText(input.objective.title),
    keyResults: input.keyResults.map((keyResult, index) => ({
      index,
      target: `keyResults[${index}]`,
      input: keyResult,
      analysis: analyzeText(keyResult.title),
      structured: readStructuredFields(keyResult),
    })),
    ownerObjectiveCount: input.ownerObjectiveCount ?? null,
  };
}
