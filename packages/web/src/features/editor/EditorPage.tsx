import { PlusOutlined } from "@ant-design/icons";
import { type Cycle, type Department, isApiError, type Member, type ObjectiveDetail } from "@luodi/client";
import { MAX_TITLE } from "@luodi/core";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Progress,
  Radio,
  Row,
  Select,
  Typography,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import { applyFieldErrors, type FieldError, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import {
  queryKeys,
  storeSavedObjective,
  useCycles,
  useDepartments,
  useMembers,
  useObjective,
} from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import {
  LEVEL_KEYS,
  OBJECTIVE_KIND_GUIDANCE_KEYS,
  OBJECTIVE_KIND_KEYS,
  PHASE_KEYS,
  VISIBILITY_KEYS,
} from "../../components/labels.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { enclosingCycles, pickDefaultCycle, sortCyclesForPicker, todayIn } from "../../lib/cycles.ts";
import { dropDraft, loadDraft, saveDraft } from "../../lib/draft-storage.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import { templateValues } from "../guide/template-prefill.ts";
import { findTemplate } from "../guide/templates.ts";
import { AlignmentPicker } from "./AlignmentPicker.tsx";
import { CoachHints } from "./CoachHints.tsx";
import {
  alignmentChange,
  coachInputOf,
  type EditorValues,
  editorDraftKey,
  emptyKeyResult,
  isEditorDraft,
  objectiveInputOf,
  objectiveSaveInputOf,
  valuesOf,
} from "./editor-model.ts";
import { KeyResultFields } from "./KeyResultFields.tsx";
import { useCoachReview } from "./useCoachReview.ts";

/**
 * The API names the field of each error (`keyResults.2.targetValue`, `title`), and the form's fields carry
 * the same names. Only what the form shows no input for is moved: a KR as a whole, its hidden id, its
 * milestone list or sum parent go to its title; a milestone's id to that milestone's title.
 */
function remapPath(path: string): string {
  const kr = /^(keyResults\.\d+)(\.(id|milestones|parentKeyResultId))?$/.exec(path);
  if (kr) return `${kr[1]}.title`;
  const milestone = /^(keyResults\.\d+\.milestones\.\d+)\.id$/.exec(path);
  if (milestone) return `${milestone[1]}.title`;
  return path;
}

/** Which levels, departments and owners the caller may write objectives for, as the server says (`/me`). */
function usePermissions(members: readonly Member[], departments: readonly Department[]) {
  const { abilities } = useSession();
  return useMemo(() => {
    const { createObjective } = abilities;
    const root = departments.find((d) => d.parentId === null);
    const writable = new Set(createObjective.departmentIds);
    const owners = new Set(createObjective.personalOwnerIds);
    const levels = [
      ...(createObjective.company ? (["company"] as const) : []),
      ...(writable.size > 0 ? (["department"] as const) : []),
      "personal" as const,
    ];
    return {
      root,
      levels,
      departments: departments.filter((d) => writable.has(d.id)),
      owners: members.filter(
        (m) => m.status === "active" && (createObjective.anyPersonalOwner || owners.has(m.userId)),
      ),
    };
  }, [abilities, departments, members]);
}

function EditorForm({
  existing,
  cycles,
  members,
  departments,
}: {
  existing: ObjectiveDetail | undefined;
  cycles: readonly Cycle[];
  members: readonly Member[];
  departments: readonly Department[];
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<EditorValues>();
  const permissions = usePermissions(members, departments);
  const isEdit = !!existing;
  const existingCycle = cycles.find((c) => c.id === existing?.cycleId);
  const pastAligning = ["in_progress", "scoring", "reviewing"].includes(existingCycle?.phase ?? "");
  const [reasonNeeded, setReasonNeeded] = useState(
    isEdit && existing?.status === "published" && pastAligning,
  );
  const [formMessage, setFormMessage] = useState<string | null>(
    (location.state as { alignmentError?: string } | null)?.alignmentError ?? null,
  );
  const [saving, setSaving] = useState(false);

  // What was typed and not saved waits in the tab: leaving the editor or reloading loses nothing.
  const draftKey = editorDraftKey(session.user.id, existing?.id, params.get("template"));
  const baseVersion = existing?.version ?? null;
  const [kept, setKept] = useState(() => {
    const found = loadDraft(draftKey, isEditorDraft);
    return found && found.value.version === baseVersion ? found : null;
  });
  const handleValuesChange = () => {
    saveDraft(draftKey, { version: baseVersion, values: form.getFieldsValue(true) as EditorValues });
  };
  const [discarded, setDiscarded] = useState(false);
  const handleDiscard = () => {
    dropDraft(draftKey);
    setKept(null);
    setDiscarded(true);
  };
  useEffect(() => {
    // The kept draft was discarded: the form goes back to the objective as saved (or a blank one).
    if (discarded) form.resetFields();
  }, [discarded, form]);

  const initialValues = useMemo<EditorValues>(() => {
    if (kept) return kept.value.values;
    if (existing) return valuesOf(existing);
    const requested = cycles.find((c) => c.id === params.get("cycle"));
    const template = findTemplate(params.get("template"));
    const cycle = requested ?? pickDefaultCycle(cycles, todayIn(session.organization.timezone));
    return {
      cycleId: cycle?.id,
      level: "personal",
      ownerUserId: session.user.id,
      visibility: "public",
      kind: "aspirational",
      weight: 1,
      supports: [],
      parent: null,
      keyResults: [emptyKeyResult()],
      // `?template=<id>` starts from a template of the library, in the UI's language.
      ...(template ? templateValues(template, currentLanguage()) : {}),
    };
  }, [kept, existing, cycles, params, session]);

  // `preserve`: the whole store, so KRs given as initial values (an existing objective, a template) reach the coach
  // before anyone types in them.
  const values = (Form.useWatch((all: EditorValues) => all, { form, preserve: true }) ??
    initialValues) as EditorValues;
  const level = values.level ?? initialValues.level;
  const cycleId = values.cycleId ?? initialValues.cycleId;
  const cycle = cycles.find((c) => c.id === cycleId);
  const alignmentCycles = useMemo(
    () => (cycle ? [cycle, ...enclosingCycles(cycles, cycle)] : []),
    [cycle, cycles],
  );
  const candidateQueries = useQueries({
    queries: alignmentCycles.map((c) => ({
      queryKey: queryKeys.objectives({ cycleId: c.id }),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.objectives.all({ cycleId: c.id }, signal),
    })),
  });
  const candidates = useMemo(() => candidateQueries.flatMap((q) => q.data ?? []), [candidateQueries]);
  const ownerObjectiveCount = useMemo(() => {
    const sameOwner = (candidates.filter((o) => o.cycleId === cycleId) ?? []).filter((o) =>
      level === "personal"
        ? o.ownerUserId === (values.ownerUserId ?? session.user.id)
        : o.level === level &&
          o.ownerDepartmentId === (level === "company" ? permissions.root?.id : values.ownerDepartmentId),
    );
    return sameOwner.filter((o) => o.id !== existing?.id).length + 1;
  }, [
    candidates,
    cycleId,
    level,
    values.ownerUserId,
    values.ownerDepartmentId,
    session.user.id,
    permissions.root,
    existing,
  ]);
  const coach = useCoachReview(coachInputOf(values, currentLanguage(), ownerObjectiveCount), true);

  const show = (error: unknown, fields: FieldError[] = []) => {
    const placed = placeApiError(error, {
      isKnown: fieldsShownBy(form),
      remap: remapPath,
      networkMessage: t("errors.network.body"),
    });
    const all = [...fields, ...placed.fields];
    if (isApiError(error) && error.code.startsWith("alignment.")) {
      all.push({ name: ["parent"], errors: [error.message] });
    }
    if (isApiError(error) && error.code === "objective.reason_required") setReasonNeeded(true);
    applyFieldErrors(form, all);
    const formLevel = all.length ? (placed.fields.length ? placed.formMessage : null) : placed.formMessage;
    setFormMessage(formLevel);
    // The error must be seen: the field it names (or the message above the form) is brought to the middle
    // of the screen, clear of the sticky save bar at the bottom.
    const first = all[0];
    requestAnimationFrame(() => {
      if (first) form.scrollToField(first.name, { block: "center", behavior: "smooth", focus: true });
      else if (formLevel)
        document.querySelector('[data-testid="form-error"]')?.scrollIntoView({ block: "center" });
    });
  };

  const finish = (id: string, isPending = false) => {
    dropDraft(draftKey);
    void queryClient.invalidateQueries({ queryKey: queryKeys.allObjectives });
    void queryClient.invalidateQueries({ queryKey: queryKeys.objective(id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.history(id) });
    // 202: the change waits for the manager; saying "saved" would be untrue.
    if (isPending) message.info(t("adjustments.sentForApproval"));
    else message.success(t("editor.saved"));
    navigate(`/objectives/${id}`);
  };

  const handleCreate = async (v: EditorValues) => {
    let created: ObjectiveDetail;
    try {
      created = await api.objectives.create(objectiveInputOf(v, permissions.root?.id));
    } catch (error) {
      show(error);
      return;
    }
    // Created: from here on the objective itself holds the work, not the new objective's draft.
    dropDraft(draftKey);
    const alignment = alignmentChange(v, undefined);
    if (alignment) {
      try {
        await api.objectives.align(created.id, alignment);
      } catch (error) {
        // The objective exists now: keep editing it, with the alignment error where it belongs.
        void queryClient.invalidateQueries({ queryKey: queryKeys.allObjectives });
        navigate(`/objectives/${created.id}/edit`, {
          replace: true,
          state: { alignmentError: isApiError(error) ? error.message : t("errors.network.body") },
        });
        return;
      }
    }
    finish(created.id);
  };

  const handleUpdate = async (v: EditorValues, before: ObjectiveDetail) => {
    const waitingBefore = new Set((before.pendingAdjustments ?? []).map((a) => a.id));
    let saved: ObjectiveDetail;
    try {
      // One request, one transaction: the objective, its KRs and their milestones are saved whole, on top
      // of the version this form was opened with, or not at all.
      saved = await api.objectives.save(before.id, objectiveSaveInputOf(v), before.version);
    } catch (error) {
      show(error);
      return;
    }
    // 202: the whole save waits for the manager as one adjustment; the answer lists it.
    const isPending = (saved.pendingAdjustments ?? []).some((a) => !waitingBefore.has(a.id));
    // Alignment has its own endpoint: a second, complete write after the save, which stands either way.
    const alignment = alignmentChange(v, before);
    if (alignment) {
      try {
        saved = await api.objectives.align(before.id, alignment);
      } catch (error) {
        // The save stands. The alignment error shows at once; when the save moved the version the form
        // reopens on the saved one (so the next save is based on it), with the error above it.
        show(error);
        storeSavedObjective(queryClient, saved);
        navigate(`/objectives/${before.id}/edit`, {
          replace: true,
          state: { alignmentError: isApiError(error) ? error.message : t("errors.network.body") },
        });
        return;
      }
    }
    storeSavedObjective(queryClient, saved);
    finish(before.id, isPending);
  };

  const handleFinish = async () => {
    // All values, including those without a visible field (KR ids): onFinish's own copy drops them.
    const v = form.getFieldsValue(true) as EditorValues;
    setSaving(true);
    setFormMessage(null);
    try {
      if (existing) await handleUpdate(v, existing);
      else await handleCreate(v);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<EditorValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={handleValuesChange}
      onFinish={() => void handleFinish()}
      onFinishFailed={() => setFormMessage(t("validation.fixFields"))}
      scrollToFirstError={{ block: "center" }}
      data-testid="objective-editor"
    >
      <div className="page-header">
        <h1>{isEdit ? t("editor.editTitle") : t("editor.newTitle")}</h1>
      </div>
      <FormAlert message={formMessage} />
      {kept ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="editor-kept"
          title={t("editor.kept", {
            time: formatDateTime(new Date(kept.savedAt).toISOString(), i18n.language),
          })}
          action={
            <Button size="small" onClick={handleDiscard} data-testid="editor-discard">
              {t("editor.discardKept")}
            </Button>
          }
        />
      ) : null}
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t("editor.objectiveSection")} style={{ marginBottom: 16 }}>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="cycleId"
                  label={t("editor.cycle")}
                  rules={[{ required: true, message: t("validation.required") }]}
                >
                  <Select
                    disabled={isEdit}
                    options={sortCyclesForPicker(cycles).map((c) => ({
                      value: c.id,
                      label: `${c.name} · ${t(PHASE_KEYS[c.phase])}`,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="level" label={t("editor.level")}>
                  <Radio.Group
                    disabled={isEdit}
                    optionType="button"
                    options={permissions.levels.map((l) => ({ value: l, label: t(LEVEL_KEYS[l]) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            {level === "department" ? (
              <Form.Item
                name="ownerDepartmentId"
                label={t("editor.ownerDepartment")}
                rules={[{ required: true, message: t("validation.required") }]}
              >
                <Select
                  disabled={isEdit}
                  options={permissions.departments.map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            ) : null}
            {level === "personal" ? (
              <Form.Item name="ownerUserId" label={t("editor.owner")}>
                <Select
                  disabled={isEdit || permissions.owners.length <= 1}
                  showSearch={{ optionFilterProp: "label" }}
                  options={(permissions.owners.length ? permissions.owners : members).map((m) => ({
                    value: m.userId,
                    label: m.name,
                  }))}
                />
              </Form.Item>
            ) : null}
            <Form.Item
              name="title"
              label={t("editor.title")}
              rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={MAX_TITLE}
                placeholder={t("editor.titlePlaceholder")}
                autoFocus={!isEdit}
              />
            </Form.Item>
            <CoachHints findings={coach.objective} testId="coach-objective" />
            <Form.Item name="description" label={t("editor.description")} style={{ marginTop: 16 }}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
            </Form.Item>
            <Form.Item
              name="kind"
              label={t("editor.kind")}
              extra={
                <span data-testid="editor-kind-guidance">
                  {t(OBJECTIVE_KIND_GUIDANCE_KEYS[values.kind ?? "aspirational"])}
                </span>
              }
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                data-testid="editor-kind"
                options={(["aspirational", "committed"] as const).map((k) => ({
                  value: k,
                  label: <span data-testid={`editor-kind-${k}`}>{t(OBJECTIVE_KIND_KEYS[k])}</span>,
                }))}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={12} md={8}>
                <Form.Item name="weight" label={t("editor.weight")}>
                  <InputNumber min={0.1} max={1000} step={0.5} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={16}>
                <Form.Item name="visibility" label={t("editor.visibility")}>
                  <Select
                    options={(["public", "department", "private"] as const).map((v) => ({
                      value: v,
                      label: t(VISIBILITY_KEYS[v]),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t("editor.alignmentSection")} style={{ marginBottom: 16 }}>
            <Form.Item name="parent" label={t("editor.parent")} extra={t("editor.parentHelp")}>
              <AlignmentPicker
                mode="parent"
                candidates={candidates}
                level={level}
                selfId={existing?.id}
                cycles={cycles}
                members={members}
                departments={departments}
              />
            </Form.Item>
            <Form.Item name="supports" label={t("editor.supports")}>
              <AlignmentPicker
                mode="supports"
                candidates={candidates}
                level={level}
                selfId={existing?.id}
                cycles={cycles}
                members={members}
                departments={departments}
              />
            </Form.Item>
          </Card>
          <Card size="small" title={t("editor.krSection")} style={{ marginBottom: 16 }}>
            <CoachHints findings={coach.set} testId="coach-set" />
            <Form.List name="keyResults">
              {(fields, { add, remove }) => (
                <div style={{ marginTop: coach.set.length ? 12 : 0 }}>
                  {fields.map((field) => (
                    <KeyResultFields
                      key={field.key}
                      form={form}
                      index={field.name}
                      isExisting={!!form.getFieldValue(["keyResults", field.name, "id"])}
                      onRemove={() => remove(field.name)}
                      findings={coach.keyResult(field.name)}
                      members={members}
                    />
                  ))}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    onClick={() => add(emptyKeyResult())}
                    data-testid="add-kr"
                  >
                    {t("editor.addKr")}
                  </Button>
                </div>
              )}
            </Form.List>
          </Card>
          {reasonNeeded ? (
            <Card size="small" title={t("editor.adjustment")} style={{ marginBottom: 16 }}>
              <Form.Item
                name="reason"
                label={t("editor.reason")}
                extra={t("editor.reasonHelp")}
                rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} data-testid="editor-reason" />
              </Form.Item>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t("coach.title")} className="coach-card" data-testid="coach-card">
            {coach.score === null ? (
              <Typography.Text type="secondary">{t("coach.waiting")}</Typography.Text>
            ) : (
              <div style={{ display: "flex", alignItems: "center", gap: 16 }}>
                <Progress
                  type="circle"
                  size={72}
                  percent={coach.score}
                  format={(p) => `${p}`}
                  strokeColor={coach.score >= 80 ? "#52c41a" : coach.score >= 60 ? "#faad14" : "#ff4d4f"}
                  aria-label={t("coach.score", { score: coach.score })}
                />
                <Typography.Text data-testid="coach-score">
                  {t("coach.score", { score: coach.score })}
                </Typography.Text>
              </div>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t("coach.intro")}
            </Typography.Paragraph>
            <Link to="/guide" data-testid="guide-link" style={{ display: "inline-block", marginTop: 8 }}>
              {t("guide.editorLink")}
            </Link>
          </Card>
        </Col>
      </Row>
      <div className="sticky-actions">
        <Button
          onClick={() => {
            // Cancel is a decision to drop the changes: nothing of them is kept.
            dropDraft(draftKey);
            navigate(-1);
          }}
        >
          {t("common.cancel")}
        </Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="editor-save">
          {isEdit ? t("common.save") : t("editor.create")}
        </Button>
      </div>
    </Form>
  );
}

/** OKR editor (create and edit): the objective, its KRs by type, alignment, and the coach live as you type. */
export function EditorPage() {
  const { id } = useParams();
  const existing = useObjective(id);
  const cycles = useCycles();
  const members = useMembers();
  const departments = useDepartments();
  const { t } = useTranslation();

  const failed = [cycles, members, departments, ...(id ? [existing] : [])].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (cycles.isPending || members.isPending || departments.isPending || (id && existing.isPending))
    return <Loading />;
  if (!cycles.data?.length) return <Typography.Paragraph>{t("home.noCycle")}</Typography.Paragraph>;
  return (
    <EditorForm
      key={id ? `${id}:${existing.data?.version}` : "new"}
      existing={id ? existing.data : undefined}
      cycles={cycles.data}
      members={members.data ?? []}
      departments={departments.data ?? []}
    />
  );
}
