import type { NotificationDeliveryList } from "@luodi/client";
import { useQuery } from "@tanstack/react-query";
import { Card, Segmented, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../lib/format.ts";
import { NOTIFICATION_CHANNEL_KEYS, NOTIFICATION_KIND_KEYS } from "../notifications/notification-labels.ts";

type Status = "failed" | "pending" | "sent";
type Delivery = NotificationDeliveryList["items"][number];

const STATUS_KEYS = {
  failed: "admin.deliveries.status.failed",
  pending: "admin.deliveries.status.pending",
  sent: "admin.deliveries.status.sent",
} as const satisfies Record<Status, string>;
const EMPTY_KEYS = {
  failed: "admin.deliveries.empty.failed",
  pending: "admin.deliveries.empty.pending",
  sent: "admin.deliveries.empty.sent",
} as const satisfies Record<Status, string>;

const STATUS_COLOR: Record<Status, string> = { failed: "red", pending: "gold", sent: "green" };

/** 发送记录: the emails and chat messages of the organization — what failed and why, what waits, what went. */
export function DeliveryLog() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status>("failed");
  const deliveries = useQuery({
    queryKey: ["notification-deliveries", status],
    queryFn: ({ signal }) => api.notifications.deliveries({ status }, signal),
  });
  return (
    <Card title={t("admin.deliveries.title")} data-testid="delivery-log">
      <Typography.Paragraph type="secondary">{t("admin.deliveries.intro")}</Typography.Paragraph>
      <Segmented
        value={status}
        onChange={(value) => setStatus(value as Status)}
        options={(["failed", "pending", "sent"] as const).map((value) => ({
          value,
          label: t(STATUS_KEYS[value]),
        }))}
      />
      <Table<Delivery>
        size="small"
        style={{ marginTop: 12 }}
        rowKey="id"
        loading={deliveries.isPending}
        dataSource={deliveries.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t(EMPTY_KEYS[status]) }}
        columns={[
          {
            title: t("admin.deliveries.when"),
            dataIndex: "createdAt",
            render: (at: string) => formatDateTime(at, i18n.language),
          },
          {
            title: t("admin.deliveries.channel"),
            dataIndex: "channel",
            render: (channel: Delivery["channel"]) => t(NOTIFICATION_CHANNEL_KEYS[channel]),
          },
          {
            title: t("admin.deliveries.kind"),
            dataIndex: "kind",
            render: (kind: Delivery["kind"]) => t(NOTIFICATION_KIND_KEYS[kind]),
          },
          {
            title: t("admin.deliveries.statusTitle"),
            dataIndex: "status",
            render: (value: Status, row) => (
              <Tag color={STATUS_COLOR[value]}>
                {t(STATUS_KEYS[value])} · {t("admin.deliveries.attempts", { count: row.attempts })}
              </Tag>
            ),
          },
          {
            title: t("admin.deliveries.error"),
            dataIndex: "lastError",
            render: (error: string | null, row) =>
              error ? (
                <Typography.Text type="danger">{error}</Typography.Text>
              ) : row.status === "pending" ? (
                t("admin.deliveries.next", { at: formatDateTime(row.nextAttemptAt, i18n.language) })
              ) : (
                "—"
              ),
          },
        ]}
      />
    </Card>
  );
}
