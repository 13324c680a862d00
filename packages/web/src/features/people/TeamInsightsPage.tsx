import type { Cycle } from "@luodi/client";
import { FLAG_CYCLES, OVERREACH_SCORE, SANDBAGGING_SCORE, SILENT_WEEKS, type TalentFlag } from "@luodi/core";
import { Card, Empty, Table, Tag, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDate, formatPercent } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { cycleNames, type InsightsPerson, sortPeople } from "./insights-model.ts";
import { useTeamInsights } from "./people-queries.ts";
import { formatScore } from "./score-format.ts";
import "./people.css";

// ECharts is heavy: it loads only when the chart is on screen.
const DistributionChart = lazy(() => import("./DistributionChart.tsx"));

const FLAG_KEYS = {
  sandbagging: "talent.flag.sandbagging",
  overreach: "talent.flag.overreach",
  silent: "talent.flag.silent",
} as const satisfies Record<TalentFlag, string>;

const FLAG_HELP_KEYS = {
  sandbagging: "talent.flagHelp.sandbagging",
  overreach: "talent.flagHelp.overreach",
  silent: "talent.flagHelp.silent",
} as const satisfies Record<TalentFlag, string>;

/** What each flag's help says, from the thresholds core flags by, so the words never drift from the rule. */
const FLAG_HELP_VALUES: Record<TalentFlag, Record<string, number>> = {
  sandbagging: { score: SANDBAGGING_SCORE, cycles: FLAG_CYCLES },
  overreach: { score: OVERREACH_SCORE, cycles: FLAG_CYCLES },
  silent: { weeks: SILENT_WEEKS },
};

const FLAG_COLORS: Record<TalentFlag, string> = {
  sandbagging: "purple",
  overreach: "red",
  silent: "default",
};

/** Where a person's record is: their page, scrolled to the record. */
const recordPath = (userId: string) => `/people/${userId}#okr-record`;

/**
 * Team insights (团队洞察) for a department's leaders: in a cycle, how the subtree's scores spread by kind, and per
 * person their results, check-in regularity and flags with the evidence — each opening the person's record.
 * Evidence for a conversation, never a rating. To anyone else the API answers 404, and so does the page.
 */
export function TeamInsightsPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useSession();
  const scale = session.organization.settings.scoreScale;
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const insights = useTeamInsights(id, cycle?.id);
  const people = useMemo(() => sortPeople(insights.data?.people ?? []), [insights.data]);

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (!cycle) return <Empty description={t("dashboard.noCycle")} />;
  if (insights.isPending) return <Loading />;
  if (insights.isError) {
    return <ErrorState error={insights.error} onRetry={() => void insights.refetch()} />;
  }
  const data = insights.data;
  const scored = (["committed", "aspirational"] as const).some((k) =>
    Object.values(data.distribution[k]).some((n) => n > 0),
  );

  return (
    <>
      <div className="page-header">
        <div>
          <h1 data-testid="insights-title">{t("talent.insights.title")}</h1>
          <Typography.Text type="secondary">
            <Link to={`/departments/${data.department.id}`}>{data.department.name}</Link> ·{" "}
            {t("talent.insights.subtitle")}
          </Typography.Text>
        </div>
        <div className="page-header-actions">
          <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
        </div>
      </div>
      <Card size="small" title={t("talent.insights.distribution")} style={{ marginBottom: 16 }}>
        {scored ? (
          <Suspense fallback={<Loading />}>
            <DistributionChart distribution={data.distribution} scale={scale} />
          </Suspense>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("talent.insights.noScores")} />
        )}
      </Card>
      <Card size="small" title={t("talent.insights.people", { count: people.length })}>
        <PeopleTable people={people} cycles={cycles.data} scale={scale} />
      </Card>
    </>
  );
}

function PeopleTable({
  people,
  cycles,
  scale,
}: {
  people: InsightsPerson[];
  cycles: readonly Cycle[];
  scale: "0-1" | "0-100";
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const score = (value: number | null) => (value === null ? "—" : formatScore(value, scale));
  const kindResult = (r: InsightsPerson["committed"]) =>
    r.count === 0 ? "—" : t("talent.insights.kindResult", { count: r.count, score: score(r.averageScore) });
  return (
    <Table<InsightsPerson>
      size="small"
      rowKey={(p) => p.person.id}
      dataSource={people}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("talent.insights.noPeople") }}
      data-testid="insights-people"
      onRow={(p) => ({
        "data-testid": "insights-person",
        "data-user": p.person.id,
        style: { cursor: "pointer" },
        // The whole row opens the record; a link inside it (a flag, the name) goes there itself.
        onClick: (event) => {
          if (!(event.target as HTMLElement).closest("a")) void navigate(recordPath(p.person.id));
        },
      })}
      columns={[
        {
          key: "person",
          title: t("talent.insights.person"),
          fixed: "left",
          render: (_, p) => (
            <div>
              <Link to={recordPath(p.person.id)} data-testid="insights-person-link">
                {p.person.name}
              </Link>
              {p.department ? <div className="muted">{p.department.name}</div> : null}
            </div>
          ),
        },
        // Next to the name: on a phone the flags show without scrolling sideways.
        {
          key: "flags",
          title: t("talent.insights.flags"),
          render: (_, p) => <Flags person={p} cycles={cycles} />,
        },
        {
          key: "average",
          title: t("talent.insights.averageScore"),
          align: "right",
          render: (_, p) => <span data-testid="insights-average">{score(p.averageScore)}</span>,
        },
        { key: "committed", title: t("objectiveKind.committed"), render: (_, p) => kindResult(p.committed) },
        {
          key: "aspirational",
          title: t("objectiveKind.aspirational"),
          render: (_, p) => kindResult(p.aspirational),
        },
        {
          key: "regularity",
          title: t("talent.record.checkInRegularity"),
          align: "right",
          render: (_, p) => (p.checkInRegularity === null ? "—" : formatPercent(p.checkInRegularity)),
        },
      ]}
    />
  );
}

/** Each flag as a tag that opens the record, with what it rests on beneath: which cycles, the last check-in. */
function Flags({ person, cycles }: { person: InsightsPerson; cycles: readonly Cycle[] }) {
  const { t, i18n } = useTranslation();
  if (person.flags.length === 0) return <span className="muted">—</span>;
  return (
    <div className="insights-flags">
      {person.flags.map((f) => (
        <div key={f.flag}>
          <Link to={recordPath(person.person.id)} data-testid={`insights-flag-${f.flag}`}>
            <Tag color={FLAG_COLORS[f.flag]} title={t(FLAG_HELP_KEYS[f.flag], FLAG_HELP_VALUES[f.flag])}>
              {t(FLAG_KEYS[f.flag])}
            </Tag>
          </Link>
          <Typography.Text type="secondary" className="insights-flag-evidence" data-testid="flag-evidence">
            {f.flag === "silent"
              ? f.lastCheckInAt
                ? t("talent.insights.lastCheckIn", { date: formatDate(f.lastCheckInAt, i18n.language) })
                : t("talent.insights.neverCheckedIn")
              : t("talent.insights.inCycles", { cycles: cycleNames(f.cycleIds, cycles).join(", ") })}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
