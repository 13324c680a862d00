import type { WebhookAnswer, WebhookDeliveryAnswer } from "@luodi/core";
import { AppError } from "@luodi/core";
import {
  findWebhook,
  findWebhookDelivery,
  latestWebhookDeliveries,
  listWebhookDeliveries,
  listWebhooks,
  type NotificationDeliveryRow,
  readJson,
  type WebhookRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { maskWebhookUrl } from "../integrations/webhook-guard.ts";
import type { WebhookPayload } from "./webhook-events.ts";
import { assertWebhookAdmin } from "./webhook-writes.ts";

function presentWebhook(row: WebhookRow, latest: NotificationDeliveryRow | undefined): WebhookAnswer {
  return {
    id: row.id,
    urlMasked: maskWebhookUrl(row.url),
    events: readJson(row.events),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    lastDelivery: latest
      ? { status: latest.status, at: latest.sentAt ?? latest.createdAt, lastError: latest.lastError }
      : null,
  };
}

function presentDelivery(row: NotificationDeliveryRow): WebhookDeliveryAnswer {
  const payload = readJson(row.payload) as WebhookPayload;
  return {
    id: row.id,
    eventId: payload.eventId,
    event: row.kind as WebhookDeliveryAnswer["event"],
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    redeliveryOf: payload.redeliveryOf,
  };
}

/** The organization's webhooks, oldest first, each with its newest delivery. */
export async function webhooksOf(caller: Caller): Promise<WebhookAnswer[]> {
  assertWebhookAdmin(caller);
  const { ctx, auth } = caller;
  const rows = await listWebhooks(ctx.db, auth.org.id);
  const latest = await latestWebhookDeliveries(
    ctx.db,
    auth.org.id,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentWebhook(row, latest.get(row.id)));
}

export async function webhookFor(caller: Caller, id: string): Promise<WebhookAnswer> {
  assertWebhookAdmin(caller);
  const { ctx, auth } = caller;
  const row = await findWebhook(ctx.db, auth.org.id, id);
  if (!row) throw new AppError("webhook.not_found");
  const latest = await latestWebhookDeliveries(ctx.db, auth.org.id, [id]);
  return presentWebhook(row, latest.get(id));
}

/** One webhook's delivery log, newest first, a page at a time. */
export async function webhookDeliveries(
  caller: Caller,
  id: string,
  page: {
    limit: number;
    cursor?: string | undefined;
    status?: NotificationDeliveryRow["status"] | undefined;
  },
): Promise<{ items: WebhookDeliveryAnswer[]; nextCursor: string | null }> {
  assertWebhookAdmin(caller);
  const { ctx, auth } = caller;
  if (!(await findWebhook(ctx.db, auth.org.id, id))) throw new AppError("webhook.not_found");
  const rows = await listWebhookDeliveries(ctx.db, auth.org.id, id, {
    limit: page.limit + 1,
    before: page.cursor,
    status: page.status,
  });
  const items = rows.slice(0, page.limit);
  return {
    items: items.map(presentDelivery),
    nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/** One delivery, as the log shows it. */
export async function webhookDeliveryFor(
  caller: Caller,
  webhookId: string,
  id: string,
): Promise<WebhookDeliveryAnswer> {
  const row = await findWebhookDelivery(caller.ctx.db, caller.auth.org.id, webhookId, id);
  if (!row) throw new AppError("webhook.delivery_not_found");
  return presentDelivery(row);
}
