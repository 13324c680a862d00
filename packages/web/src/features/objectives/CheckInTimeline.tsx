import type { CheckIn, KeyResult } from "@luodi/client";
import { Empty, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatMeasure, formatPercent } from "../../lib/format.ts";
import { CommentsDrawer } from "../comments/CommentsDrawer.tsx";

/** 进展记录: every check-in of the objective's KRs, newest first, with its note. */
export function CheckInTimeline({
  keyResults,
  checkInsByKr,
}: {
  keyResults: readonly KeyResult[];
  checkInsByKr: ReadonlyMap<string, readonly CheckIn[]>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const byId = new Map(keyResults.map((kr) => [kr.id, kr]));
  const all = keyResults
    .flatMap((kr) => [...(checkInsByKr.get(kr.id) ?? [])])
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (all.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("objectivePage.noCheckIns")} />;

  return (
    <Timeline
      data-testid="checkin-timeline"
      items={all.map((checkIn) => {
        const kr = byId.get(checkIn.keyResultId);
        const value =
          kr?.type === "milestone"
            ? t("keyResult.milestonesDone", {
                done: checkIn.milestonesDone?.length ?? 0,
                total: kr.milestones?.length ?? 0,
              })
            : kr?.type === "boolean"
              ? checkIn.value === 1
                ? t("keyResult.done")
                : t("keyResult.notDone")
              : `${formatMeasure(checkIn.previousValue, kr?.unit ?? null, language)} → ${formatMeasure(checkIn.value, kr?.unit ?? null, language)}`;
        return {
          key: checkIn.id,
          content: (
            <div>
              <div>
                <strong>{kr?.title}</strong>
              </div>
              <div className="kr-meta">
                <span>{value}</span>
                <span>· {formatPercent(checkIn.progress)}</span>
                <span>· {t("keyResult.confidence", { value: checkIn.confidence })}</span>
              </div>
              {checkIn.note ? (
                <Typography.Paragraph
                  style={{ whiteSpace: "pre-wrap", margin: "4px 0" }}
                  data-testid="checkin-note-text"
                >
                  {checkIn.note}
                </Typography.Paragraph>
              ) : null}
              <div className="checkin-footer">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {checkIn.authorName ?? t("common.someone")} · {formatDateTime(checkIn.createdAt, language)}
                </Typography.Text>
                {kr ? (
                  <CommentsDrawer
                    subject={{ type: "check_in", id: checkIn.id }}
                    title={t("comments.onKeyResult", { title: kr.title })}
                    canComment={kr.abilities.comment}
                  />
                ) : null}
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
