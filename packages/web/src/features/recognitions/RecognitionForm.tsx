import type { RecognitionInput } from "@luodi/client";
import { App, type ButtonProps, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import { useGiveRecognition, useMembers, useObjectives } from "../../api/queries.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { useSession } from "../auth/session.ts";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";

type Values = { toUserIds: string[]; message: string; objectiveId?: string; keyResultId?: string };

/**
 * 表扬同事: whom (active colleagues), what for in words, and optionally an objective or KR of the current
 * cycle — the lists hold only what the caller may see, as the server answers them.
 */
export function RecognitionForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const members = useMembers();
  const { cycle } = useSelectedCycle();
  const objectives = useObjectives({ cycleId: cycle?.id }, open && !!cycle);
  const give = useGiveRecognition();
  const objectiveId = Form.useWatch("objectiveId", form);
  const chosen = objectives.data?.find((o) => o.id === objectiveId);

  const handleSubmit = async (values: Values) => {
    setFormError(null);
    const input: RecognitionInput = {
      toUserIds: values.toUserIds,
      message: values.message,
      ...(values.objectiveId ? { objectiveId: values.objectiveId } : {}),
      ...(values.keyResultId ? { keyResultId: values.keyResultId } : {}),
    };
    try {
      await give.mutateAsync(input);
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: fieldsShownBy(form),
        remap: (path) => path.replace(/^toUserIds\.\d+$/, "toUserIds"),
        networkMessage: t("errors.network.title"),
      });
      applyFieldErrors(form, placed.fields);
      setFormError(placed.formMessage);
      return;
    }
    void message.success(t("recognitions.sent"));
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t("recognitions.give")}
      okText={t("recognitions.send")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={give.isPending}
      okButtonProps={{ "data-testid": "recognition-send" } as ButtonProps}
      destroyOnHidden
    >
      <FormAlert message={formError} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void handleSubmit(values)}
        data-testid="recognition-form"
      >
        <Form.Item
          name="toUserIds"
          label={t("recognitions.to")}
          rules={[{ required: true, message: t("recognitions.toPlaceholder") }]}
        >
          <Select
            mode="multiple"
            placeholder={t("recognitions.toPlaceholder")}
            optionFilterProp="label"
            options={(members.data ?? [])
              .filter((m) => m.status === "active" && m.userId !== session.user.id)
              .map((m) => ({ value: m.userId, label: m.name }))}
            data-testid="recognition-to"
          />
        </Form.Item>
        <Form.Item
          name="message"
          label={t("recognitions.message")}
          rules={[{ required: true, whitespace: true, message: t("recognitions.messagePlaceholder") }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            showCount
            placeholder={t("recognitions.messagePlaceholder")}
            data-testid="recognition-message-input"
          />
        </Form.Item>
        <Form.Item name="objectiveId" label={t("recognitions.objective")}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={objectives.isPending && !!cycle}
            options={(objectives.data ?? []).map((o) => ({ value: o.id, label: o.title }))}
            onChange={() => form.setFieldValue("keyResultId", undefined)}
            data-testid="recognition-objective"
          />
        </Form.Item>
        {chosen && chosen.keyResults.length > 0 ? (
          <Form.Item name="keyResultId" label={t("recognitions.keyResult")}>
            <Select
              allowClear
              options={chosen.keyResults.map((kr) => ({ value: kr.id, label: kr.title }))}
              data-testid="recognition-key-result"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
