import type { Notification } from "@luodi/client";
import type { TFunction } from "i18next";
import { NOTIFICATION_TEXT_KEYS } from "./notification-labels.ts";

/** The sentence a notification reads as, in the reader's language: who did what to which thing. */
export function notificationText(notification: Notification, t: TFunction): string {
  return t(NOTIFICATION_TEXT_KEYS[notification.kind], {
    actor: notification.actor?.name ?? t("notifications.someone"),
    title: notification.subject.title,
  });
}
