import { type WebhookEvent, webhookEventOf } from "@luodi/core";
import { type Executor, insertDeliveries, listWebhooks, readJson } from "@luodi/db";
import type { AuditEntry } from "../services/audit-entry.ts";
import { newId } from "../services/ids.ts";

/** What a queued webhook delivery carries: the event's id (kept by redeliveries) and the exact body to send. */
export type WebhookPayload = { eventId: string; body: string; redeliveryOf: string | null };

/**
 * The body a receiver gets: the event, when, in which organization, who did it, to what, and the change as
 * the audit log keeps it (before and after of the fields that moved). Receivers fetch the rest through the
 * API with a token; nothing here is more than an admin — who subscribes — may read.
 */
function bodyOf(eventId: string, event: WebhookEvent, entry: AuditEntry, change: unknown): string {
  return JSON.stringify({
    id: eventId,
    event,
    occurredAt: entry.at,
    organizationId: entry.orgId,
    actorId: entry.actorId,
    subject: { type: entry.entityType, id: entry.entityId },
    objectiveId: entry.objectiveId ?? null,
    change,
  });
}

/**
 * Queues the webhook events of audited changes, in their transaction: an event is delivered exactly when
 * its change committed, and a crash after the commit loses none (the outbox is swept). Changes that are no
 * event cost nothing; the others read the organization's subscriptions once.
 */
export async function queueWebhookEvents(
  db: Executor,
  entries: ReadonlyArray<AuditEntry & { change: unknown }>,
): Promise<void> {
  const events = entries.flatMap((entry) => {
    const event = webhookEventOf(entry);
    return event ? [{ entry, event }] : [];
  });
  if (events.length === 0) return;
  const subscriptions = new Map<string, Awaited<ReturnType<typeof listWebhooks>>>();
  const rows = [];
  for (const { entry, event } of events) {
    let webhooks = subscriptions.get(entry.orgId);
    if (!webhooks) {
      webhooks = await listWebhooks(db, entry.orgId);
      subscriptions.set(entry.orgId, webhooks);
    }
    const eventId = newId();
    for (const webhook of webhooks) {
      if (!readJson(webhook.events).includes(event)) continue;
      const payload: WebhookPayload = {
        eventId,
        body: bodyOf(eventId, event, entry, entry.change),
        redeliveryOf: null,
      };
      rows.push({
        orgId: entry.orgId,
        id: newId(),
        channel: "webhook" as const,
        targetId: webhook.id,
        kind: event,
        payload: JSON.stringify(payload),
        status: "pending" as const,
        attempts: 0,
        nextAttemptAt: entry.at,
        lastError: null,
        createdAt: entry.at,
        sentAt: null,
      });
    }
  }
  await insertDeliveries(db, rows);
}
