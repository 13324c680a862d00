import { assertTextLength, ONE_ON_ONE_NOTES_MAX_LENGTH } from "@luodi/core";
import { upsertPrivateNote } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadOneOnOneFor } from "./one-on-one-access.ts";

/**
 * Writes the caller's own private note on a 1:1. Only its writer ever reads it: the audit entry records
 * that it changed and how long it is, never its text.
 */
export async function writePrivateNote(caller: Caller, id: string, body: string): Promise<void> {
  assertTextLength(body, ONE_ON_ONE_NOTES_MAX_LENGTH, "body");
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    await loadOneOnOneFor(caller, trx, id, { lock: true });
    const now = ctx.config.now().toISOString();
    await upsertPrivateNote(trx, {
      orgId: auth.org.id,
      oneOnOneId: id,
      userId: auth.user.id,
      body,
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "one_on_one.private_note.write",
        entityType: "one_on_one",
        entityId: id,
        after: { privateNoteChanged: true },
        at: now,
      },
    ]);
  });
}
