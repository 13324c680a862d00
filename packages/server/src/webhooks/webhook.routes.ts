import {
  errorResponses,
  idempotencyHeadersSchema,
  idParamsSchema,
  noContentSchema,
  readErrorResponses,
  webhookCreatedSchema,
  webhookDeliveryListSchema,
  webhookDeliveryQuerySchema,
  webhookDeliverySchema,
  webhookInputSchema,
  webhookSchema,
  writeErrorResponses,
} from "@luodi/core";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { idempotentCreate } from "../services/idempotency.ts";
import { webhookDeliveries, webhookDeliveryFor, webhookFor, webhooksOf } from "./webhook-reads.ts";
import { createWebhook, deleteWebhook, ping, redeliver } from "./webhook-writes.ts";

const deliveryParamsSchema = z.object({ id: idParamsSchema.shape.id, deliveryId: idParamsSchema.shape.id });

const SIGNATURE =
  "Each delivery is a POST of JSON `{ id, event, occurredAt, organizationId, actorId, subject, objectiveId, " +
  "change }` with headers `X-Luodi-Event`, `X-Luodi-Delivery` (the delivery's id) and `X-Luodi-Signature: " +
  "sha256=<hex HMAC-SHA256 of the raw body with the secret>`; any 2xx takes it, anything else is retried " +
  "after 10 s, 1 min, 5 min, 30 min and 2 h, then the delivery has failed.";

export async function webhookRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["webhooks"];

  app.get(
    "/webhooks",
    {
      schema: {
        tags,
        description: `The organization's outbound webhooks, oldest first, each with its newest delivery. Admins. ${SIGNATURE}`,
        response: { 200: z.array(webhookSchema), ...readErrorResponses },
      },
    },
    async (request) => webhooksOf(callerOf(ctx, request)),
  );

  app.post(
    "/webhooks",
    {
      schema: {
        tags,
        description:
          "Subscribes an address to events. The URL must be http(s) on the public internet (422 " +
          "`integration.webhook_forbidden`) unless ALLOW_PRIVATE_WEBHOOKS is set. Without `secret` the server " +
          "makes one and answers it this once (never again: not in lists, not in a replay). With an " +
          "`Idempotency-Key`, a retry answers the webhook made the first time, without the secret. At most 20 " +
          "per organization. Admins.",
        headers: idempotencyHeadersSchema,
        body: webhookInputSchema,
        response: { 201: webhookCreatedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      let secret: string | undefined;
      const sent = await idempotentCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/webhooks", body: request.body },
        async () => {
          const made = await createWebhook(caller, request.body);
          secret = made.secret;
          return { status: 201, made: made.id };
        },
        async (id) => webhookFor(caller, id),
        // A kept answer would keep the secret; a replay presents the webhook as it is, without it.
        { keepAnswer: false },
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      const body = sent.body as z.output<typeof webhookSchema>;
      return reply.status(sent.status).send(secret === undefined ? body : { ...body, secret });
    },
  );

  app.delete(
    "/webhooks/:id",
    {
      schema: {
        tags,
        description: "Removes a webhook: nothing more is sent to it; its delivery log stays. Admins.",
        params: idParamsSchema,
        response: { 204: noContentSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await deleteWebhook(callerOf(ctx, request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/webhooks/:id/deliveries",
    {
      schema: {
        tags,
        description:
          "A webhook's deliveries, newest first: sent, waiting for a retry, or failed with the receiver's answer. Admins.",
        params: idParamsSchema,
        querystring: webhookDeliveryQuerySchema,
        response: { 200: webhookDeliveryListSchema, ...readErrorResponses },
      },
    },
    async (request) =>
      webhookDeliveries(callerOf(ctx, request), request.params.id, {
        limit: request.query.limit,
        cursor: request.query.cursor,
        status: request.query.status,
      }),
  );

  app.post(
    "/webhooks/:id/deliveries/:deliveryId/redeliver",
    {
      schema: {
        tags,
        description:
          "Sends a delivery's event again, as it was (same event id and body), as a new delivery; answers it. Admins.",
        params: deliveryParamsSchema,
        response: { 202: webhookDeliverySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const id = await redeliver(caller, request.params.id, request.params.deliveryId);
      return reply.status(202).send(await webhookDeliveryFor(caller, request.params.id, id));
    },
  );

  app.post(
    "/webhooks/:id/ping",
    {
      schema: {
        tags,
        description:
          "Queues a `ping` event to the webhook, to check that the receiver takes and verifies it. Admins.",
        params: idParamsSchema,
        response: { 202: webhookDeliverySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const id = await ping(caller, request.params.id);
      return reply.status(202).send(await webhookDeliveryFor(caller, request.params.id, id));
    },
  );
}
