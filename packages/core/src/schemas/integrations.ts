import { z } from "zod";
import { INTEGRATION_KINDS } from "../domain/integrations.ts";
import { NOTIFICATION_KINDS } from "../domain/notification-kinds.ts";
import { idSchema, lineSchema, titleSchema } from "./common.ts";

/*
 * Chat channels of an organization (api.md, *Conversations and feedback*: `/integrations`): a webhook of a
 * chat platform that receives the notifications of some kinds, for the whole organization or one
 * department's subtree. Admins only.
 */

const eventsSchema = z.array(z.enum(NOTIFICATION_KINDS)).min(1).max(NOTIFICATION_KINDS.length);

/**
 * A new chat channel. Whether `webhookUrl` is an http(s) address on the public internet is checked by the
 * server (422 `integration.webhook_forbidden`), which resolves its host name; `secret` is for the platforms
 * that sign (Feishu, DingTalk) and is never answered back.
 */
export const integrationInputSchema = z
  .object({
    kind: z.enum(INTEGRATION_KINDS),
    name: titleSchema,
    webhookUrl: lineSchema(2048).trim().min(1),
    secret: lineSchema(256).trim().min(1).nullable().optional(),
    /** The department whose subtree's events the channel receives; none: the whole organization's. */
    departmentId: idSchema.nullable().optional(),
    events: eventsSchema,
    enabled: z.boolean().optional(),
  })
  .strict();

/** A change to a channel: absent fields are kept (the webhook URL and secret too); `secret: null` removes it. */
export const integrationPatchSchema = integrationInputSchema.partial().strict();

const id = z.string().min(1);
const timestamp = z.iso.datetime();

/** A chat channel as admins see it: never its secret, and its webhook URL (a credential) masked but the host. */
export const integrationSchema = z
  .object({
    id,
    kind: z.enum(INTEGRATION_KINDS),
    name: z.string(),
    /** `scheme://host[:port]/…`: the path and query, which carry the platform's token, are not shown. */
    webhookUrlMasked: z.string(),
    hasSecret: z.boolean(),
    departmentId: id.nullable(),
    events: z.array(z.enum(NOTIFICATION_KINDS)),
    enabled: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict()
  .meta({ id: "Integration" });

/**
 * How a test message went: `ok` when the platform took it; otherwise the HTTP status (when one came) and
 * the platform's own error (`19021 sign match fail`), a timeout, a refused address or a network failure.
 */
export const integrationTestResultSchema = z
  .object({ ok: z.boolean(), status: z.number().int().optional(), error: z.string().optional() })
  .strict()
  .meta({ id: "IntegrationTestResult" });

export type IntegrationAnswer = z.output<typeof integrationSchema>;
export type IntegrationTestResultAnswer = z.output<typeof integrationTestResultSchema>;
