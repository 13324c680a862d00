import { assertTextLength, COMMENT_MAX_LENGTH } from "@luodi/core";
import { insertCommentEdit, readJson, updateCommentBody } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { assertCommentEditable, loadCommentFor } from "./comment-access.ts";
import { noticeComment } from "./comment-notices.ts";
import { activeMentions } from "./post-comment.ts";

/**
 * Changes a comment's text (its author or an admin). The text it replaces is kept in its history; people
 * the edit newly mentions hear of it, those mentioned before are not told again.
 */
export async function editComment(caller: Caller, id: string, body: string): Promise<void> {
  assertTextLength(body, COMMENT_MAX_LENGTH, "body");
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    const { comment, subject } = await loadCommentFor(caller, trx, id, { lock: true });
    assertCommentEditable(caller, comment);
    if (comment.body === body) return;
    const now = ctx.config.now().toISOString();
    const before = readJson(comment.mentions);
    const mentions = activeMentions(body, subject.graph);
    await insertCommentEdit(trx, {
      orgId: auth.org.id,
      id: newId(),
      commentId: id,
      body: comment.body,
      editedBy: auth.user.id,
      editedAt: now,
    });
    await updateCommentBody(trx, auth.org.id, id, {
      body,
      mentions: JSON.stringify(mentions),
      editedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "comment.update",
        entityType: "comment",
        entityId: id,
        before: { mentions: before },
        after: { mentions },
        at: now,
      },
    ]);
    const added = mentions.filter((userId) => !before.includes(userId));
    await noticeComment(caller, trx, subject, { ...comment, body }, { mentions: added, isNewComment: false });
  });
}
