import type { Member, RecognitionInput } from "@luodi/client";
import { App, type ButtonProps, Form, Input, Modal, Select } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import { useGiveRecognition } from "../../api/queries.ts";
import { useObjectiveSearch } from "../../api/search.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { MemberSelect } from "../../components/MemberSelect.tsx";
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
  const { cycle } = useSelectedCycle();
  // Both pickers search on the server as one types: no list of the whole organization or cycle.
  const objectives = useObjectiveSearch({ cycleId: cycle?.id }, open && !!cycle);
  const give = useGiveRecognition();
  const objectiveId = Form.useWatch("objectiveId", form);
  const chosen = objectiveId ? objectives.known.get(objectiveId) : undefined;
  const acceptColleague = useCallback(
    (m: Member) => m.status === "active" && m.userId !== session.user.id,
    [session.user.id],
  );

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
          <MemberSelect
            multiple
            placeholder={t("recognitions.toPlaceholder")}
            accept={acceptColleague}
            testId="recognition-to"
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
            showSearch={{ filterOption: false, onSearch: objectives.onSearch }}
            loading={objectives.loading}
            options={withChosen(objectives.results, chosen).map((o) => ({ value: o.id, label: o.title }))}
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

/** The search's matches, with the chosen objective first when the search has moved past it. */
function withChosen<T extends { id: string }>(results: readonly T[], chosen: T | undefined): T[] {
  return chosen && !results.some((o) => o.id === chosen.id) ? [chosen, ...results] : [...results];
}
