import type { Cycle, Department, KeyResult, Objective } from "@luodi/client";

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
  | { kind: "review"; objective: Objective };

export type TodoInput = {
  cycle: Cycle;
  /** Objectives of the cycle I own (see {@link ownsObjective}). */
  owned: readonly Objective[];
  /** KRs I check in on. */
  keyResults: readonly OwnedKeyResult[];
  /** Objectives the server says I may approve or send back. */
  approvals: readonly Objective[];
  now: Date;
};

const WEEK_MS = 7 * 86_400_000;

/**
 * What needs doing this week, from what the server says I may do (`abilities`), never from a copy of the
 * rules:
 * - approvals that wait for me;
 * - check-ins due: my KRs on published objectives with no check-in in the last 7 days, while the cycle runs;
 * - drafts to publish (or submit), and my objectives below company level that align to nothing;
 * - scores to give in the scoring phase, 复盘 to write in the reviewing phase.
 */
export function computeTodos(input: TodoInput): Todo[] {
  const { cycle, owned } = input;
  const todos: Todo[] = input.approvals.map((objective) => ({ kind: "approve" as const, objective }));
  const since = input.now.getTime() - WEEK_MS;
  if (cycle.phase === "in_progress" || cycle.phase === "aligning") {
    for (const { keyResult, objective } of input.keyResults) {
      if (objective.status !== "published" || !keyResult.abilities.checkIn) continue;
      const latest = keyResult.lastCheckInAt;
      if (latest === null || Date.parse(latest) < since)
        todos.push({ kind: "checkIn", keyResult, objective });
    }
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
  for (const objective of owned) {
    if (objective.abilities.review && !objective.review && objective.status !== "draft")
      todos.push({ kind: "review", objective });
  }
  return todos;
}
