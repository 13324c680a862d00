import { Card, Col, Empty, Row } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useDepartments, useObjectives } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { useSession } from "../auth/session.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { DepartmentTreeNav } from "./DepartmentTreeNav.tsx";
import { ObjectiveList } from "./ObjectiveList.tsx";

const Markdown = lazy(() => import("../../components/Markdown.tsx"));

/** 公司: mission, vision and strategy, then the company OKRs of the cycle; the department tree to browse. */
export function CompanyPage() {
  const { t } = useTranslation();
  const { organization } = useSession();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const departments = useDepartments();
  const objectives = useObjectives({ cycleId: cycle?.id, level: "company" }, !!cycle);
  const direction = [
    { key: "mission", title: t("org.mission"), text: organization.mission },
    { key: "vision", title: t("org.vision"), text: organization.vision },
    { key: "strategy", title: t("org.strategy"), text: organization.strategy },
  ].filter((d) => d.text?.trim());

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;

  return (
    <>
      <div className="page-header">
        <h1>{organization.name}</h1>
        {cycle && (
          <div className="page-header-actions">
            <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
          </div>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={17}>
          {direction.length === 0 ? (
            <Card style={{ marginBottom: 16 }}>
              <Empty description={t("org.noDirection")} />
            </Card>
          ) : (
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="org-direction">
              {direction.map((d) => (
                <Col xs={24} md={d.key === "strategy" ? 24 : 12} key={d.key}>
                  <Card title={d.title} size="small" style={{ height: "100%" }}>
                    <Suspense fallback={<Loading />}>
                      <Markdown source={d.text ?? ""} />
                    </Suspense>
                  </Card>
                </Col>
              ))}
            </Row>
          )}
          <h2 className="section-title">{t("org.companyOkrs")}</h2>
          {cycle ? (
            <ObjectiveList query={objectives} cycleId={cycle.id} empty={t("org.noCompanyOkrs")} />
          ) : (
            <Empty description={t("dashboard.noCycle")} />
          )}
        </Col>
        <Col xs={24} lg={7}>
          <Card title={t("org.departments")} size="small">
            {departments.isPending ? (
              <Loading />
            ) : departments.isError ? (
              <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />
            ) : (
              <DepartmentTreeNav departments={departments.data} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
