import {
  AppError,
  cycleDashboardSchema,
  cycleInputSchema,
  cyclePatchSchema,
  cyclePhaseInputSchema,
  cycleRolloutSchema,
  cycleSchema,
  cycleTreeSchema,
  departmentQuerySchema,
  errorResponses,
  idParamsSchema,
  readErrorResponses,
  writeErrorResponses,
} from "@luodi/core";
import { findCycle, listCycles } from "@luodi/db";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf, expectedVersion } from "../http/caller.ts";
import { sendRawJson } from "../http/serializer.ts";
import type { ZodApp } from "../http/types.ts";
import { presentCycle } from "../presenters/presenters.ts";
import { cachedRead } from "../services/read-cache.ts";
import { cycleDashboard, cycleRollout, cycleTree } from "./cycle-insights.ts";
import { advanceCyclePhase, createCycle, updateCycle } from "./cycle-writes.ts";

export async function cycleRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["cycles"];

  async function present(orgId: string, id: string) {
    const cycle = await findCycle(ctx.db, orgId, id);
    if (!cycle) throw new AppError("cycle.not_found");
    return presentCycle(cycle);
  }

  app.get(
    "/cycles",
    { schema: { tags, response: { 200: z.array(cycleSchema), ...errorResponses(401, 403, 404) } } },
    async (request) => {
      const { auth } = callerOf(ctx, request);
      return (await listCycles(ctx.db, auth.org.id)).map(presentCycle);
    },
  );

  app.post(
    "/cycles",
    { schema: { tags, body: cycleInputSchema, response: { 201: cycleSchema, ...writeErrorResponses } } },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const id = await createCycle(caller, request.body);
      return reply.status(201).send(await present(caller.auth.org.id, id));
    },
  );

  app.get(
    "/cycles/:id",
    { schema: { tags, params: idParamsSchema, response: { 200: cycleSchema, ...readErrorResponses } } },
    async (request) => present(callerOf(ctx, request).auth.org.id, request.params.id),
  );

  app.patch(
    "/cycles/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: cyclePatchSchema,
        response: { 200: cycleSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const { version, ...patch } = request.body;
      await updateCycle(caller, request.params.id, patch, expectedVersion(request, version));
      return present(caller.auth.org.id, request.params.id);
    },
  );

  app.post(
    "/cycles/:id/phase",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: cyclePhaseInputSchema,
        response: { 200: cycleSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await advanceCyclePhase(caller, request.params.id, request.body.phase);
      return present(caller.auth.org.id, request.params.id);
    },
  );

  // Three views of one cycle, each answered from the read cache until the organization's next write.
  const views = [
    { name: "tree", response: cycleTreeSchema, build: cycleTree },
    { name: "dashboard", response: cycleDashboardSchema, build: cycleDashboard },
    { name: "rollout", response: cycleRolloutSchema, build: cycleRollout },
  ] as const;
  for (const view of views) {
    app.get(
      `/cycles/:id/${view.name}`,
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: departmentQuerySchema,
          response: { 200: view.response, ...readErrorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(ctx, request);
        const { id } = request.params;
        const { departmentId } = request.query;
        const raw = await cachedRead(caller, view.name, `${id}|${departmentId ?? ""}`, () =>
          view.build(caller, id, departmentId),
        );
        return sendRawJson(request, reply, raw, ctx.config);
      },
    );
  }
}
