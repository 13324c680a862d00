import {
  AppError,
  approverOf,
  canViewObjective,
  checkInOpen,
  checkInWeek,
  elapsedFraction,
  isCommitted,
  keyResultHealthIn,
  managerChain,
  type OrgGraph,
  objectiveHealthIn,
  type TeamAnswer,
} from "@luodi/core";
import {
  findCycle,
  type KeyResultRow,
  listAdjustments,
  listKeyResultsOfCycles,
  listMembers,
  listObjectives,
  listRecentCheckIns,
  type ObjectiveRow,
  type RecentCheckIn,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { groupBy } from "../services/group-by.ts";

type TeamMemberAnswer = TeamAnswer["people"][number];

/** How many of a KR's latest confidences the team view draws as its trend. */
const TREND_LENGTH = 5;

/** The people who report to `userId`: directly, or with `indirect` anywhere below them. */
function reportsOf(graph: OrgGraph, userId: string, indirect: boolean) {
  return [...graph.members.values()].filter(
    (m) =>
      m.status === "active" &&
      m.userId !== userId &&
      (m.managerId === userId || (indirect && managerChain(graph, m.userId).includes(userId))),
  );
}

/** Who answers for the objective: its owner, or its department's leader (company: the root's). */
function answererOf(objective: ObjectiveRow, graph: OrgGraph): string | null {
  if (objective.ownerUserId) return objective.ownerUserId;
  const department = objective.ownerDepartmentId ? graph.departments.get(objective.ownerDepartmentId) : null;
  return department?.leaderId ?? null;
}

/**
 * My team (我的团队): for each person who reports to the caller, what they answer for in the cycle — their
 * objectives (and the KRs they own on others'), with progress, health, the confidence trend and the
 * latest note of each KR — their last check-in, the check-ins missing this check-in week, what waits for
 * the caller's decision, and how far scoring has come. Visibility applies: an objective the caller may
 * not see is left out (a manager sees their reports' private ones through the manager chain).
 */
export async function readTeam(
  caller: Caller,
  query: { cycleId: string; indirect: boolean },
): Promise<TeamAnswer> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const me = auth.user.id;
  const cycle = await findCycle(ctx.db, orgId, query.cycleId);
  if (!cycle) throw new AppError("cycle.not_found");
  const now = ctx.config.now();
  const weekStartMs = checkInWeek(auth.settings, auth.org.timezone, now).startMs;
  const weekStart = new Date(weekStartMs).toISOString();
  const graph = await graphOf(caller);
  const reports = reportsOf(graph, me, query.indirect);
  if (reports.length === 0) return { cycleId: cycle.id, weekStart, people: [] };

  const [members, objectives, keyResults] = await Promise.all([
    listMembers(ctx.db, orgId),
    listObjectives(ctx.db, orgId, { cycleId: cycle.id }),
    listKeyResultsOfCycles(ctx.db, orgId, [cycle.id]),
  ]);
  const memberOf = new Map(members.map((m) => [m.userId, m]));
  const team = new Set(reports.map((m) => m.userId));
  const inTeam = (userId: string | null): userId is string => userId !== null && team.has(userId);
  const visible = objectives.filter((o) => canViewObjective(auth.actor, policyObjectiveOf(o), graph));
  const visibleById = new Map(visible.map((o) => [o.id, o]));
  // What each person answers for, and the KRs they own on objectives someone else answers for.
  const answeredBy = groupBy(
    visible.filter((o) => inTeam(answererOf(o, graph))),
    (o) => answererOf(o, graph) as string,
  );
  const keyResultsOf = groupBy(keyResults, (kr: KeyResultRow) => kr.objectiveId);
  const ownedElsewhere = groupBy(
    keyResults.filter((kr) => {
      const objective = visibleById.get(kr.objectiveId);
      return inTeam(kr.ownerUserId) && !!objective && answererOf(objective, graph) !== kr.ownerUserId;
    }),
    (kr) => kr.ownerUserId as string,
  );
  const teamKeyResults = [
    ...[...answeredBy.values()].flat().flatMap((o) => keyResultsOf.get(o.id) ?? []),
    ...[...ownedElsewhere.values()].flat(),
  ];
  const ids = teamKeyResults.map((kr) => kr.id);
  const [recent, noted, adjustments] = await Promise.all([
    listRecentCheckIns(ctx.db, orgId, ids, { perKeyResult: TREND_LENGTH }),
    listRecentCheckIns(ctx.db, orgId, ids, { perKeyResult: 1, withNote: true }),
    listAdjustments(
      ctx.db,
      orgId,
      [...answeredBy.values()].flat().map((o) => o.id),
      { pendingOnly: true },
    ),
  ]);
  const recentOf = groupBy(recent, (c: RecentCheckIn) => c.keyResultId);
  const noteOf = new Map(noted.map((c) => [c.keyResultId, c.note]));
  const pendingAdjustmentsOf = groupBy(adjustments, (a) => a.objectiveId);
  const elapsed = elapsedFraction(
    { startDate: cycle.startDate, endDate: cycle.endDate },
    now,
    auth.org.timezone,
  );

  const presentKr = (kr: KeyResultRow, objective: ObjectiveRow) => {
    const open = checkInOpen(cycle.phase, objective.status) && kr.type !== "rollup" && !!kr.ownerUserId;
    return {
      id: kr.id,
      title: kr.title,
      ownerUserId: kr.ownerUserId,
      progress: kr.progress,
      health: keyResultHealthIn(objective.status, {
        progress: kr.progress,
        confidence: kr.confidence,
        elapsed,
      }),
      confidence: kr.confidence,
      confidenceTrend: (recentOf.get(kr.id) ?? []).map((c) => c.confidence).reverse(),
      lastCheckInAt: kr.lastCheckInAt,
      latestNote: noteOf.get(kr.id) ?? null,
      missingCheckIn: open && (kr.lastCheckInAt === null || Date.parse(kr.lastCheckInAt) < weekStartMs),
      selfScore: kr.selfScore,
      managerScore: kr.managerScore,
    };
  };

  const people = reports.map((report): TeamMemberAnswer => {
    const userId = report.userId;
    const member = memberOf.get(userId);
    const presentObjective = (objective: ObjectiveRow, shown: readonly KeyResultRow[]) => {
      const all = keyResultsOf.get(objective.id) ?? [];
      const krs = shown.map((kr) => presentKr(kr, objective));
      return {
        objective,
        answer: {
          id: objective.id,
          title: objective.title,
          level: objective.level,
          status: objective.status,
          progress: objective.progress,
          health: objectiveHealthIn(
            objective.status,
            all.map((kr) => presentKr(kr, objective).health),
          ),
          score: objective.score,
          awaitingMyScore:
            cycle.phase === "scoring" &&
            isCommitted(objective.status) &&
            all.some((kr) => kr.selfScore !== null && kr.managerScore === null) &&
            approverOf(policyObjectiveOf(objective), graph) === me,
          keyResults: krs,
        },
      };
    };
    const elsewhere = groupBy(ownedElsewhere.get(userId) ?? [], (kr) => kr.objectiveId);
    const theirs = [
      ...(answeredBy.get(userId) ?? []).map((o) => presentObjective(o, keyResultsOf.get(o.id) ?? [])),
      ...[...elsewhere].map(([objectiveId, krs]) =>
        presentObjective(visibleById.get(objectiveId) as ObjectiveRow, krs),
      ),
    ];
    const ownKrs = theirs.flatMap((t) => t.answer.keyResults.filter((kr) => kr.ownerUserId === userId));
    const committedKrs = theirs
      .filter((t) => isCommitted(t.objective.status))
      .flatMap((t) => t.answer.keyResults);
    const decidedByMe = (answeredBy.get(userId) ?? []).filter(
      (o) => approverOf(policyObjectiveOf(o), graph) === me,
    );
    const lastCheckIns = ownKrs.map((kr) => kr.lastCheckInAt).filter((at): at is string => at !== null);
    return {
      userId,
      name: member?.name ?? "",
      title: member?.title ?? null,
      departmentId: report.departmentId,
      managerId: report.managerId,
      direct: report.managerId === me,
      // ISO times in one zone sort as text: the last is the latest.
      lastCheckInAt: lastCheckIns.sort().at(-1) ?? null,
      missingCheckIns: ownKrs.filter((kr) => kr.missingCheckIn).length,
      pendingApprovals: decidedByMe.filter((o) => o.status === "submitted").length,
      pendingAdjustments: decidedByMe.reduce(
        (sum, o) => sum + (pendingAdjustmentsOf.get(o.id)?.length ?? 0),
        0,
      ),
      scoring: {
        keyResults: committedKrs.length,
        selfScored: committedKrs.filter((kr) => kr.selfScore !== null).length,
        managerScored: committedKrs.filter((kr) => kr.managerScore !== null).length,
      },
      objectives: theirs.map((t) => t.answer),
    };
  });
  people.sort((a, b) => Number(b.direct) - Number(a.direct) || a.name.localeCompare(b.name));
  return { cycleId: cycle.id, weekStart, people };
}
