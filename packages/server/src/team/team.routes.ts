import {
  readErrorResponses,
  teamNudgeAnswerSchema,
  teamNudgeInputSchema,
  teamQuerySchema,
  teamSchema,
  writeErrorResponses,
} from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import { sendRawJson } from "../http/serializer.ts";
import type { ZodApp } from "../http/types.ts";
import { cachedRead } from "../services/read-cache.ts";
import { nudgeReport } from "./nudge-report.ts";
import { readTeam } from "./read-team.ts";

export async function teamRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    "/me/team",
    {
      schema: {
        tags: ["team"],
        description:
          "My team (我的团队): the people who report to the caller (with indirect=true, everyone below them) " +
          "and what they answer for in the cycle. Empty for someone nobody reports to.",
        querystring: teamQuerySchema,
        response: { 200: teamSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { cycleId, indirect } = request.query;
      const raw = await cachedRead(caller, "team", `${cycleId}|${indirect ?? "false"}`, () =>
        readTeam(caller, { cycleId, indirect: indirect === "true" }),
      );
      return sendRawJson(request, reply, raw, ctx.config);
    },
  );

  app.post(
    "/me/team/nudges",
    {
      schema: {
        tags: ["team"],
        description:
          "Reminds someone below the caller in the manager chain to check in this cycle: a check-in reminder " +
          "from the caller, by every channel the person allows; at most once in 12 hours per manager and person " +
          "(`nudged: false` then).",
        body: teamNudgeInputSchema,
        response: { 200: teamNudgeAnswerSchema, ...writeErrorResponses },
      },
    },
    async (request) => ({ nudged: await nudgeReport(callerOf(ctx, request), request.body) }),
  );
}
