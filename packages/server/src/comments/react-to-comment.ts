import { AppError, REACTION_EMOJIS, reactionEmojiOf } from "@luodi/core";
import { addReaction, removeReaction } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadCommentFor } from "./comment-access.ts";

/**
 * Adds (`react`) or takes back the caller's reaction of one kind to a comment they may see. One reaction
 * of a kind per person: adding it twice, or taking back one never given, changes nothing.
 */
export async function reactToComment(
  caller: Caller,
  id: string,
  emoji: string,
  react: boolean,
): Promise<void> {
  const kind = reactionEmojiOf(emoji);
  if (!kind)
    throw new AppError("reaction.unknown_emoji", { allowed: REACTION_EMOJIS.join(" ") }, [{ path: "emoji" }]);
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    const { comment } = await loadCommentFor(caller, trx, id);
    if (comment.deletedAt !== null) throw new AppError("comment.deleted");
    const key = { orgId: auth.org.id, commentId: id, emoji: kind, userId: auth.user.id };
    const now = ctx.config.now().toISOString();
    const changed = react
      ? await addReaction(trx, { ...key, createdAt: now })
      : await removeReaction(trx, key);
    if (!changed) return;
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: react ? "comment.react" : "comment.unreact",
        entityType: "comment",
        entityId: id,
        after: { emoji: kind },
        at: now,
      },
    ]);
  });
}
