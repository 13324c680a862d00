import { EditOutlined } from "@ant-design/icons";
import type { CheckIn } from "@luodi/client";
import { Alert, Button, Card, Col, Row, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useCheckInsOf, useCycles, useDepartments, useMemberNames, useObjective } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PHASE_KEYS } from "../../components/labels.ts";
import { ProgressBar } from "../../components/ProgressBar.tsx";
import { ConfidenceTag, HealthTag, KindTag, LevelTag, StatusTag } from "../../components/Tags.tsx";
import { useSession } from "../auth/session.ts";
import { CommentsDrawer } from "../comments/CommentsDrawer.tsx";
import { CommentsPanel } from "../comments/CommentsPanel.tsx";
import { KeyResultValue } from "../okrs/KeyResultLine.tsx";
import { AlignmentSection } from "./AlignmentSection.tsx";
import { CheckInTimeline } from "./CheckInTimeline.tsx";
import { progressOverTime } from "./chart-data.ts";
import { HistorySection } from "./HistorySection.tsx";
import { PendingAdjustments } from "./PendingAdjustments.tsx";
import { ReviewForm } from "./ReviewForm.tsx";
import { ScoreGuidance } from "./ScoreGuidance.tsx";
import { ScoringForm } from "./ScoringForm.tsx";
import { useScrollToHash } from "./useScrollToHash.ts";
import { WorkflowActions } from "./WorkflowActions.tsx";

// ECharts is heavy: it loads only when a chart is on screen.
const ProgressChart = lazy(() => import("./ProgressChart.tsx"));

/** The objective's own page: KRs, progress over time, check-ins, alignment, history, workflow, scoring, 复盘. */
export function ObjectivePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useSession();
  const _userId = session.user.id;
  const objective = useObjective(id);
  const cycles = useCycles();
  const departments = useDepartments();
  const keyResults = objective.data?.keyResults ?? [];
  // The owner and the KRs' owners by id, not the whole organization.
  const named = useMemberNames(
    useMemo(() => {
      const o = objective.data;
      if (!o) return [];
      const ids = o.keyResults.map((kr) => kr.ownerUserId);
      return [o.ownerUserId, ...ids].filter((userId): userId is string => !!userId);
    }, [objective.data]),
  );
  const checkInQueries = useCheckInsOf(keyResults.map((kr) => kr.id));
  const checkInsByKr = useMemo(() => {
    const map = new Map<string, readonly CheckIn[]>();
    keyResults.forEach((kr, i) => {
      const data = checkInQueries[i]?.data;
      if (data) map.set(kr.id, data);
    });
    return map;
  }, [keyResults, checkInQueries]);
  const cycle = cycles.data?.find((c) => c.id === objective.data?.cycleId);
  const series = useMemo(
    () =>
      cycle && objective.data
        ? progressOverTime(
            cycle,
            objective.data.keyResults,
            checkInsByKr,
            objective.data.progress,
            new Date(),
          )
        : null,
    [cycle, objective.data, checkInsByKr],
  );

  // To-dos link to `#scoring` and `#review`: the form is brought into view once the page shows it.
  useScrollToHash(!!objective.data && !!cycle);

  if (objective.isPending) return <Loading />;
  if (objective.isError)
    return <ErrorState error={objective.error} onRetry={() => void objective.refetch()} />;
  const o = objective.data;
  const departmentList = departments.data ?? [];
  const ownerName = o.ownerUserId
    ? named.byId.get(o.ownerUserId)?.name
    : departmentList.find((d) => d.id === o.ownerDepartmentId)?.name;
  const phase = cycle?.phase;
  const checkInsLoading = checkInQueries.some((q) => q.isPending);

  return (
    <article aria-labelledby="objective-title">
      <div className="page-header">
        <div style={{ minWidth: 0, flex: "1 1 320px" }}>
          <h1 id="objective-title" data-testid="objective-title">
            {o.title}
          </h1>
          <div className="kr-meta" style={{ marginTop: 6 }}>
            <LevelTag level={o.level} />
            <KindTag kind={o.kind} />
            <StatusTag status={o.status} />
            <HealthTag health={o.health} />
            {ownerName ? <span>{ownerName}</span> : null}
            {cycle ? (
              <span>
                · {cycle.name} · {t(PHASE_KEYS[cycle.phase])}
              </span>
            ) : null}
          </div>
        </div>
        <div className="page-header-actions">
          {o.abilities.update ? (
            <Link to={`/objectives/${o.id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="objective-edit">
                {t("common.edit")}
              </Button>
            </Link>
          ) : null}
          <WorkflowActions objective={o} />
        </div>
      </div>
      {o.status === "draft" && o.rejectReason ? (
        <Alert
          type="warning"
          showIcon
          title={t("workflow.sentBack", { reason: o.rejectReason })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {o.approver ? (
        <Alert
          type="info"
          showIcon
          data-testid="objective-approver"
          title={
            o.approver.userId === session.user.id
              ? t("workflow.waitingForYou")
              : o.approver.name
                ? t("workflow.waitingFor", { name: o.approver.name })
                : t("workflow.waitingForAdmins")
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <PendingAdjustments objective={o} />
      {o.description ? (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{o.description}</Typography.Paragraph>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t("objectivePage.keyResults")} size="small" style={{ marginBottom: 16 }}>
            <div data-testid="objective-progress">
              <ProgressBar progress={o.progress} health={o.health} label={o.title} />
            </div>
            {/* Once scored and past scoring, the final score is read against the kind here. */}
            {o.score !== null && phase !== "scoring" ? (
              <ScoreGuidance objective={o} scale={session.organization.settings.scoreScale} />
            ) : null}
            <ol className="kr-list" data-testid="objective-krs">
              {o.keyResults.map((kr, index) => (
                <li key={kr.id} className="kr-row" data-testid="kr-row">
                  <div className="kr-row-head">
                    <span className="kr-title">
                      <span className="muted">KR{index + 1} </span>
                      {kr.title}
                    </span>
                    <CommentsDrawer
                      subject={{ type: "key_result", id: kr.id }}
                      title={t("comments.onKeyResult", { title: kr.title })}
                      canComment={kr.abilities.comment}
                    />
                  </div>
                  <div className="kr-meta">
                    <KeyResultValue keyResult={kr} />
                    <HealthTag health={kr.health} />
                    <ConfidenceTag confidence={kr.confidence} />
                    <span>{kr.ownerUserId ? named.byId.get(kr.ownerUserId)?.name : null}</span>
                    {kr.weight !== 1 ? <span>{t("keyResult.weight", { value: kr.weight })}</span> : null}
                  </div>
                  <ProgressBar
                    progress={kr.progress}
                    progressRaw={kr.progressRaw}
                    health={kr.health}
                    label={kr.title}
                    size="small"
                  />
                </li>
              ))}
            </ol>
          </Card>
          <Card title={t("objectivePage.chart")} size="small" style={{ marginBottom: 16 }}>
            {series && !checkInsLoading ? (
              <Suspense fallback={<Loading />}>
                <ProgressChart series={series} />
              </Suspense>
            ) : (
              <Loading />
            )}
          </Card>
          {phase === "scoring" ? (
            <Card title={t("scoring.title")} size="small" id="scoring" style={{ marginBottom: 16 }}>
              <ScoreGuidance objective={o} scale={session.organization.settings.scoreScale} />
              <ScoringForm objective={o} scale={session.organization.settings.scoreScale} />
            </Card>
          ) : null}
          {phase === "reviewing" ? (
            <Card title={t("review.title")} size="small" id="review" style={{ marginBottom: 16 }}>
              <ReviewForm objective={o} />
            </Card>
          ) : null}
          <Card title={t("objectivePage.checkIns")} size="small" style={{ marginBottom: 16 }}>
            {checkInsLoading ? (
              <Loading />
            ) : (
              <CheckInTimeline keyResults={o.keyResults} checkInsByKr={checkInsByKr} />
            )}
          </Card>
          <Card title={t("comments.title")} size="small" id="comments">
            <CommentsPanel subject={{ type: "objective", id: o.id }} canComment={o.abilities.comment} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t("alignment.title")} size="small" style={{ marginBottom: 16 }}>
            <AlignmentSection objective={o} />
          </Card>
          <Card title={t("history.title")} size="small">
            <HistorySection objectiveId={o.id} />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
