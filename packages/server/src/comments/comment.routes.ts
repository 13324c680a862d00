import {
  type CommentAnswer,
  type CommentSubjectType,
  commentHistorySchema,
  commentInputSchema,
  commentPageSchema,
  commentPatchSchema,
  commentSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  noContentSchema,
  pageQuerySchema,
  reactionParamsSchema,
  readErrorResponses,
  writeErrorResponses,
} from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { commentById, commentHistory, listCommentsOn } from "./comment-reads.ts";
import { deleteComment } from "./delete-comment.ts";
import { editComment } from "./edit-comment.ts";
import { postComment } from "./post-comment.ts";
import { reactToComment } from "./react-to-comment.ts";

/** Where each kind of subject keeps its comments. */
const SUBJECTS: ReadonlyArray<[path: string, type: CommentSubjectType]> = [
  ["/objectives/:id/comments", "objective"],
  ["/key-results/:id/comments", "key_result"],
  ["/check-ins/:id/comments", "check_in"],
];

export async function commentRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["comments"];

  for (const [path, type] of SUBJECTS) {
    app.get(
      path,
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: pageQuerySchema,
          response: { 200: commentPageSchema, ...readErrorResponses },
        },
      },
      async (request) =>
        listCommentsOn(callerOf(ctx, request), { type, id: request.params.id }, request.query),
    );

    app.post(
      path,
      {
        schema: {
          tags,
          description: IDEMPOTENT_CREATE,
          params: idParamsSchema,
          headers: idempotencyHeadersSchema,
          body: commentInputSchema,
          response: { 201: commentSchema, ...writeErrorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(ctx, request);
        const on = { type, id: request.params.id };
        const sent = await idempotentCreate(
          caller,
          {
            key: request.headers["idempotency-key"],
            method: "POST",
            path: path.replace(":id", on.id),
            body: request.body,
          },
          async () => ({ status: 201, made: await postComment(caller, on, request.body) }),
          (id) => commentById(caller, id),
        );
        if (sent.replayed) reply.header("idempotent-replayed", "true");
        return reply.status(sent.status).send(sent.body as CommentAnswer);
      },
    );
  }

  app.get(
    "/comments/:id",
    { schema: { tags, params: idParamsSchema, response: { 200: commentSchema, ...readErrorResponses } } },
    async (request) => commentById(callerOf(ctx, request), request.params.id),
  );

  app.patch(
    "/comments/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: commentPatchSchema,
        response: { 200: commentSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await editComment(caller, request.params.id, request.body.body);
      return commentById(caller, request.params.id);
    },
  );

  app.delete(
    "/comments/:id",
    {
      schema: { tags, params: idParamsSchema, response: { 204: noContentSchema, ...writeErrorResponses } },
    },
    async (request, reply) => {
      await deleteComment(callerOf(ctx, request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/comments/:id/history",
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: commentHistorySchema, ...readErrorResponses },
      },
    },
    async (request) => commentHistory(callerOf(ctx, request), request.params.id),
  );

  for (const [method, react] of [
    ["put", true],
    ["delete", false],
  ] as const) {
    app[method](
      "/comments/:id/reactions/:emoji",
      {
        schema: {
          tags,
          params: reactionParamsSchema,
          response: { 200: commentSchema, ...writeErrorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(ctx, request);
        await reactToComment(caller, request.params.id, request.params.emoji, react);
        return commentById(caller, request.params.id);
      },
    );
  }
}
