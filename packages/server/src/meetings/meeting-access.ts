import { AppError, canViewMeeting, type PolicyMeeting } from "@luodi/core";
import { type Executor, findMeeting, listMeetingAttendees, type MeetingRow } from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";

/** What the meeting rules need to know about a stored meeting. */
export function policyMeetingOf(row: MeetingRow, attendeeIds: readonly string[]): PolicyMeeting {
  return { departmentId: row.departmentId, createdBy: row.createdBy, attendeeIds };
}

/** The meeting as the caller may see it: 404 when it does not exist or is hidden from them. */
export async function loadMeetingFor(
  caller: Caller,
  db: Executor,
  id: string,
): Promise<{ meeting: MeetingRow; attendeeIds: string[] }> {
  const orgId = caller.auth.org.id;
  const meeting = await findMeeting(db, orgId, id);
  if (!meeting) throw new AppError("meeting.not_found");
  const attendeeIds = (await listMeetingAttendees(db, orgId, [id])).map((a) => a.userId);
  const graph = await graphOf(caller, db);
  if (!canViewMeeting(caller.auth.actor, policyMeetingOf(meeting, attendeeIds), graph))
    throw new AppError("meeting.not_found");
  return { meeting, attendeeIds };
}
