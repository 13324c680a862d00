import { AppError, canCreateMeeting, type MeetingKind } from "@luodi/core";
import { findCycle, insertMeeting } from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";

/** What a new meeting says. */
export type MeetingInput = {
  kind: MeetingKind;
  title: string;
  cycleId: string;
  departmentId?: string | undefined;
  scheduledAt: string;
  attendeeIds?: string[] | undefined;
};

/**
 * Schedules a meeting of the company (admins) or of a department's subtree (its leaders and those above,
 * admins), in a cycle, with active members as attendees.
 */
export async function createMeeting(caller: Caller, input: MeetingInput): Promise<string> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const graph = await graphOf(caller, trx);
    const departmentId = input.departmentId ?? null;
    if (departmentId !== null && !graph.departments.has(departmentId))
      throw new AppError("department.not_found", {}, [{ path: "departmentId" }]);
    if (!(await findCycle(trx, orgId, input.cycleId)))
      throw new AppError("cycle.not_found", {}, [{ path: "cycleId" }]);
    if (!canCreateMeeting(auth.actor, departmentId, graph)) throw new AppError("permission.denied");
    const attendeeIds = [...new Set(input.attendeeIds ?? [])];
    attendeeIds.forEach((userId, index) => {
      if (graph.members.get(userId)?.status !== "active")
        throw new AppError("meeting.unknown_attendee", {}, [{ path: `attendeeIds.${index}` }]);
    });
    const id = newId();
    const now = ctx.config.now().toISOString();
    const scheduledAt = new Date(input.scheduledAt).toISOString();
    await insertMeeting(
      trx,
      {
        orgId,
        id,
        kind: input.kind,
        title: input.title,
        cycleId: input.cycleId,
        departmentId,
        scheduledAt,
        status: "scheduled",
        minutes: "",
        decisions: "",
        agenda: null,
        createdBy: auth.user.id,
        createdAt: now,
        startedAt: null,
        endedAt: null,
      },
      attendeeIds,
    );
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "meeting.create",
        entityType: "meeting",
        entityId: id,
        after: {
          kind: input.kind,
          title: input.title,
          cycleId: input.cycleId,
          departmentId,
          scheduledAt,
          attendeeIds,
        },
        at: now,
      },
    ]);
    return id;
  });
}
