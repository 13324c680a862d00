import type { Adjustment, KeyResult, ObjectiveDetail } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, type ButtonProps, Card, Form, Input, Modal, Space } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { placeApiError } from "../../api/form-errors.ts";
import { queryKeys, storeObjective, useMemberNames } from "../../api/queries.ts";
import { formatDateTime } from "../../lib/format.ts";
import { describeChanges, ownersNamedIn } from "./change-fields.ts";

/**
 * Changes (调整) that wait for the manager's approval: what would change, why, who asked; the approver
 * approves or rejects with a reason.
 */
export function PendingAdjustments({ objective }: { objective: ObjectiveDetail }) {
  const { t } = useTranslation();
  const pending = (objective.pendingAdjustments ?? []).filter((a) => a.status === "pending");
  if (pending.length === 0) return null;
  return (
    <Card
      size="small"
      title={t("adjustments.title", { count: pending.length })}
      style={{ marginBottom: 16, borderColor: "#ffd666" }}
      data-testid="pending-adjustments"
    >
      {!pending.some((a) => a.abilities.decide) && (
        <Alert type="info" showIcon title={t("adjustments.waiting")} style={{ marginBottom: 12 }} />
      )}
      {pending.map((a) => (
        <AdjustmentItem key={a.id} adjustment={a} objective={objective} />
      ))}
    </Card>
  );
}

function AdjustmentItem({
  adjustment: a,
  objective,
}: {
  adjustment: Adjustment;
  objective: ObjectiveDetail;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const kr: KeyResult | undefined = a.keyResultId
    ? objective.keyResults.find((k) => k.id === a.keyResultId)
    : undefined;
  const named = useMemberNames(useMemo(() => ownersNamedIn(a.before, a.after), [a.before, a.after]));
  const names = new Map([...named.byId].map(([userId, m]) => [userId, m.name]));
  const changes = describeChanges(t, a.before, a.after, names);

  const done = (updated: ObjectiveDetail, text: string) => {
    storeObjective(queryClient, updated);
    void queryClient.invalidateQueries({ queryKey: queryKeys.allObjectives });
    message.success(text);
  };
  const handleApprove = async () => {
    setBusy(true);
    setError(null);
    try {
      done(await api.adjustments.approve(a.id), t("adjustments.approved"));
    } catch (e) {
      setError(
        placeApiError(e, { isKnown: () => false, networkMessage: t("errors.network.title") }).formMessage,
      );
    } finally {
      setBusy(false);
    }
  };
  const handleReject = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      done(await api.adjustments.reject(a.id, reason), t("adjustments.rejected"));
      setRejecting(false);
    } catch (e) {
      const placed = placeApiError(e, {
        isKnown: (p) => p === "reason",
        networkMessage: t("errors.network.title"),
      });
      form.setFields(placed.fields.map((f) => ({ name: "reason", errors: f.errors })));
      if (placed.formMessage) form.setFields([{ name: "reason", errors: [placed.formMessage] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="adjustment" data-testid="adjustment">
      <div className="muted" style={{ fontSize: 13 }}>
        {t("adjustments.requested", {
          name: a.requestedBy.name ?? t("common.someone"),
          when: formatDateTime(a.createdAt, i18n.language),
        })}
        {kr ? ` · ${t("adjustments.onKeyResult", { title: kr.title })}` : ""}
      </div>
      <table className="adjustment-diff">
        <thead>
          <tr>
            <th scope="col">{t("adjustments.fieldHeader")}</th>
            <th scope="col">{t("adjustments.before")}</th>
            <th scope="col">{t("adjustments.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.label}</th>
              <td>
                <del>{c.before}</del>
              </td>
              <td>
                <ins>{c.after}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div data-testid="adjustment-reason">
        {t("adjustments.reason")}: {a.reason}
      </div>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
      {a.abilities.decide && (
        <Space style={{ marginTop: 8 }} wrap>
          <Button
            type="primary"
            size="small"
            loading={busy}
            onClick={() => void handleApprove()}
            data-testid="adjustment-approve"
          >
            {t("adjustments.approve")}
          </Button>
          <Button size="small" danger onClick={() => setRejecting(true)} data-testid="adjustment-reject">
            {t("adjustments.reject")}
          </Button>
        </Space>
      )}
      <Modal
        open={rejecting}
        title={t("adjustments.rejectTitle")}
        onCancel={() => setRejecting(false)}
        okText={t("adjustments.reject")}
        cancelText={t("common.cancel")}
        okButtonProps={
          { danger: true, loading: busy, "data-testid": "adjustment-reject-confirm" } as ButtonProps
        }
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name={`reject-${a.id}`} onFinish={(v) => void handleReject(v)}>
          <Form.Item
            name="reason"
            label={t("adjustments.rejectReason")}
            rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="adjustment-reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
