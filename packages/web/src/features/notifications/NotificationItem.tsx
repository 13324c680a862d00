import type { Notification } from "@luodi/client";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format.ts";
import { notificationText } from "./notification-text.ts";

/** One notification as a line of the bell or of its page: the sentence, the words that caused it, when. */
export function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const unread = notification.readAt === null;
  return (
    <button
      type="button"
      className={`notification-item${unread ? " notification-item-unread" : ""}`}
      onClick={onOpen}
      data-testid="notification-item"
      data-kind={notification.kind}
    >
      {unread && <span className="notification-dot" aria-hidden />}
      {unread && <span className="visually-hidden">{t("notifications.unread")}</span>}
      <span className="notification-body">
        <Typography.Text strong={unread}>{notificationText(notification, t)}</Typography.Text>
        {notification.excerpt && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="notification-excerpt">
            {notification.excerpt}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" className="notification-time">
          {formatDateTime(notification.createdAt, i18n.language)}
        </Typography.Text>
      </span>
    </button>
  );
}
