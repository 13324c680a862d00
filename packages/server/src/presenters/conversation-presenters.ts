import {
  type Actor,
  type CommentAnswer,
  commentAbilities,
  REACTION_EMOJIS,
  type RecognitionAnswer,
} from "@luodi/core";
import { type CommentRow, type ReactionCount, type RecognitionRow, readJson } from "@luodi/db";
import { renderMarkdown } from "../services/markdown.ts";

/** What presenting a comment needs besides its row. */
export type CommentScope = {
  actor: Actor;
  /** Everyone whose mention renders as a link to their page: the organization's members. */
  memberIds: ReadonlySet<string>;
  /** Who may see what the comment is on: mentions of anyone else are never named. */
  audience: ReadonlySet<string>;
  /** The reactions to this comment. */
  reactions: readonly ReactionCount[];
};

/** A comment as the caller sees it; a deleted one keeps its place and author, without its text. */
export function presentComment(row: CommentRow, scope: CommentScope): CommentAnswer {
  const deleted = row.deletedAt !== null;
  const counts = new Map(scope.reactions.map((r) => [r.emoji, r]));
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    body: deleted ? "" : row.body,
    bodyHtml: deleted ? "" : renderMarkdown(row.body, scope.memberIds),
    author: { id: row.authorId, name: row.authorName },
    mentions: deleted ? [] : readJson(row.mentions).filter((id) => scope.audience.has(id)),
    parentId: row.parentId,
    reactions: deleted
      ? []
      : REACTION_EMOJIS.flatMap((emoji) => {
          const count = counts.get(emoji);
          return count ? [{ emoji, count: count.count, reactedByMe: count.mine }] : [];
        }),
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
    abilities: commentAbilities(scope.actor, { authorId: row.authorId, deleted }),
  };
}

/** Praise as a viewer sees it: the objective or KR it is for only when the viewer may see that. */
export function presentRecognition(
  row: RecognitionRow,
  recipients: ReadonlyArray<{ userId: string; name: string }>,
  links: {
    objective: { id: string; title: string } | null;
    keyResult: { id: string; objectiveId: string; title: string } | null;
  },
): RecognitionAnswer {
  return {
    id: row.id,
    author: { id: row.authorId, name: row.authorName },
    recipients: recipients.map((r) => ({ id: r.userId, name: r.name })),
    message: row.message,
    messageHtml: renderMarkdown(row.message),
    objective: links.objective,
    keyResult: links.keyResult,
    createdAt: row.createdAt,
  };
}
