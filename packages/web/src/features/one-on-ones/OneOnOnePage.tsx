import { ArrowLeftOutlined, CheckOutlined, DeleteOutlined, LockOutlined } from "@ant-design/icons";
import type { OneOnOne } from "@luodi/client";
import { App, Button, Card, Checkbox, Empty, Input, Segmented, Select, Space, Tag, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api/client.ts";
import { useChangeOneOnOne, useObjectives, useOneOnOne } from "../../api/queries.ts";
import { useAttempt } from "../../api/use-attempt.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { HEALTH_COLORS, HEALTH_KEYS } from "../../components/labels.ts";
import { ProgressBar } from "../../components/ProgressBar.tsx";
import { ServerHtml } from "../../components/ServerHtml.tsx";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import "./one-on-ones.css";

type Change = ReturnType<typeof useChangeOneOnOne>;

/** One write to the 1:1; a refusal shows its message (already in the user's language). */
function useWrite(id: string): {
  change: Change;
  write: (w: (id: string) => Promise<OneOnOne>) => Promise<boolean>;
} {
  const change = useChangeOneOnOne(id);
  const attempt = useAttempt();
  return { change, write: (w) => attempt(() => change.mutateAsync(w)) };
}

/** 一对一 detail: the agenda (free items and the report's KRs, read live), shared notes, my private note, action items. */
export function OneOnOnePage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const session = useSession();
  const meeting = useOneOnOne(id);
  const { change, write } = useWrite(id);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const other = m.manager.id === session.user.id ? m.report : m.manager;
  return (
    <div className="one-on-one" data-testid="one-on-one-page">
      <Link to="/one-on-ones" className="one-on-one-back">
        <ArrowLeftOutlined /> {t("oneOnOnes.back")}
      </Link>
      <div className="page-header">
        <div>
          <h1 data-testid="one-on-one-heading">
            {t("oneOnOnes.with", { name: other.name })}
            {m.title ? ` · ${m.title}` : ""}
          </h1>
          <Space wrap size={8}>
            <Typography.Text type="secondary">{formatDateTime(m.scheduledAt, i18n.language)}</Typography.Text>
            <Tag color={m.status === "done" ? "green" : "blue"} data-testid="one-on-one-status">
              {t(m.status === "done" ? "oneOnOnes.status.done" : "oneOnOnes.status.scheduled")}
            </Tag>
            <Typography.Text type="secondary">
              {t("oneOnOnes.participants", { manager: m.manager.name, report: m.report.name })}
            </Typography.Text>
          </Space>
        </div>
        {m.abilities.markDone ? (
          <div className="page-header-actions">
            <Button
              icon={<CheckOutlined />}
              loading={change.isPending}
              onClick={() => void write((oneOnOneId) => api.oneOnOnes.update(oneOnOneId, { status: "done" }))}
              data-testid="one-on-one-done"
            >
              {t("oneOnOnes.markDone")}
            </Button>
          </div>
        ) : null}
      </div>
      <div className="one-on-one-grid">
        <div className="one-on-one-main">
          <Agenda meeting={m} write={write} />
          <SharedNotes meeting={m} write={write} />
          <ActionItems meeting={m} write={write} />
        </div>
        <div className="one-on-one-side">
          <PrivateNote meeting={m} write={write} />
        </div>
      </div>
    </div>
  );
}

type SectionProps = { meeting: OneOnOne; write: (w: (id: string) => Promise<OneOnOne>) => Promise<boolean> };

function Agenda({ meeting, write }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<"free" | "key_result">("free");
  const [text, setText] = useState("");
  const [keyResultId, setKeyResultId] = useState<string | undefined>();
  const objectives = useObjectives({ keyResultOwnerUserId: meeting.report.id }, meeting.abilities.addAgenda);
  const reportKrs = (objectives.data ?? []).flatMap((o) =>
    o.keyResults.filter((kr) => kr.ownerUserId === meeting.report.id).map((kr) => ({ kr, objective: o })),
  );
  const add = async () => {
    const ok = await write((id) =>
      kind === "free"
        ? api.oneOnOnes.addAgendaItem(id, { kind: "free", text })
        : api.oneOnOnes.addAgendaItem(id, { kind: "key_result", keyResultId: keyResultId ?? "" }),
    );
    if (ok) {
      setText("");
      setKeyResultId(undefined);
    }
  };
  return (
    <Card
      size="small"
      title={t("oneOnOnes.agenda.title")}
      className="one-on-one-card"
      data-testid="one-on-one-agenda"
    >
      <CheckList
        items={meeting.agenda}
        empty={t("oneOnOnes.agenda.empty")}
        rowTestId="agenda-item"
        checked={(item) => item.discussed}
        checkLabel={t("oneOnOnes.agenda.discussed")}
        disabled={!meeting.abilities.update}
        onCheck={(item, checked) =>
          void write((id) => api.oneOnOnes.setAgendaItemDiscussed(id, item.id, checked))
        }
        render={(item) => (
          <>
            <div className="one-on-one-item-body">
              {item.kind === "free" ? (
                <span className={item.discussed ? "one-on-one-discussed" : ""}>{item.text}</span>
              ) : item.keyResult ? (
                <div className="one-on-one-kr" data-testid="agenda-kr">
                  <Link
                    to={`/objectives/${item.keyResult.objectiveId}`}
                    className={item.discussed ? "one-on-one-discussed" : ""}
                  >
                    {item.keyResult.title}
                  </Link>
                  <div className="one-on-one-kr-progress">
                    <ProgressBar
                      progress={item.keyResult.progress}
                      health={item.keyResult.health}
                      label={item.keyResult.title}
                      size="small"
                    />
                    {item.keyResult.health ? (
                      <Tag color={HEALTH_COLORS[item.keyResult.health]}>
                        {t(HEALTH_KEYS[item.keyResult.health])}
                      </Tag>
                    ) : null}
                  </div>
                  {item.keyResult.latestCheckIn ? (
                    <div className="one-on-one-checkin" data-testid="agenda-kr-checkin">
                      <Typography.Text type="secondary">
                        {t("oneOnOnes.agenda.latestCheckIn", {
                          date: formatDate(item.keyResult.latestCheckIn.createdAt, i18n.language),
                          confidence: item.keyResult.latestCheckIn.confidence,
                        })}
                        {item.keyResult.latestCheckIn.value !== null
                          ? ` · ${t("oneOnOnes.agenda.value", { value: item.keyResult.latestCheckIn.value })}`
                          : ""}
                      </Typography.Text>
                      {item.keyResult.latestCheckIn.note ? (
                        <blockquote data-testid="agenda-kr-note">
                          {item.keyResult.latestCheckIn.note}
                        </blockquote>
                      ) : null}
                    </div>
                  ) : (
                    <Typography.Text type="secondary">{t("oneOnOnes.agenda.noCheckIn")}</Typography.Text>
                  )}
                </div>
              ) : (
                <Typography.Text type="secondary">{t("oneOnOnes.agenda.hiddenKr")}</Typography.Text>
              )}
              <Typography.Text type="secondary" className="one-on-one-by">
                {t("oneOnOnes.addedBy", { name: item.addedBy.name })}
              </Typography.Text>
            </div>
            {meeting.abilities.update ? (
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t("oneOnOnes.agenda.remove")}
                onClick={() => void write((id) => api.oneOnOnes.removeAgendaItem(id, item.id))}
              />
            ) : null}
          </>
        )}
      />
      {meeting.abilities.addAgenda ? (
        <div className="one-on-one-add">
          <Segmented
            value={kind}
            onChange={(value) => setKind(value as "free" | "key_result")}
            options={[
              { value: "free", label: t("oneOnOnes.agenda.free") },
              { value: "key_result", label: t("oneOnOnes.agenda.keyResult") },
            ]}
            data-testid="agenda-kind"
          />
          <Space.Compact className="one-on-one-add-row">
            {kind === "free" ? (
              <Input
                value={text}
                maxLength={500}
                onChange={(event) => setText(event.target.value)}
                onPressEnter={() => void add()}
                placeholder={t("oneOnOnes.agenda.placeholder")}
                data-testid="agenda-text"
              />
            ) : (
              <Select
                className="one-on-one-kr-select"
                value={keyResultId}
                onChange={setKeyResultId}
                loading={objectives.isPending}
                placeholder={t("oneOnOnes.agenda.pickKr", { name: meeting.report.name })}
                notFoundContent={t("oneOnOnes.agenda.noKrs")}
                showSearch
                optionFilterProp="label"
                options={reportKrs.map(({ kr, objective }) => ({
                  value: kr.id,
                  label: `${kr.title} (${objective.title})`,
                }))}
                data-testid="agenda-kr-select"
              />
            )}
            <Button
              type="primary"
              onClick={() => void add()}
              disabled={kind === "free" ? text.trim() === "" : !keyResultId}
              data-testid="agenda-add"
            >
              {t("oneOnOnes.agenda.add")}
            </Button>
          </Space.Compact>
        </div>
      ) : null}
    </Card>
  );
}

function SharedNotes({ meeting, write }: SectionProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const save = async () => {
    if (draft === null) return;
    if (await write((id) => api.oneOnOnes.update(id, { sharedNotes: draft }))) setDraft(null);
  };
  return (
    <Card
      size="small"
      className="one-on-one-card"
      title={t("oneOnOnes.notes.title")}
      data-testid="one-on-one-notes"
      extra={
        meeting.abilities.update && draft === null ? (
          <Button size="small" onClick={() => setDraft(meeting.sharedNotes)} data-testid="notes-edit">
            {t("oneOnOnes.notes.edit")}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" className="one-on-one-hint">
        {t("oneOnOnes.notes.hint")}
      </Typography.Paragraph>
      {draft !== null ? (
        <>
          <Input.TextArea
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            autoSize={{ minRows: 5, maxRows: 20 }}
            maxLength={20_000}
            aria-label={t("oneOnOnes.notes.title")}
            data-testid="notes-input"
          />
          <Space className="one-on-one-actions">
            <Button type="primary" onClick={() => void save()} data-testid="notes-save">
              {t("common.save")}
            </Button>
            <Button onClick={() => setDraft(null)}>{t("common.cancel")}</Button>
          </Space>
        </>
      ) : meeting.sharedNotes ? (
        <ServerHtml html={meeting.sharedNotesHtml} testId="notes-view" />
      ) : (
        <Typography.Text type="secondary">{t("oneOnOnes.notes.empty")}</Typography.Text>
      )}
    </Card>
  );
}

function PrivateNote({ meeting, write }: SectionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = meeting.myPrivateNote?.body ?? "";
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? saved;
  const save = async () => {
    if (await write((id) => api.oneOnOnes.writePrivateNote(id, value))) {
      setDraft(null);
      void message.success(t("oneOnOnes.private.saved"));
    }
  };
  return (
    <Card
      size="small"
      className="one-on-one-card one-on-one-private"
      title={
        <span>
          <LockOutlined /> {t("oneOnOnes.private.title")}
        </span>
      }
      data-testid="one-on-one-private"
    >
      <Typography.Paragraph className="one-on-one-private-hint" data-testid="private-hint">
        {t("oneOnOnes.private.hint")}
      </Typography.Paragraph>
      <Input.TextArea
        value={value}
        onChange={(event) => setDraft(event.target.value)}
        autoSize={{ minRows: 4, maxRows: 16 }}
        maxLength={20_000}
        disabled={!meeting.abilities.writePrivateNote}
        aria-label={t("oneOnOnes.private.title")}
        data-testid="private-input"
      />
      <Button
        className="one-on-one-actions"
        onClick={() => void save()}
        disabled={draft === null || draft === saved}
        data-testid="private-save"
      >
        {t("common.save")}
      </Button>
    </Card>
  );
}

function ActionItems({ meeting, write }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState(meeting.report.id);
  const [dueDate, setDueDate] = useState("");
  const add = async () => {
    const ok = await write((id) =>
      api.oneOnOnes.addActionItem(id, { title, ownerUserId: owner, ...(dueDate ? { dueDate } : {}) }),
    );
    if (ok) {
      setTitle("");
      setDueDate("");
    }
  };
  return (
    <Card
      size="small"
      className="one-on-one-card"
      title={t("oneOnOnes.actions.title")}
      data-testid="one-on-one-actions"
    >
      <CheckList
        items={meeting.actionItems}
        empty={t("oneOnOnes.actions.empty")}
        rowTestId="action-item"
        checked={(item) => item.done}
        checkLabel={t("oneOnOnes.actions.done")}
        disabled={!meeting.abilities.update}
        onCheck={(item, checked) =>
          void write((id) => api.oneOnOnes.updateActionItem(id, item.id, { done: checked }))
        }
        render={(item) => (
          <>
            <div className="one-on-one-item-body">
              <span className={item.done ? "one-on-one-discussed" : ""}>{item.title}</span>
              <Typography.Text type="secondary" className="one-on-one-by">
                {item.owner.name}
                {item.dueDate
                  ? ` · ${t("oneOnOnes.actions.due", { date: formatDate(item.dueDate, i18n.language) })}`
                  : ""}
              </Typography.Text>
            </div>
          </>
        )}
      />
      {meeting.abilities.addActionItem ? (
        <div className="one-on-one-add one-on-one-add-action">
          <Input
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            placeholder={t("oneOnOnes.actions.placeholder")}
            data-testid="action-title"
          />
          <Select
            value={owner}
            onChange={setOwner}
            aria-label={t("oneOnOnes.actions.owner")}
            options={[meeting.report, meeting.manager].map((p) => ({ value: p.id, label: p.name }))}
            data-testid="action-owner"
          />
          <Input
            type="date"
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
            aria-label={t("oneOnOnes.actions.dueLabel")}
          />
          <Button
            type="primary"
            onClick={() => void add()}
            disabled={title.trim() === ""}
            data-testid="action-add"
          >
            {t("oneOnOnes.actions.add")}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

/** Items with a check box each (discussed, done), or a word that there are none yet. */
function CheckList<T extends { id: string }>(props: {
  items: readonly T[];
  empty: string;
  rowTestId: string;
  checked: (item: T) => boolean;
  checkLabel: string;
  disabled: boolean;
  onCheck: (item: T, checked: boolean) => void;
  render: (item: T) => ReactNode;
}) {
  if (props.items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} />;
  return (
    <ul className="one-on-one-items">
      {props.items.map((item) => (
        <li key={item.id} className="one-on-one-item" data-testid={props.rowTestId}>
          <Checkbox
            checked={props.checked(item)}
            disabled={props.disabled}
            aria-label={props.checkLabel}
            onChange={(event) => props.onCheck(item, event.target.checked)}
          />
          {props.render(item)}
        </li>
      ))}
    </ul>
  );
}
