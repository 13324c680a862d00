import {
  type AlignmentForest,
  AppError,
  alignmentCoverage,
  alignmentForest,
  canViewObjective,
  checkInOpen,
  checkInWeek,
  cycleBounds,
  elapsedFraction,
  HEALTHS,
  type Health,
  isAdmin,
  isCommitted,
  isWithinDepartment,
  type KeyResultAnswer,
  type OrgGraph,
  type RolloutPerson,
  rolloutMissing,
  rolloutStage,
  scoreBand,
  weeklyCheckInRates,
  weightedMean,
} from "@luodi/core";
import {
  type CycleRow,
  findCycle,
  type KeyResultRow,
  keyResultsCheckedInSince,
  listCheckInMoments,
  listDepartments,
  listKeyResultsOfCycles,
  listMembers,
  listObjectives,
  type ObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { abilityScopeOf } from "../presenters/ability-scope.ts";
import { presentKeyResult, presentObjectiveSummary } from "../presenters/presenters.ts";
import { groupBy } from "../services/group-by.ts";

/**
 * When this week began for the organization's check-in rate: its last weekly check-in time (check-in
 * weekday and hour, on its clocks) — not seven days ago.
 */
function thisCheckInWeekStart(caller: Caller): string {
  const { auth, ctx } = caller;
  return new Date(checkInWeek(auth.settings, auth.org.timezone, ctx.config.now()).startMs).toISOString();
}

async function loadCycle(caller: Caller, id: string): Promise<CycleRow> {
  const cycle = await findCycle(caller.ctx.db, caller.auth.org.id, id);
  if (!cycle) throw new AppError("cycle.not_found");
  return cycle;
}

/** The department an objective belongs to for grouping: its owner department, or its owner's. */
function departmentOf(objective: ObjectiveRow, graph: OrgGraph): string | null {
  if (objective.ownerDepartmentId) return objective.ownerDepartmentId;
  return objective.ownerUserId ? (graph.members.get(objective.ownerUserId)?.departmentId ?? null) : null;
}

/** Everything of a cycle the caller may see: objectives, their KRs (presented with health) and the org graph. */
export async function loadVisibleCycle(caller: Caller, cycleId: string, departmentId: string | undefined) {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const cycle = await loadCycle(caller, cycleId);
  const graph = await graphOf(caller);
  if (departmentId && !graph.departments.has(departmentId)) throw new AppError("department.not_found");
  const [objectives, krs] = await Promise.all([
    listObjectives(ctx.db, orgId, { cycleId }),
    listKeyResultsOfCycles(ctx.db, orgId, [cycleId]),
  ]);
  const visible = objectives.filter((o) => {
    if (!canViewObjective(auth.actor, policyObjectiveOf(o), graph)) return false;
    if (!departmentId) return true;
    const owner = departmentOf(o, graph);
    return owner !== null && isWithinDepartment(graph, owner, departmentId);
  });
  const elapsed = elapsedFraction(
    { startDate: cycle.startDate, endDate: cycle.endDate },
    ctx.config.now(),
    auth.org.timezone,
  );
  const scope = abilityScopeOf(caller, graph, cycle.phase);
  const objectiveOf = new Map(visible.map((o) => [o.id, o]));
  const krRows = krs.filter((kr) => objectiveOf.has(kr.objectiveId));
  const krViews = groupBy(
    krRows.flatMap((kr) => {
      const objective = objectiveOf.get(kr.objectiveId);
      return objective ? [presentKeyResult(kr, objective, { elapsed, abilities: scope })] : [];
    }),
    (kr) => kr.objectiveId,
  );
  return { cycle, graph, scope, visible, krRows, krViews, elapsed };
}

/**
 * The alignment map's shape over what the caller sees: the full tree and the map read level by level
 * (tree-nodes.ts) both come from it, so their parent rule, order and loop handling cannot drift apart.
 */
export function visibleForest(
  visible: readonly ObjectiveRow[],
  krRows: readonly Pick<KeyResultRow, "id" | "objectiveId">[],
): AlignmentForest {
  return alignmentForest(visible, new Map(krRows.map((kr) => [kr.id, kr.objectiveId])));
}

export type TreeNode = {
  objective: ReturnType<typeof presentObjectiveSummary>;
  keyResults: KeyResultAnswer[];
  children: TreeNode[];
};

/**
 * The alignment tree (对齐地图) of a cycle: each objective under the objective it aligns to (directly or
 * through one of its KRs). Roots are the objectives whose parent the caller cannot see here — the
 * company's, first of all.
 */
export async function cycleTree(
  caller: Caller,
  cycleId: string,
  departmentId?: string,
): Promise<{ cycleId: string; roots: TreeNode[] }> {
  const { roots, node } = await treeOf(caller, cycleId, departmentId);
  const build = (id: string): TreeNode => {
    const { objective, keyResults, children } = node(id);
    return { objective, keyResults, children: children.map(build) };
  };
  return { cycleId, roots: roots.map(build) };
}

/** The visible forest of a cycle, and each node's own part (its objective and KRs, its children's ids). */
async function treeOf(caller: Caller, cycleId: string, departmentId?: string) {
  const { scope, visible, krRows, krViews } = await loadVisibleCycle(caller, cycleId, departmentId);
  const forest = visibleForest(visible, krRows);
  const byId = new Map(visible.map((o) => [o.id, o]));
  const node = (id: string) => {
    const keyResults = krViews.get(id) ?? [];
    return {
      objective: presentObjectiveSummary(byId.get(id) as ObjectiveRow, keyResults, scope),
      keyResults,
      children: forest.children.get(id) ?? [],
    };
  };
  return { roots: forest.roots, node };
}

/** How much JSON text is gathered before it is handed to the response stream. */
const TREE_CHUNK_CHARS = 64 * 1024;

/**
 * The same tree as `cycleTree`, as JSON text written node by node: the whole company's tree of an export is
 * tens of megabytes, and neither it nor its objects are ever held whole. The visibility checks run before
 * the first byte, so an error is still an ordinary error answer.
 */
export async function cycleTreeText(
  caller: Caller,
  cycleId: string,
  departmentId?: string,
): Promise<Iterable<string>> {
  const { roots, node } = await treeOf(caller, cycleId, departmentId);
  function* nodeText(id: string): Generator<string> {
    const { objective, keyResults, children } = node(id);
    yield `{"objective":${JSON.stringify(objective)},"keyResults":${JSON.stringify(keyResults)},"children":[`;
    for (const [i, child] of children.entries()) {
      if (i > 0) yield ",";
      yield* nodeText(child);
    }
    yield "]}";
  }
  function* text(): Generator<string> {
    let pending = `{"cycleId":${JSON.stringify(cycleId)},"roots":[`;
    for (const [i, root] of roots.entries()) {
      if (i > 0) pending += ",";
      for (const part of nodeText(root)) {
        pending += part;
        if (pending.length >= TREE_CHUNK_CHARS) {
          yield pending;
          pending = "";
        }
      }
    }
    yield `${pending}]}`;
  }
  return text();
}

/** How many are in each health; those without one (not committed yet) are not counted. */
function healthCounts(healths: Iterable<Health | null>): Record<Health, number> {
  const counts = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>;
  for (const h of healths) if (h !== null) counts[h] += 1;
  return counts;
}

function isRisky<T extends { health: Health | null }>(kr: T): kr is T & { health: "at_risk" | "off_track" } {
  return kr.health === "at_risk" || kr.health === "off_track";
}

/** The weekly check-in rate of these KRs across the cycle so far (core's weeklyCheckInRates). */
async function checkInTrendOf(caller: Caller, cycle: CycleRow, keyResultIds: readonly string[]) {
  const { ctx, auth } = caller;
  const bounds = cycleBounds({ startDate: cycle.startDate, endDate: cycle.endDate }, auth.org.timezone);
  const since = new Date(bounds.startMs).toISOString();
  const moments = await listCheckInMoments(ctx.db, auth.org.id, [cycle.id], since);
  return weeklyCheckInRates({
    ...bounds,
    startDate: cycle.startDate,
    nowMs: ctx.config.now().getTime(),
    keyResultIds: new Set(keyResultIds),
    checkIns: moments.map((m) => ({ keyResultId: m.keyResultId, atMs: Date.parse(m.createdAt) })),
  });
}

/** The cycle's numbers (数据看板), over what the caller may see. Only published and closed OKRs count. */
export async function cycleDashboard(caller: Caller, cycleId: string, departmentId?: string) {
  const { ctx, auth } = caller;
  const { cycle, graph, scope, visible, krViews } = await loadVisibleCycle(caller, cycleId, departmentId);
  const live = visible.filter((o) => isCommitted(o.status));
  const liveKrs = live.flatMap((o) => krViews.get(o.id) ?? []);
  const since = thisCheckInWeekStart(caller);
  const [checkedIn, checkInTrend] = await Promise.all([
    keyResultsCheckedInSince(ctx.db, auth.org.id, [cycleId], since),
    checkInTrendOf(
      caller,
      cycle,
      liveKrs.map((kr) => kr.id),
    ),
  ]);
  const summaries = live.map((o) => presentObjectiveSummary(o, krViews.get(o.id) ?? [], scope));
  const scored = live.filter((o) => o.score !== null);
  const departments = await listDepartments(ctx.db, auth.org.id);
  const byDepartment = groupBy(live, (o) => departmentOf(o, graph));
  return {
    cycleId,
    objectives: live.length,
    keyResults: liveKrs.length,
    progress: weightedMean(live.map((o) => ({ weight: o.weight, progress: o.progress }))),
    healthCounts: healthCounts(summaries.map((s) => s.health)),
    keyResultHealthCounts: healthCounts(liveKrs.map((kr) => kr.health)),
    checkInRate: liveKrs.length ? liveKrs.filter((kr) => checkedIn.has(kr.id)).length / liveKrs.length : 0,
    checkInTrend,
    alignmentCoverage: alignmentCoverage(
      live.map((o) => ({
        level: o.level,
        hasParent: !!(o.parentObjectiveId ?? o.parentKeyResultId),
      })),
    ),
    scoreDistribution: {
      red: scored.filter((o) => scoreBand(o.score as number) === "red").length,
      yellow: scored.filter((o) => scoreBand(o.score as number) === "yellow").length,
      green: scored.filter((o) => scoreBand(o.score as number) === "green").length,
      unscored: live.length - scored.length,
    },
    riskyKeyResults: liveKrs
      .filter(isRisky)
      .sort((a, b) => (a.health === b.health ? a.progress - b.progress : a.health === "off_track" ? -1 : 1))
      .slice(0, 50)
      .map((kr) => ({
        id: kr.id,
        objectiveId: kr.objectiveId,
        title: kr.title,
        ownerUserId: kr.ownerUserId,
        progress: kr.progress,
        confidence: kr.confidence,
        health: kr.health,
      })),
    departments: departments
      .filter((d) => !departmentId || isWithinDepartment(graph, d.id, departmentId))
      .map((d) => {
        const owned = byDepartment.get(d.id) ?? [];
        return {
          departmentId: d.id,
          name: d.name,
          objectives: owned.length,
          progress: weightedMean(owned.map((o) => ({ weight: o.weight, progress: o.progress }))),
          healthCounts: healthCounts(
            owned.map((o) => presentObjectiveSummary(o, krViews.get(o.id) ?? [], scope).health),
          ),
        };
      }),
  };
}

/** Who answers for an objective: its owner, or the leader of its department (the company's: the root's). */
function answererOf(objective: ObjectiveRow, graph: OrgGraph): string | null {
  if (objective.ownerUserId) return objective.ownerUserId;
  return objective.ownerDepartmentId
    ? (graph.departments.get(objective.ownerDepartmentId)?.leaderId ?? null)
    : null;
}

/**
 * What the rollout dashboard knows of each person in the cycle (core's RolloutPerson): whether they have
 * published OKRs at any level — a personal objective, the objective of the department (or company) they
 * lead, or a KR of a published objective — and what of this week's check-ins, the scores and the 复盘 they
 * still owe.
 */
function rolloutPeople(
  live: readonly ObjectiveRow[],
  keyResultsOf: ReadonlyMap<string, readonly KeyResultRow[]>,
  graph: OrgGraph,
  phase: CycleRow["phase"],
  checkedIn: ReadonlySet<string>,
): Map<string, RolloutPerson> {
  const people = new Map<string, RolloutPerson>();
  const person = (userId: string) => {
    let found = people.get(userId);
    if (!found) {
      found = { hasOkrs: true, checkInsMissing: 0, unscoredKeyResults: 0, unreviewedObjectives: 0 };
      people.set(userId, found);
    }
    return found;
  };
  for (const objective of live) {
    const answerer = answererOf(objective, graph);
    if (answerer) {
      const p = person(answerer);
      if (objective.review === null) p.unreviewedObjectives += 1;
    }
    for (const kr of keyResultsOf.get(objective.id) ?? []) {
      if (!kr.ownerUserId) continue;
      const p = person(kr.ownerUserId);
      if (kr.selfScore === null) p.unscoredKeyResults += 1;
      const open = checkInOpen(phase, objective.status) && kr.type !== "rollup";
      if (open && !checkedIn.has(kr.id)) p.checkInsMissing += 1;
    }
  }
  return people;
}

const NO_OKRS: RolloutPerson = {
  hasOkrs: false,
  checkInsMissing: 0,
  unscoredKeyResults: 0,
  unreviewedObjectives: 0,
};

/**
 * The rollout dashboard (落地看板): per department below the company, how far the practice has landed —
 * who has published OKRs (at any level of ownership), alignment, weekly check-ins, scoring and 复盘 — and
 * who is missing at the step the cycle's phase is at (core's rolloutStage), with the weekly check-in trend
 * of those departments. Leadership sees it: admins for the whole organization, department leaders for
 * their departments and those below.
 */
export async function cycleRollout(caller: Caller, cycleId: string, departmentId?: string) {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const cycle = await loadCycle(caller, cycleId);
  const graph = await graphOf(caller);
  const led = [...graph.departments.values()].filter((d) => d.leaderId === auth.user.id).map((d) => d.id);
  const inScope = (deptId: string) =>
    deptId !== graph.rootDepartmentId &&
    (isAdmin(auth.actor) || led.some((l) => isWithinDepartment(graph, deptId, l))) &&
    (!departmentId || isWithinDepartment(graph, deptId, departmentId));
  if (!isAdmin(auth.actor) && led.length === 0) throw new AppError("permission.denied");
  if (departmentId && !graph.departments.has(departmentId)) throw new AppError("department.not_found");
  const since = thisCheckInWeekStart(caller);
  const [departments, members, objectives, krs, checkedIn] = await Promise.all([
    listDepartments(ctx.db, orgId),
    listMembers(ctx.db, orgId),
    listObjectives(ctx.db, orgId, { cycleId }),
    listKeyResultsOfCycles(ctx.db, orgId, [cycleId]),
    keyResultsCheckedInSince(ctx.db, orgId, [cycleId], since),
  ]);
  const stage = rolloutStage(cycle.phase);
  const live = objectives.filter((o) => isCommitted(o.status));
  const krsByObjective = groupBy(krs, (kr: KeyResultRow) => kr.objectiveId);
  const liveByDepartment = groupBy(live, (o) => departmentOf(o, graph));
  const people = rolloutPeople(live, krsByObjective, graph, cycle.phase, checkedIn);
  const share = (part: number, whole: number) => (whole ? part / whole : 0);
  const shown = departments.filter((d) => inScope(d.id));
  const rows = shown.map((d) => {
    const staff = members.filter((m) => m.departmentId === d.id && m.status === "active");
    const owned = (liveByDepartment.get(d.id) ?? []).filter((o) => o.level !== "company");
    const ownedKrs = owned.flatMap((o) => krsByObjective.get(o.id) ?? []);
    const missing = staff.flatMap((m) => {
      const reason = rolloutMissing(stage, people.get(m.userId) ?? NO_OKRS);
      return reason ? [{ userId: m.userId, name: m.name, reason }] : [];
    });
    return {
      row: {
        departmentId: d.id,
        name: d.name,
        parentId: d.parentId,
        leaderId: d.leaderId,
        members: staff.length,
        membersWithPublishedOkrs: staff.filter((m) => people.get(m.userId)?.hasOkrs).length,
        objectives: owned.length,
        alignmentCoverage: alignmentCoverage(
          owned.map((o) => ({
            level: o.level,
            hasParent: !!(o.parentObjectiveId ?? o.parentKeyResultId),
          })),
        ),
        checkInRate: share(ownedKrs.filter((kr) => checkedIn.has(kr.id)).length, ownedKrs.length),
        scoredShare: share(owned.filter((o) => o.score !== null).length, owned.length),
        reviewedShare: share(owned.filter((o) => o.review !== null).length, owned.length),
        missing,
      },
      keyResultIds: ownedKrs.map((kr) => kr.id),
    };
  });
  return {
    cycleId,
    stage,
    checkInTrend: await checkInTrendOf(
      caller,
      cycle,
      rows.flatMap((r) => r.keyResultIds),
    ),
    departments: rows.map((r) => r.row),
  };
}
