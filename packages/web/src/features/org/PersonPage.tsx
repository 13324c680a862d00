import { Card, Col, Descriptions, Empty, Row, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useDepartments, useMembers, useObjectives } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { departmentPath } from "../admin/department-tree.ts";
import { useSession } from "../auth/session.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { oneOnOnePartners } from "../one-on-ones/one-on-one-people.ts";
import { OkrRecord } from "../people/OkrRecord.tsx";
import { PersonProposals } from "../proposals/PersonProposals.tsx";
import { ObjectiveList } from "./ObjectiveList.tsx";

/** A person: their objectives in the cycle (as visibility allows), their manager and department. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useSession();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const members = useMembers();
  const departments = useDepartments();
  const objectives = useObjectives({ cycleId: cycle?.id, ownerUserId: id }, !!cycle);

  if (cycles.isPending || members.isPending || departments.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (departments.isError) {
    return <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />;
  }
  const person = members.data.find((m) => m.userId === id);
  if (!person) return <Empty description={t("errors.notFound")} />;
  const manager = members.data.find((m) => m.userId === person.managerId);
  const reports = members.data.filter((m) => m.managerId === person.userId && m.status === "active");
  const partner = oneOnOnePartners(members.data, session.user.id).some((p) => p.userId === person.userId);

  return (
    <>
      <div className="page-header">
        <div>
          <h1 data-testid="person-name">{person.name}</h1>
          {person.title && <Tag>{person.title}</Tag>}
          {person.status === "deactivated" && <Tag color="red">{t("admin.members.deactivated")}</Tag>}
          {partner && (
            <Link to={`/one-on-ones?with=${person.userId}`} data-testid="person-one-on-ones">
              {t("oneOnOnes.teamLink")}
            </Link>
          )}
        </div>
        {cycle && (
          <div className="page-header-actions">
            <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
          </div>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 17, order: 1 }}>
          <h2 className="section-title">{t("org.personOkrs")}</h2>
          {cycle ? (
            <ObjectiveList query={objectives} cycleId={cycle.id} empty={t("org.noPersonOkrs")} />
          ) : (
            <Empty description={t("dashboard.noCycle")} />
          )}
          <OkrRecord userId={person.userId} />
          <PersonProposals userId={person.userId} />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 7, order: 2 }}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("common.email")}>{person.email}</Descriptions.Item>
              <Descriptions.Item label={t("admin.members.department")}>
                {person.departmentId ? (
                  <Link to={`/departments/${person.departmentId}`}>
                    {departmentPath(departments.data, person.departmentId)}
                  </Link>
                ) : (
                  "—"
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("admin.members.manager")}>
                {manager ? <Link to={`/people/${manager.userId}`}>{manager.name}</Link> : "—"}
              </Descriptions.Item>
              {reports.length > 0 && (
                <Descriptions.Item label={t("org.reports")}>
                  <span>
                    {reports.map((r, i) => (
                      <span key={r.userId}>
                        {i > 0 && ", "}
                        <Link to={`/people/${r.userId}`}>{r.name}</Link>
                      </span>
                    ))}
                  </span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
