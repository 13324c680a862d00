/*
 * Wall-clock time in a time zone, with Intl alone: no error codes, no decimals, so the browser can use it
 * (the home page's check-in week) without loading the rest of the rules. An unknown zone throws Intl's
 * RangeError; callers that answer the API turn it into their own error.
 */

// Building a DateTimeFormat is costly compared with using one; zones are few, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of a zone from UTC at an instant, in milliseconds (Asia/Shanghai → +8 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // The formatter drops milliseconds, so compare against the instant truncated to the second.
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/** A calendar day as a zone shows it at an instant, with its ISO weekday (1 = Monday … 7 = Sunday). */
type LocalDay = { year: number; month: number; day: number; weekday: number };

/** The calendar day (and weekday) a zone shows at an instant. */
export function localDayOf(instantMs: number, timeZone: string): LocalDay {
  const wall = new Date(instantMs + zoneOffsetMs(instantMs, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
  };
}

/**
 * The instant a zone's clocks show `hour`:00 on a calendar day (month and day may run over: day 0 is the
 * last of the month before). An hour skipped by a DST change maps to the instant just after the change.
 */
export function localTimeMs(
  date: { year: number; month: number; day: number },
  hour: number,
  timeZone: string,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour);
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}
