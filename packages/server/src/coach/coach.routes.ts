import { coachReviewInputSchema, coachReviewSchema, errorResponses, reviewOkr } from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";

export async function coachRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.post(
    "/coach/review",
    {
      schema: {
        tags: ["coach"],
        body: coachReviewInputSchema,
        response: { 200: coachReviewSchema, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const { locale, ownerObjectiveCount, ...okr } = request.body;
      return reviewOkr(
        { ...okr, ownerObjectiveCount: ownerObjectiveCount ?? null },
        { locale: locale ?? caller.locale },
      );
    },
  );
}
