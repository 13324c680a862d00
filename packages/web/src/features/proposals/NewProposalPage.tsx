import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { KeyResultType, Member, ProposalInput } from "@luodi/client";
import { MAX_TITLE } from "@luodi/core";
import { Button, Card, Col, Empty, Form, Input, Row, Select, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { applyFieldErrors, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import { useCreateProposal, useDepartments } from "../../api/queries.ts";
import { useObjectiveSearch } from "../../api/search.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { GroupedNumberInput } from "../../components/GroupedNumberInput.tsx";
import { Loading } from "../../components/Loading.tsx";
import { KR_TYPE_KEYS } from "../../components/labels.ts";
import { MemberSelect } from "../../components/MemberSelect.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { AlignmentPicker } from "../editor/AlignmentPicker.tsx";
import { CoachHints } from "../editor/CoachHints.tsx";
import { useCoachReview } from "../editor/useCoachReview.ts";
import { objectiveOfParent, parentSearches, proposalParents } from "./board-model.ts";
import { CoachScore } from "./CoachScore.tsx";
import "./proposals.css";

/** Draft KRs measure something or mark a milestone; a rollup needs children, which a proposal has not yet. */
const TYPES = ["number", "percentage", "currency", "milestone", "boolean"] as const satisfies KeyResultType[];
const MEASURED: ReadonlySet<KeyResultType> = new Set(["number", "percentage", "currency"]);

type DraftKeyResult = {
  title?: string;
  type: (typeof TYPES)[number];
  startValue?: number | null;
  targetValue?: number | null;
  unit?: string;
  ownerUserId?: string;
};
type Values = { title?: string; pitch?: string; parent?: string | null; keyResults?: DraftKeyResult[] };

/** Proposals serve company and department objectives: their owners are departments, not people. */
const NO_MEMBERS: readonly Member[] = [];
const isActive = (member: Member) => member.status === "active";

const emptyKeyResult = (): DraftKeyResult => ({ type: "number", startValue: 0 });

/** What the form holds, as `POST /proposals` takes it. */
function inputOf(values: Values, cycleId: string): ProposalInput {
  const parent = values.parent ?? "";
  return {
    cycleId,
    title: values.title ?? "",
    ...(values.pitch?.trim() ? { pitch: values.pitch } : {}),
    ...(parent.startsWith("k:") ? { parentKeyResultId: parent.slice(2) } : {}),
    ...(parent.startsWith("o:") ? { parentObjectiveId: parent.slice(2) } : {}),
    keyResults: (values.keyResults ?? []).map((kr) => ({
      title: kr.title ?? "",
      type: kr.type,
      ...(MEASURED.has(kr.type)
        ? {
            startValue: kr.startValue ?? null,
            targetValue: kr.targetValue ?? null,
            unit: kr.unit?.trim() ? kr.unit.trim() : null,
          }
        : {}),
      ...(kr.ownerUserId ? { ownerUserId: kr.ownerUserId } : {}),
    })),
  };
}

/** An error on the parent ids belongs to the one parent picker. */
const remapPath = (path: string) =>
  path === "parentKeyResultId" || path === "parentObjectiveId" ? "parent" : path;

/**
 * 提案: an initiative in the cycle, serving a company or department KR (or objective), with a pitch and
 * draft KRs that the coach reads as they are typed. Whoever proposes, executes.
 */
export function NewProposalPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const departments = useDepartments();
  // The parent is searched for on the server: the cycle's objectives are never read whole.
  const objectives = useObjectiveSearch(parentSearches(cycle?.id), !!cycle);
  const create = useCreateProposal();
  const initialValues: Values = useMemo(() => ({ parent: null, keyResults: [emptyKeyResult()] }), []);
  const values = (Form.useWatch((all: Values) => all, { form, preserve: true }) ?? initialValues) as Values;
  const coach = useCoachReview(
    {
      objective: { title: values.title ?? "" },
      keyResults: (values.keyResults ?? []).map((kr) => ({
        title: kr?.title ?? "",
        type: kr?.type ?? null,
        ...(kr && MEASURED.has(kr.type) && typeof kr.startValue === "number"
          ? { startValue: kr.startValue }
          : {}),
        ...(kr && MEASURED.has(kr.type) && typeof kr.targetValue === "number"
          ? { targetValue: kr.targetValue }
          : {}),
      })),
      locale: currentLanguage(),
    },
    true,
  );
  const chosenParent = objectiveOfParent(values.parent, objectives.known);
  const candidates = useMemo(() => {
    const found = objectives.results;
    const shown =
      chosenParent && !found.some((o) => o.id === chosenParent.id) ? [chosenParent, ...found] : found;
    return proposalParents(shown);
  }, [objectives.results, chosenParent]);

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (!cycle) return <Empty description={t("dashboard.noCycle")} />;

  const handleSubmit = async (submitted: Values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(inputOf(submitted, cycle.id));
      void navigate(`/proposals/${created.id}`);
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: fieldsShownBy(form),
        remap: remapPath,
        networkMessage: t("errors.network.title"),
      });
      applyFieldErrors(form, placed.fields);
      setFormError(placed.formMessage);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(submitted) => void handleSubmit(submitted)}
      data-testid="proposal-form"
    >
      <Link to="/proposals" className="proposal-back">
        <ArrowLeftOutlined /> {t("proposals.backToBoard")}
      </Link>
      <div className="page-header">
        <div>
          <h1>{t("proposals.new")}</h1>
          <Typography.Text type="secondary">{t("proposals.newIntro")}</Typography.Text>
        </div>
        <div className="page-header-actions">
          <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
        </div>
      </div>
      <FormAlert message={formError} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item
              name="title"
              label={t("proposals.titleLabel")}
              rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={MAX_TITLE}
                placeholder={t("proposals.titlePlaceholder")}
                data-testid="proposal-title-input"
              />
            </Form.Item>
            <CoachHints findings={coach.objective} testId="coach-objective" />
            <Form.Item
              name="parent"
              label={t("proposals.parent")}
              extra={t("proposals.parentHelp")}
              rules={[{ required: true, message: t("proposals.parentRequired") }]}
              style={{ marginTop: 16 }}
            >
              <AlignmentPicker
                mode="parent"
                candidates={candidates}
                level="department"
                selfId={undefined}
                cycles={cycles.data}
                members={NO_MEMBERS}
                departments={departments.data ?? []}
                onSearch={objectives.onSearch}
                searching={objectives.loading}
              />
            </Form.Item>
            <Form.Item name="pitch" label={t("proposals.pitch")} extra={t("proposals.pitchHelp")}>
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 16 }}
                maxLength={20_000}
                data-testid="proposal-pitch"
              />
            </Form.Item>
          </Card>
          <Card size="small" title={t("proposals.draftKrs")} style={{ marginBottom: 16 }}>
            <CoachHints findings={coach.set} testId="coach-set" />
            <Form.List name="keyResults">
              {(fields, { add, remove }) => (
                <div>
                  {fields.map((field) => {
                    const type = values.keyResults?.[field.name]?.type ?? "number";
                    const label = `KR${field.name + 1}`;
                    return (
                      <fieldset
                        key={field.key}
                        className="kr-editor"
                        data-testid="proposal-kr"
                        aria-label={label}
                      >
                        <div className="kr-editor-head">
                          <strong>{label}</strong>
                          <Button
                            type="text"
                            danger
                            size="small"
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t("editor.removeKr", { name: label })}
                          >
                            {t("common.remove")}
                          </Button>
                        </div>
                        <Form.Item
                          name={[field.name, "title"]}
                          label={t("editor.krTitle")}
                          rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
                          style={{ marginBottom: 8 }}
                        >
                          <Input.TextArea
                            autoSize={{ minRows: 1, maxRows: 4 }}
                            maxLength={MAX_TITLE}
                            placeholder={t("editor.krTitlePlaceholder")}
                            data-testid="proposal-kr-title"
                          />
                        </Form.Item>
                        <CoachHints
                          findings={coach.keyResult(field.name)}
                          testId={`coach-kr-${field.name}`}
                        />
                        <Row gutter={12} style={{ marginTop: 12 }}>
                          <Col xs={24} sm={12}>
                            <Form.Item name={[field.name, "type"]} label={t("editor.krType")}>
                              <Select
                                options={TYPES.map((value) => ({ value, label: t(KR_TYPE_KEYS[value]) }))}
                              />
                            </Form.Item>
                          </Col>
                          <Col xs={24} sm={12}>
                            <Form.Item
                              name={[field.name, "ownerUserId"]}
                              label={t("editor.krOwner")}
                              extra={t("proposals.krOwnerHelp")}
                            >
                              <MemberSelect
                                allowClear
                                placeholder={t("proposals.krOwnerDefault")}
                                accept={isActive}
                              />
                            </Form.Item>
                          </Col>
                        </Row>
                        {MEASURED.has(type) ? (
                          <Row gutter={12}>
                            <Col xs={12} md={8}>
                              <Form.Item name={[field.name, "startValue"]} label={t("editor.startValue")}>
                                <GroupedNumberInput
                                  style={{ width: "100%" }}
                                  data-testid="proposal-kr-start"
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={8}>
                              <Form.Item
                                name={[field.name, "targetValue"]}
                                label={t("editor.targetValue")}
                                rules={[{ required: true, message: t("validation.required") }]}
                              >
                                <GroupedNumberInput
                                  style={{ width: "100%" }}
                                  data-testid="proposal-kr-target"
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={8}>
                              <Form.Item name={[field.name, "unit"]} label={t("editor.unit")}>
                                <Input maxLength={32} placeholder={type === "percentage" ? "%" : ""} />
                              </Form.Item>
                            </Col>
                          </Row>
                        ) : null}
                      </fieldset>
                    );
                  })}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    onClick={() => add(emptyKeyResult())}
                    data-testid="proposal-add-kr"
                  >
                    {t("editor.addKr")}
                  </Button>
                </div>
              )}
            </Form.List>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t("coach.title")} data-testid="coach-card">
            <CoachScore score={coach.score} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t("proposals.coachIntro")}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <div className="sticky-actions">
        <Button onClick={() => void navigate(-1)}>{t("common.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="proposal-submit">
          {t("proposals.submit")}
        </Button>
      </div>
    </Form>
  );
}
