import {
  idempotencyHeadersSchema,
  idParamsSchema,
  type QuestionAnswer,
  questionAnswerInputSchema,
  questionInputSchema,
  questionListQuerySchema,
  questionPageSchema,
  questionSchema,
  readErrorResponses,
  writeErrorResponses,
} from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { listQuestionsFor, questionFor } from "./question-reads.ts";
import { answerQuestionAs, askQuestion, voteQuestion } from "./write-question.ts";

export async function questionRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["questions"];

  app.get(
    "/questions",
    {
      schema: {
        tags,
        querystring: questionListQuerySchema,
        response: { 200: questionPageSchema, ...readErrorResponses },
      },
    },
    async (request) => listQuestionsFor(callerOf(ctx, request), request.query),
  );

  app.post(
    "/questions",
    {
      schema: {
        tags,
        description:
          `${IDEMPOTENT_CREATE} An anonymous question keeps no key: a kept answer would tie the question to ` +
          "whoever asked it, so its retries are not recognised.",
        headers: idempotencyHeadersSchema,
        body: questionInputSchema,
        response: { 201: questionSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        {
          // An anonymous question stores no author; a key kept for the asker would store one.
          key: request.body.anonymous ? undefined : request.headers["idempotency-key"],
          method: "POST",
          path: "/questions",
          body: request.body,
        },
        async () => ({ status: 201, made: await askQuestion(caller, request.body) }),
        (id) => questionFor(caller, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as QuestionAnswer);
    },
  );

  for (const [method, vote] of [
    ["put", true],
    ["delete", false],
  ] as const) {
    app[method](
      "/questions/:id/vote",
      {
        schema: {
          tags,
          description: "One vote each: voting twice, or taking back a vote not given, changes nothing.",
          params: idParamsSchema,
          response: { 200: questionSchema, ...writeErrorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(ctx, request);
        await voteQuestion(caller, request.params.id, vote);
        return questionFor(caller, request.params.id);
      },
    );
  }

  app.put(
    "/questions/:id/answer",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: questionAnswerInputSchema,
        response: { 200: questionSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await answerQuestionAs(caller, request.params.id, request.body.body);
      return questionFor(caller, request.params.id);
    },
  );
}
