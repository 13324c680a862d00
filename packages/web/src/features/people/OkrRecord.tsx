import { isApiError, type PersonRecord } from "@luodi/client";
import { Card, Collapse, Empty, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMembers } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { LEVEL_KEYS, PHASE_KEYS } from "../../components/labels.ts";
import { KindTag, ReadingTag } from "../../components/Tags.tsx";
import { formatPercent } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import { useScrollToHash } from "../objectives/useScrollToHash.ts";
import { mayAskForRecord, usePersonRecord } from "./people-queries.ts";
import { scorePoints, shownCycles } from "./record-model.ts";
import { formatScore } from "./score-format.ts";
import "./people.css";

// ECharts is heavy: it loads only when the chart is on screen.
const RecordChart = lazy(() => import("./RecordChart.tsx"));

type Scale = "0-1" | "0-100";
type RecordCycle = PersonRecord["cycles"][number];

/**
 * The person's OKR record (人才密度): cycle after cycle, what they aimed at and reached, how regularly they
 * checked in, how their work aligned, their 提案, praise and 复盘 — and a chart of their scores. Only the
 * person, their manager chain and admins get it: to anyone else the API answers 404 and nothing shows.
 */
export function OkrRecord({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const scale = session.organization.settings.scoreScale;
  const members = useMembers();
  const admin = session.membership.role === "owner" || session.membership.role === "admin";
  const mayRead = mayAskForRecord(members.data ?? [], session.user.id, userId, admin);
  const record = usePersonRecord(userId, mayRead);
  const points = useMemo(() => (record.data ? scorePoints(record.data) : []), [record.data]);
  const cycles = useMemo(() => (record.data ? shownCycles(record.data) : []), [record.data]);
  // Team insights link here (`#okr-record`): the record is brought into view once it has drawn.
  useScrollToHash(!!record.data);

  if (!mayRead) return null;
  if (record.isError && isApiError(record.error) && record.error.status === 404) return null;
  return (
    <Card
      size="small"
      title={t("talent.record.title")}
      id="okr-record"
      data-testid="okr-record"
      className="okr-record"
      style={{ marginTop: 16 }}
    >
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <ErrorState error={record.error} onRetry={() => void record.refetch()} />
      ) : cycles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("talent.record.empty")} />
      ) : (
        <>
          {points.length > 0 ? (
            <Suspense fallback={<Loading />}>
              <RecordChart points={points} scale={scale} />
            </Suspense>
          ) : (
            <Typography.Paragraph type="secondary">{t("talent.record.noScores")}</Typography.Paragraph>
          )}
          <Collapse
            size="small"
            defaultActiveKey={cycles.slice(0, 2).map((c) => c.cycle.id)}
            items={cycles.map((c) => ({
              key: c.cycle.id,
              label: <CycleLabel entry={c} scale={scale} />,
              children: <CycleRecord entry={c} scale={scale} />,
            }))}
          />
        </>
      )}
    </Card>
  );
}

function CycleLabel({ entry, scale }: { entry: RecordCycle; scale: Scale }) {
  const { t } = useTranslation();
  return (
    <span className="record-cycle-label" data-testid="record-cycle" data-cycle={entry.cycle.id}>
      <strong>{entry.cycle.name}</strong>
      <span className="muted"> · {t(PHASE_KEYS[entry.cycle.phase])}</span>
      {entry.averageScore !== null ? (
        <span className="record-average" data-testid="record-average">
          {t("talent.record.average", { score: formatScore(entry.averageScore, scale) })}
        </span>
      ) : null}
    </span>
  );
}

const share = (value: number | null) => (value === null ? "—" : formatPercent(value));

function CycleRecord({ entry, scale }: { entry: RecordCycle; scale: Scale }) {
  const { t } = useTranslation();
  const { made, backed, joined, accepted, spunOff } = entry.proposals;
  const stats = [
    { key: "checkIns", label: t("talent.record.checkInRegularity"), value: share(entry.checkInRegularity) },
    { key: "aligned", label: t("talent.record.alignedShare"), value: share(entry.alignedShare) },
    {
      key: "proposals",
      label: t("talent.record.proposals"),
      value: t("talent.record.proposalCounts", { made, backed, joined, accepted, spunOff }),
    },
    { key: "praise", label: t("talent.record.praise"), value: String(entry.praiseReceived) },
    { key: "reviews", label: t("talent.record.reviews"), value: String(entry.reviewsWritten) },
  ];
  return (
    <div data-testid="record-cycle-body">
      <dl className="record-stats">
        {stats.map((s) => (
          <div
            key={s.key}
            className={s.key === "proposals" ? "record-stat record-stat-wide" : "record-stat"}
            data-testid={`record-${s.key}`}
          >
            <dt>{s.label}</dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
      {entry.objectives.length === 0 ? (
        <Typography.Text type="secondary">{t("talent.record.noObjectives")}</Typography.Text>
      ) : (
        <ul className="plain-list record-objectives">
          {entry.objectives.map((o) => (
            <li key={o.id} className="record-objective" data-testid="record-objective">
              <Link to={`/objectives/${o.id}`}>{o.title}</Link>
              <span className="kr-meta">
                <span className="muted">{t(LEVEL_KEYS[o.level])}</span>
                <KindTag kind={o.kind} />
                <span>{t("talent.record.progress", { percent: formatPercent(o.progress) })}</span>
                {o.score !== null && o.reading !== null ? (
                  <>
                    <strong data-testid="record-score">
                      {t("objectiveKind.score", { score: formatScore(o.score, scale) })}
                    </strong>
                    <ReadingTag reading={o.reading} />
                  </>
                ) : (
                  <span className="muted">{t("talent.record.notScored")}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
