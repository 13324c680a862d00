import {
  idempotencyHeadersSchema,
  idParamsSchema,
  readErrorResponses,
  type TalentReviewAnswer,
  talentReviewInputSchema,
  talentReviewListQuerySchema,
  talentReviewPageSchema,
  talentReviewPatchSchema,
  talentReviewSchema,
  writeErrorResponses,
} from "@luodi/core";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { EXPORT_FORMATS, tablesToXlsx, tableToCsv } from "../data-export/encode-export.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { talentReviewTable } from "./talent-review-export.ts";
import { listTalentReviewsFor, talentReviewFor } from "./talent-review-reads.ts";
import { changeTalentReview, createTalentReview } from "./write-talent-review.ts";

/** Talent reviews (人才盘点), api.md *People and talent density*: confidential, every read audited. */
export async function talentReviewRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["people"];

  app.get(
    "/talent-reviews",
    {
      schema: {
        tags,
        querystring: talentReviewListQuerySchema,
        response: { 200: talentReviewPageSchema, ...readErrorResponses },
      },
    },
    async (request) => listTalentReviewsFor(callerOf(ctx, request), request.query),
  );

  app.post(
    "/talent-reviews",
    {
      schema: {
        tags,
        description: IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: talentReviewInputSchema,
        response: { 201: talentReviewSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        {
          key: request.headers["idempotency-key"],
          method: "POST",
          path: "/talent-reviews",
          body: request.body,
        },
        async () => ({ status: 201, made: await createTalentReview(caller, request.body) }),
        (id) => talentReviewFor(caller, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as TalentReviewAnswer);
    },
  );

  app.get(
    "/talent-reviews/:id",
    {
      schema: { tags, params: idParamsSchema, response: { 200: talentReviewSchema, ...readErrorResponses } },
    },
    async (request) => talentReviewFor(callerOf(ctx, request), request.params.id),
  );

  app.patch(
    "/talent-reviews/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: talentReviewPatchSchema,
        response: { 200: talentReviewSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await changeTalentReview(caller, request.params.id, request.body);
      return talentReviewFor(caller, request.params.id);
    },
  );

  app.get(
    "/talent-reviews/:id/export",
    {
      schema: {
        tags,
        description:
          "The review's grid as a file for admins only (xlsx or CSV): each person's place, reason and evidence. Audited as a read.",
        params: idParamsSchema,
        querystring: z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }).strict(),
        produces: [EXPORT_FORMATS.xlsx.type, "text/csv"],
        response: {
          200: z.string().meta({ description: "The file.", format: "binary" }),
          ...readErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const table = await talentReviewTable(callerOf(ctx, request), request.params.id);
      const format = request.query.format;
      const file = format === "csv" ? await tableToCsv(table) : tablesToXlsx([table]);
      return (
        reply
          .type(EXPORT_FORMATS[format].type)
          .header("content-disposition", `attachment; filename="talent-review.${format}"`)
          // Bytes go out as they are (Fastify serializes no Buffer or stream); the 200 schema documents the file only.
          .send(file as unknown as string)
      );
    },
  );
}
