import { UploadOutlined } from "@ant-design/icons";
import type { CycleDashboard, Health } from "@luodi/client";
import { Button, Card, Col, Empty, Row, Statistic, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useDashboard, useDepartments, useMemberNames } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { HEALTH_KEYS } from "../../components/labels.ts";
import { ConfidenceTag, HealthTag } from "../../components/Tags.tsx";
import { formatPercent, formatShortDate } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { DepartmentFilter } from "../cycles/DepartmentFilter.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { ExportMenu } from "./ExportMenu.tsx";

const Charts = {
  Donut: lazy(async () => ({ default: (await import("./DashboardCharts.tsx")).DonutChart })),
  Bars: lazy(async () => ({ default: (await import("./DashboardCharts.tsx")).ProgressBars })),
  Line: lazy(async () => ({ default: (await import("./DashboardCharts.tsx")).RateLine })),
};

const HEALTHS: readonly Health[] = ["on_track", "at_risk", "off_track", "done"];
export const HEALTH_CHART_COLORS: Record<Health, string> = {
  on_track: "#52c41a",
  at_risk: "#faad14",
  off_track: "#ff4d4f",
  done: "#1677ff",
};

/** Whether scores exist to show: from the scoring phase on. */
function isScoringOrLater(phase: string): boolean {
  return phase === "scoring" || phase === "reviewing" || phase === "closed";
}

/** 数据看板: a cycle's numbers over what the viewer may see, for the whole organization or one department. */
export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const admin = session.membership.role === "owner" || session.membership.role === "admin";
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const [params, setParams] = useSearchParams();
  const departmentId = params.get("department") ?? undefined;
  const departments = useDepartments();
  const dashboard = useDashboard(cycle?.id, departmentId);

  const setDepartment = (id: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set("department", id);
        else next.delete("department");
        return next;
      },
      { replace: true },
    );

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  const deptList = departments.data ?? [];

  return (
    <>
      <div className="page-header">
        <h1>{t("dashboard.title")}</h1>
        <div className="page-header-actions">
          {cycle && <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />}
          {cycle && <ExportMenu cycleId={cycle.id} admin={admin} />}
          {cycle && (
            <Link to={`/import?cycleId=${encodeURIComponent(cycle.id)}`} data-testid="import-link">
              <Button icon={<UploadOutlined />}>{t("import.button")}</Button>
            </Link>
          )}
          <DepartmentFilter
            departments={deptList}
            value={departmentId}
            onChange={setDepartment}
            testId="dashboard-department"
          />
        </div>
      </div>
      {!cycle ? (
        <Empty description={t("dashboard.noCycle")} />
      ) : dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <DashboardBody data={dashboard.data} showScores={isScoringOrLater(cycle.phase)} />
      )}
    </>
  );
}

function DashboardBody({ data, showScores }: { data: CycleDashboard; showScores: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // The owners of the risky KRs by id, not the whole organization.
  const named = useMemberNames(
    useMemo(
      () => data.riskyKeyResults.flatMap((kr) => (kr.ownerUserId ? [kr.ownerUserId] : [])),
      [data.riskyKeyResults],
    ),
  );
  const names = useMemo(() => new Map([...named.byId].map(([id, m]) => [id, m.name])), [named.byId]);
  const krSlices = HEALTHS.map((h) => ({
    name: t(HEALTH_KEYS[h]),
    value: data.keyResultHealthCounts[h],
    color: HEALTH_CHART_COLORS[h],
  }));
  const objectiveSlices = HEALTHS.map((h) => ({
    name: t(HEALTH_KEYS[h]),
    value: data.healthCounts[h],
    color: HEALTH_CHART_COLORS[h],
  }));
  const summary = (slices: Array<{ name: string; value: number }>) =>
    slices.map((s) => `${s.name} ${s.value}`).join(", ");
  // Weeks named by their first day in the reader's language ("Oct 1", "10月1日"), never "10-01".
  const trend = data.checkInTrend.map((w) => ({
    name: formatShortDate(Date.parse(`${w.weekStart}T12:00:00Z`), language),
    value: w.rate,
  }));
  const departmentBars = data.departments.map((d) => ({ name: d.name, value: d.progress }));
  const scoreSlices = [
    { name: t("dashboard.scores.green"), value: data.scoreDistribution.green, color: "#52c41a" },
    { name: t("dashboard.scores.yellow"), value: data.scoreDistribution.yellow, color: "#faad14" },
    { name: t("dashboard.scores.red"), value: data.scoreDistribution.red, color: "#ff4d4f" },
    { name: t("dashboard.scores.unscored"), value: data.scoreDistribution.unscored, color: "#bfbfbf" },
  ];

  if (data.objectives === 0) {
    return (
      <Card>
        <Empty description={t("dashboard.empty")} data-testid="dashboard-empty" />
      </Card>
    );
  }

  return (
    <div data-testid="dashboard">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card style={{ height: "100%" }}>
            <Statistic
              title={t("dashboard.progress")}
              value={formatPercent(data.progress)}
              data-testid="dashboard-progress"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card style={{ height: "100%" }}>
            <Statistic
              title={t("dashboard.checkInRate")}
              value={formatPercent(data.checkInRate)}
              data-testid="dashboard-check-in-rate"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("dashboard.checkInRateHint")}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card style={{ height: "100%" }}>
            <Statistic
              title={t("dashboard.alignmentCoverage")}
              value={formatPercent(data.alignmentCoverage)}
              data-testid="dashboard-alignment"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card style={{ height: "100%" }}>
            <Statistic
              title={t("dashboard.counts")}
              value={t("dashboard.countsValue", { objectives: data.objectives, keyResults: data.keyResults })}
              data-testid="dashboard-counts"
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t("dashboard.trend")}>
            {data.checkInTrend.length === 0 ? (
              <Empty description={t("dashboard.noTrend")} />
            ) : (
              <Suspense fallback={<Loading />}>
                <Charts.Line
                  points={trend}
                  label={`${t("dashboard.trend")}: ${trend.map((w) => `${w.name} ${formatPercent(w.value)}`).join(", ")}`}
                  testId="check-in-trend-chart"
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t("dashboard.krHealth")}>
            <Suspense fallback={<Loading />}>
              <Charts.Donut
                slices={krSlices}
                label={`${t("dashboard.krHealth")}: ${summary(krSlices)}`}
                testId="kr-health-chart"
              />
            </Suspense>
            <p className="muted" style={{ margin: 0 }}>
              {t("dashboard.objectiveHealth")}: {summary(objectiveSlices)}
            </p>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t("dashboard.byDepartment")}>
            {departmentBars.length === 0 ? (
              <Empty description={t("dashboard.noDepartments")} />
            ) : (
              <Suspense fallback={<Loading />}>
                <Charts.Bars
                  bars={departmentBars}
                  label={`${t("dashboard.byDepartment")}: ${departmentBars
                    .map((b) => `${b.name} ${formatPercent(b.value)}`)
                    .join(", ")}`}
                  testId="department-chart"
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} md={showScores ? 12 : 24}>
          <Card title={t("dashboard.risky")}>
            {data.riskyKeyResults.length === 0 ? (
              <Empty description={t("dashboard.noRisky")} />
            ) : (
              <ul className="plain-list" data-testid="risky-list">
                {data.riskyKeyResults.map((kr) => (
                  <li key={kr.id}>
                    <Link to={`/objectives/${kr.objectiveId}`}>{kr.title}</Link>
                    <div className="kr-meta">
                      <HealthTag health={kr.health} />
                      <ConfidenceTag confidence={kr.confidence} />
                      <span>{formatPercent(kr.progress)}</span>
                      {kr.ownerUserId && <span>· {names.get(kr.ownerUserId) ?? ""}</span>}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        {showScores && (
          <Col xs={24} md={12}>
            <Card title={t("dashboard.scores.title")}>
              <Suspense fallback={<Loading />}>
                <Charts.Donut
                  slices={scoreSlices}
                  label={`${t("dashboard.scores.title")}: ${summary(scoreSlices)}`}
                  testId="score-chart"
                />
              </Suspense>
              <p className="muted" style={{ margin: 0 }}>
                {t("dashboard.scores.legend")}
              </p>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
