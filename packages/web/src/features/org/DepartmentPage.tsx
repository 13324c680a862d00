import { Card, Col, Empty, Row, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useDepartmentMembers, useDepartments, useMemberNames, useObjectives } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { departmentPath } from "../admin/department-tree.ts";
import { useSession } from "../auth/session.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { useTeamInsights } from "../people/people-queries.ts";
import { reviewableDepartments } from "../talent-reviews/grid-model.ts";
import { DepartmentTreeNav } from "./DepartmentTreeNav.tsx";
import { ObjectiveList } from "./ObjectiveList.tsx";

/** A department: its leader and members, its objectives and its members' objectives, as visibility allows. */
export function DepartmentPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const departments = useDepartments();
  // The department's own people and their objectives, never the whole organization's.
  const members = useDepartmentMembers(id);
  const own = useObjectives({ cycleId: cycle?.id, ownerDepartmentId: id }, !!cycle);
  const personal = useObjectives({ cycleId: cycle?.id, memberDepartmentId: id }, !!cycle);
  // The link to team insights shows only to those the API answers (leaders above, admins): others get 404,
  // so they are not made to ask.
  const session = useSession();
  const admin = session.membership.role === "owner" || session.membership.role === "admin";
  const mayAsk = reviewableDepartments(departments.data ?? [], session.user.id, admin).some(
    (d) => d.id === id,
  );
  const insights = useTeamInsights(id, cycle?.id, mayAsk);
  const people = useMemo(
    () =>
      (members.data ?? [])
        .filter((m) => m.departmentId === id && m.status === "active")
        .sort((a, b) => a.name.localeCompare(b.name)),
    [members.data, id],
  );
  const peopleIds = useMemo(() => new Set(people.map((m) => m.userId)), [people]);
  // The leader may sit outside the department they lead.
  const leaderId = departments.data?.find((d) => d.id === id)?.leaderId ?? null;
  const leaders = useMemberNames(useMemo(() => (leaderId ? [leaderId] : []), [leaderId]));

  if (cycles.isPending || departments.isPending || members.isPending || leaders.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (departments.isError) {
    return <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />;
  }
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  const department = departments.data.find((d) => d.id === id);
  if (!department) return <Empty description={t("errors.notFound")} />;
  const leader = department.leaderId ? leaders.byId.get(department.leaderId) : undefined;
  const parent = departments.data.find((d) => d.id === department.parentId);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{department.name}</h1>
          <Typography.Text type="secondary">
            {departmentPath(departments.data, department.id)}
          </Typography.Text>
        </div>
        {cycle && (
          <div className="page-header-actions">
            <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
          </div>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={17}>
          <h2 className="section-title">{t("org.departmentOkrs")}</h2>
          {cycle ? (
            <ObjectiveList query={own} cycleId={cycle.id} empty={t("org.noDepartmentOkrs")} />
          ) : (
            <Empty description={t("dashboard.noCycle")} />
          )}
          <h2 className="section-title">{t("org.membersOkrs")}</h2>
          {cycle ? (
            <ObjectiveList
              query={personal}
              cycleId={cycle.id}
              empty={t("org.noMembersOkrs")}
              filter={(o) => peopleIds.has(o.ownerUserId ?? "")}
            />
          ) : null}
        </Col>
        <Col xs={24} lg={7}>
          <Card size="small" title={t("org.about")} style={{ marginBottom: 16 }}>
            <p>
              {t("org.leader")}:{" "}
              {leader ? <Link to={`/people/${leader.userId}`}>{leader.name}</Link> : t("org.noLeader")}
            </p>
            {parent && (
              <p>
                {t("org.parent")}: <Link to={`/departments/${parent.id}`}>{parent.name}</Link>
              </p>
            )}
            {insights.isSuccess && cycle ? (
              <p>
                <Link
                  to={`/departments/${department.id}/insights?cycle=${cycle.id}`}
                  data-testid="department-insights-link"
                >
                  {t("talent.insights.link")}
                </Link>
              </p>
            ) : null}
            {/* Talent reviews (人才盘点) are run by the same people the insights answer: the way in shows with them. */}
            {insights.isSuccess ? (
              <p>
                <Link
                  to={`/talent-reviews?department=${department.id}`}
                  data-testid="department-talent-reviews-link"
                >
                  {t("talentReview.link")}
                </Link>
              </p>
            ) : null}
          </Card>
          <Card size="small" title={t("org.people", { count: people.length })} style={{ marginBottom: 16 }}>
            {people.length === 0 ? (
              <span className="muted">{t("org.noPeople")}</span>
            ) : (
              <ul className="plain-list" data-testid="department-members">
                {people.map((m) => (
                  <li key={m.userId}>
                    <Link to={`/people/${m.userId}`}>{m.name}</Link> {m.title && <Tag>{m.title}</Tag>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card size="small" title={t("org.departments")}>
            <DepartmentTreeNav departments={departments.data} selectedId={department.id} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
