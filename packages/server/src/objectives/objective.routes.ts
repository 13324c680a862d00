import {
  AppError,
  alignmentInputSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  MAX_HISTORY_UNPAGED,
  MAX_OBJECTIVES_UNPAGED,
  noContentSchema,
  type ObjectiveDetailAnswer,
  objectiveDetailSchema,
  objectiveHistoryPageSchema,
  objectiveHistoryQuerySchema,
  objectiveHistorySchema,
  objectiveInputSchema,
  objectiveListQuerySchema,
  objectivePageSchema,
  objectivePatchSchema,
  objectiveSaveSchema,
  objectiveSchema,
  readErrorResponses,
  rejectInputSchema,
  reviewInputSchema,
  scoreInputSchema,
  writeErrorResponses,
} from "@luodi/core";
import { z } from "zod";
import { previousKeyResultsFor } from "../coach/previous-key-results.ts";
import type { AppContext, Caller } from "../context.ts";
import { callerOf, expectedVersion } from "../http/caller.ts";
import { sendRawJson } from "../http/serializer.ts";
import type { ZodApp } from "../http/types.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { cachedRead } from "../services/read-cache.ts";
import { alignObjective } from "./align-objective.ts";
import { createObjective } from "./create-objective.ts";
import { deleteObjective, restoreObjective } from "./delete-objective.ts";
import { listVisibleObjectives } from "./list-objectives.ts";
import { loadObjectiveFor } from "./objective-access.ts";
import { objectiveHistory } from "./objective-history.ts";
import { coachFindings, presentObjectiveDetail } from "./objective-views.ts";
import { changeObjectiveStatus, type WorkflowAction } from "./objective-workflow.ts";
import { reviewObjective } from "./review-objective.ts";
import { saveObjective } from "./save-objective.ts";
import { scoreObjective } from "./score-objective.ts";
import { updateObjective } from "./update-objective.ts";

/** A key result as the request wrote it: whether it stated a start (the stored one defaults to 0). */
type WrittenKeyResult = { title: string; startValue?: unknown };

/**
 * The objective as the caller now sees it (after a write), with the coach's findings when asked. `written` are
 * the request's key results: a start the caller left out is stored as 0, which the coach must not read as a
 * baseline the owner stated.
 */
async function answer(
  caller: Caller,
  id: string,
  withCoach = false,
  ownerObjectiveCount?: number,
  written?: readonly WrittenKeyResult[],
) {
  const { objective } = await loadObjectiveFor(caller, caller.ctx.db, id);
  const detail = await presentObjectiveDetail(caller, caller.ctx.db, objective);
  if (!withCoach) return detail;
  // Last cycle's values of the owner's measures: a KR without a baseline is offered the one it ended at.
  const previous = await previousKeyResultsFor(caller, caller.ctx.db, objective);
  const coach = await coachFindings(
    caller,
    { title: detail.title, description: detail.description },
    detail.keyResults.map((kr, index) => {
      const asWritten = written?.[index];
      const statesStart = asWritten?.title !== kr.title || asWritten.startValue !== undefined;
      return {
        title: kr.title,
        type: kr.type,
        startValue: statesStart ? kr.startValue : null,
        targetValue: kr.targetValue,
      };
    }),
    ownerObjectiveCount,
    detail.kind,
    previous,
  );
  return coach ? { ...detail, coach } : detail;
}

export async function objectiveRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["objectives"];

  app.get(
    "/objectives",
    {
      schema: {
        tags,
        description:
          "The objectives matching the filter that the caller may see, with their key results, oldest first. " +
          "Screens ask only for what they show: `mine=true` (what the caller answers for), `approver=me` (the " +
          "submitted objectives waiting for their decision), `memberDepartmentId` (a department's members' " +
          "personal objectives), `q` (a part of a title, for pickers). " +
          "With `limit` (1–200) or `cursor`, one page `{ items, nextCursor }` (`nextCursor` null at the end; " +
          "`cursor` alone pages by 50); a cursor this list did not give is refused with 400 `request.invalid`. " +
          `With neither, at most the first ${MAX_OBJECTIVES_UNPAGED} as a bare array, as the first clients ` +
          "read it: page to read them all.",
        querystring: objectiveListQuerySchema,
        response: { 200: z.union([z.array(objectiveSchema), objectivePageSchema]), ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { includeDeleted, limit, cursor, mine, ...filter } = request.query;
      // The query string, with keys in a fixed order, names the list.
      const key = JSON.stringify(Object.entries(request.query).sort(([a], [b]) => a.localeCompare(b)));
      return sendRawJson(
        request,
        reply,
        await cachedRead(caller, "objectives", key, () =>
          listVisibleObjectives(
            caller,
            { ...filter, includeDeleted: includeDeleted === "true", mine: mine === "true" },
            { limit, cursor },
          ),
        ),
        ctx.config,
      );
    },
  );

  app.post(
    "/objectives",
    {
      schema: {
        tags,
        description: IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: objectiveInputSchema,
        response: { 201: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/objectives", body: request.body },
        async () => ({ status: 201, made: await createObjective(caller, request.body) }),
        ({ id, ownerObjectiveCount }) =>
          answer(caller, id, true, ownerObjectiveCount, request.body.keyResults ?? []),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as ObjectiveDetailAnswer);
    },
  );

  app.get(
    "/objectives/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: objectiveDetailSchema, ...readErrorResponses },
      },
    },
    async (request) => answer(callerOf(ctx, request), request.params.id),
  );

  app.patch(
    "/objectives/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: objectivePatchSchema,
        response: { 200: objectiveDetailSchema, 202: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { version, ...patch } = request.body;
      const outcome = await updateObjective(
        caller,
        request.params.id,
        patch,
        expectedVersion(request, version),
      );
      // 202: the adjustment waits for the manager; the answer lists it under pendingAdjustments.
      return reply.status(outcome.applied ? 200 : 202).send(await answer(caller, request.params.id, true));
    },
  );

  app.put(
    "/objectives/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: objectiveSaveSchema,
        response: { 200: objectiveDetailSchema, 202: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      // The whole objective is replaced: only on top of the version the caller edited.
      const version = expectedVersion(request, undefined);
      if (version === undefined) throw new AppError("version.required", {}, [{ path: "If-Match" }]);
      const outcome = await saveObjective(caller, request.params.id, request.body, version);
      // 202: the save is one adjustment waiting for the manager; the answer lists it under pendingAdjustments.
      return reply
        .status(outcome.applied ? 200 : 202)
        .send(await answer(caller, request.params.id, true, undefined, request.body.keyResults));
    },
  );

  app.delete(
    "/objectives/:id",
    { schema: { tags, params: idParamsSchema, response: { 204: noContentSchema, ...writeErrorResponses } } },
    async (request, reply) => {
      await deleteObjective(callerOf(ctx, request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    "/objectives/:id/restore",
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await restoreObjective(caller, request.params.id);
      return answer(caller, request.params.id);
    },
  );

  for (const action of ["submit", "approve", "publish"] as const satisfies WorkflowAction[]) {
    app.post(
      `/objectives/:id/${action}`,
      {
        schema: {
          tags,
          params: idParamsSchema,
          response: { 200: objectiveDetailSchema, ...writeErrorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(ctx, request);
        await changeObjectiveStatus(caller, request.params.id, action);
        return answer(caller, request.params.id);
      },
    );
  }

  app.post(
    "/objectives/:id/reject",
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
      await changeObjectiveStatus(caller, request.params.id, "reject", request.body.reason);
      return answer(caller, request.params.id);
    },
  );

  app.put(
    "/objectives/:id/alignment",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: alignmentInputSchema,
        response: { 200: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await alignObjective(caller, request.params.id, request.body);
      return answer(caller, request.params.id);
    },
  );

  app.post(
    "/objectives/:id/score",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: scoreInputSchema,
        response: { 200: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await scoreObjective(caller, request.params.id, request.body);
      return answer(caller, request.params.id);
    },
  );

  app.put(
    "/objectives/:id/review",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: reviewInputSchema,
        response: { 200: objectiveDetailSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await reviewObjective(caller, request.params.id, request.body);
      return answer(caller, request.params.id);
    },
  );

  app.get(
    "/objectives/:id/history",
    {
      schema: {
        tags,
        description:
          "The change log of the objective and its key results. With `limit` (1–200) or `cursor`, one page " +
          "`{ items, nextCursor }`, newest first (`nextCursor` null at the end; `cursor` alone pages by 50). " +
          `With neither, \`{ entries }\` oldest first: the newest ${MAX_HISTORY_UNPAGED} entries, as the first ` +
          "clients read it — page to read further back.",
        params: idParamsSchema,
        querystring: objectiveHistoryQuerySchema,
        response: {
          200: z.union([objectiveHistorySchema, objectiveHistoryPageSchema]),
          ...readErrorResponses,
        },
      },
    },
    async (request) => objectiveHistory(callerOf(ctx, request), request.params.id, request.query),
  );
}
