import {
  AppError,
  assertTextLength,
  COMMENT_MAX_LENGTH,
  type CommentSubjectType,
  mentionedUserIds,
  type OrgGraph,
} from "@luodi/core";
import { findComment, insertComment } from "@luodi/db";
import type { Caller } from "../context.ts";
import { announce } from "../notifications/live-events.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadCommentSubjectFor } from "./comment-access.ts";
import { noticeComment } from "./comment-notices.ts";

/** The people a text mentions who are active members: the others are dropped (their mention stays text). */
export function activeMentions(body: string, graph: OrgGraph): string[] {
  return mentionedUserIds(body).filter((id) => graph.members.get(id)?.status === "active");
}

/**
 * Comments on an objective, a KR or a check-in the caller may see (404 otherwise). A reply names the
 * comment it answers; threads are one level deep, so a reply to a reply joins its thread's first comment.
 */
export async function postComment(
  caller: Caller,
  on: { type: CommentSubjectType; id: string },
  input: { body: string; parentId?: string | undefined },
): Promise<string> {
  assertTextLength(input.body, COMMENT_MAX_LENGTH, "body");
  const { ctx, auth } = caller;
  return inTransaction(ctx, async (trx) => {
    const subject = await loadCommentSubjectFor(caller, trx, on.type, on.id);
    let parentId: string | null = null;
    if (input.parentId !== undefined) {
      const parent = await findComment(trx, auth.org.id, input.parentId);
      // A missing parent answers like one on another subject: comments elsewhere cannot be probed.
      if (!parent || parent.subjectType !== on.type || parent.subjectId !== on.id)
        throw new AppError("comment.parent_mismatch", {}, [{ path: "parentId" }]);
      if (parent.deletedAt !== null) throw new AppError("comment.deleted", {}, [{ path: "parentId" }]);
      parentId = parent.parentId ?? parent.id;
    }
    const id = newId();
    const now = ctx.config.now().toISOString();
    const mentions = activeMentions(input.body, subject.graph);
    await insertComment(trx, {
      orgId: auth.org.id,
      id,
      subjectType: on.type,
      subjectId: on.id,
      objectiveId: subject.objective.id,
      parentId,
      authorId: auth.user.id,
      body: input.body,
      mentions: JSON.stringify(mentions),
      createdAt: now,
      editedAt: null,
      deletedAt: null,
      deletedBy: null,
    });
    // Conversations are not changes of the objective: they stay out of its change log (objectiveId null).
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "comment.create",
        entityType: "comment",
        entityId: id,
        after: { subjectType: on.type, subjectId: on.id, parentId, mentions },
        at: now,
      },
    ]);
    await noticeComment(
      caller,
      trx,
      subject,
      { id, body: input.body, parentId },
      { mentions, isNewComment: true },
    );
    // Open pages of the objective refresh its conversations; the event carries ids only, never the text.
    announce(ctx, auth.org.id, [
      {
        type: "comment.created",
        objective: subject.objective,
        data: { commentId: id, subjectType: on.type, subjectId: on.id },
      },
    ]);
    return id;
  });
}
