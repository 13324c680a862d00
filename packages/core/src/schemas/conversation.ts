import { z } from "zod";
import {
  COMMENT_MAX_LENGTH,
  COMMENT_SUBJECT_TYPES,
  REACTION_EMOJIS,
  RECOGNITION_MAX_LENGTH,
  RECOGNITION_MAX_RECIPIENTS,
} from "../domain/conversation.ts";
import { idSchema, lineSchema, multilineSchema, pageQuerySchema } from "./common.ts";

/*
 * Comments (评论) and praise (表扬): what their endpoints take and answer (api.md, *Conversations and
 * feedback*). Texts are Markdown; the server answers them rendered and sanitised (`bodyHtml`).
 */

/**
 * Markdown people write. The schema bounds the request; the product's own limit (counted in characters)
 * is checked by the service and answers 422 `text.too_long`, as api.md asks of limits.
 */
function markdownSchema(limit: number) {
  return multilineSchema(limit * 4)
    .refine((text) => text.trim().length > 0, { params: { code: "text.blank" } })
    .meta({ description: `Markdown, at most ${limit.toLocaleString("en")} characters (422 text.too_long).` });
}

/** `POST …/comments`: a comment, or a reply to one (`parentId`) on the same subject. */
export const commentInputSchema = z
  .object({
    body: markdownSchema(COMMENT_MAX_LENGTH).meta({
      description:
        "Markdown, at most 20,000 characters (422 text.too_long). Mention someone as @[name](user:ID).",
    }),
    /** The comment answered. A reply to a reply joins the thread of its first comment (one level). */
    parentId: idSchema.optional().meta({
      description:
        "The comment answered, on the same subject (else 422 comment.parent_mismatch). Threads are one level deep: a reply to a reply is filed under the thread's first comment.",
    }),
  })
  .strict();

/** `PATCH /comments/:id`: the new text; the previous one is kept in the comment's history. */
export const commentPatchSchema = z.object({ body: commentInputSchema.shape.body }).strict();

/** `PUT|DELETE /comments/:id/reactions/:emoji`: the emoji (one of {@link REACTION_EMOJIS}; others answer 422). */
export const reactionParamsSchema = z.object({ id: idSchema, emoji: lineSchema(16).min(1) }).strict();

/** `POST /recognitions`: praise for 1 to 20 people, optionally for an objective or a key result. */
export const recognitionInputSchema = z
  .object({
    toUserIds: z.array(idSchema).min(1).max(RECOGNITION_MAX_RECIPIENTS),
    message: markdownSchema(RECOGNITION_MAX_LENGTH),
    objectiveId: idSchema.optional(),
    keyResultId: idSchema.optional(),
  })
  .strict();

/** `GET /recognitions`: newest first; `userId` keeps the praise that person received. */
export const recognitionListQuerySchema = pageQuerySchema.extend({ userId: idSchema.optional() }).strict();

/** One page of a list that grows: its items and the cursor of the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).strict();
}

const id = z.string().min(1);
const timestamp = z.iso.datetime();
const person = z.object({ id, name: z.string() }).strict();

/** What the caller may do to a comment; clients show controls from it. */
const commentAbilitiesSchema = z
  .object({ update: z.boolean(), delete: z.boolean(), react: z.boolean(), reply: z.boolean() })
  .strict()
  .meta({ id: "CommentAbilities" });

/** A comment (评论) on an objective, a key result or a check-in. */
export const commentSchema = z
  .object({
    id,
    subjectType: z.enum(COMMENT_SUBJECT_TYPES),
    subjectId: id,
    /** Markdown as written; empty once deleted. */
    body: z.string(),
    /** The body rendered to HTML and sanitised: safe to insert as it is. Mentions are links to the person. */
    bodyHtml: z.string(),
    author: person,
    /** The people it mentions who may see what it is written on (the others are never named). */
    mentions: z.array(id),
    /** The first comment of the thread this one answers; null for a thread's first comment. */
    parentId: id.nullable(),
    /** Each allowed emoji someone reacted with, in the allowed order. */
    reactions: z
      .array(
        z
          .object({
            emoji: z.enum(REACTION_EMOJIS),
            count: z.number().int().min(1),
            reactedByMe: z.boolean(),
          })
          .strict(),
      )
      .meta({ id: "CommentReactions" }),
    createdAt: timestamp,
    /** When its body last changed; null if never edited. */
    editedAt: timestamp.nullable(),
    /** When it was deleted: it keeps its place in the thread without its text. */
    deletedAt: timestamp.nullable(),
    abilities: commentAbilitiesSchema,
  })
  .strict()
  .meta({ id: "Comment" });

/** One page of a thread, oldest first. */
export const commentPageSchema = pageOf(commentSchema).meta({ id: "CommentPage" });

/** The earlier texts of a comment, oldest first: each as it was until an edit replaced it. */
export const commentHistorySchema = z
  .object({
    items: z.array(
      z
        .object({ body: z.string(), bodyHtml: z.string(), replacedAt: timestamp, replacedBy: person })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: "CommentHistory" });

/** Praise (表扬), public to the organization. */
export const recognitionSchema = z
  .object({
    id,
    author: person,
    recipients: z.array(person),
    message: z.string(),
    /** The message rendered to HTML and sanitised. */
    messageHtml: z.string(),
    /** What it is for, when the viewer may see it (otherwise null: the praise shows without the link). */
    objective: z.object({ id, title: z.string() }).strict().nullable(),
    keyResult: z.object({ id, objectiveId: id, title: z.string() }).strict().nullable(),
    createdAt: timestamp,
  })
  .strict()
  .meta({ id: "Recognition" });

/** One page of praise, newest first. */
export const recognitionPageSchema = pageOf(recognitionSchema).meta({ id: "RecognitionPage" });
