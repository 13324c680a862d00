import { canRunMeeting, canViewObjective, type MeetingActionItemAnswer } from "@luodi/core";
import {
  type Executor,
  findKeyResults,
  findMeeting,
  findObjectives,
  listMeetingActionItems,
  listMeetingAttendees,
  type MeetingActionItemRow,
  openActionItemsOf,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { groupBy } from "../services/group-by.ts";
import { mustExist } from "../services/must-exist.ts";
import { loadMeetingFor, policyMeetingOf } from "./meeting-access.ts";

/** A meeting's action items, in the order they were written (404 when the meeting is hidden). */
export async function actionItemsOf(
  caller: Caller,
  meetingId: string,
): Promise<{ items: MeetingActionItemAnswer[] }> {
  const { db } = caller.ctx;
  const loaded = await loadMeetingFor(caller, db, meetingId);
  const rows = await listMeetingActionItems(db, caller.auth.org.id, { meetingId });
  return { items: await presentActionItems(caller, db, rows, loaded) };
}

/** One action item as the caller sees it. */
export async function actionItemFor(caller: Caller, id: string): Promise<MeetingActionItemAnswer> {
  const { db } = caller.ctx;
  const [row] = await listMeetingActionItems(db, caller.auth.org.id, { id });
  const item = mustExist(row, "action item");
  const loaded = await loadMeetingFor(caller, db, item.meetingId);
  const [answer] = await presentActionItems(caller, db, [item], loaded);
  return mustExist(answer, "action item");
}

async function presentActionItems(
  caller: Caller,
  db: Executor,
  rows: MeetingActionItemRow[],
  loaded: Awaited<ReturnType<typeof loadMeetingFor>>,
): Promise<MeetingActionItemAnswer[]> {
  const orgId = caller.auth.org.id;
  const { actor } = caller.auth;
  const keyResults = await findKeyResults(
    db,
    orgId,
    rows.flatMap((r) => (r.keyResultId ? [r.keyResultId] : [])),
  );
  const [objectives, graph] = await Promise.all([
    findObjectives(
      db,
      orgId,
      keyResults.map((kr) => kr.objectiveId),
    ),
    graphOf(caller, db),
  ]);
  const visible = new Set(
    objectives.filter((o) => canViewObjective(actor, policyObjectiveOf(o), graph)).map((o) => o.id),
  );
  const krs = new Map(keyResults.filter((kr) => visible.has(kr.objectiveId)).map((kr) => [kr.id, kr]));
  const runs = canRunMeeting(actor, policyMeetingOf(loaded.meeting, loaded.attendeeIds), graph);
  return rows.map((row) => {
    const keyResult = row.keyResultId ? krs.get(row.keyResultId) : undefined;
    return {
      id: row.id,
      meetingId: row.meetingId,
      title: row.title,
      owner: { id: row.ownerUserId, name: row.ownerName },
      dueDate: row.dueDate,
      keyResult: keyResult
        ? { id: keyResult.id, objectiveId: keyResult.objectiveId, title: keyResult.title }
        : null,
      done: row.done === 1,
      createdAt: row.createdAt,
      abilities: { update: runs, complete: runs || row.ownerUserId === actor.userId },
    };
  });
}

/**
 * The caller's action items not yet done, from every meeting, the soonest due first: their home page lists
 * them. Each names its meeting; a KR the caller may not see is not named.
 */
export async function myActionItems(
  caller: Caller,
): Promise<{ items: Array<MeetingActionItemAnswer & { meeting: { id: string; title: string } }> }> {
  const { db } = caller.ctx;
  const orgId = caller.auth.org.id;
  const rows = await openActionItemsOf(db, orgId, caller.auth.user.id);
  const meetings = [...new Set(rows.map((r) => r.meetingId))];
  const attendees = groupBy(await listMeetingAttendees(db, orgId, meetings), (a) => a.meetingId);
  const items = await Promise.all(
    [...groupBy(rows, (r) => r.meetingId)].map(async ([meetingId, theirs]) => {
      const meeting = await findMeeting(db, orgId, meetingId);
      if (!meeting) return [];
      const loaded = { meeting, attendeeIds: (attendees.get(meetingId) ?? []).map((a) => a.userId) };
      const answers = await presentActionItems(caller, db, theirs, loaded);
      return answers.map((answer) => ({ ...answer, meeting: { id: meeting.id, title: meeting.title } }));
    }),
  );
  const byId = new Map(items.flat().map((item) => [item.id, item]));
  return { items: rows.flatMap((row) => byId.get(row.id) ?? []) };
}
