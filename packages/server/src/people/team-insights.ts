import {
  AppError,
  averageScore,
  canViewInsights,
  checkInRegularity,
  type InsightsAnswer,
  isWithinDepartment,
  type ObjectiveKind,
  SCORE_BUCKETS,
  talentFlags,
} from "@luodi/core";
import {
  findCycle,
  listCheckInsByAuthors,
  listCycles,
  listDepartments,
  listRecordObjectives,
  listUserNames,
  type RecordObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { groupBy } from "../services/group-by.ts";
import { cycleSpan, ledDepartments } from "./okr-record.ts";

type Bucket = (typeof SCORE_BUCKETS)[number];

function bucketOf(score: number): Bucket {
  if (score < 0.3) return "below_0_3";
  if (score < 0.6) return "0_3_to_0_6";
  if (score <= 0.7) return "0_6_to_0_7";
  if (score < 0.95) return "0_7_to_0_95";
  return "0_95_and_above";
}

const emptyBuckets = (): Record<Bucket, number> =>
  Object.fromEntries(SCORE_BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;

/**
 * Team insights for a department's subtree in a cycle: per active person, their average score, results by
 * kind, check-in regularity and the flags their record raises (with the cycles they rest on); and the
 * distribution of the subtree's scores by kind. Leaders of the department and above, and admins, only;
 * to anyone else the department's insights do not exist (404).
 */
export async function teamInsights(
  caller: Caller,
  departmentId: string,
  cycleId: string,
): Promise<InsightsAnswer> {
  const { db } = caller.ctx;
  const { auth } = caller;
  const orgId = auth.org.id;
  const graph = await graphOf(caller);
  if (!graph.departments.has(departmentId) || !canViewInsights(auth.actor, departmentId, graph))
    throw new AppError("department.not_found");
  const cycle = await findCycle(db, orgId, cycleId);
  if (!cycle) throw new AppError("cycle.not_found", {}, [{ path: "query.cycleId" }]);

  // The streaks read this cycle and the earlier ones of the same kind (quarters with quarters).
  const history = (await listCycles(db, orgId))
    .filter((c) => c.kind === cycle.kind && c.endDate <= cycle.endDate)
    .sort((a, b) => a.endDate.localeCompare(b.endDate));
  const people = [...graph.members.values()].filter(
    (m) =>
      m.status === "active" &&
      m.departmentId !== null &&
      isWithinDepartment(graph, m.departmentId, departmentId),
  );
  const userIds = people.map((p) => p.userId);
  const [objectives, checkIns, names, departments] = await Promise.all([
    listRecordObjectives(
      db,
      orgId,
      people.map((p) => ({ userId: p.userId, ledDepartmentIds: ledDepartments(graph, p.userId) })),
      history.map((c) => c.id),
    ),
    listCheckInsByAuthors(db, orgId, userIds),
    listUserNames(db, userIds),
    listDepartments(db, orgId).then((rows) => new Map(rows.map((d) => [d.id, d]))),
  ]);
  const objectivesOf = groupBy(objectives, (o) => o.holderId);
  const checkInsOf = groupBy(checkIns, (c) => c.authorId);
  const now = caller.ctx.config.now();
  const span = cycleSpan(cycle, auth.org.timezone);
  const until = now.getTime() < span.to.getTime() ? now : span.to;
  const distribution = { committed: emptyBuckets(), aspirational: emptyBuckets() };
  const underWay = new Set(["aligning", "in_progress"]);
  const phaseOf = new Map(history.map((c) => [c.id, c.phase]));

  const rows = people.map((member) => {
    const all: RecordObjectiveRow[] = objectivesOf.get(member.userId) ?? [];
    const current = all.filter((o) => o.cycleId === cycle.id);
    const byKind = (kind: ObjectiveKind) => {
      const mine = current.filter((o) => o.kind === kind);
      return { count: mine.length, averageScore: averageScore(mine) };
    };
    for (const o of current) if (o.score !== null) distribution[o.kind][bucketOf(o.score)] += 1;
    const theirCheckIns = checkInsOf.get(member.userId) ?? [];
    const scoredCycles = history.map((c) => ({
      cycleId: c.id,
      scores: all
        .filter((o) => o.cycleId === c.id && o.score !== null)
        .map((o) => ({ kind: o.kind, score: o.score ?? 0 })),
    }));
    const department = member.departmentId ? departments.get(member.departmentId) : undefined;
    return {
      person: { id: member.userId, name: names.get(member.userId) ?? "" },
      department: department ? { id: department.id, name: department.name } : null,
      averageScore: averageScore(current),
      committed: byKind("committed"),
      aspirational: byKind("aspirational"),
      checkInRegularity:
        current.length === 0
          ? null
          : checkInRegularity(
              theirCheckIns.filter((c) => c.cycleId === cycle.id).map((c) => c.createdAt),
              span.from,
              until,
              auth.settings,
              auth.org.timezone,
            ),
      flags: talentFlags({
        scoredCycles,
        hasKeyResultsUnderWay: all.some(
          (o) => o.status === "published" && underWay.has(phaseOf.get(o.cycleId) ?? ""),
        ),
        lastCheckInAt: theirCheckIns.at(-1)?.createdAt ?? null,
        activeSince: span.from.toISOString(),
        now,
      }),
    };
  });
  const root = departments.get(departmentId);
  return {
    department: { id: departmentId, name: root?.name ?? "" },
    cycle: {
      id: cycle.id,
      name: cycle.name,
      kind: cycle.kind,
      startDate: cycle.startDate,
      endDate: cycle.endDate,
      phase: cycle.phase,
    },
    distribution,
    people: rows.sort((a, b) => a.person.name.localeCompare(b.person.name)),
  };
}
