import type { Cycle, Department, KeyResult, Objective } from "@luodi/client";
import type { CheckInWeek } from "@luodi/core";

/** An objective the person answers for: theirs, or their department's when they lead it. */
export function ownsObjective(
  objective: Objective,
  userId: string,
  departments: readonly Department[],
): boolean {
  if (objective.ownerUserId) return objective.ownerUserId === userId;
  const department = departments.find((d) => d.id === objective.ownerDepartmentId);
  return department?.leaderId === userId;
}

/** Objectives on "my OKR" page: the ones I own and the ones where I own a KR. */
export function myObjectives(
  objectives: readonly Objective[],
  userId: string,
  departments: readonly Department[],
): Objective[] {
  return objectives.filter(
    (o) => ownsObjective(o, userId, departments) || o.keyResults.some((kr) => kr.ownerUserId === userId),
  );
}

export type OwnedKeyResult = { keyResult: KeyResult; objective: Objective };

/**
 * KRs I check in on: the ones I own that the server lets me check in on now; rollups take their value from
 * below.
 */
export function myKeyResults(objectives: readonly Objective[], userId: string): OwnedKeyResult[] {
  return objectives.flatMap((objective) =>
    objective.keyResults
      .filter((kr) => kr.ownerUserId === userId && kr.abilities.checkIn && kr.type !== "rollup")
      .map((keyResult) => ({ keyResult, objective })),
  );
}

/** To-dos on the home page, most urgent first. */
export type Todo =
  | { kind: "approve"; objective: Objective }
  | { kind: "checkIn"; keyResult: KeyResult; objective: Objective }
  | { kind: "publish"; objective: Objective }
  | { kind: "align"; objective: Objective }
  | { kind: "score"; objective: Objective }
  | { kind: "managerScore"; objective: { id: string; title: string } }
  | { kind: "review"; objective: Objective };

export type TodoInput = {
  cycle: Cycle;
  /** Objectives of the cycle I own (see {@link ownsObjective}). */
  owned: readonly Objective[];
  /** KRs I check in on. */
  keyResults: readonly OwnedKeyResult[];
  /** Objectives whose approval waits for me (see {@link approvalsWaitingFor}). */
  approvals: readonly Objective[];
  /** The organization's check-in week now (core's checkInWeek): from its last check-in time to the next. */
  week: CheckInWeek;
  /** My reports' objectives, self-scored, whose manager score is mine to give (`awaitingMyScore` of /me/team). */
  scoresToGive?: ReadonlyArray<{ id: string; title: string }>;
};

/**
 * The submitted objectives whose decision waits for me: those whose one approver I am, and — where the
 * answer names no one (company objectives, someone who reports to no one) — those I may approve as an
 * admin. Admins may step in on any other, but it is not their to-do: one objective, one person asked.
 */
export function approvalsWaitingFor(objectives: readonly Objective[], userId: string): Objective[] {
  return objectives.filter(
    (o) =>
      o.status === "submitted" &&
      o.abilities.approve &&
      (o.approver?.userId === userId || (o.approver !== null && o.approver.userId === null)),
  );
}

/**
 * What needs doing this week, from what the server says I may do (`abilities`), never from a copy of the
 * rules:
 * - approvals that wait for me;
 * - check-ins due: my KRs the server lets me check in on (published objectives while the cycle is aligning
 *   or in progress) with no check-in since this check-in week began (the organization's check-in weekday
 *   and hour, not a rolling 7 days);
 * - drafts to publish (or submit), and my objectives below company level that align to nothing;
 * - scores to give in the scoring phase — mine, and my reports' once they have scored themselves —, 复盘 to
 *   write in the reviewing phase.
 */
export function computeTodos(input: TodoInput): Todo[] {
  const { cycle, owned } = input;
  const todos: Todo[] = input.approvals.map((objective) => ({ kind: "approve" as const, objective }));
  const since = input.week.startMs;
  // The server offers a check-in only on published objectives while the cycle is aligning or in progress.
  for (const { keyResult, objective } of input.keyResults) {
    if (!keyResult.abilities.checkIn) continue;
    const latest = keyResult.lastCheckInAt;
    if (latest === null || Date.parse(latest) < since) todos.push({ kind: "checkIn", keyResult, objective });
  }
  // Plans are made, published and aligned before scoring; later, a leftover draft is not this week's work.
  const planning = cycle.phase === "planning" || cycle.phase === "aligning" || cycle.phase === "in_progress";
  for (const objective of planning ? owned : []) {
    if (objective.abilities.publish || objective.abilities.submit) todos.push({ kind: "publish", objective });
  }
  for (const objective of planning ? owned : []) {
    const aligned = objective.alignment.parentObjectiveId ?? objective.alignment.parentKeyResultId;
    if (
      objective.level !== "company" &&
      objective.status !== "closed" &&
      objective.abilities.update &&
      !aligned
    )
      todos.push({ kind: "align", objective });
  }
  const toScore = new Map<string, Objective>();
  for (const { keyResult, objective } of input.keyResults) {
    if (keyResult.abilities.score && keyResult.selfScore === null) toScore.set(objective.id, objective);
  }
  for (const objective of owned) {
    if (objective.keyResults.some((kr) => kr.abilities.score && kr.selfScore === null))
      toScore.set(objective.id, objective);
  }
  for (const objective of toScore.values()) {
    if (objective.status !== "draft") todos.push({ kind: "score", objective });
  }
  // The manager's score after the report's own: one to-do per objective, however many reports share it.
  const given = new Set<string>();
  for (const objective of input.scoresToGive ?? []) {
    if (given.has(objective.id)) continue;
    given.add(objective.id);
    todos.push({ kind: "managerScore", objective });
  }
  for (const objective of owned) {
    if (objective.abilities.review && !objective.review && objective.status !== "draft")
      todos.push({ kind: "review", objective });
  }
  return todos;
}
