export { COACH_CODE_SPECS, COACH_CODES, type CoachCode } from "./codes.ts";
export { type CodeScore, type CorpusEntry, evaluateCorpus, isCorpusEntry } from "./evaluate.ts";
export { reviewOkr } from "./review.ts";
export type { CoachFinding, CoachInput, CoachLocale, CoachReview } from "./types.ts";
