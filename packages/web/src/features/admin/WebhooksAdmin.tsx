import { PlusOutlined, SendOutlined } from "@ant-design/icons";
import type { Webhook, WebhookCreated, WebhookDelivery, WebhookInput } from "@luodi/client";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@luodi/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { showFormError } from "./form-helpers.ts";

type Status = "failed" | "pending" | "sent";

const EVENT_KEYS = {
  "objective.published": "admin.webhooks.event.objective_published",
  "objective.updated": "admin.webhooks.event.objective_updated",
  "check_in.created": "admin.webhooks.event.check_in_created",
  "cycle.phase_changed": "admin.webhooks.event.cycle_phase_changed",
  "comment.created": "admin.webhooks.event.comment_created",
} as const satisfies Record<WebhookEvent, string>;

const STATUS_KEYS = {
  failed: "admin.deliveries.status.failed",
  pending: "admin.deliveries.status.pending",
  sent: "admin.deliveries.status.sent",
} as const satisfies Record<Status, string>;
const STATUS_COLOR: Record<Status, string> = { failed: "red", pending: "gold", sent: "green" };

const WEBHOOKS_KEY = ["webhooks"] as const;

/** Webhook: the company's own systems receive OKR events, signed, with retries and a delivery log. */
export function WebhooksAdmin() {
  const { t } = useTranslation();
  const webhooks = useQuery({ queryKey: WEBHOOKS_KEY, queryFn: ({ signal }) => api.webhooks.list(signal) });
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<WebhookCreated | null>(null);

  if (webhooks.isPending) return <Loading />;
  if (webhooks.isError) return <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />;
  return (
    <div data-testid="webhook-list">
      <div className="page-header">
        <p className="muted integrations-intro">{t("admin.webhooks.intro")}</p>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="webhook-new"
        >
          {t("admin.webhooks.add")}
        </Button>
      </div>
      {created?.secret && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 16 }}
          data-testid="webhook-secret"
          title={t("admin.webhooks.secretOnce")}
          description={
            <Typography.Text code copyable className="webhook-secret">
              {created.secret}
            </Typography.Text>
          }
        />
      )}
      {webhooks.data.length === 0 ? (
        <Card>
          <Empty description={t("admin.webhooks.empty")} />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          {webhooks.data.map((webhook) => (
            <WebhookCard key={webhook.id} webhook={webhook} />
          ))}
        </Space>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t("admin.webhooks.signatureNote")}
      </Typography.Paragraph>
      {adding && (
        <WebhookModal
          onClose={() => setAdding(false)}
          onCreated={(made) => {
            setAdding(false);
            setCreated(made);
          }}
        />
      )}
    </div>
  );
}

function WebhookCard({ webhook }: { webhook: Webhook }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status | "all">("all");
  const deliveries = useQuery({
    queryKey: ["webhook-deliveries", webhook.id, status],
    queryFn: ({ signal }) => api.webhooks.deliveries(webhook.id, status === "all" ? {} : { status }, signal),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
    await queryClient.invalidateQueries({ queryKey: ["webhook-deliveries", webhook.id] });
  };
  const fail = (error: unknown) => message.error(error instanceof Error ? error.message : String(error));
  const ping = useMutation({
    mutationFn: () => api.webhooks.ping(webhook.id),
    onSuccess: async () => {
      message.success(t("admin.webhooks.pingQueued"));
      await refresh();
    },
    onError: fail,
  });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => api.webhooks.redeliver(webhook.id, deliveryId),
    onSuccess: async () => {
      message.success(t("admin.webhooks.redeliverQueued"));
      await refresh();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: () => api.webhooks.remove(webhook.id),
    onSuccess: async () => {
      message.success(t("admin.webhooks.deleted"));
      await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
    },
    onError: fail,
  });
  const eventName = (event: WebhookDelivery["event"]) =>
    event === "ping" ? t("admin.webhooks.event.ping") : t(EVENT_KEYS[event]);

  return (
    <Card
      title={<span className="integration-url">{webhook.urlMasked}</span>}
      data-testid="webhook-card"
      extra={
        webhook.lastDelivery && (
          <Tag color={STATUS_COLOR[webhook.lastDelivery.status]} data-testid="webhook-last-status">
            {t(STATUS_KEYS[webhook.lastDelivery.status])}
          </Tag>
        )
      }
    >
      <Space orientation="vertical" size={8} style={{ width: "100%" }}>
        <div>
          <span className="muted integration-label">{t("admin.webhooks.eventsShort")}</span>
          {webhook.events.map((event) => t(EVENT_KEYS[event])).join(t("admin.integrations.listSeparator"))}
        </div>
        <div className="muted">
          {t("admin.webhooks.createdAt", { at: formatDateTime(webhook.createdAt, i18n.language) })}
        </div>
        <Space size={[8, 8]} wrap>
          <Button
            icon={<SendOutlined />}
            loading={ping.isPending}
            onClick={() => ping.mutate()}
            data-testid="webhook-ping"
          >
            {t("admin.webhooks.ping")}
          </Button>
          <Popconfirm
            title={t("admin.webhooks.deleteConfirm")}
            okText={t("common.remove")}
            okButtonProps={{ danger: true }}
            cancelText={t("common.cancel")}
            onConfirm={() => remove.mutateAsync().catch(() => undefined)}
          >
            <Button danger loading={remove.isPending} data-testid="webhook-delete">
              {t("common.remove")}
            </Button>
          </Popconfirm>
        </Space>
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as Status | "all")}
          options={[
            { value: "all", label: t("admin.webhooks.all") },
            ...(["failed", "pending", "sent"] as const).map((value) => ({
              value,
              label: t(STATUS_KEYS[value]),
            })),
          ]}
        />
        <Table<WebhookDelivery>
          size="small"
          rowKey="id"
          data-testid="webhook-deliveries"
          loading={deliveries.isPending}
          dataSource={deliveries.data?.items ?? []}
          pagination={false}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("admin.webhooks.noDeliveries") }}
          columns={[
            {
              title: t("admin.deliveries.when"),
              dataIndex: "createdAt",
              render: (at: string) => formatDateTime(at, i18n.language),
            },
            { title: t("admin.webhooks.event.title"), dataIndex: "event", render: eventName },
            {
              title: t("admin.deliveries.statusTitle"),
              dataIndex: "status",
              render: (value: Status, row) => (
                <Tag color={STATUS_COLOR[value]}>
                  {t(STATUS_KEYS[value])} · {t("admin.deliveries.attempts", { count: row.attempts })}
                </Tag>
              ),
            },
            {
              title: t("admin.deliveries.error"),
              dataIndex: "lastError",
              render: (error: string | null, row) =>
                error ? (
                  <Typography.Text type={row.status === "sent" ? "secondary" : "danger"}>
                    {error}
                  </Typography.Text>
                ) : row.status === "pending" ? (
                  t("admin.deliveries.next", { at: formatDateTime(row.nextAttemptAt, i18n.language) })
                ) : (
                  "—"
                ),
            },
            {
              title: "",
              key: "redeliver",
              render: (_: unknown, row) => (
                <Button
                  size="small"
                  onClick={() => redeliver.mutate(row.id)}
                  loading={redeliver.isPending && redeliver.variables === row.id}
                  data-testid="webhook-redeliver"
                >
                  {t("admin.webhooks.redeliver")}
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

type Values = { url: string; events: WebhookEvent[]; secret?: string };

function WebhookModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (made: WebhookCreated) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const secret = values.secret?.trim();
      const input: WebhookInput = {
        url: values.url.trim(),
        events: values.events,
        ...(secret ? { secret } : {}),
      };
      return api.webhooks.create(input);
    },
    onSuccess: async (made) => {
      await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
      onCreated(made);
    },
    onError: (error) => setFormError(showFormError(form, error, ["url", "events", "secret"], t)),
  });
  const required = { required: true, message: t("validation.required") };
  return (
    <Modal open title={t("admin.webhooks.add")} onCancel={onClose} footer={null} destroyOnHidden width={600}>
      <FormAlert message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="webhook"
        data-testid="webhook-form"
        initialValues={{ events: ["objective.published", "check_in.created"] }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="url"
          label={t("admin.webhooks.url")}
          rules={[{ ...required, whitespace: true }]}
          extra={t("admin.webhooks.urlHint")}
        >
          <Input type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://…" />
        </Form.Item>
        <Form.Item
          name="events"
          label={t("admin.webhooks.events")}
          rules={[{ required: true, type: "array", min: 1, message: t("admin.integrations.eventsRequired") }]}
        >
          <Checkbox.Group className="integration-events" data-testid="webhook-events">
            {WEBHOOK_EVENTS.map((event) => (
              <Checkbox key={event} value={event}>
                {t(EVENT_KEYS[event])}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="secret"
          label={t("admin.webhooks.secret")}
          extra={t("admin.webhooks.secretHint")}
          rules={[{ min: 16, message: t("admin.webhooks.secretShort") }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <div className="page-header-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="webhook-save">
            {t("common.save")}
          </Button>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
        </div>
      </Form>
    </Modal>
  );
}
