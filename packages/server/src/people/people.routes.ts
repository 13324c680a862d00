import {
  AppError,
  canViewRecord,
  idParamsSchema,
  insightsQuerySchema,
  insightsSchema,
  readErrorResponses,
  recordQuerySchema,
  recordSchema,
  userIdParamsSchema,
} from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { buildRecord } from "./okr-record.ts";
import { teamInsights } from "./team-insights.ts";

/** People and talent density (api.md *People and talent density*): records and team insights. */
export async function peopleRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["people"];

  app.get(
    "/people/:userId/record",
    {
      schema: {
        tags,
        params: userIdParamsSchema,
        querystring: recordQuerySchema,
        response: { 200: recordSchema, ...readErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const graph = await graphOf(caller);
      const { userId } = request.params;
      // To anyone but the person, their manager chain and admins, the record does not exist.
      if (!graph.members.has(userId) || !canViewRecord(caller.auth.actor, userId, graph))
        throw new AppError("member.not_found");
      return buildRecord(caller, graph, userId, request.query);
    },
  );

  app.get(
    "/departments/:id/insights",
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: insightsQuerySchema,
        response: { 200: insightsSchema, ...readErrorResponses },
      },
    },
    async (request) => teamInsights(callerOf(ctx, request), request.params.id, request.query.cycleId),
  );
}
