import { AppError, isOneOnOneParticipant, ONE_ON_ONE_MAX_ITEMS } from "@luodi/core";
import {
  type Executor,
  insertActionItem,
  listActionItems,
  type OneOnOneRow,
  updateActionItem,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { diffFields, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadOneOnOneFor, loadVisibleKeyResult } from "./one-on-one-access.ts";

type ActionItemFields = {
  title?: string | undefined;
  ownerUserId?: string | undefined;
  dueDate?: string | null | undefined;
  keyResultId?: string | null | undefined;
};

/** Refuses an owner who is not one of the two, and a KR the caller may not see. */
async function checkFields(caller: Caller, trx: Executor, meeting: OneOnOneRow, input: ActionItemFields) {
  if (input.ownerUserId !== undefined && !isOneOnOneParticipant({ userId: input.ownerUserId }, meeting))
    throw new AppError("one_on_one.owner_not_participant", {}, [{ path: "ownerUserId" }]);
  if (input.keyResultId) await loadVisibleKeyResult(caller, trx, input.keyResultId, "keyResultId");
}

/** Tells the owner of an action item the other participant gave them. */
async function noticeOwner(
  caller: Caller,
  trx: Executor,
  meeting: OneOnOneRow,
  title: string,
  ownerId: string,
) {
  if (ownerId === caller.auth.user.id) return;
  await notify(caller, trx, {
    kind: "meeting_action_item",
    recipientIds: [ownerId],
    subject: { type: "one_on_one", id: meeting.id, title },
    link: `/one-on-ones/${meeting.id}`,
  });
}

/** Adds an action item owned by one of the two participants; the owner hears of it when it is not the caller. */
export async function addActionItem(
  caller: Caller,
  id: string,
  input: ActionItemFields & { title: string; ownerUserId: string },
): Promise<void> {
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    const meeting = await loadOneOnOneFor(caller, trx, id, { lock: true });
    await checkFields(caller, trx, meeting, input);
    if ((await listActionItems(trx, auth.org.id, id)).length >= ONE_ON_ONE_MAX_ITEMS)
      throw new AppError("one_on_one.too_many_items", { max: ONE_ON_ONE_MAX_ITEMS });
    const itemId = newId();
    const now = ctx.config.now().toISOString();
    const row = {
      title: input.title,
      ownerId: input.ownerUserId,
      dueDate: input.dueDate ?? null,
      keyResultId: input.keyResultId ?? null,
    };
    await insertActionItem(trx, {
      orgId: auth.org.id,
      id: itemId,
      oneOnOneId: id,
      ...row,
      doneAt: null,
      createdBy: auth.user.id,
      createdAt: now,
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "one_on_one.action_item.add",
        entityType: "one_on_one",
        entityId: id,
        after: { itemId, ...row },
        at: now,
      },
    ]);
    await noticeOwner(caller, trx, meeting, input.title, input.ownerUserId);
  });
}

/** Changes an action item or marks it done (or not); a new owner hears of it when it is not the caller. */
export async function updateActionItemFields(
  caller: Caller,
  id: string,
  itemId: string,
  input: ActionItemFields & { done?: boolean | undefined },
): Promise<void> {
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    const meeting = await loadOneOnOneFor(caller, trx, id, { lock: true });
    const item = (await listActionItems(trx, auth.org.id, id)).find((i) => i.id === itemId);
    if (!item) throw new AppError("one_on_one.item_not_found");
    await checkFields(caller, trx, meeting, input);
    const now = ctx.config.now().toISOString();
    const doneAt =
      input.done === undefined || input.done === (item.doneAt !== null) ? undefined : input.done ? now : null;
    const diff = diffFields(
      {
        title: item.title,
        ownerId: item.ownerId,
        dueDate: item.dueDate,
        keyResultId: item.keyResultId,
        doneAt: item.doneAt,
      },
      {
        title: input.title,
        ownerId: input.ownerUserId,
        dueDate: input.dueDate,
        keyResultId: input.keyResultId,
        doneAt,
      },
    );
    if (!diff) return;
    await updateActionItem(trx, auth.org.id, itemId, diff.after);
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "one_on_one.action_item.update",
        entityType: "one_on_one",
        entityId: id,
        before: { itemId, ...diff.before },
        after: { itemId, ...diff.after },
        at: now,
      },
    ]);
    if (diff.after.ownerId)
      await noticeOwner(caller, trx, meeting, input.title ?? item.title, diff.after.ownerId);
  });
}
