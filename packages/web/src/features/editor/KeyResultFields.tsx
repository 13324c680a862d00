import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { CoachFinding, Member } from "@luodi/client";
import { MAX_TITLE } from "@luodi/core";
import { Button, Col, Form, type FormInstance, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { GroupedNumberInput } from "../../components/GroupedNumberInput.tsx";
import { DIRECTION_KEYS, KR_TYPE_KEYS } from "../../components/labels.ts";
import { CoachHints } from "./CoachHints.tsx";
import { type EditorValues, hasMeasure, inferredDirection, NUMERIC_TYPES } from "./editor-model.ts";

const TYPES = ["number", "percentage", "currency", "milestone", "boolean", "rollup"] as const;

/** One KR in the editor, with the fields its type takes and the coach's advice on it. */
export function KeyResultFields({
  form,
  index,
  isExisting,
  onRemove,
  findings,
  members,
}: {
  form: FormInstance<EditorValues>;
  index: number;
  isExisting: boolean;
  onRemove: () => void;
  findings: readonly CoachFinding[];
  members: readonly Member[];
}) {
  const { t } = useTranslation();
  const type = Form.useWatch(["keyResults", index, "type"], form) ?? "number";
  const aggregation = Form.useWatch(["keyResults", index, "aggregation"], form);
  const measured = hasMeasure({ type, aggregation });
  const startValue = Form.useWatch(["keyResults", index, "startValue"], form);
  const targetValue = Form.useWatch(["keyResults", index, "targetValue"], form);
  const label = `KR${index + 1}`;
  const name = (field: string) => [index, field];

  return (
    <fieldset className="kr-editor" data-testid="kr-editor" aria-label={label}>
      <div className="kr-editor-head">
        <strong>{label}</strong>
        <Button
          type="text"
          danger
          size="small"
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t("editor.removeKr", { name: label })}
        >
          {t("common.remove")}
        </Button>
      </div>
      {/* The id ties the row to the KR it edits: without it a save would replace the KR and lose its check-ins. */}
      <Form.Item name={name("id")} hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name={name("title")}
        label={t("editor.krTitle")}
        rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={MAX_TITLE}
          placeholder={t("editor.krTitlePlaceholder")}
        />
      </Form.Item>
      <CoachHints findings={findings} testId={`coach-kr-${index}`} />
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} sm={12} md={8}>
          <Form.Item
            name={name("type")}
            label={t("editor.krType")}
            extra={isExisting ? t("editor.typeFixed") : undefined}
          >
            <Select
              disabled={isExisting}
              options={TYPES.map((value) => ({ value, label: t(KR_TYPE_KEYS[value]) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={4}>
          <Form.Item name={name("weight")} label={t("editor.weight")}>
            <InputNumber min={0.1} max={1000} step={0.5} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={12}>
          <Form.Item name={name("ownerUserId")} label={t("editor.krOwner")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("editor.krOwnerDefault")}
              options={members
                .filter((m) => m.status === "active")
                .map((m) => ({ value: m.userId, label: m.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {type === "rollup" ? (
        <Form.Item
          name={name("aggregation")}
          label={t("editor.aggregation")}
          extra={t("editor.aggregationHelp")}
          initialValue="progress"
        >
          <Select
            disabled={isExisting}
            options={[
              { value: "progress", label: t("aggregation.progress") },
              { value: "sum", label: t("aggregation.sum") },
            ]}
          />
        </Form.Item>
      ) : null}
      {measured ? (
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name={name("startValue")} label={t("editor.startValue")}>
              <GroupedNumberInput style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={name("targetValue")}
              label={t("editor.targetValue")}
              rules={[
                { required: NUMERIC_TYPES.has(type) || type === "rollup", message: t("validation.required") },
              ]}
            >
              <GroupedNumberInput style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={name("unit")} label={t("editor.unit")}>
              <Input
                maxLength={32}
                placeholder={
                  type === "percentage" ? "%" : type === "currency" ? t("editor.currencyPlaceholder") : ""
                }
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={name("direction")} label={t("editor.direction")}>
              <Select
                allowClear
                placeholder={t("editor.directionAuto", {
                  direction: t(DIRECTION_KEYS[inferredDirection({ startValue, targetValue })]),
                })}
                data-testid="kr-direction"
                options={[
                  { value: "increase", label: t("direction.increase") },
                  { value: "decrease", label: t("direction.decrease") },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === "milestone" ? (
        <Form.List name={[index, "milestones"]} initialValue={isExisting ? undefined : [{ title: "" }]}>
          {(fields, { add, remove }) => (
            <fieldset className="plain-fieldset" style={{ marginBottom: 12 }}>
              <legend className="muted" style={{ marginBottom: 6, fontSize: 14 }}>
                {t("editor.milestones")}
                {isExisting ? ` · ${t("editor.milestonesFixed")}` : ""}
              </legend>
              {fields.map((field, i) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col flex="auto">
                    <Form.Item
                      name={[field.name, "title"]}
                      rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input
                        disabled={isExisting}
                        aria-label={t("editor.milestoneTitle", { index: i + 1 })}
                        maxLength={MAX_TITLE}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="88px">
                    <Form.Item name={[field.name, "weight"]} style={{ marginBottom: 8 }}>
                      <InputNumber
                        disabled={isExisting}
                        min={0.1}
                        max={1000}
                        placeholder="1"
                        aria-label={t("editor.milestoneWeight", { index: i + 1 })}
                        style={{ width: "100%" }}
                      />
                    </Form.Item>
                  </Col>
                  {!isExisting ? (
                    <Col flex="32px">
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t("editor.removeMilestone", { index: i + 1 })}
                      />
                    </Col>
                  ) : null}
                </Row>
              ))}
              {!isExisting ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ title: "" })}>
                  {t("editor.addMilestone")}
                </Button>
              ) : null}
            </fieldset>
          )}
        </Form.List>
      ) : null}
      {type === "boolean" ? <p className="muted">{t("editor.booleanHelp")}</p> : null}
    </fieldset>
  );
}
