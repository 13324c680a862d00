import {
  canSilenceInApp,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "@luodi/core";
import { App, Card, Checkbox, Select, Space, Switch, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNotificationSettings, useUpdateNotificationSettings } from "../../api/queries.ts";
import { NOTIFICATION_CHANNEL_KEYS, NOTIFICATION_KIND_KEYS } from "./notification-labels.ts";

/** The kinds a person can receive today; the others (meetings, 赛马) join the list when they exist. */
const SHOWN: NotificationKind[] = NOTIFICATION_KINDS.filter((kind) =>
  [
    "mention",
    "comment",
    "recognition",
    "approval_requested",
    "approval_decided",
    "adjustment_requested",
    "check_in_reminder",
    "phase_deadline",
    "digest",
  ].includes(kind),
);

const HALF_HOURS = Array.from({ length: 48 }, (_, i) => {
  const value = `${String(Math.floor(i / 2)).padStart(2, "0")}:${i % 2 === 0 ? "00" : "30"}`;
  return { value, label: value };
});

/** 通知设置: per kind, in the app, by email, in the team chat; quiet hours for email and chat. */
export function NotificationSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const save = (input: Parameters<typeof update.mutate>[0]) =>
    update.mutate(input, {
      onSuccess: () => message.success(t("notifications.settings.saved")),
      onError: (error) => message.error(error.message),
    });
  const data = settings.data;
  const quiet = data?.quietHours ?? null;

  return (
    <Card title={t("notifications.settings.title")} id="notifications" data-testid="notification-settings">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Table
          size="small"
          pagination={false}
          loading={settings.isPending}
          rowKey="kind"
          scroll={{ x: "max-content" }}
          dataSource={SHOWN.map((kind) => ({ kind }))}
          columns={[
            {
              title: t("notifications.settings.kind"),
              dataIndex: "kind",
              render: (kind: NotificationKind) => t(NOTIFICATION_KIND_KEYS[kind]),
            },
            ...NOTIFICATION_CHANNELS.map((channel) => ({
              title: t(NOTIFICATION_CHANNEL_KEYS[channel]),
              key: channel,
              align: "center" as const,
              render: (_: unknown, { kind }: { kind: NotificationKind }) => (
                <Checkbox
                  checked={data?.kinds[kind][channel] ?? true}
                  disabled={!data || (channel === "inApp" && !canSilenceInApp(kind))}
                  aria-label={`${t(NOTIFICATION_KIND_KEYS[kind])} · ${t(NOTIFICATION_CHANNEL_KEYS[channel])}`}
                  data-testid={`setting-${kind}-${channel}`}
                  onChange={(event) => save({ kinds: { [kind]: { [channel]: event.target.checked } } })}
                />
              ),
            })),
          ]}
        />
        <Space wrap align="center">
          <Switch
            checked={quiet !== null}
            disabled={!data}
            data-testid="quiet-hours-switch"
            onChange={(on) => save({ quietHours: on ? { start: "22:00", end: "08:00" } : null })}
          />
          <Typography.Text>{t("notifications.settings.quietHours")}</Typography.Text>
          {quiet && (
            <Space>
              <Select
                value={quiet.start}
                options={HALF_HOURS}
                style={{ width: 96 }}
                aria-label={t("notifications.settings.from")}
                data-testid="quiet-hours-start"
                onChange={(start) => save({ quietHours: { ...quiet, start } })}
              />
              <span>–</span>
              <Select
                value={quiet.end}
                options={HALF_HOURS}
                style={{ width: 96 }}
                aria-label={t("notifications.settings.to")}
                data-testid="quiet-hours-end"
                onChange={(end) => save({ quietHours: { ...quiet, end } })}
              />
            </Space>
          )}
        </Space>
        <Typography.Text type="secondary">{t("notifications.settings.quietHoursHelp")}</Typography.Text>
      </Space>
    </Card>
  );
}
