import { type CoachPreviousKeyResult, canViewObjective } from "@luodi/core";
import { type Executor, listPreviousCycleKeyResults, type ObjectiveRow } from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";

/** Enough for any owner's previous cycle (objectives and KRs per objective are capped), and bounded. */
const PREVIOUS_KEY_RESULTS_LIMIT = 100;

/**
 * What the coach offers a key result without a baseline (core's `checkBaseline`): the key results the
 * objective's owner had in the cycle just before its cycle, of the same kind, with the values they ended at —
 * only those the caller may see, since a suggestion quotes the title and the value.
 */
export async function previousKeyResultsFor(
  caller: Caller,
  db: Executor,
  objective: Pick<ObjectiveRow, "cycleId" | "ownerUserId" | "ownerDepartmentId">,
): Promise<CoachPreviousKeyResult[]> {
  const [rows, graph] = await Promise.all([
    listPreviousCycleKeyResults(db, caller.auth.org.id, {
      cycleId: objective.cycleId,
      ownerUserId: objective.ownerUserId,
      ownerDepartmentId: objective.ownerDepartmentId,
      limit: PREVIOUS_KEY_RESULTS_LIMIT,
    }),
    graphOf(caller, db),
  ]);
  return rows
    .filter((row) =>
      canViewObjective(
        caller.auth.actor,
        {
          level: row.level,
          visibility: row.visibility,
          ownerUserId: row.ownerUserId,
          ownerDepartmentId: row.ownerDepartmentId,
        },
        graph,
      ),
    )
    .map((row) => ({ title: row.title, currentValue: row.currentValue, unit: row.unit }));
}
