import {
  type Health,
  keyResultHealth,
  type OrgSettings,
  objectiveHealth,
  suggestSelfScore,
} from "@luodi/core";
import type {
  AdjustmentRow,
  CheckInRow,
  CycleRow,
  DepartmentRow,
  KeyResultRow,
  MemberRow,
  MilestoneRow,
  ObjectiveRow,
  OrganizationRow,
  UserRow,
} from "@luodi/db";

/** Presenters list the fields they return, so nothing leaks by accident (password hashes, org ids). */

export function presentUser(user: UserRow) {
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

export function presentOrganization(org: OrganizationRow, settings: OrgSettings) {
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
    createdAt: org.created_at,
    updatedAt: org.updated_at,
  };
}

export function presentMember(member: MemberRow) {
  return {
    userId: member.user_id,
    email: member.email,
    name: member.name,
    role: member.role,
    departmentId: member.department_id,
    managerId: member.manager_id,
    title: member.title,
    status: member.status,
    version: member.version,
  };
}

export function presentDepartment(department: DepartmentRow) {
  return {
    id: department.id,
    name: department.name,
    parentId: department.parent_id,
    leaderId: department.leader_id,
    version: department.version,
  };
}

export function presentCycle(cycle: CycleRow) {
  return {
    id: cycle.id,
    name: cycle.name,
    kind: cycle.kind,
    startDate: cycle.start_date,
    endDate: cycle.end_date,
    parentId: cycle.parent_id,
    phase: cycle.phase,
    phaseDue: JSON.parse(cycle.phase_due) as Record<string, string>,
    version: cycle.version,
  };
}

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}

/** A KR with its health for the cycle's elapsed time; milestones only when given. */
export function presentKeyResult(kr: KeyResultRow, elapsed: number, milestones?: MilestoneRow[]) {
  const health: Health = keyResultHealth({ progress: kr.progress, confidence: kr.confidence, elapsed });
  return {
    id: kr.id,
    objectiveId: kr.objective_id,
    ownerUserId: kr.owner_user_id,
    title: kr.title,
    type: kr.type,
    unit: kr.unit,
    startValue: num(kr.start_value),
    targetValue: num(kr.target_value),
    currentValue: num(kr.current_value),
    direction: kr.direction,
    aggregation: kr.aggregation,
    parentKeyResultId: kr.parent_key_result_id,
    weight: kr.weight,
    confidence: kr.confidence,
    progress: kr.progress,
    progressRaw: kr.progress_raw,
    health,
    /** What the scoring form proposes as the self score: progress rounded to 0.1. */
    suggestedScore: suggestSelfScore(kr.progress),
    selfScore: kr.self_score,
    managerScore: kr.manager_score,
    score: kr.score,
    scoreComment: kr.score_comment,
    lastCheckInAt: kr.last_check_in_at,
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
    version: kr.version,
    createdAt: kr.created_at,
    updatedAt: kr.updated_at,
  };
}
export type KeyResultView = ReturnType<typeof presentKeyResult>;

/** An objective without its KRs (tree nodes and lists carry those beside it). */
export function presentObjectiveSummary(objective: ObjectiveRow, keyResults: readonly KeyResultView[]) {
  return {
    id: objective.id,
    cycleId: objective.cycle_id,
    level: objective.level,
    ownerUserId: objective.owner_user_id,
    ownerDepartmentId: objective.owner_department_id,
    title: objective.title,
    description: objective.description,
    weight: objective.weight,
    visibility: objective.visibility,
    status: objective.status,
    progress: objective.progress,
    health: objectiveHealth(keyResults.map((kr) => kr.health)),
    score: objective.score,
    parentObjectiveId: objective.parent_objective_id,
    parentKeyResultId: objective.parent_key_result_id,
    rejectReason: objective.reject_reason,
    review: objective.review ? (JSON.parse(objective.review) as Record<string, unknown>) : null,
    version: objective.version,
    createdAt: objective.created_at,
    updatedAt: objective.updated_at,
    deletedAt: objective.deleted_at,
  };
}

export function presentCheckIn(checkIn: CheckInRow) {
  return {
    id: checkIn.id,
    keyResultId: checkIn.key_result_id,
    authorId: checkIn.author_id,
    authorName: checkIn.author_name,
    value: num(checkIn.value),
    previousValue: num(checkIn.previous_value),
    milestonesDone: checkIn.milestones_done ? (JSON.parse(checkIn.milestones_done) as string[]) : null,
    confidence: checkIn.confidence,
    note: checkIn.note,
    progress: checkIn.progress,
    createdAt: checkIn.created_at,
  };
}

/** An adjustment (调整) as its objective's page lists it. */
export function presentAdjustment(row: AdjustmentRow) {
  const changes = JSON.parse(row.changes) as {
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  };
  return {
    id: row.id,
    objectiveId: row.objective_id,
    keyResultId: row.key_result_id,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    reason: row.reason,
    before: changes.before,
    after: changes.after,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    createdAt: row.created_at,
  };
}
