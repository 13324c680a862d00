import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationAnswer,
  type NotificationSettings,
  type NotificationSettingsAnswer,
  wantsNotification,
} from "@luodi/core";
import type { NotificationRow } from "@luodi/db";

export function presentNotification(row: NotificationRow, actorName: string | null): NotificationAnswer {
  return {
    id: row.id,
    kind: row.kind,
    actor: row.actorId ? { id: row.actorId, name: actorName ?? "" } : null,
    subject: { type: row.subjectType, id: row.subjectId, title: row.subjectTitle },
    excerpt: row.excerpt,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** Every kind × channel as on or off, as the settings screen shows them. */
export function presentNotificationSettings(settings: NotificationSettings): NotificationSettingsAnswer {
  const kinds = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      Object.fromEntries(
        NOTIFICATION_CHANNELS.map((channel) => [channel, wantsNotification(settings, kind, channel)]),
      ),
    ]),
  ) as NotificationSettingsAnswer["kinds"];
  return { kinds, quietHours: settings.quietHours };
}
