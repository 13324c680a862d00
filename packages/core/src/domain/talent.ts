import { checkInWeek } from "./check-in-week.ts";
import { isWithinDepartment, leadersOver, managerChain } from "./org-graph.ts";
import { isAdmin } from "./policy.ts";
import { weightedMean } from "./progress.ts";
import type { Actor, ObjectiveKind, OrgGraph } from "./types.ts";

/*
 * Talent density (人才密度): each person's OKR record, read by leaders as evidence — never turned into a rating.
 */

/** The flags team insights raise, each with the evidence behind it. */
export const TALENT_FLAGS = ["sandbagging", "overreach", "silent"] as const;
export type TalentFlag = (typeof TALENT_FLAGS)[number];

/** How many cycles in a row a pattern of scores must hold before it is flagged. */
export const FLAG_CYCLES = 2;
/** Every score at or above this, cycle after cycle, suggests goals set low (sandbagging). */
export const SANDBAGGING_SCORE = 0.95;
/** Every score below this, cycle after cycle, suggests overreach or overload. */
export const OVERREACH_SCORE = 0.3;
/** Weeks without any check-in after which someone with KRs under way is `silent`. */
export const SILENT_WEEKS = 3;

/** A person's record is theirs, their manager chain's and the admins'; to anyone else it does not exist. */
export function canViewRecord(actor: Actor, userId: string, graph: OrgGraph): boolean {
  return actor.userId === userId || isAdmin(actor) || managerChain(graph, userId).includes(actor.userId);
}

/** Team insights of a department: its leaders and those above them, and admins. */
export function canViewInsights(actor: Actor, departmentId: string, graph: OrgGraph): boolean {
  return isAdmin(actor) || leadersOver(graph, departmentId).includes(actor.userId);
}

/** The mean of the scored objectives' scores, weighted as the objectives are; null when none is scored. */
export function averageScore(
  objectives: ReadonlyArray<{ weight: number; score: number | null }>,
): number | null {
  const scored = objectives.flatMap((o) =>
    o.score === null ? [] : [{ weight: o.weight, progress: o.score }],
  );
  return scored.length === 0 ? null : weightedMean(scored);
}

/**
 * Share of the organization's check-in weeks from `from` to `to` (the week holding `to` included) in which
 * the person checked in at least once; null when the span holds no week (a cycle not begun).
 */
export function checkInRegularity(
  checkInTimes: readonly string[],
  from: Date,
  to: Date,
  schedule: { checkInWeekday: number; checkInHour: number },
  timeZone: string,
): number | null {
  if (to.getTime() < from.getTime()) return null;
  const last = checkInWeek(schedule, timeZone, to);
  const times = checkInTimes.map((t) => Date.parse(t));
  let weeks = 0;
  let regular = 0;
  for (let week = checkInWeek(schedule, timeZone, from); week.startMs <= last.startMs; ) {
    weeks += 1;
    const { startMs, endMs } = week;
    if (times.some((t) => t >= startMs && t < endMs)) regular += 1;
    week = checkInWeek(schedule, timeZone, week.endMs);
    if (weeks > 1000) break; // a clock gone far off, not a span anyone has
  }
  return weeks === 0 ? null : regular / weeks;
}

/** A scored cycle of a person's record, oldest first: the final scores of their objectives, by kind. */
export type ScoredCycle = { cycleId: string; scores: ReadonlyArray<{ kind: ObjectiveKind; score: number }> };

/** A flag and what it rests on. */
export type FlagFinding = { flag: TalentFlag; cycleIds: string[]; lastCheckInAt: string | null };

/**
 * The flags a person's record raises: `sandbagging` when every scored objective, committed and aspirational
 * alike, scored ≥ 0.95 in each of the last two scored cycles; `overreach` when every one scored < 0.3 in
 * both; `silent` when they have KRs under way and no check-in for three weeks (since `activeSince` when they
 * never checked in). A cycle with no scored objective breaks neither streak nor makes one.
 */
export function talentFlags(input: {
  scoredCycles: readonly ScoredCycle[];
  hasKeyResultsUnderWay: boolean;
  lastCheckInAt: string | null;
  activeSince: string;
  now: Date;
}): FlagFinding[] {
  const findings: FlagFinding[] = [];
  const recent = input.scoredCycles.filter((c) => c.scores.length > 0).slice(-FLAG_CYCLES);
  if (recent.length === FLAG_CYCLES) {
    const cycleIds = recent.map((c) => c.cycleId);
    if (recent.every((c) => c.scores.every((s) => s.score >= SANDBAGGING_SCORE)))
      findings.push({ flag: "sandbagging", cycleIds, lastCheckInAt: input.lastCheckInAt });
    if (recent.every((c) => c.scores.every((s) => s.score < OVERREACH_SCORE)))
      findings.push({ flag: "overreach", cycleIds, lastCheckInAt: input.lastCheckInAt });
  }
  const quietSince = Date.parse(input.lastCheckInAt ?? input.activeSince);
  if (input.hasKeyResultsUnderWay && input.now.getTime() - quietSince >= SILENT_WEEKS * 7 * 86_400_000)
    findings.push({ flag: "silent", cycleIds: [], lastCheckInAt: input.lastCheckInAt });
  return findings;
}

/** How a final score reads against the objective's kind (domain.md): a promise is kept at 1.0, a bet at 0.6–0.7. */
export type ScoreReading = "short" | "success" | "above";

/** Committed: 1.0 is success, anything less falls short. Aspirational: 0.6–0.7 is success, above it the bar was low. */
export function readScore(kind: ObjectiveKind, score: number): ScoreReading {
  if (kind === "committed") return score >= 1 ? "success" : "short";
  if (score < 0.6) return "short";
  return score <= 0.7 ? "success" : "above";
}

/** A talent review (人才盘点) goes draft → calibrating → final, one step at a time; final is frozen. */
export const TALENT_REVIEW_STATUSES = ["draft", "calibrating", "final"] as const;
export type TalentReviewStatus = (typeof TALENT_REVIEW_STATUSES)[number];

/** True when `to` is the one step after `from`. */
export function isNextReviewStatus(from: TalentReviewStatus, to: TalentReviewStatus): boolean {
  return TALENT_REVIEW_STATUSES.indexOf(to) === TALENT_REVIEW_STATUSES.indexOf(from) + 1;
}

/**
 * Who may open, read and change a department's talent review: its leaders and those above them, and admins —
 * never someone placed on it, whatever their role. To anyone else it does not exist.
 */
export function canAccessTalentReview(
  actor: Actor,
  review: { departmentId: string; placedUserIds: readonly string[] },
  graph: OrgGraph,
): boolean {
  if (review.placedUserIds.includes(actor.userId)) return false;
  return isAdmin(actor) || leadersOver(graph, review.departmentId).includes(actor.userId);
}

/**
 * Who a department's review places: the active members of its subtree, except those who run the review
 * (the department's leaders and those above): a leader is placed in the review above theirs.
 */
export function placeableInReview(graph: OrgGraph, departmentId: string): string[] {
  const runners = new Set(leadersOver(graph, departmentId));
  return [...graph.members.values()]
    .filter(
      (m) =>
        m.status === "active" &&
        m.departmentId !== null &&
        isWithinDepartment(graph, m.departmentId, departmentId) &&
        !runners.has(m.userId),
    )
    .map((m) => m.userId);
}
