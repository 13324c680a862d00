import {
  CheckOutlined,
  CloseOutlined,
  LikeFilled,
  LikeOutlined,
  RollbackOutlined,
  UserAddOutlined,
  UserDeleteOutlined,
} from "@ant-design/icons";
import type { Proposal } from "@luodi/client";
import { App, Button, type ButtonProps, Form, Input, Modal, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { placeApiError } from "../../api/form-errors.ts";
import { useChangeProposal } from "../../api/queries.ts";
import { useAttempt } from "../../api/use-attempt.ts";
import { FormAlert } from "../../components/FormAlert.tsx";

/**
 * What the caller may do to a proposal, from its `abilities` only: back or unback, join or leave, withdraw
 * (the proposer), accept or reject (an approver; rejecting asks why).
 */
export function ProposalActions({ proposal, size }: { proposal: Proposal; size?: "small" | "middle" }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeProposal();
  const attempt = useAttempt();
  const [rejecting, setRejecting] = useState(false);
  const { abilities: can, id } = proposal;
  const run = async (write: () => Promise<Proposal>, done?: string) => {
    if ((await attempt(() => change.mutateAsync(write))) && done) void message.success(done);
  };
  const busy = change.isPending;
  return (
    <Space wrap size={[8, 8]} data-testid="proposal-actions">
      {can.back ? (
        <Button
          size={size}
          icon={<LikeOutlined />}
          disabled={busy}
          onClick={() => void run(() => api.proposals.back(id))}
          data-testid="proposal-back"
        >
          {t("proposals.back")}
        </Button>
      ) : null}
      {can.unback ? (
        <Button
          size={size}
          icon={<LikeFilled />}
          disabled={busy}
          onClick={() => void run(() => api.proposals.unback(id))}
          data-testid="proposal-unback"
        >
          {t("proposals.unback")}
        </Button>
      ) : null}
      {can.join ? (
        <Button
          size={size}
          icon={<UserAddOutlined />}
          disabled={busy}
          onClick={() => void run(() => api.proposals.join(id))}
          data-testid="proposal-join"
        >
          {t("proposals.join")}
        </Button>
      ) : null}
      {can.leave ? (
        <Button
          size={size}
          icon={<UserDeleteOutlined />}
          disabled={busy}
          onClick={() => void run(() => api.proposals.leave(id))}
          data-testid="proposal-leave"
        >
          {t("proposals.leave")}
        </Button>
      ) : null}
      {can.withdraw ? (
        <Popconfirm
          title={t("proposals.withdrawConfirm")}
          okText={t("proposals.withdraw")}
          cancelText={t("common.cancel")}
          onConfirm={() => run(() => api.proposals.withdraw(id), t("proposals.withdrawn"))}
          okButtonProps={{ "data-testid": "proposal-withdraw-confirm" } as ButtonProps}
        >
          <Button size={size} icon={<RollbackOutlined />} disabled={busy} data-testid="proposal-withdraw">
            {t("proposals.withdraw")}
          </Button>
        </Popconfirm>
      ) : null}
      {can.decide ? (
        <>
          <Popconfirm
            title={t("proposals.acceptConfirm")}
            description={t("proposals.acceptHelp")}
            okText={t("proposals.accept")}
            cancelText={t("common.cancel")}
            onConfirm={() => run(() => api.proposals.accept(id), t("proposals.accepted"))}
            okButtonProps={{ "data-testid": "proposal-accept-confirm" } as ButtonProps}
          >
            <Button
              size={size}
              type="primary"
              icon={<CheckOutlined />}
              disabled={busy}
              data-testid="proposal-accept"
            >
              {t("proposals.accept")}
            </Button>
          </Popconfirm>
          <Button
            size={size}
            danger
            icon={<CloseOutlined />}
            disabled={busy}
            onClick={() => setRejecting(true)}
            data-testid="proposal-reject"
          >
            {t("proposals.reject")}
          </Button>
          <RejectModal proposal={proposal} open={rejecting} onClose={() => setRejecting(false)} />
        </>
      ) : null}
    </Space>
  );
}

/** Rejecting says why: the proposer, the backers and the team are told. */
function RejectModal({
  proposal,
  open,
  onClose,
}: {
  proposal: Proposal;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const change = useChangeProposal();

  const handleSubmit = async ({ reason }: { reason: string }) => {
    setFormError(null);
    try {
      await change.mutateAsync(() => api.proposals.reject(proposal.id, reason));
      void message.success(t("proposals.rejected"));
      form.resetFields();
      onClose();
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (path) => path === "reason",
        networkMessage: t("errors.network.title"),
      });
      form.setFields(placed.fields.map((f) => ({ name: "reason" as const, errors: f.errors })));
      setFormError(placed.formMessage);
    }
  };

  return (
    <Modal
      open={open}
      title={t("proposals.rejectTitle", { title: proposal.title })}
      okText={t("proposals.reject")}
      okButtonProps={{ danger: true, "data-testid": "proposal-reject-confirm" } as ButtonProps}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <FormAlert message={formError} />
      <Form form={form} layout="vertical" onFinish={(values) => void handleSubmit(values)}>
        <Form.Item
          name="reason"
          label={t("proposals.rejectReason")}
          extra={t("proposals.rejectReasonHelp")}
          rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} data-testid="proposal-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
