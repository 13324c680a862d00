import { departmentAncestors, isWithinDepartment, leadersOver, managerChain } from "./org-graph.ts";
import type { Actor, ObjectiveLevel, OrgGraph, Visibility } from "./types.ts";

/**
 * What the permission rules need to know about an objective. Company objectives are owned by the root
 * department; personal ones by a user.
 */
export type PolicyObjective = {
  level: ObjectiveLevel;
  visibility: Visibility;
  ownerUserId: string | null;
  ownerDepartmentId: string | null;
};

/** What the check-in rule needs to know about a KR. */
export type PolicyKeyResult = { ownerUserId: string | null };

/** True for the organization's owners and admins. */
export function isAdmin(actor: Actor): boolean {
  return actor.role === "owner" || actor.role === "admin";
}

/** The department an objective belongs to for visibility: a personal objective lives in its owner's
 * department, a company objective in the root. */
export function owningDepartment(obj: PolicyObjective, graph: OrgGraph): string | null {
  if (obj.level === "personal") {
    return obj.ownerUserId === null ? null : (graph.members.get(obj.ownerUserId)?.departmentId ?? null);
  }
  if (obj.level === "company") return obj.ownerDepartmentId ?? graph.rootDepartmentId;
  return obj.ownerDepartmentId;
}

// Owner of a personal objective, or the leader of the owning department, plus whoever sits above them:
// the audience of a private objective (admins aside).
function isInPrivateAudience(actor: Actor, obj: PolicyObjective, graph: OrgGraph): boolean {
  if (obj.level === "personal") {
    if (obj.ownerUserId === null) return false;
    return obj.ownerUserId === actor.userId || managerChain(graph, obj.ownerUserId).includes(actor.userId);
  }
  const deptId = owningDepartment(obj, graph);
  return deptId !== null && leadersOver(graph, deptId).includes(actor.userId);
}

/**
 * Who may see an objective. `department` visibility also admits everyone `private` would admit (the
 * owner and their manager chain): a wider setting must never hide an objective from someone a narrower
 * one shows it to, and a manager may sit outside the owner's department.
 */
export function canViewObjective(actor: Actor, obj: PolicyObjective, graph: OrgGraph): boolean {
  if (obj.visibility === "public" || isAdmin(actor)) return true;
  if (isInPrivateAudience(actor, obj, graph)) return true;
  if (obj.visibility === "private") return false;
  const deptId = owningDepartment(obj, graph);
  if (deptId === null) return false;
  const actorDept = graph.members.get(actor.userId)?.departmentId ?? null;
  if (actorDept !== null && isWithinDepartment(graph, actorDept, deptId)) return true;
  return leadersOver(graph, deptId).includes(actor.userId);
}

/** Who may edit an objective and its KRs: by level, its owner side, those above it, and admins. */
export function canWriteObjective(actor: Actor, obj: PolicyObjective, graph: OrgGraph): boolean {
  if (isAdmin(actor)) return true;
  switch (obj.level) {
    case "company":
      return graph.departments.get(graph.rootDepartmentId)?.leaderId === actor.userId;
    case "department":
      return (
        obj.ownerDepartmentId !== null && leadersOver(graph, obj.ownerDepartmentId).includes(actor.userId)
      );
    case "personal":
      return (
        obj.ownerUserId !== null &&
        (obj.ownerUserId === actor.userId || managerChain(graph, obj.ownerUserId).includes(actor.userId))
      );
  }
}

/** Who may check in on a KR: its owner, and anyone who may write its objective. */
export function canCheckIn(
  actor: Actor,
  obj: PolicyObjective,
  kr: PolicyKeyResult,
  graph: OrgGraph,
): boolean {
  return kr.ownerUserId === actor.userId || canWriteObjective(actor, obj, graph);
}

/**
 * The one person who decides on an objective (approves or sends it back, and its adjustments), or null when
 * no one above it is named and the admins decide:
 * - personal: the owner's manager — the nearest active one up the chain —, else, for someone who reports to
 *   no one, the nearest active leader of their department or of one above it who is not the owner;
 * - department: the leader of the parent department — the nearest one above who leads it, is active and is
 *   not the department's own leader;
 * - company: no one; the admins decide.
 */
export function approverOf(obj: PolicyObjective, graph: OrgGraph): string | null {
  const active = (userId: string | null | undefined): userId is string =>
    !!userId && graph.members.get(userId)?.status === "active";
  switch (obj.level) {
    case "personal": {
      const owner = obj.ownerUserId;
      if (owner === null) return null;
      const manager = managerChain(graph, owner).find(active);
      if (manager) return manager;
      const deptId = graph.members.get(owner)?.departmentId ?? null;
      if (deptId === null) return null;
      return leadersOver(graph, deptId).find((id) => id !== owner && active(id)) ?? null;
    }
    case "department": {
      if (obj.ownerDepartmentId === null) return null;
      const ownLeader = graph.departments.get(obj.ownerDepartmentId)?.leaderId ?? null;
      for (const id of departmentAncestors(graph, obj.ownerDepartmentId)) {
        const leader = graph.departments.get(id)?.leaderId ?? null;
        if (leader !== ownLeader && active(leader)) return leader;
      }
      return null;
    }
    case "company":
      return null;
  }
}

/**
 * Who may approve or send back a submitted objective (and decide its adjustments): its one approver
 * ({@link approverOf}); admins may step in, but never on their own personal objective. Company objectives:
 * admins.
 */
export function canApprove(actor: Actor, obj: PolicyObjective, graph: OrgGraph): boolean {
  if (obj.level === "personal" && (obj.ownerUserId === null || obj.ownerUserId === actor.userId))
    return false;
  return isAdmin(actor) || approverOf(obj, graph) === actor.userId;
}

/** Who may give the manager score: the same people who approve (the manager, or the leader above). */
export function canManagerScore(actor: Actor, obj: PolicyObjective, graph: OrgGraph): boolean {
  return canApprove(actor, obj, graph);
}

/**
 * Who may edit or delete a comment: its author, and admins (moderation). Reading, replying and reacting
 * belong to whoever may see what it is written on.
 */
export function canEditComment(actor: Actor, comment: { authorId: string }): boolean {
  return comment.authorId === actor.userId || isAdmin(actor);
}

/** Who may change members, departments, cycles and settings: admins. */
export function canManageOrg(actor: Actor): boolean {
  return isAdmin(actor);
}

/** Who may read the organization's audit log (every write, sign-in and failed sign-in): admins. */
export function canReadAudit(actor: Actor): boolean {
  return isAdmin(actor);
}
