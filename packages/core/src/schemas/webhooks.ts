import { z } from "zod";
import { WEBHOOK_EVENTS } from "../domain/webhooks.ts";
import { lineSchema, pageQuerySchema } from "./common.ts";

/*
 * Outbound webhooks (api.md, *Data in and out*: `/webhooks`): an address of the company's own systems that
 * receives the events it subscribes to, signed with its secret. Admins only.
 */

const timestamp = z.iso.datetime();
const eventSchema = z.enum(WEBHOOK_EVENTS);

/** The fewest characters of a secret given by the admin: enough that it cannot be guessed. */
const MIN_WEBHOOK_SECRET = 16;

/**
 * A new subscription. The URL must be http(s) on the public internet (422 `webhook.url_forbidden`) unless
 * ALLOW_PRIVATE_WEBHOOKS is set; without `secret` the server makes one and answers it once.
 */
export const webhookInputSchema = z
  .object({
    url: lineSchema(2048).trim().min(1),
    events: z.array(eventSchema).min(1).max(WEBHOOK_EVENTS.length),
    secret: lineSchema(256).min(MIN_WEBHOOK_SECRET).optional(),
  })
  .strict();

/** A subscription as admins see it: its URL masked but the host (it may carry a credential), never its secret. */
export const webhookSchema = z
  .object({
    id: z.string(),
    urlMasked: z.string(),
    events: z.array(eventSchema),
    createdAt: timestamp,
    createdBy: z.string().nullable(),
    /** The newest delivery, so the list shows at a glance whether the receiver is taking them. */
    lastDelivery: z
      .object({
        status: z.enum(["pending", "sent", "failed"]),
        at: timestamp,
        lastError: z.string().nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .meta({ id: "Webhook" });

/** The answer to a creation: the subscription, and the secret when the server made it (shown this once). */
export const webhookCreatedSchema = webhookSchema
  .extend({ secret: z.string().optional() })
  .strict()
  .meta({ id: "WebhookCreated" });

/** One delivery of an event to a subscription: its attempts and the receiver's last refusal. */
export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    /** The event's id, the same on every redelivery of it. */
    eventId: z.string(),
    event: z.union([eventSchema, z.literal("ping")]),
    status: z.enum(["pending", "sent", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: timestamp,
    lastError: z.string().nullable(),
    createdAt: timestamp,
    sentAt: timestamp.nullable(),
    /** The delivery this one sends again (a redelivery), if any. */
    redeliveryOf: z.string().nullable(),
  })
  .strict()
  .meta({ id: "WebhookDelivery" });

export const webhookDeliveryListSchema = z
  .object({ items: z.array(webhookDeliverySchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "WebhookDeliveryList" });

export const webhookDeliveryQuerySchema = pageQuerySchema.extend({
  status: z.enum(["pending", "sent", "failed"]).optional(),
});

export type WebhookInput = z.output<typeof webhookInputSchema>;
export type WebhookAnswer = z.output<typeof webhookSchema>;
export type WebhookDeliveryAnswer = z.output<typeof webhookDeliverySchema>;
