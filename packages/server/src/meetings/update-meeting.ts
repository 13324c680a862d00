import {
  AppError,
  assertTextLength,
  canMoveMeeting,
  canRunMeeting,
  MEETING_NOTES_MAX_LENGTH,
  type MeetingStatus,
} from "@luodi/core";
import { type MeetingTable, replaceMeetingAttendees, updateMeeting } from "@luodi/db";
import type { Updateable } from "kysely";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadMeetingFor, policyMeetingOf } from "./meeting-access.ts";
import { computeAgenda } from "./meeting-agenda.ts";

/** What a change to a meeting may say. */
export type MeetingPatch = {
  title?: string | undefined;
  scheduledAt?: string | undefined;
  status?: MeetingStatus | undefined;
  minutes?: string | undefined;
  decisions?: string | undefined;
  attendeeIds?: string[] | undefined;
};

/**
 * Changes a meeting (its organizer, those who may schedule it): one step forward in its status — starting
 * it freezes the agenda computed at that instant into the meeting —, its title, time, minutes, decisions
 * and attendees (active members; the list replaces the old one).
 */
export async function changeMeeting(caller: Caller, id: string, patch: MeetingPatch): Promise<void> {
  if (patch.minutes !== undefined) assertTextLength(patch.minutes, MEETING_NOTES_MAX_LENGTH, "minutes");
  if (patch.decisions !== undefined) assertTextLength(patch.decisions, MEETING_NOTES_MAX_LENGTH, "decisions");
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { meeting, attendeeIds } = await loadMeetingFor(caller, trx, id);
    const graph = await graphOf(caller, trx);
    if (!canRunMeeting(auth.actor, policyMeetingOf(meeting, attendeeIds), graph))
      throw new AppError("permission.denied");
    const now = ctx.config.now().toISOString();
    const set: Updateable<MeetingTable> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const change = <K extends "title" | "scheduledAt" | "minutes" | "decisions" | "status">(
      key: K,
      value: string | undefined,
    ) => {
      if (value === undefined || value === meeting[key]) return;
      before[key] = meeting[key];
      after[key] = value;
    };
    change("title", patch.title);
    change(
      "scheduledAt",
      patch.scheduledAt === undefined ? undefined : new Date(patch.scheduledAt).toISOString(),
    );
    change("minutes", patch.minutes);
    change("decisions", patch.decisions);
    if (patch.status !== undefined && patch.status !== meeting.status) {
      if (!canMoveMeeting(meeting.status, patch.status))
        throw new AppError("meeting.invalid_transition", { from: meeting.status, to: patch.status }, [
          { path: "status" },
        ]);
      change("status", patch.status);
      set.status = patch.status;
      if (patch.status === "in_progress") {
        set.startedAt = now;
        set.agenda = JSON.stringify(await computeAgenda(caller, trx, meeting));
      } else set.endedAt = now;
    }
    if (patch.attendeeIds !== undefined) {
      const next = [...new Set(patch.attendeeIds)];
      next.forEach((userId, index) => {
        if (graph.members.get(userId)?.status !== "active")
          throw new AppError("meeting.unknown_attendee", {}, [{ path: `attendeeIds.${index}` }]);
      });
      const sorted = (ids: readonly string[]) => [...ids].sort();
      if (sorted(next).join() !== sorted(attendeeIds).join()) {
        before.attendeeIds = attendeeIds;
        after.attendeeIds = next;
        await replaceMeetingAttendees(trx, orgId, id, next);
      }
    }
    if (Object.keys(after).length === 0) return;
    if (after.title !== undefined) set.title = after.title as string;
    if (after.scheduledAt !== undefined) set.scheduledAt = after.scheduledAt as string;
    if (after.minutes !== undefined) set.minutes = after.minutes as string;
    if (after.decisions !== undefined) set.decisions = after.decisions as string;
    if (Object.keys(set).length > 0) await updateMeeting(trx, orgId, id, set);
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "meeting.update",
        entityType: "meeting",
        entityId: id,
        before,
        after,
        at: now,
      },
    ]);
  });
}
