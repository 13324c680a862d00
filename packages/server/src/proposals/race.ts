import {
  AppError,
  canViewObjective,
  owningDepartment,
  type RaceAnswer,
  raceCheckInRate,
  raceSeries,
  rankRace,
} from "@luodi/core";
import {
  findKeyResult,
  findObjective,
  findObjectives,
  listDepartments,
  listKeyResultsOfObjectives,
  listProposalPeople,
  listProposals,
  listRaceCheckIns,
  type ObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { groupBy } from "../services/group-by.ts";
import { visibleProposals } from "./proposal-reads.ts";

/**
 * The race for one parent KR (or objective): the proposals still running for it — open ones waiting for a
 * decision and accepted ones whose objective runs — with each one's progress over time, check-in rate,
 * confidence and backing, in leaderboard order.
 */
export async function raceFor(
  caller: Caller,
  query: { parentKeyResultId?: string | undefined; parentObjectiveId?: string | undefined },
): Promise<RaceAnswer> {
  const { db } = caller.ctx;
  const { auth } = caller;
  const orgId = auth.org.id;
  if ((query.parentKeyResultId === undefined) === (query.parentObjectiveId === undefined))
    throw new AppError("proposal.one_parent", {}, [{ path: "query.parentKeyResultId" }]);
  const graph = await graphOf(caller);
  const visible = (row: ObjectiveRow | undefined): row is ObjectiveRow =>
    row !== undefined && canViewObjective(auth.actor, policyObjectiveOf(row), graph);
  const parentKeyResult = query.parentKeyResultId
    ? await findKeyResult(db, orgId, query.parentKeyResultId)
    : undefined;
  const parent = await findObjective(
    db,
    orgId,
    parentKeyResult?.objectiveId ?? query.parentObjectiveId ?? "",
  );
  if (!visible(parent)) {
    throw query.parentKeyResultId
      ? new AppError("key_result.not_found", {}, [{ path: "query.parentKeyResultId" }])
      : new AppError("objective.not_found", {}, [{ path: "query.parentObjectiveId" }]);
  }

  const rows = await listProposals(db, orgId, {
    statuses: ["open", "accepted"],
    ...(parentKeyResult ? { parentKeyResultId: parentKeyResult.id } : { parentObjectiveId: parent.id }),
  });
  const entries = (await visibleProposals(caller, db, rows)).map((e) => e.row);
  const objectiveIds = entries.flatMap((row) => (row.objectiveId ? [row.objectiveId] : []));
  const [objectives, keyResults, checkIns, teams, departments] = await Promise.all([
    findObjectives(db, orgId, objectiveIds).then((found) => new Map(found.map((o) => [o.id, o]))),
    listKeyResultsOfObjectives(db, orgId, objectiveIds).then((krs) => groupBy(krs, (kr) => kr.objectiveId)),
    listRaceCheckIns(db, orgId, objectiveIds).then((rows) => groupBy(rows, (c) => c.objectiveId)),
    listProposalPeople(
      db,
      orgId,
      "member",
      entries.map((e) => e.id),
    ).then((people) => groupBy(people, (p) => p.proposalId)),
    listDepartments(db, orgId),
  ]);
  const now = caller.ctx.config.now();
  const computed = entries.map((row) => {
    const objective = row.objectiveId ? objectives.get(row.objectiveId) : undefined;
    const krs = objective ? (keyResults.get(objective.id) ?? []) : [];
    const objectiveCheckIns = objective ? (checkIns.get(objective.id) ?? []) : [];
    const confidences = krs.flatMap((kr) => (kr.confidence === null ? [] : [kr.confidence]));
    const startedAt = row.decidedAt ?? row.createdAt;
    return {
      proposal: {
        id: row.id,
        title: row.title,
        status: row.status,
        proposer: { id: row.proposerId, name: row.proposerName },
      },
      objectiveId: objective?.id ?? null,
      progress: objective?.progress ?? 0,
      confidence: confidences.length > 0 ? Math.min(...confidences) : null,
      checkInRate: objective
        ? raceCheckInRate(
            krs.map((kr) => kr.id),
            objectiveCheckIns,
            startedAt,
            now,
            auth.settings,
            auth.org.timezone,
          )
        : null,
      backerCount: row.backerCount,
      teamSize: 1 + (teams.get(row.id)?.length ?? 0),
      series: objective
        ? raceSeries(
            krs.map((kr) => ({ id: kr.id, weight: kr.weight })),
            objectiveCheckIns,
            startedAt,
            auth.org.timezone,
          )
        : [],
      running: objective !== undefined,
    };
  });
  const order = rankRace(computed);
  const departmentId = owningDepartment(policyObjectiveOf(parent), graph);
  const department = departments.find((d) => d.id === departmentId);
  return {
    parent: {
      objective: { id: parent.id, title: parent.title, level: parent.level },
      keyResult: parentKeyResult ? { id: parentKeyResult.id, title: parentKeyResult.title } : null,
      department: department ? { id: department.id, name: department.name } : null,
    },
    entries: order.flatMap((index, rank) => {
      const entry = computed[index];
      if (!entry) return [];
      const { running: _running, ...answer } = entry;
      return [{ ...answer, rank: rank + 1 }];
    }),
  };
}
