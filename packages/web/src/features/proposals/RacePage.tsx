import { ArrowLeftOutlined } from "@ant-design/icons";
import type { Race } from "@luodi/client";
import { Card, Empty, Table, Tag, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useCycles, useObjective, useRace } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ConfidenceTag, LevelTag } from "../../components/Tags.tsx";
import { cycleSpanMs } from "../../lib/cycles.ts";
import { formatPercent } from "../../lib/format.ts";
import { raceQueryFromSearch } from "./board-model.ts";
import { PROPOSAL_STATUS_COLORS, PROPOSAL_STATUS_KEYS } from "./proposal-labels.ts";
import "./proposals.css";

const RaceChart = lazy(() => import("./RaceChart.tsx"));

type Entry = Race["entries"][number];

/**
 * 赛马看板: the proposals serving one parent KR (or objective) side by side — progress over time on one
 * chart, and a leaderboard of progress, confidence, check-in rate, backing and team — so leadership sees
 * which horse is running.
 */
export function RacePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = raceQueryFromSearch(params);
  const race = useRace(query ?? {}, query !== null);
  const span = useCycleSpan(race.data?.parent.objective.id);
  if (!query) return <Empty description={t("errors.notFound")} />;
  if (race.isPending) return <Loading />;
  if (race.isError) return <ErrorState error={race.error} onRetry={() => void race.refetch()} />;
  const { parent, entries } = race.data;
  return (
    <div data-testid="race-page">
      <Link to="/proposals" className="proposal-back">
        <ArrowLeftOutlined /> {t("proposals.backToBoard")}
      </Link>
      <div className="page-header">
        <div>
          <h1>{t("proposals.raceTitle")}</h1>
          <div className="proposal-card-parent" data-testid="race-parent">
            <LevelTag level={parent.objective.level} />
            <Link to={`/objectives/${parent.objective.id}`}>{parent.objective.title}</Link>
            {parent.keyResult ? (
              <>
                {" / "}
                <Tag>KR</Tag>
                <span>{parent.keyResult.title}</span>
              </>
            ) : null}
          </div>
        </div>
      </div>
      {entries.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("proposals.raceEmpty")} />
        </Card>
      ) : (
        <>
          <Card size="small" title={t("proposals.raceChart")} style={{ marginBottom: 16 }}>
            <Suspense fallback={<Loading />}>
              <RaceChart race={race.data} span={span} />
            </Suspense>
          </Card>
          <Card size="small" title={t("proposals.leaderboard")}>
            <Leaderboard entries={entries} />
          </Card>
        </>
      )}
    </div>
  );
}

/** The span of the parent's cycle, which the chart spans; null until known (the chart then fits the data). */
function useCycleSpan(objectiveId: string | undefined): { start: number; end: number } | null {
  const objective = useObjective(objectiveId);
  const cycles = useCycles();
  const cycle = cycles.data?.find((c) => c.id === objective.data?.cycleId);
  return useMemo(() => (cycle ? cycleSpanMs(cycle) : null), [cycle]);
}

function Leaderboard({ entries }: { entries: readonly Entry[] }) {
  const { t } = useTranslation();
  return (
    <Table<Entry>
      dataSource={[...entries]}
      rowKey={(entry) => entry.proposal.id}
      pagination={false}
      size="small"
      scroll={{ x: "max-content" }}
      data-testid="race-leaderboard"
      onRow={(entry) => ({ "data-testid": "race-row", "data-id": entry.proposal.id }) as object}
      columns={[
        {
          key: "rank",
          title: t("proposals.rank"),
          dataIndex: "rank",
          width: 56,
          render: (rank: number) => <strong data-testid="race-rank">{rank}</strong>,
        },
        {
          key: "proposal",
          title: t("proposals.proposal"),
          render: (_, entry) => (
            <span className="race-proposal">
              <Link to={`/proposals/${entry.proposal.id}`} data-testid="race-title">
                {entry.proposal.title}
              </Link>{" "}
              <Tag color={PROPOSAL_STATUS_COLORS[entry.proposal.status]}>
                {t(PROPOSAL_STATUS_KEYS[entry.proposal.status])}
              </Tag>
            </span>
          ),
        },
        {
          key: "proposer",
          title: t("proposals.proposer"),
          render: (_, entry) => (
            <Link to={`/people/${entry.proposal.proposer.id}`}>{entry.proposal.proposer.name}</Link>
          ),
        },
        {
          key: "progress",
          title: t("proposals.progress"),
          render: (_, entry) => (
            <span data-testid="race-progress">
              {entry.objectiveId ? (
                <Link to={`/objectives/${entry.objectiveId}`}>{formatPercent(entry.progress)}</Link>
              ) : (
                formatPercent(entry.progress)
              )}
            </span>
          ),
        },
        {
          key: "confidence",
          title: t("proposals.confidence"),
          render: (_, entry) => <ConfidenceTag confidence={entry.confidence} />,
        },
        {
          key: "checkInRate",
          title: t("proposals.checkInRate"),
          render: (_, entry) => (
            <span data-testid="race-check-in-rate">
              {entry.checkInRate === null ? "—" : formatPercent(entry.checkInRate)}
            </span>
          ),
        },
        { key: "backers", title: t("proposals.backers"), dataIndex: "backerCount" },
        { key: "team", title: t("proposals.teamSize"), dataIndex: "teamSize" },
      ]}
      footer={() => <Typography.Text type="secondary">{t("proposals.leaderboardHelp")}</Typography.Text>}
    />
  );
}
