import { AppError } from "@luodi/core";
import { softDeleteComment } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { assertCommentEditable, loadCommentFor } from "./comment-access.ts";

/** Deletes a comment softly (its author or an admin): the thread keeps its place, shown as deleted. */
export async function deleteComment(caller: Caller, id: string): Promise<void> {
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    const { comment } = await loadCommentFor(caller, trx, id, { lock: true });
    assertCommentEditable(caller, comment);
    const now = ctx.config.now().toISOString();
    if (!(await softDeleteComment(trx, auth.org.id, id, { deletedAt: now, deletedBy: auth.user.id })))
      throw new AppError("comment.deleted");
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "comment.delete",
        entityType: "comment",
        entityId: id,
        before: {
          authorId: comment.authorId,
          subjectType: comment.subjectType,
          subjectId: comment.subjectId,
        },
        at: now,
      },
    ]);
  });
}
