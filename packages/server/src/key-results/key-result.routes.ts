import {
  AppError,
  type CheckInResultAnswer,
  carryForwardInputSchema,
  checkInAnswerSchema,
  checkInInputSchema,
  checkInListQuerySchema,
  checkInPageSchema,
  checkInSchema,
  elapsedFraction,
  idempotencyHeadersSchema,
  idParamsSchema,
  type KeyResultAnswer,
  keyResultCreateSchema,
  keyResultPatchSchema,
  keyResultPendingSchema,
  keyResultSchema,
  MAX_CHECK_INS_UNPAGED,
  noContentSchema,
  type ObjectiveDetailAnswer,
  objectiveDetailSchema,
  readErrorResponses,
  reasonQuerySchema,
  writeErrorResponses,
} from "@luodi/core";
import type { Executor } from "@luodi/db";
import { z } from "zod";
import type { AppContext, Caller } from "../context.ts";
import { callerOf, expectedVersion } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { graphOf, loadObjectiveFor } from "../objectives/objective-access.ts";
import { presentObjectiveDetail } from "../objectives/objective-views.ts";
import { abilityScopeOf } from "../presenters/ability-scope.ts";
import { presentCheckIn, presentKeyResult, presentObjectiveSummary } from "../presenters/presenters.ts";
import { IDEMPOTENT_CREATE, idempotent, idempotentCreate } from "../services/idempotency.ts";
import { mustExist } from "../services/must-exist.ts";
import { type CheckInOutcome, checkIn } from "./check-in.ts";
import { loadKeyResultFor } from "./key-result-access.ts";
import {
  carryKeyResultForward,
  createKeyResult,
  deleteKeyResult,
  updateKeyResult,
} from "./key-result-writes.ts";
import { listKeyResultCheckIns } from "./list-check-ins.ts";

/** A check-in's answer: the check-in, its KR and its objective as they stand after it. */
async function presentCheckInOutcome(
  caller: Caller,
  db: Executor,
  keyResultId: string,
  outcome: CheckInOutcome,
): Promise<CheckInResultAnswer> {
  const elapsed = outcome.cycle
    ? elapsedFraction(
        { startDate: outcome.cycle.startDate, endDate: outcome.cycle.endDate },
        caller.ctx.config.now(),
        caller.auth.org.timezone,
      )
    : 0;
  const scope = abilityScopeOf(caller, await graphOf(caller, db), outcome.cycle?.phase ?? "planning");
  const keyResults = outcome.keyResults.map((kr) =>
    presentKeyResult(
      kr,
      outcome.objective,
      { elapsed, abilities: scope },
      kr.type === "milestone" ? (outcome.milestones.get(kr.id) ?? []) : undefined,
    ),
  );
  const keyResult = keyResults.find((kr) => kr.id === keyResultId);
  return {
    checkIn: presentCheckIn(outcome.checkIn),
    keyResult: mustExist(keyResult, "key result"),
    objective: { ...presentObjectiveSummary(outcome.objective, keyResults, scope), keyResults },
  };
}

/** An objective as its own page shows it (after a write that waits for approval). */
async function presentObjectiveById(caller: Caller, id: string) {
  const { objective } = await loadObjectiveFor(caller, caller.ctx.db, id);
  return presentObjectiveDetail(caller, caller.ctx.db, objective);
}

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
        description: IDEMPOTENT_CREATE,
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: keyResultCreateSchema,
        response: { 201: keyResultSchema, 202: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { reason, ...input } = request.body;
      const objectiveId = request.params.id;
      const sent = await idempotentCreate(
        caller,
        {
          key: request.headers["idempotency-key"],
          method: "POST",
          path: `/objectives/${objectiveId}/key-results`,
          body: request.body,
        },
        async () => {
          const outcome = await createKeyResult(caller, objectiveId, input, reason);
          return { status: outcome.applied ? 201 : 202, made: outcome.applied ? outcome.id : objectiveId };
        },
        async (id, status) =>
          status === 201
            ? (await presentKeyResultById(caller, id)).keyResult
            : // 202: an addition past aligning waits for the manager; the objective lists it under pendingAdjustments.
              presentObjectiveById(caller, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as KeyResultAnswer | ObjectiveDetailAnswer);
    },
  );

  app.post(
    "/key-results/:id/carry-forward",
    {
      schema: {
        tags,
        description: IDEMPOTENT_CREATE,
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: carryForwardInputSchema,
        response: { 201: keyResultSchema, 202: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { objectiveId, reason } = request.body;
      const sent = await idempotentCreate(
        caller,
        {
          key: request.headers["idempotency-key"],
          method: "POST",
          path: `/key-results/${request.params.id}/carry-forward`,
          body: request.body,
        },
        async () => {
          const outcome = await carryKeyResultForward(caller, request.params.id, objectiveId, reason);
          return { status: outcome.applied ? 201 : 202, made: outcome.applied ? outcome.id : objectiveId };
        },
        async (id, status) =>
          status === 201
            ? (await presentKeyResultById(caller, id)).keyResult
            : // 202: the target objective is published and past aligning; the addition waits for approval there.
              presentObjectiveById(caller, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as KeyResultAnswer | ObjectiveDetailAnswer);
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
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: reasonQuerySchema,
        response: { 204: noContentSchema, 202: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { objective } = await loadKeyResultFor(caller, ctx.db, request.params.id);
      const outcome = await deleteKeyResult(caller, request.params.id, request.query.reason);
      if (outcome.applied) return reply.status(204).send();
      // 202: a deletion past aligning waits for the manager; the objective lists it under pendingAdjustments.
      return reply.status(202).send(await presentObjectiveById(caller, objective.id));
    },
  );

  app.post(
    "/key-results/:id/check-ins",
    {
      schema: {
        tags,
        description:
          "Appends a check-in. With an `Idempotency-Key` header, the same key from the same person within 24 " +
          "hours answers the first answer again (same status and body, header `Idempotent-Replayed: true`) " +
          "and creates nothing; the key with another body or path is refused (422 `idempotency.key_reused`).",
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: checkInInputSchema,
        response: { 201: checkInAnswerSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const answer = await idempotent(
        caller,
        {
          key: request.headers["idempotency-key"],
          method: request.method,
          path: `/key-results/${request.params.id}/check-ins`,
          body: request.body,
        },
        async (trx) => {
          const outcome = await checkIn(caller, request.params.id, request.body);
          return { status: 201, body: await presentCheckInOutcome(caller, trx, request.params.id, outcome) };
        },
      );
      if (answer.replayed) reply.header("idempotent-replayed", "true");
      else ctx.metrics.checkIns.inc();
      return reply.status(answer.status).send(answer.body as CheckInResultAnswer);
    },
  );

  app.get(
    "/key-results/:id/check-ins",
    {
      schema: {
        tags,
        description:
          "A key result's check-ins, newest first. With `limit` (1–200) or `cursor`, one page " +
          "`{ items, nextCursor }` (`nextCursor` null at the end; `cursor` alone pages by 50); a cursor this " +
          `list did not give is refused with 400 \`request.invalid\`. With neither, the newest ${MAX_CHECK_INS_UNPAGED} ` +
          "as a bare array, as the first clients read it: page to read further back.",
        params: idParamsSchema,
        querystring: checkInListQuerySchema,
        response: { 200: z.union([z.array(checkInSchema), checkInPageSchema]), ...readErrorResponses },
      },
    },
    async (request) => listKeyResultCheckIns(callerOf(ctx, request), request.params.id, request.query),
  );
}
