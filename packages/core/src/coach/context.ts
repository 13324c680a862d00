import type { CoachCode } from "./codes.ts";
import { type KeyResultReading, readKeyResult, type StructuredFields } from "./kr-reading.ts";
import type { MessageParams } from "./messages.ts";
import { analyzeText, type TextAnalysis } from "./text-analysis.ts";
import type { CoachInput, CoachKeyResultInput, CoachPreviousKeyResult, CoachTarget } from "./types.ts";

/** One key result, read. */
export type KeyResultContext = {
  index: number;
  target: CoachTarget;
  input: CoachKeyResultInput;
  analysis: TextAnalysis;
  structured: StructuredFields;
  /** Task or not, measurable or not: decided once (kr-reading.ts). */
  reading: KeyResultReading;
};

/** An OKR, read once and shared by all rules. */
export type OkrContext = {
  objective: TextAnalysis;
  keyResults: KeyResultContext[];
  ownerObjectiveCount: number | null;
  /** Last cycle's key results of the owner, as given (read only when a rule needs them). */
  previousKeyResults: readonly CoachPreviousKeyResult[];
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
    keyResults: input.keyResults.map((keyResult, index) => {
      const analysis = analyzeText(keyResult.title);
      const structured = readStructuredFields(keyResult);
      return {
        index,
        target: `keyResults[${index}]` as const,
        input: keyResult,
        analysis,
        structured,
        reading: readKeyResult(analysis, structured),
      };
    }),
    ownerObjectiveCount: input.ownerObjectiveCount ?? null,
    previousKeyResults: input.previousKeyResults ?? [],
  };
}
