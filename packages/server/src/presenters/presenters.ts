import {
  type AbilityScope,
  type AdjustmentAnswer,
  type ApiTokenInfoAnswer,
  type AuditEntryAnswer,
  approverOf,
  type CheckInAnswer,
  type CycleAnswer,
  type DepartmentAnswer,
  type IntegrationAnswer,
  type KeyResultAnswer,
  keyResultAbilities,
  keyResultHealthIn,
  type MemberAnswer,
  type ObjectiveSummaryAnswer,
  type OrganizationAnswer,
  type OrgSettings,
  objectiveAbilities,
  objectiveHealthIn,
  suggestSelfScore,
  type UserAnswer,
} from "@luodi/core";
import {
  type AdjustmentRow,
  type ApiTokenRow,
  type AuditRow,
  type CheckInRow,
  type CycleRow,
  type DepartmentRow,
  type IntegrationRow,
  type KeyResultRow,
  type MemberRow,
  type MilestoneRow,
  type ObjectiveRow,
  type OrganizationRow,
  readJson,
  type UserRow,
} from "@luodi/db";

import { maskWebhookUrl } from "../integrations/webhook-guard.ts";
import { abilityObjectiveOf } from "./ability-scope.ts";

/** Presenters list the fields they return, so nothing leaks by accident (password hashes, org ids). */

export function presentUser(user: UserRow): UserAnswer {
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

/** An audit entry as admins read it (`GET /audit`). */
export function presentAuditEntry(row: AuditRow): AuditEntryAnswer {
  return {
    id: row.id,
    action: row.action,
    actor: row.actorId ? { id: row.actorId, name: row.actorName } : null,
    subjectType: row.entityType,
    subjectId: row.entityId,
    reason: row.reason,
    before: row.before ? readJson(row.before) : null,
    after: row.after ? readJson(row.after) : null,
    at: row.createdAt,
  };
}

/** An API token as its owner sees it listed: never the secret, nor its hash. */
export function presentApiToken(token: ApiTokenRow): ApiTokenInfoAnswer {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt,
  };
}

export function presentOrganization(org: OrganizationRow, settings: OrgSettings): OrganizationAnswer {
  return {
    id: org.id,
    name: org.name,
    locale: org.locale,
    timezone: org.timezone,
    mission: org.mission,
    vision: org.vision,
    strategy: org.strategy,
    settings,
    version: org.version,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
  };
}

export function presentMember(member: MemberRow): MemberAnswer {
  return {
    userId: member.userId,
    email: member.email,
    name: member.name,
    role: member.role,
    departmentId: member.departmentId,
    managerId: member.managerId,
    title: member.title,
    status: member.status,
    version: member.version,
  };
}

export function presentDepartment(department: DepartmentRow): DepartmentAnswer {
  return {
    id: department.id,
    name: department.name,
    parentId: department.parentId,
    leaderId: department.leaderId,
    version: department.version,
  };
}

/** A chat channel: never its secret (only whether it has one), and its webhook URL masked but the host. */
export function presentIntegration(row: IntegrationRow): IntegrationAnswer {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    webhookUrlMasked: maskWebhookUrl(row.webhookUrl),
    hasSecret: row.secret !== null,
    departmentId: row.departmentId,
    events: readJson(row.events),
    enabled: row.enabled === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function presentCycle(cycle: CycleRow): CycleAnswer {
  return {
    id: cycle.id,
    name: cycle.name,
    kind: cycle.kind,
    startDate: cycle.startDate,
    endDate: cycle.endDate,
    parentId: cycle.parentId,
    phase: cycle.phase,
    phaseDue: readJson(cycle.phaseDue),
    version: cycle.version,
  };
}

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}

/** What presenting a KR needs besides its row: its cycle's elapsed share and who asks, for its abilities. */
export type KeyResultScope = { elapsed: number; abilities: AbilityScope };

/**
 * A KR with its health for the cycle's elapsed time — none while its objective is not committed —, what
 * the caller may do to it, and its milestones when given.
 */
export function presentKeyResult(
  kr: KeyResultRow,
  objective: ObjectiveRow,
  scope: KeyResultScope,
  milestones?: MilestoneRow[],
): KeyResultAnswer {
  const objectiveStatus = objective.status;
  const elapsed = scope.elapsed;
  const health = keyResultHealthIn(objectiveStatus, {
    progress: kr.progress,
    confidence: kr.confidence,
    elapsed,
  });
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    ownerUserId: kr.ownerUserId,
    title: kr.title,
    type: kr.type,
    unit: kr.unit,
    startValue: num(kr.startValue),
    targetValue: num(kr.targetValue),
    currentValue: num(kr.currentValue),
    direction: kr.direction,
    aggregation: kr.aggregation,
    parentKeyResultId: kr.parentKeyResultId,
    weight: kr.weight,
    confidence: kr.confidence,
    progress: kr.progress,
    progressRaw: kr.progressRaw,
    health,
    /** What the scoring form proposes as the self score: progress rounded to 0.1. */
    suggestedScore: suggestSelfScore(kr.progress),
    selfScore: kr.selfScore,
    managerScore: kr.managerScore,
    score: kr.score,
    scoreComment: kr.scoreComment,
    lastCheckInAt: kr.lastCheckInAt,
    ...(milestones
      ? {
          milestones: milestones.map((m) => ({
            id: m.id,
            title: m.title,
            weight: m.weight,
            done: m.done === 1,
          })),
        }
      : {}),
    abilities: keyResultAbilities(scope.abilities, abilityObjectiveOf(objective), kr),
    version: kr.version,
    createdAt: kr.createdAt,
    updatedAt: kr.updatedAt,
  };
}

/** Who decides on a submitted objective: its one approver, by name, or `userId: null` when the admins do. */
function approverAnswer(objective: ObjectiveRow, scope: AbilityScope): ObjectiveSummaryAnswer["approver"] {
  const userId = approverOf(abilityObjectiveOf(objective), scope.graph);
  return { userId, name: userId === null ? null : (scope.graph.members.get(userId)?.name ?? null) };
}

/** An objective without its KRs (tree nodes and lists carry those beside it). */
export function presentObjectiveSummary(
  objective: ObjectiveRow,
  keyResults: readonly KeyResultAnswer[],
  scope: AbilityScope,
): ObjectiveSummaryAnswer {
  return {
    id: objective.id,
    cycleId: objective.cycleId,
    level: objective.level,
    ownerUserId: objective.ownerUserId,
    ownerDepartmentId: objective.ownerDepartmentId,
    title: objective.title,
    description: objective.description,
    weight: objective.weight,
    visibility: objective.visibility,
    kind: objective.kind,
    status: objective.status,
    progress: objective.progress,
    health: objectiveHealthIn(
      objective.status,
      keyResults.map((kr) => kr.health),
    ),
    score: objective.score,
    parentObjectiveId: objective.parentObjectiveId,
    parentKeyResultId: objective.parentKeyResultId,
    rejectReason: objective.rejectReason,
    approver: objective.status === "submitted" ? approverAnswer(objective, scope) : null,
    abilities: objectiveAbilities(
      scope,
      abilityObjectiveOf(objective),
      keyResults.map((kr) => kr.abilities),
    ),
    review: objective.review ? readJson(objective.review) : null,
    version: objective.version,
    createdAt: objective.createdAt,
    updatedAt: objective.updatedAt,
    deletedAt: objective.deletedAt,
  };
}

export function presentCheckIn(checkIn: CheckInRow): CheckInAnswer {
  return {
    id: checkIn.id,
    keyResultId: checkIn.keyResultId,
    authorId: checkIn.authorId,
    authorName: checkIn.authorName,
    value: num(checkIn.value),
    previousValue: num(checkIn.previousValue),
    milestonesDone: checkIn.milestonesDone ? readJson(checkIn.milestonesDone) : null,
    confidence: checkIn.confidence,
    note: checkIn.note,
    progress: checkIn.progress,
    createdAt: checkIn.createdAt,
  };
}

/** An adjustment (调整) as its objective's page lists it. */
export function presentAdjustment(
  row: AdjustmentRow,
  abilities: AdjustmentAnswer["abilities"],
): AdjustmentAnswer {
  const changes = readJson(row.changes);
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    keyResultId: row.keyResultId,
    requestedBy: { id: row.requestedBy, name: row.requestedByName },
    reason: row.reason,
    before: changes.before,
    after: changes.after,
    status: row.status,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt,
    abilities,
  };
}
