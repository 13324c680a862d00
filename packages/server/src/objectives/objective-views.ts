import {
  adjustmentAbilities,
  type CoachFinding,
  type CoachPreviousKeyResult,
  type CyclePhase,
  canViewObjective,
  elapsedFraction,
  isAppError,
  type ObjectiveAnswer,
  type ObjectiveDetailAnswer,
  type ObjectiveKind,
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
import { reviewWithinBudget } from "../coach/coach-runner.ts";
import type { Caller } from "../context.ts";
import { abilityScopeOf } from "../presenters/ability-scope.ts";
import { presentAdjustment, presentKeyResult, presentObjectiveSummary } from "../presenters/presenters.ts";
import { groupBy } from "../services/group-by.ts";
import { graphOf, policyObjectiveOf } from "./objective-access.ts";

/** Each cycle's phase and elapsed share at the caller's now, in the organization's time zone. */
async function cycleStates(
  caller: Caller,
  db: Executor,
  cycleIds: readonly string[],
): Promise<Map<string, { phase: CyclePhase; elapsed: number }>> {
  const cycles = await findCycles(db, caller.auth.org.id, [...new Set(cycleIds)]);
  const now = caller.ctx.config.now();
  return new Map(
    cycles.map((c) => [
      c.id,
      {
        phase: c.phase,
        elapsed: elapsedFraction(
          { startDate: c.startDate, endDate: c.endDate },
          now,
          caller.auth.org.timezone,
        ),
      },
    ]),
  );
}

/** Objectives with their KRs (and milestones), in a fixed number of queries whatever their count. */
export async function presentObjectives(
  caller: Caller,
  db: Executor,
  rows: readonly ObjectiveRow[],
): Promise<ObjectiveAnswer[]> {
  const orgId = caller.auth.org.id;
  const ids = rows.map((r) => r.id);
  const [krs, cycles, supports, graph] = await Promise.all([
    listKeyResultsOfObjectives(db, orgId, ids),
    cycleStates(
      caller,
      db,
      rows.map((r) => r.cycleId),
    ),
    listSupports(db, orgId, ids),
    graphOf(caller, db),
  ]);
  const milestones = await listMilestones(
    db,
    orgId,
    krs.filter((kr) => kr.type === "milestone").map((kr) => kr.id),
  );
  const milestonesByKr = groupBy(milestones, (m) => m.keyResultId);
  const krsByObjective = groupBy(krs, (kr) => kr.objectiveId);
  const supportsByObjective = groupBy(supports, (s) => s.objectiveId);
  return rows.map((row) => {
    const cycle = cycles.get(row.cycleId);
    const scope = abilityScopeOf(caller, graph, cycle?.phase ?? "planning");
    const keyResults = (krsByObjective.get(row.id) ?? []).map((kr) =>
      presentKeyResult(
        kr,
        row,
        { elapsed: cycle?.elapsed ?? 0, abilities: scope },
        kr.type === "milestone" ? (milestonesByKr.get(kr.id) ?? []) : [],
      ),
    );
    return {
      ...presentObjectiveSummary(row, keyResults, scope),
      keyResults,
      alignment: {
        parentObjectiveId: row.parentObjectiveId,
        parentKeyResultId: row.parentKeyResultId,
        supports: (supportsByObjective.get(row.id) ?? []).map((s) => s.supportedObjectiveId),
      },
    };
  });
}

/** One objective as its own page shows it: with KRs, alignment and the children the caller may see. */
export async function presentObjectiveDetail(
  caller: Caller,
  db: Executor,
  row: ObjectiveRow,
  coach?: CoachFinding[],
): Promise<ObjectiveDetailAnswer> {
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
      cycleId: child.cycleId,
      level: child.level,
      title: child.title,
      status: child.status,
      progress: child.progress,
      ownerUserId: child.ownerUserId,
      ownerDepartmentId: child.ownerDepartmentId,
    })),
    pendingAdjustments: pending.map((adjustment) =>
      presentAdjustment(
        adjustment,
        adjustmentAbilities(caller.auth.actor, graph, policyObjectiveOf(row), adjustment),
      ),
    ),
    ...(coach ? { coach } : {}),
  };
}

/**
 * The coach's findings on an objective as written, in the caller's language — or none when the objective
 * is beyond the coach's size or time budget (coach-runner.ts): the save stands, the advice is left out.
 */
export async function coachFindings(
  caller: Caller,
  objective: { title: string; description?: string | null },
  keyResults: ReadonlyArray<{
    title: string;
    type?: string | null;
    startValue?: string | number | null;
    targetValue?: string | number | null;
  }>,
  ownerObjectiveCount?: number,
  kind?: ObjectiveKind,
  previousKeyResults?: readonly CoachPreviousKeyResult[],
): Promise<CoachFinding[] | undefined> {
  try {
    const review = await reviewWithinBudget(
      {
        objective,
        keyResults: [...keyResults],
        ownerObjectiveCount: ownerObjectiveCount ?? null,
        kind: kind ?? null,
        previousKeyResults: previousKeyResults ?? null,
      },
      caller.locale,
      caller.ctx.config.coachTimeBudgetMs,
    );
    return review.findings;
  } catch (error) {
    if (isAppError(error, "coach.too_large") || isAppError(error, "coach.over_budget")) return undefined;
    throw error;
  }
}
