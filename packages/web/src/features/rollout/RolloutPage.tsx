import type { CycleRollout } from "@luodi/client";
import { isApiError } from "@luodi/client";
import { Card, Empty, Progress, Result, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRollout } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatPercent, formatShortDate } from "../../lib/format.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { publishedShare, ROLLOUT_SORTS, type RolloutRow } from "./rollout-view.ts";

const RateLine = lazy(async () => ({ default: (await import("../dashboard/DashboardCharts.tsx")).RateLine }));

/** What "missing" means at each stage, and why each person is listed. */
const STAGE_KEYS = {
  published: "rollout.stage.published",
  checked_in: "rollout.stage.checked_in",
  scored: "rollout.stage.scored",
  reviewed: "rollout.stage.reviewed",
} as const;

const REASON_KEYS = {
  no_okrs: "rollout.reason.no_okrs",
  not_checked_in: "rollout.reason.not_checked_in",
  not_scored: "rollout.reason.not_scored",
  not_reviewed: "rollout.reason.not_reviewed",
} as const;

/** 落地看板: for leadership, how far OKRs have landed in each department, and who is missing. */
export function RolloutPage() {
  const { t } = useTranslation();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const rollout = useRollout(cycle?.id);

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;

  let body: React.ReactNode;
  if (!cycle) body = <Empty description={t("dashboard.noCycle")} />;
  else if (rollout.isPending) body = <Loading />;
  else if (rollout.isError) {
    body =
      isApiError(rollout.error) && rollout.error.status === 403 ? (
        <Result
          status="403"
          title={t("rollout.forLeadership")}
          subTitle={t("rollout.forLeadershipBody")}
          data-testid="rollout-forbidden"
        />
      ) : (
        <ErrorState error={rollout.error} onRetry={() => void rollout.refetch()} />
      );
  } else if (rollout.data.departments.length === 0) {
    body = <Empty description={t("rollout.empty")} />;
  } else {
    body = <RolloutBody data={rollout.data} />;
  }

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("rollout.title")}</h1>
          <Typography.Text type="secondary">{t("rollout.subtitle")}</Typography.Text>
        </div>
        {cycle && (
          <div className="page-header-actions">
            <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
          </div>
        )}
      </div>
      {body}
    </>
  );
}

function Share({ value, label }: { value: number; label: string }) {
  return (
    <Progress
      percent={Math.round(value * 100)}
      size="small"
      status="normal"
      format={(percent) => `${percent ?? 0}%`}
      aria-label={`${label} ${formatPercent(value)}`}
      style={{ minWidth: 96, margin: 0 }}
    />
  );
}

function RolloutBody({ data }: { data: CycleRollout }) {
  const { t, i18n } = useTranslation();
  const trend = data.checkInTrend.map((w) => ({
    name: formatShortDate(Date.parse(`${w.weekStart}T12:00:00Z`), i18n.language),
    value: w.rate,
  }));
  const columns: TableColumnsType<RolloutRow> = [
    {
      key: "name",
      title: t("rollout.department"),
      sorter: ROLLOUT_SORTS.name,
      fixed: "left",
      width: 132,
      render: (_, row) => <Link to={`/departments/${row.departmentId}`}>{row.name}</Link>,
    },
    {
      key: "missing",
      title: t("rollout.missingColumn"),
      sorter: ROLLOUT_SORTS.missing,
      width: 96,
      render: (_, row) =>
        row.missing.length ? (
          <Tag color="orange" data-testid="rollout-missing-count">
            {row.missing.length}
          </Tag>
        ) : (
          <Tag color="green">{t("rollout.noneMissingShort")}</Tag>
        ),
    },
    {
      key: "published",
      title: t("rollout.publishedShare"),
      sorter: ROLLOUT_SORTS.published,
      render: (_, row) => (
        <div>
          <Share value={publishedShare(row)} label={t("rollout.publishedShare")} />
          <span className="muted" style={{ fontSize: 12 }}>
            {t("rollout.published", { done: row.membersWithPublishedOkrs, total: row.members })}
          </span>
        </div>
      ),
    },
    {
      key: "alignment",
      title: t("rollout.alignmentCoverage"),
      sorter: ROLLOUT_SORTS.alignment,
      render: (_, row) => <Share value={row.alignmentCoverage} label={t("rollout.alignmentCoverage")} />,
    },
    {
      key: "checkIn",
      title: t("rollout.checkInRate"),
      sorter: ROLLOUT_SORTS.checkIn,
      render: (_, row) => <Share value={row.checkInRate} label={t("rollout.checkInRate")} />,
    },
    {
      key: "scored",
      title: t("rollout.scoredShare"),
      sorter: ROLLOUT_SORTS.scored,
      render: (_, row) => <Share value={row.scoredShare} label={t("rollout.scoredShare")} />,
    },
    {
      key: "reviewed",
      title: t("rollout.reviewedShare"),
      sorter: ROLLOUT_SORTS.reviewed,
      render: (_, row) => <Share value={row.reviewedShare} label={t("rollout.reviewedShare")} />,
    },
  ];
  return (
    <div data-testid="rollout">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Text data-testid="rollout-stage">{t(STAGE_KEYS[data.stage])}</Typography.Text>
      </Card>
      <Table<RolloutRow>
        rowKey="departmentId"
        size="middle"
        columns={columns}
        dataSource={data.departments}
        pagination={false}
        scroll={{ x: 860 }}
        showSorterTooltip={false}
        onRow={(row) => ({ "data-testid": "rollout-row", "data-department": row.name }) as object}
        expandable={{
          rowExpandable: (row) => row.missing.length > 0,
          expandedRowRender: (row) => <MissingList row={row} />,
        }}
      />
      <Card title={t("rollout.trend")} style={{ marginTop: 16 }}>
        {trend.length === 0 ? (
          <Empty description={t("dashboard.noTrend")} />
        ) : (
          <Suspense fallback={<Loading />}>
            <RateLine
              points={trend}
              label={`${t("rollout.trend")}: ${trend.map((p) => `${p.name} ${formatPercent(p.value)}`).join(", ")}`}
              testId="rollout-trend-chart"
            />
          </Suspense>
        )}
      </Card>
    </div>
  );
}

function MissingList({ row }: { row: RolloutRow }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap data-testid="rollout-missing">
      {row.missing.map((m) => (
        <Link key={m.userId} to={`/people/${m.userId}`} data-testid="rollout-missing-person">
          <Tag color="orange">
            {m.name} · {t(REASON_KEYS[m.reason])}
          </Tag>
        </Link>
      ))}
    </Space>
  );
}
