import type {
  Aggregation,
  CoachFinding,
  CoachReview,
  CycleKind,
  CyclePhase,
  Direction,
  Health,
  KeyResultType,
  Locale,
  MemberStatus,
  ObjectiveLevel,
  ObjectiveStatus,
  OrgSettings,
  Role,
  Visibility,
} from "@luodi/core";

/**
 * What the API answers, field for field as `packages/server/src/presenters/presenters.ts` presents it.
 * Timestamps are ISO-8601 strings in UTC; dates are `YYYY-MM-DD`; progress and scores are in [0, 1].
 */

export type { CoachFinding, CoachReview, Health, KeyResultType, Locale, ObjectiveLevel, ObjectiveStatus };

export type User = { id: string; email: string; name: string; locale: Locale | null };

export type Organization = {
  id: string;
  name: string;
  locale: Locale;
  timezone: string;
  mission: string | null;
  vision: string | null;
  strategy: string | null;
  settings: OrgSettings;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Member = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  managerId: string | null;
  title: string | null;
  status: MemberStatus;
  version: number;
};

export type Department = {
  id: string;
  name: string;
  parentId: string | null;
  leaderId: string | null;
  version: number;
};

export type Cycle = {
  id: string;
  name: string;
  kind: CycleKind;
  startDate: string;
  endDate: string;
  parentId: string | null;
  phase: CyclePhase;
  phaseDue: Partial<Record<CyclePhase, string>>;
  version: number;
};

export type Milestone = { id: string; title: string; weight: number; done: boolean };

export type KeyResult = {
  id: string;
  objectiveId: string;
  ownerUserId: string | null;
  title: string;
  type: KeyResultType;
  unit: string | null;
  startValue: number | null;
  targetValue: number | null;
  currentValue: number | null;
  direction: Direction | null;
  aggregation: Aggregation | null;
  parentKeyResultId: string | null;
  weight: number;
  confidence: number;
  progress: number;
  /** Unclamped progress, so over-achievement (1.2 = 120 %) can be shown. */
  progressRaw: number;
  health: Health;
  selfScore: number | null;
  managerScore: number | null;
  score: number | null;
  scoreComment: string | null;
  /** Present on milestone KRs. */
  milestones?: Milestone[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** The 复盘 of an objective. */
export type Review = { wentWell: string; wentBadly: string; lessons: string; nextSteps: string };

/** An objective without its KRs, as tree nodes carry it. */
export type ObjectiveSummary = {
  id: string;
  cycleId: string;
  level: ObjectiveLevel;
  ownerUserId: string | null;
  ownerDepartmentId: string | null;
  title: string;
  description: string | null;
  weight: number;
  visibility: Visibility;
  status: ObjectiveStatus;
  progress: number;
  health: Health;
  score: number | null;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  rejectReason: string | null;
  review: Partial<Review> | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

export type Alignment = {
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  supports: string[];
};

/** An objective as lists answer it: with its KRs and alignment. */
export type Objective = ObjectiveSummary & { keyResults: KeyResult[]; alignment: Alignment };

/** An objective as its own page answers it: with the ids of the objectives aligned to it. */
export type ObjectiveDetail = Objective & {
  children: string[];
  /** Requested changes (调整) waiting for the manager's approval. */
  pendingAdjustments?: Adjustment[];
  /** The coach's findings, on answers to writes that carry them. */
  coach?: CoachFinding[];
};

export type CheckIn = {
  id: string;
  keyResultId: string;
  authorId: string | null;
  authorName: string | null;
  value: number | null;
  previousValue: number | null;
  milestonesDone: string[] | null;
  confidence: number;
  note: string | null;
  /** The KR's progress right after this check-in. */
  progress: number;
  createdAt: string;
};

export type CheckInResult = { checkIn: CheckIn | null; keyResult: KeyResult; objective: ObjectiveDetail };

export type HistoryEntry = {
  id: string;
  /** e.g. `objective.create`, `objective.adjust`, `objective.publish`, `key_result.update`, `check_in.create`. */
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string | null } | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
};

export type SessionInfo = { user: User; membership: Member; organization: Organization };
export type LoginResult = { user: User; organizations: Array<{ id: string; name: string; role: Role }> };
export type SetupResult = {
  organization: Organization | null;
  user: User | null;
  membership: Member | null;
};

export type TreeNode = { objective: ObjectiveSummary; keyResults: KeyResult[]; children: TreeNode[] };
export type CycleTree = { cycleId: string; roots: TreeNode[] };

export type HealthCounts = Record<Health, number>;
export type CycleDashboard = {
  cycleId: string;
  objectives: number;
  keyResults: number;
  progress: number;
  healthCounts: HealthCounts;
  keyResultHealthCounts: HealthCounts;
  checkInRate: number;
  /** Per week of the cycle so far, the share of KRs checked in that week. */
  checkInTrend: Array<{ weekStart: string; rate: number }>;
  alignmentCoverage: number;
  scoreDistribution: { red: number; yellow: number; green: number; unscored: number };
  riskyKeyResults: Array<
    Pick<KeyResult, "id" | "objectiveId" | "title" | "ownerUserId" | "progress" | "confidence" | "health">
  >;
  departments: Array<{
    departmentId: string;
    name: string;
    objectives: number;
    progress: number;
    healthCounts: HealthCounts;
  }>;
};

export type ApiToken = { id: string; name: string; token: string };

/** A requested change (调整) of an objective or one of its KRs, with its decision. */
export type Adjustment = {
  id: string;
  objectiveId: string;
  keyResultId: string | null;
  requestedBy: { id: string; name: string | null };
  reason: string;
  /** The changed fields as they were, in the API's field names. */
  before: Record<string, unknown>;
  /** The changed fields as requested. */
  after: Record<string, unknown>;
  status: "pending" | "approved" | "rejected";
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
};

/** A KR edit answered with 202: the KR unchanged, and the adjustment that waits. */
export type KeyResultPending = KeyResult & { pendingAdjustment?: Adjustment | null };

/** The rollout dashboard (落地看板): per department, how far the practice has landed. */
export type CycleRollout = {
  cycleId: string;
  departments: Array<{
    departmentId: string;
    name: string;
    parentId: string | null;
    leaderId: string | null;
    members: number;
    membersWithPublishedOkrs: number;
    objectives: number;
    alignmentCoverage: number;
    checkInRate: number;
    scoredShare: number;
    reviewedShare: number;
    missing: Array<{ userId: string; name: string }>;
  }>;
};
