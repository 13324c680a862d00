import type {
  AdjustmentAnswer,
  ApiTokenAnswer,
  CheckInAnswer,
  CheckInResultAnswer,
  CycleAnswer,
  CycleDashboardAnswer,
  CycleRolloutAnswer,
  CycleTreeAnswer,
  DepartmentAnswer,
  HistoryEntryAnswer,
  InvitationAnswer,
  InvitationLinkAnswer,
  KeyResultAbilitiesAnswer,
  KeyResultAnswer,
  KeyResultPendingAnswer,
  LoginAnswer,
  MeAnswer,
  MemberAnswer,
  ObjectiveAbilitiesAnswer,
  ObjectiveAnswer,
  ObjectiveDetailAnswer,
  OrganizationAnswer,
  PasswordResetLinkAnswer,
  SessionStatusAnswer,
  SetupAnswer,
  TreeNodeAnswer,
  UserAnswer,
} from "@luodi/core";

/*
 * What the API answers: every type here is derived from core's output schemas (the ones the server
 * validates its answers against and documents in openapi.json), never written by hand, so a field the
 * server sends is a field the web app sees. Timestamps are ISO-8601 strings in UTC; dates `YYYY-MM-DD`;
 * progress and scores in [0, 1].
 */

export type {
  CoachFinding,
  CoachReview,
  Health,
  KeyResultType,
  Locale,
  ObjectiveLevel,
  ObjectiveStatus,
} from "@luodi/core";

export type User = UserAnswer;
export type Organization = OrganizationAnswer;
export type Member = MemberAnswer;
export type Department = DepartmentAnswer;
export type Cycle = CycleAnswer;
export type KeyResult = KeyResultAnswer;
export type KeyResultAbilities = KeyResultAbilitiesAnswer;
export type ObjectiveAbilities = ObjectiveAbilitiesAnswer;
/** An objective as lists answer it: with its KRs and alignment. */
export type Objective = ObjectiveAnswer;
/** An objective as its own page answers it: with the objectives aligned to it and pending adjustments. */
export type ObjectiveDetail = ObjectiveDetailAnswer;
export type CheckIn = CheckInAnswer;
export type CheckInResult = CheckInResultAnswer;
export type HistoryEntry = HistoryEntryAnswer;
/** The caller: user, membership, organization, and what they may do in it. */
export type SessionInfo = MeAnswer;
/** Whether the caller is signed in (`GET /session`, 200 either way). */
export type SessionStatus = SessionStatusAnswer;
export type LoginResult = LoginAnswer;
export type SetupResult = SetupAnswer;
export type TreeNode = TreeNodeAnswer;
export type CycleTree = CycleTreeAnswer;
export type CycleDashboard = CycleDashboardAnswer;
export type ApiToken = ApiTokenAnswer;
/** A requested change (调整) of an objective or one of its KRs, with its decision. */
export type Adjustment = AdjustmentAnswer;
/** A KR edit answered with 202: the KR unchanged, and the adjustment that waits. */
export type KeyResultPending = KeyResultPendingAnswer;
/** The rollout dashboard (落地看板): per department, how far the practice has landed. */
export type CycleRollout = CycleRolloutAnswer;
/** An invitation as its page shows it before acceptance: who invites whom to what. */
export type Invitation = InvitationAnswer;
/** A one-time invitation link, emailed when the server sends mail, and shown to copy. */
export type InvitationLink = InvitationLinkAnswer;
/** A one-time link with which a member sets a new password after an admin reset it. */
export type PasswordResetLink = PasswordResetLinkAnswer;
