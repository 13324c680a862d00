import type { CoachCode, CoachSeverity } from "./codes.ts";

// Severity is fixed per catalogue code, so it is defined beside the catalogue (codes.ts) and re-exported here.
export type { CoachSeverity };

/** The language messages and suggestions are written in. */
export type CoachLocale = "zh-CN" | "en";

/** What a finding is about: the objective, one key result (0-based) or the OKR as a whole. */
export type CoachTarget = "objective" | "set" | `keyResults[${number}]`;

/** One piece of advice about an OKR. */
export type CoachFinding = {
  /** Stable code from the catalogue in `codes.ts`. */
  code: CoachCode;
  /** Severity fixed by the code. */
  severity: CoachSeverity;
  /** The part of the OKR the advice is about. */
  target: CoachTarget;
  /** What is wrong, in the requested locale. */
  message: string;
  /** What to write instead, in the requested locale. */
  suggestion: string;
};

/** A key result as the coach reads it; structured fields are optional and may be null. */
export type CoachKeyResultInput = {
  /** The key result as the user wrote it. */
  title: string;
  /** Kind of key result: `milestone` and `boolean` are verified by being done, others by a number. */
  type?: string | null;
  /** Where the measure starts; any value, including 0, is a baseline. */
  startValue?: number | string | null;
  /** Where the measure should end. */
  targetValue?: number | string | null;
};

/** A key result the owner had in the previous cycle, with the value its measure ended at. */
export type CoachPreviousKeyResult = {
  /** The key result as it was written last cycle. */
  title: string;
  /** The value its measure ended at (its last check-in); without one there is nothing to offer. */
  currentValue?: number | string | null;
  /** The unit of that value ("%", "家", "days"), shown after it. */
  unit?: string | null;
};

/** An objective with its key results, in Chinese or English. */
export type CoachInput = {
  /** The objective; only the title is judged, the description is context. */
  objective: { title: string; description?: string | null };
  /** The key results, in display order. */
  keyResults: CoachKeyResultInput[];
  /** How many objectives the owner has in the cycle, when the caller knows it. */
  ownerObjectiveCount?: number | null;
  /**
   * Committed (承诺型, expected to reach 1.0) or aspirational (挑战型); when given, the coach says where the
   * key results' words contradict it. Not given: no advice on it.
   */
  kind?: "committed" | "aspirational" | null;
  /**
   * The owner's key results of the previous cycle, when the caller knows them: a key result with no starting
   * point is offered the value the same measure ended at last cycle.
   */
  previousKeyResults?: readonly CoachPreviousKeyResult[] | null;
};

/** Options for `reviewOkr`. */
export type CoachOptions = {
  /** Language of messages; defaults to the language the OKR is written in. */
  locale?: CoachLocale;
};

/** The coach's verdict: a 0–100 score and the findings behind it. */
export type CoachReview = { score: number; findings: CoachFinding[] };
