import {
  type CoachFinding,
  canViewObjective,
  elapsedFraction,
  type ObjectiveLevel,
  type ObjectiveStatus,
  reviewOkr,
} from "@luodi/core";
import {
  type Executor,
  findCycles,
  listAdjustments,
  listChildObjectives,
  listKeyResultsOfObjectives,
  listMilestones,
  listSupports,
  type ObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { presentAdjustment, presentKeyResult, presentObjectiveSummary } from "../presenters/presenters.ts";
import { groupBy } from "../services/group-by.ts";
import { graphOf, policyObjectiveOf } from "./objective-access.ts";

/** Elapsed share of each cycle at the caller's now, in the organization's time zone. */
export async function elapsedByCycle(
  caller: Caller,
  db: Executor,
  cycleIds: readonly string[],
): Promise<Map<string, number>> {
  const cycles = await findCycles(db, caller.auth.org.id, [...new Set(cycleIds)]);
  const now = caller.ctx.config.now();
  return new Map(
    cycles.map((c) => [
      c.id,
      elapsedFraction({ startDate: c.start_date, endDate: c.end_date }, now, caller.auth.org.timezone),
    ]),
  );
}

/** Objectives with their KRs (and milestones), in a fixed number of queries whatever their count. */
export async function presentObjectives(caller: Caller, db: Executor, rows: readonly ObjectiveRow[]) {
  const orgId = caller.auth.org.id;
  const ids = rows.map((r) => r.id);
  const [krs, elapsed, supports] = await Promise.all([
    listKeyResultsOfObjectives(db, orgId, ids),
    elapsedByCycle(
      caller,
      db,
      rows.map((r) => r.cycle_id),
    ),
    listSupports(db, orgId, ids),
  ]);
  const milestones = await listMilestones(
    db,
    orgId,
    krs.filter((kr) => kr.type === "milestone").map((kr) => kr.id),
  );
  const milestonesByKr = groupBy(milestones, (m) => m.key_result_id);
  const krsByObjective = groupBy(krs, (kr) => kr.objective_id);
  const supportsByObjective = groupBy(supports, (s) => s.objective_id);
  return rows.map((row) => {
    const keyResults = (krsByObjective.get(row.id) ?? []).map((kr) =>
      presentKeyResult(
        kr,
        elapsed.get(row.cycle_id) ?? 0,
        kr.type === "milestone" ? (milestonesByKr.get(kr.id) ?? []) : [],
      ),
    );
    return {
      ...presentObjectiveSummary(row, keyResults),
      keyResults,
      alignment: {
        parentObjectiveId: row.parent_objective_id,
        parentKeyResultId: row.parent_key_result_id,
        supports: (supportsByObjective.get(row.id) ?? []).map((s) => s.supported_objective_id),
      },
    };
  });
}
export type ObjectiveView = Awaited<ReturnType<typeof presentObjectives>>[number];

/** One objective as its own page shows it: with KRs, alignment and the children the caller may see. */
export async function presentObjectiveDetail(
  caller: Caller,
  db: Executor,
  row: ObjectiveRow,
  coach?: CoachFinding[],
) {
  const [view] = await presentObjectives(caller, db, [row]);
  if (!view) throw new Error("presentObjectives dropped a row");
  const [childRows, pending, graph] = await Promise.all([
    listChildObjectives(
      db,
      caller.auth.org.id,
      row.id,
      view.keyResults.map((kr) => kr.id),
    ),
    listAdjustments(db, caller.auth.org.id, [row.id], { pendingOnly: true }),
    graphOf(caller, db),
  ]);
  // Children follow visibility like everything else: a hidden child is not even an id here.
  const children = childRows.filter((child) =>
    canViewObjective(caller.auth.actor, policyObjectiveOf(child), graph),
  );
  return {
    ...view,
    children: children.map((child) => child.id),
    childObjectives: children.map((child) => ({
      id: child.id,
      cycleId: child.cycle_id,
      level: child.level as ObjectiveLevel,
      title: child.title,
      status: child.status as ObjectiveStatus,
      progress: child.progress,
      ownerUserId: child.owner_user_id,
      ownerDepartmentId: child.owner_department_id,
    })),
    pendingAdjustments: pending.map(presentAdjustment),
    ...(coach ? { coach } : {}),
  };
}

/** The coach's findings on an objective as written, in the caller's language. */
export function coachFindings(
  caller: Caller,
  objective: { title: string; description?: string | null },
  keyResults: ReadonlyArray<{
    title: string;
    type?: string | null;
    startValue?: string | number | null;
    targetValue?: string | number | null;
  }>,
  ownerObjectiveCount?: number,
): CoachFinding[] {
  return reviewOkr(
    { objective, keyResults: [...keyResults], ownerObjectiveCount: ownerObjectiveCount ?? null },
    { locale: caller.locale },
  ).findings;
}
