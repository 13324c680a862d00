import { ArrowDownOutlined, ArrowUpOutlined, BellOutlined, CopyOutlined } from "@ant-design/icons";
import type { Cycle } from "@luodi/client";
import { App, Button, Card, Empty, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import { useTeam } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ProgressBar } from "../../components/ProgressBar.tsx";
import { HealthTag, StatusTag } from "../../components/Tags.tsx";
import { formatDate, formatPercent } from "../../lib/format.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import {
  missingTitles,
  scoringStage,
  type TeamPerson,
  teamSummary,
  trendDirection,
  trendText,
} from "./team-view.ts";
import "./team.css";

type TeamKeyResult = TeamPerson["objectives"][number]["keyResults"][number];

const SCORING_KEYS = {
  self: "team.scoring.self",
  manager: "team.scoring.manager",
  done: "team.scoring.done",
} as const;

/** Whether scores are given in this phase or were: the scoring status then means something. */
function scores(cycle: Cycle): boolean {
  return cycle.phase === "scoring" || cycle.phase === "reviewing" || cycle.phase === "closed";
}

/** 我的团队: a manager's reports in the cycle — their OKRs, latest notes, missing check-ins, what waits. */
export function TeamPage() {
  const { t } = useTranslation();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const [params, setParams] = useSearchParams();
  const indirect = params.get("indirect") === "1";
  const team = useTeam(cycle?.id, indirect);

  const setIndirect = (on: boolean) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (on) next.set("indirect", "1");
        else next.delete("indirect");
        return next;
      },
      { replace: true },
    );

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;

  let body: React.ReactNode;
  if (!cycle) body = <Empty description={t("dashboard.noCycle")} />;
  else if (team.isPending) body = <Loading />;
  else if (team.isError) body = <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  else if (team.data.people.length === 0) body = <Empty description={t("team.empty")} />;
  else {
    const summary = teamSummary(team.data.people);
    body = (
      <div data-testid="team">
        <Typography.Paragraph type="secondary" data-testid="team-summary">
          {t("team.summary", { count: summary.people })}
          {" · "}
          {summary.missingPeople
            ? t("team.summaryMissing", { count: summary.missingPeople })
            : t("team.summaryNoneMissing")}
          {summary.waiting ? ` · ${t("team.summaryWaiting", { count: summary.waiting })}` : ""}
        </Typography.Paragraph>
        {team.data.people.map((person) => (
          <PersonCard key={person.userId} person={person} cycle={cycle} />
        ))}
      </div>
    );
  }

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("team.title")}</h1>
          <Typography.Text type="secondary">{t("team.subtitle")}</Typography.Text>
        </div>
        <div className="page-header-actions">
          {cycle && <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />}
          <span className="team-indirect">
            <Switch
              id="team-indirect"
              size="small"
              checked={indirect}
              onChange={setIndirect}
              data-testid="team-indirect"
            />
            <label htmlFor="team-indirect">{t("team.indirect")}</label>
          </span>
        </div>
      </div>
      {body}
    </>
  );
}

function PersonCard({ person, cycle }: { person: TeamPerson; cycle: Cycle }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const stage = scoringStage(person);
  const missing = missingTitles(person);
  const [reminding, setReminding] = useState(false);
  const handleRemind = async () => {
    setReminding(true);
    try {
      const { nudged } = await api.auth.nudge(person.userId, cycle.id);
      message.success(t(nudged ? "team.reminded" : "team.alreadyReminded", { name: person.name }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setReminding(false);
    }
  };
  const handleNudge = async () => {
    const text = t("team.nudgeText", {
      name: person.name,
      keyResults: missing.map((title) => `- ${title}`).join("\n"),
    });
    try {
      await navigator.clipboard.writeText(text);
      message.success(t("team.nudgeCopied"));
    } catch {
      message.error(t("team.nudgeFailed"));
    }
  };
  return (
    <Card
      size="small"
      className="team-person"
      data-testid="team-person"
      data-user-id={person.userId}
      title={
        <span className="team-person-title">
          <Link to={`/people/${person.userId}?cycle=${cycle.id}`} data-testid="team-person-name">
            {person.name}
          </Link>
          {person.title && <span className="muted">{person.title}</span>}
          {!person.direct && <Tag>{t("team.indirectTag")}</Tag>}
          <Link to={`/one-on-ones?with=${person.userId}`} className="muted" data-testid="team-one-on-ones">
            {t("oneOnOnes.teamLink")}
          </Link>
        </span>
      }
    >
      <div className="kr-meta team-person-status">
        <span data-testid="team-last-check-in">
          {person.lastCheckInAt
            ? t("team.lastCheckIn", { date: formatDate(person.lastCheckInAt, i18n.language) })
            : t("team.noCheckIn")}
        </span>
        {person.missingCheckIns > 0 ? (
          <Tag color="orange" data-testid="team-missing">
            {t("team.missing", { count: person.missingCheckIns })}
          </Tag>
        ) : (
          <Tag color="green">{t("team.allCheckedIn")}</Tag>
        )}
        {person.pendingApprovals > 0 && (
          <Tag color="processing" data-testid="team-approvals">
            {t("team.approvals", { count: person.pendingApprovals })}
          </Tag>
        )}
        {person.pendingAdjustments > 0 && (
          <Tag color="processing" data-testid="team-adjustments">
            {t("team.adjustments", { count: person.pendingAdjustments })}
          </Tag>
        )}
        {scores(cycle) && stage !== "none" && (
          <Tag color={stage === "done" ? "green" : "gold"} data-testid="team-scoring">
            {t(SCORING_KEYS[stage], {
              self: person.scoring.selfScored,
              manager: person.scoring.managerScored,
              total: person.scoring.keyResults,
            })}
          </Tag>
        )}
        {missing.length > 0 && (
          <>
            <Button
              size="small"
              type="primary"
              ghost
              icon={<BellOutlined />}
              loading={reminding}
              onClick={() => void handleRemind()}
              data-testid="team-remind"
            >
              {t("team.remind")}
            </Button>
            <Button size="small" icon={<CopyOutlined />} onClick={() => void handleNudge()}>
              {t("team.nudge")}
            </Button>
          </>
        )}
      </div>
      {person.objectives.length === 0 ? (
        <div className="muted team-none">{t("team.noObjectives")}</div>
      ) : (
        person.objectives.map((objective) => (
          <div key={objective.id} className="team-objective" data-testid="team-objective">
            <div className="team-objective-head">
              <Link to={`/objectives/${objective.id}`} className="team-objective-title">
                {objective.title}
              </Link>
              <Space size={4}>
                {objective.awaitingMyScore && (
                  <Link to={`/objectives/${objective.id}#scoring`} data-testid="team-give-score">
                    <Tag color="gold">{t("team.giveScore")}</Tag>
                  </Link>
                )}
                {objective.status !== "published" && <StatusTag status={objective.status} />}
                <HealthTag health={objective.health} />
              </Space>
            </div>
            <ProgressBar
              progress={objective.progress}
              health={objective.health}
              label={objective.title}
              size="small"
            />
            <ul className="team-krs">
              {objective.keyResults.map((kr) => (
                <KeyResultRow key={kr.id} kr={kr} />
              ))}
            </ul>
          </div>
        ))
      )}
    </Card>
  );
}

function KeyResultRow({ kr }: { kr: TeamKeyResult }) {
  const { t, i18n } = useTranslation();
  const direction = trendDirection(kr.confidenceTrend);
  return (
    <li data-testid="team-kr">
      <div className="team-kr-head">
        <span className="team-kr-title">{kr.title}</span>
        <span className="kr-meta">
          <span>{formatPercent(kr.progress)}</span>
          <HealthTag health={kr.health} />
          {kr.confidenceTrend.length > 0 && (
            <span
              data-testid="team-confidence"
              title={t("team.confidenceTrend", { trend: trendText(kr.confidenceTrend) })}
            >
              {t("team.confidence", { trend: trendText(kr.confidenceTrend) })}
              {direction === "down" && <ArrowDownOutlined className="team-trend-down" />}
              {direction === "up" && <ArrowUpOutlined className="team-trend-up" />}
            </span>
          )}
          {kr.missingCheckIn && <Tag color="orange">{t("team.krMissing")}</Tag>}
          {kr.lastCheckInAt && <span>· {formatDate(kr.lastCheckInAt, i18n.language)}</span>}
        </span>
      </div>
      {kr.latestNote ? (
        <Typography.Paragraph
          className="team-note"
          ellipsis={{ rows: 2, expandable: true, symbol: t("team.more") }}
          data-testid="team-note"
        >
          {kr.latestNote}
        </Typography.Paragraph>
      ) : (
        <div className="muted team-note-none">{t("team.noNote")}</div>
      )}
    </li>
  );
}
