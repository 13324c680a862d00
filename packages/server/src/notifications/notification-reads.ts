import {
  AppError,
  canManageOrg,
  canSilenceInApp,
  DEFAULT_NOTIFICATION_SETTINGS,
  NOTIFICATION_CHANNELS,
  type NotificationDeliveryAnswer,
  type NotificationListAnswer,
  type NotificationSettings,
  type NotificationSettingsAnswer,
  type NotificationSettingsInput,
} from "@luodi/core";
import {
  countUnreadNotifications,
  type Executor,
  findNotificationSettings,
  listDeliveries,
  listNotifications,
  markNotificationsRead,
  saveNotificationSettings,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { presentNotification, presentNotificationSettings } from "../presenters/notification-presenter.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";

/** The caller's notifications, newest first, a page at a time, with their unread count. */
export async function listMyNotifications(
  caller: Caller,
  page: { limit: number; cursor?: string | undefined; unreadOnly: boolean },
): Promise<NotificationListAnswer> {
  const { ctx, auth } = caller;
  const [rows, unreadCount] = await Promise.all([
    listNotifications(ctx.db, auth.org.id, auth.user.id, {
      limit: page.limit + 1,
      before: page.cursor,
      unreadOnly: page.unreadOnly,
    }),
    countUnreadNotifications(ctx.db, auth.org.id, auth.user.id),
  ]);
  const items = rows.slice(0, page.limit);
  return {
    items: items.map((row) => presentNotification(row, row.actorName)),
    unreadCount,
    nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/** Marks some or all of the caller's notifications read; answers what remains unread. */
export async function markMyNotificationsRead(
  caller: Caller,
  which: { ids: string[] } | { all: true },
): Promise<{ unreadCount: number }> {
  const { ctx, auth } = caller;
  await markNotificationsRead(
    ctx.db,
    auth.org.id,
    auth.user.id,
    "all" in which ? "all" : which.ids,
    ctx.config.now().toISOString(),
  );
  return { unreadCount: await countUnreadNotifications(ctx.db, auth.org.id, auth.user.id) };
}

/** Read through `db`: inside a transaction on SQLite, only the transaction's own connection answers. */
async function settingsOf(caller: Caller, db: Executor = caller.ctx.db): Promise<NotificationSettings> {
  const { auth } = caller;
  const found = await findNotificationSettings(db, auth.org.id, [auth.user.id]);
  return found.get(auth.user.id) ?? DEFAULT_NOTIFICATION_SETTINGS;
}

export async function myNotificationSettings(caller: Caller): Promise<NotificationSettingsAnswer> {
  return presentNotificationSettings(await settingsOf(caller));
}

/** Changes the caller's choices: the kinds given (others keep theirs) and, when given, the quiet hours. */
export async function updateMyNotificationSettings(
  caller: Caller,
  input: NotificationSettingsInput,
): Promise<NotificationSettingsAnswer> {
  const { ctx, auth } = caller;
  return inTransaction(ctx, async (trx) => {
    const before = await settingsOf(caller, trx);
    const off = { ...before.off };
    for (const [kind, switches] of Object.entries(input.kinds ?? {}) as [
      keyof NotificationSettings["off"],
      Partial<Record<(typeof NOTIFICATION_CHANNELS)[number], boolean>>,
    ][]) {
      const current = new Set(off[kind] ?? []);
      for (const channel of NOTIFICATION_CHANNELS) {
        const on = switches[channel];
        if (on === undefined) continue;
        if (!on && channel === "inApp" && !canSilenceInApp(kind)) {
          throw new AppError("notification.in_app_required", {}, [
            { path: `kinds.${kind}.inApp`, code: "notification.in_app_required" },
          ]);
        }
        if (on) current.delete(channel);
        else current.add(channel);
      }
      if (current.size === 0) delete off[kind];
      else off[kind] = NOTIFICATION_CHANNELS.filter((channel) => current.has(channel));
    }
    const after: NotificationSettings = {
      off,
      quietHours: input.quietHours === undefined ? before.quietHours : input.quietHours,
    };
    if (after.quietHours && after.quietHours.start === after.quietHours.end) after.quietHours = null;
    const now = ctx.config.now().toISOString();
    await saveNotificationSettings(trx, {
      orgId: auth.org.id,
      userId: auth.user.id,
      settings: JSON.stringify(after),
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "notification_settings.update",
        entityType: "user",
        entityId: auth.user.id,
        before,
        after,
        at: now,
      },
    ]);
    return presentNotificationSettings(after);
  });
}

/** The organization's outbox, for an admin: what went out, what waits, what failed and why. */
export async function listOrgDeliveries(
  caller: Caller,
  page: { limit: number; cursor?: string | undefined; status?: "pending" | "sent" | "failed" | undefined },
): Promise<{ items: NotificationDeliveryAnswer[]; nextCursor: string | null }> {
  const { ctx, auth } = caller;
  if (!canManageOrg(auth.actor)) throw new AppError("permission.denied");
  const rows = await listDeliveries(ctx.db, auth.org.id, {
    limit: page.limit + 1,
    before: page.cursor,
    status: page.status,
  });
  const items = rows.slice(0, page.limit);
  return {
    items: items.map((row) => ({
      id: row.id,
      channel: row.channel,
      kind: row.kind,
      targetId: row.targetId,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      lastError: row.lastError,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
    })),
    nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null,
  };
}
