import type { Objective, ObjectiveListQuery, Proposal, Race, RaceQuery } from "@luodi/client";

/** What a proposal serves, as the board and the race view name it. */
type Parent = Proposal["parent"];

/** The race a parent stands for: the proposals serving its KR, or (with no KR) its objective. */
export function raceQueryOf(parent: Parent): RaceQuery {
  return parent.keyResult
    ? { parentKeyResultId: parent.keyResult.id }
    : { parentObjectiveId: parent.objective.id };
}

/** The address of the race view of a parent. */
export function racePath(parent: Parent): string {
  const query = raceQueryOf(parent);
  return query.parentKeyResultId
    ? `/races?parentKeyResultId=${encodeURIComponent(query.parentKeyResultId)}`
    : `/races?parentObjectiveId=${encodeURIComponent(query.parentObjectiveId ?? "")}`;
}

/** The race query of the race view's address, or null when it names no parent. */
export function raceQueryFromSearch(params: URLSearchParams): RaceQuery | null {
  const keyResultId = params.get("parentKeyResultId");
  if (keyResultId) return { parentKeyResultId: keyResultId };
  const objectiveId = params.get("parentObjectiveId");
  return objectiveId ? { parentObjectiveId: objectiveId } : null;
}

export type ParentGroup = { key: string; parent: Parent; proposals: Proposal[] };

/**
 * The board's proposals by what they serve (the same KR, or the same objective when no KR), in the order
 * the board lists them: a group stands where its first proposal stood, so "most backed" still leads.
 */
export function groupByParent(proposals: readonly Proposal[]): ParentGroup[] {
  const groups = new Map<string, ParentGroup>();
  for (const proposal of proposals) {
    const { parent } = proposal;
    const key = parent.keyResult ? `k:${parent.keyResult.id}` : `o:${parent.objective.id}`;
    const group = groups.get(key);
    if (group) group.proposals.push(proposal);
    else groups.set(key, { key, parent, proposals: [proposal] });
  }
  return [...groups.values()];
}

/** A parent the board can narrow to: `k:<KR id>` or `o:<objective id>`, as the parent picker names them. */
export function parentFilterQuery(value: string | undefined): {
  parentKeyResultId?: string;
  parentObjectiveId?: string;
} {
  if (!value) return {};
  const id = value.slice(2);
  return value.startsWith("k:") ? { parentKeyResultId: id } : { parentObjectiveId: id };
}

/** The objective a parent value (`o:<objective id>` or `k:<KR id>`) names, among those already found. */
export function objectiveOfParent(
  value: string | null | undefined,
  known: ReadonlyMap<string, Objective>,
): Objective | undefined {
  if (!value) return undefined;
  const id = value.slice(2);
  if (value.startsWith("o:")) return known.get(id);
  for (const objective of known.values())
    if (objective.keyResults.some((kr) => kr.id === id)) return objective;
  return undefined;
}

/** What a parent picker asks the server for: the cycle's company and department objectives. */
export function parentSearches(cycleId: string | undefined): ObjectiveListQuery[] {
  return [
    { cycleId, level: "company" },
    { cycleId, level: "department" },
  ];
}

/** The objectives (and their KRs) proposals may serve: the company's and the departments', in the cycle. */
export function proposalParents(objectives: readonly Objective[]): Objective[] {
  return objectives.filter((o) => o.level !== "personal" && o.status !== "draft");
}

/** A line of the race chart: one proposal's progress over time, as [epoch ms, progress] points. */
export type RaceLine = { name: string; points: Array<[number, number]> };

/**
 * The race chart's lines, in leaderboard order: each proposal's progress day by day. Within the cycle's
 * span (when known) a line starts at 0 on its first day (a horse runs from 0 once accepted) and holds its
 * last value until today, so a single check-in still draws a line to compare. A horse with no check-in
 * draws nothing but keeps its place in the legend.
 */
export function raceLines(race: Race, span: { start: number; end: number } | null, now: number): RaceLine[] {
  return race.entries.map((entry) => {
    const points: Array<[number, number]> = entry.series.map((point) => [
      Date.parse(`${point.date}T00:00:00Z`),
      point.progress,
    ]);
    const first = points[0];
    const last = points[points.length - 1];
    if (span && first && last) {
      if (first[0] > span.start) points.unshift([span.start, 0]);
      const until = Math.min(Math.max(now, last[0]), span.end);
      if (until > last[0]) points.push([until, last[1]]);
    }
    return { name: entry.proposal.title, points };
  });
}
