import { AppError, canRunMeeting } from "@luodi/core";
import {
  type Executor,
  insertMeetingActionItem,
  listMeetingActionItems,
  updateMeetingActionItem,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { loadKeyResultFor } from "../key-results/key-result-access.ts";
import { notify } from "../notifications/notify.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadMeetingFor, policyMeetingOf } from "./meeting-access.ts";

/** What an action item says. */
export type ActionItemInput = {
  title?: string | undefined;
  ownerUserId?: string | undefined;
  dueDate?: string | null | undefined;
  keyResultId?: string | null | undefined;
  done?: boolean | undefined;
};

async function checkedFields(caller: Caller, trx: Executor, input: ActionItemInput) {
  const graph = await graphOf(caller, trx);
  if (input.ownerUserId !== undefined && graph.members.get(input.ownerUserId)?.status !== "active")
    throw new AppError("meeting.unknown_attendee", {}, [{ path: "ownerUserId" }]);
  // A KR the caller may not see answers 404, as if it did not exist.
  if (input.keyResultId) await loadKeyResultFor(caller, trx, input.keyResultId);
  return graph;
}

/**
 * Adds an action item to a meeting (those who run it), and tells its owner (`meeting_action_item`).
 */
export async function addActionItem(
  caller: Caller,
  meetingId: string,
  input: ActionItemInput & { title: string; ownerUserId: string },
): Promise<string> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const { meeting, attendeeIds } = await loadMeetingFor(caller, trx, meetingId);
    const graph = await checkedFields(caller, trx, input);
    if (!canRunMeeting(auth.actor, policyMeetingOf(meeting, attendeeIds), graph))
      throw new AppError("permission.denied");
    const id = newId();
    const now = ctx.config.now().toISOString();
    const row = {
      orgId,
      id,
      meetingId,
      title: input.title,
      ownerUserId: input.ownerUserId,
      dueDate: input.dueDate ?? null,
      keyResultId: input.keyResultId ?? null,
      done: input.done ? 1 : 0,
      createdBy: auth.user.id,
      createdAt: now,
    };
    await insertMeetingActionItem(trx, row);
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "meeting.action_item.create",
        entityType: "meeting_action_item",
        entityId: id,
        after: {
          meetingId,
          title: row.title,
          ownerUserId: row.ownerUserId,
          dueDate: row.dueDate,
          keyResultId: row.keyResultId,
        },
        at: now,
      },
    ]);
    await notify(caller, trx, {
      kind: "meeting_action_item",
      recipientIds: [input.ownerUserId],
      subject: { type: "meeting", id: meetingId, title: meeting.title },
      excerpt: input.title,
      link: `/meetings/${meetingId}`,
    });
    return id;
  });
}

/**
 * Changes an action item: those who run its meeting change anything (a new owner is told); its owner may
 * mark it done or not.
 */
export async function changeActionItem(caller: Caller, id: string, input: ActionItemInput): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const [item] = await listMeetingActionItems(trx, orgId, { id });
    if (!item) throw new AppError("meeting.action_item_not_found");
    const { meeting, attendeeIds } = await loadMeetingFor(caller, trx, item.meetingId).catch(() => {
      throw new AppError("meeting.action_item_not_found");
    });
    const graph = await checkedFields(caller, trx, input);
    const runs = canRunMeeting(auth.actor, policyMeetingOf(meeting, attendeeIds), graph);
    const onlyDone = Object.keys(input).every((key) => key === "done");
    if (!runs && !(onlyDone && item.ownerUserId === auth.user.id)) throw new AppError("permission.denied");
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const current = { ...item, done: item.done === 1 } as Record<string, unknown>;
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || current[key] === value) continue;
      before[key] = current[key];
      after[key] = value;
    }
    if (Object.keys(after).length === 0) return;
    const now = ctx.config.now().toISOString();
    await updateMeetingActionItem(trx, orgId, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.ownerUserId !== undefined ? { ownerUserId: input.ownerUserId } : {}),
      ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
      ...(input.keyResultId !== undefined ? { keyResultId: input.keyResultId } : {}),
      ...(input.done !== undefined ? { done: input.done ? 1 : 0 } : {}),
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "meeting.action_item.update",
        entityType: "meeting_action_item",
        entityId: id,
        before,
        after,
        at: now,
      },
    ]);
    if (after.ownerUserId !== undefined)
      await notify(caller, trx, {
        kind: "meeting_action_item",
        recipientIds: [after.ownerUserId as string],
        subject: { type: "meeting", id: meeting.id, title: meeting.title },
        excerpt: input.title ?? item.title,
        link: `/meetings/${meeting.id}`,
      });
  });
}
