import type { CycleRollout } from "@luodi/client";

export type RolloutRow = CycleRollout["departments"][number];

/** The share of a department's people with published OKRs (0 with nobody in it). */
export function publishedShare(row: RolloutRow): number {
  return row.members ? row.membersWithPublishedOkrs / row.members : 0;
}

/** The columns leadership sorts by, each with how two departments compare (ascending). */
export const ROLLOUT_SORTS = {
  name: (a: RolloutRow, b: RolloutRow) => a.name.localeCompare(b.name),
  members: (a: RolloutRow, b: RolloutRow) => a.members - b.members,
  published: (a: RolloutRow, b: RolloutRow) => publishedShare(a) - publishedShare(b),
  alignment: (a: RolloutRow, b: RolloutRow) => a.alignmentCoverage - b.alignmentCoverage,
  checkIn: (a: RolloutRow, b: RolloutRow) => a.checkInRate - b.checkInRate,
  scored: (a: RolloutRow, b: RolloutRow) => a.scoredShare - b.scoredShare,
  reviewed: (a: RolloutRow, b: RolloutRow) => a.reviewedShare - b.reviewedShare,
  missing: (a: RolloutRow, b: RolloutRow) => a.missing.length - b.missing.length,
} as const;
