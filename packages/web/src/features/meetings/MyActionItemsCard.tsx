import { Card, Checkbox, Empty, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAttempt } from "../../api/use-attempt.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { formatDate } from "../../lib/format.ts";
import { useCompleteMyActionItem, useMyActionItems } from "./meeting-queries.ts";
import "./meetings.css";

/** Today as YYYY-MM-DD in the browser's zone: an item due before it is overdue. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 我的会议待办: the action items meetings gave me, not yet done, the soonest due first (home page). */
export function MyActionItemsCard() {
  const { t, i18n } = useTranslation();
  const items = useMyActionItems();
  const complete = useCompleteMyActionItem();
  const attempt = useAttempt();
  const list = items.data?.items ?? [];
  // Nothing to show and nothing wrong: the card stays out of the way.
  if (items.isSuccess && list.length === 0) return null;
  const now = today();
  return (
    <Card
      size="small"
      loading={items.isPending}
      title={t("meetings.myActionItems")}
      className="my-action-items"
      data-testid="my-action-items"
    >
      {items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("meetings.noMyActionItems")} />
      ) : (
        <ul className="meeting-items">
          {list.map((item) => (
            <li key={item.id} className="meeting-item" data-testid="my-action-item">
              <Checkbox
                checked={item.done}
                disabled={!item.abilities.complete || complete.isPending}
                onChange={(e) =>
                  void attempt(() => complete.mutateAsync({ itemId: item.id, done: e.target.checked }))
                }
              >
                {item.title}
              </Checkbox>
              <Typography.Text type="secondary" className="meeting-item-sub">
                <Link to={`/meetings/${item.meeting.id}`}>
                  {t("meetings.fromMeeting", { meeting: item.meeting.title })}
                </Link>
                {item.dueDate
                  ? ` · ${t("meetings.due", { date: formatDate(item.dueDate, i18n.language) })}`
                  : ""}
                {item.keyResult ? ` · ${item.keyResult.title}` : ""}{" "}
                {item.dueDate && item.dueDate < now ? <Tag color="red">{t("meetings.overdue")}</Tag> : null}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
