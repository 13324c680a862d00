import type { CommentSubjectType, ReactionEmoji } from "@luodi/core";
import type { Insertable, Selectable } from "kysely";
import type { CommentEditTable, CommentReactionTable, CommentTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type CommentRow = Selectable<CommentTable> & { authorName: string };
export type CommentEditRow = Selectable<CommentEditTable> & { editedByName: string };
/** How many people reacted to a comment with one emoji, and whether the reader is one of them. */
export type ReactionCount = { commentId: string; emoji: ReactionEmoji; count: number; mine: boolean };

export async function insertComment(db: Executor, row: Insertable<CommentTable>): Promise<void> {
  await db.insertInto("comment").values(row).execute();
}

function selectComments(db: Executor) {
  return db
    .selectFrom("comment")
    .innerJoin("user", "user.id", "comment.authorId")
    .selectAll("comment")
    .select("user.name as authorName");
}

export async function findComment(
  db: Executor,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CommentRow | undefined> {
  let query = selectComments(db).where("comment.orgId", "=", orgId).where("comment.id", "=", id);
  if (options.forUpdate) query = query.forUpdate("comment");
  return query.executeTakeFirst();
}

/** One page of the comments on a subject, oldest first, after the comment `after` (ids are time-ordered). */
export async function listComments(
  db: Executor,
  orgId: string,
  subject: { type: CommentSubjectType; id: string },
  page: { limit: number; after?: string | undefined },
): Promise<CommentRow[]> {
  let query = selectComments(db)
    .where("comment.orgId", "=", orgId)
    .where("comment.subjectType", "=", subject.type)
    .where("comment.subjectId", "=", subject.id);
  if (page.after) query = query.where("comment.id", ">", page.after);
  return query.orderBy("comment.id", "asc").limit(page.limit).execute();
}

/** Who wrote in a thread: its first comment and the replies to it (deleted ones too: they took part). */
export async function listThreadAuthors(db: Executor, orgId: string, rootId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("comment")
    .select("authorId")
    .distinct()
    .where("orgId", "=", orgId)
    .where((eb) => eb.or([eb("id", "=", rootId), eb("parentId", "=", rootId)]))
    .execute();
  return rows.map((r) => r.authorId);
}

export async function updateCommentBody(
  db: Executor,
  orgId: string,
  id: string,
  change: { body: string; mentions: string; editedAt: string },
): Promise<void> {
  await db.updateTable("comment").set(change).where("orgId", "=", orgId).where("id", "=", id).execute();
}

/** Deletes a comment softly (its text is hidden, its place in the thread kept); false if it already was. */
export async function softDeleteComment(
  db: Executor,
  orgId: string,
  id: string,
  deletion: { deletedAt: string; deletedBy: string },
): Promise<boolean> {
  const result = await db
    .updateTable("comment")
    .set(deletion)
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .where("deletedAt", "is", null)
    .executeTakeFirst();
  return affected(result) === 1;
}

export async function insertCommentEdit(db: Executor, row: Insertable<CommentEditTable>): Promise<void> {
  await db.insertInto("commentEdit").values(row).execute();
}

/** The earlier texts of a comment, oldest first. */
export async function listCommentEdits(
  db: Executor,
  orgId: string,
  commentId: string,
): Promise<CommentEditRow[]> {
  return db
    .selectFrom("commentEdit")
    .innerJoin("user", "user.id", "commentEdit.editedBy")
    .selectAll("commentEdit")
    .select("user.name as editedByName")
    .where("commentEdit.orgId", "=", orgId)
    .where("commentEdit.commentId", "=", commentId)
    .orderBy("commentEdit.id", "asc")
    .execute();
}

/** Adds a person's reaction; a second one of the same kind changes nothing. */
export async function addReaction(db: Executor, row: Insertable<CommentReactionTable>): Promise<boolean> {
  const result = await db
    .insertInto("commentReaction")
    .values(row)
    .onConflict((oc) => oc.columns(["orgId", "commentId", "emoji", "userId"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Takes a person's reaction back; false when there was none. */
export async function removeReaction(
  db: Executor,
  key: { orgId: string; commentId: string; emoji: ReactionEmoji; userId: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom("commentReaction")
    .where("orgId", "=", key.orgId)
    .where("commentId", "=", key.commentId)
    .where("emoji", "=", key.emoji)
    .where("userId", "=", key.userId)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** The reactions to the comments, counted per emoji, with whether `readerId` reacted so. */
export async function countReactions(
  db: Executor,
  orgId: string,
  commentIds: readonly string[],
  readerId: string,
): Promise<ReactionCount[]> {
  if (commentIds.length === 0) return [];
  const rows = await db
    .selectFrom("commentReaction")
    .select((eb) => [
      "commentId",
      "emoji",
      eb.fn.countAll<number | string>().as("count"),
      eb.fn.sum<number | string>(eb.case().when("userId", "=", readerId).then(1).else(0).end()).as("mine"),
    ])
    .where("orgId", "=", orgId)
    .where("commentId", "in", [...commentIds])
    .groupBy(["commentId", "emoji"])
    .execute();
  return rows.map((r) => ({
    commentId: r.commentId,
    emoji: r.emoji,
    count: Number(r.count),
    mine: Number(r.mine) > 0,
  }));
}
