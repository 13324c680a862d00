import type { CommentAnswer } from "@luodi/core";
import { type CommentRow, countReactions, type Executor, readJson } from "@luodi/db";
import type { Caller } from "../context.ts";
import { type CommentScope, presentComment } from "../presenters/conversation-presenters.ts";
import { groupBy } from "../services/group-by.ts";
import { audienceOf, type CommentSubject } from "./comment-access.ts";

/** Comments on one subject as the caller sees them, with their reactions counted in one query. */
export async function presentComments(
  caller: Caller,
  db: Executor,
  subject: CommentSubject,
  rows: readonly CommentRow[],
): Promise<CommentAnswer[]> {
  const reactions = groupBy(
    await countReactions(
      db,
      caller.auth.org.id,
      rows.map((r) => r.id),
      caller.auth.user.id,
    ),
    (r) => r.commentId,
  );
  const mentioned = new Set(rows.flatMap((row) => readJson(row.mentions)));
  const scope: Omit<CommentScope, "reactions"> = {
    actor: caller.auth.actor,
    memberIds: new Set(subject.graph.members.keys()),
    audience: audienceOf(subject, mentioned),
  };
  return rows.map((row) => presentComment(row, { ...scope, reactions: reactions.get(row.id) ?? [] }));
}
