import type { CheckIn, Cycle, Department, KeyResult, Member, Objective } from "@luodi/client";

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

/** KRs I check in on: the ones I own, on objectives that are not closed; rollups take their value from below. */
export function myKeyResults(objectives: readonly Objective[], userId: string): OwnedKeyResult[] {
  return objectives
    .filter((o) => o.status !== "closed")
    .flatMap((objective) =>
      objective.keyResults
        .filter((kr) => kr.ownerUserId === userId && kr.type !== "rollup")
        .map((keyResult) => ({ keyResult, objective })),
    );
}

function managerChain(userId: string | null, members: ReadonlyMap<string, Member>): string[] {
  const chain: string[] = [];
  let current = userId ? members.get(userId)?.managerId : null;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = members.get(current)?.managerId ?? null;
  }
  return chain;
}

function departmentAncestors(departmentId: string | null, departments: readonly Department[]): Department[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const result: Department[] = [];
  let current = departmentId ? byId.get(departmentId) : undefined;
  while (current && !result.includes(current)) {
    result.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return result;
}

/**
 * Whether the person may approve or send back an objective (the server decides; this only chooses what to
 * show): admins, the owner's manager chain, and the leaders of the departments above a department's OKR.
 */
export function mayApprove(
  objective: Objective,
  me: Pick<Member, "userId" | "role">,
  members: readonly Member[],
  departments: readonly Department[],
): boolean {
  if (me.role === "owner" || me.role === "admin") return true;
  const byUser = new Map(members.map((m) => [m.userId, m]));
  if (objective.ownerUserId) return managerChain(objective.ownerUserId, byUser).includes(me.userId);
  const [own, ...above] = departmentAncestors(objective.ownerDepartmentId, departments);
  return !!own && above.some((d) => d.leaderId === me.userId);
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
  userId: string;
  cycle: Cycle;
  /** Objectives of the cycle I own (see {@link ownsObjective}). */
  owned: readonly Objective[];
  /** KRs I check in on. */
  keyResults: readonly OwnedKeyResult[];
  /** Each of my KRs' check-ins (newest first), when loaded. */
  checkIns: ReadonlyMap<string, readonly CheckIn[]>;
  /** Submitted objectives that wait for me. */
  approvals: readonly Objective[];
  now: Date;
};

const WEEK_MS = 7 * 86_400_000;

/**
 * What needs doing this week:
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
      if (objective.status !== "published") continue;
      const checkIns = input.checkIns.get(keyResult.id);
      if (!checkIns) continue;
      const latest = checkIns[0];
      if (!latest || Date.parse(latest.createdAt) < since)
        todos.push({ kind: "checkIn", keyResult, objective });
    }
  }
  if (cycle.phase !== "closed" && cycle.phase !== "scoring" && cycle.phase !== "reviewing") {
    for (const objective of owned) {
      if (objective.status === "draft") todos.push({ kind: "publish", objective });
    }
    for (const objective of owned) {
      const aligned = objective.alignment.parentObjectiveId ?? objective.alignment.parentKeyResultId;
      if (objective.level !== "company" && objective.status !== "closed" && !aligned)
        todos.push({ kind: "align", objective });
    }
  }
  if (cycle.phase === "scoring") {
    const toScore = new Set(
      input.keyResults
        .filter(({ keyResult }) => keyResult.selfScore === null)
        .map(({ objective }) => objective.id),
    );
    for (const objective of owned) {
      if (objective.keyResults.some((kr) => kr.selfScore === null)) toScore.add(objective.id);
    }
    const all = new Map([...owned, ...input.keyResults.map((k) => k.objective)].map((o) => [o.id, o]));
    for (const id of toScore) {
      const objective = all.get(id);
      if (objective && objective.status !== "draft") todos.push({ kind: "score", objective });
    }
  }
  if (cycle.phase === "reviewing") {
    for (const objective of owned) {
      if (!objective.review && objective.status !== "draft") todos.push({ kind: "review", objective });
    }
  }
  return todos;
}
