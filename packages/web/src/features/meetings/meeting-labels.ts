import type { Meeting, MeetingAgenda } from "@luodi/client";

/** Catalogue keys of meeting kinds, statuses and agenda sections. */
export const MEETING_KIND_KEYS = {
  weekly: "meetings.kind.weekly",
  bimonthly: "meetings.kind.bimonthly",
  planning: "meetings.kind.planning",
  ceo_qa: "meetings.kind.ceo_qa",
} as const satisfies Record<Meeting["kind"], string>;

export const MEETING_STATUS_KEYS = {
  scheduled: "meetings.status.scheduled",
  in_progress: "meetings.status.in_progress",
  ended: "meetings.status.ended",
} as const satisfies Record<Meeting["status"], string>;

export const MEETING_STATUS_COLORS: Record<Meeting["status"], string> = {
  scheduled: "blue",
  in_progress: "orange",
  ended: "default",
};

export const AGENDA_SECTION_KEYS = {
  off_track: "meetings.section.off_track",
  at_risk: "meetings.section.at_risk",
  missing_check_ins: "meetings.section.missing_check_ins",
  biggest_changes: "meetings.section.biggest_changes",
  pending_approvals: "meetings.section.pending_approvals",
  unaligned_drafts: "meetings.section.unaligned_drafts",
  coach_errors: "meetings.section.coach_errors",
  proposals: "meetings.section.proposals",
  questions: "meetings.section.questions",
} as const satisfies Record<MeetingAgenda["sections"][number]["kind"], string>;
