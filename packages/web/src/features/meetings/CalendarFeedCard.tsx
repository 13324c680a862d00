import { CalendarOutlined, CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAttempt } from "../../api/use-attempt.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useCalendarFeed, useWriteCalendarFeed } from "./meeting-queries.ts";

/**
 * 日历订阅 (profile): a secret link to the person's calendar feed — their meetings, phase deadlines and
 * action items. The server keeps only the secret's hash, so a link is shown once, right after it is made;
 * making a new one ends the old.
 */
export function CalendarFeedCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const feed = useCalendarFeed();
  const write = useWriteCalendarFeed();
  const attempt = useAttempt();
  const [url, setUrl] = useState<string | null>(null);
  const rotate = () =>
    void attempt(async () => {
      const made = await write.mutateAsync("rotate");
      if (made) setUrl(`${window.location.origin}${made.path}`);
    });
  const stop = () =>
    void attempt(async () => {
      await write.mutateAsync("stop");
      setUrl(null);
    });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t("profile.calendarCopied"));
    } catch {
      // Without clipboard access the field stays selected for a manual copy.
    }
  };
  return (
    <Card title={t("profile.calendar")} data-testid="calendar-feed-card">
      <Typography.Paragraph type="secondary">{t("profile.calendarHelp")}</Typography.Paragraph>
      {feed.isPending ? null : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Text data-testid="calendar-feed-status">
            {feed.data.active && feed.data.createdAt
              ? t("profile.calendarOn", { when: formatDateTime(feed.data.createdAt, i18n.language) })
              : t("profile.calendarOff")}
          </Typography.Text>
          {url ? (
            <>
              <Alert type="warning" showIcon title={t("profile.calendarShownOnce")} />
              <Space.Compact style={{ width: "100%" }}>
                <Input
                  readOnly
                  value={url}
                  onFocus={(e) => e.target.select()}
                  aria-label={t("profile.calendar")}
                  data-testid="calendar-feed-url"
                />
                <Button icon={<CopyOutlined />} onClick={() => void copy()}>
                  {t("profile.calendarCopy")}
                </Button>
              </Space.Compact>
            </>
          ) : null}
          <Space wrap>
            {feed.data.active ? (
              <Popconfirm title={t("profile.calendarRotateConfirm")} onConfirm={rotate}>
                <Button
                  icon={<CalendarOutlined />}
                  loading={write.isPending}
                  data-testid="calendar-feed-rotate"
                >
                  {t("profile.calendarRotate")}
                </Button>
              </Popconfirm>
            ) : (
              <Button
                type="primary"
                icon={<CalendarOutlined />}
                loading={write.isPending}
                onClick={rotate}
                data-testid="calendar-feed-create"
              >
                {t("profile.calendarCreate")}
              </Button>
            )}
            {feed.data.active ? (
              <Button danger onClick={stop} disabled={write.isPending} data-testid="calendar-feed-stop">
                {t("profile.calendarStop")}
              </Button>
            ) : null}
          </Space>
        </Space>
      )}
    </Card>
  );
}
