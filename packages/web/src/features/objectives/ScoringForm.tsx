import type { ObjectiveDetail, ScoreInput } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, InputNumber, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";
import { storeObjective } from "../../api/queries.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { formatPercent } from "../../lib/format.ts";

type Row = { id: string; selfScore: number | null; managerScore: number | null; comment: string | null };
type Values = { keyResults: Row[] };

/**
 * 评分: each KR's self score and the manager's score side by side, with a comment. The suggested self score
 * (its progress rounded to 0.1) is offered as a placeholder and a "use" link, never entered in the person's
 * name: an empty field reads as "not scored yet". Stored scores are 0–1; an organization may show them as 0–100.
 */
export function ScoringForm({ objective, scale }: { objective: ObjectiveDetail; scale: "0-1" | "0-100" }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const factor = scale === "0-100" ? 100 : 1;
  const toShown = (score: number | null) => (score === null ? null : Math.round(score * factor * 10) / 10);
  const toStored = (score: number | null | undefined) =>
    score === null || score === undefined ? null : Math.round((score / factor) * 10) / 10;

  const handleFinish = async (values: Values) => {
    setSaving(true);
    setFormMessage(null);
    const input: ScoreInput = {
      keyResults: objective.keyResults.map((kr, i) => {
        const row = values.keyResults[i];
        return {
          id: kr.id,
          ...(kr.abilities.score
            ? { selfScore: toStored(row?.selfScore), comment: row?.comment ?? null }
            : {}),
          ...(kr.abilities.managerScore ? { managerScore: toStored(row?.managerScore) } : {}),
        };
      }),
    };
    try {
      storeObjective(queryClient, await api.objectives.score(objective.id, input));
      message.success(t("scoring.saved"));
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => /^keyResults\.\d+\.(selfScore|managerScore|comment)$/.test(p),
        networkMessage: t("errors.network.body"),
      });
      applyFieldErrors(form, placed.fields);
      setFormMessage(placed.formMessage);
    } finally {
      setSaving(false);
    }
  };

  const max = scale === "0-100" ? 100 : 1;
  const step = scale === "0-100" ? 10 : 0.1;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void handleFinish(v)}
      initialValues={{
        keyResults: objective.keyResults.map((kr) => ({
          id: kr.id,
          // The suggestion is offered, never entered for the person: an empty field until they choose.
          selfScore: toShown(kr.selfScore),
          managerScore: toShown(kr.managerScore),
          comment: kr.scoreComment,
        })),
      }}
      data-testid="scoring-form"
    >
      <FormAlert message={formMessage} />
      {objective.keyResults.map((kr, i) => (
        <div key={kr.id} className="checkin-row">
          <div className="kr-row-head">
            <strong className="kr-title">{kr.title}</strong>
            <span className="muted">{t("scoring.progress", { percent: formatPercent(kr.progress) })}</span>
          </div>
          <div className="checkin-grid">
            <Form.Item
              name={["keyResults", i, "selfScore"]}
              label={t("scoring.self")}
              style={{ marginBottom: 0 }}
              extra={
                kr.abilities.score && kr.selfScore === null ? (
                  <span data-testid="scoring-suggestion">
                    {t("scoring.suggested", { score: toShown(kr.suggestedScore) })}{" "}
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0, height: "auto" }}
                      onClick={() =>
                        form.setFieldValue(["keyResults", i, "selfScore"], toShown(kr.suggestedScore))
                      }
                      data-testid="scoring-use-suggested"
                    >
                      {t("scoring.useSuggested")}
                    </Button>
                  </span>
                ) : null
              }
            >
              <InputNumber
                min={0}
                max={max}
                step={step}
                disabled={!kr.abilities.score}
                placeholder={
                  kr.abilities.score
                    ? t("scoring.suggestedPlaceholder", { score: toShown(kr.suggestedScore) })
                    : t("scoring.notGiven")
                }
                style={{ width: "100%" }}
              />
            </Form.Item>
            <Form.Item
              name={["keyResults", i, "managerScore"]}
              label={t("scoring.manager")}
              style={{ marginBottom: 0 }}
            >
              <InputNumber
                min={0}
                max={max}
                step={step}
                disabled={!kr.abilities.managerScore}
                placeholder={kr.abilities.managerScore ? undefined : t("scoring.notGiven")}
                style={{ width: "100%" }}
              />
            </Form.Item>
            <Form.Item
              name={["keyResults", i, "comment"]}
              label={t("scoring.comment")}
              style={{ marginBottom: 0, gridColumn: "1 / -1" }}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} disabled={!kr.abilities.score} />
            </Form.Item>
          </div>
          {kr.score !== null ? (
            <Typography.Text type="secondary">
              {t("scoring.final", { score: toShown(kr.score) })}
            </Typography.Text>
          ) : null}
        </div>
      ))}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="scoring-submit">
        {t("scoring.submit")}
      </Button>
    </Form>
  );
}
