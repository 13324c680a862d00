import type { Health, KeyResultType, ObjectiveKind, ObjectiveLevel, ObjectiveStatus } from "@luodi/client";
import type { ScoreReading } from "@luodi/core";

/** Catalogue keys for the domain's enumerations, so every one is a literal key the i18n test can check. */
export const HEALTH_KEYS = {
  on_track: "health.on_track",
  at_risk: "health.at_risk",
  off_track: "health.off_track",
  done: "health.done",
} as const satisfies Record<Health, string>;

export const HEALTH_COLORS: Record<Health, string> = {
  on_track: "green",
  at_risk: "gold",
  off_track: "red",
  done: "blue",
};

export const STATUS_KEYS = {
  draft: "status.draft",
  submitted: "status.submitted",
  published: "status.published",
  closed: "status.closed",
} as const satisfies Record<ObjectiveStatus, string>;

export const LEVEL_KEYS = {
  company: "level.company",
  department: "level.department",
  personal: "level.personal",
} as const satisfies Record<ObjectiveLevel, string>;

export const PHASE_KEYS = {
  planning: "phase.planning",
  aligning: "phase.aligning",
  in_progress: "phase.in_progress",
  scoring: "phase.scoring",
  reviewing: "phase.reviewing",
  closed: "phase.closed",
} as const;

export const KR_TYPE_KEYS = {
  number: "krType.number",
  percentage: "krType.percentage",
  currency: "krType.currency",
  milestone: "krType.milestone",
  boolean: "krType.boolean",
  rollup: "krType.rollup",
} as const satisfies Record<KeyResultType, string>;

/** 承诺型 / 挑战型, and how each is scored (domain.md *Talent density*). */
export const OBJECTIVE_KIND_KEYS = {
  committed: "objectiveKind.committed",
  aspirational: "objectiveKind.aspirational",
} as const satisfies Record<ObjectiveKind, string>;

export const OBJECTIVE_KIND_GUIDANCE_KEYS = {
  committed: "objectiveKind.committedGuidance",
  aspirational: "objectiveKind.aspirationalGuidance",
} as const satisfies Record<ObjectiveKind, string>;

/** How a final score reads against its objective's kind (core's readScore). */
export const SCORE_READING_KEYS = {
  short: "objectiveKind.reading.short",
  success: "objectiveKind.reading.success",
  above: "objectiveKind.reading.above",
} as const satisfies Record<ScoreReading, string>;

export const VISIBILITY_KEYS = {
  public: "visibility.public",
  department: "visibility.department",
  private: "visibility.private",
} as const;

export const DIRECTION_KEYS = {
  increase: "direction.increase",
  decrease: "direction.decrease",
} as const;

export const CYCLE_KIND_KEYS = {
  annual: "cycleKind.annual",
  half: "cycleKind.half",
  quarter: "cycleKind.quarter",
  bimonthly: "cycleKind.bimonthly",
  month: "cycleKind.month",
  custom: "cycleKind.custom",
} as const;
