import { coachReviewInputSchema, coachReviewSchema, errorResponses } from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { reviewWithinBudget } from "./coach-runner.ts";

export async function coachRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.post(
    "/coach/review",
    {
      schema: {
        tags: ["coach"],
        body: coachReviewInputSchema,
        response: { 200: coachReviewSchema, ...errorResponses(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const { locale, ownerObjectiveCount, ...okr } = request.body;
      // Off the main thread, within the coach's size and time budgets (coach-runner.ts).
      return reviewWithinBudget(
        { ...okr, ownerObjectiveCount: ownerObjectiveCount ?? null },
        locale ?? caller.locale,
        ctx.config.coachTimeBudgetMs,
      );
    },
  );
}
