import { randomBytes } from "node:crypto";
import { AppError, canManageOrg, WEBHOOK_EVENTS, type WebhookInput } from "@luodi/core";
import {
  countWebhooks,
  deleteWebhook as deleteWebhookRow,
  findWebhook,
  findWebhookDelivery,
  insertDeliveries,
  insertWebhook,
  type NotificationDeliveryRow,
  readJson,
  type WebhookRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { assertWebhookAllowed } from "../integrations/integration-writes.ts";
import { maskWebhookUrl } from "../integrations/webhook-guard.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import type { WebhookPayload } from "./webhook-events.ts";

/** Enough for every system a company connects, few enough that one write cannot fan out without bound. */
const MAX_WEBHOOKS_PER_ORG = 20;

/** Webhooks are the organization's configuration: admins only. */
export function assertWebhookAdmin(caller: Caller): void {
  if (!canManageOrg(caller.auth.actor)) throw new AppError("permission.denied");
}

/** What the change log keeps of a webhook: never the secret, and the URL masked like answers. */
function auditView(row: WebhookRow) {
  return { url: maskWebhookUrl(row.url), events: readJson(row.events).join(",") };
}

/**
 * Adds a webhook. Its URL must be http(s) on the public internet (as chat channels'); without a secret one
 * is made, and answered once. Answers the webhook's id and the secret made, if any.
 */
export async function createWebhook(
  caller: Caller,
  input: WebhookInput,
): Promise<{ id: string; secret?: string }> {
  assertWebhookAdmin(caller);
  const { ctx, auth } = caller;
  await assertWebhookAllowed(caller, input.url, "url");
  const made = input.secret === undefined ? randomBytes(32).toString("hex") : undefined;
  const now = ctx.config.now().toISOString();
  const row: WebhookRow = {
    orgId: auth.org.id,
    id: newId(),
    url: input.url,
    events: JSON.stringify(WEBHOOK_EVENTS.filter((event) => input.events.includes(event))),
    secret: input.secret ?? (made as string),
    createdBy: auth.user.id,
    createdAt: now,
  };
  await inTransaction(ctx, async (trx) => {
    if ((await countWebhooks(trx, auth.org.id)) >= MAX_WEBHOOKS_PER_ORG) {
      throw new AppError("webhook.limit", { max: MAX_WEBHOOKS_PER_ORG });
    }
    await insertWebhook(trx, row);
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "webhook.create",
        entityType: "webhook",
        entityId: row.id,
        after: auditView(row),
        at: now,
      },
    ]);
  });
  return made === undefined ? { id: row.id } : { id: row.id, secret: made };
}

/** Removes a webhook: nothing more is sent to it, what waits fails; its delivery log stays. */
export async function deleteWebhook(caller: Caller, id: string): Promise<void> {
  assertWebhookAdmin(caller);
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    const before = await findWebhook(trx, auth.org.id, id);
    if (!before || !(await deleteWebhookRow(trx, auth.org.id, id))) throw new AppError("webhook.not_found");
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "webhook.delete",
        entityType: "webhook",
        entityId: id,
        before: auditView(before),
        at: ctx.config.now().toISOString(),
      },
    ]);
  });
}

/** Queues one delivery to a webhook; answers its id. */
async function queue(
  caller: Caller,
  webhookId: string,
  kind: NotificationDeliveryRow["kind"],
  payload: WebhookPayload,
): Promise<string> {
  const { ctx, auth } = caller;
  const id = newId();
  const now = ctx.config.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    if (!(await findWebhook(trx, auth.org.id, webhookId))) throw new AppError("webhook.not_found");
    await insertDeliveries(trx, [
      {
        orgId: auth.org.id,
        id,
        channel: "webhook",
        targetId: webhookId,
        kind,
        payload: JSON.stringify(payload),
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        sentAt: null,
      },
    ]);
  });
  return id;
}

/**
 * Sends an earlier delivery's event again, as it was (same event id and body), as a new delivery with its
 * own attempts: the receiver tells a redelivery by the event id it has already seen.
 */
export async function redeliver(caller: Caller, webhookId: string, deliveryId: string): Promise<string> {
  assertWebhookAdmin(caller);
  const { ctx, auth } = caller;
  if (!(await findWebhook(ctx.db, auth.org.id, webhookId))) throw new AppError("webhook.not_found");
  const earlier = await findWebhookDelivery(ctx.db, auth.org.id, webhookId, deliveryId);
  if (!earlier) throw new AppError("webhook.delivery_not_found");
  const payload = readJson(earlier.payload) as WebhookPayload;
  return queue(caller, webhookId, earlier.kind, { ...payload, redeliveryOf: earlier.id });
}

/** Sends a `ping` event, so the admin sees whether the receiver takes and verifies deliveries. */
export async function ping(caller: Caller, webhookId: string): Promise<string> {
  assertWebhookAdmin(caller);
  const { auth, ctx } = caller;
  const eventId = newId();
  const body = JSON.stringify({
    id: eventId,
    event: "ping",
    occurredAt: ctx.config.now().toISOString(),
    organizationId: auth.org.id,
    actorId: auth.user.id,
    subject: { type: "webhook", id: webhookId },
    objectiveId: null,
    change: null,
  });
  return queue(caller, webhookId, "ping", { eventId, body, redeliveryOf: null });
}
