import {
  AppError,
  type CycleAnswer,
  cycleDashboardSchema,
  cycleInputSchema,
  cyclePatchSchema,
  cyclePhaseInputSchema,
  cycleRolloutSchema,
  cycleSchema,
  cycleTreeSchema,
  departmentQuerySchema,
  errorResponses,
  idempotencyHeadersSchema,
  idParamsSchema,
  readErrorResponses,
  treeNodePageSchema,
  treeNodesQuerySchema,
  treePathQuerySchema,
  treePathSchema,
  writeErrorResponses,
} from "@luodi/core";
import { findCycle, listCycles } from "@luodi/db";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf, expectedVersion } from "../http/caller.ts";
import { sendJsonStream, sendRawJson } from "../http/serializer.ts";
import type { ZodApp } from "../http/types.ts";
import { presentCycle } from "../presenters/presenters.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { cachedRead, RawJson } from "../services/read-cache.ts";
import { cycleDashboard, cycleRollout, cycleTree, cycleTreeText } from "./cycle-insights.ts";
import { advanceCyclePhase, createCycle, updateCycle } from "./cycle-writes.ts";
import { cycleTreeNodes, cycleTreePath } from "./tree-nodes.ts";

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
    {
      schema: {
        tags,
        description: IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: cycleInputSchema,
        response: { 201: cycleSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/cycles", body: request.body },
        async () => ({ status: 201, made: await createCycle(caller, request.body) }),
        (id) => present(caller.auth.org.id, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as CycleAnswer);
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

  // The whole tree is what exports read (the map reads it level by level): streamed node by node, never
  // kept. Where answers are checked against their schema (tests), it is built whole to be checked.
  app.get(
    "/cycles/:id/tree",
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: departmentQuerySchema,
        response: { 200: cycleTreeSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { id } = request.params;
      const { departmentId } = request.query;
      if (ctx.config.validateResponses) {
        const tree = await cycleTree(caller, id, departmentId);
        return sendRawJson(request, reply, new RawJson(Buffer.from(JSON.stringify(tree))), ctx.config);
      }
      const text = await cycleTreeText(caller, id, departmentId);
      return sendJsonStream(reply, text);
    },
  );

  // Two views of one cycle, each answered from the read cache until the organization's next write.
  const views = [
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

  app.get(
    "/cycles/:id/tree/nodes",
    {
      schema: {
        tags,
        description:
          "One page of the alignment map, in the map's order (company first, then oldest first): the children " +
          "of `parentId`, or the roots without it; with `q` (not with `parentId`), the objectives whose title " +
          "holds it, depth first. Each node counts the children the caller sees (`childCount`); the same parent " +
          "rule, order and visibility as `GET /cycles/:id/tree`. A `parentId` the caller cannot see answers " +
          "404 like a missing one; a cursor from another list or query answers 400.",
        params: idParamsSchema,
        querystring: treeNodesQuerySchema,
        response: { 200: treeNodePageSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const raw = await cycleTreeNodes(caller, request.params.id, request.query);
      return sendRawJson(request, reply, raw, ctx.config);
    },
  );

  app.get(
    "/cycles/:id/tree/path",
    {
      schema: {
        tags,
        description:
          "The nodes above an objective on the alignment map, `{ items }` from its root down to its parent " +
          "(empty for a root), so a deep link or a search hit opens in place: load the roots, then the " +
          "children of each item in turn. An objective the caller cannot see (or outside `departmentId`) " +
          "answers 404 like a missing one.",
        params: idParamsSchema,
        querystring: treePathQuerySchema,
        response: { 200: treePathSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { objectiveId, departmentId } = request.query;
      const raw = await cycleTreePath(caller, request.params.id, objectiveId, departmentId);
      return sendRawJson(request, reply, raw, ctx.config);
    },
  );
}
