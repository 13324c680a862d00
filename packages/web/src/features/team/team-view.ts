import type { Team } from "@luodi/client";

export type TeamPerson = Team["people"][number];

/** What the team view sums up above the people: how many, who is missing check-ins, what waits for me. */
export function teamSummary(people: readonly TeamPerson[]): {
  people: number;
  missingPeople: number;
  missingCheckIns: number;
  waiting: number;
} {
  const missing = people.filter((p) => p.missingCheckIns > 0);
  return {
    people: people.length,
    missingPeople: missing.length,
    missingCheckIns: missing.reduce((sum, p) => sum + p.missingCheckIns, 0),
    waiting: people.reduce((sum, p) => sum + p.pendingApprovals + p.pendingAdjustments, 0),
  };
}

/** Where a person's scoring stands, once the cycle scores: nothing to score, self-scoring, the manager's turn, done. */
export function scoringStage(person: TeamPerson): "none" | "self" | "manager" | "done" {
  const { keyResults, selfScored, managerScored } = person.scoring;
  if (keyResults === 0) return "none";
  if (managerScored >= keyResults) return "done";
  return selfScored >= keyResults ? "manager" : "self";
}

/** A confidence trend as it reads: "7 → 5"; a single value alone; "" with none. */
export function trendText(trend: readonly number[]): string {
  return trend.join(" → ");
}

/** Whether confidence fell, rose or held over the trend (first to last). */
export function trendDirection(trend: readonly number[]): "down" | "up" | "flat" {
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (first === undefined || last === undefined || first === last) return "flat";
  return last < first ? "down" : "up";
}

/** The KRs of a person still waiting for a check-in this week, by title (for the copyable nudge). */
export function missingTitles(person: TeamPerson): string[] {
  return person.objectives.flatMap((o) =>
    o.keyResults.filter((kr) => kr.missingCheckIn && kr.ownerUserId === person.userId).map((kr) => kr.title),
  );
}
