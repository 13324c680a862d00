import {
  adjustmentAbilities,
  adjustmentSchema,
  idParamsSchema,
  objectiveDetailSchema,
  readErrorResponses,
  rejectInputSchema,
  writeErrorResponses,
} from "@luodi/core";
import { listAdjustments } from "@luodi/db";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { loadObjectiveFor, policyObjectiveOf } from "../objectives/objective-access.ts";
import { presentObjectiveDetail } from "../objectives/objective-views.ts";
import { presentAdjustment } from "../presenters/presenters.ts";
import { decideAdjustment } from "./decide-adjustment.ts";

export async function adjustmentRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["adjustments"];
  app.get(
    "/objectives/:id/adjustments",
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.array(adjustmentSchema), ...readErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const { objective, graph } = await loadObjectiveFor(caller, ctx.db, request.params.id);
      const policy = policyObjectiveOf(objective);
      return (await listAdjustments(ctx.db, caller.auth.org.id, [request.params.id])).map((adjustment) =>
        presentAdjustment(adjustment, adjustmentAbilities(caller.auth.actor, graph, policy, adjustment)),
      );
    },
  );

  app.post(
    "/adjustments/:id/approve",
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const objectiveId = await decideAdjustment(caller, request.params.id, { approve: true });
      const { objective } = await loadObjectiveFor(caller, ctx.db, objectiveId);
      return presentObjectiveDetail(caller, ctx.db, objective);
    },
  );

  app.post(
    "/adjustments/:id/reject",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: rejectInputSchema,
        response: { 200: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const objectiveId = await decideAdjustment(caller, request.params.id, {
        approve: false,
        reason: request.body.reason,
      });
      const { objective } = await loadObjectiveFor(caller, ctx.db, objectiveId);
      return presentObjectiveDetail(caller, ctx.db, objective);
    },
  );
}
