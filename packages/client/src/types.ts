import type {
  AdjustmentAnswer,
  ApiTokenAnswer,
  ApiTokenInfoAnswer,
  AuditEntryAnswer,
  AuditPageAnswer,
  CalendarFeedAnswer,
  CalendarFeedSecretAnswer,
  CheckInAnswer,
  CheckInPageAnswer,
  CheckInResultAnswer,
  CommentAnswer,
  CommentHistoryAnswer,
  CommentPageAnswer,
  CycleAnswer,
  CycleDashboardAnswer,
  CycleRolloutAnswer,
  CycleTreeAnswer,
  DepartmentAnswer,
  HistoryEntryAnswer,
  InsightsAnswer,
  IntegrationAnswer,
  IntegrationTestResultAnswer,
  InvitationAnswer,
  InvitationLinkAnswer,
  KeyResultAbilitiesAnswer,
  KeyResultAnswer,
  KeyResultPendingAnswer,
  LoginAnswer,
  MeAnswer,
  MeetingActionItemAnswer,
  AgendaAnswer as MeetingAgendaAnswer,
  MeetingAnswer,
  MeetingPageAnswer,
  MemberAnswer,
  MemberPageAnswer,
  MyActionItemListAnswer,
  NotificationAnswer,
  NotificationDeliveryAnswer,
  NotificationListAnswer,
  NotificationSettingsAnswer,
  ObjectiveAbilitiesAnswer,
  ObjectiveAnswer,
  ObjectiveDetailAnswer,
  ObjectiveHistoryPageAnswer,
  ObjectivePageAnswer,
  OneOnOneAnswer,
  OneOnOnePageAnswer,
  OrganizationAnswer,
  PasswordResetLinkAnswer,
  ProposalAnswer,
  ProposalPageAnswer,
  QuestionAnswer,
  QuestionPageAnswer,
  RaceAnswer,
  RecognitionAnswer,
  RecognitionPageAnswer,
  RecordAnswer,
  SessionStatusAnswer,
  SetupAnswer,
  SpinOffResultAnswer,
  SsoStatusAnswer,
  TalentReviewAnswer,
  TalentReviewPageAnswer,
  TeamAnswer,
  TreeNodePageAnswer,
  TreeNodeSummaryAnswer,
  TreePathAnswer,
  UserAnswer,
  WebhookAnswer,
  WebhookDeliveryAnswer,
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
  CommentSubjectType,
  Health,
  IntegrationKind,
  KeyResultType,
  Locale,
  ObjectiveKind,
  ObjectiveLevel,
  ObjectiveStatus,
} from "@luodi/core";

export type User = UserAnswer;
export type Organization = OrganizationAnswer;
export type Member = MemberAnswer;
export type Department = DepartmentAnswer;
/** A chat channel of the organization: its secret never answered, its webhook URL masked but the host. */
export type Integration = IntegrationAnswer;
/** An outbound webhook: its address masked but the host, its events, its newest delivery; never its secret. */
export type Webhook = WebhookAnswer;
/** A webhook just made: with the secret the server made, shown this once. */
export type WebhookCreated = WebhookAnswer & { secret?: string };
export type WebhookDelivery = WebhookDeliveryAnswer;
export type WebhookDeliveryList = { items: WebhookDeliveryAnswer[]; nextCursor: string | null };
/** How a test message to a chat channel went. */
export type IntegrationTestResult = IntegrationTestResultAnswer;
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
/** A page of a KR's check-ins, newest first; `nextCursor` asks for the next one (null: no more). */
export type CheckInPage = CheckInPageAnswer;
export type HistoryEntry = HistoryEntryAnswer;
/** A page of objectives, oldest first; `nextCursor` asks for the next one (null: no more). */
export type ObjectivePage = ObjectivePageAnswer;
/** A page of an objective's history, newest first; `nextCursor` asks for older entries. */
export type ObjectiveHistoryPage = ObjectiveHistoryPageAnswer;
/** A page of members, by name; `nextCursor` asks for the next one (null: no more). */
export type MemberPage = MemberPageAnswer;
/** The caller: user, membership, organization, and what they may do in it. */
export type SessionInfo = MeAnswer;
/** Whether the caller is signed in (`GET /session`, 200 either way). */
export type SessionStatus = SessionStatusAnswer;
/** What the sign-in page offers (`GET /auth/oidc`): single sign-on, its name, whether passwords are off. */
export type SsoStatus = SsoStatusAnswer;
export type LoginResult = LoginAnswer;
export type SetupResult = SetupAnswer;
export type CycleTree = CycleTreeAnswer;
/** A node of the map read level by level: its children counted, read on demand (`tree/nodes`). */
export type TreeNodeSummary = TreeNodeSummaryAnswer;
export type TreeNodePage = TreeNodePageAnswer;
/** The nodes above an objective on the map, from its root down to its parent. */
export type TreePath = TreePathAnswer;
export type CycleDashboard = CycleDashboardAnswer;
export type ApiToken = ApiTokenAnswer;
/** One of the caller's API tokens as listed (never the secret). */
export type ApiTokenInfo = ApiTokenInfoAnswer;
/** One entry of the organization's audit log (admins). */
export type AuditEntry = AuditEntryAnswer;
/** A page of the audit log, newest first. */
export type AuditPage = AuditPageAnswer;
/** A requested change (调整) of an objective or one of its KRs, with its decision. */
export type Adjustment = AdjustmentAnswer;
/** A KR edit answered with 202: the KR unchanged, and the adjustment that waits. */
export type KeyResultPending = KeyResultPendingAnswer;
/** The rollout dashboard (落地看板): per department, how far the practice has landed. */
export type CycleRollout = CycleRolloutAnswer;
/** My team (我的团队): the people who report to the caller, in a cycle. */
export type Team = TeamAnswer;
/** An invitation as its page shows it before acceptance: who invites whom to what. */
export type Invitation = InvitationAnswer;
/** A one-time invitation link, emailed when the server sends mail, and shown to copy. */
export type InvitationLink = InvitationLinkAnswer;
/** A one-time link with which a member sets a new password after an admin reset it. */
export type PasswordResetLink = PasswordResetLinkAnswer;
/** One notice in a person's bell (a mention, an approval request…), with where it leads. */
export type Notification = NotificationAnswer;
/** A page of the caller's notifications, with how many are unread. */
export type NotificationList = NotificationListAnswer;
/** Per kind × channel on or off, and quiet hours. */
export type NotificationSettings = NotificationSettingsAnswer;
/** A page of the organization's outbox of emails and chat messages (admins). */
export type NotificationDeliveryList = { items: NotificationDeliveryAnswer[]; nextCursor: string | null };
/** A comment (评论) on an objective, a KR or a check-in, with its rendered, sanitised `bodyHtml`. */
export type Comment = CommentAnswer;
/** A page of a thread, oldest first. */
export type CommentPage = CommentPageAnswer;
/** The texts a comment had before its edits, oldest first. */
export type CommentHistory = CommentHistoryAnswer;
/** Praise (表扬), public to the organization. */
export type Recognition = RecognitionAnswer;
/** A page of praise, newest first. */
export type RecognitionPage = RecognitionPageAnswer;
/** A meeting (会议): weekly, 双月会, 规划会 or CEO 面对面. */
export type Meeting = MeetingAnswer;
/** A page of meetings, newest first. */
export type MeetingPage = MeetingPageAnswer;
/** A meeting's agenda: live until it starts, frozen after. */
export type MeetingAgenda = MeetingAgendaAnswer;
/** An action item of a meeting. */
export type MeetingActionItem = MeetingActionItemAnswer;
/** One of the caller's open action items, naming its meeting (their home page lists them). */
export type MyActionItem = MyActionItemListAnswer["items"][number];
/** Whether the caller has a calendar feed link. */
export type CalendarFeed = CalendarFeedAnswer;
/** A new calendar feed secret, shown once. */
export type CalendarFeedSecret = CalendarFeedSecretAnswer;
/** A question for CEO 面对面; an anonymous one names no author. */
export type Question = QuestionAnswer;
/** A page of questions. */
export type QuestionPage = QuestionPageAnswer;
/** A proposal (提案) of 赛马, with what the caller may do to it. */
export type Proposal = ProposalAnswer;
/** A page of the proposals board. */
export type ProposalPage = ProposalPageAnswer;
/** The proposals racing for one parent KR or objective, in leaderboard order. */
export type Race = RaceAnswer;
/** What a spin-off (独立成军) made: the new department, who moved, the proposal. */
export type SpinOffResult = SpinOffResultAnswer;
/** A 1:1 (一对一) as one of its two participants sees it, with the caller's own private note. */
export type OneOnOne = OneOnOneAnswer;
/** A page of the caller's 1:1s, newest first. */
export type OneOnOnePage = OneOnOnePageAnswer;
/** A person's OKR record (人才密度): cycle after cycle, what they aimed at and reached; oldest cycle first. */
export type PersonRecord = RecordAnswer;
/** Team insights of a department in a cycle: score distribution by kind, and each person's results and flags. */
export type TeamInsights = InsightsAnswer;
/** A talent review (人才盘点): the grid's placements, who may still be placed, and every move made. */
export type TalentReview = TalentReviewAnswer;
/** A page of the talent reviews the caller may open. */
export type TalentReviewPage = TalentReviewPageAnswer;
