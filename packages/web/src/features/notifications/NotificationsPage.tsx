import type { Notification } from "@luodi/client";
import { Button, Card, Empty, Segmented, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMarkNotificationsRead, useNotifications } from "../../api/queries.ts";
import { NotificationItem } from "./NotificationItem.tsx";

/** 通知: every notification of the caller, newest first, all or unread only, a page at a time. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markRead = useMarkNotificationsRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  const open = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    navigate(notification.link);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <div className="page-header">
        <Typography.Title level={2}>{t("notifications.title")}</Typography.Title>
        <div className="page-header-actions">
          <Segmented
            value={unreadOnly ? "unread" : "all"}
            onChange={(value) => setUnreadOnly(value === "unread")}
            options={[
              { value: "all", label: t("notifications.all") },
              { value: "unread", label: t("notifications.unreadCount", { count: unread }) },
            ]}
          />
          <Button disabled={unread === 0} onClick={() => markRead.mutate({ all: true })}>
            {t("notifications.markAllRead")}
          </Button>
        </div>
      </div>
      <Card className="notification-page-list" data-testid="notification-page">
        {list.isPending ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={unreadOnly ? t("notifications.noneUnread") : t("notifications.empty")} />
        ) : (
          items.map((n) => <NotificationItem key={n.id} notification={n} onOpen={() => open(n)} />)
        )}
        {list.hasNextPage && (
          <Button
            block
            type="link"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t("notifications.more")}
          </Button>
        )}
      </Card>
    </Space>
  );
}
