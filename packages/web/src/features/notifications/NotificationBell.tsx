import { BellOutlined } from "@ant-design/icons";
import type { Notification } from "@luodi/client";
import { App, Badge, Button, Empty, Popover, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useMarkNotificationsRead, useNotifications } from "../../api/queries.ts";
import { useLiveEvents } from "./live-events.ts";
import { NotificationItem } from "./NotificationItem.tsx";
import { notificationText } from "./notification-text.ts";

/** The bell of the header: the unread count, the latest notifications, live as they arrive. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { notification: toast } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications(false);
  const markRead = useMarkNotificationsRead();
  const first = list.data?.pages[0];
  const unread = first?.unreadCount ?? 0;
  const items = first?.items.slice(0, 8) ?? [];

  const openOne = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    setOpen(false);
    navigate(notification.link);
  };

  useLiveEvents((notification) => {
    toast.open({
      key: notification.id,
      message: notificationText(notification, t),
      description: notification.excerpt,
      placement: "topRight",
      duration: 6,
      onClick: () => openOne(notification),
      className: "notification-toast",
    });
  });

  const content = (
    <div className="notification-popover" data-testid="notification-popover">
      {list.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
      ) : (
        items.map((n) => <NotificationItem key={n.id} notification={n} onOpen={() => openOne(n)} />)
      )}
      <div className="notification-popover-footer">
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          data-testid="notifications-read-all"
        >
          {t("notifications.markAllRead")}
        </Button>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t("notifications.viewAll")}
        </Link>
      </div>
    </div>
  );

  return (
    <Popover
      content={content}
      title={t("notifications.title")}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      arrow={false}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t("notifications.bell", { count: unread })}
          data-testid="notification-bell"
          data-unread={unread}
        />
      </Badge>
    </Popover>
  );
}
