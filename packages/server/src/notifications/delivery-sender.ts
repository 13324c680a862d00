import {
  claimDueDeliveries,
  type Executor,
  findIntegration,
  finishDelivery,
  type NotificationDeliveryRow,
  readJson,
} from "@luodi/db";
import type { ServerConfig } from "../config.ts";
import type { ChatMessage } from "../integrations/chat-message.ts";
import { sendChatMessage } from "../integrations/send-chat-message.ts";
import type { Mailer, MailMessage } from "../mail/mailer.ts";

/**
 * Sends one chat message or webhook event of the outbox; answers whether the receiver took it, why not,
 * and whether trying again is pointless (`final`: the webhook was removed).
 */
type Outcome = { ok: boolean; error?: string | undefined; final?: boolean | undefined };
type ChatSend = (row: NotificationDeliveryRow) => Promise<Outcome>;

type Deps = {
  db: Executor;
  now: () => Date;
  mailer: Mailer | null;
  chat: ChatSend | null;
  /** Sends outbound webhook events (webhooks/send-webhook.ts). */
  webhook?: ChatSend | null;
  /** Told of every attempt's outcome (the server's metrics). */
  onAttempt?: (channel: string, outcome: "sent" | "retry" | "failed") => void;
};

/** Waits after the n-th failed attempt: 10 s, 1 min, 5 min, 30 min, 2 h; then the delivery has failed. */
const BACKOFF_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000];
/** How long a sender holds what it claimed: enough for a slow SMTP server, short enough to retry soon. */
const LEASE_MS = 120_000;
const BATCH = 50;

/**
 * Sends the outbox of emails and chat messages (`notification_delivery`). Whoever writes to it wakes the
 * sender after the commit; a timer sweeps too, for what waited (quiet hours, backoff) and for what another
 * instance left behind when it died (its lease runs out). Each row is claimed by one sender at a time
 * (claimDueDeliveries), so two instances on one PostgreSQL send it once; a failure is retried with backoff
 * and, after the last attempt, stays `failed` with its reason for the admin to see.
 */
export class DeliverySender {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  /** Where a sweep that failed as a whole is reported (the server's log). */
  onError: (error: unknown) => void = () => {};

  constructor(private readonly deps: Deps) {}

  /** Sweeps every `intervalMs` until stopped. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => this.wake(), intervalMs);
    this.timer.unref();
  }

  /** Something was queued: sweep now, or right after the sweep under way. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Waits for the sweep under way (and those it asked for) to finish. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        while ((await this.sweep()) === BATCH && !this.stopped) {
          // A full batch: more may be due.
        }
      } catch (error) {
        this.onError(error);
      }
    } while (this.again && !this.stopped);
  }

  /** Claims and sends what is due; answers how many were claimed. */
  async sweep(): Promise<number> {
    const now = this.deps.now();
    const claimed = await claimDueDeliveries(
      this.deps.db,
      now.toISOString(),
      new Date(now.getTime() + LEASE_MS).toISOString(),
      BATCH,
    );
    for (const row of claimed) await this.send(row);
    return claimed.length;
  }

  private async send(row: NotificationDeliveryRow): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.attempt(row);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const at = this.deps.now();
    if (outcome.ok) {
      await finishDelivery(this.deps.db, row, { status: "sent", at: at.toISOString(), error: null });
      this.deps.onAttempt?.(row.channel, "sent");
      return;
    }
    const wait = outcome.final ? undefined : BACKOFF_MS[row.attempts - 1];
    this.deps.onAttempt?.(row.channel, wait === undefined ? "failed" : "retry");
    const error = (outcome.error ?? "failed").slice(0, 1000);
    await finishDelivery(
      this.deps.db,
      row,
      wait === undefined
        ? { status: "failed", at: at.toISOString(), error }
        : {
            status: "pending",
            at: at.toISOString(),
            error,
            nextAttemptAt: new Date(at.getTime() + wait).toISOString(),
          },
    );
  }

  private async attempt(row: NotificationDeliveryRow): Promise<Outcome> {
    if (row.channel === "webhook") {
      if (!this.deps.webhook) return { ok: false, error: "webhooks are not available" };
      return this.deps.webhook(row);
    }
    if (row.channel === "email") {
      if (!this.deps.mailer) return { ok: false, error: "SMTP_URL is not set" };
      await this.deps.mailer.send(readJson(row.payload) as MailMessage);
      return { ok: true };
    }
    if (!this.deps.chat) return { ok: false, error: "chat channels are not available" };
    return this.deps.chat(row);
  }
}

/** Posts a queued chat message to its channel, as the channel is now (a removed or disabled one takes none). */
export async function sendQueuedChat(
  deps: { db: Executor; config: Pick<ServerConfig, "allowPrivateWebhooks" | "now"> },
  row: NotificationDeliveryRow,
): Promise<{ ok: boolean; error?: string | undefined }> {
  const channel = await findIntegration(deps.db, row.orgId, row.targetId);
  if (!channel) return { ok: false, error: "the chat channel was removed" };
  if (!channel.enabled) return { ok: false, error: "the chat channel is disabled" };
  const sent = await sendChatMessage({ config: deps.config }, channel, readJson(row.payload) as ChatMessage);
  return sent.ok ? { ok: true } : { ok: false, error: `${sent.status ?? ""} ${sent.error}`.trim() };
}
