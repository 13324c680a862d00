import type { HistoryEntry } from "@luodi/client";
import { Empty, Tag, Timeline, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useHistory, useMemberNames } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { describeChanges, ownersNamedIn, type Translate } from "./change-fields.ts";

const ACTION_KEYS = {
  "objective.create": "history.action.objectiveCreate",
  "objective.update": "history.action.objectiveUpdate",
  "objective.adjust": "history.action.objectiveAdjust",
  "objective.submit": "history.action.objectiveSubmit",
  "objective.approve": "history.action.objectiveApprove",
  "objective.reject": "history.action.objectiveReject",
  "objective.publish": "history.action.objectivePublish",
  "objective.close": "history.action.objectiveClose",
  "objective.align": "history.action.objectiveAlign",
  "objective.score": "history.action.objectiveScore",
  "objective.review": "history.action.objectiveReview",
  "objective.delete": "history.action.objectiveDelete",
  "objective.restore": "history.action.objectiveRestore",
  "key_result.create": "history.action.krCreate",
  "key_result.update": "history.action.krUpdate",
  "key_result.adjust": "history.action.krAdjust",
  "key_result.delete": "history.action.krDelete",
  "key_result.check_in": "history.action.krCheckIn",
  "key_result.score": "history.action.krScore",
  "adjustment.request": "history.action.adjustmentRequest",
  "adjustment.approve": "history.action.adjustmentApprove",
  "adjustment.reject": "history.action.adjustmentReject",
} as const;

function isActionKey(action: string): action is keyof typeof ACTION_KEYS {
  return action in ACTION_KEYS;
}

/** The fields an entry changed, before → after; only for edits and adjustments, where the diff is the point. */
function changesOf(entry: HistoryEntry, t: Translate, names: ReadonlyMap<string, string>) {
  if (!/\.(update|adjust|request)$|^adjustment\./.test(entry.action)) return [];
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  // The fields the entry set; a field only in `before` was not changed by it.
  return describeChanges(t, before, after, names).filter((c) => c.field in after);
}

/** 变更历史: every change to the objective and its KRs, with the reasons given for adjustments. */
export function HistorySection({ objectiveId }: { objectiveId: string }) {
  const { t, i18n } = useTranslation();
  const history = useHistory(objectiveId);
  // Only the people the entries name, by id: never the whole organization.
  const named = useMemberNames(
    useMemo(
      () => ownersNamedIn(...(history.data?.entries ?? []).flatMap((entry) => [entry.before, entry.after])),
      [history.data],
    ),
  );
  const names = new Map([...named.byId].map(([userId, m]) => [userId, m.name]));
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const entries = [...history.data.entries].reverse();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="history"
      items={entries.map((entry) => {
        const changes = changesOf(entry, t, names);
        const isAdjustment = entry.action.endsWith(".adjust") || entry.action.startsWith("adjustment.");
        return {
          key: entry.id,
          color: isAdjustment ? "orange" : "blue",
          content: (
            <div>
              <div>
                <strong>{isActionKey(entry.action) ? t(ACTION_KEYS[entry.action]) : entry.action}</strong>
                {isAdjustment ? (
                  <Tag color="orange" style={{ marginLeft: 8 }}>
                    {t("history.adjustment")}
                  </Tag>
                ) : null}
              </div>
              {entry.reason ? (
                <div data-testid="history-reason">
                  {t("history.reason")}: {entry.reason}
                </div>
              ) : null}
              {changes.map((c) => (
                <div key={c.field} className="muted" style={{ fontSize: 13 }} data-testid="history-change">
                  {c.label}: <del>{c.before}</del> → {c.after}
                </div>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {entry.actor?.name ?? t("common.someone")} · {formatDateTime(entry.createdAt, i18n.language)}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
