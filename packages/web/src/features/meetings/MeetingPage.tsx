import {
  ArrowLeftOutlined,
  CalendarOutlined,
  DesktopOutlined,
  PlayCircleOutlined,
  StopOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { MeetingActionItemInput, MeetingAgenda, MeetingPatch } from "@luodi/client";
import { App, Button, Card, Checkbox, Empty, Input, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  useChangeMeeting,
  useMeeting,
  useMeetingActionItems,
  useMeetingAgenda,
  useMembers,
  useWriteActionItem,
} from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { HEALTH_COLORS, HEALTH_KEYS } from "../../components/labels.ts";
import { ServerHtml } from "../../components/ServerHtml.tsx";
import { formatDate, formatDateTime, formatPercent } from "../../lib/format.ts";
import {
  AGENDA_SECTION_KEYS,
  MEETING_KIND_KEYS,
  MEETING_STATUS_COLORS,
  MEETING_STATUS_KEYS,
} from "./meeting-labels.ts";
import "./meetings.css";
import { useAttempt } from "../../api/use-attempt.ts";

/** 会议 detail: the generated (or frozen) agenda, start and end, minutes and decisions, action items. */
export function MeetingPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(id);
  const change = useChangeMeeting(id);
  const attempt = useAttempt();
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const save = (patch: MeetingPatch) => attempt(() => change.mutateAsync(patch));
  return (
    <div className="meeting" data-testid="meeting-page">
      <Link to="/meetings" className="meeting-back">
        <ArrowLeftOutlined /> {t("meetings.back")}
      </Link>
      <div className="page-header">
        <div>
          <h1 data-testid="meeting-title">{m.title}</h1>
          <Typography.Text type="secondary">
            {t(MEETING_KIND_KEYS[m.kind])} · {m.department?.name ?? t("meetings.company")} ·{" "}
            {formatDateTime(m.scheduledAt, i18n.language)}
          </Typography.Text>
        </div>
        <div className="page-header-actions">
          <Tag color={MEETING_STATUS_COLORS[m.status]} data-testid="meeting-status">
            {t(MEETING_STATUS_KEYS[m.status])}
          </Tag>
          <Link to={`/meetings/${id}/present`}>
            <Button icon={<DesktopOutlined />} data-testid="meeting-present">
              {t("meetings.present")}
            </Button>
          </Link>
          <Button
            icon={<CalendarOutlined />}
            href={`/api/v1/meetings/${id}/calendar.ics`}
            download="meeting.ics"
            data-testid="meeting-calendar"
          >
            {t("meetings.calendar")}
          </Button>
          {m.abilities.update && m.status === "scheduled" ? (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={change.isPending}
              onClick={() => void save({ status: "in_progress" })}
              data-testid="meeting-start"
            >
              {t("meetings.start")}
            </Button>
          ) : null}
          {m.abilities.update && m.status === "in_progress" ? (
            <Button
              icon={<StopOutlined />}
              loading={change.isPending}
              onClick={() => void save({ status: "ended" })}
              data-testid="meeting-end"
            >
              {t("meetings.end")}
            </Button>
          ) : null}
        </div>
      </div>
      <Attendees meetingId={id} attendees={m.attendees} editable={m.abilities.update} />
      <div className="meeting-grid">
        <div className="meeting-main">
          <AgendaCard meetingId={id} />
        </div>
        <div className="meeting-side">
          <NotesCard
            title={t("meetings.minutes")}
            testId="meeting-minutes"
            text={m.minutes}
            html={m.minutesHtml}
            editable={m.abilities.update}
            saving={change.isPending}
            onSave={(minutes) => save({ minutes })}
          />
          <NotesCard
            title={t("meetings.decisions")}
            testId="meeting-decisions"
            text={m.decisions}
            html={m.decisionsHtml}
            editable={m.abilities.update}
            saving={change.isPending}
            onSave={(decisions) => save({ decisions })}
          />
          <ActionItemsCard meetingId={id} canAdd={m.abilities.update} />
        </div>
      </div>
    </div>
  );
}

function AgendaCard({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation();
  const agenda = useMeetingAgenda(meetingId);
  return (
    <Card size="small" title={t("meetings.agenda")} data-testid="meeting-agenda">
      {agenda.isPending ? (
        <Loading />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="meeting-agenda-when" data-testid="agenda-when">
            {agenda.data.frozen
              ? t("meetings.agendaFrozen", { when: formatDateTime(agenda.data.generatedAt, i18n.language) })
              : t("meetings.agendaLive")}
          </Typography.Paragraph>
          {agenda.data.sections.map((section) => (
            <AgendaSection key={section.kind} section={section} />
          ))}
        </>
      )}
    </Card>
  );
}

function AgendaSection({ section }: { section: MeetingAgenda["sections"][number] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="meeting-section" data-testid={`agenda-${section.kind}`}>
      <h3>
        {t(AGENDA_SECTION_KEYS[section.kind])} <span className="meeting-count">{section.items.length}</span>
      </h3>
      {section.items.length === 0 ? (
        <Typography.Text type="secondary">{t("meetings.sectionEmpty")}</Typography.Text>
      ) : (
        <ul className="meeting-items">
          {section.items.map((item) => (
            <li
              key={
                item.proposal?.id ??
                item.adjustment?.id ??
                item.keyResult?.id ??
                item.question?.id ??
                item.objective?.id ??
                item.person?.id
              }
              className="meeting-item"
              data-testid="agenda-item"
            >
              <div className="meeting-item-main">
                {item.question ? (
                  <span>
                    {item.question.body} <Tag>{t("questions.votes", { count: item.question.voteCount })}</Tag>
                  </span>
                ) : item.proposal ? (
                  <Link to={`/proposals/${item.proposal.id}`}>{item.proposal.title}</Link>
                ) : item.keyResult && item.objective ? (
                  <Link to={`/objectives/${item.objective.id}`}>{item.keyResult.title}</Link>
                ) : item.objective ? (
                  <Link to={`/objectives/${item.objective.id}`}>{item.objective.title}</Link>
                ) : item.person ? (
                  <Link to={`/people/${item.person.id}`}>{item.person.name}</Link>
                ) : null}
                {item.objective && (item.keyResult || item.proposal) ? (
                  <Typography.Text type="secondary" className="meeting-item-sub">
                    {item.proposal && item.keyResult
                      ? `${item.objective.title} · ${item.keyResult.title}`
                      : item.objective.title}
                  </Typography.Text>
                ) : null}
                <AgendaItemDetail item={item} />
              </div>
              <Space size={4} wrap className="meeting-item-facts">
                {item.health ? (
                  <Tag color={HEALTH_COLORS[item.health]}>{t(HEALTH_KEYS[item.health])}</Tag>
                ) : null}
                {(item.keyResult || item.adjustment || item.proposal || item.coachErrors.length > 0) &&
                item.person ? (
                  <span>{item.person.name}</span>
                ) : null}
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
                {section.kind === "missing_check_ins" ? (
                  <span>
                    {item.lastCheckInAt
                      ? t("meetings.lastCheckIn", { when: formatDate(item.lastCheckInAt, i18n.language) })
                      : t("meetings.neverCheckedIn")}
                  </span>
                ) : null}
              </Space>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type AgendaItem = MeetingAgenda["sections"][number]["items"][number];

/** The confidences of a KR's latest check-ins, oldest first: 8 → 6 → 4 → 2. */
export function ConfidenceTrend({ trend }: { trend: readonly number[] }) {
  const { t } = useTranslation();
  if (trend.length < 2) return null;
  return (
    <span className="meeting-trend" title={t("meetings.trend")} data-testid="agenda-trend">
      {trend.join(" → ")}
    </span>
  );
}

/** What an item says beyond its title: the KR's latest note, an adjustment's reason, the coach's errors. */
export function AgendaItemDetail({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.adjustment ? (
        <Typography.Text className="meeting-item-note" data-testid="agenda-adjustment">
          {t("meetings.adjustmentBy", { name: item.person?.name ?? "" })} ·{" "}
          {t("meetings.reason", { reason: item.adjustment.reason })}
        </Typography.Text>
      ) : null}
      {item.note ? (
        <Typography.Text className="meeting-item-note" data-testid="agenda-note">
          {t("meetings.note")}: {item.note}
        </Typography.Text>
      ) : null}
      {item.coachErrors.length > 0 ? (
        <ul className="meeting-coach-errors" data-testid="agenda-coach-errors">
          {item.coachErrors.map((error) => (
            <li key={`${error.code}:${error.target}`}>{error.message}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Who attends; those who run the meeting change the list (active members only). */
function Attendees({
  meetingId,
  attendees,
  editable,
}: {
  meetingId: string;
  attendees: ReadonlyArray<{ id: string; name: string }>;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeMeeting(meetingId);
  const members = useMembers();
  const attempt = useAttempt();
  const [draft, setDraft] = useState<string[] | null>(null);
  if (draft !== null)
    return (
      <div className="meeting-attendee-editor" data-testid="attendee-editor">
        <Select
          mode="multiple"
          value={draft}
          onChange={setDraft}
          optionFilterProp="label"
          aria-label={t("meetings.attendees")}
          data-testid="attendee-select"
          options={(members.data ?? [])
            .filter((m) => m.status === "active")
            .map((m) => ({ value: m.userId, label: m.name }))}
        />
        <Space>
          <Button
            type="primary"
            loading={change.isPending}
            data-testid="attendees-save"
            onClick={() =>
              void attempt(() => change.mutateAsync({ attendeeIds: draft })).then((ok) => {
                if (!ok) return;
                setDraft(null);
                void message.success(t("meetings.attendeesSaved"));
              })
            }
          >
            {t("common.save")}
          </Button>
          <Button onClick={() => setDraft(null)}>{t("common.cancel")}</Button>
        </Space>
      </div>
    );
  return (
    <Typography.Paragraph type="secondary" className="meeting-attendees" data-testid="meeting-attendees">
      {t("meetings.attendees")}:{" "}
      {attendees.length > 0 ? attendees.map((a) => a.name).join(", ") : t("meetings.noAttendees")}
      {editable ? (
        <Button
          type="link"
          size="small"
          icon={<TeamOutlined />}
          onClick={() => setDraft(attendees.map((a) => a.id))}
          data-testid="attendees-edit"
        >
          {t("meetings.editAttendees")}
        </Button>
      ) : null}
    </Typography.Paragraph>
  );
}

function NotesCard(props: {
  title: string;
  testId: string;
  text: string;
  html: string;
  editable: boolean;
  saving: boolean;
  onSave: (text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Card
      size="small"
      title={props.title}
      extra={
        props.editable && draft === null ? (
          <Button
            type="link"
            size="small"
            onClick={() => setDraft(props.text)}
            data-testid={`${props.testId}-edit`}
          >
            {t("common.edit")}
          </Button>
        ) : null
      }
    >
      {draft !== null ? (
        <>
          <Input.TextArea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoSize={{ minRows: 4, maxRows: 16 }}
            placeholder={t("meetings.markdownHint")}
            data-testid={`${props.testId}-input`}
          />
          <Space className="meeting-notes-actions">
            <Button
              type="primary"
              size="small"
              loading={props.saving}
              onClick={() => void props.onSave(draft).then((ok) => ok && setDraft(null))}
              data-testid={`${props.testId}-save`}
            >
              {t("common.save")}
            </Button>
            <Button size="small" onClick={() => setDraft(null)}>
              {t("common.cancel")}
            </Button>
          </Space>
        </>
      ) : props.text ? (
        <ServerHtml html={props.html} testId={`${props.testId}-html`} />
      ) : (
        <Typography.Text type="secondary">{t("meetings.notesEmpty")}</Typography.Text>
      )}
    </Card>
  );
}

function ActionItemsCard({ meetingId, canAdd }: { meetingId: string; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const items = useMeetingActionItems(meetingId);
  const write = useWriteActionItem(meetingId);
  const members = useMembers();
  const attempt = useAttempt();
  const [title, setTitle] = useState("");
  const [ownerUserId, setOwner] = useState<string | undefined>();
  const [dueDate, setDueDate] = useState("");
  const run = (w: Parameters<typeof write.mutateAsync>[0]) => attempt(() => write.mutateAsync(w));
  const add = async () => {
    if (!title.trim() || !ownerUserId) return;
    const input: MeetingActionItemInput = {
      title: title.trim(),
      ownerUserId,
      ...(dueDate ? { dueDate } : {}),
    };
    if (await run({ add: input })) {
      setTitle("");
      setDueDate("");
    }
  };
  return (
    <Card size="small" title={t("meetings.actionItems")} data-testid="meeting-action-items">
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("meetings.noActionItems")} />
      ) : (
        <ul className="meeting-items">
          {items.data.items.map((item) => (
            <li key={item.id} className="meeting-item" data-testid="action-item">
              <Checkbox
                checked={item.done}
                disabled={!item.abilities.complete}
                onChange={(e) => void run({ itemId: item.id, patch: { done: e.target.checked } })}
              >
                <span className={item.done ? "meeting-done" : undefined}>{item.title}</span>
              </Checkbox>
              <Typography.Text type="secondary" className="meeting-item-sub">
                {item.owner.name}
                {item.dueDate ? ` · ${formatDate(item.dueDate, i18n.language)}` : ""}
                {item.keyResult ? ` · ${item.keyResult.title}` : ""}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <div className="meeting-add">
          <Input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t("meetings.actionItemTitle")}
            maxLength={200}
            data-testid="action-item-title"
          />
          <Select
            value={ownerUserId}
            onChange={setOwner}
            showSearch
            optionFilterProp="label"
            placeholder={t("meetings.actionItemOwner")}
            data-testid="action-item-owner"
            options={(members.data ?? [])
              .filter((m) => m.status === "active")
              .map((m) => ({ value: m.userId, label: m.name }))}
          />
          <Input
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            aria-label={t("meetings.actionItemDue")}
            data-testid="action-item-due"
          />
          <Button
            onClick={() => void add()}
            loading={write.isPending}
            disabled={!title.trim() || !ownerUserId}
            data-testid="action-item-add"
          >
            {t("meetings.addActionItem")}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
