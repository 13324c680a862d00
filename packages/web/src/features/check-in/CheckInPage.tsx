import { CheckCircleFilled } from "@ant-design/icons";
import { isApiError, isNetworkError, type KeyResult, type Objective } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, Empty, Form, Input, Slider, Switch, Tag, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import { queryKeys, storeObjective, useDepartments, useObjectives } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { GroupedNumberInput } from "../../components/GroupedNumberInput.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ProgressBar } from "../../components/ProgressBar.tsx";
import { HealthTag } from "../../components/Tags.tsx";
import { dropDraft, loadDraft, saveDraft } from "../../lib/draft-storage.ts";
import { formatMeasure } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { KeyResultValue } from "../okrs/KeyResultLine.tsx";
import { myKeyResults, myObjectives } from "../okrs/mine.ts";
import {
  baselineOf,
  checkInDraftsKey,
  checkInOf,
  type Draft,
  hasConfidence,
  isChanged,
  isDraftSet,
} from "./drafts.ts";

/** Errors of one KR's check-in: by field (`value`, `milestonesDone`, `confidence`, `note`) or for the row. */
type RowError = { field: "value" | "milestonesDone" | "confidence" | "note" | null; message: string };

function rowErrorOf(error: unknown, networkMessage: string): RowError {
  if (isNetworkError(error)) return { field: null, message: networkMessage };
  if (isApiError(error)) {
    const detail = error.details[0];
    const field = detail?.path.split(".")[0];
    const message = error.code === "request.invalid" && detail ? detail.message : error.message;
    if (field === "value" || field === "milestonesDone" || field === "confidence" || field === "note")
      return { field, message };
    return { field: null, message };
  }
  return { field: null, message: String(error) };
}

function CheckInRow({
  keyResult: kr,
  objective,
  draft,
  error,
  saved,
  onChange,
  autoFocus,
}: {
  keyResult: KeyResult;
  objective: Objective;
  draft: Draft;
  error: RowError | undefined;
  saved: boolean;
  onChange: (draft: Draft) => void;
  autoFocus: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = `kr-${kr.id}`;
  const changed = isChanged(kr, draft);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (autoFocus) {
      ref.current?.scrollIntoView({ block: "center" });
      ref.current?.querySelector<HTMLElement>("input, textarea")?.focus();
    }
  }, [autoFocus]);
  const errorAt = (field: RowError["field"]) =>
    error && error.field === field ? { validateStatus: "error" as const, help: error.message } : {};

  return (
    <section
      ref={ref}
      className={`checkin-row${changed ? " changed" : ""}`}
      aria-labelledby={`${id}-title`}
      data-testid="checkin-row"
      data-kr-id={kr.id}
    >
      <div className="kr-row-head">
        <h2 id={`${id}-title`} className="kr-title" style={{ fontSize: 15, margin: 0 }}>
          {kr.title}
        </h2>
        <span className="kr-meta">
          {saved ? (
            <Tag color="success" icon={<CheckCircleFilled />} data-testid="checkin-saved">
              {t("checkIn.savedRow")}
            </Tag>
          ) : null}
          <HealthTag health={kr.health} />
        </span>
      </div>
      <div className="muted" style={{ fontSize: 13 }}>
        <Link to={`/objectives/${objective.id}`}>{objective.title}</Link> · <KeyResultValue keyResult={kr} />
      </div>
      <ProgressBar
        progress={kr.progress}
        progressRaw={kr.progressRaw}
        health={kr.health}
        label={kr.title}
        size="small"
      />
      {error && error.field === null ? (
        <Alert type="error" showIcon title={error.message} role="alert" style={{ marginTop: 8 }} />
      ) : null}
      <div className="checkin-grid">
        {kr.type === "milestone" ? (
          <Form.Item
            label={t("checkIn.milestones")}
            {...errorAt("milestonesDone")}
            style={{ marginBottom: 0 }}
          >
            <Checkbox.Group
              value={draft.milestonesDone}
              onChange={(values) => onChange({ ...draft, milestonesDone: values as string[] })}
              style={{ display: "flex", flexDirection: "column", gap: 4 }}
              options={(kr.milestones ?? []).map((m) => ({ value: m.id, label: m.title }))}
            />
          </Form.Item>
        ) : kr.type === "boolean" ? (
          <Form.Item
            label={t("checkIn.doneLabel")}
            htmlFor={`${id}-done`}
            {...errorAt("value")}
            style={{ marginBottom: 0 }}
          >
            <Switch
              id={`${id}-done`}
              checked={draft.done}
              onChange={(done) => onChange({ ...draft, done })}
              checkedChildren={t("keyResult.done")}
              unCheckedChildren={t("keyResult.notDone")}
            />
          </Form.Item>
        ) : kr.type === "rollup" ? (
          <Form.Item label={t("checkIn.value")} style={{ marginBottom: 0 }}>
            <Typography.Text type="secondary">{t("checkIn.rollupHint")}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            label={t("checkIn.newValue", {
              target: formatMeasure(kr.targetValue, kr.unit, i18n.language),
            })}
            htmlFor={`${id}-value`}
            {...errorAt("value")}
            style={{ marginBottom: 0 }}
          >
            <GroupedNumberInput
              id={`${id}-value`}
              data-testid="checkin-value"
              value={draft.value}
              onChange={(value) => onChange({ ...draft, value: typeof value === "number" ? value : null })}
              style={{ width: "100%" }}
              suffix={kr.unit ?? undefined}
              inputMode="decimal"
            />
          </Form.Item>
        )}
        <Form.Item
          label={
            <span id={`${id}-confidence-label`}>
              {draft.confidence === null
                ? t("checkIn.confidenceUnset")
                : t("checkIn.confidence", { value: draft.confidence })}
            </span>
          }
          {...errorAt("confidence")}
          style={{ marginBottom: 0 }}
        >
          {/* Before the first check-in there is no confidence: the slider shows it unset (no track, a hollow
              handle at 0) and nothing is sent until the person picks a value — 0 included, by Home or a click. */}
          <Slider
            min={0}
            max={10}
            step={1}
            value={draft.confidence ?? 0}
            className={draft.confidence === null ? "confidence-unset" : undefined}
            onChange={(confidence) => onChange({ ...draft, confidence })}
            onChangeComplete={(confidence) => {
              if (draft.confidence === null) onChange({ ...draft, confidence });
            }}
            marks={{ 0: "0", 3: "3", 6: "6", 10: "10" }}
            ariaLabelledByForHandle={`${id}-confidence-label`}
            ariaValueTextFormatterForHandle={(value) =>
              draft.confidence === null ? t("checkIn.confidenceUnsetValue") : String(value)
            }
            data-testid="checkin-confidence"
          />
        </Form.Item>
        <Form.Item
          label={t("checkIn.note")}
          htmlFor={`${id}-note`}
          {...errorAt("note")}
          style={{ marginBottom: 0, gridColumn: "1 / -1" }}
        >
          <Input.TextArea
            id={`${id}-note`}
            data-testid="checkin-note"
            value={draft.note}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
            autoSize={{ minRows: 1, maxRows: 6 }}
            placeholder={t("checkIn.notePlaceholder")}
            maxLength={20_000}
          />
        </Form.Item>
      </div>
    </section>
  );
}

/** 周进展: every KR of mine on one screen, one submit for all that changed. */
export function CheckInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const userId = session.user.id;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const focusKr = params.get("kr");
  const { cycles, cycle, setCycle } = useSelectedCycle();
  // What I answer for, not the whole cycle: my KRs are among them.
  const objectives = useObjectives({ cycleId: cycle?.id, mine: "true" }, !!cycle);
  const departments = useDepartments();
  // What was typed and not sent waits in the tab: leaving the screen or reloading loses nothing.
  const draftsKey = checkInDraftsKey(userId);
  const [kept] = useState(() => loadDraft(draftsKey, isDraftSet));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => kept?.value ?? {});
  const [showKept, setShowKept] = useState(true);
  useEffect(() => {
    if (Object.keys(drafts).length > 0) saveDraft(draftsKey, drafts);
    else dropDraft(draftsKey);
  }, [drafts, draftsKey]);
  const [errors, setErrors] = useState<Record<string, RowError>>({});
  const [saved, setSaved] = useState<Set<string>>(new Set());
  const [submitting, setSubmitting] = useState(false);

  const rows = useMemo(
    () => myKeyResults(myObjectives(objectives.data ?? [], userId, departments.data ?? []), userId),
    [objectives.data, departments.data, userId],
  );
  const draftOf = (kr: KeyResult) => drafts[kr.id] ?? baselineOf(kr);
  const changedRows = rows.filter(({ keyResult }) => isChanged(keyResult, draftOf(keyResult)));
  const keptRows = kept ? changedRows.filter(({ keyResult }) => kept.value[keyResult.id]) : [];

  const handleSubmit = async () => {
    if (submitting || changedRows.length === 0) return;
    setSubmitting(true);
    const failed: Record<string, RowError> = {};
    const done = new Set(saved);
    // One after the other: a KR's answer carries its objective, and two KRs of one objective must not race.
    for (const { keyResult } of changedRows) {
      const draft = draftOf(keyResult);
      // The first check-in of a KR must carry a confidence the person chose, never a silent default.
      if (!hasConfidence(draft)) {
        failed[keyResult.id] = { field: "confidence", message: t("checkIn.confidenceRequired") };
        done.delete(keyResult.id);
        continue;
      }
      try {
        const result = await api.keyResults.checkIn(keyResult.id, checkInOf(keyResult, draft));
        storeObjective(queryClient, result.objective);
        void queryClient.invalidateQueries({ queryKey: queryKeys.checkIns(keyResult.id) });
        done.add(keyResult.id);
        setDrafts((previous) => {
          const { [keyResult.id]: _gone, ...rest } = previous;
          return rest;
        });
      } catch (error) {
        failed[keyResult.id] = rowErrorOf(error, t("errors.network.body"));
        done.delete(keyResult.id);
      }
    }
    setErrors(failed);
    setSaved(done);
    setSubmitting(false);
    const failures = Object.keys(failed).length;
    const successes = changedRows.length - failures;
    if (failures === 0) message.success(t("checkIn.savedAll", { count: successes }));
    else message.error(t("checkIn.someFailed", { count: failures }));
  };

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;

  return (
    <Form
      layout="vertical"
      component="form"
      onFinish={() => void handleSubmit()}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void handleSubmit();
        }
      }}
      aria-label={t("checkIn.title")}
    >
      <div className="page-header">
        <div>
          <h1>{t("checkIn.title")}</h1>
          <Typography.Text type="secondary">{t("checkIn.intro")}</Typography.Text>
        </div>
        {cycle ? (
          <div className="page-header-actions">
            <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
          </div>
        ) : null}
      </div>
      {!cycle ? (
        <Empty description={t("home.noCycle")} />
      ) : objectives.isPending ? (
        <Loading />
      ) : objectives.isError ? (
        <ErrorState error={objectives.error} onRetry={() => void objectives.refetch()} />
      ) : rows.length === 0 ? (
        <Empty description={t("checkIn.empty")} data-testid="checkin-empty" />
      ) : (
        <>
          {showKept && keptRows.length > 0 ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="checkin-kept"
              title={t("checkIn.kept", { count: keptRows.length })}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    setDrafts({});
                    setShowKept(false);
                  }}
                >
                  {t("checkIn.discardKept")}
                </Button>
              }
            />
          ) : null}
          {rows.map(({ keyResult, objective }) => (
            <CheckInRow
              key={keyResult.id}
              keyResult={keyResult}
              objective={objective}
              draft={draftOf(keyResult)}
              error={errors[keyResult.id]}
              saved={saved.has(keyResult.id) && !drafts[keyResult.id]}
              autoFocus={keyResult.id === focusKr}
              onChange={(draft) => {
                setDrafts((previous) => ({ ...previous, [keyResult.id]: draft }));
                setSaved((previous) => {
                  if (!previous.has(keyResult.id)) return previous;
                  const next = new Set(previous);
                  next.delete(keyResult.id);
                  return next;
                });
              }}
            />
          ))}
          <div className="sticky-actions">
            <Typography.Text type="secondary" aria-live="polite" data-testid="checkin-count">
              {t("checkIn.changedCount", { count: changedRows.length })}
            </Typography.Text>
            <Button
              type="primary"
              htmlType="submit"
              loading={submitting}
              disabled={changedRows.length === 0}
              data-testid="checkin-submit"
              title={t("checkIn.shortcut")}
            >
              {t("checkIn.submit")}
            </Button>
          </div>
        </>
      )}
    </Form>
  );
}
