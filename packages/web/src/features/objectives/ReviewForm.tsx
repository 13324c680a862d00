import type { ObjectiveDetail, ReviewInput } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";
import { storeObjective } from "../../api/queries.ts";
import { FormAlert } from "../../components/FormAlert.tsx";

const FIELDS = [
  { name: "wentWell", label: "review.wentWell" },
  { name: "wentBadly", label: "review.wentBadly" },
  { name: "lessons", label: "review.lessons" },
  { name: "nextSteps", label: "review.nextSteps" },
] as const;

/** 复盘: what went well, what did not, lessons, and what to carry into the next cycle. */
export function ReviewForm({ objective }: { objective: ObjectiveDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewInput>();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const handleFinish = async (values: ReviewInput) => {
    setSaving(true);
    setFormMessage(null);
    try {
      const input = {
        wentWell: values.wentWell ?? "",
        wentBadly: values.wentBadly ?? "",
        lessons: values.lessons ?? "",
        nextSteps: values.nextSteps ?? "",
      };
      storeObjective(queryClient, await api.objectives.review(objective.id, input));
      message.success(t("review.saved"));
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => FIELDS.some((f) => f.name === p),
        networkMessage: t("errors.network.body"),
      });
      applyFieldErrors(form, placed.fields);
      setFormMessage(placed.formMessage);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!objective.abilities.review}
      initialValues={objective.review ?? {}}
      onFinish={(v) => void handleFinish(v)}
      data-testid="review-form"
    >
      <FormAlert message={formMessage} />
      {FIELDS.map((field) => (
        <Form.Item key={field.name} name={field.name} label={t(field.label)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20_000} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="review-submit">
        {t("review.submit")}
      </Button>
    </Form>
  );
}
