import { AppError } from "../errors/index.ts";
import type { Health, ObjectiveStatus } from "./types.ts";
import { zoneOffsetMs } from "./zone-time.ts";

/** The dates of a cycle, as stored: calendar days in the organization's time zone, both inclusive. */
export type CycleDates = { startDate: string; endDate: string };

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  if (!match) throw new AppError("request.invalid", { date: value });
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC rolls 2026-02-30 over into March; a round trip catches dates that do not exist.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new AppError("request.invalid", { date: value });
  }
  return { year, month, day };
}

// Cycle boundaries repeat on every read (health is recomputed with the clock), so remember them; the
// answer for a day and a zone never changes. Bounded so a flood of distinct dates cannot grow it forever.
const dayStarts = new Map<string, number>();
const MAX_REMEMBERED_DAYS = 10_000;

/** The instant a calendar day starts in a zone: the first instant whose local date is that day. */
function startOfDayMs(date: { year: number; month: number; day: number }, timeZone: string): number {
  const key = `${date.year}-${date.month}-${date.day}@${timeZone}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  let computed: number;
  try {
    computed = computeStartOfDayMs(date, timeZone);
  } catch (error) {
    // Intl refuses a zone it does not know.
    if (error instanceof RangeError) throw new AppError("request.invalid", { timezone: timeZone });
    throw error;
  }
  if (dayStarts.size >= MAX_REMEMBERED_DAYS) dayStarts.clear();
  dayStarts.set(key, computed);
  return computed;
}

function computeStartOfDayMs(date: { year: number; month: number; day: number }, timeZone: string): number {
  const wallMidnight = Date.UTC(date.year, date.month - 1, date.day);
  // The offsets in force around that day (one, or two across a DST change) give the candidate instants.
  const offsets = new Set(
    [wallMidnight - DAY_MS, wallMidnight, wallMidnight + DAY_MS].map((at) => zoneOffsetMs(at, timeZone)),
  );
  const candidates = [...offsets].map((offset) => ({ at: wallMidnight - offset, offset }));
  // A candidate is real when the zone shows midnight there; after a fall-back at midnight two are, and the
  // day starts at the earlier one.
  const real = candidates.filter((c) => zoneOffsetMs(c.at, timeZone) === c.offset).map((c) => c.at);
  if (real.length > 0) return Math.min(...real);
  // Midnight was skipped (spring forward at 00:00): the day starts at the change, the later candidate.
  return Math.max(...candidates.map((c) => c.at));
}

/**
 * The instants a cycle starts and ends: from the start of `startDate` to the start of the day after
 * `endDate` (the end date is inclusive), in the organization's time zone.
 */
export function cycleBounds(
  { startDate, endDate }: CycleDates,
  timezone = "UTC",
): { startMs: number; endMs: number } {
  const start = parseIsoDate(startDate);
  const end = parseIsoDate(endDate);
  const next = new Date(Date.UTC(end.year, end.month - 1, end.day) + DAY_MS);
  return {
    startMs: startOfDayMs(start, timezone),
    endMs: startOfDayMs(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
      timezone,
    ),
  };
}

/**
 * Fraction of a cycle's time that has passed at `now`: 0 before the start, 1 after the end. The cycle
 * runs from the start of `startDate` to the end of `endDate` in the organization's time zone.
 */
export function elapsedFraction({ startDate, endDate }: CycleDates, now: Date, timezone = "UTC"): number {
  const { startMs, endMs } = cycleBounds({ startDate, endDate }, timezone);
  const nowMs = now.getTime();
  if (nowMs <= startMs) return 0;
  if (nowMs >= endMs || endMs <= startMs) return 1;
  return (nowMs - startMs) / (endMs - startMs);
}

/**
 * What health is derived from: progress (clamped or raw), confidence 0–10 — null until the owner's first
 * check-in gives one —, and the elapsed fraction of the cycle.
 */
export type HealthInput = { progress: number; confidence: number | null; elapsed: number };

/**
 * The lines domain.md draws between a KR's healths: done from `doneAt` progress; off track, then at risk,
 * at a confidence of at most `confidenceAtMost` or a progress more than `lagOver` behind the elapsed share.
 * {@link keyResultHealth} reads them, and so does the SQL that picks an agenda's KRs (agenda.repository.ts).
 */
export const KEY_RESULT_HEALTH_LINES = {
  doneAt: 1,
  offTrack: { confidenceAtMost: 3, lagOver: 0.25 },
  atRisk: { confidenceAtMost: 6, lagOver: 0.1 },
} as const;

/**
 * Health of a committed KR, in the order domain.md gives: done, then off_track, then at_risk, else
 * on_track. The confidence rules apply only once a confidence has been given.
 */
export function keyResultHealth({ progress, confidence, elapsed }: HealthInput): Health {
  const { doneAt, offTrack, atRisk } = KEY_RESULT_HEALTH_LINES;
  if (progress >= doneAt) return "done";
  const hasConfidence = confidence !== null;
  if ((hasConfidence && confidence <= offTrack.confidenceAtMost) || progress < elapsed - offTrack.lagOver)
    return "off_track";
  if ((hasConfidence && confidence <= atRisk.confidenceAtMost) || progress < elapsed - atRisk.lagOver)
    return "at_risk";
  return "on_track";
}

/** How bad each health is; an objective shows the worst of its KRs. */
const HEALTH_SEVERITY: Readonly<Record<Health, number>> = {
  done: 0,
  on_track: 1,
  at_risk: 2,
  off_track: 3,
};

/** Health of a committed objective: the worst health of its KRs; `done` only when all are done; on_track with no KRs. */
export function objectiveHealth(krHealths: readonly Health[]): Health {
  // An objective without KRs has nothing behind yet, so it is not "done".
  if (krHealths.length === 0) return "on_track";
  let worst: Health = "done";
  for (const health of krHealths) {
    if (HEALTH_SEVERITY[health] > HEALTH_SEVERITY[worst]) worst = health;
  }
  return worst;
}

/**
 * True for an objective that is committed — published or closed —: only those have a health and count in
 * dashboards. A draft is not committed yet, and neither is one submitted and waiting for approval (the
 * manager may still send it back to draft).
 */
export function isCommitted(status: ObjectiveStatus): boolean {
  return status === "published" || status === "closed";
}

/** Health of a KR as answers carry it: null while its objective is not committed, else {@link keyResultHealth}. */
export function keyResultHealthIn(objectiveStatus: ObjectiveStatus, input: HealthInput): Health | null {
  return isCommitted(objectiveStatus) ? keyResultHealth(input) : null;
}

/**
 * Health of an objective as answers carry it: null while it is not committed, else the worst health of
 * its KRs ({@link objectiveHealth}). KR healths that are null (not committed) are left out.
 */
export function objectiveHealthIn(
  status: ObjectiveStatus,
  krHealths: readonly (Health | null)[],
): Health | null {
  if (!isCommitted(status)) return null;
  return objectiveHealth(krHealths.filter((health): health is Health => health !== null));
}
