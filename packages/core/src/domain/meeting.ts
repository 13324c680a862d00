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
  "questions",
] as const;
type AgendaSectionKind = (typeof AGENDA_SECTION_KINDS)[number];

/** The limit on minutes and decisions, in characters. */
export const MEETING_NOTES_MAX_LENGTH = 50_000;

/** The limit on a question or an answer, in characters. */
export const QUESTION_MAX_LENGTH = 5_000;

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
