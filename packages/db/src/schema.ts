import type {
  AdjustmentStatus,
  AgendaItemKind,
  AgendaRecord,
  Aggregation,
  CommentSubjectType,
  CycleKind,
  CyclePhase,
  DecimalString,
  Direction,
  Health,
  IntegrationKind,
  KeyResultType,
  Locale,
  MeetingKind,
  MeetingStatus,
  MemberStatus,
  NotificationChannel,
  NotificationKind,
  NotificationSettings,
  NotificationSubjectType,
  ObjectiveKind,
  ObjectiveLevel,
  ObjectiveStatus,
  OneOnOneStatus,
  OrgSettings,
  ProposalStatus,
  ReactionEmoji,
  Role,
  TalentReviewStatus,
  Visibility,
  WebhookEvent,
} from "@luodi/core";
import type { ColumnType } from "kysely";

/**
 * Table types, as the code sees them: camelCase names (Kysely's CamelCasePlugin maps them to the
 * snake_case columns of the migrations) and the domain's own types for enumerated columns, so no caller
 * casts what it reads. Timestamps are ISO-8601 UTC text on both dialects so that they sort and compare
 * the same way everywhere; measured values are decimal text so they never drift.
 */
type Timestamp = string;

/**
 * JSON kept as text, tagged with the type it holds; `readJson` (json.ts) reads it back. The tag is a
 * phantom: a plain string is assignable, so writes pass `JSON.stringify(value)`.
 */
export type JsonText<T> = string & { readonly __json?: T };

export type OrganizationTable = {
  id: string;
  name: string;
  locale: Locale;
  timezone: string;
  mission: string;
  vision: string;
  strategy: string;
  /** Stored settings; the defaults fill what is missing. */
  settings: JsonText<Partial<OrgSettings>>;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type UserTable = {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  locale: Locale | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type MembershipTable = {
  orgId: string;
  userId: string;
  role: Role;
  departmentId: string | null;
  managerId: string | null;
  title: string | null;
  status: MemberStatus;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type DepartmentTable = {
  orgId: string;
  id: string;
  parentId: string | null;
  name: string;
  leaderId: string | null;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
};

export type CycleTable = {
  orgId: string;
  id: string;
  name: string;
  kind: CycleKind;
  startDate: string;
  endDate: string;
  parentId: string | null;
  phase: CyclePhase;
  /** The due date (`YYYY-MM-DD`) of each phase that has one. */
  phaseDue: JsonText<Partial<Record<CyclePhase, string>>>;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

/** The retrospective (复盘) of an objective, as stored. */
type StoredReview = {
  wentWell: string;
  wentBadly: string;
  lessons: string;
  nextSteps: string;
  reviewedBy: string;
  reviewedAt: string;
};

export type ObjectiveTable = {
  orgId: string;
  id: string;
  cycleId: string;
  level: ObjectiveLevel;
  ownerDepartmentId: string | null;
  ownerUserId: string | null;
  title: string;
  description: string;
  weight: number;
  visibility: Visibility;
  /** Committed or aspirational; rows written before kinds existed, and inserts that leave it out, are aspirational. */
  kind: ColumnType<ObjectiveKind, ObjectiveKind | undefined, ObjectiveKind>;
  /** Its id in the system it was imported from (unique per organization among live rows); null otherwise. */
  externalId: ColumnType<string | null, string | null | undefined, string | null>;
  status: ObjectiveStatus;
  progress: number;
  health: Health;
  score: number | null;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  review: JsonText<StoredReview> | null;
  rejectReason: string | null;
  createdBy: string;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
};

export type KeyResultTable = {
  orgId: string;
  id: string;
  objectiveId: string;
  ownerUserId: string | null;
  /** Its id in the system it was imported from (unique per organization among live rows); null otherwise. */
  externalId: ColumnType<string | null, string | null | undefined, string | null>;
  title: string;
  type: KeyResultType;
  unit: string | null;
  startValue: DecimalString | null;
  targetValue: DecimalString | null;
  /** Cache of the derived current value (core's currentValueOf; the computed sum of a sum rollup). */
  currentValue: DecimalString | null;
  /** The value of the latest check-in, or null before the first (numeric and done/not-done KRs). */
  checkedInValue: ColumnType<DecimalString | null, DecimalString | null | undefined, DecimalString | null>;
  /** The start value that check-in was measured from: the value counts only while the start is the same. */
  checkedInStart: ColumnType<DecimalString | null, DecimalString | null | undefined, DecimalString | null>;
  direction: Direction | null;
  aggregation: Aggregation | null;
  parentKeyResultId: string | null;
  weight: number;
  /** 信心指数 0–10; null until the owner's first check-in gives one. */
  confidence: number | null;
  progress: number;
  progressRaw: number;
  /** Cached health as if committed (answers show null for drafts; see core's keyResultHealthIn). */
  health: Health;
  selfScore: number | null;
  managerScore: number | null;
  score: number | null;
  scoreComment: string | null;
  position: number;
  lastCheckInAt: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
};

export type MilestoneTable = {
  orgId: string;
  id: string;
  keyResultId: string;
  title: string;
  weight: number;
  /** 1 when done, 0 when not (an integer on both dialects). */
  done: number;
  position: number;
};

export type CheckInTable = {
  orgId: string;
  id: string;
  keyResultId: string;
  objectiveId: string;
  authorId: string;
  value: DecimalString | null;
  previousValue: DecimalString | null;
  milestonesDone: JsonText<string[]> | null;
  confidence: number;
  note: string;
  progress: number;
  createdAt: Timestamp;
};

export type ObjectiveSupportTable = {
  orgId: string;
  objectiveId: string;
  supportedObjectiveId: string;
  createdAt: Timestamp;
};

export type AuditLogTable = {
  orgId: string;
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  objectiveId: string | null;
  reason: string | null;
  before: JsonText<Record<string, unknown>> | null;
  after: JsonText<Record<string, unknown>> | null;
  createdAt: Timestamp;
};

export type SessionTable = {
  id: string;
  userId: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
};

export type ApiTokenTable = {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: Timestamp;
  lastUsedAt: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  revokedAt: Timestamp | null;
  /** When the token stops working; null: never. */
  expiresAt: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
};

/** The first answer to a create sent with an `Idempotency-Key`, kept 24 hours per organization, person and key. */
export type IdempotencyKeyTable = {
  orgId: string;
  userId: string;
  key: string;
  /** SHA-256 of the method, path and body: a retry has the same, another request reusing the key not. */
  requestHash: string;
  status: number;
  body: string;
  createdAt: Timestamp;
};

/** Failed sign-ins counted per key (`account:<email>`, `ip:<address>`) since the start of its window. */
type LoginAttemptTable = {
  key: string;
  failures: number;
  windowStart: Timestamp;
};

/** What a one-time account link lets its holder do: accept an invitation, or reset a password. */
export type AccountLinkKind = "invitation" | "password_reset";

export type AccountLinkTable = {
  id: string;
  kind: AccountLinkKind;
  userId: string;
  /** The organization that invites (or whose admin reset the password); null for a reset the person asked for. */
  orgId: string | null;
  /** The admin who invited or reset; null for a reset the person asked for. */
  createdBy: string | null;
  /** SHA-256 of the secret the link carries; the secret itself is never stored. */
  tokenHash: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
};

/** A person at an identity provider (single sign-on), linked to their Luodi user. */
export type UserIdentityTable = {
  /** The provider's issuer identifier (OIDC_ISSUER as its discovery document names it). */
  issuer: string;
  /** The provider's stable id of the person (`sub`). */
  subject: string;
  userId: string;
  /** The email the provider gave when the link was made (for the admin's eyes; never matched on again). */
  email: string | null;
  createdAt: Timestamp;
  lastLoginAt: Timestamp;
};

/** A single sign-on under way: what the callback needs to finish it, by the SHA-256 of its `state`. */
export type OidcLoginRequestTable = {
  id: string;
  codeVerifier: string;
  nonce: string;
  /** The path of this site to land on after signing in. */
  returnTo: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
};

/**
 * A requested change, in the API's field names: the fields as they were and as requested. A whole-objective
 * save (PUT /objectives/:id) also keeps `save`: the changes to apply on approval — the objective's changed
 * fields, each KR to update (its id and changed fields) or create, and the ids of the KRs to delete — read
 * back through the server's schema of it.
 */
type StoredChanges = {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  save?: Record<string, unknown>;
};

export type AdjustmentTable = {
  orgId: string;
  id: string;
  objectiveId: string;
  keyResultId: string | null;
  requestedBy: string;
  reason: string;
  /** The requested patch, in the API's field names. */
  changes: JsonText<StoredChanges>;
  status: AdjustmentStatus;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  decisionReason: string | null;
  createdAt: Timestamp;
};

export type NotificationTable = {
  orgId: string;
  /** UUIDv7: a person's list sorts by it, newest first. */
  id: string;
  userId: string;
  kind: NotificationKind;
  actorId: string | null;
  subjectType: NotificationSubjectType;
  subjectId: string;
  /** The subject's title when it was sent (the list shows it even once the subject is renamed). */
  subjectTitle: string;
  excerpt: string | null;
  /** The path the web app opens. */
  link: string;
  createdAt: Timestamp;
  readAt: Timestamp | null;
};

export type NotificationSettingTable = {
  orgId: string;
  userId: string;
  settings: JsonText<NotificationSettings>;
  updatedAt: Timestamp;
};

export type DeliveryStatus = "pending" | "sent" | "failed";

export type NotificationDeliveryTable = {
  orgId: string;
  id: string;
  /** `webhook`: an event for an outbound webhook (the same outbox, queue and retries as messages). */
  channel: Exclude<NotificationChannel, "inApp"> | "webhook";
  /** The person an email goes to, the chat integration a message goes to, or the webhook an event goes to. */
  targetId: string;
  /** The notification kind, or the webhook event (`objective.published`, …, `ping`). */
  kind: NotificationKind | WebhookEvent | "ping";
  /** What to send, rendered when the notification was made (its language and words are those of then). */
  payload: JsonText<unknown>;
  status: DeliveryStatus;
  attempts: ColumnType<number, number | undefined, number>;
  /** When it may be tried next: after quiet hours, after a failure's backoff, or after a sender's lease. */
  nextAttemptAt: Timestamp;
  lastError: string | null;
  createdAt: Timestamp;
  sentAt: Timestamp | null;
};

/** A chat channel of an organization: a platform's webhook and the notification kinds it receives. */
export type IntegrationTable = {
  orgId: string;
  id: string;
  kind: IntegrationKind;
  name: string;
  /** The platform's webhook address; it carries the platform's token, so answers mask it. */
  webhookUrl: string;
  /** The signing secret (Feishu, DingTalk) as given: it must sign, so it cannot be hashed. Never answered. */
  secret: string | null;
  /** The department whose subtree's events it receives; null: the whole organization's. */
  departmentId: string | null;
  events: JsonText<NotificationKind[]>;
  /** 1 when it receives notifications, 0 when switched off (an integer on both dialects). */
  enabled: number;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

/** An outbound webhook of an organization: where its events go, which ones, and the secret that signs them. */
export type WebhookTable = {
  orgId: string;
  id: string;
  /** The receiver's address; it may carry a credential, so answers mask it. */
  url: string;
  events: JsonText<WebhookEvent[]>;
  /** Signs each delivery (HMAC-SHA256): it must sign, so it cannot be hashed. Never answered after creation. */
  secret: string;
  createdBy: string | null;
  createdAt: Timestamp;
};

/** A comment (评论); `objectiveId` is the objective whose visibility decides who may see it. */
export type CommentTable = {
  orgId: string;
  /** UUIDv7: a thread sorts by it, oldest first. */
  id: string;
  subjectType: CommentSubjectType;
  subjectId: string;
  objectiveId: string;
  /** The thread's first comment, for a reply; null for a first comment. */
  parentId: string | null;
  authorId: string;
  body: string;
  /** The active members it mentioned when written (whether they may see it is decided when read). */
  mentions: JsonText<string[]>;
  createdAt: Timestamp;
  editedAt: Timestamp | null;
  deletedAt: Timestamp | null;
  deletedBy: string | null;
};

/** An earlier text of an edited comment, as it was until `editedAt`. */
export type CommentEditTable = {
  orgId: string;
  id: string;
  commentId: string;
  body: string;
  editedBy: string;
  editedAt: Timestamp;
};

export type CommentReactionTable = {
  orgId: string;
  commentId: string;
  emoji: ReactionEmoji;
  userId: string;
  createdAt: Timestamp;
};

/** Praise (表扬), optionally for an objective or a key result. */
export type RecognitionTable = {
  orgId: string;
  /** UUIDv7: the feed sorts by it, newest first. */
  id: string;
  authorId: string;
  message: string;
  objectiveId: string | null;
  keyResultId: string | null;
  createdAt: Timestamp;
};

type RecognitionRecipientTable = {
  orgId: string;
  recognitionId: string;
  userId: string;
};

/** A meeting (会议) of the company (`departmentId` null) or of a department's subtree. */
export type MeetingTable = {
  orgId: string;
  /** UUIDv7: lists sort by it, newest first. */
  id: string;
  kind: MeetingKind;
  title: string;
  cycleId: string;
  departmentId: string | null;
  scheduledAt: Timestamp;
  status: MeetingStatus;
  minutes: string;
  decisions: string;
  /** The agenda frozen when the meeting started; null while it is generated from live data. */
  agenda: JsonText<AgendaRecord> | null;
  createdBy: string;
  createdAt: Timestamp;
  startedAt: Timestamp | null;
  endedAt: Timestamp | null;
};

type MeetingAttendeeTable = {
  orgId: string;
  meetingId: string;
  userId: string;
};

/** Something to do after a meeting: whose, by when, for which KR. */
export type MeetingActionItemTable = {
  orgId: string;
  /** UUIDv7: listed in the order they were written. */
  id: string;
  meetingId: string;
  title: string;
  ownerUserId: string;
  dueDate: string | null;
  keyResultId: string | null;
  /** 1 when done, 0 when not. */
  done: number;
  createdBy: string;
  createdAt: Timestamp;
};

/** A person's calendar feed secret, kept only as its SHA-256. */
type CalendarFeedTable = {
  orgId: string;
  userId: string;
  tokenHash: string;
  createdAt: Timestamp;
};

/** A question for CEO 面对面; an anonymous one has no author at all (`authorId` null). */
export type QuestionTable = {
  orgId: string;
  /** UUIDv7: lists sort by it, newest first. */
  id: string;
  body: string;
  authorId: string | null;
  meetingId: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Timestamp | null;
  createdAt: Timestamp;
};

type QuestionVoteTable = {
  orgId: string;
  questionId: string;
  userId: string;
};

/** An occurrence of a scheduled job that ran (see the migration add-scheduled-runs). */
export type ScheduledRunTable = {
  orgId: string;
  /** `check_in_reminder`, `phase_deadline:<cycle id>:<phase>`, `digest`… */
  job: string;
  /** The instant the occurrence was due, ISO. */
  occurrence: Timestamp;
  ranAt: Timestamp;
  recipients: number;
};

/** A 1:1 (一对一) between a manager and one of their reports (see the migration add-one-on-ones). */
export type OneOnOneTable = {
  orgId: string;
  /** UUIDv7: lists sort by it, newest first. */
  id: string;
  managerId: string;
  reportId: string;
  title: string | null;
  scheduledAt: Timestamp;
  status: OneOnOneStatus;
  /** Markdown both participants read; earlier texts are in `one_on_one_notes_edit`. */
  sharedNotes: string;
  notesUpdatedAt: Timestamp | null;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

/** An earlier text of a 1:1's shared notes, as it was until `editedAt`. */
export type OneOnOneNotesEditTable = {
  orgId: string;
  id: string;
  oneOnOneId: string;
  body: string;
  editedBy: string;
  editedAt: Timestamp;
};

export type OneOnOneAgendaItemTable = {
  orgId: string;
  /** UUIDv7: the agenda sorts by it, oldest first. */
  id: string;
  oneOnOneId: string;
  kind: AgendaItemKind;
  text: string | null;
  keyResultId: string | null;
  /** 1 once discussed (checked off), 0 before (an integer on both dialects). */
  discussed: number;
  addedBy: string;
  createdAt: Timestamp;
};

export type OneOnOneActionItemTable = {
  orgId: string;
  id: string;
  oneOnOneId: string;
  title: string;
  ownerId: string;
  dueDate: string | null;
  keyResultId: string | null;
  doneAt: Timestamp | null;
  createdBy: string;
  createdAt: Timestamp;
};

/** A participant's own note on a 1:1: only `userId` ever reads it. */
export type OneOnOnePrivateNoteTable = {
  orgId: string;
  oneOnOneId: string;
  userId: string;
  body: string;
  updatedAt: Timestamp;
};

/** A draft KR of a proposal, as stored until acceptance makes it a real KR. */
export type StoredProposalKeyResult = {
  title: string;
  type: KeyResultType;
  unit: string | null;
  startValue: string | null;
  targetValue: string | null;
  direction: Direction | null;
  milestones: Array<{ title: string; weight: number }> | null;
  weight: number;
  ownerUserId: string | null;
};

/**
 * A proposal (提案) of 赛马. `parentObjectiveId` is always set (the parent KR's objective when it serves a
 * KR); `keyResults` holds the draft KRs until acceptance creates `objectiveId` from them.
 */
export type ProposalTable = {
  orgId: string;
  /** UUIDv7: the board sorts by it, newest first. */
  id: string;
  cycleId: string;
  title: string;
  pitch: string;
  status: ProposalStatus;
  proposerId: string;
  parentObjectiveId: string;
  parentKeyResultId: string | null;
  keyResults: JsonText<StoredProposalKeyResult[]>;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  decisionReason: string | null;
  objectiveId: string | null;
  spinOffDepartmentId: string | null;
  spunOffAt: Timestamp | null;
  spunOffBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

/** One person backing (a vote) or on the team of a proposal; one row each. */
type ProposalPersonTable = {
  orgId: string;
  proposalId: string;
  userId: string;
  createdAt: Timestamp;
};

/** A talent review (人才盘点) of a department's subtree in a cycle. */
export type TalentReviewTable = {
  orgId: string;
  /** UUIDv7: listed newest first. */
  id: string;
  cycleId: string;
  departmentId: string;
  title: string;
  status: TalentReviewStatus;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  finalizedAt: Timestamp | null;
  finalizedBy: string | null;
};

/** A person's place on a review's grid (current in `talent_placement`, every one ever in its history). */
export type TalentPlacementTable = {
  orgId: string;
  reviewId: string;
  userId: string;
  /** 1–3 each. */
  performance: number;
  potential: number;
  reason: string;
  /** The ids of the objectives the placement rests on. */
  evidence: JsonText<string[]>;
  placedBy: string;
  placedAt: Timestamp;
};

/** The whole database, as Kysely sees it (camelCase; stored snake_case). */
export type Database = {
  organization: OrganizationTable;
  user: UserTable;
  membership: MembershipTable;
  department: DepartmentTable;
  cycle: CycleTable;
  objective: ObjectiveTable;
  keyResult: KeyResultTable;
  milestone: MilestoneTable;
  checkIn: CheckInTable;
  objectiveSupport: ObjectiveSupportTable;
  auditLog: AuditLogTable;
  session: SessionTable;
  apiToken: ApiTokenTable;
  loginAttempt: LoginAttemptTable;
  idempotencyKey: IdempotencyKeyTable;
  adjustment: AdjustmentTable;
  accountLink: AccountLinkTable;
  userIdentity: UserIdentityTable;
  oidcLoginRequest: OidcLoginRequestTable;
  integration: IntegrationTable;
  webhook: WebhookTable;
  notification: NotificationTable;
  notificationSetting: NotificationSettingTable;
  notificationDelivery: NotificationDeliveryTable;
  scheduledRun: ScheduledRunTable;
  comment: CommentTable;
  commentEdit: CommentEditTable;
  commentReaction: CommentReactionTable;
  recognition: RecognitionTable;
  recognitionRecipient: RecognitionRecipientTable;
  oneOnOne: OneOnOneTable;
  oneOnOneNotesEdit: OneOnOneNotesEditTable;
  oneOnOneAgendaItem: OneOnOneAgendaItemTable;
  oneOnOneActionItem: OneOnOneActionItemTable;
  oneOnOnePrivateNote: OneOnOnePrivateNoteTable;
  meeting: MeetingTable;
  meetingAttendee: MeetingAttendeeTable;
  meetingActionItem: MeetingActionItemTable;
  calendarFeed: CalendarFeedTable;
  question: QuestionTable;
  questionVote: QuestionVoteTable;
  proposal: ProposalTable;
  proposalBacker: ProposalPersonTable;
  proposalMember: ProposalPersonTable;
  talentReview: TalentReviewTable;
  talentPlacement: TalentPlacementTable;
  talentPlacementHistory: TalentPlacementTable & { id: string };
};
