import type { CheckIn, Cycle, KeyResult } from "@luodi/client";
import { cycleSpanMs } from "../../lib/cycles.ts";

/** A point of a chart: epoch milliseconds and a progress in [0, 1]. */
type Point = [number, number];

export type ProgressSeries = { actual: Point[]; ideal: Point[]; cycleStart: number; cycleEnd: number };

function weightedMean(keyResults: readonly KeyResult[], progressOf: (kr: KeyResult) => number): number {
  let total = 0;
  let sum = 0;
  for (const kr of keyResults) {
    total += kr.weight;
    sum += kr.weight * progressOf(kr);
  }
  return total === 0 ? 0 : sum / total;
}

/**
 * The objective's progress over the cycle, replayed from its KRs' check-ins (each carries the KR's progress
 * right after it), against the ideal straight line from 0 at the start to 100 % at the end. The line ends on
 * the objective's progress as the server states it now, so the chart never disagrees with the page.
 */
export function progressOverTime(
  cycle: Pick<Cycle, "startDate" | "endDate">,
  keyResults: readonly KeyResult[],
  checkInsByKr: ReadonlyMap<string, readonly CheckIn[]>,
  currentProgress: number,
  now: Date,
): ProgressSeries {
  const { start, end } = cycleSpanMs(cycle);
  const events = keyResults
    .flatMap((kr) =>
      (checkInsByKr.get(kr.id) ?? []).map((c) => ({
        kr: kr.id,
        at: Date.parse(c.createdAt),
        progress: c.progress,
      })),
    )
    .sort((a, b) => a.at - b.at);
  const latest = new Map<string, number>();
  const actual: Point[] = [[start, 0]];
  for (const event of events) {
    latest.set(event.kr, event.progress);
    const value = weightedMean(keyResults, (kr) => latest.get(kr.id) ?? 0);
    actual.push([Math.max(event.at, start), value]);
  }
  const last = Math.min(Math.max(now.getTime(), start), end);
  const lastPoint = actual[actual.length - 1];
  if (lastPoint && last >= lastPoint[0]) actual.push([last, currentProgress]);
  return {
    actual,
    ideal: [
      [start, 0],
      [end, 1],
    ],
    cycleStart: start,
    cycleEnd: end,
  };
}
