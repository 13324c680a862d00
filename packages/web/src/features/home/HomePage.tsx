import { CheckSquareOutlined, PlusOutlined } from "@ant-design/icons";
import { checkInWeek } from "@luodi/core";
import { Button, Col, Empty, Row, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDepartments, useObjectives, useTeam } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PHASE_KEYS } from "../../components/labels.ts";
import { formatDate } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { MyActionItemsCard } from "../meetings/MyActionItemsCard.tsx";
import {
  approvalsWaitingFor,
  computeTodos,
  myKeyResults,
  myObjectives,
  ownsObjective,
} from "../okrs/mine.ts";
import { ObjectiveCard } from "../okrs/ObjectiveCard.tsx";
import { useKeyResultOwners } from "../okrs/useKeyResultOwners.ts";
import { PraiseCard } from "../recognitions/PraiseCard.tsx";
import { TodoPanel } from "./TodoPanel.tsx";

/** 我的 OKR: my objectives in the chosen cycle, and what needs doing this week. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const userId = session.user.id;
  const { cycles, cycle, setCycle } = useSelectedCycle();
  // Only what the page shows: what I answer for, and the submitted objectives waiting for my decision.
  const objectives = useObjectives({ cycleId: cycle?.id, mine: "true" }, !!cycle);
  const waiting = useObjectives({ cycleId: cycle?.id, approver: "me" }, !!cycle);
  const departments = useDepartments();
  // While the cycle scores, my reports' self-scored objectives wait for my score (from /me/team).
  const scoring = cycle?.phase === "scoring" && session.abilities.viewTeam;
  const team = useTeam(scoring ? cycle?.id : undefined, false);

  const all = objectives.data ?? [];
  const submitted = waiting.data ?? [];
  const departmentList = departments.data ?? [];
  const mine = useMemo(() => myObjectives(all, userId, departmentList), [all, userId, departmentList]);
  const owned = useMemo(
    () => mine.filter((o) => ownsObjective(o, userId, departmentList)),
    [mine, userId, departmentList],
  );
  const keyResults = useMemo(() => myKeyResults(mine, userId), [mine, userId]);
  const memberMap = useKeyResultOwners(mine, userId);

  const todos = useMemo(() => {
    if (!cycle) return [];
    // The server names whom each submitted objective waits for; the owner never approves their own.
    const approvals = approvalsWaitingFor(submitted, userId).filter(
      (o) => !ownsObjective(o, userId, departmentList),
    );
    const { settings, timezone } = session.organization;
    const week = checkInWeek(settings, timezone, new Date());
    const scoresToGive = (team.data?.people ?? []).flatMap((p) =>
      p.objectives.filter((o) => o.awaitingMyScore),
    );
    return computeTodos({ cycle, owned, keyResults, approvals, week, scoresToGive });
  }, [cycle, keyResults, submitted, owned, userId, departmentList, session.organization, team.data]);

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (!cycle) {
    return (
      <>
        <div className="page-header">
          <h1>{t("home.title")}</h1>
        </div>
        <Empty description={session.abilities.manageOrg ? t("home.noCycleAdmin") : t("home.noCycle")} />
      </>
    );
  }

  const language = i18n.language;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.title")}</h1>
          <Typography.Text type="secondary" data-testid="cycle-summary">
            {t(PHASE_KEYS[cycle.phase])} · {formatDate(cycle.startDate, language)} –{" "}
            {formatDate(cycle.endDate, language)}
          </Typography.Text>
        </div>
        <div className="page-header-actions">
          <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
          <Link to={`/check-in?cycle=${cycle.id}`}>
            <Button type="primary" icon={<CheckSquareOutlined />} data-testid="go-check-in">
              {t("nav.checkIn")}
            </Button>
          </Link>
          <Link to={`/objectives/new?cycle=${cycle.id}`}>
            <Button icon={<PlusOutlined />}>{t("nav.newObjective")}</Button>
          </Link>
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 16, order: 1 }}>
          {objectives.isPending ? (
            <Loading />
          ) : objectives.isError ? (
            <ErrorState error={objectives.error} onRetry={() => void objectives.refetch()} />
          ) : mine.length === 0 ? (
            <Empty description={t("home.empty")} data-testid="home-empty">
              <Link to={`/objectives/new?cycle=${cycle.id}`}>
                <Button type="primary" icon={<PlusOutlined />}>
                  {t("home.writeFirst")}
                </Button>
              </Link>
            </Empty>
          ) : (
            <section aria-label={t("home.myObjectives")}>
              {mine.map((o) => (
                <ObjectiveCard
                  key={o.id}
                  objective={o}
                  userId={userId}
                  members={memberMap}
                  cycleId={cycle.id}
                />
              ))}
            </section>
          )}
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }}>
          <TodoPanel
            todos={todos}
            cycleId={cycle.id}
            approvalRequired={session.organization.settings.approvalRequired}
            loading={objectives.isPending || waiting.isPending}
          />
          <MyActionItemsCard />
          <PraiseCard />
        </Col>
      </Row>
    </>
  );
}
