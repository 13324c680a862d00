import type { ObjectiveDetail } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";
import { storeObjective } from "../../api/queries.ts";
import { FormAlert } from "../../components/FormAlert.tsx";

type Action = "submit" | "approve" | "publish";

const DONE_KEYS = {
  submit: "workflow.done.submit",
  approve: "workflow.done.approve",
  publish: "workflow.done.publish",
} as const satisfies Record<Action, string>;

/**
 * The buttons of the objective's workflow, as the server says the caller may use them (`abilities`):
 * draft → submit (with approval) or publish; submitted → approve or send back with a reason.
 */
export function WorkflowActions({ objective }: { objective: ObjectiveDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Action | "reject" | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [rejectError, setRejectError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const run = async (action: Action) => {
    setBusy(action);
    try {
      const updated = await api.objectives[action](objective.id);
      storeObjective(queryClient, updated);
      message.success(t(DONE_KEYS[action]));
    } catch (error) {
      message.error(
        placeApiError(error, { isKnown: () => false, networkMessage: t("errors.network.body") }).formMessage,
      );
    } finally {
      setBusy(null);
    }
  };

  const handleReject = async ({ reason }: { reason: string }) => {
    setBusy("reject");
    setRejectError(null);
    try {
      const updated = await api.objectives.reject(objective.id, reason);
      storeObjective(queryClient, updated);
      setRejecting(false);
      form.resetFields();
      message.success(t("workflow.done.reject"));
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => p === "reason",
        networkMessage: t("errors.network.body"),
      });
      applyFieldErrors(form, placed.fields);
      setRejectError(placed.formMessage);
    } finally {
      setBusy(null);
    }
  };

  const buttons = [];
  const { abilities } = objective;
  if (abilities.submit || abilities.publish) {
    buttons.push(
      abilities.submit ? (
        <Button
          key="submit"
          type="primary"
          loading={busy === "submit"}
          onClick={() => void run("submit")}
          data-testid="workflow-submit"
        >
          {t("workflow.submit")}
        </Button>
      ) : (
        <Button
          key="publish"
          type="primary"
          loading={busy === "publish"}
          onClick={() => void run("publish")}
          data-testid="workflow-publish"
        >
          {t("workflow.publish")}
        </Button>
      ),
    );
  }
  if (abilities.approve) {
    buttons.push(
      <Button
        key="approve"
        type="primary"
        loading={busy === "approve"}
        onClick={() => void run("approve")}
        data-testid="workflow-approve"
      >
        {t("workflow.approve")}
      </Button>,
      <Button key="reject" danger onClick={() => setRejecting(true)} data-testid="workflow-reject">
        {t("workflow.reject")}
      </Button>,
    );
  }
  if (buttons.length === 0) return null;
  return (
    <>
      <Space wrap>{buttons}</Space>
      <Modal
        open={rejecting}
        title={t("workflow.rejectTitle")}
        okText={t("workflow.reject")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true, loading: busy === "reject", htmlType: "submit", form: "reject-form" }}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
      >
        <FormAlert message={rejectError} />
        <Form form={form} id="reject-form" layout="vertical" onFinish={(v) => void handleReject(v)}>
          <Form.Item
            name="reason"
            label={t("workflow.rejectReason")}
            rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
