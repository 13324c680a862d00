import type { CyclePhase } from "./types.ts";

/**
 * The step of the practice the rollout dashboard (落地看板) follows in a phase: while OKRs are planned and
 * aligned, who has published; while they run, who has checked in this week; then who has scored, then who
 * has written the 复盘.
 */
export type RolloutStage = "published" | "checked_in" | "scored" | "reviewed";
export const ROLLOUT_STAGES = ["published", "checked_in", "scored", "reviewed"] as const;

export function rolloutStage(phase: CyclePhase): RolloutStage {
  switch (phase) {
    case "planning":
    case "aligning":
      return "published";
    case "in_progress":
      return "checked_in";
    case "scoring":
      return "scored";
    case "reviewing":
    case "closed":
      return "reviewed";
  }
}

/** Why someone is on the dashboard's missing list. */
export type RolloutMissingReason = "no_okrs" | "not_checked_in" | "not_scored" | "not_reviewed";
export const ROLLOUT_MISSING_REASONS = ["no_okrs", "not_checked_in", "not_scored", "not_reviewed"] as const;

/** What the dashboard knows of one person in the cycle. */
export type RolloutPerson = {
  /**
   * Has published OKRs at any level: owns a personal objective, leads the department (or, for company
   * objectives, the company) whose objective it is, or owns a KR of one.
   */
  hasOkrs: boolean;
  /** Their KRs open to a check-in that have none since this check-in week began. */
  checkInsMissing: number;
  /** Their KRs of published objectives without a self score. */
  unscoredKeyResults: number;
  /** Published objectives they answer for without a 复盘. */
  unreviewedObjectives: number;
};

/**
 * Whether the person is missing at this stage, and why. Someone with no OKRs is missing while OKRs are
 * made and run; at scoring and 复盘 only those with something to score or review are asked.
 */
export function rolloutMissing(stage: RolloutStage, person: RolloutPerson): RolloutMissingReason | null {
  switch (stage) {
    case "published":
      return person.hasOkrs ? null : "no_okrs";
    case "checked_in":
      if (!person.hasOkrs) return "no_okrs";
      return person.checkInsMissing > 0 ? "not_checked_in" : null;
    case "scored":
      return person.unscoredKeyResults > 0 ? "not_scored" : null;
    case "reviewed":
      return person.unreviewedObjectives > 0 ? "not_reviewed" : null;
  }
}
