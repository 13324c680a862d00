import type { Cycle } from "@luodi/client";

const DAY_MS = 86_400_000;

/** Today's calendar date (YYYY-MM-DD) in a time zone: cycles are calendar days of the organization. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
}

/** How much a kind of cycle is preferred as "the current cycle" when several contain today. */
const KIND_RANK: Record<Cycle["kind"], number> = {
  quarter: 0,
  bimonthly: 1,
  month: 2,
  custom: 3,
  half: 4,
  annual: 5,
};

/**
 * The cycle a person most likely means now: one that contains today, preferring a quarter (the rhythm of
 * OKRs), then the shortest; else the next to start; else the one that ended last.
 */
export function pickDefaultCycle(cycles: readonly Cycle[], today: string): Cycle | undefined {
  const current = cycles
    .filter((c) => c.startDate <= today && today <= c.endDate)
    .sort(
      (a, b) =>
        KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        daysBetween(a.startDate, a.endDate) - daysBetween(b.startDate, b.endDate),
    );
  if (current[0]) return current[0];
  const upcoming = cycles
    .filter((c) => c.startDate > today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  if (upcoming[0]) return upcoming[0];
  return [...cycles].sort((a, b) => b.endDate.localeCompare(a.endDate))[0];
}

/** The cycles in the order a picker shows them: current and future first, most recent first. */
export function sortCyclesForPicker(cycles: readonly Cycle[]): Cycle[] {
  return [...cycles].sort((a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name));
}

/** Cycles that enclose a cycle (its year above its quarter): alignment may point into them. */
export function enclosingCycles(cycles: readonly Cycle[], cycle: Cycle): Cycle[] {
  return cycles.filter(
    (c) => c.id !== cycle.id && c.startDate <= cycle.startDate && c.endDate >= cycle.endDate,
  );
}

/** Start of the first day and end of the last day of a cycle, as epoch milliseconds (UTC calendar). */
export function cycleSpanMs(cycle: Pick<Cycle, "startDate" | "endDate">): { start: number; end: number } {
  return {
    start: Date.parse(`${cycle.startDate}T00:00:00Z`),
    end: Date.parse(`${cycle.endDate}T00:00:00Z`) + DAY_MS,
  };
}
