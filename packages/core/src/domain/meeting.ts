import { isWithinDepartment, leadersOver } from "./org-graph.ts";
import { isAdmin } from "./policy.ts";
import type { Actor, Health, OrgGraph } from "./types.ts";

/** Meetings (会议): the weekly check-in meeting, 双月会, 规划会 and CEO 面对面. */
export const MEETING_KINDS = ["weekly", "bimonthly", "planning", "ceo_qa"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** A meeting moves forward only: scheduled → in_progress (its agenda is frozen) → ended. */
export const MEETING_STATUSES = ["scheduled", "in_progress", "ended"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The sections of a generated agenda, in the order they are discussed. */
export const AGENDA_SECTION_KINDS = [
  "off_track",
  "at_risk",
  "missing_check_ins",
  "biggest_changes",
  "pending_approvals",
  "unaligned_drafts",
  "coach_errors",
  "proposals",
  "questions",
] as const;
type AgendaSectionKind = (typeof AGENDA_SECTION_KINDS)[number];

/** The limit on minutes and decisions, in characters. */
export const MEETING_NOTES_MAX_LENGTH = 50_000;

/** The limit on a question or an answer, in characters. */
export const QUESTION_MAX_LENGTH = 5_000;

/**
 * How many items an agenda section lists at most, the most pressing first: a meeting discusses a page,
 * not the twenty thousand KRs of a large company.
 */
export const AGENDA_SECTION_LIMIT = 25;

/** How many of a KR's latest confidences an agenda item shows as its trend. */
const AGENDA_CONFIDENCE_TREND = 5;

/** How many draft objectives a planning meeting's agenda has the coach review (the most recent first). */
export const AGENDA_COACH_REVIEWS = 40;

/**
 * The confidence trend of a KR: the confidences of its check-ins (oldest first), the last
 * {@link AGENDA_CONFIDENCE_TREND} of them, oldest first.
 */
export function confidenceTrend(confidences: readonly number[]): number[] {
  return confidences.slice(-AGENDA_CONFIDENCE_TREND);
}

/**
 * A draft that nothing above it links: not a company objective (those have nothing above them) and no
 * parent objective or KR. A planning meeting lists these as alignment gaps.
 */
export function isUnalignedDraft(objective: {
  status: string;
  level: string;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
}): boolean {
  return (
    objective.status === "draft" &&
    objective.level !== "company" &&
    objective.parentObjectiveId === null &&
    objective.parentKeyResultId === null
  );
}

/** How many of the top-voted open questions a CEO 面对面 agenda lists. */
export const AGENDA_QUESTIONS = 10;

/** Who may answer a CEO 面对面 question: the CEO (the organization's owner) and admins. */
export function canAnswerQuestion(actor: Actor): boolean {
  return isAdmin(actor);
}

/** What the meeting rules need to know about a meeting: its scope (null: the company) and its people. */
export type PolicyMeeting = {
  departmentId: string | null;
  createdBy: string;
  attendeeIds: readonly string[];
};

/** True when `to` follows `from` (one step forward; a meeting never goes back). */
export function canMoveMeeting(from: MeetingStatus, to: MeetingStatus): boolean {
  return MEETING_STATUSES.indexOf(to) === MEETING_STATUSES.indexOf(from) + 1;
}

/** Who may schedule a meeting: admins anywhere; for a department's meeting, the leaders of it and above. */
export function canCreateMeeting(actor: Actor, departmentId: string | null, graph: OrgGraph): boolean {
  if (isAdmin(actor)) return true;
  return departmentId !== null && leadersOver(graph, departmentId).includes(actor.userId);
}

/** Who may run a meeting (start, end, minutes, decisions, action items): who may schedule it, and its organizer. */
export function canRunMeeting(actor: Actor, meeting: PolicyMeeting, graph: OrgGraph): boolean {
  return meeting.createdBy === actor.userId || canCreateMeeting(actor, meeting.departmentId, graph);
}

/**
 * Who may see a meeting: its attendees, the people of its scope (the department's subtree and the leaders
 * above it; everyone for a company meeting), and admins.
 */
export function canViewMeeting(actor: Actor, meeting: PolicyMeeting, graph: OrgGraph): boolean {
  if (meeting.departmentId === null || isAdmin(actor)) return true;
  if (meeting.attendeeIds.includes(actor.userId) || meeting.createdBy === actor.userId) return true;
  const own = graph.members.get(actor.userId)?.departmentId ?? null;
  if (own !== null && isWithinDepartment(graph, own, meeting.departmentId)) return true;
  return leadersOver(graph, meeting.departmentId).includes(actor.userId);
}

/**
 * One thing on an agenda as computed for everyone (the server filters it per viewer): what it links, with
 * the titles and numbers of the moment it was computed.
 */
export type AgendaRecordItem = {
  objectiveId: string | null;
  objectiveTitle: string | null;
  keyResultId: string | null;
  keyResultTitle: string | null;
  userId: string | null;
  userName: string | null;
  questionId?: string | null;
  questionBody?: string | null;
  voteCount?: number | null;
  /** The KR's latest check-in note (off-track and at-risk items). Absent in agendas frozen before it existed. */
  note?: string | null;
  /** The KR's latest confidences, oldest first. */
  confidenceTrend?: number[];
  /** A pending adjustment (pending_approvals): its id and the reason given. */
  adjustmentId?: string | null;
  adjustmentReason?: string | null;
  /** An open proposal (proposals). */
  proposalId?: string | null;
  proposalTitle?: string | null;
  /** The coach's errors on a draft (coach_errors), in the language of whoever computed the agenda. */
  coachErrors?: Array<{ code: string; target: string; message: string }>;
  health: Health | null;
  progress: number | null;
  confidence: number | null;
  progressChange: number | null;
  lastCheckInAt: string | null;
};

/** An agenda as computed (live) or as frozen into the meeting when it started. */
export type AgendaRecord = {
  generatedAt: string;
  sections: Array<{ kind: AgendaSectionKind; items: AgendaRecordItem[] }>;
};
