import {
  AppError,
  averageScore,
  checkInRegularity,
  cycleBounds,
  type OrgGraph,
  type RecordAnswer,
  readScore,
} from "@luodi/core";
import {
  type CycleRow,
  type Executor,
  findKeyResults,
  findObjectives,
  listCheckInsByAuthors,
  listCycles,
  listPraiseReceived,
  listProposals,
  listRecordObjectives,
  listUserNames,
  type ObjectiveRow,
  type RecordObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { groupBy } from "../services/group-by.ts";

/** The instant a cycle's first day begins and the last instant of its last day, on the organization's clocks. */
export function cycleSpan(
  cycle: Pick<CycleRow, "startDate" | "endDate">,
  timeZone: string,
): { from: Date; to: Date } {
  const { startMs, endMs } = cycleBounds(cycle, timeZone);
  return { from: new Date(startMs), to: new Date(endMs - 1) };
}

/** The departments each person leads, from the organization's structure. */
export function ledDepartments(graph: OrgGraph, userId: string): string[] {
  return [...graph.departments.values()].filter((d) => d.leaderId === userId).map((d) => d.id);
}

/**
 * Which of these objectives lead up to the company's OKRs: a company objective is one (it is where alignment
 * leads, as alignment coverage counts only the others); any other through its parent objective or parent KR,
 * level by level, with one query per level of the chains.
 */
async function alignedToCompany(
  db: Executor,
  orgId: string,
  objectives: readonly ObjectiveRow[],
): Promise<Set<string>> {
  const known = new Map<string, ObjectiveRow>(objectives.map((o) => [o.id, o]));
  const parentOf = new Map<string, string | null>();
  let frontier = [...objectives];
  for (let depth = 0; frontier.length > 0 && depth < 20; depth++) {
    const viaKr = frontier.flatMap((o) => (o.parentKeyResultId ? [o.parentKeyResultId] : []));
    const krs = new Map(
      (await findKeyResults(db, orgId, [...new Set(viaKr)])).map((kr) => [kr.id, kr.objectiveId]),
    );
    for (const o of frontier) {
      parentOf.set(o.id, o.parentKeyResultId ? (krs.get(o.parentKeyResultId) ?? null) : o.parentObjectiveId);
    }
    const missing = [
      ...new Set(frontier.map((o) => parentOf.get(o.id)).filter((id): id is string => !!id)),
    ].filter((id) => !known.has(id));
    const found = await findObjectives(db, orgId, missing);
    for (const row of found) known.set(row.id, row);
    frontier = found;
  }
  const reaches = (id: string): boolean => {
    const seen = new Set<string>();
    for (
      let current: string | null | undefined = parentOf.get(id);
      current;
      current = parentOf.get(current)
    ) {
      if (seen.has(current)) return false;
      seen.add(current);
      if (known.get(current)?.level === "company") return true;
    }
    return false;
  };
  return new Set(objectives.filter((o) => o.level === "company" || reaches(o.id)).map((o) => o.id));
}

/**
 * A person's OKR record, cycle after cycle (oldest first): what they aimed at and reached, how regularly
 * they checked in, how their work aligned, what they proposed and led under 赛马, praise, 复盘. Only the
 * person, their manager chain and admins read it (the route checks); a cycle appears once something of
 * theirs is in it.
 */
export async function buildRecord(
  caller: Caller,
  graph: OrgGraph,
  userId: string,
  range: { fromCycleId?: string | undefined; toCycleId?: string | undefined },
): Promise<RecordAnswer> {
  const { db } = caller.ctx;
  const { auth } = caller;
  const orgId = auth.org.id;
  const cycles = (await listCycles(db, orgId)).sort((a, b) =>
    a.startDate === b.startDate ? a.endDate.localeCompare(b.endDate) : a.startDate.localeCompare(b.startDate),
  );
  const bound = (cycleId: string | undefined, path: string) => {
    if (cycleId === undefined) return undefined;
    const cycle = cycles.find((c) => c.id === cycleId);
    if (!cycle) throw new AppError("cycle.not_found", {}, [{ path }]);
    return cycle;
  };
  const from = bound(range.fromCycleId, "query.fromCycleId");
  const to = bound(range.toCycleId, "query.toCycleId");
  const inRange = cycles.filter(
    (c) => (!from || c.startDate >= from.startDate) && (!to || c.startDate <= to.startDate),
  );
  const cycleIds = inRange.map((c) => c.id);
  const [objectives, checkIns, praise, names, involvement] = await Promise.all([
    listRecordObjectives(db, orgId, [{ userId, ledDepartmentIds: ledDepartments(graph, userId) }], cycleIds),
    listCheckInsByAuthors(db, orgId, [userId], cycleIds),
    listPraiseReceived(db, orgId, [userId]),
    listUserNames(db, [userId]),
    Promise.all(
      (["made", "backed", "joined", "spun_off"] as const).map((kind) =>
        listProposals(db, orgId, { person: { userId, involvement: kind } }).then((rows) => ({ kind, rows })),
      ),
    ),
  ]);
  const aligned = await alignedToCompany(db, orgId, objectives);
  const byCycle = groupBy(objectives, (o) => o.cycleId);
  const checkInsByCycle = groupBy(checkIns, (c) => c.cycleId);
  const now = caller.ctx.config.now();
  const proposalsIn = (kind: "made" | "backed" | "joined" | "spun_off", cycleId: string) =>
    involvement.find((i) => i.kind === kind)?.rows.filter((p) => p.cycleId === cycleId) ?? [];

  const answer: RecordAnswer["cycles"] = [];
  for (const cycle of inRange) {
    const own: RecordObjectiveRow[] = byCycle.get(cycle.id) ?? [];
    const made = proposalsIn("made", cycle.id);
    const proposals = {
      made: made.length,
      backed: proposalsIn("backed", cycle.id).length,
      joined: proposalsIn("joined", cycle.id).length,
      accepted: made.filter((p) => p.status === "accepted").length,
      spunOff: proposalsIn("spun_off", cycle.id).length,
    };
    if (own.length === 0 && proposals.made + proposals.backed + proposals.joined === 0) continue;
    const span = cycleSpan(cycle, auth.org.timezone);
    const until = now.getTime() < span.to.getTime() ? now : span.to;
    answer.push({
      cycle: {
        id: cycle.id,
        name: cycle.name,
        kind: cycle.kind,
        startDate: cycle.startDate,
        endDate: cycle.endDate,
        phase: cycle.phase,
      },
      objectives: own.map((o) => ({
        id: o.id,
        title: o.title,
        kind: o.kind,
        level: o.level,
        progress: o.progress,
        score: o.score,
        reading: o.score === null ? null : readScore(o.kind, o.score),
      })),
      averageScore: averageScore(own),
      checkInRegularity:
        own.length === 0
          ? null
          : checkInRegularity(
              (checkInsByCycle.get(cycle.id) ?? []).map((c) => c.createdAt),
              span.from,
              until,
              auth.settings,
              auth.org.timezone,
            ),
      alignedShare: own.length === 0 ? null : own.filter((o) => aligned.has(o.id)).length / own.length,
      proposals,
      praiseReceived: praise.filter((p) => {
        const at = Date.parse(p.createdAt);
        return at >= span.from.getTime() && at <= span.to.getTime();
      }).length,
      reviewsWritten: own.filter((o) => o.review !== null).length,
    });
  }
  return { person: { id: userId, name: names.get(userId) ?? "" }, cycles: answer };
}
