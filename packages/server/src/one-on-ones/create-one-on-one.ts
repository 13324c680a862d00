import { AppError, canHoldOneOnOne } from "@luodi/core";
import { insertOneOnOne } from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";

/**
 * Schedules a 1:1 with one of the caller's reports (`reportUserId`, anywhere below them in the manager
 * chain) or with one of their managers (`managerUserId`). Anyone else — a peer, an unknown or former
 * member — answers 403 `one_on_one.not_related`.
 */
export async function createOneOnOne(
  caller: Caller,
  input: {
    reportUserId?: string | undefined;
    managerUserId?: string | undefined;
    scheduledAt: string;
    title?: string | undefined;
  },
): Promise<string> {
  const { ctx, auth } = caller;
  const me = auth.user.id;
  if ((input.reportUserId === undefined) === (input.managerUserId === undefined))
    throw new AppError("one_on_one.other_person_required", {}, [{ path: "reportUserId" }]);
  const managerId = input.managerUserId ?? me;
  const reportId = input.reportUserId ?? me;
  const other = input.reportUserId ?? input.managerUserId ?? me;
  return inTransaction(ctx, async (trx) => {
    const graph = await graphOf(caller, trx);
    if (graph.members.get(other)?.status !== "active" || !canHoldOneOnOne(graph, managerId, reportId))
      throw new AppError("one_on_one.not_related", {}, [
        { path: input.reportUserId !== undefined ? "reportUserId" : "managerUserId" },
      ]);
    const id = newId();
    const now = ctx.config.now().toISOString();
    const scheduledAt = new Date(input.scheduledAt).toISOString();
    await insertOneOnOne(trx, {
      orgId: auth.org.id,
      id,
      managerId,
      reportId,
      title: input.title ?? null,
      scheduledAt,
      status: "scheduled",
      sharedNotes: "",
      notesUpdatedAt: null,
      createdBy: me,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: me,
        action: "one_on_one.create",
        entityType: "one_on_one",
        entityId: id,
        after: { managerId, reportId, scheduledAt, title: input.title ?? null },
        at: now,
      },
    ]);
    return id;
  });
}
