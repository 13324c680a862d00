import {
  idempotencyHeadersSchema,
  type RecognitionAnswer,
  readErrorResponses,
  recognitionInputSchema,
  recognitionListQuerySchema,
  recognitionPageSchema,
  recognitionSchema,
  writeErrorResponses,
} from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { giveRecognition } from "./give-recognition.ts";
import { listRecognitionsFor, recognitionById } from "./recognition-reads.ts";

export async function recognitionRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["recognitions"];

  app.get(
    "/recognitions",
    {
      schema: {
        tags,
        querystring: recognitionListQuerySchema,
        response: { 200: recognitionPageSchema, ...readErrorResponses },
      },
    },
    async (request) => listRecognitionsFor(callerOf(ctx, request), request.query),
  );

  app.post(
    "/recognitions",
    {
      schema: {
        tags,
        description: IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: recognitionInputSchema,
        response: { 201: recognitionSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        {
          key: request.headers["idempotency-key"],
          method: "POST",
          path: "/recognitions",
          body: request.body,
        },
        async () => ({ status: 201, made: await giveRecognition(caller, request.body) }),
        (id) => recognitionById(caller, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as RecognitionAnswer);
    },
  );
}
