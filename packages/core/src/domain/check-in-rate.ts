const WEEK_MS = 7 * 86_400_000;

/** One week of a cycle and the share of KRs that got at least one check-in during it. */
export type WeeklyRate = { weekStart: string; rate: number };

/**
 * The weekly check-in rate across a cycle: weeks count from the cycle's start up to now (or its end), and
 * each week's rate is the share of the given KRs with at least one check-in in that week. The current,
 * unfinished week counts too, so the last point rises as people check in.
 */
export function weeklyCheckInRates(input: {
  /** The cycle's first calendar day (YYYY-MM-DD): weeks are labelled by their first day, as people read them. */
  startDate: string;
  startMs: number;
  endMs: number;
  nowMs: number;
  keyResultIds: ReadonlySet<string>;
  checkIns: ReadonlyArray<{ keyResultId: string; atMs: number }>;
}): WeeklyRate[] {
  const { startDate, startMs, endMs, nowMs, keyResultIds, checkIns } = input;
  const firstDayMs = Date.parse(`${startDate}T00:00:00Z`);
  const last = Math.min(nowMs, endMs);
  if (last <= startMs) return [];
  const weeks = Math.ceil((last - startMs) / WEEK_MS);
  const seen = Array.from({ length: weeks }, () => new Set<string>());
  for (const { keyResultId, atMs } of checkIns) {
    // A check-in made this very instant counts: the last week runs up to and including now.
    if (!keyResultIds.has(keyResultId) || atMs < startMs || atMs > last) continue;
    seen[Math.min(weeks - 1, Math.floor((atMs - startMs) / WEEK_MS))]?.add(keyResultId);
  }
  return seen.map((ids, week) => ({
    weekStart: new Date(firstDayMs + week * WEEK_MS).toISOString().slice(0, 10),
    rate: keyResultIds.size ? ids.size / keyResultIds.size : 0,
  }));
}
