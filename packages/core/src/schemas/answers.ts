import type { z } from "zod";
import type {
  commentHistorySchema,
  commentPageSchema,
  commentSchema,
  recognitionPageSchema,
  recognitionSchema,
} from "./conversation.ts";
import type {
  adjustmentSchema,
  apiTokenInfoSchema,
  apiTokenSchema,
  auditEntrySchema,
  auditPageSchema,
  checkInAnswerSchema,
  checkInPageSchema,
  checkInSchema,
  cycleDashboardSchema,
  cycleRolloutSchema,
  cycleSchema,
  cycleTreeSchema,
  departmentSchema,
  historyEntrySchema,
  invitationLinkSchema,
  invitationSchema,
  keyResultAbilitiesSchema,
  keyResultPendingSchema,
  keyResultSchema,
  loginAnswerSchema,
  memberPageSchema,
  memberSchema,
  meSchema,
  objectiveAbilitiesSchema,
  objectiveDetailSchema,
  objectiveHistoryPageSchema,
  objectivePageSchema,
  objectiveSchema,
  objectiveSummarySchema,
  organizationSchema,
  passwordResetLinkSchema,
  sessionStatusSchema,
  setupAnswerSchema,
  teamSchema,
  treeNodePageSchema,
  treeNodeSummarySchema,
  treePathSchema,
  userSchema,
} from "./output.ts";

/*
 * The TypeScript types of the API's answers, derived from the output schemas: presenters return them and
 * the client hands them to the web app and the CLI, so a field added to a schema and missing in a
 * presenter, or read by the web app and absent from the schema, is a compile error.
 */

export type UserAnswer = z.output<typeof userSchema>;
export type OrganizationAnswer = z.output<typeof organizationSchema>;
export type MemberAnswer = z.output<typeof memberSchema>;
export type MemberPageAnswer = z.output<typeof memberPageSchema>;
export type DepartmentAnswer = z.output<typeof departmentSchema>;
export type CycleAnswer = z.output<typeof cycleSchema>;
export type KeyResultAnswer = z.output<typeof keyResultSchema>;
export type ObjectiveSummaryAnswer = z.output<typeof objectiveSummarySchema>;
export type ObjectiveAnswer = z.output<typeof objectiveSchema>;
export type AdjustmentAnswer = z.output<typeof adjustmentSchema>;
export type ObjectiveDetailAnswer = z.output<typeof objectiveDetailSchema>;
export type KeyResultPendingAnswer = z.output<typeof keyResultPendingSchema>;
export type CheckInAnswer = z.output<typeof checkInSchema>;
export type CheckInResultAnswer = z.output<typeof checkInAnswerSchema>;
export type CheckInPageAnswer = z.output<typeof checkInPageSchema>;
export type HistoryEntryAnswer = z.output<typeof historyEntrySchema>;
export type ObjectiveHistoryPageAnswer = z.output<typeof objectiveHistoryPageSchema>;
export type ObjectivePageAnswer = z.output<typeof objectivePageSchema>;
export type CycleTreeAnswer = z.output<typeof cycleTreeSchema>;
export type TreeNodeSummaryAnswer = z.output<typeof treeNodeSummarySchema>;
export type TreeNodePageAnswer = z.output<typeof treeNodePageSchema>;
export type TreePathAnswer = z.output<typeof treePathSchema>;
export type CycleDashboardAnswer = z.output<typeof cycleDashboardSchema>;
export type CycleRolloutAnswer = z.output<typeof cycleRolloutSchema>;
export type TeamAnswer = z.output<typeof teamSchema>;
export type SessionStatusAnswer = z.output<typeof sessionStatusSchema>;
export type SetupAnswer = z.output<typeof setupAnswerSchema>;
export type LoginAnswer = z.output<typeof loginAnswerSchema>;
export type MeAnswer = z.output<typeof meSchema>;
export type ApiTokenAnswer = z.output<typeof apiTokenSchema>;
export type ApiTokenInfoAnswer = z.output<typeof apiTokenInfoSchema>;
export type AuditEntryAnswer = z.output<typeof auditEntrySchema>;
export type AuditPageAnswer = z.output<typeof auditPageSchema>;
export type InvitationLinkAnswer = z.output<typeof invitationLinkSchema>;
export type InvitationAnswer = z.output<typeof invitationSchema>;
export type PasswordResetLinkAnswer = z.output<typeof passwordResetLinkSchema>;
export type ObjectiveAbilitiesAnswer = z.output<typeof objectiveAbilitiesSchema>;
export type KeyResultAbilitiesAnswer = z.output<typeof keyResultAbilitiesSchema>;
export type CommentAnswer = z.output<typeof commentSchema>;
export type CommentPageAnswer = z.output<typeof commentPageSchema>;
export type CommentHistoryAnswer = z.output<typeof commentHistorySchema>;
export type RecognitionAnswer = z.output<typeof recognitionSchema>;
export type RecognitionPageAnswer = z.output<typeof recognitionPageSchema>;
