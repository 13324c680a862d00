import {
  canApprove,
  canCheckIn,
  canEditComment,
  canManageOrg,
  canManagerScore,
  canWriteObjective,
  isAdmin,
  type PolicyObjective,
} from "./policy.ts";
import type { Actor, CyclePhase, ObjectiveLevel, ObjectiveStatus, OrgGraph } from "./types.ts";
import { checkInOpen, type ObjectiveAction, phaseAllows, type WorkflowOptions } from "./workflow.ts";

/*
 * Abilities: what the caller may do to what an answer shows, computed here from the policy, the workflow
 * and the phase, so that the web app shows controls from them and never re-derives a rule. Each one
 * mirrors the checks of the write it stands for; a test asserts that a write answers 2xx exactly when its
 * ability says so.
 */

/** What the abilities of an objective and its KRs depend on besides the caller. */
export type AbilityScope = {
  actor: Actor;
  graph: OrgGraph;
  /** The phase of the objective's cycle. */
  phase: CyclePhase;
  workflow: WorkflowOptions;
};

/** An objective as its abilities see it. */
export type AbilityObjective = PolicyObjective & { status: ObjectiveStatus; deleted: boolean };

/** What the caller may do to an objective. */
export type ObjectiveAbilities = {
  /** Edit it and its KRs (PATCH/PUT, add a KR); past aligning a published one's edit is an adjustment. */
  update: boolean;
  delete: boolean;
  /** Bring it back (only a deleted objective). */
  restore: boolean;
  submit: boolean;
  publish: boolean;
  /** Approve or send back (reject) a submitted objective. */
  approve: boolean;
  /** Change what it aligns to. */
  align: boolean;
  /** Give a self score to at least one of its KRs. */
  score: boolean;
  managerScore: boolean;
  /** Write its 复盘. */
  review: boolean;
  /** Check in on at least one of its KRs. */
  checkIn: boolean;
  /** Comment on it (whoever may see it, while it is not deleted). */
  comment: boolean;
};

/** What the caller may do to a key result. */
export type KeyResultAbilities = {
  update: boolean;
  delete: boolean;
  checkIn: boolean;
  score: boolean;
  managerScore: boolean;
  /** Comment on it and on its check-ins. */
  comment: boolean;
};

/** A KR as its abilities see it. */
export type AbilityKeyResult = { ownerUserId: string | null };

function transitionAllowed(
  status: ObjectiveStatus,
  action: ObjectiveAction,
  workflow: WorkflowOptions,
): boolean {
  switch (`${status}:${action}`) {
    case "draft:submit":
      return workflow.approvalRequired;
    case "draft:publish":
      return !workflow.approvalRequired;
    case "submitted:approve":
    case "submitted:reject":
      return true;
    default:
      return false;
  }
}

/** The abilities of one KR of `objective`. */
export function keyResultAbilities(
  scope: AbilityScope,
  objective: AbilityObjective,
  keyResult: AbilityKeyResult,
): KeyResultAbilities {
  const { actor, graph, phase } = scope;
  if (objective.deleted)
    return {
      update: false,
      delete: false,
      checkIn: false,
      score: false,
      managerScore: false,
      comment: false,
    };
  const writer = canWriteObjective(actor, objective, graph);
  const planEditable = writer && phaseAllows(phase, "edit_plan");
  const scoring = phaseAllows(phase, "score");
  return {
    update: planEditable,
    delete: planEditable,
    checkIn: checkInOpen(phase, objective.status) && canCheckIn(actor, objective, keyResult, graph),
    score: scoring && (writer || keyResult.ownerUserId === actor.userId),
    managerScore: scoring && canManagerScore(actor, objective, graph),
    // Those who may see it may talk about it, in every phase: the answer carrying this was visible to them.
    comment: true,
  };
}

/** The abilities of an objective, given the abilities of its KRs. */
export function objectiveAbilities(
  scope: AbilityScope,
  objective: AbilityObjective,
  keyResults: readonly KeyResultAbilities[],
): ObjectiveAbilities {
  const { actor, graph, phase, workflow } = scope;
  const writer = canWriteObjective(actor, objective, graph);
  if (objective.deleted) {
    return {
      update: false,
      delete: false,
      restore: writer,
      submit: false,
      publish: false,
      approve: false,
      align: false,
      score: false,
      managerScore: false,
      review: false,
      checkIn: false,
      comment: false,
    };
  }
  const planEditable = phaseAllows(phase, "edit_plan");
  const scoring = phaseAllows(phase, "score");
  return {
    update: writer && planEditable,
    delete: writer,
    restore: false,
    submit: writer && planEditable && transitionAllowed(objective.status, "submit", workflow),
    publish: writer && planEditable && transitionAllowed(objective.status, "publish", workflow),
    approve:
      planEditable &&
      transitionAllowed(objective.status, "approve", workflow) &&
      canApprove(actor, objective, graph),
    align: writer,
    score: scoring && (writer || keyResults.some((kr) => kr.score)),
    managerScore: scoring && canManagerScore(actor, objective, graph),
    review: writer && phaseAllows(phase, "review"),
    checkIn: keyResults.some((kr) => kr.checkIn),
    comment: true,
  };
}

/** What the caller may do to a comment (it is on something they may see, or they would not have it). */
export type CommentAbilities = { update: boolean; delete: boolean; react: boolean; reply: boolean };

/** A deleted comment keeps its place in the thread and offers nothing; its author and admins edit the rest. */
export function commentAbilities(
  actor: Actor,
  comment: { authorId: string; deleted: boolean },
): CommentAbilities {
  if (comment.deleted) return { update: false, delete: false, react: false, reply: false };
  const editor = canEditComment(actor, comment);
  return { update: editor, delete: editor, react: true, reply: true };
}

/** What the caller may do to a requested change (调整) of an objective. */
export type AdjustmentAbilities = { decide: boolean };

/** Approving or rejecting a pending adjustment belongs to those who approve the objective. */
export function adjustmentAbilities(
  actor: Actor,
  graph: OrgGraph,
  objective: PolicyObjective,
  adjustment: { status: "pending" | "approved" | "rejected" },
): AdjustmentAbilities {
  return { decide: adjustment.status === "pending" && canApprove(actor, objective, graph) };
}

/** What the caller may do in the organization as a whole (the editor's pickers, the admin area). */
export type MemberAbilities = {
  /** Members, departments, cycles and settings. */
  manageOrg: boolean;
  /** My team (我的团队): the caller has someone active reporting to them. */
  viewTeam: boolean;
  createObjective: {
    /** Company objectives. */
    company: boolean;
    /** Departments (never the root) whose objectives the caller may write. */
    departmentIds: string[];
    /** Personal objectives for anyone active (admins). */
    anyPersonalOwner: boolean;
    /** Otherwise, the people whose personal objectives the caller may write: themselves and their reports. */
    personalOwnerIds: string[];
  };
};

function writes(actor: Actor, graph: OrgGraph, level: ObjectiveLevel, owner: string): boolean {
  return canWriteObjective(
    actor,
    {
      level,
      visibility: "public",
      ownerUserId: level === "personal" ? owner : null,
      ownerDepartmentId: level === "personal" ? null : owner,
    },
    graph,
  );
}

/** The caller's abilities in the organization, from the same policy the writes ask. */
export function memberAbilities(actor: Actor, graph: OrgGraph): MemberAbilities {
  const admin = isAdmin(actor);
  const departmentIds = [...graph.departments.keys()].filter(
    (id) => id !== graph.rootDepartmentId && writes(actor, graph, "department", id),
  );
  const personalOwnerIds = admin
    ? []
    : [...graph.members.values()]
        .filter((m) => m.status === "active" && writes(actor, graph, "personal", m.userId))
        .map((m) => m.userId);
  return {
    manageOrg: canManageOrg(actor),
    viewTeam: [...graph.members.values()].some(
      (m) => m.managerId === actor.userId && m.status === "active" && m.userId !== actor.userId,
    ),
    createObjective: {
      company: writes(actor, graph, "company", graph.rootDepartmentId),
      departmentIds,
      anyPersonalOwner: admin,
      personalOwnerIds,
    },
  };
}
