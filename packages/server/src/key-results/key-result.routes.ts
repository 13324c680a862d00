import {
  AppError,
  carryForwardInputSchema,
  checkInAnswerSchema,
  checkInInputSchema,
  checkInSchema,
  elapsedFraction,
  idParamsSchema,
  keyResultInputSchema,
  keyResultPatchSchema,
  keyResultPendingSchema,
  keyResultSchema,
  noContentSchema,
  readErrorResponses,
  writeErrorResponses,
} from "@luodi/core";
import { listCheckIns } from "@luodi/db";
import { z } from "zod";
import type { AppContext, Caller } from "../context.ts";
import { callerOf, expectedVersion } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { presentObjectiveDetail } from "../objectives/objective-views.ts";
import { abilityScopeOf } from "../presenters/ability-scope.ts";
import { presentCheckIn, presentKeyResult, presentObjectiveSummary } from "../presenters/presenters.ts";
import { mustExist } from "../services/must-exist.ts";
import { checkIn } from "./check-in.ts";
import { loadKeyResultFor } from "./key-result-access.ts";
import {
  carryKeyResultForward,
  createKeyResult,
  deleteKeyResult,
  updateKeyResult,
} from "./key-result-writes.ts";

/** A KR as its objective's answer shows it. */
async function presentKeyResultById(caller: Caller, id: string) {
  const { objective } = await loadKeyResultFor(caller, caller.ctx.db, id);
  const detail = await presentObjectiveDetail(caller, caller.ctx.db, objective);
  const keyResult = detail.keyResults.find((kr) => kr.id === id);
  if (!keyResult) throw new AppError("key_result.not_found");
  return { keyResult, objective: detail };
}

export async function keyResultRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["key results"];

  app.post(
    "/objectives/:id/key-results",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: keyResultInputSchema,
        response: { 201: keyResultSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const id = await createKeyResult(caller, request.params.id, request.body);
      return reply.status(201).send((await presentKeyResultById(caller, id)).keyResult);
    },
  );

  app.post(
    "/key-results/:id/carry-forward",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: carryForwardInputSchema,
        response: { 201: keyResultSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const id = await carryKeyResultForward(caller, request.params.id, request.body.objectiveId);
      return reply.status(201).send((await presentKeyResultById(caller, id)).keyResult);
    },
  );

  app.get(
    "/key-results/:id",
    { schema: { tags, params: idParamsSchema, response: { 200: keyResultSchema, ...readErrorResponses } } },
    async (request) => (await presentKeyResultById(callerOf(ctx, request), request.params.id)).keyResult,
  );

  app.patch(
    "/key-results/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: keyResultPatchSchema,
        response: { 200: keyResultSchema, 202: keyResultPendingSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { version, ...patch } = request.body;
      const outcome = await updateKeyResult(
        caller,
        request.params.id,
        patch,
        expectedVersion(request, version),
      );
      const { keyResult, objective } = await presentKeyResultById(caller, request.params.id);
      if (outcome.applied) return keyResult;
      // 202: the adjustment waits for the manager's approval; the KR is unchanged until then.
      const pending = objective.pendingAdjustments.find((a) => a.id === outcome.adjustmentId);
      return reply
        .status(202)
        .send({ ...keyResult, pendingAdjustment: mustExist(pending, "pending adjustment") });
    },
  );

  app.delete(
    "/key-results/:id",
    { schema: { tags, params: idParamsSchema, response: { 204: noContentSchema, ...writeErrorResponses } } },
    async (request, reply) => {
      await deleteKeyResult(callerOf(ctx, request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    "/key-results/:id/check-ins",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: checkInInputSchema,
        response: { 201: checkInAnswerSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const outcome = await checkIn(caller, request.params.id, request.body);
      const elapsed = outcome.cycle
        ? elapsedFraction(
            { startDate: outcome.cycle.startDate, endDate: outcome.cycle.endDate },
            ctx.config.now(),
            caller.auth.org.timezone,
          )
        : 0;
      const scope = abilityScopeOf(caller, await graphOf(caller), outcome.cycle?.phase ?? "planning");
      const keyResults = outcome.keyResults.map((kr) =>
        presentKeyResult(
          kr,
          outcome.objective,
          { elapsed, abilities: scope },
          kr.type === "milestone" ? (outcome.milestones.get(kr.id) ?? []) : undefined,
        ),
      );
      const keyResult = keyResults.find((kr) => kr.id === request.params.id);
      return reply.status(201).send({
        checkIn: presentCheckIn(outcome.checkIn),
        keyResult: mustExist(keyResult, "key result"),
        objective: { ...presentObjectiveSummary(outcome.objective, keyResults, scope), keyResults },
      });
    },
  );

  app.get(
    "/key-results/:id/check-ins",
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.array(checkInSchema), ...readErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await loadKeyResultFor(caller, ctx.db, request.params.id);
      return (await listCheckIns(ctx.db, caller.auth.org.id, request.params.id)).map(presentCheckIn);
    },
  );
}
