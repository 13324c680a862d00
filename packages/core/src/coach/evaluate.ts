import { COACH_CODES, type CoachCode, isCoachCode } from "./codes.ts";
import { reviewOkr } from "./review.ts";
import type { CoachInput, CoachReview } from "./types.ts";

/** One labelled example of the coach corpus: an OKR and the `target:code` pairs a careful coach expects. */
export type CorpusEntry = CoachInput & {
  id: string;
  locale?: string;
  /** Expected findings as `target:code`, e.g. `keyResults[0]:kr.is_task`. */
  expected: string[];
  note?: string;
};

/** True/false positives and negatives of one code (or all codes), with the derived scores. */
export type CodeScore = {
  tp: number;
  fp: number;
  fn: number;
  /** Expected pairs: tp + fn. */
  support: number;
  precision: number;
  recall: number;
  f1: number;
};

/** A pair the coach got wrong on one entry. */
type CorpusMistake = { id: string; missing: string[]; unexpected: string[] };

/** Micro-averaged quality of the coach over a corpus. */
export type CorpusEvaluation = {
  perCode: Record<CoachCode, CodeScore>;
  overall: CodeScore;
  mistakes: CorpusMistake[];
};

/** How a key result stands on the two codes whose boundary coach.md draws most carefully. */
type TaskMeasureClass = "neither" | "is_task" | "not_measurable" | "both";

/** Every class, in the order the matrix lists them. */
export const TASK_MEASURE_CLASSES: readonly TaskMeasureClass[] = [
  "neither",
  "is_task",
  "not_measurable",
  "both",
];

/** Key results counted by expected class (rows) and by the coach's class (columns). */
export type TaskMeasureConfusion = Record<TaskMeasureClass, Record<TaskMeasureClass, number>>;

/** Whether a parsed JSON value has the shape of a corpus entry. */
export function isCorpusEntry(value: unknown): value is CorpusEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  const objective = entry.objective as Record<string, unknown> | undefined;
  return (
    typeof entry.id === "string" &&
    typeof objective?.title === "string" &&
    Array.isArray(entry.keyResults) &&
    entry.keyResults.every(
      (keyResult: unknown) => typeof (keyResult as { title?: unknown })?.title === "string",
    ) &&
    Array.isArray(entry.expected) &&
    entry.expected.every((pair: unknown) => typeof pair === "string")
  );
}

function codeOf(pair: string): string {
  return pair.slice(pair.indexOf(":") + 1);
}

function scoreOf(tp: number, fp: number, fn: number): CodeScore {
  // 0/0 counts as perfect: no predictions and nothing to predict is not a failure.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, support: tp + fn, precision, recall, f1 };
}

/**
 * Compares the coach with the labels: micro precision, recall and F1 over `target:code` pairs, counting only
 * catalogue codes, per code and overall. `review` defaults to `reviewOkr`.
 */
export function evaluateCorpus(
  entries: readonly CorpusEntry[],
  review: (input: CoachInput) => CoachReview = reviewOkr,
): CorpusEvaluation {
  const counts = new Map<CoachCode, { tp: number; fp: number; fn: number }>(
    COACH_CODES.map((code) => [code, { tp: 0, fp: 0, fn: 0 }]),
  );
  const mistakes: CorpusMistake[] = [];
  for (const entry of entries) {
    const expected = new Set(entry.expected.filter((pair) => isCoachCode(codeOf(pair))));
    const actual = new Set(review(entry).findings.map((finding) => `${finding.target}:${finding.code}`));
    const missing = [...expected].filter((pair) => !actual.has(pair));
    const unexpected = [...actual].filter((pair) => !expected.has(pair));
    for (const pair of actual) {
      const code = codeOf(pair);
      const count = isCoachCode(code) ? counts.get(code) : undefined;
      if (count) expected.has(pair) ? count.tp++ : count.fp++;
    }
    for (const pair of missing) {
      const code = codeOf(pair);
      const count = isCoachCode(code) ? counts.get(code) : undefined;
      if (count) count.fn++;
    }
    if (missing.length > 0 || unexpected.length > 0) mistakes.push({ id: entry.id, missing, unexpected });
  }
  const perCode = Object.fromEntries(
    COACH_CODES.map((code) => {
      const count = counts.get(code) ?? { tp: 0, fp: 0, fn: 0 };
      return [code, scoreOf(count.tp, count.fp, count.fn)];
    }),
  ) as Record<CoachCode, CodeScore>;
  const totals = [...counts.values()].reduce(
    (sum, count) => ({ tp: sum.tp + count.tp, fp: sum.fp + count.fp, fn: sum.fn + count.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return { perCode, overall: scoreOf(totals.tp, totals.fp, totals.fn), mistakes };
}

function taskMeasureClass(codes: ReadonlySet<string>, target: string): TaskMeasureClass {
  const isTask = codes.has(`${target}:kr.is_task`);
  const isNotMeasurable = codes.has(`${target}:kr.not_measurable`);
  if (isTask && isNotMeasurable) return "both";
  if (isTask) return "is_task";
  return isNotMeasurable ? "not_measurable" : "neither";
}

/**
 * The confusion between `kr.is_task` and `kr.not_measurable` over every key result: a bounded deliverable
 * is only a task, a vague change only unmeasurable, an open-ended activity both (design/coach.md).
 */
export function confuseTaskAndMeasure(
  entries: readonly CorpusEntry[],
  review: (input: CoachInput) => CoachReview = reviewOkr,
): TaskMeasureConfusion {
  const empty = (): Record<TaskMeasureClass, number> => ({
    neither: 0,
    is_task: 0,
    not_measurable: 0,
    both: 0,
  });
  const matrix: TaskMeasureConfusion = {
    neither: empty(),
    is_task: empty(),
    not_measurable: empty(),
    both: empty(),
  };
  for (const entry of entries) {
    const expected = new Set(entry.expected);
    const actual = new Set(review(entry).findings.map((finding) => `${finding.target}:${finding.code}`));
    entry.keyResults.forEach((_, index) => {
      const target = `keyResults[${index}]`;
      matrix[taskMeasureClass(expected, target)][taskMeasureClass(actual, target)]++;
    });
  }
  return matrix;
}
