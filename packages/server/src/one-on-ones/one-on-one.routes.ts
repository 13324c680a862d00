import {
  actionItemInputSchema,
  actionItemPatchSchema,
  agendaItemInputSchema,
  agendaItemPatchSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  type OneOnOneAnswer,
  oneOnOneInputSchema,
  oneOnOneItemParamsSchema,
  oneOnOneListQuerySchema,
  oneOnOnePageSchema,
  oneOnOnePatchSchema,
  oneOnOneSchema,
  privateNoteInputSchema,
  readErrorResponses,
  writeErrorResponses,
} from "@luodi/core";
import type { FastifyReply } from "fastify";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { idempotentCreate } from "../services/idempotency.ts";
import { addActionItem, updateActionItemFields } from "./action-item-writes.ts";
import { addAgendaItem, changeAgendaItem } from "./agenda-writes.ts";
import { createOneOnOne } from "./create-one-on-one.ts";
import { listOneOnOnesFor, oneOnOneById } from "./one-on-one-reads.ts";
import { updateOneOnOneFields } from "./update-one-on-one.ts";
import { writePrivateNote } from "./write-private-note.ts";

/**
 * A 1:1's creates answer the whole 1:1 with the caller's private note: under an `Idempotency-Key` only what
 * was made is kept, and a retry answers the 1:1 as it stands then (services/idempotency.ts, `keepAnswer`).
 */
const IDEMPOTENT_ONE_ON_ONE =
  "With an `Idempotency-Key` header, the same key from the same person within 24 hours creates nothing more " +
  "and answers the 1:1 as it then stands (header `Idempotent-Replayed: true`); the key with another body or " +
  "path is refused (422 `idempotency.key_reused`).";

function sendCreated(reply: FastifyReply, sent: { status: number; body: unknown; replayed: boolean }) {
  if (sent.replayed) reply.header("idempotent-replayed", "true");
  return reply.status(sent.status).send(sent.body as OneOnOneAnswer);
}

/**
 * 1:1s (一对一) between a manager and a report. Only the two participants may read or change one; anyone
 * else — admins and peers included — gets 404 `one_on_one.not_found`, as for one that does not exist.
 * Every write answers the whole 1:1 as the caller sees it.
 */
export async function oneOnOneRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["one-on-ones"];
  const answer = { 200: oneOnOneSchema, ...writeErrorResponses };

  app.get(
    "/one-on-ones",
    {
      schema: {
        tags,
        description:
          "The caller's 1:1s, as manager or as report, newest first; `withUserId` keeps those with that person.",
        querystring: oneOnOneListQuerySchema,
        response: { 200: oneOnOnePageSchema, ...readErrorResponses },
      },
    },
    async (request) => listOneOnOnesFor(callerOf(ctx, request), request.query),
  );

  app.post(
    "/one-on-ones",
    {
      schema: {
        tags,
        description: `Schedules a 1:1 with someone below the caller in the manager chain (\`reportUserId\`) or above them (\`managerUserId\`); anyone else answers 403 one_on_one.not_related. ${IDEMPOTENT_ONE_ON_ONE}`,
        headers: idempotencyHeadersSchema,
        body: oneOnOneInputSchema,
        response: { 201: oneOnOneSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      return sendCreated(
        reply,
        await idempotentCreate(
          caller,
          {
            key: request.headers["idempotency-key"],
            method: "POST",
            path: "/one-on-ones",
            body: request.body,
          },
          async () => ({ status: 201, made: await createOneOnOne(caller, request.body) }),
          (id) => oneOnOneById(caller, id),
          { keepAnswer: false },
        ),
      );
    },
  );

  app.get(
    "/one-on-ones/:id",
    {
      schema: {
        tags,
        description:
          "A 1:1 with its agenda (key results read live: progress, health, latest check-in), shared notes, action items and the caller's own private note.",
        params: idParamsSchema,
        response: { 200: oneOnOneSchema, ...readErrorResponses },
      },
    },
    async (request) => oneOnOneById(callerOf(ctx, request), request.params.id),
  );

  app.patch(
    "/one-on-ones/:id",
    {
      schema: {
        tags,
        description:
          "Changes the time, the title, the status (scheduled → done) or the shared notes; replaced notes are kept in the 1:1's history. The agenda, private notes and action items have their own endpoints below.",
        params: idParamsSchema,
        body: oneOnOnePatchSchema,
        response: answer,
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await updateOneOnOneFields(caller, request.params.id, request.body);
      return oneOnOneById(caller, request.params.id);
    },
  );

  app.post(
    "/one-on-ones/:id/agenda",
    {
      schema: {
        tags,
        description: `Adds an agenda item: \`{ kind: "free", text }\` or \`{ kind: "key_result", keyResultId }\` (a KR the caller may not see answers 404). ${IDEMPOTENT_ONE_ON_ONE}`,
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: agendaItemInputSchema,
        response: { 201: oneOnOneSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { id } = request.params;
      return sendCreated(
        reply,
        await idempotentCreate(
          caller,
          {
            key: request.headers["idempotency-key"],
            method: "POST",
            path: `/one-on-ones/${id}/agenda`,
            body: request.body,
          },
          async () => {
            await addAgendaItem(caller, id, request.body);
            return { status: 201, made: id };
          },
          (made) => oneOnOneById(caller, made),
          { keepAnswer: false },
        ),
      );
    },
  );

  app.patch(
    "/one-on-ones/:id/agenda/:itemId",
    {
      schema: {
        tags,
        description: "Checks an agenda item off as discussed, or back on.",
        params: oneOnOneItemParamsSchema,
        body: agendaItemPatchSchema,
        response: answer,
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await changeAgendaItem(caller, request.params.id, request.params.itemId, request.body);
      return oneOnOneById(caller, request.params.id);
    },
  );

  app.delete(
    "/one-on-ones/:id/agenda/:itemId",
    {
      schema: {
        tags,
        description: "Removes an agenda item.",
        params: oneOnOneItemParamsSchema,
        response: answer,
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await changeAgendaItem(caller, request.params.id, request.params.itemId, { remove: true });
      return oneOnOneById(caller, request.params.id);
    },
  );

  app.put(
    "/one-on-ones/:id/private-note",
    {
      schema: {
        tags,
        description:
          "Writes the caller's own private note, answered only to them as `myPrivateNote`; never in the other participant's answer, exports or audit entries.",
        params: idParamsSchema,
        body: privateNoteInputSchema,
        response: answer,
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await writePrivateNote(caller, request.params.id, request.body.body);
      return oneOnOneById(caller, request.params.id);
    },
  );

  app.post(
    "/one-on-ones/:id/action-items",
    {
      schema: {
        tags,
        description: `Adds an action item owned by one of the two participants; an owner other than the caller is notified (meeting_action_item). ${IDEMPOTENT_ONE_ON_ONE}`,
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: actionItemInputSchema,
        response: { 201: oneOnOneSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { id } = request.params;
      return sendCreated(
        reply,
        await idempotentCreate(
          caller,
          {
            key: request.headers["idempotency-key"],
            method: "POST",
            path: `/one-on-ones/${id}/action-items`,
            body: request.body,
          },
          async () => {
            await addActionItem(caller, id, request.body);
            return { status: 201, made: id };
          },
          (made) => oneOnOneById(caller, made),
          { keepAnswer: false },
        ),
      );
    },
  );

  app.patch(
    "/one-on-ones/:id/action-items/:itemId",
    {
      schema: {
        tags,
        description: "Changes an action item, or marks it done (`done: true`) or not.",
        params: oneOnOneItemParamsSchema,
        body: actionItemPatchSchema,
        response: answer,
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await updateActionItemFields(caller, request.params.id, request.params.itemId, request.body);
      return oneOnOneById(caller, request.params.id);
    },
  );
}
