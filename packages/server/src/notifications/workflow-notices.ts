import { approverOf, type OrgGraph, type PolicyObjective } from "@luodi/core";

/**
 * Who is asked to decide on an objective or its adjustment: its approver (policy.ts), or — for company
 * objectives and where the chain has no one active — the organization's active admins, who decide then.
 */
export function deciders(objective: PolicyObjective, graph: OrgGraph): string[] {
  const approver = approverOf(objective, graph);
  if (approver) return [approver];
  return [...graph.members.values()]
    .filter((member) => member.role === "admin" && member.status === "active")
    .map((member) => member.userId);
}

/** Who hears that an objective was decided on: its owner, or its department's leader. */
export function ownersOf(objective: PolicyObjective, graph: OrgGraph): string[] {
  if (objective.ownerUserId) return [objective.ownerUserId];
  const leader = objective.ownerDepartmentId
    ? graph.departments.get(objective.ownerDepartmentId)?.leaderId
    : null;
  return leader ? [leader] : [];
}
