import { CloseOutlined, LeftOutlined, RightOutlined } from "@ant-design/icons";
import type { CheckIn, KeyResult, MeetingAgenda } from "@luodi/client";
import { App, Button, Card, Empty, Form, Input, Slider, Tag, Typography } from "antd";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useCheckInsOf, useCycles, useMeeting, useMeetingAgenda, useObjective } from "../../api/queries.ts";
import { useAttempt } from "../../api/use-attempt.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { GroupedNumberInput } from "../../components/GroupedNumberInput.tsx";
import { Loading } from "../../components/Loading.tsx";
import { HEALTH_COLORS, HEALTH_KEYS } from "../../components/labels.ts";
import { ProgressBar } from "../../components/ProgressBar.tsx";
import { formatPercent } from "../../lib/format.ts";
import { CommentsPanel } from "../comments/CommentsPanel.tsx";
import { progressOverTime } from "../objectives/chart-data.ts";
import { AgendaItemDetail, ConfidenceTrend } from "./MeetingPage.tsx";
import { AGENDA_SECTION_KEYS } from "./meeting-labels.ts";
import { useMeetingCheckIn } from "./meeting-queries.ts";
import "./meetings.css";

const ProgressChart = lazy(() => import("../objectives/ProgressChart.tsx"));

type Section = MeetingAgenda["sections"][number];
type Step = { section: Section["kind"]; item: Section["items"][number] };

/** KR types checked in with a number; the others (milestones, yes/no, roll-ups) on the check-in page. */
const MEASURED = new Set(["number", "percentage", "currency"]);

/** Keys typed into a field belong to the field, not to the presenter. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    // A slider moves with the arrow keys.
    target.closest('[role="slider"]') !== null
  );
}

/**
 * 演示模式: the agenda one item at a time, for the screen in the meeting room. ← and → move, Esc leaves;
 * a KR item shows its progress chart and comments, and may be checked in on the spot. The position is in
 * the address (`?item=`), so a reload keeps it.
 */
export function PresenterPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const meeting = useMeeting(id);
  const agenda = useMeetingAgenda(id);
  const [params, setParams] = useSearchParams();
  const steps = useMemo<Step[]>(
    () =>
      (agenda.data?.sections ?? []).flatMap((section) =>
        section.items.map((item) => ({ section: section.kind, item })),
      ),
    [agenda.data],
  );
  const total = steps.length;
  const index = Math.min(Math.max(Number(params.get("item") ?? 1) || 1, 1), Math.max(total, 1)) - 1;
  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= total) return;
      setParams({ item: String(to + 1) }, { replace: true });
    },
    [total, setParams],
  );
  const exit = useCallback(() => void navigate(`/meetings/${id}`), [navigate, id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (event.key === "ArrowRight") go(index + 1);
      else if (event.key === "ArrowLeft") go(index - 1);
      else if (event.key === "Escape") exit();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, exit, index]);

  if (meeting.isPending || agenda.isPending) return <Loading />;
  if (meeting.isError) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (agenda.isError) return <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const step = steps[index];
  return (
    <section className="presenter" aria-label={t("meetings.presenter")} data-testid="presenter">
      <div className="presenter-bar">
        <Button
          icon={<CloseOutlined />}
          onClick={exit}
          aria-label={t("meetings.exit")}
          data-testid="presenter-exit"
        />
        <div className="presenter-heading">
          <Typography.Text strong className="presenter-title">
            {meeting.data.title}
          </Typography.Text>
          <Typography.Text type="secondary" className="presenter-help">
            {t("meetings.presenterHelp")}
          </Typography.Text>
        </div>
        <div className="presenter-nav">
          <Button
            icon={<LeftOutlined />}
            disabled={index <= 0}
            onClick={() => go(index - 1)}
            aria-label={t("meetings.previous")}
            data-testid="presenter-previous"
          />
          <span
            className="presenter-position"
            title={t("meetings.itemOf", { index: total === 0 ? 0 : index + 1, total })}
            data-testid="presenter-position"
          >
            {total === 0 ? "0 / 0" : `${index + 1} / ${total}`}
          </span>
          <Button
            icon={<RightOutlined />}
            disabled={index >= total - 1}
            onClick={() => go(index + 1)}
            aria-label={t("meetings.next")}
            data-testid="presenter-next"
          />
        </div>
      </div>
      {step ? (
        // Keyed by position: a new item starts with a fresh check-in form.
        <PresenterStep key={index} meetingId={id} step={step} />
      ) : (
        <Empty description={t("meetings.agendaEmpty")} />
      )}
    </section>
  );
}

function PresenterStep({ meetingId, step }: { meetingId: string; step: Step }) {
  const { t } = useTranslation();
  const { item } = step;
  const title =
    item.question?.body ??
    item.proposal?.title ??
    item.keyResult?.title ??
    item.objective?.title ??
    item.person?.name ??
    "";
  return (
    <div className="presenter-step" data-testid="presenter-item">
      <Card className="presenter-card">
        <Tag color="blue" data-testid="presenter-section">
          {t(AGENDA_SECTION_KEYS[step.section])}
        </Tag>
        <h2 className="presenter-item-title" data-testid="presenter-item-title">
          {title}
        </h2>
        {item.objective && (item.keyResult || item.proposal) ? (
          <Typography.Text type="secondary">{item.objective.title}</Typography.Text>
        ) : null}
        <div className="presenter-facts">
          {item.health ? <Tag color={HEALTH_COLORS[item.health]}>{t(HEALTH_KEYS[item.health])}</Tag> : null}
          {item.person && item.question === null ? <span>{item.person.name}</span> : null}
          {item.progress !== null ? <span>{formatPercent(item.progress)}</span> : null}
          {item.confidence !== null ? (
            <span>{t("meetings.confidence", { value: item.confidence })}</span>
          ) : null}
          <ConfidenceTrend trend={item.confidenceTrend} />
          {item.progressChange !== null ? (
            <span>
              {item.progressChange > 0 ? "+" : "−"}
              {formatPercent(Math.abs(item.progressChange))}
            </span>
          ) : null}
        </div>
        <AgendaItemDetail item={item} />
        {item.objective ? (
          <Link to={`/objectives/${item.objective.id}`} className="presenter-open">
            {t("meetings.openObjective")}
          </Link>
        ) : null}
      </Card>
      {item.keyResult && item.objective ? (
        <KeyResultAtHand
          meetingId={meetingId}
          objectiveId={item.objective.id}
          keyResultId={item.keyResult.id}
        />
      ) : item.objective ? (
        <CommentsPanel subject={{ type: "objective", id: item.objective.id }} canComment />
      ) : null}
    </div>
  );
}

/** The KR under discussion: its progress chart, a check-in on the spot, its comments. */
function KeyResultAtHand({
  meetingId,
  objectiveId,
  keyResultId,
}: {
  meetingId: string;
  objectiveId: string;
  keyResultId: string;
}) {
  const { t } = useTranslation();
  const objective = useObjective(objectiveId);
  const cycles = useCycles();
  const [checkIns] = useCheckInsOf([keyResultId]);
  const kr = objective.data?.keyResults.find((k) => k.id === keyResultId);
  const cycle = cycles.data?.find((c) => c.id === objective.data?.cycleId);
  const series = useMemo(() => {
    if (!kr || !cycle || !checkIns?.data) return null;
    const byKr = new Map<string, readonly CheckIn[]>([[kr.id, checkIns.data]]);
    return progressOverTime(cycle, [kr], byKr, kr.progress, new Date());
  }, [kr, cycle, checkIns?.data]);
  if (objective.isError)
    return <ErrorState error={objective.error} onRetry={() => void objective.refetch()} />;
  if (!kr) return <Loading />;
  return (
    <div className="presenter-side">
      <Card size="small" title={t("objectivePage.chart")}>
        <ProgressBar
          progress={kr.progress}
          progressRaw={kr.progressRaw}
          health={kr.health}
          label={kr.title}
        />
        <div className="presenter-chart" data-testid="presenter-chart">
          {series ? (
            <Suspense fallback={<Loading />}>
              <ProgressChart series={series} />
            </Suspense>
          ) : (
            <Loading />
          )}
        </div>
      </Card>
      {kr.abilities.checkIn ? <QuickCheckIn meetingId={meetingId} keyResult={kr} /> : null}
      <CommentsPanel subject={{ type: "key_result", id: kr.id }} canComment={kr.abilities.comment} />
    </div>
  );
}

/** A check-in from the meeting: the value (measured KRs), confidence and a note. */
function QuickCheckIn({ meetingId, keyResult: kr }: { meetingId: string; keyResult: KeyResult }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const checkIn = useMeetingCheckIn(meetingId);
  const attempt = useAttempt();
  const measured = MEASURED.has(kr.type);
  const [value, setValue] = useState<number | null>(kr.currentValue);
  const [confidence, setConfidence] = useState(kr.confidence ?? 5);
  const [note, setNote] = useState("");
  if (!measured)
    return (
      <Card size="small" title={t("meetings.checkInHere")}>
        <Link to={`/check-in?kr=${kr.id}`}>{t("meetings.checkInElsewhere")}</Link>
      </Card>
    );
  const save = async () => {
    const ok = await attempt(() =>
      checkIn.mutateAsync({
        keyResultId: kr.id,
        input: {
          ...(value !== null ? { value: String(value) } : {}),
          confidence,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      }),
    );
    if (!ok) return;
    setNote("");
    void message.success(t("meetings.checkInSaved"));
  };
  return (
    <Card size="small" title={t("meetings.checkInHere")} data-testid="presenter-check-in">
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t("meetings.value")}>
          <GroupedNumberInput
            value={value}
            onChange={(v) => setValue(v ?? null)}
            style={{ width: "100%" }}
            data-testid="presenter-check-in-value"
          />
        </Form.Item>
        <Form.Item label={t("meetings.confidence", { value: confidence })}>
          <Slider
            min={0}
            max={10}
            value={confidence}
            onChange={setConfidence}
            data-testid="presenter-check-in-confidence"
          />
        </Form.Item>
        <Form.Item label={t("meetings.checkInNote")}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="presenter-check-in-note"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={checkIn.isPending}
          data-testid="presenter-check-in-save"
        >
          {t("meetings.checkInHere")}
        </Button>
      </Form>
    </Card>
  );
}
