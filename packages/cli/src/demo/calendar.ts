/** The cycles the demo creates around "now": this calendar year and the quarter that contains today. */
export type DemoCalendar = {
  /** Today in the organization's time zone, YYYY-MM-DD. */
  today: string;
  year: number;
  /** 1–4. */
  quarter: number;
  annual: { startDate: string; endDate: string };
  current: { startDate: string; endDate: string };
};

const DAY_MS = 86_400_000;

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
function localDate(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** This year and this quarter as seen in `timeZone` at `now`. */
export function demoCalendar(now: Date, timeZone: string): DemoCalendar {
  const today = localDate(now, timeZone);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = Math.floor((month - 1) / 3) + 1;
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    today,
    year,
    quarter,
    annual: { startDate: `${year}-01-01`, endDate: `${year}-12-31` },
    current: {
      startDate: `${year}-${pad(firstMonth)}-01`,
      endDate: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
    },
  };
}

/**
 * `count` instants for weekly check-ins, oldest first, ending at `now`: one week apart when the quarter
 * has run long enough, otherwise spread evenly over the days it has run (the first a day after it began).
 */
export function checkInInstants(now: Date, quarterStart: string, count: number): Date[] {
  const startMs = Date.parse(`${quarterStart}T00:00:00Z`) + DAY_MS;
  const span = Math.max(0, now.getTime() - startMs);
  const step = Math.min(7 * DAY_MS, count > 1 ? span / (count - 1) : 0);
  return Array.from({ length: count }, (_, i) => new Date(now.getTime() - (count - 1 - i) * step));
}
