import type { TalentReview } from "@luodi/client";
import { useQueries } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { boxKey, layoutGrid, PERFORMANCE_COLUMNS, POTENTIAL_ROWS } from "./grid-model.ts";
import { STATUS_COLORS, STATUS_KEYS } from "./review-labels.ts";
import { useTalentReviews } from "./talent-review-queries.ts";
import "./talent-reviews.css";

/** One department's grid, small: who sits in each box, for leaders comparing their bars. */
function MiniGrid({ review }: { review: TalentReview }) {
  const { t } = useTranslation();
  const { boxes, tray } = layoutGrid(review);
  return (
    <Card
      size="small"
      data-testid="calibration-review"
      data-department={review.department.name}
      title={
        <Link to={`/talent-reviews/${review.id}`}>
          {review.department.name} · {review.title}
        </Link>
      }
      extra={<Tag color={STATUS_COLORS[review.status]}>{t(STATUS_KEYS[review.status])}</Tag>}
    >
      <div className="calibration-grid">
        {POTENTIAL_ROWS.flatMap((potential) =>
          PERFORMANCE_COLUMNS.map((performance) => (
            <div
              key={`${performance}${potential}`}
              className="calibration-box"
              data-testid="calibration-box"
              data-box={`${performance}${potential}`}
            >
              <Typography.Text type="secondary" className="calibration-box-name">
                {t(boxKey(performance, potential))}
              </Typography.Text>
              {(boxes.get(`${performance}${potential}`) ?? []).map((p) => (
                <Link
                  key={p.person.id}
                  to={`/people/${p.person.id}`}
                  className="calibration-person"
                  title={p.reason}
                >
                  {p.person.name}
                </Link>
              ))}
            </div>
          )),
        )}
      </div>
      {tray.length > 0 ? (
        <Typography.Text type="secondary">
          {t("talentReview.calibration.unplaced", { count: tray.length })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/**
 * Calibration (校准): every department's grid of a cycle side by side, so leaders hold one bar across teams
 * before they finalize. Each review opened here is a read the server audits; only the reviews the leader
 * may open are listed.
 */
export function CalibrationPage() {
  const { t } = useTranslation();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const list = useTalentReviews(cycle?.id, 50);
  const summaries = list.data?.pages.flatMap((page) => page.items) ?? [];
  const reviews = useQueries({
    queries: summaries.map((summary) => ({
      queryKey: ["talent-reviews", "one", summary.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.talentReviews.get(summary.id, signal),
      retry: false,
    })),
  });

  if (cycles.isPending || list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const loaded = reviews.flatMap((r) => (r.data ? [r.data] : []));
  return (
    <>
      <div className="page-header">
        <div>
          <h1 data-testid="calibration-title">{t("talentReview.calibration.title")}</h1>
          <Typography.Text type="secondary">{t("talentReview.calibration.intro")}</Typography.Text>
        </div>
        <div className="page-header-actions">
          {cycle && cycles.data ? (
            <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
          ) : null}
        </div>
      </div>
      {summaries.length === 0 ? (
        <Empty description={t("talentReview.calibration.empty")} />
      ) : reviews.some((r) => r.isPending) ? (
        <Loading />
      ) : (
        <Row gutter={[16, 16]}>
          {loaded.map((review) => (
            <Col key={review.id} xs={24} lg={12} xxl={8}>
              <MiniGrid review={review} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
