import type { CommentAnswer, CommentHistoryAnswer, CommentPageAnswer, CommentSubjectType } from "@luodi/core";
import { listCommentEdits, listComments } from "@luodi/db";
import type { Caller } from "../context.ts";
import { renderMarkdown } from "../services/markdown.ts";
import { mustExist } from "../services/must-exist.ts";
import { loadCommentFor, loadCommentSubjectFor } from "./comment-access.ts";
import { presentComments } from "./comment-views.ts";

/** One page of the comments on something the caller may see (404 otherwise), oldest first. */
export async function listCommentsOn(
  caller: Caller,
  on: { type: CommentSubjectType; id: string },
  page: { limit: number; cursor?: string | undefined },
): Promise<CommentPageAnswer> {
  const { db } = caller.ctx;
  const subject = await loadCommentSubjectFor(caller, db, on.type, on.id);
  const rows = await listComments(db, caller.auth.org.id, on, { limit: page.limit + 1, after: page.cursor });
  const items = await presentComments(caller, db, subject, rows.slice(0, page.limit));
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

/** One comment as the caller sees it (404 when it, or what it is on, is hidden from them). */
export async function commentById(caller: Caller, id: string): Promise<CommentAnswer> {
  const { db } = caller.ctx;
  const { comment, subject } = await loadCommentFor(caller, db, id);
  const [answer] = await presentComments(caller, db, subject, [comment]);
  return mustExist(answer, "comment");
}

/** The texts a comment had before its edits, oldest first; a deleted comment keeps none to show. */
export async function commentHistory(caller: Caller, id: string): Promise<CommentHistoryAnswer> {
  const { db } = caller.ctx;
  const { comment, subject } = await loadCommentFor(caller, db, id);
  if (comment.deletedAt !== null) return { items: [] };
  const members = new Set(subject.graph.members.keys());
  const edits = await listCommentEdits(db, caller.auth.org.id, id);
  return {
    items: edits.map((edit) => ({
      body: edit.body,
      bodyHtml: renderMarkdown(edit.body, members),
      replacedAt: edit.editedAt,
      replacedBy: { id: edit.editedBy, name: edit.editedByName },
    })),
  };
}
