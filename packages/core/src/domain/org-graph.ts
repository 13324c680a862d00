import type { OrgGraph } from "./types.ts";

// Every walk here follows one parent (or manager) link per step and stops at the first repeat, so it is
// O(depth) and ends even on a graph that a bad write has made cyclic.

/** Strict ancestors of a department, nearest first (its parent, then the parent's parent, …). */
export function departmentAncestors(graph: OrgGraph, deptId: string): string[] {
  const ancestors: string[] = [];
  const seen = new Set<string>([deptId]);
  let current = graph.departments.get(deptId)?.parentId ?? null;
  while (current !== null && !seen.has(current)) {
    ancestors.push(current);
    seen.add(current);
    current = graph.departments.get(current)?.parentId ?? null;
  }
  return ancestors;
}

/** True when `deptId` is `ancestorOrSelfId` or lies somewhere below it. */
export function isWithinDepartment(graph: OrgGraph, deptId: string, ancestorOrSelfId: string): boolean {
  return deptId === ancestorOrSelfId || departmentAncestors(graph, deptId).includes(ancestorOrSelfId);
}

/** The people a member reports to, upward: their manager, the manager's manager, … (never the member). */
export function managerChain(graph: OrgGraph, userId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([userId]);
  let current = graph.members.get(userId)?.managerId ?? null;
  while (current !== null && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = graph.members.get(current)?.managerId ?? null;
  }
  return chain;
}

/** Leaders of a department and of each department above it, nearest first, without repeats. */
export function leadersOver(graph: OrgGraph, deptId: string): string[] {
  // One person may lead several nested departments; a Set keeps the first (nearest) place.
  const leaders = new Set<string>();
  for (const id of [deptId, ...departmentAncestors(graph, deptId)]) {
    const leaderId = graph.departments.get(id)?.leaderId ?? null;
    if (leaderId !== null) leaders.add(leaderId);
  }
  return [...leaders];
}

/** True when moving `deptId` under `newParentId` would put it under itself. */
export function wouldCreateDepartmentLoop(
  graph: OrgGraph,
  deptId: string,
  newParentId: string | null,
): boolean {
  if (newParentId === null) return false;
  return isWithinDepartment(graph, newParentId, deptId);
}

/** True when making `newManagerId` the manager of `userId` would make someone their own manager. */
export function wouldCreateManagerLoop(
  graph: OrgGraph,
  userId: string,
  newManagerId: string | null,
): boolean {
  if (newManagerId === null) return false;
  return newManagerId === userId || managerChain(graph, newManagerId).includes(userId);
}
