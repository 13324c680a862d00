import { type AlignmentEnd, type AlignmentError, checkAlignment, type OrgGraph } from "@luodi/core";
import {
  type CycleRow,
  type Executor,
  findCycles,
  findKeyResults,
  findObjectives,
  listKeyResultsOfObjectives,
  type ObjectiveRow,
} from "@luodi/db";
import { groupBy } from "../services/group-by.ts";

/** How far up the walk goes: alignment chains are a handful of levels; this only bounds a corrupt one. */
const MAX_DEPTH = 64;

/**
 * The objectives each objective above `fromIds` leads up to — the one it aligns to (directly or through
 * a KR) and those holding the `sum` KRs its KRs contribute to — read one level per three queries.
 */
async function upwardLinks(
  db: Executor,
  orgId: string,
  fromIds: readonly string[],
): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>();
  let frontier = [...new Set(fromIds)];
  for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
    const [objectives, keyResults] = await Promise.all([
      findObjectives(db, orgId, frontier),
      listKeyResultsOfObjectives(db, orgId, frontier),
    ]);
    const sumLinks = groupBy(
      keyResults.filter((kr) => kr.parentKeyResultId),
      (kr) => kr.objectiveId,
    );
    const parentKeyResultIds = [
      ...objectives.map((o) => o.parentKeyResultId),
      ...keyResults.map((kr) => kr.parentKeyResultId),
    ].filter((id): id is string => id !== null);
    const objectiveOfKeyResult = new Map(
      (await findKeyResults(db, orgId, [...new Set(parentKeyResultIds)])).map((kr) => [
        kr.id,
        kr.objectiveId,
      ]),
    );
    const next = new Set<string>();
    for (const objective of objectives) {
      const up = new Set<string>();
      if (objective.parentObjectiveId) up.add(objective.parentObjectiveId);
      for (const krId of [
        objective.parentKeyResultId,
        ...(sumLinks.get(objective.id) ?? []).map((kr) => kr.parentKeyResultId),
      ]) {
        const parent = krId ? objectiveOfKeyResult.get(krId) : undefined;
        if (parent) up.add(parent);
      }
      links.set(objective.id, [...up]);
      for (const id of up) if (!links.has(id)) next.add(id);
    }
    for (const id of frontier) if (!links.has(id)) links.set(id, []);
    frontier = [...next].filter((id) => !links.has(id));
  }
  return links;
}

function endOf(row: ObjectiveRow, cycle: CycleRow): AlignmentEnd {
  return {
    id: row.id,
    level: row.level,
    cycle: { id: cycle.id, startDate: cycle.startDate, endDate: cycle.endDate },
    ownerDepartmentId: row.ownerDepartmentId,
    ownerUserId: row.ownerUserId,
  };
}

/**
 * Checks upward links from `child` to each of `parents` — an objective alignment, or a KR's contribution
 * to a `sum` KR of the parent objective — by core's alignment rules (period, loop, level), in a fixed
 * number of queries per level of the chains above. Returns, per parent id, the code to refuse it with.
 */
export async function checkUpwardLinks(
  db: Executor,
  orgId: string,
  graph: OrgGraph,
  child: ObjectiveRow,
  parents: readonly ObjectiveRow[],
): Promise<Map<string, AlignmentError>> {
  const refusals = new Map<string, AlignmentError>();
  if (parents.length === 0) return refusals;
  const [cycles, links] = await Promise.all([
    findCycles(db, orgId, [...new Set([child.cycleId, ...parents.map((p) => p.cycleId)])]),
    upwardLinks(
      db,
      orgId,
      parents.map((p) => p.id),
    ),
  ]);
  const cycleOf = new Map(cycles.map((c) => [c.id, c]));
  const childCycle = cycleOf.get(child.cycleId);
  for (const parent of parents) {
    const parentCycle = cycleOf.get(parent.cycleId);
    if (!childCycle || !parentCycle) {
      refusals.set(parent.id, "alignment.period");
      continue;
    }
    const refused = checkAlignment({
      child: endOf(child, childCycle),
      parent: endOf(parent, parentCycle),
      graph,
      parentsOfObjective: (id) => (id === child.id ? [] : (links.get(id) ?? [])),
    });
    if (refused) refusals.set(parent.id, refused);
  }
  return refusals;
}
