export { COACH_CODE_SPECS, COACH_CODES, type CoachCode } from "./codes.ts";
export {
  type CodeScore,
  type CorpusEntry,
  confuseTaskAndMeasure,
  evaluateCorpus,
  isCorpusEntry,
  TASK_MEASURE_CLASSES,
  type TaskMeasureConfusion,
} from "./evaluate.ts";
export { reviewOkr } from "./review.ts";
export type { CoachFinding, CoachInput, CoachLocale, CoachPreviousKeyResult, CoachReview } from "./types.ts";
