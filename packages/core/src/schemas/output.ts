import { z } from "zod";
import { COACH_CODES } from "../coach/codes.ts";
import { ROLLOUT_MISSING_REASONS, ROLLOUT_STAGES } from "../domain/rollout.ts";
import {
  ADJUSTMENT_STATUSES,
  AGGREGATIONS,
  CYCLE_KINDS,
  CYCLE_PHASES,
  DIRECTIONS,
  HEALTHS,
  KEY_RESULT_TYPES,
  LOCALES,
  MEMBER_STATUSES,
  OBJECTIVE_KINDS,
  OBJECTIVE_LEVELS,
  OBJECTIVE_STATUSES,
  ROLES,
  VISIBILITIES,
} from "../domain/types.ts";
import { ERROR_CODES, type ErrorCode } from "../errors/error-codes.ts";
import { errorBodySchema } from "./common.ts";
import { orgSettingsSchema } from "./org.ts";

/*
 * What the API answers, as zod schemas: the routes declare them as `response` schemas, so the OpenAPI
 * document describes every answer, and with `validateResponses` every answer is checked against them.
 * Objects are strict, so a field leaking from a presenter fails the check. Schemas with a registry id
 * (`.meta({ id })`) become reusable `components.schemas` of the document.
 */

const id = z.string().min(1);
const timestamp = z.iso.datetime();
const date = z.iso.date();
const version = z.number().int().min(1);
const share = z.number().min(0).max(1);
const count = z.number().int().min(0);
const confidence = z.number().int().min(0).max(10);
const healthSchema = z.enum(HEALTHS);

/** A user as others see it (never the password hash). */
export const userSchema = z
  .object({ id, email: z.string(), name: z.string(), locale: z.enum(LOCALES).nullable() })
  .strict()
  .meta({ id: "User" });

/** An organization's settings, stored ones over the defaults. */
const organizationSettingsSchema = orgSettingsSchema.meta({ id: "OrganizationSettings" });

/** An organization with its settings. */
export const organizationSchema = z
  .object({
    id,
    name: z.string(),
    locale: z.enum(LOCALES),
    timezone: z.string(),
    mission: z.string(),
    vision: z.string(),
    strategy: z.string(),
    settings: organizationSettingsSchema,
    version,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict()
  .meta({ id: "Organization" });

/** A member of the organization, addressed by its user id. */
export const memberSchema = z
  .object({
    userId: id,
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    departmentId: id.nullable(),
    managerId: id.nullable(),
    title: z.string().nullable(),
    status: z.enum(MEMBER_STATUSES),
    version,
  })
  .strict()
  .meta({ id: "Member" });

/** A page of `GET /members`, by name; `nextCursor` asks for the next one (null: no more). */
export const memberPageSchema = z
  .object({ items: z.array(memberSchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "MemberPage" });

/** A department; the root one (the company) has no parent. */
export const departmentSchema = z
  .object({ id, name: z.string(), parentId: id.nullable(), leaderId: id.nullable(), version })
  .strict()
  .meta({ id: "Department" });

/** A cycle (周期) with its phase and the due date of each phase that has one. */
export const cycleSchema = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(CYCLE_KINDS),
    startDate: date,
    endDate: date,
    parentId: id.nullable(),
    phase: z.enum(CYCLE_PHASES),
    phaseDue: z.partialRecord(z.enum(CYCLE_PHASES), date),
    version,
  })
  .strict()
  .meta({ id: "Cycle" });

/** What the caller may do to an objective (see core's abilities.ts); clients show controls from it. */
export const objectiveAbilitiesSchema = z
  .object({
    update: z.boolean(),
    delete: z.boolean(),
    restore: z.boolean(),
    submit: z.boolean(),
    publish: z.boolean(),
    approve: z.boolean(),
    align: z.boolean(),
    score: z.boolean(),
    managerScore: z.boolean(),
    review: z.boolean(),
    checkIn: z.boolean(),
    comment: z.boolean(),
  })
  .strict()
  .meta({ id: "ObjectiveAbilities" });

/** What the caller may do to a key result. */
export const keyResultAbilitiesSchema = z
  .object({
    update: z.boolean(),
    delete: z.boolean(),
    checkIn: z.boolean(),
    score: z.boolean(),
    managerScore: z.boolean(),
    comment: z.boolean(),
  })
  .strict()
  .meta({ id: "KeyResultAbilities" });

/** What the caller may do in the organization: manage it, and whose objectives they may create. */
const memberAbilitiesSchema = z
  .object({
    manageOrg: z.boolean(),
    /** My team (我的团队): someone active reports to the caller. */
    viewTeam: z.boolean(),
    createObjective: z
      .object({
        company: z.boolean(),
        departmentIds: z.array(z.string().min(1)),
        anyPersonalOwner: z.boolean(),
        personalOwnerIds: z.array(z.string().min(1)),
      })
      .strict(),
  })
  .strict()
  .meta({ id: "MemberAbilities" });

/** One milestone of a milestone key result. */
const milestoneSchema = z
  .object({ id, title: z.string(), weight: z.number().positive(), done: z.boolean() })
  .strict()
  .meta({ id: "Milestone" });

/** A key result with its health for the cycle's elapsed time; `milestones` when the answer carries them. */
export const keyResultSchema = z
  .object({
    id,
    objectiveId: id,
    ownerUserId: id.nullable(),
    title: z.string(),
    type: z.enum(KEY_RESULT_TYPES),
    unit: z.string().nullable(),
    startValue: z.number().nullable(),
    targetValue: z.number().nullable(),
    currentValue: z.number().nullable(),
    direction: z.enum(DIRECTIONS).nullable(),
    aggregation: z.enum(AGGREGATIONS).nullable(),
    parentKeyResultId: id.nullable(),
    weight: z.number().positive(),
    /** Null until the owner's first check-in gives one. */
    confidence: confidence.nullable(),
    progress: share,
    /** Unclamped: below 0 or above 1 when the measure passed its start or its target. */
    progressRaw: z.number(),
    /** Null while the objective is not committed (a draft, or submitted and waiting for approval). */
    health: healthSchema.nullable(),
    /** The self score the scoring form proposes: progress rounded to 0.1. */
    suggestedScore: share,
    selfScore: share.nullable(),
    managerScore: share.nullable(),
    score: share.nullable(),
    scoreComment: z.string().nullable(),
    /** When the KR last got a check-in (ISO time), or null. */
    lastCheckInAt: z.string().nullable(),
    milestones: z.array(milestoneSchema).optional(),
    abilities: keyResultAbilitiesSchema,
    version,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict()
  .meta({ id: "KeyResult" });

/** The retrospective (复盘) of an objective, with who wrote it and when. */
const objectiveReviewSchema = z
  .object({
    wentWell: z.string(),
    wentBadly: z.string(),
    lessons: z.string(),
    nextSteps: z.string(),
    reviewedBy: id,
    reviewedAt: timestamp,
  })
  .strict()
  .meta({ id: "ObjectiveReview" });

const objectiveSummaryShape = {
  id,
  cycleId: id,
  level: z.enum(OBJECTIVE_LEVELS),
  ownerUserId: id.nullable(),
  ownerDepartmentId: id.nullable(),
  title: z.string(),
  description: z.string(),
  weight: z.number().positive(),
  visibility: z.enum(VISIBILITIES),
  kind: z.enum(OBJECTIVE_KINDS),
  status: z.enum(OBJECTIVE_STATUSES),
  progress: share,
  /** Null while the objective is not committed (a draft, or submitted and waiting for approval). */
  health: healthSchema.nullable(),
  score: share.nullable(),
  parentObjectiveId: id.nullable(),
  parentKeyResultId: id.nullable(),
  rejectReason: z.string().nullable(),
  /**
   * While the objective waits for approval: who decides — its one approver (the owner's manager; for a
   * department objective the leader of the parent department) —, or `userId: null` when the admins do.
   * Null when nothing waits. Admins may step in either way.
   */
  approver: z.object({ userId: id.nullable(), name: z.string().nullable() }).strict().nullable(),
  review: objectiveReviewSchema.nullable(),
  abilities: objectiveAbilitiesSchema,
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
};

/** An objective without its key results (tree nodes carry those beside it). */
export const objectiveSummarySchema = z
  .object(objectiveSummaryShape)
  .strict()
  .meta({ id: "ObjectiveSummary" });

/** What an objective aligns to (one parent objective or key result) and the objectives it supports. */
const alignmentSchema = z
  .object({ parentObjectiveId: id.nullable(), parentKeyResultId: id.nullable(), supports: z.array(id) })
  .strict()
  .meta({ id: "Alignment" });

const objectiveShape = {
  ...objectiveSummaryShape,
  keyResults: z.array(keyResultSchema),
  alignment: alignmentSchema,
};

/** An objective with its key results and alignment, as lists show it. */
export const objectiveSchema = z.object(objectiveShape).strict().meta({ id: "Objective" });

/** A page of `GET /objectives`, oldest first; `nextCursor` asks for the next one (null: no more). */
export const objectivePageSchema = z
  .object({ items: z.array(objectiveSchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "ObjectivePage" });

/** One piece of the coach's advice about an OKR. */
const coachFindingSchema = z
  .object({
    code: z.enum(COACH_CODES),
    severity: z.enum(["info", "warning", "error"]),
    target: z.union([
      z.literal("objective"),
      z.literal("set"),
      z.string().regex(/^keyResults\[\d+\]$/, { message: "Expected keyResults[i]" }),
    ]),
    message: z.string(),
    suggestion: z.string(),
  })
  .strict()
  .meta({ id: "CoachFinding" });

/** The coach's verdict on an OKR: a 0–100 score and the findings behind it. */
export const coachReviewSchema = z
  .object({ score: z.number().int().min(0).max(100), findings: z.array(coachFindingSchema) })
  .strict()
  .meta({ id: "CoachReview" });

/** A requested change (调整) of an objective or of one of its key results, with its decision. */
export const adjustmentSchema = z
  .object({
    id,
    objectiveId: id,
    keyResultId: id.nullable(),
    requestedBy: z.object({ id, name: z.string().nullable() }).strict(),
    reason: z.string(),
    /** The changed fields as they were, in the API's field names. */
    before: z.record(z.string(), z.unknown()),
    /** The changed fields as requested. */
    after: z.record(z.string(), z.unknown()),
    status: z.enum(ADJUSTMENT_STATUSES),
    decidedBy: id.nullable(),
    decidedAt: timestamp.nullable(),
    decisionReason: z.string().nullable(),
    createdAt: timestamp,
    abilities: z.object({ decide: z.boolean() }).strict(),
  })
  .strict()
  .meta({ id: "Adjustment" });

/**
 * An objective as its own page shows it: with the ids of the objectives aligned to it, its pending
 * adjustments and, after a create or an edit, the coach's findings.
 */
export const objectiveDetailSchema = z
  .object({
    ...objectiveShape,
    children: z.array(id),
    /** The objectives aligned to this one (or to its KRs) that the caller may see, in brief. */
    childObjectives: z.array(
      z
        .object({
          id,
          cycleId: id,
          level: z.enum(OBJECTIVE_LEVELS),
          title: z.string(),
          status: z.enum(OBJECTIVE_STATUSES),
          progress: share,
          ownerUserId: id.nullable(),
          ownerDepartmentId: id.nullable(),
        })
        .strict(),
    ),
    pendingAdjustments: z.array(adjustmentSchema),
    coach: z.array(coachFindingSchema).optional(),
  })
  .strict()
  .meta({ id: "ObjectiveDetail" });

/** A key result whose edit waits for the manager's approval (202), with the adjustment that waits. */
export const keyResultPendingSchema = z
  .object({
    ...keyResultSchema.shape,
    pendingAdjustment: adjustmentSchema,
  })
  .strict()
  .meta({ id: "KeyResultPendingAdjustment" });

/** One check-in (进展更新) of a key result. */
export const checkInSchema = z
  .object({
    id,
    keyResultId: id,
    authorId: id,
    authorName: z.string().nullable(),
    value: z.number().nullable(),
    previousValue: z.number().nullable(),
    milestonesDone: z.array(id).nullable(),
    confidence,
    note: z.string(),
    progress: share,
    createdAt: timestamp,
  })
  .strict()
  .meta({ id: "CheckIn" });

/** A page of a key result's check-ins, newest first; `nextCursor` asks for the next one (null: no more). */
export const checkInPageSchema = z
  .object({ items: z.array(checkInSchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "CheckInPage" });

/** The answer of a check-in: the check-in, the key result and its objective with their new progress and health. */
export const checkInAnswerSchema = z
  .object({
    checkIn: checkInSchema,
    keyResult: keyResultSchema,
    objective: z
      .object({ ...objectiveSummaryShape, keyResults: z.array(keyResultSchema) })
      .strict()
      .meta({ id: "CheckInObjective" }),
  })
  .strict()
  .meta({ id: "CheckInAnswer" });

/** One entry of an objective's change log (adjustments with their reasons, workflow, scores…). */
export const historyEntrySchema = z
  .object({
    id,
    action: z.string(),
    entityType: z.string(),
    entityId: id,
    actor: z.object({ id, name: z.string().nullable() }).strict().nullable(),
    reason: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    createdAt: timestamp,
  })
  .strict()
  .meta({ id: "HistoryEntry" });

/**
 * One entry of the organization's audit log: who (`actor`, null for the system or an unknown caller) did
 * what (`action`, such as `objective.update` or `auth.login_failed`) to what (`subjectType`, `subjectId`),
 * with the fields before and after, the reason given, and when.
 */
export const auditEntrySchema = z
  .object({
    id,
    action: z.string(),
    actor: z.object({ id, name: z.string().nullable() }).strict().nullable(),
    subjectType: z.string(),
    subjectId: id,
    reason: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    at: timestamp,
  })
  .strict()
  .meta({ id: "AuditEntry" });

/** A page of the audit log, newest first; `nextCursor` asks for the next one (null: no more). */
export const auditPageSchema = z
  .object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "AuditPage" });

/** The change log of an objective and its key results, oldest first. */
export const objectiveHistorySchema = z
  .object({ entries: z.array(historyEntrySchema) })
  .strict()
  .meta({ id: "ObjectiveHistory" });

/** A page of an objective's history, newest first; `nextCursor` asks for the older ones (null: no more). */
export const objectiveHistoryPageSchema = z
  .object({ items: z.array(historyEntrySchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "ObjectiveHistoryPage" });

/** A node of the alignment tree: an objective, its key results and the objectives aligned to it. */
const treeNodeSchema = z
  .object({
    objective: objectiveSummarySchema,
    keyResults: z.array(keyResultSchema),
    get children() {
      return z.array(treeNodeSchema);
    },
  })
  .strict()
  .meta({ id: "TreeNode" });

/** The alignment tree (对齐地图) of a cycle. */
export const cycleTreeSchema = z
  .object({ cycleId: id, roots: z.array(treeNodeSchema) })
  .strict()
  .meta({ id: "CycleTree" });

/** A node of the alignment map read level by level: its children are counted, and read on demand. */
export const treeNodeSummarySchema = z
  .object({ objective: objectiveSummarySchema, keyResults: z.array(keyResultSchema), childCount: count })
  .strict()
  .meta({ id: "TreeNodeSummary" });

/** A page of the alignment map's nodes, in the map's order; `nextCursor` asks for the next (null: no more). */
export const treeNodePageSchema = z
  .object({ items: z.array(treeNodeSummarySchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "TreeNodePage" });

/** The nodes above an objective on the alignment map, from its root down to its parent (none for a root). */
export const treePathSchema = z
  .object({ items: z.array(treeNodeSummarySchema) })
  .strict()
  .meta({ id: "TreePath" });

/** How many objectives or key results are in each health. */
const healthCountsSchema = z
  .object({ on_track: count, at_risk: count, off_track: count, done: count })
  .strict()
  .meta({ id: "HealthCounts" });

/** A cycle's numbers (数据看板) over what the caller may see; only published and closed OKRs count. */
export const cycleDashboardSchema = z
  .object({
    cycleId: id,
    objectives: count,
    keyResults: count,
    progress: share,
    healthCounts: healthCountsSchema,
    keyResultHealthCounts: healthCountsSchema,
    checkInRate: share,
    /** Per week of the cycle so far: the share of these KRs checked in that week. */
    checkInTrend: z.array(z.object({ weekStart: z.string(), rate: share }).strict()),
    alignmentCoverage: share,
    scoreDistribution: z.object({ red: count, yellow: count, green: count, unscored: count }).strict(),
    riskyKeyResults: z.array(
      z
        .object({
          id,
          objectiveId: id,
          title: z.string(),
          ownerUserId: id.nullable(),
          progress: share,
          confidence: confidence.nullable(),
          health: healthSchema,
        })
        .strict(),
    ),
    departments: z.array(
      z
        .object({
          departmentId: id,
          name: z.string(),
          objectives: count,
          progress: share,
          healthCounts: healthCountsSchema,
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: "CycleDashboard" });

/**
 * The rollout dashboard (落地看板) of a cycle: per department below the company, how far the practice has
 * landed, and who is missing at the step the cycle's phase is at (`stage`).
 */
export const cycleRolloutSchema = z
  .object({
    cycleId: id,
    /** The step the missing lists follow: published (planning, aligning), checked in, scored, reviewed. */
    stage: z.enum(ROLLOUT_STAGES),
    /** Per week of the cycle so far: the share of the KRs of these departments checked in that week. */
    checkInTrend: z.array(z.object({ weekStart: z.string(), rate: share }).strict()),
    departments: z.array(
      z
        .object({
          departmentId: id,
          name: z.string(),
          parentId: id.nullable(),
          leaderId: id.nullable(),
          members: count,
          membersWithPublishedOkrs: count,
          objectives: count,
          alignmentCoverage: share,
          checkInRate: share,
          scoredShare: share,
          reviewedShare: share,
          /** Who has not done this stage's step, and why. */
          missing: z.array(
            z.object({ userId: id, name: z.string(), reason: z.enum(ROLLOUT_MISSING_REASONS) }).strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: "CycleRollout" });

/** A KR on the team view: where it stands, how sure its owner is, and what they last wrote. */
const teamKeyResultSchema = z
  .object({
    id,
    title: z.string(),
    ownerUserId: id.nullable(),
    progress: share,
    /** Null while the objective is not committed. */
    health: healthSchema.nullable(),
    confidence: confidence.nullable(),
    /** The confidences of its latest check-ins, oldest first (at most five). */
    confidenceTrend: z.array(confidence),
    lastCheckInAt: timestamp.nullable(),
    /** The note of its latest check-in that has one (Markdown), or null. */
    latestNote: z.string().nullable(),
    /** Open to a check-in by its owner now, and none since this check-in week began. */
    missingCheckIn: z.boolean(),
    selfScore: share.nullable(),
    managerScore: share.nullable(),
  })
  .strict()
  .meta({ id: "TeamKeyResult" });

/** One person of the caller's team in a cycle, with the objectives they answer for. */
const teamMemberSchema = z
  .object({
    userId: id,
    name: z.string(),
    title: z.string().nullable(),
    departmentId: id.nullable(),
    managerId: id.nullable(),
    /** Reports to the caller directly (otherwise through someone who does). */
    direct: z.boolean(),
    /** Their latest check-in in the cycle, or null. */
    lastCheckInAt: timestamp.nullable(),
    /** Their KRs open to a check-in with none since this check-in week began. */
    missingCheckIns: count,
    /** Their objectives waiting for the caller to approve or send back. */
    pendingApprovals: count,
    /** Adjustments of their objectives waiting for the caller's decision. */
    pendingAdjustments: count,
    /** Over the KRs of their committed objectives: how many there are, self-scored, scored by the manager. */
    scoring: z.object({ keyResults: count, selfScored: count, managerScored: count }).strict(),
    objectives: z.array(
      z
        .object({
          id,
          title: z.string(),
          level: z.enum(OBJECTIVE_LEVELS),
          status: z.enum(OBJECTIVE_STATUSES),
          progress: share,
          health: healthSchema.nullable(),
          score: share.nullable(),
          /** The cycle scores, its KRs are self-scored, and the manager's score, the caller's to give, is missing. */
          awaitingMyScore: z.boolean(),
          keyResults: z.array(teamKeyResultSchema),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: "TeamMember" });

/** My team (我的团队): the people who report to the caller, in a cycle. */
export const teamSchema = z
  .object({
    cycleId: id,
    /** When this check-in week began (the organization's check-in weekday and hour). */
    weekStart: timestamp,
    people: z.array(teamMemberSchema),
  })
  .strict()
  .meta({ id: "Team" });

/** Whether the instance still needs its first organization. */
export const setupStatusSchema = z.object({ needed: z.boolean() }).strict().meta({ id: "SetupStatus" });

/**
 * Whether the caller is signed in: answered 200 either way, so the app shell learns it without a 401
 * (which browsers log as an error) before it asks `GET /me`.
 */
export const sessionStatusSchema = z.object({ signedIn: z.boolean() }).strict().meta({ id: "SessionStatus" });

/** The answer of setup: the new organization, its admin and the admin's membership (a session cookie is set). */
export const setupAnswerSchema = z
  .object({
    organization: organizationSchema,
    user: userSchema,
    membership: memberSchema,
  })
  .strict()
  .meta({ id: "SetupAnswer" });

/** The answer of a sign-in: the user and the organizations they are an active member of (a session cookie is set). */
export const loginAnswerSchema = z
  .object({
    user: userSchema,
    organizations: z.array(z.object({ id, name: z.string(), role: z.enum(ROLES) }).strict()),
  })
  .strict()
  .meta({ id: "LoginAnswer" });

/** The caller: user, membership and organization (the one X-Org-Id chose). */
export const meSchema = z
  .object({
    user: userSchema,
    membership: memberSchema,
    organization: organizationSchema,
    abilities: memberAbilitiesSchema,
  })
  .strict()
  .meta({ id: "Me" });

/** The caller's profile after an edit. */
export const profileAnswerSchema = z.object({ user: userSchema }).strict().meta({ id: "ProfileAnswer" });

/** A new personal API token; `token` is shown this once (use it as `Authorization: Bearer …`). */
export const apiTokenSchema = z
  .object({ id, name: z.string(), token: z.string().min(1), expiresAt: timestamp.nullable() })
  .strict()
  .meta({ id: "ApiToken" });

/** One of the caller's API tokens that still work, as `GET /tokens` lists them: never the secret. */
export const apiTokenInfoSchema = z
  .object({
    id,
    name: z.string(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    expiresAt: timestamp.nullable(),
  })
  .strict()
  .meta({ id: "ApiTokenInfo" });

/** A one-time link to an invitation: emailed when the server can send mail, and shown to copy into a chat. */
export const invitationLinkSchema = z
  .object({ id, email: z.string(), url: z.string(), expiresAt: timestamp, emailed: z.boolean() })
  .strict()
  .meta({ id: "InvitationLink" });

/** The links of several invitations made at once, in the order asked. */
export const invitationLinksSchema = z
  .object({ items: z.array(invitationLinkSchema) })
  .strict()
  .meta({ id: "InvitationLinks" });

/** What an invitation's page shows before it is accepted: who invites whom to what. */
export const invitationSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    organization: z.object({ id, name: z.string() }).strict(),
    invitedBy: z.object({ name: z.string().nullable() }).strict(),
    role: z.enum(ROLES),
    department: z.object({ id, name: z.string() }).strict().nullable(),
    title: z.string().nullable(),
    expiresAt: timestamp,
    /** The person already has a password (another organization): they accept with it instead of choosing one. */
    existingAccount: z.boolean(),
    locale: z.enum(LOCALES),
  })
  .strict()
  .meta({ id: "Invitation" });

/** A one-time link with which a member sets a new password (their old one no longer signs in). */
export const passwordResetLinkSchema = z
  .object({ url: z.string(), expiresAt: timestamp, emailed: z.boolean() })
  .strict()
  .meta({ id: "PasswordResetLink" });

/** No body (204): the route answers with an empty reply. */
export const noContentSchema = z.undefined();

/** One problem with one field of the input. */
const errorDetailSchema = z
  .object({ path: z.string(), message: z.string() })
  .strict()
  .meta({ id: "ErrorDetail" });

/** Statuses the API's error codes answer with (error-codes.ts). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

const STATUS_TITLES: Record<ErrorStatus, string> = {
  400: "The request is invalid",
  401: "Not signed in, or wrong credentials",
  403: "Not allowed, or the account is deactivated",
  404: "Not found (also an X-Org-Id the caller does not belong to)",
  409: "Conflict with the stored state",
  413: "The request body is too large",
  422: "The request breaks a rule of the product",
  429: "Too many attempts",
};

const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

/** The contract's error body (`errorBodySchema`), strict, with the codes it may carry. */
function errorBodyFor(codes: ErrorCode[]) {
  return z
    .object({
      error: errorBodySchema.shape.error
        .extend({ code: z.enum(codes), details: z.array(errorDetailSchema) })
        .strict(),
    })
    .strict();
}
type ErrorBodySchema = ReturnType<typeof errorBodyFor>;

/** The contract's error body with any error code. */
const errorSchema = errorBodyFor(ALL_ERROR_CODES).meta({
  id: "Error",
  description: "An error: a stable code, a message in the caller's language and the fields at fault.",
});

/** Any failure not listed for the route (500 `internal.error` first of all). */
const otherErrorResponse = errorSchema.describe(
  "Any other failure, in the same shape: 500 internal.error, or a status listed elsewhere.",
);

const errorResponseByStatus = new Map<ErrorStatus, ErrorBodySchema>();

/** The error body of one status (component `Error<status>`), described for a response with its codes. */
function errorResponseOf(status: ErrorStatus): ErrorBodySchema {
  let response = errorResponseByStatus.get(status);
  if (!response) {
    const codes = ALL_ERROR_CODES.filter((code) => ERROR_CODES[code].status === status);
    const description = `${STATUS_TITLES[status]}: ${codes.join(", ")}.`;
    // The component says what it is, the response when it comes (a description equal to the component's is dropped).
    response = errorBodyFor(codes)
      .meta({ id: `Error${status}`, description: `The error body of a ${status} answer.` })
      .describe(description);
    errorResponseByStatus.set(status, response);
  }
  return response;
}

/**
 * The error answers of a route, for its `response` schemas: each status lists the error codes that answer
 * with it (error-codes.ts), and `default` covers the rest (500).
 */
export function errorResponses<const S extends ErrorStatus>(
  ...statuses: S[]
): Record<S, ErrorBodySchema> & { default: ErrorBodySchema } {
  const responses = Object.fromEntries(statuses.map((status) => [status, errorResponseOf(status)]));
  return { ...responses, default: otherErrorResponse } as Record<S, ErrorBodySchema> & {
    default: ErrorBodySchema;
  };
}

/** Error answers of a signed-in read that takes input (path or query): 400, 401, 403, 404. */
export const readErrorResponses = errorResponses(400, 401, 403, 404);

/** Error answers of a signed-in write: 400, 401, 403, 404, 409 (version conflict…), 413, 422. */
export const writeErrorResponses = errorResponses(400, 401, 403, 404, 409, 413, 422);

/**
 * Every output schema with a registry id, as OpenAPI 3.1 `components.schemas` (JSON Schema 2020-12),
 * converted as fastify-type-provider-zod converts route schemas, which refer to them as
 * `#/components/schemas/<id>`. Unlike that library's `jsonSchemaTransformObject`, no `$id` (a fragment
 * `$id` is invalid JSON Schema) and no `…Input` twins (which would read as the API's request bodies).
 */
function outputComponentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
    uri: (schemaId) => `#/components/schemas/${schemaId}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([schemaId, { $id: _id, $schema: _dialect, ...schema }]) => [
      schemaId,
      schema,
    ]),
  );
}

/** An OpenAPI document with the output schemas as its components (for @fastify/swagger's `transformObject`). */
export function withOutputComponents<D extends { components?: { schemas?: object } }>(document: D): D {
  return {
    ...document,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...outputComponentSchemas() },
    },
  };
}
