export {
  COACH_CODE_SPECS,
  COACH_CODES,
  type CoachCode,
  type CoachCodeSpec,
  type CoachCodeTarget,
  isCoachCode,
} from "./codes.ts";
export {
  type CodeScore,
  type CorpusEntry,
  type CorpusEvaluation,
  type CorpusMistake,
  evaluateCorpus,
  isCorpusEntry,
} from "./evaluate.ts";
export { detectLocale } from "./locale.ts";
export { parseChineseNumeral, readNumber } from "./numbers.ts";
export { reviewOkr, scoreFindings } from "./review.ts";
export type {
  CoachFinding,
  CoachInput,
  CoachKeyResultInput,
  CoachLocale,
  CoachOptions,
  CoachReview,
  CoachSeverity,
  CoachTarget,
} from "./types.ts";
