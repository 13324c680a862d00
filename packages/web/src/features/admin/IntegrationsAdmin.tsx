import { PlusOutlined, SendOutlined } from "@ant-design/icons";
import type {
  Department,
  Integration,
  IntegrationInput,
  IntegrationKind,
  IntegrationPatch,
  IntegrationTestResult,
} from "@luodi/client";
import {
  INTEGRATION_KINDS,
  integrationTakesSecret,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "@luodi/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { queryKeys, useDepartments, useIntegrations } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { DeliveryLog } from "./DeliveryLog.tsx";
import { departmentPath } from "./department-tree.ts";
import { showFormError } from "./form-helpers.ts";

const PLATFORM_KEYS = {
  feishu: "admin.integrations.platform.feishu",
  dingtalk: "admin.integrations.platform.dingtalk",
  wecom: "admin.integrations.platform.wecom",
  slack: "admin.integrations.platform.slack",
  teams: "admin.integrations.platform.teams",
} as const satisfies Record<IntegrationKind, string>;

/** Where each platform gives an admin the webhook address (and the secret, for those that sign). */
const WEBHOOK_HINT_KEYS = {
  feishu: "admin.integrations.webhookHint.feishu",
  dingtalk: "admin.integrations.webhookHint.dingtalk",
  wecom: "admin.integrations.webhookHint.wecom",
  slack: "admin.integrations.webhookHint.slack",
  teams: "admin.integrations.webhookHint.teams",
} as const satisfies Record<IntegrationKind, string>;

const SECRET_HINT_KEYS = {
  feishu: "admin.integrations.secretHint.feishu",
  dingtalk: "admin.integrations.secretHint.dingtalk",
} as const;

/** What each kind of notification is called when a whole group receives it. */
const EVENT_KEYS = {
  mention: "admin.integrations.event.mention",
  comment: "admin.integrations.event.comment",
  check_in_reminder: "admin.integrations.event.check_in_reminder",
  phase_changed: "admin.integrations.event.phase_changed",
  phase_deadline: "admin.integrations.event.phase_deadline",
  approval_requested: "admin.integrations.event.approval_requested",
  approval_decided: "admin.integrations.event.approval_decided",
  adjustment_requested: "admin.integrations.event.adjustment_requested",
  kr_at_risk: "admin.integrations.event.kr_at_risk",
  digest: "admin.integrations.event.digest",
  recognition: "admin.integrations.event.recognition",
  meeting_action_item: "admin.integrations.event.meeting_action_item",
  proposal_backed: "admin.integrations.event.proposal_backed",
  proposal_decided: "admin.integrations.event.proposal_decided",
} as const satisfies Record<NotificationKind, string>;

/** What a new channel receives until the admin chooses otherwise: what concerns a whole team. */
const DEFAULT_EVENTS: NotificationKind[] = ["phase_changed", "phase_deadline", "kr_at_risk", "digest"];

/** 消息集成: the organization's chat channels, each with its platform, scope and notification kinds. */
export function IntegrationsAdmin() {
  const { t } = useTranslation();
  const integrations = useIntegrations();
  const departments = useDepartments();
  const [editing, setEditing] = useState<Integration | "new" | null>(null);

  if (integrations.isPending || departments.isPending) return <Loading />;
  if (integrations.isError) {
    return <ErrorState error={integrations.error} onRetry={() => void integrations.refetch()} />;
  }
  if (departments.isError) {
    return <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />;
  }

  return (
    <div data-testid="integration-list">
      <div className="page-header">
        <p className="muted integrations-intro">{t("admin.integrations.intro")}</p>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing("new")}
          data-testid="integration-new"
        >
          {t("admin.integrations.add")}
        </Button>
      </div>
      {integrations.data.length === 0 ? (
        <Card>
          <Empty description={t("admin.integrations.empty")} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {integrations.data.map((integration) => (
            <Col xs={24} lg={12} key={integration.id}>
              <IntegrationCard
                integration={integration}
                departments={departments.data}
                onEdit={() => setEditing(integration)}
              />
            </Col>
          ))}
        </Row>
      )}
      <div style={{ marginTop: 16 }}>
        <DeliveryLog />
      </div>
      {editing && (
        <IntegrationModal
          integration={editing === "new" ? null : editing}
          departments={departments.data}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function IntegrationCard({
  integration,
  departments,
  onEdit,
}: {
  integration: Integration;
  departments: readonly Department[];
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<IntegrationTestResult | null>(null);
  const platform = t(PLATFORM_KEYS[integration.kind]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.integrations });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => api.integrations.update(integration.id, { enabled }),
    onSuccess: refresh,
    onError: (error) => message.error(error instanceof Error ? error.message : String(error)),
  });
  const test = useMutation({
    mutationFn: () => api.integrations.test(integration.id),
    onMutate: () => setResult(null),
    onSuccess: setResult,
    onError: (error) => message.error(error instanceof Error ? error.message : String(error)),
  });
  const remove = useMutation({
    mutationFn: () => api.integrations.remove(integration.id),
    onSuccess: async () => {
      await refresh();
      message.success(t("admin.integrations.deleted", { name: integration.name }));
    },
    onError: (error) => message.error(error instanceof Error ? error.message : String(error)),
  });

  return (
    <Card
      title={integration.name}
      data-testid={`integration-${integration.name}`}
      extra={
        <Switch
          checked={integration.enabled}
          loading={toggle.isPending}
          onChange={(enabled) => toggle.mutate(enabled)}
          aria-label={t("admin.integrations.enabled")}
          checkedChildren={t("admin.integrations.on")}
          unCheckedChildren={t("admin.integrations.off")}
          data-testid="integration-enabled"
        />
      }
    >
      <Space orientation="vertical" size={8} style={{ width: "100%" }}>
        <Space size={[4, 4]} wrap>
          <Tag color="blue">{platform}</Tag>
          {integration.hasSecret && <Tag>{t("admin.integrations.signed")}</Tag>}
          {!integration.enabled && <Tag color="default">{t("admin.integrations.disabled")}</Tag>}
        </Space>
        <div className="muted integration-url">{integration.webhookUrlMasked}</div>
        <div>
          <span className="muted integration-label">{t("admin.integrations.scopeShort")}</span>
          {integration.departmentId
            ? departmentPath(departments, integration.departmentId)
            : t("admin.integrations.scopeOrganization")}
        </div>
        <div>
          <span className="muted integration-label">{t("admin.integrations.eventsShort")}</span>
          {integration.events.map((kind) => t(EVENT_KEYS[kind])).join(t("admin.integrations.listSeparator"))}
        </div>
        {result && (
          <Alert
            type={result.ok ? "success" : "error"}
            showIcon
            role="status"
            data-testid="integration-test-result"
            title={
              result.ok
                ? t("admin.integrations.testDelivered", { platform })
                : t("admin.integrations.testRefused", { platform })
            }
            description={result.ok ? undefined : result.error}
          />
        )}
        <Space size={[8, 8]} wrap>
          <Button
            icon={<SendOutlined />}
            loading={test.isPending}
            onClick={() => test.mutate()}
            data-testid="integration-test"
          >
            {t("admin.integrations.test")}
          </Button>
          <Button onClick={onEdit} data-testid="integration-edit">
            {t("common.edit")}
          </Button>
          <Popconfirm
            title={t("admin.integrations.deleteConfirm", { name: integration.name })}
            okText={t("common.remove")}
            okButtonProps={{ danger: true }}
            cancelText={t("common.cancel")}
            onConfirm={() => remove.mutateAsync().catch(() => undefined)}
          >
            <Button danger loading={remove.isPending} data-testid="integration-delete">
              {t("common.remove")}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
    </Card>
  );
}

type Values = {
  kind: IntegrationKind;
  name: string;
  webhookUrl?: string;
  secret?: string;
  removeSecret?: boolean;
  departmentId?: string;
  events: NotificationKind[];
};

const FIELDS = ["kind", "name", "webhookUrl", "secret", "departmentId", "events"];

function IntegrationModal({
  integration,
  departments,
  onClose,
}: {
  integration: Integration | null;
  departments: readonly Department[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch("kind", form) ?? integration?.kind ?? "feishu";
  const removeSecret = Form.useWatch("removeSecret", form) ?? false;
  const isNew = integration === null;
  const signs = integrationTakesSecret(kind);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const webhookUrl = values.webhookUrl?.trim();
      const secret = values.secret?.trim();
      if (isNew) {
        const input: IntegrationInput = {
          kind: values.kind,
          name: values.name,
          webhookUrl: webhookUrl ?? "",
          departmentId: values.departmentId ?? null,
          events: values.events,
          ...(signs && secret ? { secret } : {}),
        };
        return api.integrations.create(input);
      }
      const patch: IntegrationPatch = {
        kind: values.kind,
        name: values.name,
        departmentId: values.departmentId ?? null,
        events: values.events,
        // Empty: the stored address and secret stay as they are.
        ...(webhookUrl ? { webhookUrl } : {}),
        ...(signs && secret ? { secret } : signs && values.removeSecret ? { secret: null } : {}),
      };
      return api.integrations.update(integration.id, patch);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.integrations });
      message.success(
        t(isNew ? "admin.integrations.created" : "admin.integrations.saved", { name: saved.name }),
      );
      onClose();
    },
    onError: (error) => setFormError(showFormError(form, error, FIELDS, t)),
  });

  const required = { required: true, message: t("validation.required") };
  return (
    <Modal
      open
      title={isNew ? t("admin.integrations.add") : t("admin.integrations.edit", { name: integration.name })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={640}
    >
      <FormAlert message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="integration"
        data-testid="integration-form"
        initialValues={
          integration
            ? {
                kind: integration.kind,
                name: integration.name,
                departmentId: integration.departmentId ?? undefined,
                events: integration.events,
              }
            : { kind: "feishu", events: DEFAULT_EVENTS }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="kind" label={t("admin.integrations.kind")} rules={[required]}>
          <Select
            options={INTEGRATION_KINDS.map((k) => ({ value: k, label: t(PLATFORM_KEYS[k]) }))}
            data-testid="integration-kind"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("admin.integrations.name")}
          rules={[{ ...required, whitespace: true }]}
          extra={t("admin.integrations.nameHint")}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="webhookUrl"
          label={t("admin.integrations.webhookUrl")}
          rules={isNew ? [{ ...required, whitespace: true }] : []}
          extra={
            <>
              {t(WEBHOOK_HINT_KEYS[kind])}
              {!isNew && <div>{t("admin.integrations.keepUrl", { url: integration.webhookUrlMasked })}</div>}
            </>
          }
        >
          <Input
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={isNew ? "https://…" : integration.webhookUrlMasked}
          />
        </Form.Item>
        {signs && (
          <Form.Item
            name="secret"
            label={t("admin.integrations.secret")}
            extra={
              <>
                {t(SECRET_HINT_KEYS[kind === "dingtalk" ? "dingtalk" : "feishu"])}
                {!isNew && integration.hasSecret && <div>{t("admin.integrations.keepSecret")}</div>}
              </>
            }
          >
            <Input.Password autoComplete="new-password" disabled={removeSecret} />
          </Form.Item>
        )}
        {signs && !isNew && integration.hasSecret && (
          <Form.Item name="removeSecret" valuePropName="checked">
            <Checkbox>{t("admin.integrations.removeSecret")}</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="departmentId"
          label={t("admin.integrations.scope")}
          extra={t("admin.integrations.scopeHint")}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t("admin.integrations.scopeOrganization")}
            options={departments
              .filter((d) => d.parentId !== null)
              .map((d) => ({ value: d.id, label: departmentPath(departments, d.id) }))
              .sort((a, b) => a.label.localeCompare(b.label))}
          />
        </Form.Item>
        <Form.Item
          name="events"
          label={t("admin.integrations.events")}
          rules={[{ required: true, type: "array", min: 1, message: t("admin.integrations.eventsRequired") }]}
        >
          <Checkbox.Group className="integration-events" data-testid="integration-events">
            {NOTIFICATION_KINDS.map((k) => (
              <Checkbox key={k} value={k}>
                {t(EVENT_KEYS[k])}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <p className="muted">{t("admin.integrations.storedNote")}</p>
        <div className="page-header-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="integration-save">
            {t("common.save")}
          </Button>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
        </div>
      </Form>
    </Modal>
  );
}
