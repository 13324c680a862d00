import type { PersonRecord } from "@luodi/client";

type RecordCycle = PersonRecord["cycles"][number];

/** Whether a cycle holds anything of the person's: objectives, 提案, praise or 复盘. */
function hasActivity(c: RecordCycle): boolean {
  const { made, backed, joined, accepted, spunOff } = c.proposals;
  return (
    c.objectives.length > 0 ||
    made + backed + joined + accepted + spunOff + c.praiseReceived + c.reviewsWritten > 0
  );
}

/**
 * The cycles the record shows, newest first: those the person had something in. A cycle not yet planned, or
 * one of the organization's they took no part in, would only be an empty row.
 */
export function shownCycles(record: PersonRecord): RecordCycle[] {
  return record.cycles.filter(hasActivity).reverse();
}

/**
 * The points of the chart of scores over cycles, oldest first: each cycle with a scored objective. A cycle
 * still under way has no average yet and would draw a false zero.
 */
export function scorePoints(record: PersonRecord): Array<{ cycleId: string; name: string; score: number }> {
  return record.cycles.flatMap((c) =>
    c.averageScore === null ? [] : [{ cycleId: c.cycle.id, name: c.cycle.name, score: c.averageScore }],
  );
}
