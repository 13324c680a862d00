import { assertTextLength, ONE_ON_ONE_NOTES_MAX_LENGTH, type OneOnOneStatus } from "@luodi/core";
import { insertOneOnOneNotesEdit, updateOneOnOne } from "@luodi/db";
import type { Caller } from "../context.ts";
import { diffFields, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadOneOnOneFor } from "./one-on-one-access.ts";

/**
 * Changes a 1:1's time, title, status or shared notes (either participant). The notes an edit replaces
 * are kept in `one_on_one_notes_edit`; the audit entry says that they changed, not what they say (admins
 * read the audit log, and only the two participants may read the notes).
 */
export async function updateOneOnOneFields(
  caller: Caller,
  id: string,
  input: {
    scheduledAt?: string | undefined;
    title?: string | null | undefined;
    status?: OneOnOneStatus | undefined;
    sharedNotes?: string | undefined;
  },
): Promise<void> {
  if (input.sharedNotes !== undefined)
    assertTextLength(input.sharedNotes, ONE_ON_ONE_NOTES_MAX_LENGTH, "sharedNotes");
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    const row = await loadOneOnOneFor(caller, trx, id, { lock: true });
    const now = ctx.config.now().toISOString();
    const diff = diffFields(
      { scheduledAt: row.scheduledAt, title: row.title, status: row.status },
      {
        scheduledAt: input.scheduledAt === undefined ? undefined : new Date(input.scheduledAt).toISOString(),
        title: input.title,
        status: input.status,
      },
    );
    const notesChanged = input.sharedNotes !== undefined && input.sharedNotes !== row.sharedNotes;
    if (!diff && !notesChanged) return;
    if (notesChanged)
      await insertOneOnOneNotesEdit(trx, {
        orgId: auth.org.id,
        id: newId(),
        oneOnOneId: id,
        body: row.sharedNotes,
        editedBy: auth.user.id,
        editedAt: now,
      });
    await updateOneOnOne(trx, auth.org.id, id, {
      ...(diff?.after ?? {}),
      ...(notesChanged ? { sharedNotes: input.sharedNotes, notesUpdatedAt: now } : {}),
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "one_on_one.update",
        entityType: "one_on_one",
        entityId: id,
        before: { ...(diff?.before ?? {}) },
        after: { ...(diff?.after ?? {}), ...(notesChanged ? { sharedNotesChanged: true } : {}) },
        at: now,
      },
    ]);
  });
}
