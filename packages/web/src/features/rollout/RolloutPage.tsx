import type { CycleRollout } from "@luodi/client";
import { isApiError } from "@luodi/client";
import { Card, Col, Empty, Progress, Result, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRollout } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatPercent } from "../../lib/format.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";

type DepartmentRollout = CycleRollout["departments"][number];

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
    body = (
      <Row gutter={[16, 16]} data-testid="rollout">
        {rollout.data.departments.map((d) => (
          <Col xs={24} md={12} xl={8} key={d.departmentId}>
            <DepartmentCard department={d} />
          </Col>
        ))}
      </Row>
    );
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

function Share({ label, value }: { label: string; value: number }) {
  return (
    <div className="rollout-share">
      <span>{label}</span>
      <Progress
        percent={Math.round(value * 100)}
        size="small"
        status="normal"
        format={(percent) => `${percent ?? 0}%`}
        aria-label={`${label} ${formatPercent(value)}`}
      />
    </div>
  );
}

function DepartmentCard({ department: d }: { department: DepartmentRollout }) {
  const { t } = useTranslation();
  const published = d.members ? d.membersWithPublishedOkrs / d.members : 0;
  return (
    <Card
      title={<Link to={`/departments/${d.departmentId}`}>{d.name}</Link>}
      extra={<Tag>{t("rollout.objectives", { count: d.objectives })}</Tag>}
      data-testid={`rollout-${d.name}`}
    >
      <div className="rollout-published">
        {t("rollout.published", { done: d.membersWithPublishedOkrs, total: d.members })}
      </div>
      <Share label={t("rollout.publishedShare")} value={published} />
      <Share label={t("rollout.alignmentCoverage")} value={d.alignmentCoverage} />
      <Share label={t("rollout.checkInRate")} value={d.checkInRate} />
      <Share label={t("rollout.scoredShare")} value={d.scoredShare} />
      <Share label={t("rollout.reviewedShare")} value={d.reviewedShare} />
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t("rollout.missing", { count: d.missing.length })}</Typography.Text>
        {d.missing.length === 0 ? (
          <div className="muted">{t("rollout.noneMissing")}</div>
        ) : (
          <Space size={[4, 4]} wrap style={{ marginTop: 4, display: "flex" }} data-testid="rollout-missing">
            {d.missing.map((m) => (
              <Link key={m.userId} to={`/people/${m.userId}`}>
                <Tag color="orange">{m.name}</Tag>
              </Link>
            ))}
          </Space>
        )}
      </div>
    </Card>
  );
}
