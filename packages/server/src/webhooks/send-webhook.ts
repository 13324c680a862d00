import { createHmac } from "node:crypto";
import type { Executor } from "@luodi/db";
import { findWebhook, type NotificationDeliveryRow, readJson } from "@luodi/db";
import type { ServerConfig } from "../config.ts";
import { type ChatDeliveryDeps, postToCheckedAddress, refusalOf } from "../integrations/send-chat-message.ts";
import type { WebhookPayload } from "./webhook-events.ts";

/** `sha256=` and the hex HMAC-SHA256 of the raw body with the webhook's secret (api.md). */
function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** How a delivery went; `final` when trying again cannot help (the webhook was removed). */
export type WebhookOutcome = { ok: boolean; error?: string; final?: boolean };

/**
 * Sends one queued event to its webhook, signed with the webhook's current secret, under the same SSRF
 * rule as chat channels. Any 2xx is taken; anything else is retried by the outbox with its backoff.
 */
export async function sendQueuedWebhook(
  deps: { db: Executor; config: Pick<ServerConfig, "allowPrivateWebhooks" | "now"> } & Omit<
    ChatDeliveryDeps,
    "config"
  >,
  row: NotificationDeliveryRow,
): Promise<WebhookOutcome> {
  const webhook = await findWebhook(deps.db, row.orgId, row.targetId);
  if (!webhook) return { ok: false, error: "the webhook was removed", final: true };
  const payload = readJson(row.payload) as WebhookPayload;
  const sent = await postToCheckedAddress(deps, {
    url: webhook.url,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "Luodi-Webhook/1",
      "x-luodi-event": row.kind,
      "x-luodi-delivery": row.id,
      "x-luodi-signature": webhookSignature(webhook.secret, payload.body),
    },
    body: payload.body,
  });
  if ("error" in sent) return { ok: false, error: sent.error };
  const refusal = refusalOf(sent.answer);
  return refusal ? { ok: false, error: refusal } : { ok: true };
}
