/** How much a finding costs the score: error 25, warning 10, info 3. */
export type CoachSeverity = "info" | "warning" | "error";

/** Which part of an OKR a code is about. */
type CoachCodeTarget = "objective" | "keyResult" | "set";

/** Severity and target of one catalogue code. */
export type CoachCodeSpec = { severity: CoachSeverity; target: CoachCodeTarget };

/** The catalogue of coach codes (design/coach.md); these keep their meaning. */
export const COACH_CODE_SPECS = {
  "objective.has_metric": { severity: "warning", target: "objective" },
  "objective.is_task": { severity: "warning", target: "objective" },
  "objective.too_long": { severity: "info", target: "objective" },
  "objective.committed_stretch": { severity: "info", target: "objective" },
  "objective.aspirational_routine": { severity: "info", target: "objective" },
  "kr.not_measurable": { severity: "error", target: "keyResult" },
  "kr.is_task": { severity: "warning", target: "keyResult" },
  "kr.weasel_words": { severity: "warning", target: "keyResult" },
  "kr.compound": { severity: "info", target: "keyResult" },
  "kr.no_baseline": { severity: "info", target: "keyResult" },
  "set.no_krs": { severity: "error", target: "set" },
  "set.one_kr": { severity: "info", target: "set" },
  "set.too_many_krs": { severity: "warning", target: "set" },
  "set.duplicate_krs": { severity: "warning", target: "set" },
  "set.too_many_objectives": { severity: "warning", target: "set" },
} as const satisfies Record<string, CoachCodeSpec>;

/** A stable coach code such as `kr.is_task`. */
export type CoachCode = keyof typeof COACH_CODE_SPECS;

/** Every catalogue code, in catalogue order; see `COACH_CODE_SPECS` for severity and target. */
export const COACH_CODES: readonly CoachCode[] = Object.freeze(Object.keys(COACH_CODE_SPECS) as CoachCode[]);

/** Whether a string is one of the catalogue codes. */
export function isCoachCode(value: string): value is CoachCode {
  return Object.hasOwn(COACH_CODE_SPECS, value);
}

/** Points a finding of each severity takes off the score. */
export const SEVERITY_PENALTY: Readonly<Record<CoachSeverity, number>> = { error: 25, warning: 10, info: 3 };
