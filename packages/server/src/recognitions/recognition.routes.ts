import {
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
        body: recognitionInputSchema,
        response: { 201: recognitionSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const id = await giveRecognition(caller, request.body);
      return reply.status(201).send(await recognitionById(caller, id));
    },
  );
}
