import { localDayOf, localTimeMs } from "./zone-time.ts";

/** When an organization's weekly check-in falls: ISO weekday (1 = Monday … 7 = Sunday) and hour, in its zone. */
type CheckInSchedule = { checkInWeekday: number; checkInHour: number };

/** One check-in week: from `startMs` (included) to `endMs` (excluded). */
export type CheckInWeek = { startMs: number; endMs: number };

const DAY_MS = 86_400_000;

/**
 * The organization's check-in week (本周) at `now`: it runs from one weekly check-in time — the
 * organization's check-in weekday and hour, on its clocks — to the next, so "checked in this week" means
 * "since the last check-in time", the same for everyone in the organization, and not a rolling 7 days.
 * Across a DST change a week is an hour longer or shorter, as the clocks are.
 */
export function checkInWeek(schedule: CheckInSchedule, timeZone: string, now: Date | number): CheckInWeek {
  const nowMs = typeof now === "number" ? now : now.getTime();
  const today = localDayOf(nowMs, timeZone);
  const daysBack = (today.weekday - schedule.checkInWeekday + 7) % 7;
  // Noon keeps the day arithmetic clear of DST changes, which happen at night.
  const noon = Date.UTC(today.year, today.month - 1, today.day, 12) - daysBack * DAY_MS;
  const startAt = (offsetDays: number) => {
    const day = new Date(noon + offsetDays * DAY_MS);
    return localTimeMs(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
      schedule.checkInHour,
      timeZone,
    );
  };
  // The check-in time on that weekday may still lie ahead today: then the week began a week earlier.
  const offset = startAt(0) > nowMs ? -7 : 0;
  return { startMs: startAt(offset), endMs: startAt(offset + 7) };
}
