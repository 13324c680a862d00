import { mentionsAsText } from "@luodi/core";
import { type Executor, listThreadAuthors } from "@luodi/db";
import type { Caller } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { audienceOf, type CommentSubject } from "./comment-access.ts";

/**
 * Tells people of a comment, in its transaction: `mention` to those it newly mentions and, for a new
 * comment, `comment` to the subject's owner and, for a reply, to those who wrote in the thread before. Only people who may see the
 * subject hear of it — a mention of anyone else tells them nothing — and never the author (notify drops them).
 */
export async function noticeComment(
  caller: Caller,
  trx: Executor,
  subject: CommentSubject,
  comment: { id: string; body: string; parentId: string | null },
  news: { mentions: readonly string[]; isNewComment: boolean },
): Promise<void> {
  const mentioned = audienceOf(subject, news.mentions);
  const participants = comment.parentId
    ? await listThreadAuthors(trx, caller.auth.org.id, comment.parentId)
    : [];
  const told = news.isNewComment
    ? [...audienceOf(subject, [...subject.ownerIds, ...participants])].filter((id) => !mentioned.has(id))
    : [];
  const about = {
    subject: { type: subject.type, id: subject.id, title: subject.title },
    excerpt: mentionsAsText(comment.body),
    link: linkOf(subject, comment.id),
  };
  await notify(
    caller,
    trx,
    { kind: "mention", recipientIds: [...mentioned], ...about },
    { kind: "comment", recipientIds: told, ...about },
  );
}

/**
 * Where the web app shows the comment: on its objective's page, the KR's or check-in's conversation
 * opened in its drawer (`?comments=type:id`).
 */
function linkOf(subject: CommentSubject, commentId: string): string {
  const drawer = subject.type === "objective" ? "" : `?comments=${subject.type}:${subject.id}`;
  return `/objectives/${subject.objective.id}${drawer}#comment-${commentId}`;
}
