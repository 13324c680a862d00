import { checkInWeek } from "./check-in-week.ts";
import { objectiveProgress } from "./progress.ts";
import { localDayOf } from "./zone-time.ts";

/*
 * The race view of 赛马: proposals that serve the same parent, side by side — how each one's objective
 * progressed over time, how regularly its KRs were checked in, and who leads.
 */

/** A KR of a racing objective: its weight, and its progress before any check-in. */
type RaceKeyResult = { id: string; weight: number };

/** A check-in as the race reads it: which KR, its progress after the check-in, when. */
type RaceCheckIn = { keyResultId: string; progress: number; createdAt: string };

/**
 * The objective's progress over time: one point per day (in the organization's zone) on which any of its
 * KRs was checked in, worth the weighted mean of each KR's latest progress at the end of that day (0 before
 * a KR's first check-in), from a first point of 0 on the day the race started. Check-ins of KRs the
 * objective no longer has are left out: the line is the objective as it stands.
 */
export function raceSeries(
  keyResults: readonly RaceKeyResult[],
  checkIns: readonly RaceCheckIn[],
  startedAt: string,
  timeZone: string,
): Array<{ date: string; progress: number }> {
  const dayOf = (iso: string) => {
    const day = localDayOf(Date.parse(iso), timeZone);
    return `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  };
  const latest = new Map(keyResults.map((kr) => [kr.id, 0]));
  const valueNow = () =>
    objectiveProgress(keyResults.map((kr) => ({ weight: kr.weight, progress: latest.get(kr.id) ?? 0 })));
  const points = new Map<string, number>([[dayOf(startedAt), 0]]);
  const ordered = [...checkIns].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  );
  for (const checkIn of ordered) {
    if (!latest.has(checkIn.keyResultId)) continue;
    latest.set(checkIn.keyResultId, checkIn.progress);
    points.set(dayOf(checkIn.createdAt), valueNow());
  }
  return [...points].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, progress]) => ({ date, progress }));
}

/**
 * Share of the organization's check-in weeks since the race started, up to the week of `now`, in which every
 * KR of the objective was checked in at least once; null with no KRs.
 */
export function raceCheckInRate(
  keyResultIds: readonly string[],
  checkIns: readonly Pick<RaceCheckIn, "keyResultId" | "createdAt">[],
  startedAt: string,
  now: Date,
  schedule: { checkInWeekday: number; checkInHour: number },
  timeZone: string,
): number | null {
  if (keyResultIds.length === 0) return null;
  const weeks: Array<{ startMs: number; endMs: number }> = [];
  const last = checkInWeek(schedule, timeZone, now);
  for (let week = checkInWeek(schedule, timeZone, Date.parse(startedAt)); week.startMs <= last.startMs; ) {
    weeks.push(week);
    week = checkInWeek(schedule, timeZone, week.endMs);
    if (weeks.length > 1000) break; // a century of weeks: a guard against a clock far off, not a limit anyone meets
  }
  const wanted = new Set(keyResultIds);
  let complete = 0;
  for (const week of weeks) {
    const seen = new Set<string>();
    for (const checkIn of checkIns) {
      const at = Date.parse(checkIn.createdAt);
      if (at >= week.startMs && at < week.endMs && wanted.has(checkIn.keyResultId))
        seen.add(checkIn.keyResultId);
    }
    if (seen.size === wanted.size) complete += 1;
  }
  return weeks.length === 0 ? null : complete / weeks.length;
}

/** What the leaderboard orders by. */
export type RaceStanding = {
  /** Running (accepted) horses lead those still waiting for a decision. */
  running: boolean;
  progress: number;
  /** The lowest confidence among its KRs, null before any check-in. */
  confidence: number | null;
  backerCount: number;
};

/**
 * The leaderboard's order: running initiatives first, by progress, then confidence (unknown last), then
 * backing; open proposals after them by backing. Returns the indexes of `entries` in rank order.
 */
export function rankRace(entries: readonly RaceStanding[]): number[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      if (a.entry.running !== b.entry.running) return a.entry.running ? -1 : 1;
      if (a.entry.running && a.entry.progress !== b.entry.progress)
        return b.entry.progress - a.entry.progress;
      if (a.entry.running && a.entry.confidence !== b.entry.confidence)
        return (b.entry.confidence ?? -1) - (a.entry.confidence ?? -1);
      if (a.entry.backerCount !== b.entry.backerCount) return b.entry.backerCount - a.entry.backerCount;
      return a.index - b.index;
    })
    .map(({ index }) => index);
}
